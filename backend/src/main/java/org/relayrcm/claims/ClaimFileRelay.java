package org.relayrcm.claims;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.relayrcm.clearinghouse.Clearinghouse;
import org.relayrcm.clearinghouse.ClearinghouseUnavailable;
import org.relayrcm.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.annotation.PreDestroy;

/**
 * The outbox relay: hands a recorded submission's file to the clearinghouse after the transaction that recorded it
 * commits, so no file is ever out there without its submission row (a payer's 999 could not be matched otherwise).
 * A crash between the commit and the hand-over leaves the row undelivered; the sweep at start-up and every minute
 * delivers it then. Delivering twice is harmless: the clearinghouse keeps the first file of a name.
 * <p>
 * A clearinghouse that does not take the file (its outbox gone or read-only, a write that fails part-way, or one that
 * hangs past {@code relay.clearinghouse.delivery-timeout}) is tried again on the back-off of
 * {@code relay.clearinghouse.delivery-retry-cycle}, as the submit job is. After the last try the relay gives up on the
 * row and says so ({@link DeliveryGaveUp}): the manager's incident list shows it, and a manager's retry
 * ({@link #redeliver}) gives it one more try. Each attempt first leases its row (moves its next attempt past the
 * timeout), so two sweeps, on one node or two, never hand the same row over at once, and no lock is held while the
 * clearinghouse is slow.
 */
@Component
public class ClaimFileRelay {

    private static final Logger log = LoggerFactory.getLogger(ClaimFileRelay.class);
    /** Beyond the timeout, so a lease outlives the attempt it guards unless the node died. */
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(1);
    private static final int MAX_FAILURE = 300;

