package org.lanyard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.ErrorGroup;
import org.lanyard.core.ErrorKind;
import org.lanyard.server.acme.AcmeErrorMapping;
import org.springframework.http.HttpStatus;

/**
 * {@code docs/errors.md} says what the edges do: for every catalogued code its REST status
 * ({@link Problems}) and the ACME problem type and status ({@link AcmeErrorMapping}), and the
 * kind table says the same per kind. A failure prints the rows the document should hold.
 */
class ErrorDocumentationTest {

    static final Path DOCUMENT = root().resolve("docs/errors.md");

    @Test
    void everyCodeRowShowsTheEdgesStatusAndAcmeType() throws IOException {
        Map<String, List<String>> rows = rows(DOCUMENT, "| `", 5);
        List<String> wrong = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            List<String> row = rows.get(code.code());
            if (row == null || !row.equals(expected(code))) {
                wrong.add(render(expected(code)));
            }
        }
        assertThat(wrong).as("rows of docs/errors.md that differ from the edges (expected rows shown)").isEmpty();
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }

    @Test
    void theKindTableShowsEveryKindsStatusAndAcmeType() throws IOException {
        Map<String, List<String>> rows = rows(DOCUMENT, "| **", 4);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ErrorKind.values()).map(Enum::name).toList());
        for (ErrorKind kind : ErrorKind.values()) {
            AcmeErrorMapping.Problem acme = AcmeErrorMapping.of(kind, "not-a-catalogued-code");
            assertThat(rows.get(kind.name()).subList(1, 3)).as(kind.name()).containsExactly(
                    Integer.toString(Problems.status(kind).value()), acme.type().rfcName() + " (" + acme.status() + ")");
        }
    }

    /** REST statuses are those of v1 for every v1 kind; the finer kinds keep the status their codes had. */
    @Test
    void restStatusesByKind() {
        assertThat(Problems.status(ErrorKind.INVALID_INPUT)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Problems.status(ErrorKind.POLICY_REFUSED)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(Problems.status(ErrorKind.UNAUTHENTICATED)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(Problems.status(ErrorKind.FORBIDDEN)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Problems.status(ErrorKind.NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Problems.status(ErrorKind.CONFLICT)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(Problems.status(ErrorKind.INTERNAL)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        // csr-* were INVALID_INPUT (400); key-algorithm-allowed, dns-name-*, san-* were POLICY_REFUSED (422)
        assertThat(Problems.status(ErrorKind.BAD_CSR)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Problems.status(ErrorKind.BAD_KEY)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(Problems.status(ErrorKind.IDENTIFIER_REJECTED)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(Problems.status(ErrorKind.RATE_LIMITED)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Problems.status(ErrorKind.UNAVAILABLE)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        for (ErrorCode code : ErrorCode.values()) {
            if (code.group() != ErrorGroup.EDGE && code.kind() == code.kind().general()) {
                assertThat(Problems.status(code.kind(), code.code())).as(code.code())
                        .isEqualTo(Problems.status(code.kind().general()));
            }
        }
        // the edge's own codes name their status
        assertThat(Problems.status(ErrorKind.INVALID_INPUT, "method-not-allowed")).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(Problems.status(ErrorKind.INVALID_INPUT, "unsupported-media-type"))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(Problems.status(ErrorKind.INVALID_INPUT, "request-too-large")).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(Problems.status(ErrorKind.INVALID_INPUT, "not-acceptable")).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }

    /** What the row of {@code code} holds: code, kind, REST status, ACME type (status), meaning. */
    static List<String> expected(ErrorCode code) {
        AcmeErrorMapping.Problem acme = AcmeErrorMapping.of(code.kind(), code.code());
        return List.of(code.code(), code.kind().name(), Integer.toString(Problems.status(code.kind(), code.code()).value()),
                acme.type().rfcName() + " (" + acme.status() + ")", code.meaning());
    }

    static String render(List<String> row) {
        return "| `" + row.get(0) + "` | " + String.join(" | ", row.subList(1, row.size())) + " |";
    }

    /** Table rows starting with {@code marker}, by their first cell (without backticks or the marker). */
    static Map<String, List<String>> rows(Path document, String marker, int cells) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(document)) {
            if (!line.startsWith(marker)) {
                continue;
            }
            List<String> row = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|", -1))
                    .map(String::strip).collect(Collectors.toCollection(ArrayList::new));
            assertThat(row).as(line).hasSize(cells);
            row.set(0, row.get(0).replace("`", "").replace("*", ""));
            assertThat(rows.put(row.get(0), row)).as("listed twice: " + row.get(0)).isNull();
        }
        return rows;
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docs")) ? here : here.getParent();
    }
}
