package org.relayrcm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coder's day in a real browser: Debian's Chromium driven by its own chromedriver (nothing is
 * downloaded), against the app with the React bundle the build produced.
 */
@RelayIntegrationTest
class CoderBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("relay-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void coderSignsInClaimsCodesAndSeesTheTaskLeave() throws Exception {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String number = RelayFixture.uniqueNumber("UI");
        relay.receive(number);
        relay.awaitTask("coder", "Task_CodeEncounter", number);

        browser.get("http://localhost:" + port + "/");
        type(labelled("Username"), "coder");
        type(labelled("Password"), "coder");
        browser.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Group tasks']"))).click();
        By row = By.cssSelector("[data-testid=task-row][data-business-key='" + number + "']");
        WebElement task = findOnSomePage(row);
        task.findElement(By.cssSelector("[data-testid=claim-task]")).click();
        wait.until(d -> !d.findElement(row).findElements(By.cssSelector("[data-testid=open-task]")).isEmpty());
        browser.findElement(row).findElement(By.cssSelector("[data-testid=open-task]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=documentation]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=documentation]")).getText()).contains("Knee pain");
        ensureRow("dx-code-0", "add-diagnosis");
        type(By.cssSelector("[data-testid=dx-code-0]"), "M17.11");
        ensureRow("px-code-0", "add-procedure");
        type(By.cssSelector("[data-testid=px-code-0]"), "20610");
        type(By.cssSelector("[data-testid=px-modifiers-0]"), "RT");
        type(By.cssSelector("[data-testid=px-units-0]"), "1");
        type(By.cssSelector("[data-testid=px-pointers-0]"), "1");
        browser.findElement(By.cssSelector("[data-testid=complete-coding]")).click();

        wait.until(ExpectedConditions.urlMatches(".*/tasks/?$"));
        wait.until(d -> d.findElements(row).isEmpty());
        screenshot("coder-after-coding");
        assertThat(jdbc.queryForObject("""
                SELECT cc.status FROM coding_case cc JOIN encounter e ON e.id = cc.encounter_id
                WHERE e.encounter_number = ?""", String.class, number)).isEqualTo("CODED");
        assertThat(jdbc.queryForList("""
                SELECT p.code FROM coded_procedure p JOIN coding_case cc ON cc.id = p.coding_case_id
                JOIN encounter e ON e.id = cc.encounter_id WHERE e.encounter_number = ? AND p.stage = 'FINAL'""",
                String.class, number)).isEqualTo(List.of("20610"));
    }

    /** The input a person finds by its label: wrapped in the label, or pointed at by its for attribute. */
    private static By labelled(String text) {
        return By.xpath("//label[normalize-space()='" + text + "']//input"
                + " | //input[@id = //label[normalize-space()='" + text + "']/@for]");
    }

    private void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    private void ensureRow(String testId, String addButton) {
        if (browser.findElements(By.cssSelector("[data-testid=" + testId + "]")).isEmpty()) {
            browser.findElement(By.cssSelector("[data-testid=" + addButton + "]")).click();
        }
    }

    /** Earlier tests leave tasks behind; page through the group list until the row shows up. */
    private WebElement findOnSomePage(By row) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(row);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            List<WebElement> next = d.findElements(By.xpath("//button[normalize-space()='Next']"));
            if (!next.isEmpty() && next.get(0).isEnabled()) {
                next.get(0).click();
            } else {
                d.findElements(By.xpath("//button[normalize-space()='Refresh']")).forEach(WebElement::click);
            }
            return null;
        });
    }

    private void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
