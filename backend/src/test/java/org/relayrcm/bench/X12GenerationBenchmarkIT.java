package org.relayrcm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.relayrcm.claims.ClaimSubmissions;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * The 837P generation benchmark entry point: claims stored in the database (written by batched inserts, as the claim
 * builder leaves them) rendered to 837P by {@link ClaimSubmissions#preview} — the database read, the claim model with
 * its checks and our StAEDI writer — against the same segments written straight to StAEDI's {@link EDIStreamWriter}
 * from values already in memory, in the same run. Prints claims/s of each and the ratio. In plain {@code verify} it
 * renders a smoke size (50 claims); the {@code bench} profile renders 2,000 ({@code -Drelay.bench.x12.claims=N}).
 */
@RelayIntegrationTest
class X12GenerationBenchmarkIT {

    private static final int CLAIMS = Integer.getInteger("relay.bench.x12.claims",
            Integer.getInteger("relay.bench.encounters", 5) >= 100 ? 2000 : 50);
    private static final LocalDate DOS = LocalDate.now().minusDays(3);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClaimSubmissions submissions;

    private record StoredClaim(String number, String memberId, String lastName, String firstName) {
    }

    @Test
    void measuresGenerationFromStoredClaimsAgainstRawStaedi() throws Exception {
        List<StoredClaim> claims = seed(CLAIMS);
        int warmup = Math.min(claims.size(), 200);

        for (int i = 0; i < warmup; i++) {
            submissions.preview(claims.get(i).number());
            raw(claims.get(i));
        }
        long rawBytes = 0;
        long rawStart = System.nanoTime();
        for (StoredClaim claim : claims) {
            rawBytes += raw(claim).length;
        }
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        long ourBytes = 0;
        long ourStart = System.nanoTime();
        for (StoredClaim claim : claims) {
            String x12 = submissions.preview(claim.number());
            ourBytes += x12.length();
            assertThat(x12).contains("CLM*" + claim.number() + "*");
        }
        double ourSeconds = (System.nanoTime() - ourStart) / 1e9;

        String report = String.format(Locale.ROOT, """
                Relay RCM 837P generation benchmark: %d stored claims, 2 lines each, one thread, %s
                  raw StAEDI writer, values in memory:                  %10.0f claims/s  (%.2f s, %d bytes)
                  from stored claims (DB read + model + our writer):    %10.0f claims/s  (%.2f s, %d bytes)
                  ratio ours / raw StAEDI:                              %10.3f
                """, claims.size(), jdbc.queryForObject("SELECT version()", String.class).split(",")[0],
                claims.size() / rawSeconds, rawSeconds, rawBytes, claims.size() / ourSeconds, ourSeconds, ourBytes,
                rawSeconds / ourSeconds);
        System.out.println(report);
        Path out = Path.of("target", "x12-generation-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Patients, coverage, coded encounters and built claims, by batched inserts; two lines per claim. */
    private List<StoredClaim> seed(int count) {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        jdbc.update("""
                INSERT INTO payer (payer_code, name, timely_filing_days)
                SELECT 'BENCHX12', 'Benchmark Payer', 365 WHERE NOT EXISTS (SELECT 1 FROM payer WHERE payer_code = 'BENCHX12')""");
        long payerId = jdbc.queryForObject("SELECT id FROM payer WHERE payer_code = 'BENCHX12'", Long.class);
        List<StoredClaim> claims = new ArrayList<>();
        List<Object[]> patients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            claims.add(new StoredClaim("X" + run + i, "M" + run + i, "Benchmark" + i, "Pat"));
            patients.add(new Object[] {"BX" + run + i, "Pat", "Benchmark" + i, LocalDate.of(1970, 1, 1).plusDays(i % 9000)});
        }
        jdbc.batchUpdate("""
                INSERT INTO patient (mrn, first_name, last_name, birth_date, sex, address_line, city, state, postal_code)
                VALUES (?, ?, ?, ?, 'F', '1 Bench Road', 'Springfield', 'IL', '62701')""", patients);
        jdbc.update("""
                INSERT INTO coverage (patient_id, payer_id, member_id)
                SELECT id, ?, 'M' || SUBSTRING(mrn, 3) FROM patient WHERE mrn LIKE ?""", payerId, "BX" + run + "%");
        jdbc.update("""
                INSERT INTO encounter (encounter_number, patient_id, coverage_id, date_of_service, place_of_service,
                                       documentation, received_at)
                SELECT 'BE' || SUBSTRING(p.mrn, 3), p.id, c.id, ?, '11', 'benchmark', CURRENT_TIMESTAMP
                FROM patient p JOIN coverage c ON c.patient_id = p.id WHERE p.mrn LIKE ?""", DOS, "BX" + run + "%");
        jdbc.update("""
                INSERT INTO claim (claim_number, encounter_id, payer_id, coverage_id, status, total_charge_cents,
                                   date_of_service, place_of_service, created_at, updated_at, submission_token)
                SELECT 'X' || SUBSTRING(e.encounter_number, 3), e.id, ?, e.coverage_id, 'SCRUBBED', 31000, ?, '11',
                       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'bench'
                FROM encounter e WHERE e.encounter_number LIKE ?""", payerId, DOS, "BE" + run + "%");
        String claimsOfRun = "SELECT id FROM claim WHERE claim_number LIKE '" + "X" + run + "%'";
        jdbc.update("INSERT INTO claim_diagnosis (claim_id, position, code) SELECT id, 1, 'M17.11' FROM (" + claimsOfRun + ") c");
        jdbc.update("INSERT INTO claim_diagnosis (claim_id, position, code) SELECT id, 2, 'E11.9' FROM (" + claimsOfRun + ") c");
        jdbc.update("""
                INSERT INTO claim_line (claim_id, line_number, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
                SELECT id, 1, '99213', '25', 1, 13500, '1,2' FROM (""" + claimsOfRun + ") c");
        jdbc.update("""
                INSERT INTO claim_line (claim_id, line_number, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
                SELECT id, 2, '20610', 'RT', 1, 17500, '1' FROM (""" + claimsOfRun + ") c");
        return claims;
    }

    /** The same interchange, segment for segment, straight through StAEDI: the floor of any 837 writer. */
    private static byte[] raw(StoredClaim claim) throws EDIStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        EDIStreamWriter w = EDIOutputFactory.newFactory().createEDIStreamWriter(out);
        String date = DOS.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        w.startInterchange();
        segment(w, "ISA", "00", "          ", "00", "          ", "ZZ", "RELAYRCM       ", "ZZ", "SIMCLEARING    ",
                date.substring(2), "1200", "^", "00501", "000000001", "0", "T", ":");
        segment(w, "GS", "HC", "RELAYRCM", "SIMCLEARING", date, "1200", "1", "X", "005010X222A1");
        segment(w, "ST", "837", "0001", "005010X222A1");
        segment(w, "BHT", "0019", "00", claim.number(), date, "1200", "CH");
        segment(w, "NM1", "41", "2", "Relay Family Medicine", "", "", "", "", "46", "RELAYRCM");
        segment(w, "PER", "IC", "Billing Office", "TE", "2175550100");
        segment(w, "NM1", "40", "2", "Simulated Clearinghouse", "", "", "", "", "46", "SIMCLEARING");
        segment(w, "HL", "1", "", "20", "1");
        segment(w, "PRV", "BI", "PXC", "207Q00000X");
        segment(w, "NM1", "85", "2", "Relay Family Medicine", "", "", "", "", "XX", "1234567893");
        segment(w, "N3", "100 Main Street");
        segment(w, "N4", "Springfield", "IL", "627010001");
        segment(w, "REF", "EI", "123456789");
        segment(w, "HL", "2", "1", "22", "0");
        segment(w, "SBR", "P", "18", "", "", "", "", "", "", "CI");
        segment(w, "NM1", "IL", "1", claim.lastName(), claim.firstName(), "", "", "", "MI", claim.memberId());
        segment(w, "N3", "1 Bench Road");
        segment(w, "N4", "Springfield", "IL", "62701");
        segment(w, "DMG", "D8", "19700101", "F");
        segment(w, "NM1", "PR", "2", "Benchmark Payer", "", "", "", "", "PI", "BENCHX12");
        w.writeStartSegment("CLM").writeElement(claim.number()).writeElement("310").writeEmptyElement()
                .writeEmptyElement().writeStartElement().writeComponent("11").writeComponent("B").writeComponent("1")
                .endElement().writeElement("Y").writeElement("A").writeElement("Y").writeElement("Y").writeEndSegment();
        w.writeStartSegment("HI").writeStartElement().writeComponent("ABK").writeComponent("M1711").endElement()
                .writeStartElement().writeComponent("ABF").writeComponent("E119").endElement().writeEndSegment();
        line(w, "1", "99213", "25", "135", "1", date);
        line(w, "2", "20610", "RT", "175", "1", date);
        segment(w, "SE", "27", "0001");
        segment(w, "GE", "1", "1");
        segment(w, "IEA", "1", "000000001");
        w.endInterchange();
        w.close();
        return out.toByteArray();
    }

    private static void line(EDIStreamWriter w, String number, String code, String modifier, String charge,
            String units, String date) throws EDIStreamException {
        segment(w, "LX", number);
        w.writeStartSegment("SV1").writeStartElement().writeComponent("HC").writeComponent(code).writeComponent(modifier)
                .endElement().writeElement(charge).writeElement("UN").writeElement(units).writeEmptyElement()
                .writeEmptyElement().writeElement("1")
                .writeEndSegment();
        segment(w, "DTP", "472", "D8", date);
    }

    private static void segment(EDIStreamWriter w, String tag, String... elements) throws EDIStreamException {
        w.writeStartSegment(tag);
        for (String element : elements) {
            if (element.isEmpty()) {
                w.writeEmptyElement();
            } else {
                w.writeElement(element);
            }
        }
        w.writeEndSegment();
    }
}
