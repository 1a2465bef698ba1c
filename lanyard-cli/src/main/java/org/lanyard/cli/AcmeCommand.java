package org.lanyard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lanyard.core.Actor;
import org.lanyard.core.acme.AcmeEndpoint;
import org.lanyard.core.acme.Base64Url;
import org.lanyard.core.acme.EabKey;
import org.lanyard.app.Lanyard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lanyard acme eab create|list}: External Account Binding keys (RFC 8555 §7.3.4) for an
 * ACME endpoint, offline like {@code lanyard revoke} (the same use case as the admin API). The
 * HMAC key is printed once, when it is made; the list never shows it.
 */
@Command(name = "acme", description = "ACME server administration.", subcommands = AcmeCommand.Eab.class)
class AcmeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "eab", description = "External Account Binding keys.", subcommands = {Create.class, ListKeys.class})
    static class Eab implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "create", description = "Make an EAB key; prints its key id and HMAC key (shown only now).")
    static class Create implements Callable<Integer> {

        @Mixin
        DataOptions data;

        @Option(names = "--endpoint", defaultValue = AcmeEndpoint.DEFAULT, description = "ACME endpoint name (default: ${DEFAULT-VALUE})")
        String endpoint;

        @Option(names = "--profile", paramLabel = "P", description = "limit accounts to this profile (repeatable; default: the endpoint's)")
        List<String> profiles = new ArrayList<>();

        @Option(names = "--dns", paramLabel = "PATTERN", description = "limit accounts to these DNS names, e.g. *.corp.example (repeatable)")
        List<String> dnsNames = new ArrayList<>();

        @Override
        public Integer call() {
            try (Lanyard lanyard = data.open(data.settings())) {
                AcmeEndpoint ep = lanyard.acme().endpoint(endpoint);
                EabKey key = lanyard.acme().createEabKey.create(ep, profiles, dnsNames, Actor.SYSTEM);
                System.out.println("key id:   " + key.id());
                System.out.println("hmac key: " + Base64Url.encode(key.hmacKey()));
                System.out.println("endpoint: " + key.endpoint() + " (the HMAC key is not shown again)");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List EAB keys (never their HMAC keys).")
    static class ListKeys implements Callable<Integer> {

        @Mixin
        DataOptions data;

        @Option(names = "--endpoint", description = "only this endpoint")
        String endpoint;

        @Override
        public Integer call() {
            try (Lanyard lanyard = data.open(data.settings())) {
                System.out.printf("%-30s %-12s %-20s %-24s %-22s %s%n", "KEY ID", "ENDPOINT", "ACCOUNT", "PROFILES",
                        "CREATED", "DNS");
                for (EabKey k : lanyard.acme().store.eabKeys().list(endpoint)) {
                    System.out.printf("%-30s %-12s %-20s %-24s %-22s %s%n", k.id(), k.endpoint(),
                            k.accountId() == null ? "(unused)" : k.accountId(),
                            k.profiles().isEmpty() ? "(endpoint's)" : String.join(",", k.profiles()),
                            k.createdAt(), k.dnsNames().isEmpty() ? "(endpoint's)" : String.join(",", k.dnsNames()));
                }
            }
            return 0;
        }
    }
}