    private final JdbcClient jdbc;
    private final Clearinghouse clearinghouse;
    private final ApplicationEventPublisher events;
    private final Duration timeout;
    private final List<Duration> retryCycle;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claim-file-relay");
        t.setDaemon(true);
        return t;
    });
    /**
     * The hand-overs themselves, so the relay's thread can stop waiting for one that hangs. Bounded: a clearinghouse
     * that hangs every write cannot pile up threads; once all are stuck, attempts fail at once and back off.
     */
    private final ThreadPoolExecutor handOvers = new ThreadPoolExecutor(0, 4, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "clearinghouse-hand-over");
                t.setDaemon(true);
                return t;
            });

    ClaimFileRelay(JdbcClient jdbc, Clearinghouse clearinghouse, ApplicationEventPublisher events,
            @Value("${relay.clearinghouse.delivery-timeout:PT30S}") Duration timeout,
            @Value("${relay.clearinghouse.delivery-retry-cycle:PT1M,PT5M,PT15M,PT1H,PT4H}") String retryCycle) {
        this.jdbc = jdbc;
        this.clearinghouse = clearinghouse;
        this.events = events;
        this.timeout = timeout;
        this.retryCycle = Arrays.stream(retryCycle.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Duration::parse).toList();
    }

    /** Published by {@link ClaimSubmissions} in the transaction that records the submission. */
    record SubmissionRecorded(long submissionId) {
    }

    /** A manager allowed one more try of a submission the relay gave up on. */
    record RedeliveryAllowed(long submissionId) {
    }

    /**
     * The relay stopped trying to hand a submission's file over; a person has to see why. Published again at start-up
     * for every submission still given up on, so a crash right after giving up cannot hide one: listeners must be
     * idempotent. The failure names the file and the cause, never its content.
     */
    public record DeliveryGaveUp(long submissionId, String claimNumber, String failure) {
    }

    /**
     * On the relay's own thread: work done in an after-commit callback cannot start transactions or events of its
     * own (Spring runs no synchronization registered then), and the clearinghouse's listeners need both.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRecorded(SubmissionRecorded recorded) {
        attemptSoon(recorded.submissionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRedeliveryAllowed(RedeliveryAllowed allowed) {
        attemptSoon(allowed.submissionId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        announceGivenUp();
        sweeper.scheduleWithFixedDelay(this::sweep, 0, 60, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        handOvers.shutdownNow();
    }

    /**
     * A manager's retry of a submission the relay gave up on: one more attempt once the caller's transaction commits
     * (failing again gives up again at once, as a Camunda job retried from its incident does). False when there is
     * nothing to retry: the file went out meanwhile, or the relay has not given up on it.
     */
    @Transactional
    public boolean redeliver(long submissionId) {
        int allowed = jdbc.sql("""
                UPDATE claim_submission
                SET delivery_failed_at = NULL, delivery_retries_left = 0, next_delivery_at = NULL
                WHERE id = :id AND delivered_at IS NULL AND delivery_failed_at IS NOT NULL""")
                .param("id", submissionId).update();
        if (allowed == 0) {
            return false;
        }
        events.publishEvent(new RedeliveryAllowed(submissionId));
        return true;
    }

    /** Delivers every recorded submission whose file is not handed over yet and whose next attempt is due. */
    void sweep() {
        try {
            List<Long> due = jdbc.sql("""
                    SELECT id FROM claim_submission
                    WHERE delivered_at IS NULL AND delivery_failed_at IS NULL
                      AND (next_delivery_at IS NULL OR next_delivery_at <= :now)
                    ORDER BY id""").param("now", now()).query(Long.class).list();
            for (long id : due) {
                attempt(id);
            }
        } catch (RuntimeException e) {
            log.warn("Clearinghouse hand-over sweep failed: {}", e.getClass().getName());
        }
    }

    private void attemptSoon(long submissionId) {
        attemptAfter(submissionId, Duration.ZERO);
    }

    private void attemptAfter(long submissionId, Duration delay) {
        try {
            sweeper.schedule(() -> {
                try {
                    attempt(submissionId);
                } catch (RuntimeException e) {
                    // The database, most likely; the sweep tries again. Row id and failure type only, never the file.
                    log.warn("Submission {} not handed to the clearinghouse yet: {}", submissionId,
                            e.getClass().getName());
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // The row stays undelivered; the next start-up's sweep takes it.
        }
    }

    private void attempt(long submissionId) {
        OffsetDateTime now = now();
        int leased = jdbc.sql("""
                UPDATE claim_submission SET delivery_attempts = delivery_attempts + 1, next_delivery_at = :lease
                WHERE id = :id AND delivered_at IS NULL AND delivery_failed_at IS NULL
                  AND (next_delivery_at IS NULL OR next_delivery_at <= :now)""")
                .param("lease", now.plus(timeout).plus(LEASE_MARGIN)).param("now", now).param("id", submissionId)
                .update();
        if (leased == 0) {
            return; // delivered, given up on, not due yet, or another attempt holds it
        }
        record Row(String fileName, String payload, String claimNumber, int attempts, Integer retriesLeft) {
        }
        Row row = jdbc.sql("""
                SELECT s.file_name, s.payload, c.claim_number, s.delivery_attempts AS attempts,
                       s.delivery_retries_left AS retries_left
                FROM claim_submission s JOIN claim c ON c.id = s.claim_id WHERE s.id = :id""")
                .param("id", submissionId).query(Row.class).single();
        String failure;
        try {
            handOver(row.fileName(), row.payload().getBytes(StandardCharsets.UTF_8));
            jdbc.sql("""
                    UPDATE claim_submission SET delivered_at = :now, next_delivery_at = NULL, delivery_failure = NULL
                    WHERE id = :id AND delivered_at IS NULL""")
                    .param("now", now()).param("id", submissionId).update();
            return;
        } catch (ClearinghouseUnavailable e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            // Not a failure we know: its message could quote anything, so only its type.
            failure = "Unexpected failure handing " + row.fileName() + " over (" + e.getClass().getSimpleName() + ")";
        }
        if (!failure.contains(row.fileName())) {
            failure = row.fileName() + ": " + failure;
        }
        failed(submissionId, row.claimNumber(), row.attempts(), row.retriesLeft(), failure);
    }

    /** The clearinghouse's call, bounded: a write that hangs fails this attempt instead of holding the relay. */
    private void handOver(String fileName, byte[] content) {
        Future<?> handOver;
        try {
            handOver = handOvers.submit(() -> clearinghouse.deliver(fileName, content));
        } catch (RejectedExecutionException allStuck) {
            throw new ClearinghouseUnavailable("The clearinghouse has not finished earlier hand-overs; " + fileName
                    + " waits for them");
        }
        try {
            handOver.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException hung) {
            handOver.cancel(true);
            throw new ClearinghouseUnavailable("The clearinghouse did not take " + fileName + " within " + timeout);
        } catch (InterruptedException e) {
            handOver.cancel(true);
            Thread.currentThread().interrupt();
            throw new ClearinghouseUnavailable("Handing " + fileName + " over was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void failed(long submissionId, String claimNumber, int attempts, Integer retriesLeft, String failure) {
        int left = retriesLeft == null ? retryCycle.size() : retriesLeft;
        if (left <= 0) {
            String gaveUp = Text.truncate(failure + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + "; retry once the cause is fixed)", MAX_FAILURE);
            jdbc.sql("""
                    UPDATE claim_submission SET delivery_failed_at = :now, delivery_failure = :failure,
                           next_delivery_at = NULL, delivery_retries_left = 0
                    WHERE id = :id AND delivered_at IS NULL""")
                    .param("now", now()).param("failure", gaveUp).param("id", submissionId).update();
            log.error("Gave up handing submission {} to the clearinghouse after {} attempt(s)", submissionId, attempts);
            announce(new DeliveryGaveUp(submissionId, claimNumber, gaveUp));
            return;
        }
        Duration backOff = retryCycle.get(retryCycle.size() - left);
        jdbc.sql("""
                UPDATE claim_submission SET next_delivery_at = :next, delivery_retries_left = :left,
                       delivery_failure = :failure
                WHERE id = :id AND delivered_at IS NULL""")
                .param("next", now().plus(backOff)).param("left", left - 1)
                .param("failure", Text.truncate(failure, MAX_FAILURE)).param("id", submissionId).update();
        log.warn("Submission {} not taken by the clearinghouse (attempt {}); next attempt in {}", submissionId,
                attempts, backOff);
        attemptAfter(submissionId, backOff.plusMillis(10));
    }

    /** Says again which submissions are given up on, for listeners that missed it in a crash. */
    private void announceGivenUp() {
        record GivenUp(long id, String claimNumber, String failure) {
        }
        try {
            jdbc.sql("""
                    SELECT s.id, c.claim_number, s.delivery_failure AS failure
                    FROM claim_submission s JOIN claim c ON c.id = s.claim_id
                    WHERE s.delivered_at IS NULL AND s.delivery_failed_at IS NOT NULL ORDER BY s.id""")
                    .query(GivenUp.class).list()
                    .forEach(g -> announce(new DeliveryGaveUp(g.id(), g.claimNumber(), g.failure())));
        } catch (RuntimeException e) {
            log.warn("Could not announce given-up clearinghouse hand-overs: {}", e.getClass().getName());
        }
    }

    private void announce(DeliveryGaveUp gaveUp) {
        try {
            events.publishEvent(gaveUp);
        } catch (RuntimeException e) {
            // The row stays given up on; the next start-up announces it again.
            log.error("Could not announce that submission {} was given up on: {}", gaveUp.submissionId(),
                    e.getClass().getName());
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
