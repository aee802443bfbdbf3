package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, "Bad input and damaged state": every verb meets a table of bad inputs. Each row must end with exit 2, one
 * line that names the problem (no Java exception, no stack trace, no {@code null}), nothing on standard output, no
 * mutating call in the emulator's call log and nothing recorded in the history.
 */
class BadInputTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private static final String SERVICE = "bad-input-web";
    private static final String TOO_LONG_NAME = "a".repeat(256);
    private static final String TOO_LONG_REPOSITORY = "a".repeat(257);
    private static final String OVERFLOW = "99999999999999999999d";
    private static final String CENTURY = "36500d";
    /** A warning about damaged state, printed as progress before the refusal; the only other line allowed. */
    private static final java.util.regex.Pattern WARNING = java.util.regex.Pattern.compile("^\\S+ warning: ");

    private static final String OTHER_PROFILE = "other-team-secret-profile";

    @TempDir
    static Path awsFiles;

    @TempDir
    Path work;

    private CliFixture fixture;
    private Path history;

    @BeforeAll
    static void isolateAwsProfiles() throws IOException {
        Path config =
                Files.writeString(awsFiles.resolve("config"), "[profile " + OTHER_PROFILE + "]\nregion = eu-west-1\n");
        Path credentials = Files.writeString(
                awsFiles.resolve("credentials"),
                "[" + OTHER_PROFILE + "]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    }

    @AfterAll
    static void restoreAwsProfiles() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    @BeforeEach
    void prepare() throws IOException {
        history = work.resolve("history");
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
        if (AWS.ecs().listServices(r -> r.cluster(CliFixture.CLUSTER)).serviceArns().stream()
                .noneMatch(arn -> arn.endsWith("/" + SERVICE))) {
            fixture.service(SERVICE);
        }
        writeFiles();
        AWS.emulator().callLog().clear();
    }

    static Stream<Arguments> deployRows() {
        List<Arguments> rows = new ArrayList<>(List.of(
                row("missing --service", "Missing required option", "--cluster", CliFixture.CLUSTER, "--image", "x:1"),
                row("missing value", "parameter for option '--cluster'", "--cluster"),
                row("no source", "Missing required argument", "--cluster", CliFixture.CLUSTER, "--service", SERVICE),
                deployImage("malformed --desired-count", "'abc' is not an int", "--desired-count", "abc"),
                deployImage("negative --desired-count", "invalid --desired-count -1", "--desired-count", "-1"),
                deployImage("malformed --canary-percent", "'lots' is not a double", "--canary-percent", "lots"),
                deployImage("unknown --strategy", "unknown strategy yolo", "--strategy", "yolo"),
                deployImage("unknown --on-timeout", "unknown timeout action explode", "--on-timeout", "explode"),
                deployImage("unknown --on-abort", "invalid --on-abort explode", "--on-abort", "explode"),
                deployImage("unknown --on-pause", "unknown pause answer maybe", "--on-pause", "maybe"),
                row(
                        "malformed --image",
                        "image reference is invalid",
                        "--cluster",
                        CliFixture.CLUSTER,
                        "--service",
                        SERVICE,
                        "--image",
                        "Not An Image!"),
                deployFile("task definition with a syntax error", "not valid JSON", "td-syntax.json"),
                deployFile("task definition with an unknown member", "imagee", "td-unknown.json"),
                deployFile("task definition without containers", "no container", "td-empty.json"),
                deployFile("family over 255 characters", "family", "td-long-family.json"),
                deployFile("container name over 255 characters", "container name", "td-long-container.json"),
                deployFile("unicode container name", "container name", "td-unicode-container.json"),
                deployFile("missing task definition file", "task definition not found", "no-such-file.json"),
                row(
                        "unicode service",
                        "invalid service name",
                        "--cluster",
                        CliFixture.CLUSTER,
                        "--service",
                        "wéb",
                        "--image",
                        "x:1"),
                row(
                        "service over 255 characters",
                        "invalid service name",
                        "--cluster",
                        CliFixture.CLUSTER,
                        "--service",
                        TOO_LONG_NAME,
                        "--image",
                        "x:1"),
                row(
                        "cluster over 255 characters",
                        "invalid cluster name",
                        "--cluster",
                        TOO_LONG_NAME,
                        "--service",
                        SERVICE,
                        "--image",
                        "x:1"),
                deployImage("a region that is not a region", "not an AWS region", "--region", "mars-north-1"),
                deployImage("a profile that does not exist", "profile nope does not exist", "--profile", "nope"),
                deployImage("a history directory that is a file", "is a file", "--history", "{dir}/a-file"),
                deployImage("a history directory under a file", "is a file", "--history", "{dir}/a-file/history")));
        for (String option : List.of("--timeout", "--canary-bake", "--step-bake", "--bake")) {
            for (String value : List.of("0", "-5m", CENTURY, OVERFLOW, "soon", "PT-5M")) {
                rows.add(deployImage(option + " " + value, "", "--strategy", "canary", option, value));
            }
        }
        rows.add(deployImage("--timeout 0s", "", "--timeout", "0s"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployRows")
    void shouldRefuseBadInputToDeploy(String row, String message, List<String> args) {
        assertRefused("deploy", message, args);
    }

    static Stream<Arguments> runTaskRows() {
        List<Arguments> rows = new ArrayList<>(List.of(
                row("missing --cluster", "Missing required option", "--task-definition", "web:1"),
                row("missing value", "parameter for option '--task-definition'", "--task-definition"),
                runTask("malformed --count", "'many' is not an int", "--count", "many"),
                runTask("zero --count", "invalid --count 0", "--count", "0"),
                runTask("negative --count", "invalid --count -1", "--count", "-1"),
                row(
                        "malformed --task-definition",
                        "invalid task definition",
                        "--cluster",
                        CliFixture.CLUSTER,
                        "--task-definition",
                        "web:latest!"),
                row(
                        "family over 255 characters",
                        "invalid task definition",
                        "--cluster",
                        CliFixture.CLUSTER,
                        "--task-definition",
                        TOO_LONG_NAME + ":1"),
                row(
                        "unicode cluster",
                        "invalid cluster name",
                        "--cluster",
                        "clüster",
                        "--task-definition",
                        SERVICE + ":1"),
                row(
                        "cluster over 255 characters",
                        "invalid cluster name",
                        "--cluster",
                        TOO_LONG_NAME,
                        "--task-definition",
                        SERVICE + ":1"),
                row(
                        "service over 255 characters",
                        "invalid service name",
                        "--cluster",
                        CliFixture.CLUSTER,
                        "--service",
                        TOO_LONG_NAME),
                runTask("unknown --launch-type", "invalid launch type MOON", "--launch-type", "MOON"),
                runTask("a region that is not a region", "not an AWS region", "--region", "us-east-1a"),
                runTask("a profile that does not exist", "profile nope does not exist", "--profile", "nope"),
                runTask("a history directory that is a file", "is a file", "--history", "{dir}/a-file")));
        for (String value : List.of("0", "0s", "-5m", CENTURY, OVERFLOW, "soon", "PT-5M")) {
            rows.add(runTask("--timeout " + value, "", "--timeout", value));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runTaskRows")
    void shouldRefuseBadInputToRunTask(String row, String message, List<String> args) {
        assertRefused("run-task", message, args);
    }

    static Stream<Arguments> buildPushRows() {
        List<Arguments> rows = new ArrayList<>(List.of(
                row("missing --repository", "Missing required option", "--context", "{dir}/ctx"),
                row("missing value", "parameter for option '--context'", "--repository", "web", "--context"),
                buildPush("upper-case repository", "invalid repository name", "--repository", "Web"),
                buildPush("unicode repository", "invalid repository name", "--repository", "wéb"),
                buildPush(
                        "repository over 256 characters",
                        "invalid repository name",
                        "--repository",
                        TOO_LONG_REPOSITORY),
                buildPush("malformed --tag", "invalid tag", "--tag", "v 1!"),
                buildPush("unicode --tag", "invalid tag", "--tag", "tág"),
                buildPush("unknown severity", "invalid severity NOPE", "--fail-on", "NOPE=1"),
                buildPush("malformed threshold", "is not an int", "--fail-on", "HIGH=many"),
                buildPush("negative threshold", "invalid --fail-on HIGH=-1", "--fail-on", "HIGH=-1"),
                buildPush("unknown --builder", "unknown builder nope", "--builder", "nope"),
                buildPush("a region that is not a region", "not an AWS region", "--region", "EU"),
                buildPush("a profile that does not exist", "profile nope does not exist", "--profile", "nope"),
                buildPush("a history directory that is a file", "is a file", "--history", "{dir}/a-file"),
                row(
                        "missing context directory",
                        "build context not found",
                        "--repository",
                        "web",
                        "--context",
                        "{dir}/no-such-dir"),
                row(
                        "missing Dockerfile",
                        "Dockerfile not found",
                        "--repository",
                        "web",
                        "--context",
                        "{dir}/ctx",
                        "--dockerfile",
                        "{dir}/ctx/Nope.dockerfile")));
        for (String builder : List.of("jib", "podman", "buildah", "docker", "auto")) {
            rows.add(row(
                    "Dockerfile syntax error with " + builder,
                    "Dockerfile syntax error",
                    "--repository",
                    "web",
                    "--context",
                    "{dir}/ctx-bad",
                    "--builder",
                    builder));
        }
        for (String value : List.of("0", "0s", "-5m", CENTURY, OVERFLOW, "soon", "PT-5M")) {
            rows.add(buildPush("--scan-timeout " + value, "", "--scan-timeout", value));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buildPushRows")
    void shouldRefuseBadInputToBuildPush(String row, String message, List<String> args) {
        assertRefused("build-push", message, args);
    }

    static Stream<Arguments> promoteRows() {
        return Stream.of(
                row("missing --from", "Missing required option", "--repository", "web", "--tag", "prod"),
                row("missing value", "parameter for option '--tag'", "--repository", "web", "--from", "1", "--tag"),
                promote("upper-case repository", "invalid repository name", "--repository", "Web"),
                promote(
                        "repository over 256 characters",
                        "invalid repository name",
                        "--repository",
                        TOO_LONG_REPOSITORY),
                promote("malformed --tag", "invalid tag", "--tag", "pröd"),
                promote("malformed digest", "invalid --from sha256:xyz", "--from", "sha256:xyz"),
                promote("a region that is not a region", "not an AWS region", "--region", "moon"),
                promote("a profile that does not exist", "profile nope does not exist", "--profile", "nope"),
                promote("a history directory that is a file", "is a file", "--history", "{dir}/a-file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("promoteRows")
    void shouldRefuseBadInputToPromote(String row, String message, List<String> args) {
        assertRefused("promote", message, args);
    }

    static Stream<Arguments> rollbackRows() {
        return Stream.of(
                row("missing --service", "Missing required option", "--cluster", CliFixture.CLUSTER, "--yes"),
                rollback("malformed --to", "invalid --to web:latest", "--to", "web:latest"),
                row(
                        "unicode service",
                        "invalid service name",
                        "--cluster",
                        CliFixture.CLUSTER,
                        "--service",
                        "wéb",
                        "--yes"),
                row(
                        "cluster over 255 characters",
                        "invalid cluster name",
                        "--cluster",
                        TOO_LONG_NAME,
                        "--service",
                        SERVICE,
                        "--yes"),
                row("not confirmed", "rollback not confirmed", "--cluster", CliFixture.CLUSTER, "--service", SERVICE),
                rollback("a region that is not a region", "not an AWS region", "--region", "us-east-one"),
                rollback("a profile that does not exist", "profile nope does not exist", "--profile", "nope"),
                rollback("a history directory that is a file", "is a file", "--history", "{dir}/a-file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rollbackRows")
    void shouldRefuseBadInputToRollback(String row, String message, List<String> args) {
        assertRefused("rollback", message, args);
    }

    static Stream<Arguments> historyRows() {
        return Stream.of(
                row("negative --limit", "invalid --limit -1", "--limit", "-1"),
                row("malformed --limit", "'ten' is not an int", "--limit", "ten"),
                row("unknown --format", "unknown format xml", "--format", "xml"),
                row("a history directory that is a file", "is a file, not a directory", "--history", "{dir}/a-file"),
                row(
                        "a history directory under a file",
                        "is a file, not a directory",
                        "--history",
                        "{dir}/a-file/history"),
                row("a history directory full of garbage", "no readable entry", "--history", "{dir}/garbage"),
                row("a history directory that does not exist", "no history in", "--history", "{dir}/nothing-here"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("historyRows")
    void shouldRefuseBadInputToHistory(String row, String message, List<String> args) {
        assertRefused("history", message, args);
    }

    static Stream<Arguments> emulatorRows() {
        return Stream.of(
                row("port out of range", "invalid port 70000", "--port", "70000"),
                row("malformed port", "'http' is not an int", "--port", "http"),
                row("negative speed", "invalid speed -1.0", "--speed", "-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emulatorRows")
    void shouldRefuseBadInputToTheEmulator(String row, String message, List<String> args) {
        CliRun run = CliRun.of(with("emulator", args));

        assertOneClearLine(run, message);
    }

    @org.junit.jupiter.api.Test
    void shouldNameTheFlagThatCreatesAMissingRepository() {
        CliRun run = CliRun.of(
                commandLine("promote", List.of("--repository", "not-there", "--from", "1.0.0", "--tag", "prod")));

        assertOneClearLine(run, "repository not-there not found");
        assertThat(run.err()).contains("hint: ").contains("--create-repository").doesNotContain("createRepository");
        assertThat(fixture.mutations()).as(run.toString()).isEmpty();
    }

    private void assertRefused(String verb, String message, List<String> args) {
        CliRun run = CliRun.of(commandLine(verb, args));

        assertOneClearLine(run, message);
        assertThat(fixture.mutations()).as("no mutating call\n" + run).isEmpty();
        assertThat(history).as("nothing recorded").doesNotExist();
    }

    private static void assertOneClearLine(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).as(run.toString()).isEmpty();
        List<String> lines = run.err().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as(run.toString()).isNotEmpty();
        List<String> problems = lines.stream()
                .filter(line ->
                        !line.startsWith("hint: ") && !WARNING.matcher(line).find())
                .toList();
        assertThat(problems).as("one line names the problem\n" + run).hasSize(1);
        assertThat(problems.get(0)).as(run.toString()).containsIgnoringCase(message);
        assertThat(run.err())
                .as(run.toString())
                .doesNotContain("Exception", "\tat ", "java.", "software.amazon")
                .doesNotContainPattern("\\bnull\\b")
                .doesNotContain(OTHER_PROFILE, "AKIAOTHER");
    }

    private List<String> commandLine(String verb, List<String> args) {
        List<String> all = with(verb, args.stream().map(this::expand).toList());
        all.addAll(List.of("--endpoint-url", AWS.emulator().endpoint().toString()));
        if (!all.contains("--history")) {
            all.addAll(List.of("--history", history.toString()));
        }
        return all;
    }

    private static List<String> with(String verb, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(verb);
        all.addAll(args);
        return all;
    }

    private String expand(String arg) {
        return arg.replace("{dir}", work.toString());
    }

    private void writeFiles() throws IOException {
        write("td-syntax.json", "{\"family\": \"web\", \"containerDefinitions\": [");
        write("td-unknown.json", taskDefinition(SERVICE, "web", "\"imagee\": \"x:1\", "));
        write("td-empty.json", "{\"family\": \"" + SERVICE + "\", \"containerDefinitions\": []}");
        write("td-long-family.json", taskDefinition(TOO_LONG_NAME, "web", ""));
        write("td-long-container.json", taskDefinition(SERVICE, TOO_LONG_NAME, ""));
        write("td-unicode-container.json", taskDefinition(SERVICE, "wéb", ""));
        write("a-file", "not a directory");
        write("ctx/Dockerfile", "FROM scratch\nCOPY a.txt /a.txt\n");
        write("ctx/a.txt", "a");
        write("ctx-bad/Dockerfile", "FROM scratch\nCOPPY a.txt /a.txt\n");
        write("ctx-bad/a.txt", "a");
        write("garbage/history.jsonl", "\u0000\u0001garbage\n{not json\n<html>\n");
    }

    private static String taskDefinition(String family, String container, String extra) {
        return "{\"family\": \"" + family + "\", \"containerDefinitions\": [{\"name\": \"" + container + "\", " + extra
                + "\"image\": \"" + CliFixture.HEALTHY_V2 + "\", \"essential\": true}]}";
    }

    private void write(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Arguments row(String name, String message, String... args) {
        return arguments(name, message, Arrays.asList(args));
    }

    private static Arguments deployImage(String name, String message, String... extra) {
        return withBase(
                name,
                message,
                List.of("--cluster", CliFixture.CLUSTER, "--service", SERVICE, "--image", CliFixture.HEALTHY_V2),
                extra);
    }

    private static Arguments deployFile(String name, String message, String file) {
        return row(
                name,
                message,
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                SERVICE,
                "--task-definition",
                "{dir}/" + file);
    }

    private static Arguments runTask(String name, String message, String... extra) {
        return withBase(
                name, message, List.of("--cluster", CliFixture.CLUSTER, "--task-definition", SERVICE + ":1"), extra);
    }

    private static Arguments buildPush(String name, String message, String... extra) {
        List<String> given = Arrays.asList(extra);
        List<String> base = new ArrayList<>(List.of("--context", "{dir}/ctx"));
        if (!given.contains("--repository")) {
            base.addAll(List.of("--repository", "web"));
        }
        if (!given.contains("--builder")) {
            base.addAll(List.of("--builder", "jib"));
        }
        return withBase(name, message, base, extra);
    }

    private static Arguments promote(String name, String message, String... extra) {
        List<String> base = new ArrayList<>();
        if (!Arrays.asList(extra).contains("--repository")) {
            base.addAll(List.of("--repository", "web"));
        }
        if (!Arrays.asList(extra).contains("--from")) {
            base.addAll(List.of("--from", "1.0.0"));
        }
        if (!Arrays.asList(extra).contains("--tag")) {
            base.addAll(List.of("--tag", "prod"));
        }
        return withBase(name, message, base, extra);
    }

    private static Arguments rollback(String name, String message, String... extra) {
        return withBase(name, message, List.of("--cluster", CliFixture.CLUSTER, "--service", SERVICE, "--yes"), extra);
    }

    private static Arguments withBase(String name, String message, List<String> base, String... extra) {
        List<String> args = new ArrayList<>(base);
        args.addAll(Arrays.asList(extra));
        return arguments(name, message, args);
    }
}
