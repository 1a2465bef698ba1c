package org.lanyard.server.acme;

import java.util.List;
import java.util.Map;
import org.lanyard.core.LanyardException;
import org.lanyard.core.acme.AcmeEndpoint;
import org.lanyard.core.acme.Base64Url;
import org.lanyard.core.acme.EabKey;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.app.acme.Acme;
import org.lanyard.core.ra.ProfileAccess;
import org.lanyard.server.http.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators manage ACME endpoints and External Account Binding keys (REST, permission ACME_MANAGE). */
@RestController
@RequestMapping("/api/v1/acme")
public class AcmeAdminController {

    private final Acme acme;
    private final ProfileAccess profileAccess;

    public AcmeAdminController(Acme acme, ProfileAccess profileAccess) {
        this.acme = acme;
        this.profileAccess = profileAccess;
    }

    public record EabKeyBody(String endpoint, List<String> profiles, List<String> dnsNames) {
    }

    public record EabKeyView(String keyId, String hmacKey, String endpoint, List<String> profiles, List<String> dnsNames,
            String accountId, String createdAt) {

        static EabKeyView of(EabKey k, boolean withSecret) {
            return new EabKeyView(k.id(), withSecret ? Base64Url.encode(k.hmacKey()) : null, k.endpoint(), k.profiles(),
                    k.dnsNames(), k.accountId(), k.createdAt().toString());
        }
    }

    public record EndpointBody(List<String> profiles, Boolean externalAccountRequired, List<String> dnsNames) {
    }

    /** Makes a key; the HMAC key ({@code hmacKey}, base64url) is shown only in this answer. */
    @PostMapping("/eab-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.ACME_MANAGE)
    public EabKeyView createEabKey(@RequestBody EabKeyBody body, AuthenticatedOperator operator) {
        String endpoint = body == null || body.endpoint() == null ? AcmeEndpoint.DEFAULT : body.endpoint();
        AcmeEndpoint ep;
        try {
            ep = acme.endpoint(endpoint);
        } catch (LanyardException e) {
            throw LanyardException.notFound("acme-endpoint-unknown", "no ACME endpoint '" + endpoint + "'");
        }
        EabKey key = acme.createEabKey.create(ep, body == null || body.profiles() == null ? List.of()
                : body.profiles(), body == null || body.dnsNames() == null ? List.of() : body.dnsNames(),
                operator.actor());
        return EabKeyView.of(key, true);
    }

    @GetMapping("/eab-keys")
    @RequiresPermission(Permission.ACME_MANAGE)
    public List<EabKeyView> eabKeys(@RequestParam(required = false) String endpoint) {
        return acme.store.eabKeys().list(endpoint).stream().map(k -> EabKeyView.of(k, false)).toList();
    }

    @PutMapping("/endpoints/{name}")
    @RequiresPermission(Permission.ACME_MANAGE)
    public AcmeEndpoint saveEndpoint(@PathVariable String name, @RequestBody EndpointBody body,
            AuthenticatedOperator operator) {
        if (body == null || body.profiles() == null || body.profiles().isEmpty()) {
            throw LanyardException.invalid("acme-endpoint-profiles", "'profiles' (certificate profile ids) is required");
        }
        // an endpoint lets ACME clients issue under its profiles: only within what the operator may issue
        body.profiles().forEach(profile -> profileAccess.requireMayIssue(operator, profile));
        AcmeEndpoint endpoint = new AcmeEndpoint(name, body.profiles(),
                body.externalAccountRequired() == null || body.externalAccountRequired(),
                body.dnsNames() == null || body.dnsNames().isEmpty() ? List.of("*") : body.dnsNames());
        return acme.saveEndpoint.save(endpoint, operator.actor());
    }

    @GetMapping("/endpoints")
    @RequiresPermission(Permission.ACME_MANAGE)
    public Map<String, Object> endpoints() {
        List<AcmeEndpoint> stored = acme.store.endpoints().list();
        boolean defaultStored = stored.stream().anyMatch(e -> e.name().equals(AcmeEndpoint.DEFAULT));
        List<AcmeEndpoint> all = new java.util.ArrayList<>(stored);
        if (!defaultStored) {
            all.add(0, acme.settings.defaultEndpoint());
        }
        return Map.of("endpoints", all);
    }
}
