package org.lanyard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lanyard.core.acme.AcmeError;
import org.lanyard.core.ca.IssuanceRule;
import org.lanyard.core.ca.IssuanceRules;

/**
 * The catalogue ({@link ErrorCode}) is complete and exact: every code the main sources of every
 * module raise is in it with the kind it is raised with, every entry is raised somewhere, and
 * {@code docs/errors.md} lists each with its kind. The scan is {@link RaisedErrorCodes}; its own
 * test below shows it reports an unknown code and a code it cannot read.
 */
class ErrorCodeTest {

    static final Path ROOT = RaisedErrorCodes.root();
    static final List<RaisedErrorCodes.Site> SITES = RaisedErrorCodes.scan(RaisedErrorCodes.mainSourceRoots(ROOT));

    /**
     * Codes raised with a kind other than their entry's, with why. Codes are API (ADR 0005), so an
     * overloaded code stays until a breaking release renames one use.
     */
    static final Map<String, String> KIND_OVERLOADS = Map.of(
            "certificate-unknown@Authenticate.java", "UNAUTHENTICATED: a client certificate bound to no operator at sign-in");

    @Test
    void theScanSeesTheWholeTree() {
        assertThat(RaisedErrorCodes.mainSourceRoots(ROOT)).extracting(p -> ROOT.relativize(p).toString())
                .contains("lanyard-core/src/main/java", "lanyard-keys/src/main/java", "lanyard-store/src/main/java",
                        "lanyard-server/src/main/java");
        assertThat(SITES).as("sites found").hasSizeGreaterThan(150);
    }

    @Test
    void everyCodeExpressionCanBeChecked() {
        assertThat(SITES.stream().filter(RaisedErrorCodes.Site::unresolved).map(Object::toString).toList())
                .as("codes raised with an expression the scan cannot read: use a literal, a static final "
                        + "String constant or LanyardException.of(ErrorCode.X, …)")
                .isEmpty();
    }

    @Test
    void everyRaisedCodeIsCatalogued() {
        assertThat(SITES.stream().filter(s -> !s.unresolved() && ErrorCode.find(s.code()).isEmpty())
                .map(Object::toString).toList())
                .as("codes raised but missing from ErrorCode (add an entry, and a row to docs/errors.md)")
                .isEmpty();
    }

