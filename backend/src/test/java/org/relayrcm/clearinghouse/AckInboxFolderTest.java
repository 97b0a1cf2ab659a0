package org.relayrcm.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.util.unit.DataSize;

/** The inbox folder with a stand-in intake: which files it picks up and where each one ends. */
class AckInboxFolderTest {

    @TempDir
    Path root;
    final List<String> received = new ArrayList<>();
    RuntimeException failure;

    /** Records what it is handed; throws {@link #failure} when one is set. */
    class StandInIntake extends InboundFiles {

        StandInIntake() {
            super(null, null, null, null, DataSize.ofMegabytes(16));
        }

        @Override
        public InboundSummary receive(byte[] content, Channel channel, String fileName) {
            if (failure != null) {
                throw failure;
            }
            received.add(fileName + "=" + new String(content, StandardCharsets.UTF_8));
            return new InboundSummary("999", 1, false, null, 1, 0, List.of(), List.of(), List.of(), null, List.of());
        }
    }

    InboxFolder inbox() throws Exception {
        return new InboxFolder(root.resolve("in").toString(), root.resolve("out"), Duration.ZERO, Duration.ofSeconds(1),
                Duration.ZERO, new StandInIntake(), Clock.systemUTC());
    }

    static void writeSettled(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(5)));
    }

    @Test
    void receivesCompleteSettledFilesOldestFirstAndMovesThemToProcessed() throws Exception {
        InboxFolder inbox = inbox();
        writeSettled(inbox.folder().resolve("b.999"), "second");
        Files.setLastModifiedTime(inbox.folder().resolve("b.999"), FileTime.from(Instant.now().minusSeconds(3)));
        writeSettled(inbox.folder().resolve("a.277"), "first");
        writeSettled(inbox.folder().resolve("c.277.part"), "still uploading");
        writeSettled(inbox.folder().resolve(".hidden"), "not ours");
        Files.writeString(inbox.folder().resolve("d.835"), "written this instant");

        List<InboxFolder.Result> results = inbox.poll();

        assertThat(received).containsExactly("a.277=first", "b.999=second");
        assertThat(results).allMatch(InboxFolder.Result::succeeded);
        assertThat(names(inbox.folder().resolve("processed"))).containsExactly("a.277", "b.999");
        assertThat(names(inbox.folder())).contains("c.277.part", ".hidden", "d.835").doesNotContain("a.277", "b.999");
    }

    @Test
    void movesARefusedFileToFailedWithItsReasonButNoQuotedValues() throws Exception {
        InboxFolder inbox = inbox();
        writeSettled(inbox.folder().resolve("bad.277"), "ISA...");
        failure = ApiException.badRequest("The 277CA could not be read; nothing was applied. NM109 'XYZ123' in "
                + "segment 20 (NM1) is wrong.", List.of(ValidationError.error("X12-277CA-FORMAT", "NM1 (segment 20)",
                        "NM109 'XYZ123' in segment 20 (NM1) is wrong.")));

        InboxFolder.Result result = inbox.poll().get(0);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.movedTo()).isEqualTo(inbox.folder().resolve("failed/bad.277"));
        String error = Files.readString(inbox.folder().resolve("failed/bad.277.error.txt"));
        assertThat(error).contains("277CA could not be read", "segment 20 (NM1)").doesNotContain("XYZ123");
        assertThat(inbox.folder().resolve("bad.277")).doesNotExist();
    }

    @Test
    void leavesAFileInTheInboxWhenTheDatabaseIsDown() throws Exception {
        InboxFolder inbox = inbox();
        writeSettled(inbox.folder().resolve("later.999"), "ISA...");
        failure = new DataAccessResourceFailureException("connection refused");

        assertThat(inbox.poll()).isEmpty();

        assertThat(inbox.folder().resolve("later.999")).exists();
        assertThat(names(inbox.folder().resolve("failed"))).isEmpty();
        failure = null;
        Files.setLastModifiedTime(inbox.folder().resolve("later.999"), FileTime.from(Instant.now().minusSeconds(5)));
        assertThat(inbox.poll()).singleElement().matches(InboxFolder.Result::succeeded);
    }

    @Test
    void aSecondFileOfTheSameNameIsKeptBesideTheFirst() throws Exception {
        InboxFolder inbox = inbox();
        inbox.process(inbox.drop("same.999", "one".getBytes(StandardCharsets.UTF_8)));

        Path again = inbox.drop("same.999", "two".getBytes(StandardCharsets.UTF_8));
        InboxFolder.Result second = inbox.process(again).orElseThrow();

        assertThat(received).containsExactly("same.999=one", "same.999=two");
        assertThat(second.movedTo().getFileName().toString()).startsWith("same.999.").isNotEqualTo("same.999");
        assertThat(names(inbox.folder().resolve("processed"))).hasSize(2);
        assertThat(names(inbox.folder().resolve(".staging"))).isEmpty();
    }

    @Test
    void aFileAnotherPollerClaimedIsNotReceivedTwice() throws Exception {
        InboxFolder inbox = inbox();
        Path file = inbox.drop("once.999", "x".getBytes(StandardCharsets.UTF_8));
        inbox.process(file);

        assertThat(inbox.process(file)).isEmpty();
        assertThat(received).hasSize(1);
    }

    @Test
    void putsFilesAnInterruptedRunWasReceivingBackIntoTheInbox() throws Exception {
        InboxFolder inbox = inbox();
        Files.writeString(inbox.folder().resolve(".processing/crashed.277"), "x");

        inbox.start();

        assertThat(inbox.folder().resolve("crashed.277")).exists();
        assertThat(names(inbox.folder().resolve(".processing"))).isEmpty();
    }

    @Test
    void liesBesideTheOutboxUnlessConfigured() throws Exception {
        InboxFolder inbox = new InboxFolder("", root.resolve("data/outbox"), Duration.ZERO, Duration.ofSeconds(1),
                Duration.ZERO, new StandInIntake(), Clock.systemUTC());

        assertThat(inbox.folder()).isEqualTo(root.resolve("data/inbox").toAbsolutePath());
    }

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("processed") && !n.equals("failed")
                    && !n.equals(".processing") && !n.equals(".staging")).sorted().toList();
        }
    }
}
