package org.relayrcm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with nothing downloaded (no Selenium
 * Manager: both paths are given), the way a person uses the React app.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final int port;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.port = port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public static Browser open(int port) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                    "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("relay-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void signIn(String user) {
        driver.get("http://localhost:" + port + "/");
        type(labelled("Username"), user);
        type(labelled("Password"), user);
        click(By.xpath("//button[normalize-space()='Sign in']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Sign out']")));
    }

    /** Opens the group tab, finds the task by its business key, claims it and opens its form. */
    public void claimAndOpen(String taskKey, String businessKey) {
        click(By.xpath("//button[normalize-space()='Group tasks']"));
        type(testId("task-find"), businessKey);
        click(By.xpath("//button[normalize-space()='Find']"));
        By row = row(taskKey, businessKey);
        WebElement found = wait.until(d -> {
            List<WebElement> rows = d.findElements(row);
            if (rows.isEmpty()) {
                d.findElements(By.xpath("//button[normalize-space()='Refresh']")).forEach(WebElement::click);
                return null;
            }
            return rows.get(0);
        });
        found.findElement(By.cssSelector("[data-testid=claim-task]")).click();
        wait.until(d -> !d.findElement(row).findElements(By.cssSelector("[data-testid=open-task]")).isEmpty());
        driver.findElement(row).findElement(By.cssSelector("[data-testid=open-task]")).click();
    }

    public void awaitGone(String taskKey, String businessKey) {
        wait.until(ExpectedConditions.urlMatches(".*/tasks/?$"));
        wait.until(d -> d.findElements(row(taskKey, businessKey)).isEmpty());
    }

    public static By row(String taskKey, String businessKey) {
        return By.cssSelector("[data-testid=task-row][data-task-key='" + taskKey + "'][data-business-key='" + businessKey + "']");
    }

    public static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** The input a person finds by its label: wrapped in the label, or pointed at by its for attribute. */
    public static By labelled(String text) {
        return By.xpath("//label[normalize-space()='" + text + "']//input"
                + " | //input[@id = //label[normalize-space()='" + text + "']/@for]");
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    public void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    public boolean present(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
