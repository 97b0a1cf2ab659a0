package org.relayrcm.coding.web;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import org.relayrcm.coding.PhysicianQueries;
import org.relayrcm.coding.PhysicianQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/queries/{id}")
class QueryController {

    private final PhysicianQueries queries;

    private final PhiAccessLog accessLog;

    QueryController(PhysicianQueries queries, PhiAccessLog accessLog) {
        this.queries = queries;
        this.accessLog = accessLog;
    }

    @GetMapping
    PhysicianQuery.View get(@PathVariable long id) {
        PhysicianQuery.View found = queries.get(id);
        accessLog.recordRead(PhiResource.PHYSICIAN_QUERY, id);
        return found;
    }

    @PostMapping("/answer")
    PhysicianQuery.View answer(@PathVariable long id, @Valid @RequestBody PhysicianQuery.Answer answer) {
        return queries.answer(id, answer);
    }
}
