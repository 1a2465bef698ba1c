package org.lanyard.core.ca.content;

/**
 * One small step of building a to-be-signed certificate, named so a reader (and a test) can point
 * at it: each writes at most one extension from one part of the profile. Modeled on step-ca's
 * {@code CertificateModifier}s (authority/provisioner/sign_options.go). The list a profile yields
 * runs in order on one {@link TbsBuilder}; the order is the order of the extensions.
 */
public interface CertificateModifier {

    /** A stable kebab-case name, e.g. {@code subject-key-identifier}. */
    String name();

    void modify(TbsBuilder tbs);

    /** A modifier called {@code name} that runs {@code body}. */
    static CertificateModifier named(String name, java.util.function.Consumer<TbsBuilder> body) {
        return new CertificateModifier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void modify(TbsBuilder tbs) {
                body.accept(tbs);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
