package org.lanyard.core.revocation;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;
import org.lanyard.core.LanyardException;

/**
 * Reads OCSP requests from outside (RFC 6960 POST bodies and RFC 5019 GET paths) strictly: a
 * size limit, exactly one DER value with no trailing bytes, 1 to {@link #MAX_CERTIFICATES}
 * certificate ids, a nonce of 1 to 32 octets (RFC 8954). Anything else is refused with a
 * {@link LanyardException} of kind INVALID_INPUT, which the responder answers with
 * {@code malformedRequest}; nothing else escapes. A request signature, if any, is ignored.
 */
public final class OcspRequestIntake {

    /** RFC 5019 requests are about 100 bytes; this leaves room for signed requests. */
    public static final int MAX_BYTES = 8 * 1024;
    public static final int MAX_CERTIFICATES = 16;
    public static final int MAX_NONCE_BYTES = 32;

    private OcspRequestIntake() {
    }

    public static OcspQuery parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw malformed("ocsp-request-malformed", "the OCSP request is empty");
        }
        if (der.length > MAX_BYTES) {
            throw malformed("ocsp-request-too-large", "an OCSP request is at most " + MAX_BYTES + " bytes");
        }
        try {
            OCSPReq request = new OCSPReq(OCSPRequest.getInstance(single(der)));
            Req[] list = request.getRequestList();
            if (list.length == 0 || list.length > MAX_CERTIFICATES) {
                throw malformed("ocsp-request-malformed",
                        "an OCSP request asks about 1 to " + MAX_CERTIFICATES + " certificates");
            }
            List<CertificateID> ids = new ArrayList<>(list.length);
            for (Req req : list) {
                CertificateID id = req.getCertID();
                id.getSerialNumber(); // forces the lazy parts to decode here
                id.getIssuerNameHash();
                id.getIssuerKeyHash();
                id.getHashAlgOID();
                ids.add(id);
            }
            return new OcspQuery(ids, nonce(request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)));
        } catch (LanyardException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw malformed("ocsp-request-malformed", "the OCSP request is not a valid DER OCSPRequest");
        }
    }

    /**
     * An RFC 5019 GET: the path after the responder's base URL is the base64 DER request,
     * URL-encoded. Both the standard and the URL-safe base64 alphabet are accepted.
     */
    public static OcspQuery parseGetPath(String path) {
        if (path == null || path.isEmpty()) {
            throw malformed("ocsp-request-malformed", "the OCSP GET path is empty");
        }
        if (path.length() > 3 * MAX_BYTES) {
            throw malformed("ocsp-request-too-large", "the OCSP GET path is too long");
        }
        try {
            String base64 = URLDecoder.decode(path.startsWith("/") ? path.substring(1) : path,
                    StandardCharsets.US_ASCII).replace(' ', '+').trim();
            byte[] der = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
            return parse(der);
        } catch (IllegalArgumentException e) {
            throw malformed("ocsp-request-malformed", "the OCSP GET path is not URL-encoded base64");
        }
    }

    private static ASN1Primitive single(byte[] der) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive value = in.readObject();
            if (value == null || in.readObject() != null) {
                throw malformed("ocsp-request-malformed", "an OCSP request is exactly one DER value");
            }
            return value;
        }
    }

    private static Extension nonce(Extension extension) {
        if (extension == null) {
            return null;
        }
        byte[] value = extension.getExtnValue().getOctets();
        int length;
        try {
            length = ASN1OctetString.getInstance(value).getOctets().length; // RFC 8954: OCTET STRING inside
        } catch (RuntimeException notWrapped) {
            length = value.length; // some clients put the bytes in directly
        }
        if (length < 1 || length > MAX_NONCE_BYTES) {
            throw malformed("ocsp-nonce-size", "an OCSP nonce is 1 to " + MAX_NONCE_BYTES + " octets");
        }
        return extension;
    }

    private static LanyardException malformed(String code, String detail) {
        return LanyardException.invalid(code, detail);
    }
}
