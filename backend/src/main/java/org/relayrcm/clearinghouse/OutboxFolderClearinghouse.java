package org.relayrcm.clearinghouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Drops files into an outbox folder that a clearinghouse's SFTP client picks up. A file appears whole
 * or not at all (written beside the outbox, then renamed atomically), and a name that is already there
 * is never written again.
 */
@Component
class OutboxFolderClearinghouse implements Clearinghouse {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Path outbox;
    private final Path staging;
    private final ApplicationEventPublisher events;

    OutboxFolderClearinghouse(@Value("${relay.clearinghouse.outbox}") Path outbox, ApplicationEventPublisher events)
            throws IOException {
        this.outbox = Files.createDirectories(outbox.toAbsolutePath().normalize());
        this.staging = Files.createDirectories(this.outbox.resolve(".staging"));
        this.events = events;
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
        Path target = outbox.resolve(fileName);
        try {
            if (Files.exists(target)) {
                return new Delivery(fileName, Files.readAllBytes(target), true);
            }
            Path temp = staging.resolve(fileName + ".part");
            Files.write(temp, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                // A plain ATOMIC_MOVE would replace an existing target on POSIX; createLink refuses instead.
                Files.createLink(target, temp);
                Files.delete(temp);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
                return new Delivery(fileName, Files.readAllBytes(target), true);
            } catch (UnsupportedOperationException | AtomicMoveNotSupportedException noLinks) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Delivery(fileName, content, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to the clearinghouse outbox", e);
        }
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