    @Test
    void everyRaisingSiteUsesTheCataloguedKind() {
        List<String> wrong = new ArrayList<>();
        for (RaisedErrorCodes.Site site : SITES) {
            if (site.unresolved() || site.kind() == null || site.kind().equals("ErrorCode")) {
                continue;
            }
            ErrorCode entry = ErrorCode.find(site.code()).orElse(null);
            if (entry != null && !entry.kind().name().equals(site.kind())
                    && !KIND_OVERLOADS.containsKey(site.code() + "@" + site.file())) {
                wrong.add(site + " raises " + site.kind() + ", the catalogue says " + entry.kind());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEntryIsRaisedSomewhere() {
        Set<String> raised = SITES.stream().filter(s -> !s.unresolved()).map(RaisedErrorCodes.Site::code)
                .collect(Collectors.toSet());
        Set<String> acme = Arrays.stream(AcmeError.values()).map(a -> a.code().code()).collect(Collectors.toSet());
        List<String> stale = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            boolean used = switch (code.group()) {
                case ACME -> acme.contains(code.code());
                // written by the REST edge itself (server.web.Problems), checked by ErrorDocumentationTest
                case EDGE -> true;
                default -> raised.contains(code.code());
            };
            if (!used) {
                stale.add(code.code());
            }
        }
        assertThat(stale).as("catalogued but raised nowhere").isEmpty();
    }

    @Test
    void issuanceRulesAreTheRuleEntries() {
        Set<String> rules = IssuanceRules.all().stream().map(IssuanceRule::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rules).isEqualTo(codes(ErrorGroup.ISSUANCE_RULE));
    }

    @Test
    void acmeErrorsAreTheAcmeEntries() {
        Set<String> acme = Arrays.stream(AcmeError.values()).map(a -> a.code().code())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(acme).isEqualTo(codes(ErrorGroup.ACME));
        for (AcmeError e : AcmeError.values()) {
            LanyardException raised = e.exception("x");
            assertThat(raised.code()).isEqualTo(e.code().code());
            assertThat(raised.kind()).isEqualTo(e.code().kind());
        }
    }

    @Test
    void codesAreStableNamesWithAKindAndAMeaning() {
        for (ErrorCode code : ErrorCode.values()) {
            String pattern = code.group() == ErrorGroup.ACME ? "acme-[a-z][A-Za-z]+" : "[a-z0-9]+(-[a-z0-9]+)*";
            assertThat(code.code()).as(code.name()).matches(pattern);
            assertThat(code.name()).as("constant name of " + code.code())
                    .isEqualTo(code.code().replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase());
            assertThat(code.meaning()).as(code.code()).isNotBlank().doesNotContain("\n", "|").endsWith(".");
            assertThat(ErrorCode.find(code.code())).contains(code);
        }
        assertThat(ErrorCode.find("no-such-code")).isEmpty();
        assertThat(ErrorCode.kindOf("no-such-code", ErrorKind.POLICY_REFUSED)).isEqualTo(ErrorKind.POLICY_REFUSED);
    }

    @Test
    void finerKindsRefineAV1Kind() {
        Set<ErrorKind> v1 = EnumSet.of(ErrorKind.INVALID_INPUT, ErrorKind.POLICY_REFUSED, ErrorKind.UNAUTHENTICATED,
                ErrorKind.FORBIDDEN, ErrorKind.NOT_FOUND, ErrorKind.CONFLICT, ErrorKind.INTERNAL);
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(v1).as(kind.name()).contains(kind.general());
        }
        assertThat(ErrorKind.BAD_CSR.general()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(ErrorKind.BAD_KEY.general()).isEqualTo(ErrorKind.POLICY_REFUSED);
        assertThat(ErrorKind.IDENTIFIER_REJECTED.general()).isEqualTo(ErrorKind.POLICY_REFUSED);
        assertThat(ErrorKind.RATE_LIMITED.general()).isEqualTo(ErrorKind.POLICY_REFUSED);
        assertThat(ErrorKind.UNAVAILABLE.general()).isEqualTo(ErrorKind.INTERNAL);
    }

    /** docs/errors.md: one row per code, with the catalogue's kind and meaning. */
    @Test
    void theDocumentListsEveryCodeWithItsKind() throws IOException {
        Map<String, List<String>> rows = documentRows(ROOT.resolve("docs/errors.md"));
        assertThat(rows.keySet()).as("codes documented in docs/errors.md")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
        for (ErrorCode code : ErrorCode.values()) {
            List<String> row = rows.get(code.code());
            assertThat(row.get(1)).as("kind of " + code.code()).isEqualTo(code.kind().name());
            assertThat(row.get(4)).as("meaning of " + code.code()).isEqualTo(code.meaning());
        }
    }

    /** The scan finds a code that is not catalogued and one it cannot read — it can fail. */
    @Test
    void theScanReportsUnknownAndUnreadableCodes(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("m/src/main/java/x/Probe.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package x;
                import org.lanyard.core.ErrorKind;
                import org.lanyard.core.LanyardException;
                class Probe {
                    static final String CODE = "csr-malformed";
                    void a() { throw LanyardException.invalid("no-such-code", "x"); }
                    void b(String dynamic) { throw new LanyardException(ErrorKind.INTERNAL, dynamic + "-x", "x"); }
                    void c() { throw refuse(CODE); }
                    void d() { throw new LanyardException(ErrorKind.CONFLICT,
                            "page-invalid", "x"); }
                    static LanyardException refuse(String code) { return LanyardException.conflict(code, "x"); }
                }
                """);
        List<RaisedErrorCodes.Site> sites = RaisedErrorCodes.scan(RaisedErrorCodes.mainSourceRoots(dir));
        assertThat(sites).extracting(RaisedErrorCodes.Site::code, RaisedErrorCodes.Site::kind, RaisedErrorCodes.Site::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("no-such-code", "INVALID_INPUT", 6L),
                        org.assertj.core.groups.Tuple.tuple(null, "INTERNAL", 7L),
                        org.assertj.core.groups.Tuple.tuple("csr-malformed", "CONFLICT", 8L),
                        org.assertj.core.groups.Tuple.tuple("page-invalid", "CONFLICT", 10L));
        assertThat(ErrorCode.find("no-such-code")).isEmpty();
    }

    static Set<String> codes(ErrorGroup group) {
        return Arrays.stream(ErrorCode.values()).filter(c -> c.group() == group).map(ErrorCode::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The rows of the code tables: {@code | `code` | KIND | status | ACME type | meaning |}, by code.
     * A code listed twice fails here.
     */
    static Map<String, List<String>> documentRows(Path document) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(document)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
            List<String> row = Arrays.stream(cells).map(String::strip).collect(Collectors.toCollection(ArrayList::new));
            assertThat(row).as(line).hasSize(5);
            row.set(0, row.get(0).replace("`", ""));
            assertThat(rows.put(row.get(0), row)).as("listed twice: " + row.get(0)).isNull();
        }
        return rows;
    }
}
