package dev.ecsdeploy.core.report;

import static dev.ecsdeploy.core.history.HistoryFixtures.demoHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.core.history.History;
import dev.ecsdeploy.core.history.HistoryFixtures;
import dev.ecsdeploy.core.history.HistoryJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReportTest {
    private final History history = History.of(demoHistory());
    private final HistoryReport report = HistoryReport.create(ReportOptions.defaults()
            .withTitle("Shop <deployments>")
            .withGeneratedAt(Instant.parse("2026-11-21T00:00:00Z")));

    @Test
    void shouldEmbedTheJsonSoThatDataCannotCloseTheScriptElement() {
        String html = report.standaloneHtml(history);

        String data = between(html, "id=\"ecsdeploy-history-data\">", "</script>");
        assertThat(data).doesNotContain("<", ">", "&").contains("\\u003C/script\\u003E");
        assertThat(html).contains("<title>Shop &lt;deployments&gt;</title>");
        assertThat(html).doesNotContain("@JSON@", "/*@JS@*/", "/*@CSS@*/", "@CSP@", "@TITLE@");
    }

    @Test
    void shouldAllowOnlyItsOwnInlineScriptAndStyleAndNoRequests() {
        String html = report.standaloneHtml(history);

        String csp = between(html, "Content-Security-Policy\" content=\"", "\"");
        assertThat(csp)
                .startsWith("default-src 'none'; script-src 'sha256-")
                .contains("style-src 'sha256-")
                .doesNotContain("unsafe-inline", "http");
        assertThat(html).doesNotContainPattern("(src|href)=\"https?:");
    }

    @Test
    void shouldServeTheSameJsonAndAssetsToJenkins() throws Exception {
        JsonNode json = HistoryJson.newMapper().readTree(report.json(history));

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(ReportModel.SCHEMA_VERSION);
        assertThat(json.get("entryCount").asInt()).isEqualTo(history.entries().size());
        assertThat(json.get("environments")).extracting(JsonNode::asText).containsExactly("dev", "staging", "prod");
        assertThat(json.get("timeline")).hasSize(history.entries().size());
        assertThat(json.get("links").get("deployment:d-3").get("service").asText())
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/shop-prod/services/web/health"
                        + "?region=eu-west-1");
        assertThat(HistoryReport.asset("report.js")).contains("data-url").doesNotContain("innerHTML");
        assertThat(HistoryReport.asset("report.css")).contains("#ecsdeploy-report");
        assertThatThrownBy(() -> HistoryReport.asset("../secret")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCarryOnlyTheNewestEntriesButCoverTheWholeHistoryInCards() throws Exception {
        var small = HistoryReport.create(
                ReportOptions.defaults().withTimelineLimit(3).withBuildLimit(1));

        JsonNode json = HistoryJson.newMapper().readTree(small.json(history));

        assertThat(json.get("timeline")).hasSize(3);
        assertThat(json.get("timelineTotal").asInt())
                .isEqualTo(history.entries().size());
        assertThat(json.get("builds")).hasSize(1);
        assertThat(json.get("current")).hasSize(history.current().size());
    }

    @Test
    void shouldEscapeLineSeparatorsThatOldScriptParsersReject() {
        var entries = new java.util.ArrayList<>(demoHistory());
        entries.add(HistoryFixtures.task(
                "t-x",
                "dev",
                "web",
                500,
                dev.ecsdeploy.core.operation.OperationStatus.FAILED,
                1,
                "line\u2028separator"));

        String json = new String(report.json(History.of(entries)), StandardCharsets.UTF_8);

        assertThat(json).contains("line\\u2028separator").doesNotContain("\u2028");
    }

    @Test
    void shouldWriteTheStandaloneFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("reports/history.html");

        report.writeStandalone(history, file);

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("ecsdeploy-report");
    }

    @Test
    void shouldLinkToTheConsoleOfTheRightPartition() {
        assertThat(ConsoleLinks.cluster("eu-west-1", "arn:aws:ecs:eu-west-1:123456789012:cluster/shop"))
                .contains("https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/shop/services?region=eu-west-1");
        assertThat(ConsoleLinks.taskDefinition("cn-north-1", "arn:aws-cn:ecs:cn-north-1:1:task-definition/web:7"))
                .contains("https://cn-north-1.console.amazonaws.cn/ecs/v2/task-definitions/web/7/containers"
                        + "?region=cn-north-1");
        assertThat(ConsoleLinks.service("us-gov-west-1", "c", "s"))
                .contains("https://console.amazonaws-us-gov.com/ecs/v2/clusters/c/services/s/health"
                        + "?region=us-gov-west-1");
        assertThat(ConsoleLinks.image(
                        HistoryFixtures.REGISTRY + "/team/web@" + HistoryFixtures.WEB_1, HistoryFixtures.WEB_1))
                .contains("https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/123456789012/team/web/_/"
                        + "image/sha256%3A" + "1".repeat(64) + "/details?region=eu-west-1");
        assertThat(ConsoleLinks.image("docker.io/library/nginx:1", HistoryFixtures.WEB_1))
                .isEmpty();
        assertThat(ConsoleLinks.cluster(null, "c")).isEmpty();
        assertThat(ConsoleLinks.cluster("javascript:alert(1)//", "c")).isEmpty();
        assertThat(ConsoleLinks.task("eu-west-1", "c", "arn:aws:ecs:eu-west-1:1:task/c/abc"))
                .contains("https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/c/tasks/abc/configuration"
                        + "?region=eu-west-1");
    }

    @Test
    void shouldPutEnvironmentsInTheGivenOrderFirst() throws Exception {
        var ordered = HistoryReport.create(ReportOptions.defaults().withEnvironments(List.of("prod", "dev")));

        JsonNode json = HistoryJson.newMapper().readTree(ordered.json(history));

        assertThat(json.get("environments")).extracting(JsonNode::asText).containsExactly("prod", "dev", "staging");
        assertThat(json.get("current").get(0).get("environment").asText()).isEqualTo("prod");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
