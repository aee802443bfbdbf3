package dev.ecsdeploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import dev.ecsdeploy.emulator.Emulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's steps, in order. Each step is an ecsdeploy command line run through {@link Main#run} against the
 * embedded emulator (the canary step uses the deployment engine directly so that its pause gate can run a check
 * before it continues). Steps print on standard error; standard output gets one summary line per step and the
 * report's path.
 */
final class DemoScript {
    private final Emulator emulator;
    private final DemoEnvironment environment;
    private final DemoCommand.DemoSettings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<String> summary = new ArrayList<>();

    DemoScript(
            Emulator emulator,
            DemoEnvironment environment,
            DemoCommand.DemoSettings settings,
            PrintWriter out,
            PrintWriter err) {
        this.emulator = emulator;
        this.environment = environment;
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    int run() {
        long started = System.nanoTime();
        String example = settings.example().toString();
        JsonNode release = buildPush(
                "build, push and scan hello:1.0.0",
                "--repository",
                DemoEnvironment.REPOSITORY,
                "--context",
                example,
                "--tag",
                "1.0.0",
                "--create-repository",
                "--fail-on",
                "CRITICAL=0,HIGH=5");
        step("set up cluster demo with services hello-dev and hello-prod running hello:0.9.0 (as Terraform would)");
        environment.create(settings.example().resolve("task-definition.json"));
        String image = release.path("imageUri").asText();
        ecsdeploy(
                "deploy hello:1.0.0 to dev (rolling)",
                ExitCode.SUCCESS,
                "deploy",
                "--cluster",
                DemoEnvironment.CLUSTER,
                "--service",
                DemoEnvironment.DEV_SERVICE,
                "--image",
                image,
                "--environment",
                "dev",
                "--timeout",
                "30m");
        ecsdeploy(
                "promote hello:1.0.0 as prod",
                ExitCode.SUCCESS,
                "promote",
                "--repository",
                DemoEnvironment.REPOSITORY,
                "--from",
                "1.0.0",
                "--tag",
                "prod");
        canaryToProd(image, release.path("digest").asText());
        JsonNode broken = buildPush(
                "build a deliberately broken hello:1.0.1 (its containers crash)",
                "--repository",
                DemoEnvironment.REPOSITORY,
                "--context",
                example,
                "--tag",
                "1.0.1",
                "--label",
                "dev.ecsdeploy.emulator.health=crash",
                "--fail-on",
                "CRITICAL=0,HIGH=5");
        ecsdeploy(
                "deploy the broken hello:1.0.1 to dev: the circuit breaker rolls it back (a FAILURE, expected)",
                ExitCode.OPERATION_FAILED,
                "deploy",
                "--cluster",
                DemoEnvironment.CLUSTER,
                "--service",
                DemoEnvironment.DEV_SERVICE,
                "--image",
                broken.path("imageUri").asText(),
                "--environment",
                "dev",
                "--timeout",
                "30m");
        JsonNode migrate = buildPush(
                "build the migration image hello-migrate:1.0.0",
                "--repository",
                "hello-migrate",
                "--context",
                example,
                "--dockerfile",
                "migrate.Dockerfile",
                "--tag",
                "1.0.0",
                "--create-repository");
        ecsdeploy(
                "run the database migration as a one-off task in dev, its logs streamed",
                ExitCode.SUCCESS,
                "run-task",
                "--cluster",
                DemoEnvironment.CLUSTER,
                "--service",
                DemoEnvironment.DEV_SERVICE,
                "--image",
                migrate.path("imageUri").asText(),
                "--container",
                DemoEnvironment.CONTAINER,
                "--environment",
                "dev",
                "--timeout",
                "10m");
        Path report = settings.output().resolve("report.html").toAbsolutePath();
        ecsdeploy(
                "write the history report",
                ExitCode.SUCCESS,
                "history",
                "--format",
                "html",
                "--output",
                report.toString());
        ecsdeploy("what runs where now", ExitCode.SUCCESS, "history");
        return finish(report, started);
    }

    private int finish(Path report, long started) {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        err.println();
        err.println("demo finished in " + seconds + " s");
        summary.forEach(out::println);
        out.println("report: " + report);
        out.flush();
        err.flush();
        return ExitCode.SUCCESS;
    }

    private JsonNode buildPush(String title, String... args) {
        List<String> line = new ArrayList<>(List.of("build-push"));
        line.addAll(List.of(args));
        line.addAll(List.of("--builder", settings.builder()));
        StringWriter json = new StringWriter();
        List<String> withJson = new ArrayList<>(line);
        withJson.add("--json");
        int code = invoke(title, withJson, new PrintWriter(json));
        expect(title, ExitCode.SUCCESS, code);
        JsonNode result = DeploymentOutput.parse(json.toString());
        err.println("  image " + result.path("imageUri").asText() + " built with "
                + result.path("builder").asText() + "; scan: "
                + result.path("scan").path("message").asText());
        return result;
    }

    private void ecsdeploy(String title, int expected, String... args) {
        int code = invoke(title, List.of(args), err);
        expect(title, expected, code);
    }

    private int invoke(String title, List<String> args, PrintWriter stdout) {
        step(title);
        err.println("$ ecsdeploy " + String.join(" ", args));
        err.flush();
        List<String> all = new ArrayList<>(args);
        all.addAll(common());
        return Main.run(all.toArray(String[]::new), stdout, err);
    }

    private List<String> common() {
        return List.of(
                "--endpoint-url",
                emulator.endpoint().toString(),
                "--history",
                settings.output().resolve("history").toString());
    }

    private void expect(String title, int expected, int code) {
        if (code != expected) {
            throw CliFailure.operationFailed(
                    "demo step failed: " + title + ": exit code " + code + ", expected " + expected,
                    "the step's output is above; please report it with the whole output");
        }
        String outcome = expected == ExitCode.SUCCESS ? "OK" : "FAILURE (expected)";
        summary.add(String.format("%-20s %s", outcome, title));
    }

    private void step(String title) {
        err.println();
        err.println("== " + title);
        err.flush();
    }

    /**
     * Deploys to prod with a canary that pauses after the test traffic shift. The pause gate checks that the new
     * revision's tasks run, then continues; it would roll back if they did not.
     */
    private void canaryToProd(String image, String digest) {
        String title = "deploy hello:1.0.0 to prod (canary 20 %, paused for a check after the test traffic shift)";
        step(title);
        err.println("$ ecsdeploy deploy --cluster demo --service hello-prod --image " + image
                + " --strategy canary --canary-percent 20 --canary-bake 2m --bake 1m"
                + " --pause-at POST_TEST_TRAFFIC_SHIFT --environment prod");
        AwsOptions options = new AwsOptions();
        options.endpointUrl = emulator.endpoint().toString();
        options.history = settings.output().resolve("history");
        options.maxAttempts = 8;
        try (CliSession session = CliSession.open(options, err, err)) {
            DeploymentRecord record = DeploymentEngines.create(session)
                    .run(
                            canaryRequest(image),
                            session.progress(),
                            point -> check(point, digest),
                            DeploymentEngines.sleeper(session));
            session.history().deployment(record);
            int code = record.succeeded() ? ExitCode.SUCCESS : ExitCode.OPERATION_FAILED;
            if (code != ExitCode.SUCCESS) {
                err.println("deployment " + record.status() + ": " + record.reason());
            }
            expect(title, ExitCode.SUCCESS, code);
        }
    }

    private static DeploymentRequest canaryRequest(String image) {
        return DeploymentRequest.builder()
                .environment("prod")
                .cluster(DemoEnvironment.CLUSTER)
                .service(DemoEnvironment.PROD_SERVICE)
                .source(TaskDefinitionSource.currentWithImage(image, DemoEnvironment.CONTAINER))
                .strategy(new DeploymentStrategy.Canary(20, 2, 1))
                .pauseAt("POST_TEST_TRAFFIC_SHIFT")
                .timeout(Duration.ofMinutes(30))
                .build();
    }

    private Decision check(DecisionPoint point, String digest) {
        long running = environment.runningTasksWith(DemoEnvironment.PROD_SERVICE, digest);
        Decision decision = running > 0 ? Decision.CONTINUE : Decision.ROLLBACK;
        err.println("pause gate at " + point.stage() + ": " + running + " task(s) of the new revision are running;"
                + " answering " + decision);
        err.flush();
        return decision;
    }
}
