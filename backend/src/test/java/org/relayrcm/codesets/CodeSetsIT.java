package org.relayrcm.codesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Imports of the real CMS/CDC files through the admin API, the command and the folder; search over HTTP. */
@RelayIntegrationTest
class CodeSetsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CodeSets codeSets;
    @Autowired
    CodeSetImporter importer;
    @Autowired
    CodeSetsCommand command;

    @Test
    void importsTheFy2026OrderFileOnceAndSearchesIt() {
        byte[] zip = SharedCodeSetFiles.bytes(SharedCodeSetFiles.FY2026_ORDER);
        Api admin = Api.as(port, "admin");

        Api.Response first = upload(admin, "ICD10CM", "2026-code-descriptions-tabular-order.zip", zip);
        assertThat(first.status()).isIn(200, 201);
        JsonNode version = first.json().get("version");
        assertThat(version.get("codeCount").asInt()).isEqualTo(98_186);
        assertThat(version.get("billableCount").asInt()).isEqualTo(74_719);
        assertThat(version.get("effectiveFrom").asText()).isEqualTo("2025-10-01");
        assertThat(version.get("effectiveTo").asText()).isEqualTo("2026-09-30");
        long id = version.get("id").asLong();

        Api.Response again = upload(admin, "ICD10CM", "2026-code-descriptions-tabular-order.zip", zip);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(again.json().get("version").get("id").asLong()).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM code_set_code WHERE version_id = ?", Long.class, id))
                .isEqualTo(98_186L);

        Api coder = Api.as(port, "coder");
        JsonNode found = coder.get("/api/codes/search?system=ICD10CM&q=diab%20neph&dos=2026-03-02&limit=20").json();
        assertThat(found.get("size").asInt()).isEqualTo(20);
        assertThat(found.get("page").asInt()).isZero();
        assertThat(found.get("totalElements").isNull()).isTrue();
        assertThat(found.get("content").findValuesAsText("display")).contains("E11.21");

        JsonNode e119 = coder.get("/api/codes/search?system=ICD10CM&q=e119&dos=2026-03-02").json().get("content").get(0);
        assertThat(e119.get("code").asText()).isEqualTo("E119");
        assertThat(e119.get("display").asText()).isEqualTo("E11.9");
        assertThat(e119.get("system").asText()).isEqualTo("ICD10CM");
        assertThat(e119.get("billable").asBoolean()).isTrue();
        assertThat(e119.get("header").asBoolean()).isFalse();
        JsonNode e11 = coder.get("/api/codes/search?system=ICD10CM&q=E11&dos=2026-03-02&limit=1").json().get("content").get(0);
        assertThat(e11.get("header").asBoolean()).isTrue();

        // The old lookup answers from the same version.
        Api.Response old = coder.get("/api/codes?system=ICD10CM&q=E11.21");
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().get("content").get(0).get("code").asText()).isEqualTo("E1121");

        // Today is past FY2026's end: the newest version stays in force.
        assertThat(codeSets.versionFor(CodeSystem.ICD10CM, LocalDate.of(2027, 1, 5))).get()
                .extracting(CodeSetVersion::id).isEqualTo(id);
        assertThat(codeSets.find(CodeSystem.ICD10CM, List.of("QA0", "E1121"), LocalDate.of(2026, 3, 2))).containsKeys("QA0", "E1121");
    }

    @Test
    void refusesAWrongFileAndKeepsTheCodeSetsAsTheyWere() {
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM code_set_version", Long.class);

        Api.Response refused = upload(Api.as(port, "admin"), "ICD10CM", "2020-Alpha-Numeric-HCPCS-File.zip",
                SharedCodeSetFiles.bytes(SharedCodeSetFiles.HCPCS_2020));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("CODESETS-FILE");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("not an ICD-10-CM release");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM code_set_version", Long.class)).isEqualTo(before);
    }

    @Test
    void importsTheHcpcsFileAndTheFy2017TabularWithItsExcludes1Notes() {
        Api admin = Api.as(port, "admin");
        JsonNode hcpcs = upload(admin, "HCPCS", "2020-Alpha-Numeric-HCPCS-File.zip",
                SharedCodeSetFiles.bytes(SharedCodeSetFiles.HCPCS_2020)).json().get("version");
        assertThat(hcpcs.get("codeCount").asInt()).isEqualTo(6_710);

        JsonNode fy2017 = upload(admin, "ICD10CM", "ICD10CM_FY2017_Full_XML.zip",
                SharedCodeSetFiles.bytes(SharedCodeSetFiles.FY2017_TABULAR)).json().get("version");
        assertThat(fy2017.get("billableCount").asInt()).isEqualTo(71_486);
        assertThat(fy2017.get("exclusionCount").asInt()).isGreaterThan(1_000);

        LocalDate dos2017 = LocalDate.of(2017, 3, 2);
        assertThat(codeSets.versionFor(CodeSystem.ICD10CM, dos2017)).get().extracting(CodeSetVersion::id)
                .isEqualTo(fy2017.get("id").asLong());
        // E11.A came in FY2025: not a code on a FY2017 date of service.
        assertThat(codeSets.find(CodeSystem.ICD10CM, List.of("E119", "E11A"), dos2017)).containsOnlyKeys("E119");
        assertThat(codeSets.inForce(CodeSystem.ICD10CM, dos2017).orElseThrow().excludes("E119", "E0865")).isTrue();

        JsonNode versions = admin.get("/api/admin/codesets/versions").json();
        assertThat(versions.get("content").findValuesAsText("label")).anyMatch(l -> l.startsWith("HCPCS Level II 2020"));
    }

    @Test
    void hidesTheAdminApiFromOtherRoles() {
        assertThat(Api.as(port, "coder").get("/api/admin/codesets/versions").status()).isEqualTo(404);
        assertThat(upload(Api.as(port, "coder"), "CPT", "cpt.csv", "code,short_description\n99213,x\n".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(404);
    }

    @Test
    void theCommandImportsACptCsvOnceAndRefusesABadOne(@TempDir Path dir) throws Exception {
        String year = "2031";
        Path csv = dir.resolve("cpt-" + year + ".csv");
        String unique = UUID.randomUUID().toString();
        Files.writeString(csv, "code,short_description\n99213,Office visit " + unique + "\n0001U,Red cell antigen typing\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"codesets", "import", "--system", "CPT", "--file", csv.toString()};

        assertThat(command.execute(args, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString()).contains("Imported CPT version").contains("2 codes").contains("in force 2031-01-01 to 2031-12-31");
        assertThat(command.execute(args, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString()).contains("Already imported, nothing changed");
        assertThat(codeSets.find(CodeSystem.CPT, List.of("99213"), LocalDate.of(2031, 6, 1)).get("99213").description())
                .isEqualTo("Office visit " + unique);

        Path bad = dir.resolve("cpt-bad.csv");
        Files.writeString(bad, "code,short_description\nNOTACODE,x\n");
        assertThat(command.execute(new String[] {"codesets", "import", "--system", "CPT", "--file", bad.toString(),
                "--effective-from", "2031-01-01"}, new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString()).contains("Refused, nothing changed").contains("NOTACODE");
        assertThat(command.execute(new String[] {"codesets", "import", "--file", bad.toString()},
                new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    @Test
    void theStartUpFolderImportsFilesBySubFolderAndSkipsOthers(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("OPCS4"));
        Files.writeString(dir.resolve("OPCS4").resolve("opcs-" + UUID.randomUUID() + ".csv"),
                "code,description\nW37,Total prosthetic replacement of hip joint using cement\nW37.1,Primary total hip replacement using cement\n");
        Files.writeString(dir.resolve("notes.txt"), "not a code set");
        CodeSetFolder folder = new CodeSetFolder(importer, dir.toString(), true);

        assertThat(folder.importAll()).isZero(); // no year in the name and no dates: refused, logged, start-up goes on
        Files.writeString(dir.resolve("OPCS4").resolve("opcs4-2030.csv"),
                "code,description\nW37,Total prosthetic replacement of hip joint using cement\nW37.1,Primary total hip replacement using cement "
                        + UUID.randomUUID() + "\n");
        assertThat(folder.importAll()).isEqualTo(1);
        assertThat(folder.importAll()).isZero();
        assertThat(codeSets.inForce(CodeSystem.OPCS4, LocalDate.of(2030, 5, 1)).orElseThrow().search("hip cement", LocalDate.of(2030, 5, 1), 5))
                .extracting(CodeMatch::display).containsExactly("W37.1", "W37");
    }

    private Api.Response upload(Api api, String system, String fileName, byte[] content) {
        String boundary = "relay" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"system\"\r\n\r\n" + system + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postRaw("/api/admin/codesets/imports", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }
}
