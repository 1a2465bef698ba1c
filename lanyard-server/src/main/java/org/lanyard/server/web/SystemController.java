package org.lanyard.server.web;

import java.util.Map;
import org.lanyard.server.boot.Lanyard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness for load balancers and scripts. */
@RestController
public class SystemController {

    private final Lanyard lanyard;

    public SystemController(Lanyard lanyard) {
        this.lanyard = lanyard;
    }

    @GetMapping("/api/v1/health")
    @PublicRoute("load balancers probe it without credentials; it reveals nothing but liveness")
    public Map<String, String> health() {
        return Map.of("status", "up", "node", lanyard.settings().nodeId());
    }
}
