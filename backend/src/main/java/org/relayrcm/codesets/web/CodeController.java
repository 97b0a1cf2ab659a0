package org.relayrcm.codesets.web;

import java.time.LocalDate;
import java.util.List;

import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeMatch;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageResponse;
import org.relayrcm.shared.ValidationError;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CodeController {

    private final CodeSets codeSets;

    CodeController(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    /** The coding workbench's search: the version in force on the date of service (default today). */
    @GetMapping("/api/codes/search")
    PageResponse<CodeMatch> search(@RequestParam CodeSystem system, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dos,
            @RequestParam(defaultValue = "20") int limit) {
        check(q, limit, "limit");
        return codeSets.search(system, q, dos == null ? LocalDate.now() : dos, limit);
    }

    /** The first lookup API, kept for existing clients. */
    @GetMapping("/api/codes")
    PageResponse<CodeEntry> search(@RequestParam CodeSystem system, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "20") int size) {
        check(q, size, "size");
        return codeSets.search(system, q, size);
    }

    private static void check(String q, int size, String sizeName) {
        if (size < 1 || size > 100 || q.length() > 100) {
            throw ApiException.badRequest(sizeName + " must be 1 to 100 and q at most 100 characters.",
                    List.of(ValidationError.error("CODES-QUERY", size < 1 || size > 100 ? sizeName : "q", "Out of range.")));
        }
    }
}
