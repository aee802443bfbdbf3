package dev.ecsdeploy.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromium-driver driven by Selenium, for the tests of the report page (core), of the demo's
 * report (CLI) and of the plugin's pages (through core's test jar). The driver binary is given explicitly, so
 * Selenium Manager never tries to download one, and the flags keep Chromium from reaching out to the network. Without Chromium a test skips with a message, and fails
 * instead when {@code REQUIRE_CONTAINER_TOOLS=1}, as in CI.
 */
public final class HeadlessChromium {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /**
     * Starts a headless Chromium with a fresh profile under {@code profileParent}; an alert stays open so that a test
     * can see it. {@code what} names the test in the skip or failure message.
     */
    public static ChromeDriver start(Path profileParent, String what) {
        requireChromium(what);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        // Keeps the console (where Chromium reports Content-Security-Policy violations) readable by tests.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profileParent.resolve("chromium-profile"));
        return new ChromeDriver(service, options);
    }

    /** Saves a screenshot of the whole page (up to 8,000 pixels high) to {@code file}, 1,400 pixels wide. */
    public static void saveFullPageScreenshot(ChromeDriver driver, Path file) throws IOException {
        saveScreenshot(driver, file, 1400);
    }

    /** Saves a screenshot of the whole page (up to 8,000 pixels high) at the window's current width. */
    public static void saveScreenshot(ChromeDriver driver, Path file) throws IOException {
        saveScreenshot(driver, file, driver.manage().window().getSize().width);
    }

    private static void saveScreenshot(ChromeDriver driver, Path file, int width) throws IOException {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 40, 8000)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    private static void requireChromium(String what) {
        if (CHROMIUM.canExecute() && CHROMEDRIVER.canExecute()) {
            return;
        }
        String missing = "Chromium or its driver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): install them with `apt-get install -y chromium chromium-driver`";
        if ("1".equals(System.getenv("REQUIRE_CONTAINER_TOOLS"))) {
            fail(missing + "; REQUIRE_CONTAINER_TOOLS=1 forbids skipping " + what);
        }
        Assumptions.abort(missing + "; skipping " + what);
    }
}
