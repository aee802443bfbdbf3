package io.jenkins.plugins.ecsdeploy.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.RecordedFinding;
import dev.ecsdeploy.core.history.RecordedScan;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.testing.HeadlessChromium;
import io.jenkins.plugins.ecsdeploy.testing.FakeRuns;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An image's findings page in headless Chromium: the plugin's findings.js and the JSON of the image row's own
 * endpoint, served with a strict Content-Security-Policy. Skips without Chromium (fails then with
 * REQUIRE_CONTAINER_TOOLS=1); screenshots in target/build-page-screenshots.
 */
class FindingsPageBrowserTest {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; report-uri /csp-report";
    private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
    private static final Path SCREENSHOTS = Path.of("target", "build-page-screenshots");

    @TempDir
    static Path directory;

    private static ChromeDriver driver;
    private static HttpServer server;
    private static final List<String> cspReports = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void serveThePage() throws IOException {
        DeploymentsBuildAction action = DeploymentsBuildAction.attachedTo(FakeRuns.run("web", 1));
        action.record(image());
        byte[] findings = ((JsonResponse) action.getImage("build-1").getFindingsJson())
                .body()
                .getBytes(StandardCharsets.UTF_8);
        byte[] script =
                Files.readAllBytes(Path.of("src/main/resources/io/jenkins/plugins/ecsdeploy/history/findings.js"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/image/build-1/", exchange -> respond(exchange, "text/html", page()));
        server.createContext(
                "/image/build-1/findingsJson", exchange -> respond(exchange, "application/json", findings));
        server.createContext("/js/findings.js", exchange -> respond(exchange, "text/javascript", script));
        server.createContext("/favicon.ico", exchange -> respond(exchange, "image/x-icon", new byte[0]));
        server.createContext("/csp-report", exchange -> {
            cspReports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, "text/plain", new byte[0]);
        });
        server.start();
        driver = HeadlessChromium.start(directory, "the findings page test");
    }

    private static ImageBuildEntry image() {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        return ImageBuildEntry.builder()
                .id("build-1")
                .recordedAt(at)
                .repository("web")
                .digest("sha256:" + "ab".repeat(32))
                .scan(new RecordedScan(
                        "COMPLETE",
                        at,
                        Map.of("CRITICAL", 1, "HIGH", 1, "LOW", 1),
                        List.of(
                                new RecordedFinding("CVE-2026-0003", "LOW", "bash", "5.1", null, null, "low one"),
                                new RecordedFinding(
                                        "CVE-2026-0001",
                                        "CRITICAL",
                                        "openssl",
                                        "3.0.1",
                                        "3.0.9",
                                        "https://nvd.nist.gov/vuln/detail/CVE-2026-0001",
                                        HOSTILE),
                                new RecordedFinding(
                                        "CVE-2026-0002",
                                        "HIGH",
                                        "zlib",
                                        "1.2",
                                        "1.3",
                                        "javascript:window.pwned=3",
                                        "zlib"))))
                .status(OperationStatus.SUCCEEDED)
                .build();
    }

    /** The body of ImageRow/index.jelly as Jenkins renders it, without the layout around it. */
    private static byte[] page() {
        return ("<!DOCTYPE html><html><head><title>web</title>"
                        + "<script src=\"/js/findings.js\" type=\"text/javascript\"></script></head>"
                        + "<body><h2>Findings</h2><div id=\"ecs-deploy-findings\" class=\"ecs-deploy-findings\""
                        + " data-url=\"findingsJson\"><p>Loading the findings…</p></div></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=UTF-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.sendResponseHeaders(body.length == 0 ? 204 : 200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @BeforeEach
    void openThePage() {
        driver.manage().window().setSize(new Dimension(1400, 900));
        driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/image/build-1/");
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector(".sortable-findings tbody tr"))
                        .isEmpty());
    }

    @AfterEach
    void noScriptRanAndNothingWasBlocked() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
        var console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(entry -> entry.getMessage())
                .toList();
        assertThat(console)
                .as("console warnings and errors (CSP violations show here)")
                .isEmpty();
        assertThat(cspReports).as("CSP violation reports").isEmpty();
    }

    @Test
    void shouldListTheFindingsMostSevereFirstWithTheHostileDescriptionAsText() throws IOException {
        assertThat(ids()).containsExactly("CVE-2026-0001", "CVE-2026-0002", "CVE-2026-0003");
        assertThat(driver.findElement(By.cssSelector(".sortable-findings tbody"))
                        .getText())
                .contains(HOSTILE);
        assertThat(driver.findElements(By.cssSelector(".sortable-findings img, .sortable-findings tbody script")))
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector(".sortable-findings a")))
                .extracting(link -> link.getAttribute("href"))
                .containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2026-0001");
        HeadlessChromium.saveScreenshot(driver, SCREENSHOTS.resolve("findings.png"));
    }

    @Test
    void shouldSortByAColumnFromItsHeaderAndBack() {
        WebElement byPackage = driver.findElements(By.cssSelector(".sortable-findings th button"))
                .get(2);

        byPackage.click();
        List<String> ascending = ids();
        byPackage.click();

        assertThat(ascending).containsExactly("CVE-2026-0003", "CVE-2026-0001", "CVE-2026-0002");
        assertThat(driver.findElement(By.cssSelector("th[data-key=packageName]"))
                        .getAttribute("aria-sort"))
                .isEqualTo("descending");
        assertThat(ids()).containsExactly("CVE-2026-0002", "CVE-2026-0001", "CVE-2026-0003");
    }

    @Test
    void shouldFilterBySeverity() throws IOException {
        new Select(driver.findElement(By.cssSelector(".ecs-deploy-findings select"))).selectByValue("HIGH");

        assertThat(ids()).containsExactly("CVE-2026-0002");
        assertThat(driver.findElement(By.cssSelector(".ecs-deploy-findings__count"))
                        .getText())
                .isEqualTo("1 of 3 findings");
        driver.manage().window().setSize(new Dimension(320, 800));
        HeadlessChromium.saveScreenshot(driver, SCREENSHOTS.resolve("findings-high-320px.png"));
    }

    private static List<String> ids() {
        return driver.findElements(By.cssSelector(".sortable-findings tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
