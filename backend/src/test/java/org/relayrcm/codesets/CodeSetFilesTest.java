package org.relayrcm.codesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.relayrcm.codesets.CodeSetFiles.InvalidCodeSetFileException;
import org.relayrcm.codesets.CodeSetFiles.ParsedCode;
import org.relayrcm.codesets.CodeSetFiles.ParsedCodeSet;
import org.relayrcm.codesets.CodeSetFiles.ParsedExclusion;

class CodeSetFilesTest {

    @Test
    void readsTheFy2026OrderFileZipAsPublished() {
        ParsedCodeSet set = CodeSetFiles.parse(CodeSystem.ICD10CM, "2026-code-descriptions-tabular-order.zip",
                SharedCodeSetFiles.bytes(SharedCodeSetFiles.FY2026_ORDER), null);

        assertThat(set.codes()).hasSize(98_186);
        assertThat(set.billableCount()).isEqualTo(74_719);
        assertThat(set.effectiveFrom()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(set.effectiveTo()).isEqualTo(LocalDate.of(2026, 9, 30));
        Map<String, ParsedCode> byCode = byCode(set);
        assertThat(byCode.get("E1121")).isEqualTo(
                new ParsedCode("E1121", "Type 2 diabetes mellitus with diabetic nephropathy", true, null, null));
        assertThat(byCode.get("E11").billable()).isFalse();
    }

    @Test
    void readsTheFy2017TabularXmlWithSeventhCharactersAndExcludes1() {
        ParsedCodeSet set = CodeSetFiles.parse(CodeSystem.ICD10CM, "ICD10CM_FY2017_Full_XML.zip",
                SharedCodeSetFiles.bytes(SharedCodeSetFiles.FY2017_TABULAR), null);

        Map<String, ParsedCode> byCode = byCode(set);
        assertThat(set.effectiveFrom()).isEqualTo(LocalDate.of(2016, 10, 1));
        // FY2017 had 71,486 billable codes (CMS release notes); the XML lists them through 7th-character rules.
        assertThat(set.billableCount()).isEqualTo(71_486);
        assertThat(byCode.get("S52521").billable()).isFalse();
        assertThat(byCode.get("S52521A").description()).isEqualTo(
                "Torus fracture of lower end of right radius, initial encounter for closed fracture");
        assertThat(byCode).containsKey("T401X1A").doesNotContainKey("T4011A");
        assertThat(set.exclusions()).contains(new ParsedExclusion("E11", "E08", "E08"));
    }

    @Test
    void readsTheHcpcs2020AnwebZipWithTerminationDates() {
        ParsedCodeSet set = CodeSetFiles.parse(CodeSystem.HCPCS, "2020-Alpha-Numeric-HCPCS-File.zip",
                SharedCodeSetFiles.bytes(SharedCodeSetFiles.HCPCS_2020), null);

        assertThat(set.codes()).hasSize(6_710);
        assertThat(set.label()).contains("369 modifiers");
        assertThat(set.effectiveFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
        Map<String, ParsedCode> byCode = byCode(set);
        assertThat(byCode.get("G0008").description()).isEqualTo("Administration of influenza virus vaccine");
        assertThat(set.codes()).filteredOn(c -> c.validTo() != null).hasSize(605);
    }

    @Test
    void refusesAnHcpcsReleaseOfferedAsIcd10cm() {
        byte[] hcpcs = SharedCodeSetFiles.bytes(SharedCodeSetFiles.HCPCS_2020);
        assertThatThrownBy(() -> CodeSetFiles.parse(CodeSystem.ICD10CM, "2020-Alpha-Numeric-HCPCS-File.zip", hcpcs, null))
                .isInstanceOf(InvalidCodeSetFileException.class)
                .hasMessageContaining("not an ICD-10-CM release");
    }

    @Test
    void refusesACorruptOrderFileNamingTheLine() throws IOException {
        byte[] zip = zip("icd10cm_order_2026.txt",
                "00001 A00     0 Cholera                                                      Cholera\r\n"
                        + "garbage line that is not fixed width at all\r\n");
        assertThatThrownBy(() -> CodeSetFiles.parse(CodeSystem.ICD10CM, "order.zip", zip, null))
                .isInstanceOf(InvalidCodeSetFileException.class)
                .hasMessageContaining("Line 2");
    }

    @Test
    void refusesATruncatedZip() {
        byte[] whole = SharedCodeSetFiles.bytes(SharedCodeSetFiles.FY2026_ORDER);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> CodeSetFiles.parse(CodeSystem.ICD10CM, "2026.zip", truncated, null))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void readsALicensedCptCsvWithQuotedTitles() {
        String csv = "code,short_description,long_description\n99213,\"Office visit, est\",\"Office or other outpatient visit, established\"\n0001U,Red cell antigen,\n";
        ParsedCodeSet set = CodeSetFiles.parse(CodeSystem.CPT, "cpt-2026.csv", csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(set.codes()).containsExactly(
                new ParsedCode("99213", "Office or other outpatient visit, established", true, null, null),
                new ParsedCode("0001U", "Red cell antigen", true, null, null));
        assertThat(set.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void refusesACptCsvWithTheWrongHeader() {
        assertThatThrownBy(() -> CodeSetFiles.parse(CodeSystem.CPT, "cpt.csv",
                "cpt,desc\n99213,x\n".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(InvalidCodeSetFileException.class)
                .hasMessageContaining("code,short_description");
    }

    @Test
    void marksOpcsCodesWithSubdivisionsAsHeaders() {
        ParsedCodeSet set = CodeSetFiles.parse(CodeSystem.OPCS4, "opcs4.csv",
                "code,description\nW37,Total prosthetic replacement of hip joint using cement\nW37.1,Primary total hip replacement using cement\n"
                        .getBytes(StandardCharsets.UTF_8), null);
        assertThat(byCode(set).get("W37").billable()).isFalse();
        assertThat(byCode(set).get("W371").billable()).isTrue();
    }

    @Test
    void readsCodeReferencesAndRangesInExcludes1Notes() {
        assertThat(CodeSetFiles.references("E11", "diabetes mellitus due to underlying condition (E08.-)"))
                .containsExactly(new ParsedExclusion("E11", "E08", "E08"));
        assertThat(CodeSetFiles.references("R73", "diabetes mellitus (E08-E13), dehydration (E86.0)"))
                .containsExactly(new ParsedExclusion("R73", "E08", "E13"), new ParsedExclusion("R73", "E860", "E860"));
    }

    private static Map<String, ParsedCode> byCode(ParsedCodeSet set) {
        return set.codes().stream().collect(Collectors.toMap(ParsedCode::code, Function.identity(), (a, b) -> a));
    }

    private static byte[] zip(String entry, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
