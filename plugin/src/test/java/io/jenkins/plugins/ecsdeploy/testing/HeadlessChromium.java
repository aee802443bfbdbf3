package io.jenkins.plugins.ecsdeploy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromium-driver driven by Selenium for the plugin's page tests, set up as core's test helper
 * of the same name (core publishes no test jar): the driver binary is given explicitly so nothing is downloaded, the
 * flags keep Chromium off the network, and without Chromium a test skips (fails when REQUIRE_CONTAINER_TOOLS=1).
 */
public final class HeadlessChromium {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** Starts a headless Chromium with a fresh profile under {@code profileParent}; alerts stay open for the test. */
    public static ChromeDriver start(Path profileParent, String what) {
        requireChromium(what);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        // Keeps the console, where Chromium reports Content-Security-Policy violations, readable by tests.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
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

    /** Saves a screenshot of the page to {@code file}. */
    public static void saveScreenshot(ChromeDriver driver, Path file) throws IOException {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(driver.manage().window().getSize().width, (int)
                Math.min(height + 40, 4000)));
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
