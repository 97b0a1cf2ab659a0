package org.relayrcm.intake.web;

import java.net.URI;

import org.relayrcm.intake.EncounterService;
import org.relayrcm.intake.NewEncounter;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/encounters")
class EncounterController {

    private final EncounterService encounters;

    EncounterController(EncounterService encounters) {
        this.encounters = encounters;
    }

    @PostMapping
    ResponseEntity<EncounterService.Received> receive(@Valid @RequestBody NewEncounter encounter) {
        EncounterService.Received received = encounters.receive(encounter);
        return ResponseEntity.created(URI.create("/api/encounters/" + received.encounterId())).body(received);
    }

    @GetMapping
    PageResponse<EncounterService.EncounterSummary> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return encounters.list(PageRequestParams.of(page, size));
    }
}
