package org.lanyard.server.web;

import org.lanyard.server.http.AuthenticatedRoute;
import org.lanyard.server.http.RequiresPermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.Pem;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.IssueApiToken;
import org.lanyard.core.operator.Operator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.BindOperatorCertificate;
import org.lanyard.core.operator.CreateOperator;
import org.lanyard.core.operator.OperatorReader;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators, their API tokens and their client certificates. */
@RestController
@RequestMapping("/api/v1/operators")
public class OperatorController {

    /** Tokens made through the API expire after a year unless the request says otherwise. */
    static final int DEFAULT_TOKEN_DAYS = 365;

    private final OperatorReader operators;
    private final CreateOperator createOperator;
    private final IssueApiToken issueApiToken;
    private final BindOperatorCertificate bindOperatorCertificate;

    public OperatorController(OperatorReader operators, CreateOperator createOperator, IssueApiToken issueApiToken, BindOperatorCertificate bindOperatorCertificate) {
        this.operators = operators;
        this.createOperator = createOperator;
        this.issueApiToken = issueApiToken;
        this.bindOperatorCertificate = bindOperatorCertificate;
    }

    public record OperatorView(String id, String name, String email, List<String> roles, boolean enabled,
            String createdAt) {

        public static OperatorView of(Operator o) {
            return new OperatorView(o.id(), o.name(), o.email(), o.roleIds().stream().sorted().toList(), o.enabled(),
                    o.createdAt().toString());
        }
    }

    public record CreateBody(String name, String email, List<String> roles) {
    }

    public record TokenBody(String name, Integer lifetimeDays) {
    }

    /** {@code token} is the secret: shown once, stored only as a hash. */
    public record TokenView(String id, String name, String expiresAt, String token) {
    }

    public record CertificateBody(String certificate) {
    }

    @GetMapping
    @RequiresPermission(Permission.OPERATOR_READ)
    public List<OperatorView> list() {
        return operators.listOperators().stream().map(OperatorView::of).toList();
    }

    @GetMapping("/me")
    @AuthenticatedRoute
    public OperatorView me(AuthenticatedOperator operator) {
        return OperatorView.of(operator.operator());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.OPERATOR_READ)
    public OperatorView show(@PathVariable String id) {
        return operators.findOperator(id).map(OperatorView::of)
                .orElseThrow(() -> LanyardException.notFound("operator-unknown", "operator '" + id + "' does not exist"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.OPERATOR_MANAGE)
    public OperatorView create(@RequestBody CreateBody body, AuthenticatedOperator operator) {
        if (body == null) {
            throw LanyardException.invalid("operator-invalid", "the operator is missing");
        }
        return OperatorView.of(createOperator.create(body.name(), body.email(),
                body.roles() == null ? Set.of() : Set.copyOf(body.roles()), operator));
    }

    @PostMapping("/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.OPERATOR_MANAGE)
    public TokenView issueToken(@PathVariable String id, @RequestBody TokenBody body, AuthenticatedOperator operator) {
        if (body == null) {
            throw LanyardException.invalid("token-name", "the token needs a name");
        }
        if (body.lifetimeDays() != null && (body.lifetimeDays() < 1 || body.lifetimeDays() > 3650)) {
            throw LanyardException.invalid("token-lifetime", "lifetimeDays is between 1 and 3650");
        }
        IssueApiToken.Issued issued = issueApiToken.issue(id, body.name(),
                Duration.ofDays(body.lifetimeDays() == null ? DEFAULT_TOKEN_DAYS : body.lifetimeDays()), operator);
        return new TokenView(issued.token().id(), issued.token().name(),
                issued.token().expiresAt() == null ? null : issued.token().expiresAt().toString(), issued.secret());
    }

    @PostMapping("/{id}/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.OPERATOR_MANAGE)
    public java.util.Map<String, String> bindCertificate(@PathVariable String id, @RequestBody CertificateBody body,
            AuthenticatedOperator operator) {
        if (body == null || body.certificate() == null) {
            throw LanyardException.invalid("certificate-malformed", "'certificate' holds the PEM client certificate");
        }
        String fingerprint = bindOperatorCertificate.bind(id,
                Pem.parseCertificates(body.certificate()).get(0), operator);
        return java.util.Map.of("operator", id, "fingerprint", fingerprint);
    }
}
