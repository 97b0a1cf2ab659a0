package org.relayrcm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relayrcm.testing.Browser.testId;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.relayrcm.testing.Browser;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coding workbench with the keyboard only: once the task is open, every key goes to whatever element has
 * the focus, as it does for a coder who never touches the mouse.
 */
@RelayIntegrationTest
class KeyboardCodingBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void coderCodesWithTheKeyboardSeesTheHeaderCodeRefusedFixesItAndCompletes() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String number = RelayFixture.uniqueNumber("KB");
        relay.receive(number);
        relay.awaitTask("coder", "Task_CodeEncounter", number);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("coder");
            browser.claimAndOpen("Task_CodeEncounter", number);
            WebElement firstCode = browser.visible(testId("dx-code-0"));
            WebDriver driver = ((WrapsDriver) firstCode).getWrappedDriver();
            Keyboard keyboard = new Keyboard(browser, driver);

            keyboard.awaitFocus("dx-code-0");
            // M17.1 is a category header: the coder takes the typed code with Enter and moves on.
            keyboard.press("M17.1");
            browser.visible(By.cssSelector("[data-testid='code-option'][data-code='M17.1']"));
            keyboard.press(Keys.ENTER);
            keyboard.awaitFocus("dx-code-1");
            keyboard.press(Keys.chord(Keys.ALT, "l"));
            keyboard.awaitFocus("px-code-0");
            keyboard.press("20610", Keys.ENTER);
            keyboard.awaitFocus("px-modifiers-0");
            keyboard.press("RT", Keys.TAB);
            keyboard.awaitFocus("px-units-0");
            keyboard.press(Keys.TAB, "1");
            keyboard.press(Keys.chord(Keys.CONTROL, Keys.ENTER));

            WebElement summary = browser.visible(testId("form-errors"));
            assertThat(summary.getText()).contains("M17.1 is a category header").contains("M17.11");
            assertThat(browser.visible(testId("dx-code-0")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("keyboard-coder-header-error");

            // From the error summary to the field, then the billable child from the suggestions.
            keyboard.awaitFocus("form-errors");
            keyboard.press(Keys.TAB, Keys.ENTER);
            keyboard.awaitFocus("dx-code-0");
            keyboard.press(Keys.END, "1");
            browser.visible(By.cssSelector("[data-testid='code-option'][data-code='M17.11']"));
            keyboard.press(Keys.ARROW_DOWN);
            browser.visible(By.cssSelector("[data-testid='code-option'][data-code='M17.11'][aria-selected='true']"));
            keyboard.press(Keys.ENTER);
            assertThat(browser.visible(testId("dx-code-0")).getAttribute("value")).isEqualTo("M17.11");
            keyboard.press(Keys.chord(Keys.CONTROL, Keys.ENTER));

            browser.awaitGone("Task_CodeEncounter", number);
        }
        assertThat(jdbc.queryForList("""
                SELECT d.code FROM coded_diagnosis d JOIN coding_case cc ON cc.id = d.coding_case_id
                JOIN encounter e ON e.id = cc.encounter_id WHERE e.encounter_number = ? AND d.stage = 'FINAL'""",
                String.class, number)).isEqualTo(List.of("M1711"));
        assertThat(jdbc.queryForList("""
                SELECT p.code || '-' || p.modifiers || '-' || p.units FROM coded_procedure p
                JOIN coding_case cc ON cc.id = p.coding_case_id
                JOIN encounter e ON e.id = cc.encounter_id WHERE e.encounter_number = ? AND p.stage = 'FINAL'""",
                String.class, number)).isEqualTo(List.of("20610-RT-1"));
    }

    /** Keys to the focused element only; waits for the focus to land where the workbench says it goes. */
    private record Keyboard(Browser browser, WebDriver driver) {

        void press(CharSequence... keys) {
            driver.switchTo().activeElement().sendKeys(keys);
        }

        void awaitFocus(String testId) {
            browser.visible(testId(testId));
            org.openqa.selenium.support.ui.WebDriverWait wait =
                    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10));
            wait.withMessage(() -> "focus on " + testId + " but it is on "
                    + driver.switchTo().activeElement().getAttribute("data-testid"))
                    .until(d -> testId.equals(d.switchTo().activeElement().getAttribute("data-testid")));
        }
    }
}
