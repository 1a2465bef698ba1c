package org.lanyard.server.web;

import org.lanyard.server.http.PublicRoute;
import java.util.Map;
import org.lanyard.app.Settings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness for load balancers and scripts. */
@RestController
public class SystemController {

    private final Settings settings;

    public SystemController(Settings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/health")
    @PublicRoute("load balancers probe it without credentials; it reveals nothing but liveness")
    public Map<String, String> health() {
        return Map.of("status", "up", "node", settings.nodeId());
    }
}
