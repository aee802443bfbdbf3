package io.jenkins.plugins.ecsdeploy.dashboard;

import static dev.ecsdeploy.core.operation.OperationStatus.FAILED;
import static dev.ecsdeploy.core.operation.OperationStatus.SUCCEEDED;
import static io.jenkins.plugins.ecsdeploy.dashboard.Deployments.at;
import static io.jenkins.plugins.ecsdeploy.dashboard.Deployments.deployment;
import static io.jenkins.plugins.ecsdeploy.dashboard.Deployments.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsdeploy.core.history.HistoryEvent;
import dev.ecsdeploy.core.testing.HeadlessChromium;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Jenkins-wide "Deployments" page in headless Chromium. A small HTTP server stands in for Jenkins: it hosts the
 * markup the page's index.jelly writes ({@link DeploymentsAction#markupFor}, the stylesheet link, the form and the
 * two script tags) under a strict Content-Security-Policy, and answers every other request under
 * {@code /jenkins/deployments/} by calling the action's own {@code doDynamic}, as Stapler would, for a user who may
 * read only one of two jobs. Skips without Chromium, fails then when REQUIRE_CONTAINER_TOOLS=1.
 */
class DeploymentsPageBrowserTest {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; form-action 'self'; report-uri /csp-report";
    private static final String PAGE = "/jenkins/deployments/";
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final String HOSTILE_EVENT = "</li><script>window.pwned=1</script><b onmouseover=alert(2)>x</b>";
    private static final String HOSTILE_FINDING = "CVE-<svg onload=alert(3)>";
    private static final Path SCREENSHOTS = Path.of("target", "deployments-screenshots");

    @TempDir
    static Path directory;

