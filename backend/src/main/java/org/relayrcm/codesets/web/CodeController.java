package org.relayrcm.codesets.web;

import java.util.List;

import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageResponse;
import org.relayrcm.shared.ValidationError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CodeController {

    private final CodeSets codeSets;

    CodeController(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    @GetMapping("/api/codes")
    PageResponse<CodeEntry> search(@RequestParam CodeSystem system, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > 100 || q.length() > 100) {
            throw ApiException.badRequest("size must be 1 to 100 and q at most 100 characters.",
                    List.of(ValidationError.error("CODES-QUERY", size < 1 || size > 100 ? "size" : "q", "Out of range.")));
        }
        return codeSets.search(system, q, size);
    }
}
