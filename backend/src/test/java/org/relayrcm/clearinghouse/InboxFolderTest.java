package org.relayrcm.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.relayrcm.shared.ApiException;
import org.springframework.util.unit.DataSize;
import org.relayrcm.testing.MovingClock;

/**
 * Only complete files are taken from the inbox, by name and by age on a clock the test moves: a clearinghouse's SFTP
 * upload may still be going, or may have paused.
 */
class InboxFolderTest {

    static final Duration SETTLE = Duration.ofSeconds(5);
    static final Duration GRACE = Duration.ofMinutes(1);

    @TempDir
    Path root;
    final MovingClock clock = new MovingClock(Instant.parse("2026-11-27T10:00:00Z"));
    final List<String> received = new ArrayList<>();

    /** Reads a file as the real intake would: a truncated one (no IEA trailer) is refused as unreadable. */
    class ReadingIntake extends InboundFiles {

        ReadingIntake() {
            super(null, null, null, null, DataSize.ofMegabytes(16));
        }

        @Override
        public InboundSummary receive(byte[] content, Channel channel, String fileName) {
            String text = new String(content, StandardCharsets.UTF_8);
            if (!text.endsWith("IEA*1*000000001~")) {
                throw ApiException.badRequest("The file could not be read as X12: it ends before its IEA.", List.of());
            }
            received.add(fileName);
            return new InboundSummary("999", 1, false, null, 1, 0, List.of(), List.of(), List.of(), null, List.of());
        }
    }


    InboxFolder inbox() throws Exception {
        return new InboxFolder(root.resolve("in").toString(), root.resolve("out"), Duration.ZERO, SETTLE, GRACE,
                new ReadingIntake(), clock);
    }

    /** A file as the clearinghouse left it, last changed {@code ago} before the clock's now. */
    Path upload(InboxFolder inbox, String name, String content, Duration ago) throws Exception {
        Path file = inbox.folder().resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(ago)));
        return file;
    }

    @Test
    void leavesAFileChangedWithinTheSettleTimeForALaterPoll() throws Exception {
        InboxFolder inbox = inbox();
        Path file = upload(inbox, "a.999", complete(), Duration.ofSeconds(2));

        assertThat(inbox.poll()).isEmpty();
        assertThat(file).exists();

        clock.advance(Duration.ofSeconds(3));
        assertThat(inbox.poll()).hasSize(1);
        assertThat(received).containsExactly("a.999");
        assertThat(inbox.folder().resolve("processed/a.999")).exists();
    }

    @Test
    void neverTakesPartialUploadNamesHoweverOldTheyAre() throws Exception {
        InboxFolder inbox = inbox();
        for (String name : List.of("a.999.part", "a.999.tmp", "a.999.filepart", ".a.999")) {
            upload(inbox, name, complete(), Duration.ofHours(2));
        }

        assertThat(inbox.poll()).isEmpty();
        assertThat(received).isEmpty();
        assertThat(names(inbox.folder())).containsExactly(".a.999", "a.999.filepart", "a.999.part", "a.999.tmp");
    }

    @Test
    void leavesAYoungFileThatDoesNotParseInTheInboxAndTakesItOnceItIsComplete() throws Exception {
        InboxFolder inbox = inbox();
        // Settled by the clock, but the upload only paused: the file ends mid-segment.
        Path file = upload(inbox, "b.277", complete().substring(0, 20), Duration.ofSeconds(10));

        assertThat(inbox.poll()).isEmpty();
        assertThat(file).exists();
        assertThat(names(inbox.folder().resolve("failed"))).isEmpty();

        upload(inbox, "b.277", complete(), Duration.ofSeconds(6));
        assertThat(inbox.poll()).singleElement().matches(InboxFolder.Result::succeeded);
        assertThat(received).containsExactly("b.277");
        assertThat(names(inbox.folder().resolve("failed"))).isEmpty();
    }

    @Test
    void movesAFileThatStillDoesNotParseOnceItIsOldToFailed() throws Exception {
        InboxFolder inbox = inbox();
        upload(inbox, "c.277", complete().substring(0, 20), Duration.ofSeconds(10));
        assertThat(inbox.poll()).isEmpty();

        clock.advance(GRACE);
        List<InboxFolder.Result> results = inbox.poll();

        assertThat(results).singleElement().matches(r -> !r.succeeded());
        assertThat(names(inbox.folder().resolve("failed"))).containsExactly("c.277", "c.277.error.txt");
        assertThat(inbox.folder().resolve("c.277")).doesNotExist();
        assertThat(received).isEmpty();
    }

    private static String complete() {
        return "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*RELAYRCM       *261127*1000*^*00501*000000001*0*T*:~"
                + "IEA*1*000000001~";
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
