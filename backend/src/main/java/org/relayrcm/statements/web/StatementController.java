package org.relayrcm.statements.web;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.relayrcm.statements.PaymentRequest;
import org.relayrcm.statements.ReviewRequest;
import org.relayrcm.statements.StatementDocument;
import org.relayrcm.statements.StatementPayments;
import org.relayrcm.statements.StatementQueries;
import org.relayrcm.statements.StatementReviews;
import org.relayrcm.statements.StatementStatus;
import org.relayrcm.statements.StatementSummary;
import org.relayrcm.statements.StatementView;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/statements")
class StatementController {

    private final StatementQueries queries;
    private final StatementPayments payments;
    private final StatementReviews reviews;
    private final StatementDocument document;
    private final PhiAccessLog accessLog;

    StatementController(StatementQueries queries, StatementPayments payments, StatementReviews reviews,
            StatementDocument document, PhiAccessLog accessLog) {
        this.queries = queries;
        this.payments = payments;
        this.reviews = reviews;
        this.document = document;
        this.accessLog = accessLog;
    }

    @GetMapping
    PageResponse<StatementSummary> list(@RequestParam(required = false) StatementStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return queries.list(status, PageRequestParams.of(page, size));
    }

    @GetMapping("/{id}")
    StatementView get(@PathVariable long id) {
        StatementView found = queries.get(id);
        accessLog.recordRead(PhiResource.STATEMENT, id);
        return found;
    }

    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        byte[] pdf = document.render(id);
        accessLog.recordRead(PhiResource.STATEMENT, id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                // The file names the account, never the patient; browsers must not keep a copy of PHI.
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("statement-" + id + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    @PostMapping("/{id}/payments")
    StatementView recordPayment(@PathVariable long id, @Valid @RequestBody PaymentRequest payment) {
        payments.record(id, payment);
        return queries.get(id);
    }

    @PostMapping("/{id}/review")
    StatementView review(@PathVariable long id, @Valid @RequestBody ReviewRequest review) {
        reviews.decide(id, review);
        return queries.get(id);
    }
}
