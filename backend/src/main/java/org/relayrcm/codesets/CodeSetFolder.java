package org.relayrcm.codesets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.relayrcm.codesets.CodeSetFiles.InvalidCodeSetFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, imports the official files dropped in {@code relay.codesets.folder} (default ./codesets).
 * The system comes from a sub-folder named after it (./codesets/CPT/cpt-2026.csv) or from the file name
 * as CMS publishes it. Files already imported are skipped by their hash; a bad file is logged and skipped.
 */
@Component
@Order(10)
class CodeSetFolder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CodeSetFolder.class);

    private final CodeSetImporter importer;
    private final Path folder;
    private final boolean enabled;

    CodeSetFolder(CodeSetImporter importer, @Value("${relay.codesets.folder:./codesets}") String folder,
            @Value("${relay.codesets.folder-import:true}") boolean enabled) {
        this.importer = importer;
        this.folder = Path.of(folder);
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && !CodeSetsCommand.isCommand(args.getSourceArgs())) {
            importAll();
        }
    }

    /** Imports every recognised file; returns how many new versions were created. */
    int importAll() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot read the code set folder {}: {}", folder.toAbsolutePath(), e.getMessage());
            return 0;
        }
        int created = 0;
        for (Path file : files) {
            Optional<CodeSystem> system = systemOf(folder.relativize(file));
            if (system.isEmpty()) {
                log.info("Code set folder: {} is not a recognised code set file; skipped", file.getFileName());
                continue;
            }
            try {
                if (importer.importFile(system.get(), file.getFileName().toString(), Files.readAllBytes(file), null, null,
                        "start-up", null).created()) {
                    created++;
                }
            } catch (InvalidCodeSetFileException | IOException e) {
                log.error("Code set folder: {} was not imported ({}); the code sets are unchanged", file.getFileName(),
                        e.getMessage());
            }
        }
        return created;
    }

    static Optional<CodeSystem> systemOf(Path relative) {
        if (relative.getNameCount() > 1) {
            String parent = relative.getName(relative.getNameCount() - 2).toString().toUpperCase(Locale.ROOT);
            for (CodeSystem s : CodeSystem.values()) {
                if (s.name().equals(parent)) {
                    return Optional.of(s);
                }
            }
        }
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.matches(".*(icd10cm|tabular|code-descriptions).*\\.(zip|txt|xml)")) {
            return Optional.of(CodeSystem.ICD10CM);
        }
        if (name.matches(".*hcpc.*\\.(zip|txt)")) {
            return Optional.of(CodeSystem.HCPCS);
        }
        if (name.matches("cpt.*\\.csv")) {
            return Optional.of(CodeSystem.CPT);
        }
        if (name.matches("opcs.*\\.csv")) {
            return Optional.of(CodeSystem.OPCS4);
        }
        if (name.matches("icd-?10.*\\.csv")) {
            return Optional.of(CodeSystem.ICD10);
        }
        return Optional.empty();
    }
}
