package org.relayrcm.codesets.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.relayrcm.codesets.CodeSetFiles.InvalidCodeSetFileException;
import org.relayrcm.codesets.CodeSetImporter;
import org.relayrcm.codesets.CodeSetImporter.ImportResult;
import org.relayrcm.codesets.CodeSetVersion;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageResponse;
import org.relayrcm.shared.ValidationError;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Code set imports for administrators (camunda-admin; SecurityConfig guards /api/admin/**). */
@RestController
@RequestMapping("/api/admin/codesets")
class CodeSetAdminController {

    private final CodeSetImporter importer;
    private final CodeSets codeSets;
    private final CurrentUser user;

    CodeSetAdminController(CodeSetImporter importer, CodeSets codeSets, CurrentUser user) {
        this.importer = importer;
        this.codeSets = codeSets;
        this.user = user;
    }

    /** 201 with the new version; 200 with the existing one when the same file was imported before; 422 for a bad file. */
    @PostMapping(path = "/imports", consumes = "multipart/form-data")
    ResponseEntity<ImportResult> importFile(@RequestParam("file") MultipartFile file, @RequestParam CodeSystem system,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ImportResult result = importer.importFile(system, file.getOriginalFilename(), content, effectiveFrom,
                    effectiveTo, user.id(), null);
            return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
        } catch (InvalidCodeSetFileException e) {
            throw ApiException.invalid("The file was not imported; the code sets are unchanged.",
                    List.of(ValidationError.error("CODESETS-FILE", "file", e.getMessage())));
        }
    }

    @GetMapping("/versions")
    PageResponse<CodeSetVersion> versions() {
        List<CodeSetVersion> all = codeSets.versions();
        return new PageResponse<>(all, 0, all.size(), (long) all.size());
    }
}