    private static ChromeDriver driver;
    private static HttpServer server;
    private static DeploymentsAction action;
    private static final List<String> cspReports = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void serveThePage() throws IOException {
        var history = PluginHistory.install(
                directory.resolve("history"), List.of("dev", "staging", "prod"), Clock.fixed(at(600), ZoneOffset.UTC));
        record(history);
        action = new GlobalDeploymentsAction(FakePermissions.reader("ann", "team/alpha"), () -> history);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PAGE, DeploymentsPageBrowserTest::serve);
        server.createContext("/favicon.ico", exchange -> respond(exchange, 204, null, new byte[0]));
        server.createContext("/csp-report", exchange -> {
            cspReports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 204, "text/plain", new byte[0]);
        });
        server.start();
        driver = HeadlessChromium.start(directory, "the Deployments page test");
    }

    private static void record(PluginHistory history) {
        var store = history.store();
        store.append(deployment("p-1", "team/alpha", "prod", "hello", 1, 0, SUCCEEDED)
                .build());
        store.append(deployment("s-2", "team/alpha", "staging", "hello", 2, 60, SUCCEEDED)
                .build());
        store.append(deployment("d-2", "team/alpha", "dev", "hello", 2, 50, SUCCEEDED)
                .build());
        store.append(deployment("d-3", "team/alpha", "dev", "hello", 3, 120, FAILED)
                .reason(XSS)
                .addEvent(new HistoryEvent(at(121), HOSTILE_EVENT))
                .scan(new dev.ecsdeploy.core.history.RecordedScan(
                        "COMPLETE",
                        at(120),
                        Map.of("HIGH", 1),
                        List.of(new dev.ecsdeploy.core.history.RecordedFinding(
                                HOSTILE_FINDING,
                                "HIGH",
                                "openssl",
                                "3.0.1",
                                "3.0.2",
                                "javascript:alert(4)",
                                HOSTILE_FINDING))))
                .build());
        store.append(deployment("w-1", "team/alpha", "dev", "worker", 11, 130, SUCCEEDED)
                .build());
        store.append(deployment("secret", "team/bravo", "prod", "bravo-app", 9, 140, SUCCEEDED)
                .build());
        var json = new ObjectMapper();
        history.taskDefinitions()
                .put(
                        Deployments.taskDefinitionArn("hello", 1),
                        json.createObjectNode().put("cpu", "512"));
        history.taskDefinitions()
                .put(
                        Deployments.taskDefinitionArn("hello", 2),
                        json.createObjectNode().put("cpu", "256"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
        }
        PluginHistory.install(null, List.of(), Clock.systemUTC());
    }

    @BeforeEach
    void openThePage() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get("http://127.0.0.1:" + server.getAddress().getPort() + PAGE);
        waitFor(".ecsd-now-cell");
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
    void shouldRenderWhatRunsNowFromThePluginsEndpointWithoutTheUnreadableJob() throws IOException {
        assertThat(driver.findElements(By.cssSelector(".ecsd-now tbody tr")))
                .extracting(row -> row.getAttribute("data-environment"))
                .containsExactly("dev", "staging", "prod");
        var devHello = driver.findElement(By.cssSelector("tr[data-environment=dev] td[data-application=hello]"));
        assertThat(devHello.getText()).contains(digest(2).substring(7, 19), "tag v2", "team/alpha #50", "FAILED");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("bravo", "secret");
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOTS.resolve("now.png"));
    }

    @Test
    void shouldFilterTheTimeline() throws IOException {
        openTimeline();
        new Select(driver.findElement(By.name("environment"))).selectByValue("dev");
        driver.findElement(By.cssSelector(".ecsd-filters button[type=submit]")).click();
        waitForRows(List.of("w-1", "d-3", "d-2"));

        new Select(driver.findElement(By.name("status"))).selectByValue("FAILED");
        driver.findElement(By.cssSelector(".ecsd-filters button[type=submit]")).click();
        waitForRows(List.of("d-3"));

        new Select(driver.findElement(By.name("status"))).selectByValue("");
        new Select(driver.findElement(By.name("environment"))).selectByValue("");
        driver.findElement(By.name("text")).sendKeys("staging", Keys.ENTER);
        waitForRows(List.of("s-2"));
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOTS.resolve("timeline-filtered.png"));
    }

    @Test
    void shouldDrillDownIntoACellsHistory() throws IOException {
        driver.findElement(By.cssSelector("tr[data-environment=dev] td[data-application=hello] button"))
                .click();
        waitFor(".ecsd-target-history li");

        assertThat(driver.findElements(By.cssSelector(".ecsd-target-history li")))
                .extracting(item -> item.getAttribute("data-id"))
                .containsExactly("d-3", "d-2");
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOTS.resolve("drill-down.png"));
    }

    @Test
    void shouldShowTheDiffWithTaskDefinitionChangesFromTheArchive() throws IOException {
        openTimeline();
        driver.findElement(By.cssSelector("input[value=p-1]")).click();
        driver.findElement(By.cssSelector("input[value=d-2]")).click();
        driver.findElement(By.cssSelector(".ecsd-compare")).click();
        waitFor(".ecsd-diff");

        assertThat(driver.findElement(By.cssSelector(".ecsd-detail")).getText())
                .contains("Changes from p-1 to d-2", digest(1), digest(2), "rev1", "rev2")
                .contains("cpu: \"512\" → \"256\"")
                .contains("Findings added\nCVE-2026-2", "Findings fixed\nCVE-2026-1");
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOTS.resolve("diff.png"));
    }

    @Test
    void shouldShowAHostileReasonEventAndFindingAsText() throws IOException {
        openTimeline();
        var row = driver.findElement(By.cssSelector("tr[data-id=d-3]"));
        assertThat(row.getText()).contains(XSS);
        row.findElement(By.tagName("button")).click();
        waitFor(".ecsd-events li");

        assertThat(driver.findElement(By.cssSelector(".ecsd-events")).getText()).contains(HOSTILE_EVENT);
        driver.findElement(By.cssSelector(".ecsd-close")).click();
        driver.findElement(By.cssSelector("input[value=d-2]")).click();
        driver.findElement(By.cssSelector("input[value=d-3]")).click();
        driver.findElement(By.cssSelector(".ecsd-compare")).click();
        waitFor(".ecsd-diff");
        assertThat(driver.findElement(By.cssSelector(".ecsd-detail")).getText())
                .contains("Findings added\n" + HOSTILE_FINDING);
        assertThat(driver.findElements(By.cssSelector("#ecs-dashboard img, #ecs-dashboard script, #ecs-dashboard b,"
                        + " #ecs-dashboard svg, #ecs-dashboard a[href^=javascript]")))
                .isEmpty();
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOTS.resolve("hostile-as-text.png"));
    }

    @Test
    void shouldShowPromotionAndMetricsChartsAndWorkByKeyboardAt320Pixels() throws IOException {
        driver.manage().window().setSize(new Dimension(320, 800));
        driver.findElement(By.cssSelector(".ecsd-tab[data-view=promotion]")).sendKeys(Keys.ENTER);
        waitFor(".ecsd-promotion tbody tr");
        assertThat(driver.findElement(By.cssSelector(".ecsd-promotion tr[data-application=hello]"))
                        .getText())
                .contains("same", "behind by 1");
        assertThat(driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scrolling of the page at 320 px")
                .isEqualTo(true);
        narrowScreenshot("promotion-320.png");

        driver.findElement(By.cssSelector(".ecsd-tab[data-view=metrics]")).sendKeys(Keys.ENTER);
        waitFor(".ecsd-metric canvas");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(((ChromeDriver) d)
                        .executeScript("var c = document.querySelector('.ecsd-metric canvas');"
                                + " return !!(window.Chart && window.Chart.getChart(c));")));
        narrowScreenshot("metrics-320.png");
    }

    /** Serves what Jenkins would: the page (as index.jelly writes it), else the action's {@code doDynamic}. */
    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(PAGE)) {
            respond(exchange, 200, "text/html;charset=UTF-8", page());
            return;
        }
        var reply = StaplerCalls.dynamic(
                action,
                exchange.getRequestMethod(),
                path.substring(PAGE.length() - 1),
                parameters(exchange.getRequestURI().getRawQuery()));
        respond(exchange, reply.status, reply.contentType, reply.body.toByteArray());
    }

    /** The HTML the page's index.jelly writes around the action's markup (the Jenkins layout left out). */
    private static byte[] page() {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Deployments: Jenkins</title>"
                + "<link rel=\"stylesheet\" type=\"text/css\" href=\"" + PAGE + "assets/dashboard.css\"></head><body>"
                + action.markupFor("/jenkins")
                + "<form class=\"ecsd-known-good-form\" method=\"post\" action=\"" + PAGE + "knownGood\">"
                + "<input type=\"hidden\" name=\"from\" value=\"page\"><label>Mark deployment known good"
                + " <input type=\"text\" name=\"deployment\" autocomplete=\"off\" required></label>"
                + "<button type=\"submit\">Mark known good</button></form>"
                + "<script type=\"text/javascript\" src=\"" + PAGE + "assets/vendor/chart.umd.min.js\"></script>"
                + "<script type=\"text/javascript\" src=\"" + PAGE + "assets/dashboard.js\"></script>"
                + "</body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static void narrowScreenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static void openTimeline() {
        driver.findElement(By.cssSelector(".ecsd-tab[data-view=timeline]")).click();
        waitFor(".ecsd-timeline tbody tr[data-id]");
    }

    private static void waitForRows(List<String> ids) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> ids.equals(((ChromeDriver) d)
                        .executeScript("return Array.from(document.querySelectorAll("
                                + "'.ecsd-timeline tbody tr[data-id]'), row => row.getAttribute('data-id'));")));
    }

    private static WebElement waitFor(String selector) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(selector)).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    private static Map<String, String> parameters(String rawQuery) {
        var parameters = new HashMap<String, String>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
