package dev.ecsdeploy.core.report;

import static dev.ecsdeploy.core.history.HistoryFixtures.SCRIPT_BREAKOUT;
import static dev.ecsdeploy.core.history.HistoryFixtures.XSS;
import static dev.ecsdeploy.core.history.HistoryFixtures.demoHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsdeploy.core.history.History;
import dev.ecsdeploy.core.testing.HeadlessChromium;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report page in headless Chromium (Debian's chromium and chromium-driver): it renders the history, the
 * filters work, hostile strings stay text. Skips when Chromium is absent, fails then when REQUIRE_CONTAINER_TOOLS=1.
 */
class HistoryReportBrowserTest {
    private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

    @TempDir
    static Path directory;

    private static ChromeDriver driver;
    private static Path page;
    private static final History HISTORY = History.of(demoHistory());
    private static final HistoryReport REPORT = HistoryReport.create(ReportOptions.defaults()
            .withTitle("Shop deployments")
            .withEnvironments(List.of("dev", "staging", "prod"))
            .withGeneratedAt(Instant.parse("2026-11-20T14:00:00Z")));

    @BeforeAll
    static void startChromium() {
        driver = HeadlessChromium.start(directory, "the report page test");
        page = directory.resolve("history.html");
        REPORT.writeStandalone(HISTORY, page);
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openThePage() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(page.toUri().toString());
        waitUntilRendered();
    }

    @Test
    void shouldShowWhatRunsInEachEnvironmentAndSaveAScreenshot() throws IOException {
        assertThat(driver.findElements(By.cssSelector(".ed-card")))
                .extracting(card -> card.getAttribute("data-environment"))
                .containsExactly("dev", "staging", "prod");
        WebElement prodWeb = driver.findElement(By.cssSelector(".ed-card[data-environment=prod] [data-service=web]"));
        assertThat(prodWeb.getText())
                .contains("sha256:111111111111", "web:30", "bob", "shop/deploy-prod #30", "Rolled back")
                .contains("Last attempt d-6", "circuit breaker tripped after 3 failed tasks");
        assertThat(prodWeb.findElement(By.linkText("web")).getAttribute("href"))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/shop-prod/services/web/health"
                        + "?region=eu-west-1");
        assertThat(driver.findElement(By.cssSelector(".ed-card[data-environment=staging] [data-service=api]"))
                        .getText())
                .contains("no successful deployment yet", "In progress");
        assertThat(driver.findElement(By.cssSelector("#ed-promotion tr[data-service=web]"))
                        .getText())
                .contains("behind dev by 1 image", "behind staging by 1 image");
        assertThat(driver.findElements(By.cssSelector(".ed-image")))
                .extracting(image -> image.getAttribute("data-build-id"))
                .containsExactly("b-202", "b-103", "b-102", "b-201", "b-101");
        assertThat(driver.findElement(By.cssSelector(".ed-image[data-build-id=b-103] .ed-severities"))
                        .getText())
                .isEqualToIgnoringWhitespace("Scan complete: CRITICAL 1 HIGH 1");
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOT);
    }

    @Test
    void shouldShowTheOneLineReasonWithItsDetailsBehindAnExpandableElement() {
        WebElement row = driver.findElement(By.cssSelector("tr[data-id=d-6]"));
        assertThat(row.findElements(By.cssSelector(".ed-reason")))
                .singleElement()
                .satisfies(reason -> assertThat(reason.getText()).startsWith("circuit breaker tripped"));
        WebElement more = row.findElement(By.cssSelector("details.ed-more"));
        assertThat(more.getAttribute("open")).isNull();
        assertThat(more.findElement(By.cssSelector(".ed-detail-lines li")).isDisplayed())
                .isFalse();

        more.findElement(By.tagName("summary")).click();

        assertThat(more.findElements(By.cssSelector(".ed-detail-lines li")))
                .extracting(WebElement::getText)
                .containsExactly(
                        "service deployment arn:aws:ecs:eu-west-1:1:service-deployment/shop-prod/web/d6:"
                                + " ROLLBACK_SUCCESSFUL",
                        "task 4f2a stopped: exit code 1 (container web) " + SCRIPT_BREAKOUT);
    }

    @Test
    void shouldFilterTheTimeline() {
        assertThat(visibleTimelineIds()).hasSize(HISTORY.entries().size());

        new Select(driver.findElement(By.id("ed-filter-environment"))).selectByValue("prod");
        assertThat(visibleTimelineIds()).containsExactly("t-1", "d-6", "d-9", "d-3");
        assertThat(driver.findElement(By.id("ed-timeline-count")).getText()).startsWith("Showing 4 of 18 entries");

        new Select(driver.findElement(By.id("ed-filter-status"))).selectByValue("ROLLED_BACK");
        assertThat(visibleTimelineIds()).containsExactly("d-6");

        new Select(driver.findElement(By.id("ed-filter-environment"))).selectByValue("");
        new Select(driver.findElement(By.id("ed-filter-status"))).selectByValue("");
        new Select(driver.findElement(By.id("ed-filter-service"))).selectByValue("worker");
        assertThat(visibleTimelineIds()).containsExactly("t-2", "d-10", "b-202", "d-9", "d-8", "b-201");

        driver.findElement(By.id("ed-filter-text")).sendKeys("Migration 0042");
        assertThat(visibleTimelineIds()).containsExactly("t-2");
    }

    @Test
    void shouldShowHostileStringsAsTextAndRunNothing() {
        WebElement finding =
                driver.findElement(By.xpath("//*[@data-build-id='b-103']//td[contains(@class,'ed-description')][1]"));
        assertThat(finding.getText()).isEqualTo(XSS);
        assertThat(driver.findElement(By.cssSelector("tr[data-id=b-102]")).getText())
                .contains(SCRIPT_BREAKOUT);
        assertThat(driver.findElement(By.cssSelector("tr[data-id=d-6] .ed-events"))
                        .getAttribute("textContent"))
                .contains(SCRIPT_BREAKOUT);
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).hasSize(2);
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        // The check above can fail: markup inserted as HTML does create an element.
        driver.executeScript(
                "var d = document.createElement('div'); d.innerHTML = arguments[0];" + " document.body.appendChild(d);",
                XSS);
        assertThat(driver.findElements(By.tagName("img"))).hasSize(1);
    }

    @Test
    void shouldFetchTheJsonFromTheDataUrlLikeTheJenkinsPage() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> serve(exchange));
        server.start();
        try {
            driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/job/shop/history/");
            waitUntilRendered();

            assertThat(driver.findElements(By.cssSelector(".ed-card"))).hasSize(3);
            assertThat(visibleTimelineIds()).hasSize(HISTORY.entries().size());
            assertThat(driver.findElement(By.cssSelector("#ecsdeploy-report")).getCssValue("max-width"))
                    .isEqualTo("1400px");
        } finally {
            server.stop(0);
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type;
        if (path.endsWith("/history.json")) {
            body = REPORT.json(HISTORY);
            type = "application/json";
        } else if (path.endsWith(".js") || path.endsWith(".css")) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            body = HistoryReport.asset(name).getBytes(StandardCharsets.UTF_8);
            type = name.endsWith(".js") ? "text/javascript" : "text/css";
        } else {
            body = ("<!DOCTYPE html><html><head><meta charset=utf-8><title>Jenkins</title>"
                            + "<link rel=stylesheet href=report.css></head><body>"
                            + "<div id=ecsdeploy-report data-url=history.json></div>"
                            + "<script src=report.js></script></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            type = "text/html; charset=utf-8";
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static List<String> visibleTimelineIds() {
        return driver.findElements(By.cssSelector("#ed-timeline-table tbody tr:not([hidden])")).stream()
                .map(row -> row.getAttribute("data-id"))
                .toList();
    }

    private static void waitUntilRendered() {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true"
                        .equals(d.findElement(By.id(HistoryReport.ROOT_ELEMENT_ID))
                                .getAttribute("data-rendered")));
    }
}
