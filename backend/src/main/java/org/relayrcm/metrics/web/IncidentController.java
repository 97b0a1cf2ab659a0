package org.relayrcm.metrics.web;

import org.relayrcm.metrics.Incidents;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    PageResponse<Incidents.IncidentView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return incidents.list(PageRequestParams.of(page, size));
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable String id) {
        incidents.retry(id);
        return ResponseEntity.accepted().build();
    }
}
