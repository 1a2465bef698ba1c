package org.lanyard.server.publication;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.lanyard.app.Settings;
import org.lanyard.app.Validation;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plain-HTTP listener for relying parties (CRLs and OCSP are fetched over http, RFC 5280
 * §4.2.1.13, RFC 6960): a second Tomcat connector on {@code LANYARD_HTTP_PORT} that serves only
 * the publication routes; everything else is 404 there, so no API call ever travels unencrypted.
 * Encoded slashes pass through undecoded on both connectors: RFC 5019 GET paths are base64.
 */
@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {

    /** Paths the plain-HTTP connector serves. */
    static boolean publicationPath(String path) {
        return path.startsWith("/crl/") || path.equals("/ocsp") || path.startsWith("/ocsp/") || path.startsWith("/ca/");
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> publicationConnector(Validation validation, Settings settings) {
        return factory -> {
            factory.addConnectorCustomizers(c -> c.setEncodedSolidusHandling("passthrough"));
            int port = validation.publication().httpPort();
            if (port > 0) {
                Connector http = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
                http.setPort(port);
                http.setScheme("http");
                http.setSecure(false);
                http.setProperty("address", settings.bindAddress());
                http.setEncodedSolidusHandling("passthrough");
                http.setMaxPostSize(64 * 1024);
                factory.addAdditionalConnectors(http);
            }
        };
    }

    @Bean
    Filter publicationOnlyOnPlainHttp(Validation validation) {
        int port = validation.publication().httpPort();
        return (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            if (port > 0 && !http.isSecure() && http.getLocalPort() == port
                    && !publicationPath(http.getRequestURI())) {
                HttpServletResponse out = (HttpServletResponse) response;
                out.setStatus(HttpServletResponse.SC_NOT_FOUND);
                out.setContentType("application/problem+json");
                out.getWriter().write("{\"type\":\"urn:lanyard:problem:not-found\",\"title\":\"Not found\","
                        + "\"status\":404,\"code\":\"not-found\",\"detail\":\"plain HTTP serves only /crl, /ocsp"
                        + " and /ca; use HTTPS\"}");
                return;
            }
            chain.doFilter(request, response);
        };
    }
}
