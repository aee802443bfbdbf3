package dev.ecsdeploy.core.dashboard;

import static dev.ecsdeploy.core.dashboard.DashboardFixtures.XSS;
import static dev.ecsdeploy.core.dashboard.DashboardFixtures.at;
import static dev.ecsdeploy.core.dashboard.DashboardFixtures.deployment;
import static dev.ecsdeploy.core.dashboard.DashboardFixtures.digest;
import static dev.ecsdeploy.core.operation.OperationStatus.FAILED;
import static dev.ecsdeploy.core.operation.OperationStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.HistoryEvent;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.testing.HeadlessChromium;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's static assets in headless Chromium, served with a strict Content-Security-Policy next to the JSON
 * that {@link DashboardApi} produces from a real store, for a user who may read only one of two jobs. Skips without
 * Chromium, fails then when REQUIRE_CONTAINER_TOOLS=1.
 */
class DashboardBrowserTest {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; report-uri /csp-report";
    private static final String HOSTILE_EVENT = "</li><script>window.pwned=1</script><b onmouseover=alert(2)>x</b>";
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    @TempDir
    static Path directory;

    private static ChromeDriver driver;
    private static HttpServer server;
    private static final List<String> cspReports = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void serveTheDashboard() throws IOException {
        var store = HistoryStore.builder()
                .directory(directory.resolve("history"))
                .progressListener(ProgressListener.NONE)
                .syncOnAppend(false)
                .build();
        record(store);
        var query = DashboardQuery.create(
                store,
                List.of("dev", "staging", "prod"),
                arn -> dev.ecsdeploy.core.history.HistoryJson.newMapper()
                        .createObjectNode()
                        .put("cpu", arn.endsWith(":2") ? "256" : "512"),
                Clock.fixed(at(600), ZoneOffset.UTC));
        var api = new DashboardApi(query);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> respond(exchange, 200, "text/html", page()));
        server.createContext("/web/", DashboardBrowserTest::asset);
        server.createContext("/data/", exchange -> {
            var answer = api.handle(
                    exchange.getRequestURI().getPath().substring("/data/".length()),
                    parameters(exchange.getRequestURI().getRawQuery()),
                    "team/alpha"::equals);
            respond(exchange, answer.status(), "application/json", answer.json().getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/csp-report", exchange -> {
            cspReports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 204, "text/plain", new byte[0]);
        });
        server.start();
        driver = HeadlessChromium.start(directory, "the dashboard page test");
    }

    private static void record(HistoryStore store) {
        store.append(deployment("p-1", "team/alpha", "prod", "hello", 1, 0, SUCCEEDED)
                .build());
        store.append(deployment("s-2", "team/alpha", "staging", "hello", 2, 60, SUCCEEDED)
                .build());
        store.append(deployment("d-2", "team/alpha", "dev", "hello", 2, 50, SUCCEEDED)
                .build());
        store.append(deployment("d-3", "team/alpha", "dev", "hello", 3, 120, FAILED)
                .reason(XSS)
                .addEvent(new HistoryEvent(at(121), HOSTILE_EVENT))
                .build());
        store.append(deployment("w-1", "team/alpha", "dev", "worker", 11, 130, SUCCEEDED)
                .build());
        store.append(deployment("secret", "team/bravo", "prod", "bravo-app", 9, 140, SUCCEEDED)
                .build());
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
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
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
    void shouldRenderWhatRunsNowInEnvironmentOrderWithoutTheUnreadableJob() throws IOException {
        assertThat(driver.findElements(By.cssSelector(".ecsd-now tbody tr")))
                .extracting(row -> row.getAttribute("data-environment"))
                .containsExactly("dev", "staging", "prod");
        var devHello = driver.findElement(By.cssSelector("tr[data-environment=dev] td[data-application=hello]"));
        assertThat(devHello.getText())
                .contains(digest(2).substring(7, 19), "tag v2", "by user-team/alpha", "team/alpha #50", "FAILED");
        assertThat(driver.findElement(By.id("ecs-dashboard")).getText()).doesNotContain("bravo", "secret");
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOTS.resolve("now.png"));
    }

    @Test
    void shouldFilterTheTimelineByEnvironmentStatusAndText() throws IOException {
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
    void shouldSortTheTimelineByStartTimeFromItsHeader() {
        openTimeline();
        waitForRows(List.of("w-1", "d-3", "s-2", "d-2", "p-1"));

        driver.findElement(By.cssSelector(".ecsd-sort")).click();

        waitForRows(List.of("p-1", "d-2", "s-2", "d-3", "w-1"));
        assertThat(driver.findElement(By.cssSelector(".ecsd-sort-time")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
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
    void shouldShowTheDiffOfTwoDeployments() throws IOException {
        openTimeline();
        driver.findElement(By.cssSelector("input[value=p-1]")).click();
        driver.findElement(By.cssSelector("input[value=d-2]")).click();
        driver.findElement(By.cssSelector(".ecsd-compare")).click();
        waitFor(".ecsd-diff");

        String diff = driver.findElement(By.cssSelector(".ecsd-detail")).getText();
        assertThat(diff)
                .contains("Changes from p-1 to d-2", digest(1), digest(2), "rev1", "rev2")
                .contains("cpu: \"512\" → \"256\"")
                .contains("Findings added\nCVE-2026-2", "Findings fixed\nCVE-2026-1");
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOTS.resolve("diff.png"));
    }

    @Test
    void shouldShowAHostileReasonAndEventMessageAsText() throws IOException {
        openTimeline();
        var row = driver.findElement(By.cssSelector("tr[data-id=d-3]"));
        assertThat(row.getText()).contains(XSS);
        row.findElement(By.tagName("button")).click();
        waitFor(".ecsd-events li");

        assertThat(driver.findElement(By.cssSelector(".ecsd-events")).getText()).contains(HOSTILE_EVENT);
        assertThat(driver.findElements(By.cssSelector("#ecs-dashboard img, #ecs-dashboard script, #ecs-dashboard b")))
                .isEmpty();
        HeadlessChromium.saveFullPageScreenshot(driver, SCREENSHOTS.resolve("hostile-as-text.png"));
    }

    @Test
    void shouldShowPromotionAndMetricsChartsAndWorkByKeyboardAt320Pixels() throws IOException {
        driver.manage().window().setSize(new Dimension(320, 800));
        var promotionTab = driver.findElement(By.cssSelector(".ecsd-tab[data-view=promotion]"));
        promotionTab.sendKeys(Keys.ENTER);
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
        assertThat(driver.findElements(By.cssSelector(".ecsd-metric")))
                .extracting(card -> card.getAttribute("data-environment"))
                .containsExactly("dev", "staging", "prod");
        narrowScreenshot("metrics-320.png");
    }

    /** Saves what a 320 px wide window shows (the full-page helper widens the window). */
    private static void narrowScreenshot(String name) throws IOException {
        java.nio.file.Files.createDirectories(SCREENSHOTS);
        java.nio.file.Files.write(
                SCREENSHOTS.resolve(name), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
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

    private static byte[] page() throws IOException {
        try (InputStream fragment = resource("dashboard.html")) {
            String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>Deployments</title><link rel=\"stylesheet\" href=\"/web/dashboard.css\">"
                    + "<script src=\"/web/vendor/chart.umd.min.js\" defer></script>"
                    + "<script src=\"/web/dashboard.js\" defer></script></head><body>"
                    + new String(fragment.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("data-url=\"\"", "data-url=\"/data\"")
                    + "</body></html>";
            return html.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void asset(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/web/".length());
        try (InputStream in = name.contains("..") ? null : resource(name)) {
            if (in == null) {
                respond(exchange, 404, "text/plain", new byte[0]);
                return;
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/plain";
            respond(exchange, 200, type, in.readAllBytes());
        }
    }

    private static InputStream resource(String name) {
        return DashboardBrowserTest.class.getResourceAsStream("/dev/ecsdeploy/core/dashboard/web/" + name);
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
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
