package org.relayrcm.codesets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real CMS/CDC files in ../shared/data/codesets (tests skip when the folder is absent). */
public final class SharedCodeSetFiles {

    public static final String FY2026_ORDER = "icd10cm/2026-code-descriptions-tabular-order.zip";
    public static final String FY2017_TABULAR = "icd10cm/ICD10CM_FY2017_Full_XML.zip";
    public static final String HCPCS_2020 = "hcpcs/2020-Alpha-Numeric-HCPCS-File.zip";

    private static final Map<String, CodeSetSnapshot> SNAPSHOTS = new ConcurrentHashMap<>();

    private SharedCodeSetFiles() {
    }

    public static Path path(String relative) {
        Path root = Path.of(System.getProperty("relay.repo-root", ".."), "..", "shared", "data", "codesets");
        if (!Files.isDirectory(root)) {
            root = Path.of("..", "..", "shared", "data", "codesets");
        }
        Path file = root.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared code set file absent: " + file);
        return file;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parsed file held as the in-memory index the application uses; built once per test JVM. */
    public static CodeSetSnapshot snapshot(CodeSystem system, String relative) {
        return SNAPSHOTS.computeIfAbsent(relative, r -> {
            CodeSetFiles.ParsedCodeSet parsed = CodeSetFiles.parse(system, Path.of(r).getFileName().toString(), bytes(r), null);
            CodeSetVersion version = new CodeSetVersion(SNAPSHOTS.size() + 1000, system, parsed.label(), r, "test",
                    parsed.effectiveFrom(), parsed.effectiveTo(), false, parsed.codes().size(),
                    (int) parsed.billableCount(), parsed.exclusions().size(), OffsetDateTime.now(), "test");
            return CodeSetSnapshot.of(version, parsed);
        });
    }

    public static LocalDate fy2026() {
        return LocalDate.of(2026, 3, 2);
    }
}
