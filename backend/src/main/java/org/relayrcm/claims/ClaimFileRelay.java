package org.relayrcm.claims;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.relayrcm.clearinghouse.Clearinghouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.annotation.PreDestroy;

/**
 * The outbox relay: hands a recorded submission's file to the clearinghouse after the transaction that recorded it
 * commits, so no file is ever out there without its submission row (a payer's 999 could not be matched otherwise).
 * A crash between the commit and the hand-over leaves the row undelivered; the sweep at start-up and every minute
 * delivers it then. Delivering twice is harmless: the clearinghouse keeps the first file of a name.
 */
@Component
class ClaimFileRelay {

    private static final Logger log = LoggerFactory.getLogger(ClaimFileRelay.class);

    private final JdbcClient jdbc;
    private final Clearinghouse clearinghouse;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claim-file-relay");
        t.setDaemon(true);
        return t;
    });

    ClaimFileRelay(JdbcClient jdbc, Clearinghouse clearinghouse) {
        this.jdbc = jdbc;
        this.clearinghouse = clearinghouse;
    }

    /** Published by {@link ClaimSubmissions} in the transaction that records the submission. */
    record SubmissionRecorded(long submissionId) {
    }

    /**
     * On the relay's own thread: work done in an after-commit callback cannot start transactions or events of its
     * own (Spring runs no synchronization registered then), and the clearinghouse's listeners need both.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRecorded(SubmissionRecorded recorded) {
        sweeper.execute(() -> {
            try {
                deliver(recorded.submissionId());
            } catch (RuntimeException e) {
                // The sweep retries it; the log gets the row id and the failure's type, never the file.
                log.warn("Submission {} not handed to the clearinghouse yet: {}", recorded.submissionId(),
                        e.getClass().getName());
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        sweeper.scheduleWithFixedDelay(this::sweep, 0, 60, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    /** Delivers every recorded submission whose file is not handed over yet. */
    void sweep() {
        try {
            List<Long> undelivered = jdbc.sql("SELECT id FROM claim_submission WHERE delivered_at IS NULL ORDER BY id")
                    .query(Long.class).list();
            for (long id : undelivered) {
                deliver(id);
            }
        } catch (RuntimeException e) {
            log.warn("Clearinghouse hand-over sweep failed: {}", e.getClass().getName());
        }
    }

    private void deliver(long submissionId) {
        record Row(String fileName, String payload) {
        }
        Row row = jdbc.sql("SELECT file_name, payload FROM claim_submission WHERE id = :id AND delivered_at IS NULL")
                .param("id", submissionId).query(Row.class).optional().orElse(null);
        if (row == null) {
            return;
        }
        clearinghouse.deliver(row.fileName(), row.payload().getBytes(StandardCharsets.UTF_8));
        jdbc.sql("UPDATE claim_submission SET delivered_at = :now WHERE id = :id AND delivered_at IS NULL")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("id", submissionId).update();
    }
}
