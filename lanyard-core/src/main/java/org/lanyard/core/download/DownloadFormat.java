package org.lanyard.core.download;

import java.util.Arrays;
import org.lanyard.core.LanyardException;

/** The formats a certificate can be downloaded in, by their API name ({@code ?format=}). */
public enum DownloadFormat {
    /** The certificate alone, PEM. */
    PEM("pem", "application/x-pem-file", "pem"),
    /** The certificate alone, DER. */
    DER("der", "application/pkix-cert", "cer"),
    /** The certificate, then its issuers up to the root (leaf first), PEM. */
    PEM_CHAIN("pem-chain", "application/x-pem-file", "pem"),
    /** The root first, then the issuing CAs, then the certificate, PEM. */
    PEM_CHAIN_ROOT_FIRST("pem-chain-root-first", "application/x-pem-file", "pem"),
    /** Certificate and issuers as a certs-only PKCS#7 (CMS SignedData), DER. */
    PKCS7("pkcs7", "application/pkcs7-mime", "p7b"),
    /** The same PKCS#7, PEM. */
    PKCS7_PEM("pkcs7-pem", "application/x-pem-file", "p7b"),
    /** The issuing CA chain only (issuing CA first, root last), PEM, without the certificate. */
    ISSUER_CHAIN("issuer-chain", "application/x-pem-file", "pem");

    private final String apiName;
    private final String contentType;
    private final String fileExtension;

    DownloadFormat(String apiName, String contentType, String fileExtension) {
        this.apiName = apiName;
        this.contentType = contentType;
        this.fileExtension = fileExtension;
    }

    public String apiName() {
        return apiName;
    }

    public String contentType() {
        return contentType;
    }

    public String fileExtension() {
        return fileExtension;
    }

    /** The format named in a request; {@code pem} when none is named. */
    public static DownloadFormat of(String name) {
        if (name == null || name.isBlank()) {
            return PEM;
        }
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name.trim())).findFirst()
                .orElseThrow(() -> LanyardException.invalid("download-format-unknown", "unknown format '" + name
                        + "'; use one of pem, der, pem-chain, pem-chain-root-first, pkcs7, pkcs7-pem, issuer-chain"));
    }
}
