package io.jenkins.plugins.ecsdeploy.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import dev.ecsdeploy.core.history.DeployedImage;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryEvent;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.Origin;
import dev.ecsdeploy.core.history.RecordedFinding;
import dev.ecsdeploy.core.history.RecordedGate;
import dev.ecsdeploy.core.history.RecordedScan;
import dev.ecsdeploy.core.history.TaskRunEntry;
import dev.ecsdeploy.core.operation.OperationStatus;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.testing.FakeRuns;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** What a build shipped: kept in build.xml by XStream, exported to /api/json, shown by Jelly views. */
class DeploymentsBuildActionTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");
    private static final String HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final Origin ORIGIN =
            new Origin("alice", "shop/web", 12, "https://jenkins.example.com/job/shop/job/web/12/", "main", null);

    private static DeploymentsBuildAction shipped(Run<?, ?> run) {
        DeploymentsBuildAction action = DeploymentsBuildAction.attachedTo(run);
        action.record(image(OperationStatus.IN_PROGRESS));
        action.record(deployment());
        action.record(image(OperationStatus.SUCCEEDED));
        action.record(taskRun());
        action.markUnchanged(DIGEST);
        return action;
    }

    private static ImageBuildEntry image(OperationStatus status) {
        return ImageBuildEntry.builder()
                .id("build-1")
                .recordedAt(AT)
                .region("us-east-1")
                .registry("123456789012.dkr.ecr.us-east-1.amazonaws.com")
                .repository("web")
                .tags(List.of("1.4.2", "latest"))
                .digest(DIGEST)
                .buildTool("podman")
                .scan(new RecordedScan(
                        "COMPLETE",
                        AT,
                        Map.of("HIGH", 1, "CRITICAL", 1),
                        List.of(
                                new RecordedFinding(
                                        "CVE-2026-1",
                                        "CRITICAL",
                                        "openssl",
                                        "3.0.1",
                                        "3.0.9",
                                        "https://nvd.nist.gov/vuln/detail/CVE-2026-1",
                                        HOSTILE),
                                new RecordedFinding(
                                        "CVE-2026-2", "HIGH", "zlib", "1.2", null, "javascript:alert(3)", "zlib"))))
                .gate(new RecordedGate(true, "CRITICAL=0", "passed", List.of("CVE-2026-1")))
                .status(status)
                .startedAt(AT.minusSeconds(200))
                .finishedAt(status.terminal() ? AT : null)
                .origin(ORIGIN)
                .build();
    }

    private static DeploymentEntry deployment() {
        return DeploymentEntry.builder()
                .id("deploy-1")
                .recordedAt(AT)
                .region("us-east-1")
                .accountId("123456789012")
                .environment("prod")
                .cluster("main")
                .service("web")
                .strategy("CANARY")
                .previousTaskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:7")
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:8")
                .images(List.of(
                        new DeployedImage("web", "123456789012.dkr.ecr.us-east-1.amazonaws.com/web@" + DIGEST, DIGEST)))
                .status(OperationStatus.IN_PROGRESS)
                .startedAt(AT.minusSeconds(75))
                .events(List.of(new HistoryEvent(AT, HOSTILE)))
                .origin(ORIGIN)
                .build();
    }

    private static TaskRunEntry taskRun() {
        return TaskRunEntry.builder()
                .id("task-1")
                .recordedAt(AT)
                .region("us-east-1")
                .environment("prod")
                .cluster("main")
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:3")
                .taskArn("arn:aws:ecs:us-east-1:123456789012:task/main/abc")
                .command(List.of("./migrate", "up"))
                .exitCode(0)
                .status(OperationStatus.SUCCEEDED)
                .startedAt(AT.minusSeconds(30))
                .finishedAt(AT)
                .origin(ORIGIN)
                .build();
    }

    @Test
    void shouldKeepTheNewestStateOfEachEntryInTheOrderFirstRecorded() {
        DeploymentsBuildAction action = shipped(FakeRuns.run("shop/web", 12));

        assertThat(action.entries()).extracting(e -> e.id()).containsExactly("build-1", "deploy-1", "task-1");
        assertThat(action.getImages()).singleElement().satisfies(image -> {
            assertThat(image.getStatus()).isEqualTo("SUCCEEDED");
            assertThat(image.isUnchanged()).isTrue();
            assertThat(image.getVerdict()).isEqualTo("PASSED");
            assertThat(image.getCountsText()).isEqualTo("CRITICAL 1, HIGH 1");
            assertThat(image.getAllowListed()).containsExactly("CVE-2026-1");
            assertThat(image.getDurationSeconds()).isEqualTo(200L);
        });
    }

    @Test
    void shouldSurviveARoundTripThroughXStreamAsJenkinsSavesBuildXml() {
        Run<?, ?> run = FakeRuns.run("shop/web", 12);
        DeploymentsBuildAction action = shipped(run);
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {DeploymentsBuildAction.class});

        String xml = xstream.toXML(action);
        DeploymentsBuildAction loaded = (DeploymentsBuildAction) xstream.fromXML(xml);
        loaded.onLoad(run);

        assertThat(loaded.entries()).isEqualTo(action.entries());
        assertThat(exported(loaded)).isEqualTo(exported(action));
        assertThat(xml)
                .contains("<entries>", "<unchangedDigests")
                .doesNotContain("<run>", "<parsed>", "credentials", "secret");
    }

    @Test
    void shouldLoadABuildXmlWrittenBeforeUnchangedImagesWereKept() {
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {DeploymentsBuildAction.class});
        String xml = xstream.toXML(shipped(FakeRuns.run("web", 1)))
                .replaceAll("(?s)<unchangedDigests.*</unchangedDigests>", "");

        DeploymentsBuildAction loaded = (DeploymentsBuildAction) xstream.fromXML(xml);

        assertThat(loaded.getImages())
                .singleElement()
                .satisfies(image -> assertThat(image.isUnchanged()).isFalse());
    }

    @Test
    void shouldExportEverythingTheBuildShippedToTheApi() {
        Map<String, Object> api = exported(shipped(FakeRuns.run("shop/web", 12)));

        assertThat(api).containsOnlyKeys("images", "deployments", "taskRuns");
        Map<String, Object> image = first(api, "images");
        assertThat(image)
                .containsEntry("repository", "web")
                .containsEntry("tags", List.of("1.4.2", "latest"))
                .containsEntry("digest", DIGEST)
                .containsEntry("unchanged", true)
                .containsEntry("verdict", "PASSED")
                .containsEntry("severityCounts", Map.of("CRITICAL", 1, "HIGH", 1))
                .containsEntry("url", "image/build-1");
        assertThat(first(image, "findings"))
                .containsEntry("id", "CVE-2026-1")
                .containsEntry("uri", "https://nvd.nist.gov/vuln/detail/CVE-2026-1")
                .containsEntry("description", HOSTILE);
        Map<String, Object> deployment = first(api, "deployments");
        assertThat(deployment)
                .containsEntry("environment", "prod")
                .containsEntry("service", "web")
                .containsEntry("strategy", "CANARY")
                .containsEntry("status", "IN_PROGRESS")
                .containsEntry("taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:8")
                .containsEntry("id", "deploy-1");
        assertThat(first(deployment, "events")).containsEntry("message", HOSTILE);
        assertThat(first(api, "taskRuns"))
                .containsEntry("command", List.of("./migrate", "up"))
                .containsEntry("exitCode", 0);
    }

    @Test
    void shouldOfferOnlyWebLinksToAdvisoriesAndServeFindingsAsData() {
        ImageRow image = shipped(FakeRuns.run("web", 1)).getImage("build-1");

        String json = ((JsonResponse) image.getFindingsJson()).body();

        assertThat(image.getFindings())
                .extracting(ImageRow.FindingRow::getUri)
                .containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2026-1", null);
        assertThat(json).contains("\"description\":\"<img src=x onerror=alert(1)><script>alert(2)</script>\"");
        assertThat(json).doesNotContain("javascript:");
    }

    @Test
    void shouldLinkADeploymentWaitingAtAPauseToItsDecision() {
        Run<?, ?> run = FakeRuns.run("shop/web", 12);
        DeploymentsBuildAction action = shipped(run);
        run.addAction(new PausedAt("web"));

        assertThat(action.getDeployment("deploy-1").getDecisionUrl()).isEqualTo("job/shop/web/12/ecs-deploy-decision");
        assertThat(action.getDeployment("deploy-1").getFrom()).isEqualTo("web:7");
        assertThat(action.getDeployment("deploy-1").getTaskDefinitionConsoleUrl())
                .isEqualTo(
                        "https://us-east-1.console.aws.amazon.com/ecs/v2/task-definitions/web/8/containers?region=us-east-1");
        assertThat(action.getDeployment("deploy-1").getDuration()).isEqualTo("running");
    }

    @Test
    void shouldResolveEveryExpressionOfItsJellyViewsToAGetter() throws IOException {
        Path views = Path.of("src/main/resources/io/jenkins/plugins/ecsdeploy/history");
        Map<String, Class<?>> variables = Map.of(
                "image", ImageRow.class,
                "deployment", DeploymentRow.class,
                "task", TaskRunRow.class,
                "event", EntryRow.EventRow.class);
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(views)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jelly")).toList()) {
                String jelly = Files.readString(file);
                Class<?> it = viewClass(file.getParent().getFileName().toString());
                assertThat(jelly).as(file.toString()).startsWith("<?jelly escape-by-default='true'?>");
                assertThat(jelly).as(file.toString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
                assertThat(jelly).as(file.toString()).doesNotContainPattern("\\son[a-z]+\\s*=");
                Matcher expression = Pattern.compile("\\b(it|image|deployment|task|event)\\.([a-zA-Z]+)")
                        .matcher(jelly);
                while (expression.find()) {
                    Class<?> type = expression.group(1).equals("it") ? it : variables.get(expression.group(1));
                    assertThat(getter(type, expression.group(2)))
                            .as(file + ": ${" + expression.group() + "}")
                            .isNotNull();
                    checked.add(expression.group());
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(60);
    }

    private static Class<?> viewClass(String name) {
        return switch (name) {
            case "DeploymentsBuildAction" -> DeploymentsBuildAction.class;
            case "ImageRow" -> ImageRow.class;
            case "DeploymentRow" -> DeploymentRow.class;
            case "TaskRunRow" -> TaskRunRow.class;
            default -> throw new AssertionError("a view of an unknown class: " + name);
        };
    }

    private static Method getter(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0
                    && (method.getName().equals("get" + suffix)
                            || method.getName().equals("is" + suffix))) {
                return method;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> bean, String property) {
        return ((List<Map<String, Object>>) bean.get(property)).get(0);
    }

    /**
     * The properties stapler's exporter writes to /api/json: the {@code @Exported} getters of an
     * {@code @ExportedBean}, nested beans and lists of them included.
     */
    static Map<String, Object> exported(Object bean) {
        assertThat(bean.getClass().isAnnotationPresent(ExportedBean.class))
                .as(bean.getClass() + " is an @ExportedBean")
                .isTrue();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Method method : bean.getClass().getMethods()) {
            Exported exported = method.getAnnotation(Exported.class);
            if (exported == null || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = exported.name().isEmpty() ? property(method.getName()) : exported.name();
            properties.put(name, value(invoke(method, bean)));
        }
        return properties;
    }

    private static Object value(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(DeploymentsBuildActionTest::value).toList();
        }
        if (value != null && value.getClass().isAnnotationPresent(ExportedBean.class)) {
            return exported(value);
        }
        return value;
    }

    private static Object invoke(Method method, Object bean) {
        try {
            return method.invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(method + " cannot be exported", e);
        }
    }

    private static String property(String getter) {
        String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** The steps' canary decision action, as the build page sees it. */
    private record PausedAt(String service) implements DeploymentsBuildAction.PausedDeployment {
        @Override
        public String getService() {
            return service;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public String getIconFileName() {
            return null;
        }

        @Override
        public String getDisplayName() {
            return "decision";
        }

        @Override
        public String getUrlName() {
            return "ecs-deploy-decision";
        }
    }
}
