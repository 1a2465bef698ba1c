package org.lanyard.core.ca.content;

import java.util.ArrayList;
import java.util.List;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ExtensionsPolicy;
import org.lanyard.core.ca.PublicationPolicy;
import org.lanyard.core.ca.PublicationUrls;

/**
 * The modifier list of a profile, each modifier fed the part of the profile it writes. The
 * order is the extension order of every certificate Lanyard has issued, so certificates stay
 * byte-for-byte what they were (ProfileContentTest, docs/adr/0016-composable-certificate-content.md).
 */
public final class ProfileContent {

    private ProfileContent() {
    }

    public static List<CertificateModifier> modifiers(CertificateProfile profile, PublicationUrls.Urls issuerUrls) {
        ExtensionsPolicy extensions = profile.extensions();
        PublicationPolicy publication = profile.publication();
        PublicationUrls.Urls urls = extensions.issuerPublication() ? issuerUrls : PublicationUrls.Urls.NONE;
        List<CertificateModifier> modifiers = new ArrayList<>();
        modifiers.add(Modifiers.endEntityBasicConstraints());
        modifiers.add(Modifiers.keyUsage(profile.usage()));
        modifiers.add(Modifiers.extendedKeyUsage(profile.usage().extendedKeyUsage()));
        modifiers.add(Modifiers.subjectAltNames());
        modifiers.add(Modifiers.subjectKeyIdentifier());
        modifiers.add(Modifiers.authorityKeyIdentifier());
        modifiers.add(Modifiers.crlDistributionPoints(publication.crlUrls(urls)));
        modifiers.add(Modifiers.authorityInformationAccess(publication.ocsp(urls), publication.caIssuers(urls)));
        if (extensions.ocspNoCheck()) {
            modifiers.add(Modifiers.ocspNoCheck());
        }
        return List.copyOf(modifiers);
    }
}
