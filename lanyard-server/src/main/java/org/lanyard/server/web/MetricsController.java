package org.lanyard.server.web;

import org.lanyard.app.metrics.Metrics;
import org.lanyard.core.operator.Permission;
import org.lanyard.server.http.RequiresPermission;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * This node's meters for Prometheus. Behind an API token (Prometheus sends it with
 * {@code authorization: {credentials_file: …}}) rather than on the public plain-HTTP listener:
 * counts by profile, issuer and refusing rule tell an outsider more than a CRL does.
 */
@RestController
public class MetricsController {

    private final Metrics metrics;

    public MetricsController(Metrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/api/v1/metrics")
    @RequiresPermission(Permission.METRICS_READ)
    public ResponseEntity<String> scrape() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Metrics.CONTENT_TYPE)).body(metrics.scrape());
    }
}
