package org.lanyard.server;

import java.util.HashMap;
import java.util.Map;
import org.lanyard.app.Lanyard;
import org.lanyard.server.boot.ServerTls;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The HTTP front end: one Spring Boot application around an already wired {@link Lanyard}.
 * Spring is confined to this module's web layer (ADR 0002); the core never sees it.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class LanyardServer {

    /** Starts HTTPS on the settings' address and port; returns once the server accepts requests. */
    public static ConfigurableApplicationContext start(Lanyard lanyard, ServerTls tls) {
        SpringApplication app = new SpringApplication(LanyardServer.class);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("lanyard", lanyard));
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.address", lanyard.settings().bindAddress());
        properties.put("server.port", Integer.toString(lanyard.settings().port()));
        properties.put("server.ssl.enabled", "true");
        properties.put("server.ssl.key-store", tls.keyStore().toString());
        properties.put("server.ssl.key-store-type", "PKCS12");
        properties.put("server.ssl.key-store-password", new String(tls.password()));
        properties.put("server.ssl.trust-store", tls.trustStore().toString());
        properties.put("server.ssl.trust-store-type", "PKCS12");
        properties.put("server.ssl.trust-store-password", new String(tls.password()));
        properties.put("server.ssl.client-auth", "want");
        properties.put("server.error.whitelabel.enabled", "false");
        properties.put("server.tomcat.max-swallow-size", "1MB");
        properties.put("server.tomcat.max-http-form-post-size", "1MB");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.mvc.problemdetails.enabled", "true");
        properties.put("springdoc.api-docs.path", "/api/v1/openapi");
        properties.put("springdoc.swagger-ui.path", "/api/docs");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.lanyard", "INFO");
        app.setDefaultProperties(properties);
        app.setRegisterShutdownHook(false); // the caller closes the context, then the database
        ConfigurableApplicationContext context = app.run();
        lanyard.startJobs(); // the first CRLs and OCSP responder certificates exist before this returns
        return context;
    }
}
