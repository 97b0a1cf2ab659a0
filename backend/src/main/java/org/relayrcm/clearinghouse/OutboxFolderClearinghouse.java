package org.relayrcm.clearinghouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Drops files into an outbox folder that a clearinghouse's SFTP client picks up. A file appears whole or not at all:
 * it is written under a temporary name in {@code .staging/} inside the outbox (same file system, and a folder a reader
 * of {@code *.837} files never lists), then linked under its real name, so a crash or a full disk mid-write leaves at
 * most a temporary file, which the next attempt ignores (each attempt writes its own) and start-up removes once it is
 * old. A name that is already there is never written again. An outbox that is missing or read-only is the
 * clearinghouse being unavailable: it is not created again during delivery, since an outbox on a mount that went away
 * would otherwise fill the local folder under it, where no clearinghouse looks.
 */
@Component
class OutboxFolderClearinghouse implements Clearinghouse {

    private static final Logger log = LoggerFactory.getLogger(OutboxFolderClearinghouse.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String TEMP_SUFFIX = ".part";
    /** Older than any write in progress: a temporary file this old was left by an attempt that died. */
    private static final Duration ABANDONED = Duration.ofMinutes(10);

    private final Path outbox;
    private final Path staging;
    private final ApplicationEventPublisher events;

    OutboxFolderClearinghouse(@Value("${relay.clearinghouse.outbox}") Path outbox, ApplicationEventPublisher events)
            throws IOException {
        // Created at start-up for the quick start; never again once running (see the class comment).
        this.outbox = Files.createDirectories(outbox.toAbsolutePath().normalize());
        this.staging = Files.createDirectories(this.outbox.resolve(".staging"));
        this.events = events;
        removeAbandonedTemporaryFiles(Instant.now().minus(ABANDONED));
    }

    @Override
    public Delivery deliver(String fileName, byte[] content) {
        if (!SAFE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("Unsafe outbox file name");
        }
        Delivery delivery = write(fileName, content);
        // Announced once the file is there, even when an earlier attempt wrote it: whoever hands a file over calls
        // this after its submission committed, so this is the moment the file is really out.
        events.publishEvent(new FileDelivered(fileName));
        return delivery;
    }

    private Delivery write(String fileName, byte[] content) {
        checkAvailable();
        Path target = outbox.resolve(fileName);
        Path temp = null;
        try {
            if (Files.exists(target)) {
                return new Delivery(fileName, Files.readAllBytes(target), true);
            }
            Files.createDirectories(staging);
            // Its own name per attempt: an attempt abandoned after a timeout may still be writing its copy.
            temp = staging.resolve(fileName + "." + UUID.randomUUID() + TEMP_SUFFIX);
            Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                // A plain ATOMIC_MOVE would replace an existing target on POSIX; createLink refuses instead.
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException raced) {
                return new Delivery(fileName, Files.readAllBytes(target), true);
            } catch (UnsupportedOperationException | AtomicMoveNotSupportedException noLinks) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Delivery(fileName, content, false);
        } catch (ClosedByInterruptException interrupted) {
            throw new ClearinghouseUnavailable("Writing " + fileName + " to the clearinghouse outbox was interrupted",
                    interrupted);
        } catch (IOException e) {
            throw new ClearinghouseUnavailable("Could not write " + fileName + " to the clearinghouse outbox "
                    + outbox + " (" + cause(e) + ")", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The outbox is the clearinghouse's door: gone (an unmounted share) or read-only means it is closed for now. */
    private void checkAvailable() {
        if (!Files.isDirectory(outbox)) {
            throw new ClearinghouseUnavailable("The clearinghouse outbox folder " + outbox
                    + " is missing (is its share mounted?)");
        }
        if (!Files.isWritable(outbox)) {
            throw new ClearinghouseUnavailable("The clearinghouse outbox folder " + outbox + " is not writable");
        }
    }

    /** What went wrong in words an operator knows ("No space left on device"), without the paths the JDK adds. */
    private static String cause(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Start-up removes it once it is old; a reader of *.837 files never sees it.
            log.warn("Could not remove a temporary outbox file: {}", e.getClass().getName());
        }
    }

    /** Temporary files of attempts that died mid-write (a crash, a full disk) and are older than {@code before}. */
    int removeAbandonedTemporaryFiles(Instant before) throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            log.info("Removed {} temporary outbox file(s) left by interrupted deliveries", removed);
        }
        return removed;
    }

    Path resolve(String fileName) {
        return outbox.resolve(fileName);
    }

    /** The names of the files handed over so far (not those still being written). */
    java.util.List<String> fileNames() {
        try (java.util.stream.Stream<Path> files = Files.list(outbox)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the clearinghouse outbox", e);
        }
    }

    /** Published in the delivering transaction; listeners act only after it commits. */
    record FileDelivered(String fileName) {
    }
}
