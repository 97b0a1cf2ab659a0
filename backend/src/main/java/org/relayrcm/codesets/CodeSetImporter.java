package org.relayrcm.codesets;

import static org.relayrcm.shared.Text.truncate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.relayrcm.codesets.CodeSetFiles.InvalidCodeSetFileException;
import org.relayrcm.codesets.CodeSetFiles.ParsedCode;
import org.relayrcm.codesets.CodeSetFiles.ParsedCodeSet;
import org.relayrcm.codesets.CodeSetFiles.ParsedExclusion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an official code set file as a new version: the file is read and checked completely first, then
 * written in one transaction, so a corrupt or wrong file leaves the previous versions as they were.
 * The same file (by SHA-256) imported twice changes nothing.
 */
@Service
public class CodeSetImporter {

    private static final Logger log = LoggerFactory.getLogger(CodeSetImporter.class);
    private static final int ROWS_PER_INSERT = 500;

    /** The outcome: the version, and whether this call created it (false: the file was imported before). */
    public record ImportResult(CodeSetVersion version, boolean created) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final CodeSets codeSets;

    CodeSetImporter(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, CodeSets codeSets) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
        this.codeSets = codeSets;
    }

    /**
     * @param effectiveFrom null = what the file name says (ICD-10-CM fiscal year, HCPCS calendar year)
     * @param effectiveTo   null = the file's own end date; open-ended when the file has none
     * @throws InvalidCodeSetFileException for a corrupt, empty or wrong file, or missing dates
     */
    public ImportResult importFile(CodeSystem system, String fileName, byte[] content, LocalDate effectiveFrom,
            LocalDate effectiveTo, String importedBy, Consumer<String> progress) {
        Consumer<String> report = message -> {
            log.info("Code set import {} {}: {}", system, fileName, message);
            if (progress != null) {
                progress.accept(message);
            }
        };
        String sha = sha256(content);
        Optional<CodeSetVersion> existing = existing(system, sha);
        if (existing.isPresent()) {
            report.accept("already imported as version " + existing.get().id() + "; nothing changed");
            return new ImportResult(existing.get(), false);
        }
        report.accept("reading " + content.length + " bytes");
        ParsedCodeSet parsed = CodeSetFiles.parse(system, fileName, content, report);
        LocalDate from = effectiveFrom != null ? effectiveFrom : parsed.effectiveFrom();
        LocalDate to = effectiveFrom != null && effectiveTo == null ? null : effectiveTo != null ? effectiveTo : parsed.effectiveTo();
        if (from == null) {
            throw new InvalidCodeSetFileException("The file name of '" + fileName + "' gives no year: say from when the "
                    + system + " codes are in force (effective-from).");
        }
        if (to != null && to.isBefore(from)) {
            throw new InvalidCodeSetFileException("The effective range ends (" + to + ") before it starts (" + from + ").");
        }
        report.accept("read " + parsed.codes().size() + " codes (" + parsed.billableCount() + " billable), "
                + parsed.exclusions().size() + " Excludes1 references; writing");
        try {
            CodeSetVersion version = transaction.execute(status -> write(system, fileName, sha, from, to, parsed, importedBy, report));
            codeSets.versionsChanged();
            report.accept("imported as version " + version.id() + " in force " + from + " to " + (to == null ? "open" : to));
            return new ImportResult(version, true);
        } catch (DuplicateKeyException raced) {
            // Another node or request imported the same file at the same moment.
            return new ImportResult(existing(system, sha).orElseThrow(() -> raced), false);
        }
    }

    private CodeSetVersion write(CodeSystem system, String fileName, String sha, LocalDate from, LocalDate to,
            ParsedCodeSet parsed, String importedBy, Consumer<String> report) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO code_set_version (code_system, label, source_file, file_sha256, effective_from, effective_to,
                    seed, code_count, billable_count, exclusion_count, imported_at, imported_by)
                VALUES (:system, :label, :file, :sha, :from, :to, FALSE, :codes, :billable, :exclusions, :at, :by)""")
                .param("system", system.name())
                .param("label", truncate(parsed.label(), 200))
                .param("file", truncate(fileName == null ? parsed.sourceEntry() : fileName, 255))
                .param("sha", sha)
                .param("from", from)
                .param("to", to)
                .param("codes", parsed.codes().size())
                .param("billable", (int) parsed.billableCount())
                .param("exclusions", parsed.exclusions().size())
                .param("at", now)
                .param("by", importedBy == null ? null : truncate(importedBy, 64))
                .update(key, "id");
        long id = key.getKey().longValue();
        List<ParsedCode> codes = parsed.codes();
        for (int start = 0; start < codes.size(); start += ROWS_PER_INSERT) {
            List<ParsedCode> chunk = codes.subList(start, Math.min(codes.size(), start + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO code_set_code (version_id, code, description, billable, valid_from, valid_to) VALUES ");
            List<Object> args = new ArrayList<>(chunk.size() * 6);
            for (int i = 0; i < chunk.size(); i++) {
                ParsedCode c = chunk.get(i);
                sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
                args.add(id);
                args.add(c.code());
                args.add(c.description() == null ? null : truncate(c.description(), 2000));
                args.add(c.billable());
                args.add(c.validFrom());
                args.add(c.validTo());
            }
            template.update(sql.toString(), args.toArray());
            int written = start + chunk.size();
            if (written % 20_000 < ROWS_PER_INSERT || written == codes.size()) {
                report.accept("wrote " + written + " of " + codes.size() + " codes");
            }
        }
        List<ParsedExclusion> exclusions = parsed.exclusions();
        template.batchUpdate("INSERT INTO code_set_exclusion (version_id, code, excluded_from, excluded_to) VALUES (?, ?, ?, ?)",
                exclusions, 1000, (ps, e) -> {
                    ps.setLong(1, id);
                    ps.setString(2, e.code());
                    ps.setString(3, e.from());
                    ps.setString(4, e.to());
                });
        return new CodeSetVersion(id, system, truncate(parsed.label(), 200), fileName, sha, from, to, false,
                parsed.codes().size(), (int) parsed.billableCount(), exclusions.size(), now, importedBy);
    }

    private Optional<CodeSetVersion> existing(CodeSystem system, String sha) {
        codeSets.versionsChanged();
        return codeSets.versions().stream().filter(v -> v.system() == system && v.fileSha256().equals(sha)).findFirst();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
