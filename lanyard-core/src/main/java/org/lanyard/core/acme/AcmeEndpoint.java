package org.lanyard.core.acme;

import java.util.List;

/**
 * One ACME directory: {@code /acme/directory} is the endpoint named {@value #DEFAULT}, others
 * are {@code /acme/{name}/directory}. Each has its own profile set and EAB requirement.
 *
 * @param profiles        Lanyard certificate profiles offered (ACME profiles extension); first is the default
 * @param dnsNames        DNS name patterns any account may order ({@code *} = any valid name)
 */
public record AcmeEndpoint(String name, List<String> profiles, boolean externalAccountRequired,
        List<String> dnsNames) {

    public static final String DEFAULT = "default";

    public AcmeEndpoint {
        profiles = List.copyOf(profiles);
        dnsNames = List.copyOf(dnsNames);
        if (!name.matches("[a-z0-9][a-z0-9-]{0,39}") || name.equals("directory")) {
            throw org.lanyard.core.LanyardException.invalid("acme-endpoint-name",
                    "an ACME endpoint name is 1-40 characters a-z, 0-9 and '-', and not 'directory'");
        }
        if (profiles.isEmpty()) {
            throw org.lanyard.core.LanyardException.invalid("acme-endpoint-profiles", "an ACME endpoint needs a profile");
        }
    }

    public String defaultProfile() {
        return profiles.get(0);
    }
}
