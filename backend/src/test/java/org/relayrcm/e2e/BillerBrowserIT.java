package org.relayrcm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relayrcm.testing.Browser.testId;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.relayrcm.testing.Browser;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The biller in a real browser: submits a claim, gets it denied, corrects it and sees it paid. */
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
        relay.code(relay.receive(denied), denied, RelayFixture.therapyCodes(List.of()));
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

            browser.claimAndOpen("Task_WorkDenial", deniedClaim);
            assertThat(browser.visible(testId("denial-facts")).getText()).contains("CO").contains("4");
            browser.click(By.xpath("//label[normalize-space()='Correct and resubmit']/input"));
            browser.type(testId("line-modifiers-2"), "GP");
            browser.type(testId("denial-note"), "Therapy under a PT plan of care: added GP");
            browser.screenshot("biller-denial-form");
            browser.click(testId("resolve-denial"));
            browser.awaitGone("Task_WorkDenial", deniedClaim);
        }

        relay.awaitClaimStatus(heldClaim, "PAID");
        relay.awaitClaimStatus(deniedClaim, "PAID");
        assertThat(jdbc.queryForObject("SELECT resolution_note FROM denial d JOIN claim c ON c.id = d.claim_id "
                + "WHERE c.claim_number = ?", String.class, deniedClaim)).isEqualTo("Therapy under a PT plan of care: added GP");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission s JOIN claim c ON c.id = s.claim_id "
                + "WHERE c.claim_number = ?", Long.class, deniedClaim)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission s JOIN claim c ON c.id = s.claim_id "
                + "WHERE c.claim_number = ?", Long.class, heldClaim)).isEqualTo(1);
    }
}
