package org.relayrcm.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxFolderClearinghouseTest {

    @TempDir
    Path outbox;
    final List<Object> events = new ArrayList<>();

    @Test
    void writesAFileWholeUnderItsName() throws Exception {
        Clearinghouse.Delivery delivery = clearinghouse().deliver("RC1-1-abc.837", bytes("ISA*first~"));

        assertThat(delivery.alreadyDelivered()).isFalse();
        assertThat(Files.readString(outbox.resolve("RC1-1-abc.837"))).isEqualTo("ISA*first~");
        assertThat(filesIn(outbox)).containsExactly("RC1-1-abc.837");
        assertThat(filesIn(outbox.resolve(".staging"))).isEmpty();
    }

    @Test
    void keepsTheFirstFileWhenARetryDeliversTheSameNameAgain() throws Exception {
        OutboxFolderClearinghouse clearinghouse = clearinghouse();
        clearinghouse.deliver("RC1-1-abc.837", bytes("ISA*first~"));

        Clearinghouse.Delivery retry = clearinghouse.deliver("RC1-1-abc.837", bytes("ISA*second attempt~"));

        assertThat(retry.alreadyDelivered()).isTrue();
        assertThat(new String(retry.deliveredContent(), StandardCharsets.UTF_8)).isEqualTo("ISA*first~");
        assertThat(Files.readString(outbox.resolve("RC1-1-abc.837"))).isEqualTo("ISA*first~");
        assertThat(filesIn(outbox)).containsExactly("RC1-1-abc.837");
    }

    @Test
    void announcesEveryDeliverySoTheCommittingAttemptIsTheOneThatCounts() throws Exception {
        OutboxFolderClearinghouse clearinghouse = clearinghouse();
        clearinghouse.deliver("RC1-1-abc.837", bytes("x"));
        clearinghouse.deliver("RC1-1-abc.837", bytes("x"));

        assertThat(events).hasSize(2);
    }

    @Test
    void refusesNamesThatCouldLeaveTheOutbox() throws Exception {
        OutboxFolderClearinghouse clearinghouse = clearinghouse();

        assertThatThrownBy(() -> clearinghouse.deliver("../escape.837", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clearinghouse.deliver("/etc/passwd", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(filesIn(outbox)).isEmpty();
    }

    @Test
    void refusesToDeliverIntoAnOutboxThatWentAwayInsteadOfCreatingItAgain() throws Exception {
        OutboxFolderClearinghouse clearinghouse = clearinghouse();
        deleteTree(outbox);

        assertThatThrownBy(() -> clearinghouse.deliver("RC1-1-abc.837", bytes("ISA*first~")))
                .isInstanceOf(ClearinghouseUnavailable.class).hasMessageContaining("is missing")
                .hasMessageNotContaining("ISA");
        assertThat(outbox).doesNotExist();
        assertThat(events).isEmpty();
    }

    @Test
    void refusesToDeliverWhenTheOutboxIsAFileNotAFolder() throws Exception {
        OutboxFolderClearinghouse clearinghouse = clearinghouse();
        deleteTree(outbox);
        Files.writeString(outbox, "a share mounted wrongly");

        assertThatThrownBy(() -> clearinghouse.deliver("RC1-1-abc.837", bytes("x")))
                .isInstanceOf(ClearinghouseUnavailable.class);
    }

    @Test
    void writesTheWholeFileOverALeftoverOfAnAttemptThatDiedMidWrite() throws Exception {
        OutboxFolderClearinghouse clearinghouse = clearinghouse();
        // What a crash or a full disk leaves: the start of the file under a temporary name, nothing under the real one.
        Path leftover = outbox.resolve(".staging/RC1-1-abc.837.5e1f.part");
        Files.writeString(leftover, "ISA*fir");

        Clearinghouse.Delivery delivery = clearinghouse.deliver("RC1-1-abc.837", bytes("ISA*first~"));

        assertThat(delivery.alreadyDelivered()).isFalse();
        assertThat(Files.readString(outbox.resolve("RC1-1-abc.837"))).isEqualTo("ISA*first~");
        assertThat(filesIn(outbox)).containsExactly("RC1-1-abc.837");
    }

    @Test
    void removesTemporaryFilesOfDeadAttemptsButNotOnesStillBeingWritten() throws Exception {
        Files.createDirectories(outbox.resolve(".staging"));
        Path old = outbox.resolve(".staging/RC1-1-abc.837.old.part");
        Files.writeString(old, "ISA*fir");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path fresh = outbox.resolve(".staging/RC2-1-abc.837.new.part");
        Files.writeString(fresh, "ISA*sec");

        clearinghouse();

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private OutboxFolderClearinghouse clearinghouse() throws Exception {
        return new OutboxFolderClearinghouse(outbox, events::add);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
