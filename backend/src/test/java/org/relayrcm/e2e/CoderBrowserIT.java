package org.relayrcm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relayrcm.testing.Browser.testId;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Browser;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The coder's day in a real browser, against the app serving the React bundle the build produced. */
@RelayIntegrationTest
class CoderBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void coderSignsInClaimsCodesAndSeesTheTaskLeave() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String number = RelayFixture.uniqueNumber("UI");
        relay.receive(number);
        relay.awaitTask("coder", "Task_CodeEncounter", number);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("coder");
            browser.claimAndOpen("Task_CodeEncounter", number);

            assertThat(browser.visible(testId("documentation")).getText()).contains("Knee pain");
            if (!browser.present(testId("dx-code-0"))) {
                browser.click(testId("add-diagnosis"));
            }
            browser.type(testId("dx-code-0"), "M17.11");
            if (!browser.present(testId("px-code-0"))) {
                browser.click(testId("add-procedure"));
            }
            browser.type(testId("px-code-0"), "20610");
            browser.type(testId("px-modifiers-0"), "RT");
            browser.type(testId("px-units-0"), "1");
            browser.type(testId("px-pointers-0"), "1");
            browser.click(testId("complete-coding"));

            browser.awaitGone("Task_CodeEncounter", number);
            browser.screenshot("coder-after-coding");
        }
        assertThat(jdbc.queryForObject("""
                SELECT cc.status FROM coding_case cc JOIN encounter e ON e.id = cc.encounter_id
                WHERE e.encounter_number = ?""", String.class, number)).isEqualTo("CODED");
        assertThat(jdbc.queryForList("""
                SELECT p.code || '-' || p.modifiers FROM coded_procedure p JOIN coding_case cc ON cc.id = p.coding_case_id
                JOIN encounter e ON e.id = cc.encounter_id WHERE e.encounter_number = ? AND p.stage = 'FINAL'""",
                String.class, number)).isEqualTo(List.of("20610-RT"));
    }

    @Test
    void coderSeesTheEditsNextToTheFieldsTheyConcern() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String number = RelayFixture.uniqueNumber("UI");
        relay.receive(number);
        relay.awaitTask("coder", "Task_CodeEncounter", number);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("coder");
            browser.claimAndOpen("Task_CodeEncounter", number);
            if (!browser.present(testId("dx-code-0"))) {
                browser.click(testId("add-diagnosis"));
            }
            browser.type(testId("dx-code-0"), "M17");
            if (!browser.present(testId("px-code-0"))) {
                browser.click(testId("add-procedure"));
            }
            browser.type(testId("px-code-0"), "20610");
            browser.type(testId("px-units-0"), "1");
            browser.type(testId("px-pointers-0"), "1");
            browser.click(testId("complete-coding"));

            assertThat(browser.visible(testId("form-errors")).getText()).contains("M17");
            assertThat(browser.visible(testId("dx-code-0")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("coder-validation-errors");
        }
        assertThat(relay.findTask("coder", "Task_CodeEncounter", number).get("assignee").asText()).isEqualTo("coder");
    }
}
