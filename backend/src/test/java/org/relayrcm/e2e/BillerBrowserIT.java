package org.relayrcm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relayrcm.testing.Browser.testId;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.relayrcm.testing.Browser;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The biller in a real browser: fixes a claim the scrubber held, and works a denial from the queue (the payer found no
 * coverage on the date of service: a registration denial) to resubmission; both claims are paid.
 */
@RelayIntegrationTest
class BillerBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void billerFixesAHeldClaimAndWorksADenialToResubmissionBothArePaid() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String held = RelayFixture.uniqueNumber("UIF");
        relay.code(relay.receive(held), held, List.of());
        String heldClaim = relay.awaitClaimNumber(held);
        String denied = RelayFixture.uniqueNumber("UIB");
        Map<String, Object> encounter = RelayFixture.encounter(denied);
        encounter.put("coverage", Map.of("payerCode", "ITPAYER", "memberId", "MTERMINATED01"));
        relay.code(relay.as("ehr").post("/api/encounters", encounter).json().get("codingCaseId").asLong(), denied,
                List.of("RT"));
        String deniedClaim = relay.awaitClaimNumber(denied);
        relay.awaitClaimStatus(deniedClaim, "DENIED");

        try (Browser browser = Browser.open(port)) {
            browser.signIn("biller");
            browser.claimAndOpen("Task_FixClaim", heldClaim);
            assertThat(browser.visible(testId("claim-findings")).getText()).contains("PAYER-LATERALITY").contains("line 2");
            browser.type(testId("line-modifiers-2"), "RT");
            browser.type(testId("fix-note"), "Right knee per the note");
            browser.screenshot("biller-fix-claim-form");
            browser.click(testId("fix-claim"));
            browser.awaitGone("Task_FixClaim", heldClaim);

            browser.claimAndOpen("Task_FixRegistration", deniedClaim);
            assertThat(browser.visible(By.tagName("form")).getText()).contains("CO").contains("27");
            browser.type(testId("registration-member-id"), "MNEWPLAN0077");
            browser.type(testId("registration-note"), "New card scanned at check-in");
            browser.screenshot("biller-registration-denial-form");
            browser.click(testId("fix-registration"));
            browser.awaitGone("Task_FixRegistration", deniedClaim);
        }

        relay.awaitClaimStatus(heldClaim, "PAID");
        relay.awaitClaimStatus(deniedClaim, "PAID");
        assertThat(jdbc.queryForList("SELECT DISTINCT resolution_note FROM denial d JOIN claim c ON c.id = d.claim_id "
                + "WHERE c.claim_number = ?", String.class, deniedClaim)).containsExactly("New card scanned at check-in");
        assertThat(jdbc.queryForObject("SELECT cv.member_id FROM claim c JOIN coverage cv ON cv.id = c.coverage_id "
                + "WHERE c.claim_number = ?", String.class, deniedClaim)).isEqualTo("MNEWPLAN0077");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission s JOIN claim c ON c.id = s.claim_id "
                + "WHERE c.claim_number = ?", Long.class, deniedClaim)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission s JOIN claim c ON c.id = s.claim_id "
                + "WHERE c.claim_number = ?", Long.class, heldClaim)).isEqualTo(1);
    }
}
