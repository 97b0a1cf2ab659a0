package org.relayrcm.coding.web;

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

    QueryController(PhysicianQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    PhysicianQuery.View get(@PathVariable long id) {
        return queries.get(id);
    }

    @PostMapping("/answer")
    PhysicianQuery.View answer(@PathVariable long id, @Valid @RequestBody PhysicianQuery.Answer answer) {
        return queries.answer(id, answer);
    }
}
