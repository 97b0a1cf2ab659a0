package org.relayrcm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relayrcm.testing.Browser.testId;

import java.time.Duration;
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
    void billerSubmitsWorksTheDenialAndTheResubmissionIsPaid() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String encounter = RelayFixture.uniqueNumber("UIB");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of());
        String claimNumber = relay.awaitClaimNumber(encounter);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("biller");
            browser.claimAndOpen("Task_PrepareClaim", claimNumber);
            assertThat(browser.visible(testId("claim-total")).getText()).contains("310");
            browser.click(testId("submit-claim"));
            browser.awaitGone("Task_PrepareClaim", claimNumber);

            browser.claimAndOpen("Task_WorkDenial", claimNumber);
            assertThat(browser.visible(testId("denial-facts")).getText()).contains("CO").contains("4");
            browser.click(By.xpath("//label[normalize-space()='Correct and resubmit']/input"));
            browser.type(testId("line-modifiers-2"), "RT");
            browser.type(testId("denial-note"), "Right knee: added RT");
            browser.screenshot("biller-denial-form");
            browser.click(testId("resolve-denial"));
            browser.awaitGone("Task_WorkDenial", claimNumber);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT status FROM claim WHERE claim_number = ?", String.class, claimNumber), "PAID"::equals);
        assertThat(jdbc.queryForObject("SELECT resolution_note FROM denial d JOIN claim c ON c.id = d.claim_id "
                + "WHERE c.claim_number = ?", String.class, claimNumber)).isEqualTo("Right knee: added RT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission s JOIN claim c ON c.id = s.claim_id "
                + "WHERE c.claim_number = ?", Long.class, claimNumber)).isEqualTo(2);
    }
}
