package org.relayrcm.clearinghouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The clearinghouse's side of the SFTP account: 999, 277CA and 835 files appear in the inbox folder and each is
 * received through {@link InboundFiles}, then moved to {@code processed/}, or to {@code failed/} with a
 * {@code .error.txt} beside it saying why (quoted values removed: they may be PHI). Only complete files are picked up:
 * names starting with a dot and the partial-upload suffixes SFTP clients use ({@code .part}, {@code .tmp},
 * {@code .filepart}) are left alone until renamed, and so is a file changed within
 * {@code relay.clearinghouse.inbox-settle-time} (a client that writes in place without renaming may still be writing
 * it). A file that does not parse while it is younger than {@code relay.clearinghouse.inbox-unreadable-grace} goes back
 * to the inbox for a later poll (an upload that paused longer than the settle time is not broken, only unfinished);
 * only an older one goes to {@code failed/}. A file is claimed by an atomic move into {@code .processing/}, so two
 * pollers (or two instances on a shared folder) never receive the same file at once; files left there by a crash
 * go back to the inbox at start-up, which is safe because receiving is idempotent. When the database is unreachable
 * a file goes back to the inbox to be tried again at the next poll.
 */
@Component
class InboxFolder {

    private static final Logger log = LoggerFactory.getLogger(InboxFolder.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");

    private final Path inbox;
    private final Path processing;
    private final Path staging;
    private final Path processed;
    private final Path failed;
    private final Duration interval;
    private final Duration settle;
    private final Duration unreadableGrace;
    private final Clock clock;
    private final InboundFiles intake;
    private ScheduledExecutorService poller;

    /** Where a picked-up file ended, and what receiving it said. */
    record Result(String fileName, Path movedTo, InboundSummary summary, String error) {

        boolean succeeded() {
            return summary != null;
        }
    }

    @Autowired
    InboxFolder(@Value("${relay.clearinghouse.inbox:}") String inbox,
            @Value("${relay.clearinghouse.outbox}") Path outbox,
            @Value("${relay.clearinghouse.inbox-poll-interval:PT5S}") Duration interval,
            @Value("${relay.clearinghouse.inbox-settle-time:PT3S}") Duration settle,
            @Value("${relay.clearinghouse.inbox-unreadable-grace:PT1M}") Duration unreadableGrace, InboundFiles intake)
            throws IOException {
        this(inbox, outbox, interval, settle, unreadableGrace, intake, Clock.systemUTC());
    }

    InboxFolder(String inbox, Path outbox, Duration interval, Duration settle, Duration unreadableGrace,
            InboundFiles intake, Clock clock) throws IOException {
        Path folder = inbox == null || inbox.isBlank() ? outbox.toAbsolutePath().normalize().resolveSibling("inbox")
                : Path.of(inbox).toAbsolutePath().normalize();
        this.inbox = Files.createDirectories(folder);
        this.processing = Files.createDirectories(folder.resolve(".processing"));
        this.staging = Files.createDirectories(folder.resolve(".staging"));
        this.processed = Files.createDirectories(folder.resolve("processed"));
        this.failed = Files.createDirectories(folder.resolve("failed"));
        this.interval = interval;
        this.settle = settle;
        this.unreadableGrace = unreadableGrace;
        this.clock = clock;
        this.intake = intake;
    }

    /** Polls from the moment the application is ready (the engine must be up to move claims); 0 turns it off. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        recoverInterrupted();
        if (interval.isZero() || interval.isNegative()) {
            log.info("Clearinghouse inbox polling is off (relay.clearinghouse.inbox-poll-interval = 0)");
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clearinghouse-inbox");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    Path folder() {
        return inbox;
    }

    /** Receives every complete, settled file now, oldest first. */
    List<Result> poll() {
        List<Path> ready;
        Instant settled = clock.instant().minus(settle);
        try (Stream<Path> files = Files.list(inbox)) {
            ready = files.filter(InboxFolder::isComplete).filter(f -> !modified(f).isAfter(settled))
                    .sorted(Comparator.comparing(InboxFolder::modified).thenComparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the clearinghouse inbox", e);
        }
        List<Result> results = new ArrayList<>();
        for (Path file : ready) {
            process(file).ifPresent(results::add);
        }
        return results;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.error("Clearinghouse inbox poll failed: {}", e.getClass().getName());
        }
    }

    /**
     * Puts a file into the inbox as a clearinghouse would: whole or not at all (written aside, then renamed), under a
     * new name if one is already there.
     */
    Path drop(String fileName, byte[] content) {
        if (!SAFE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("Unsafe inbox file name");
        }
        try {
            Path temp = staging.resolve(fileName + ".part");
            Files.write(temp, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return moveWithoutReplacing(temp, inbox, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to the clearinghouse inbox", e);
        }
    }

    /**
     * Receives one inbox file now. Empty when another poller claimed it first. Serialized, so files are received in
     * the order they are handed in (a 999 before the 277CA the simulator writes after it).
     */
    synchronized Optional<Result> process(Path file) {
        String name = file.getFileName().toString();
        Path claimed = processing.resolve(name);
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException takenByAnother) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not claim an inbox file", e);
        }
        try {
            byte[] content = Files.readAllBytes(claimed);
            InboundSummary summary;
            try {
                summary = intake.receive(content, InboundFiles.Channel.INBOX, name);
            } catch (ApiException refused) {
                if (modified(claimed).isAfter(clock.instant().minus(unreadableGrace))) {
                    // Perhaps not broken but unfinished: an upload that paused. Tried again until it is old enough.
                    Files.move(claimed, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    log.warn("Inbox file {} could not be read yet and stays in the inbox while it is new ({} {})", name,
                            refused.status().value(), refused.title());
                    return Optional.empty();
                }
                Path target = moveWithoutReplacing(claimed, failed, name);
                String error = errorText(refused);
                Files.writeString(failed.resolve(target.getFileName() + ".error.txt"), error + System.lineSeparator(),
                        StandardCharsets.UTF_8);
                log.warn("Inbox file {} was refused and moved to failed/ ({} {})", name, refused.status().value(),
                        refused.title());
                return Optional.of(new Result(name, target, null, error));
            } catch (RuntimeException transientOrBug) {
                // Not the file's fault (the database, most likely): leave it for the next poll.
                Files.move(claimed, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                log.error("Inbox file {} could not be received now and stays in the inbox: {}", name,
                        transientOrBug.getClass().getName());
                return Optional.empty();
            }
            return Optional.of(new Result(name, moveWithoutReplacing(claimed, processed, name), summary, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move an inbox file", e);
        }
    }

    /** The problem and its findings, with every quoted value replaced: a quote may be a member id or a name. */
    static String errorText(ApiException refused) {
        StringBuilder text = new StringBuilder(scrub(refused.getMessage()));
        for (ValidationError error : refused.errors()) {
            if (error.message() != null && !refused.getMessage().contains(error.message())) {
                text.append(System.lineSeparator()).append("- ").append(scrub(error.message()));
            }
        }
        return text.toString();
    }

    private static String scrub(String message) {
        return message == null ? "" : QUOTED.matcher(message).replaceAll("'...'");
    }

    private void recoverInterrupted() {
        try (Stream<Path> files = Files.list(processing)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                moveWithoutReplacing(file, inbox, file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not recover files from the inbox's .processing folder", e);
        }
    }

    private static Path moveWithoutReplacing(Path source, Path folder, String name) throws IOException {
        Path target = folder.resolve(name);
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    // createLink refuses an existing target, where a plain move would replace it on POSIX.
                    Files.createLink(target, source);
                    Files.delete(source);
                } catch (UnsupportedOperationException | AtomicMoveNotSupportedException noLinks) {
                    if (Files.exists(target)) {
                        throw new FileAlreadyExistsException(target.toString());
                    }
                    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return target;
            } catch (FileAlreadyExistsException taken) {
                target = folder.resolve(name + "." + Instant.now().toEpochMilli() + "-" + attempt);
            }
        }
    }

    private static boolean isComplete(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".part")
                && !name.endsWith(".tmp") && !name.endsWith(".filepart");
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
