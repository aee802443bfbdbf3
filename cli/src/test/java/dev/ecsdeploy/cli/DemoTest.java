package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.report.HistoryReport;
import dev.ecsdeploy.core.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs {@code ecsdeploy demo} end to end, as the README's first command and CI do, then opens the history report it
 * wrote in headless Chromium (Debian's chromium and chromium-driver).
 */
class DemoTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "hello");
    private static final Path SCREENSHOT = Path.of("target", "demo-report-screenshot.png");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{12}");

    @TempDir
    static Path output;

    private static CliRun run;
    private static Duration took;
    private static ChromeDriver driver;

    @BeforeAll
    static void runTheDemo() {
        long started = System.nanoTime();
        run = CliRun.of("demo", "--example", EXAMPLE.toString(), "--output", output.toString());
        took = Duration.ofNanos(System.nanoTime() - started);
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void shouldRunTheWholeDemoInUnderAMinute() throws Exception {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(took).as(run.toString()).isLessThan(Duration.ofSeconds(60));
        assertThat(run.out())
                .as("the circuit breaker step is reported as a failure")
                .containsPattern("FAILURE \\(expected\\) +deploy the broken hello:1.0.1 to dev");
        assertThat(run.err()).contains("ROLLED_BACK").contains("pause gate at POST_TEST_TRAFFIC_SHIFT");
        assertThat(run.err()).contains("  | migrate: 2 migrations applied");
        Path report = report();
        assertThat(run.out()).contains("report: " + report);
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("hello-prod").contains("hello-dev");
    }

    @Test
    void shouldRenderTheDemosHistoryInChromium() throws Exception {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        openInChromium(report());

        assertThat(driver.findElements(By.cssSelector(".ed-card")))
                .extracting(card -> card.getAttribute("data-environment"))
                .containsExactly("dev", "prod");
        String dev = driver.findElement(By.cssSelector(".ed-card[data-environment=dev] [data-service=hello-dev]"))
                .getText();
        String prod = driver.findElement(By.cssSelector(".ed-card[data-environment=prod] [data-service=hello-prod]"))
                .getText();
        assertThat(dev).as("the last attempt in dev was rolled back").contains("Rolled back", "circuit breaker");
        assertThat(driver.findElements(By.cssSelector(".ed-image"))).isNotEmpty();
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();

        new Select(driver.findElement(By.id("ed-filter-status"))).selectByValue("ROLLED_BACK");
        List<WebElement> rolledBack = visibleTimelineRows();
        assertThat(rolledBack)
                .singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("hello-dev"));
        assertThat(firstDigest(dev))
                .as("dev runs the release prod runs, not the rolled-back one")
                .isEqualTo(firstDigest(prod))
                .isNotEqualTo(firstDigest(rolledBack.get(0).getText()));
        new Select(driver.findElement(By.id("ed-filter-status"))).selectByValue("");
        new Select(driver.findElement(By.id("ed-filter-environment"))).selectByValue("prod");
        assertThat(visibleTimelineRows())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).doesNotContain("hello-dev"));
        new Select(driver.findElement(By.id("ed-filter-environment"))).selectByValue("");
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOT);
    }

    private static String firstDigest(String text) {
        Matcher digest = DIGEST.matcher(text);
        assertThat(digest.find()).as("a digest in: " + text).isTrue();
        return digest.group();
    }

    private static Path report() {
        return output.resolve("report.html").toAbsolutePath();
    }

    private static List<WebElement> visibleTimelineRows() {
        return driver.findElements(By.cssSelector("#ed-timeline-table tbody tr:not([hidden])"));
    }

    private static void openInChromium(Path page) {
        driver = HeadlessChromium.start(output, "the demo report test");
        driver.get(page.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true"
                        .equals(d.findElement(By.id(HistoryReport.ROOT_ELEMENT_ID))
                                .getAttribute("data-rendered")));
    }
}
