package org.lanyard.app.acme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.lanyard.core.LanyardException;
import org.lanyard.core.acme.AcmeError;
import org.lanyard.core.acme.Base64Url;
import org.lanyard.core.acme.ChallengeType;
import org.lanyard.core.acme.ChallengeValidator;
import org.lanyard.core.acme.Identifier;

/**
 * The real network checks: http-01 (RFC 8555 §8.3) fetches the token over plain HTTP from the
 * identifier's address; dns-01 (§8.4) reads TXT {@code _acme-challenge.<name>}; tls-alpn-01
 * (RFC 8737) handshakes with ALPN {@code acme-tls/1} and checks the self-signed certificate's
 * acmeIdentifier extension. Redirects are not followed.
 */
public final class NetworkValidator implements ChallengeValidator {

    static final String ACME_IDENTIFIER_OID = "1.3.6.1.5.5.7.1.31";
    private static final int TIMEOUT_MS = 10_000;
    private static final int MAX_RESPONSE = 16 * 1024;

    private final DnsClient dns;
    private final int httpPort;
    private final int tlsPort;

    public NetworkValidator(DnsClient dns, int httpPort, int tlsPort) {
        this.dns = dns;
        this.httpPort = httpPort;
        this.tlsPort = tlsPort;
    }

    @Override
    public void validate(String type, Identifier identifier, String token, String keyAuthorization) {
        switch (type) {
            case ChallengeType.HTTP_01 -> http01(identifier.domain(), token, keyAuthorization);
            case ChallengeType.DNS_01 -> dns01(identifier.domain(), keyAuthorization);
            case ChallengeType.TLS_ALPN_01 -> tlsAlpn01(identifier.domain(), keyAuthorization);
            default -> throw AcmeError.MALFORMED.exception("unknown challenge type " + type);
        }
    }

    private void http01(String name, String token, String keyAuthorization) {
        InetAddress address = dns.addresses(name).get(0);
        String path = "/.well-known/acme-challenge/" + token;
        byte[] response;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, httpPort), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + name + (httpPort == 80 ? "" : ":" + httpPort)
                    + "\r\nUser-Agent: Lanyard-ACME\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = readAll(socket.getInputStream());
        } catch (IOException e) {
            throw AcmeError.CONNECTION.exception("fetching http://" + name + ":" + httpPort + path + " failed: "
                    + e.getMessage());
        }
        String text = new String(response, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw AcmeError.CONNECTION.exception("http://" + name + path + " did not answer with HTTP");
        }
        String head = text.substring(0, end);
        String status = head.split("\r\n", 2)[0];
        String[] parts = status.split(" ");
        if (parts.length < 2 || !parts[1].equals("200")) {
            throw AcmeError.UNAUTHORIZED.exception("http://" + name + path + " answered '" + status + "'");
        }
        String body = text.substring(end + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        if (!body.strip().equals(keyAuthorization)) {
            throw AcmeError.INCORRECT_RESPONSE.exception("http://" + name + path + " does not hold the key authorization");
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < body.length()) {
            int eol = body.indexOf("\r\n", pos);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(pos, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0 || eol + 2 + size > body.length()) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            pos = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_RESPONSE) {
                break;
            }
        }
        return out.toByteArray();
    }

    private void dns01(String name, String keyAuthorization) {
        String expected = Base64Url.encode(sha256(keyAuthorization));
        List<String> values = dns.txt("_acme-challenge." + name);
        if (values.isEmpty()) {
            throw AcmeError.DNS.exception("no TXT record at _acme-challenge." + name);
        }
        if (!values.contains(expected)) {
            throw AcmeError.INCORRECT_RESPONSE.exception("no TXT record at _acme-challenge." + name
                    + " holds the key authorization digest");
        }
    }

    private void tlsAlpn01(String name, String keyAuthorization) {
        InetAddress address = dns.addresses(name).get(0);
        X509Certificate certificate;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAny()}, null);
            try (Socket raw = new Socket()) {
                raw.connect(new InetSocketAddress(address, tlsPort), TIMEOUT_MS);
                raw.setSoTimeout(TIMEOUT_MS);
                SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, name, tlsPort, true);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(name)));
                parameters.setApplicationProtocols(new String[] {"acme-tls/1"});
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                if (!"acme-tls/1".equals(socket.getApplicationProtocol())) {
                    throw AcmeError.TLS.exception(name + ":" + tlsPort + " did not negotiate ALPN acme-tls/1");
                }
                certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                socket.close();
            }
        } catch (LanyardException e) {
            throw e;
        } catch (Exception e) {
            throw AcmeError.TLS.exception("TLS handshake with " + name + ":" + tlsPort + " failed: " + e.getMessage());
        }
        checkAlpnCertificate(certificate, name, keyAuthorization);
    }

    static void checkAlpnCertificate(X509Certificate certificate, String name, String keyAuthorization) {
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans == null || sans.size() != 1 || !((Integer) sans.iterator().next().get(0) == 2)
                    || !name.equalsIgnoreCase((String) sans.iterator().next().get(1))) {
                throw AcmeError.UNAUTHORIZED.exception("the tls-alpn-01 certificate must name exactly " + name);
            }
            if (!certificate.getCriticalExtensionOIDs().contains(ACME_IDENTIFIER_OID)) {
                throw AcmeError.UNAUTHORIZED.exception("the tls-alpn-01 certificate lacks a critical acmeIdentifier");
            }
            byte[] outer = ASN1OctetString.getInstance(certificate.getExtensionValue(ACME_IDENTIFIER_OID)).getOctets();
            byte[] digest = ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(outer)).getOctets();
            if (!Arrays.equals(digest, sha256(keyAuthorization))) {
                throw AcmeError.INCORRECT_RESPONSE.exception("the acmeIdentifier does not hold the key authorization digest");
            }
        } catch (LanyardException e) {
            throw e;
        } catch (Exception e) {
            throw AcmeError.UNAUTHORIZED.exception("the tls-alpn-01 certificate cannot be read");
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** tls-alpn-01 certificates are self-signed by design: the proof is the extension, not the chain. */
    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
