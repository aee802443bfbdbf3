package dev.ecsdeploy.core.input;

import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.WhenBusy;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.operation.Decision;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads what people type into a CLI flag or a Jenkins form field, with one error text for both. Every method returns
 * the typed value or a {@link ValidationProblem}; none throws for bad input.
 *
 * <pre>{@code
 * Parsed<Duration> timeout = InputParser.waitDuration("15m");   // CLI: timeout.value(); Jenkins: timeout.problem()
 * }</pre>
 */
public final class InputParser {
    private static final Pattern DURATION_PARTS = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final int MAX_BAKE_MINUTES = 1440;
    private static final Pattern FAMILY_REVISION = Pattern.compile("[A-Za-z0-9_-]+:\\d+");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    /** ECS cluster, service, family and container names: 1-255 letters, digits, hyphens and underscores. */
    private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    /**
     * The shape of every AWS region name: a geographic prefix, an optional partition marker (gov, iso), a direction
     * and a number, e.g. {@code eu-west-1}, {@code us-gov-west-1}, {@code ap-southeast-7}.
     */
    private static final Pattern REGION = Pattern.compile("(af|ap|ca|cn|eu|il|me|mx|sa|us)(-gov|-iso[a-z]?)?"
            + "-(central|north|northeast|northwest|south|southeast|southwest|east|west)-\\d{1,2}");

    private static final Set<String> LAUNCH_TYPES = Set.of("FARGATE", "EC2", "EXTERNAL");

    private InputParser() {}

    /** A duration as people write it: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1h30m}, or ISO {@code PT15M}. */
    public static Parsed<Duration> duration(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Parsed.valid(Duration.parse(text.trim()));
            } catch (DateTimeParseException e) {
                return notADuration(text);
            }
        }
        Matcher matcher = DURATION_PARTS.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
            while (matcher.find() && matcher.start() == end) {
                total = total.plus(part(Long.parseLong(matcher.group(1)), matcher.group(2)));
                end = matcher.end();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return Parsed.invalid(
                    "invalid duration " + text.trim() + ": it is too long to count", Defaults.DEPLOY_TIMEOUT_TEXT);
        }
        if (end == 0 || end != value.length()) {
            return notADuration(text);
        }
        return Parsed.valid(total);
    }

    /** A duration between {@code shortest} and {@code longest}, both included. */
    public static Parsed<Duration> duration(String text, Duration shortest, Duration longest) {
        Parsed<Duration> parsed = duration(text);
        if (!parsed.isValid()) {
            return parsed;
        }
        Duration value = parsed.value();
        if (value.compareTo(shortest) < 0 || value.compareTo(longest) > 0) {
            return Parsed.invalid(
                    "invalid duration " + text.trim() + ": it must be between " + describe(shortest) + " and "
                            + describe(longest),
                    Defaults.DEPLOY_TIMEOUT_TEXT);
        }
        return parsed;
    }

    /** A timeout for a wait (deploy, run-task, scan): more than nothing, at most {@link Defaults#LONGEST_WAIT}. */
    public static Parsed<Duration> waitDuration(String text) {
        return duration(text, Duration.ofSeconds(1), Defaults.LONGEST_WAIT);
    }

    /** A strategy name: rolling, canary, linear or blue-green (also bluegreen, blue_green), any case. */
    public static Parsed<StrategyKind> strategyKind(String text) {
        String value = normalize(text).replace('_', '-');
        for (StrategyKind kind : StrategyKind.values()) {
            if (kind.id().equals(value) || kind.id().replace("-", "").equals(value)) {
                return Parsed.valid(kind);
            }
        }
        return Parsed.invalid(
                "unknown strategy " + text + ": ecsdeploy knows rolling, canary, linear and blue-green",
                Defaults.STRATEGY);
    }

    /**
     * A complete strategy: its name and the traffic-shift settings it uses, in the ranges ECS accepts. Bake times are
     * whole minutes, as ECS counts them.
     */
    public static Parsed<DeploymentStrategy> strategy(String name, TrafficShift shift) {
        Parsed<StrategyKind> kind = strategyKind(name);
        if (!kind.isValid()) {
            return Parsed.invalid(kind.problem().orElseThrow().message(), Defaults.STRATEGY);
        }
        try {
            return Parsed.valid(create(kind.value(), shift));
        } catch (InvalidDeploymentException e) {
            return Parsed.invalid(e.getMessage(), Defaults.CANARY_PERCENT);
        } catch (BakeException e) {
            return Parsed.invalid(e.getMessage(), Defaults.CANARY_BAKE_TEXT);
        }
    }

    /**
     * A bake time as ECS counts it, whole minutes from 0 to a day, checked whatever the strategy; {@code name} names
     * the setting in the message, e.g. "canary bake time".
     */
    public static Parsed<Duration> bakeTime(String name, Duration duration) {
        if (duration == null) {
            return Parsed.valid(null);
        }
        try {
            minutes(name, duration);
            return Parsed.valid(duration);
        } catch (BakeException e) {
            return Parsed.invalid(e.getMessage(), Defaults.CANARY_BAKE_TEXT);
        }
    }

    /** The answer to a PAUSE lifecycle hook: continue or rollback. */
    public static Parsed<Decision> decision(String text) {
        return switch (normalize(text)) {
            case "continue" -> Parsed.valid(Decision.CONTINUE);
            case "rollback" -> Parsed.valid(Decision.ROLLBACK);
            default -> Parsed.invalid("unknown pause answer " + text + ": use continue or rollback", Defaults.ON_PAUSE);
        };
    }

    /** What to do when a deployment's timeout passes: rollback or leave. */
    public static Parsed<TimeoutAction> timeoutAction(String text) {
        return switch (normalize(text)) {
            case "rollback" -> Parsed.valid(TimeoutAction.ROLLBACK);
            case "leave" -> Parsed.valid(TimeoutAction.LEAVE);
            default ->
                Parsed.invalid("unknown timeout action " + text + ": use rollback or leave", Defaults.ON_TIMEOUT);
        };
    }

    /** What to do when another deployment is in progress on the service: wait or fail. */
    public static Parsed<WhenBusy> whenBusy(String text) {
        return switch (normalize(text)) {
            case "wait" -> Parsed.valid(WhenBusy.WAIT);
            case "fail" -> Parsed.valid(WhenBusy.FAIL);
            default -> Parsed.invalid("unknown busy action " + text + ": use wait or fail", Defaults.WHEN_BUSY);
        };
    }

    /** An image builder: auto, docker, podman, buildah or jib. */
    public static Parsed<BuilderKind> builderKind(String text) {
        String value = normalize(text);
        return Arrays.stream(BuilderKind.values())
                .filter(kind -> kind.id().equals(value))
                .findFirst()
                .map(Parsed::valid)
                .orElseGet(() -> Parsed.invalid(
                        "unknown builder " + text + ": use auto, docker, podman, buildah or jib", Defaults.BUILDER));
    }

    /** A scan finding severity such as CRITICAL or HIGH, any case. */
    public static Parsed<FindingSeverity> severity(String text) {
        try {
            return Parsed.valid(FindingSeverity.valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            String known =
                    Arrays.stream(FindingSeverity.values()).map(Enum::name).collect(Collectors.joining(", "));
            return Parsed.invalid("invalid severity " + text + ": use one of " + known, "CRITICAL=0,HIGH=5");
        }
    }

    /** An existing task definition revision: {@code family:revision} or a task definition ARN. */
    public static Parsed<String> taskDefinitionRevision(String text) {
        String value = text == null ? "" : text.trim();
        if (value.startsWith("arn:") || FAMILY_REVISION.matcher(value).matches()) {
            return Parsed.valid(value);
        }
        return Parsed.invalid(
                "invalid task definition " + text + ": expected family:revision or a task definition ARN", "web:7");
    }

    /**
     * An ECS cluster or service given by name or ARN; {@code what} names it in the message ("cluster", "service").
     * Names are 1-255 letters, digits, hyphens and underscores, as ECS accepts them.
     */
    public static Parsed<String> ecsName(String what, String text) {
        String value = text == null ? "" : text.trim();
        if (value.startsWith("arn:") || ECS_NAME.matcher(value).matches()) {
            return Parsed.valid(value);
        }
        return Parsed.invalid(
                "invalid " + what + " name " + abbreviate(text) + ": ECS " + what
                        + " names are 1-255 letters, digits, hyphens and underscores",
                "web");
    }

    /** A task definition to run: a family (its latest revision), {@code family:revision} or a task definition ARN. */
    public static Parsed<String> taskDefinitionReference(String text) {
        String value = text == null ? "" : text.trim();
        int colon = value.lastIndexOf(':');
        String family = colon < 0 ? value : value.substring(0, colon);
        String revision = colon < 0 ? "1" : value.substring(colon + 1);
        if (value.startsWith("arn:") || (ECS_NAME.matcher(family).matches() && revision.matches("[1-9]\\d{0,9}"))) {
            return Parsed.valid(value);
        }
        return Parsed.invalid(
                "invalid task definition " + abbreviate(text) + ": expected a family, family:revision or a task"
                        + " definition ARN (families are 1-255 letters, digits, hyphens and underscores)",
                "web:7");
    }

    /** An AWS region name such as {@code eu-west-1}; refuses what cannot be a region (a zone, a typo, a planet). */
    public static Parsed<String> region(String text) {
        String value = text == null ? "" : text.trim();
        if (REGION.matcher(value).matches()) {
            return Parsed.valid(value);
        }
        return Parsed.invalid(
                "invalid region " + abbreviate(text) + ": it is not an AWS region name such as eu-west-1", "eu-west-1");
    }

    /** An ECS launch type: FARGATE, EC2 or EXTERNAL, any case. */
    public static Parsed<String> launchType(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (LAUNCH_TYPES.contains(value)) {
            return Parsed.valid(value);
        }
        return Parsed.invalid("invalid launch type " + text + ": use FARGATE, EC2 or EXTERNAL", "FARGATE");
    }

    /**
     * A history directory that can be read and written: it is a directory or can be created as one, and its
     * journal, when there is one, is a file.
     */
    public static Parsed<Path> historyDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath();
        for (Path path = absolute; path != null; path = path.getParent()) {
            if (Files.isDirectory(path)) {
                return writableHistory(absolute, path);
            }
            if (Files.exists(path)) {
                return Parsed.invalid(
                        "invalid history directory " + absolute + ": " + path + " is a file, not a directory",
                        "pass --history DIR with a directory (it is created when missing)");
            }
        }
        return Parsed.valid(absolute);
    }

    private static Parsed<Path> writableHistory(Path directory, Path existing) {
        if (!Files.isWritable(existing)) {
            return Parsed.invalid(
                    "invalid history directory " + directory + ": " + existing + " is not writable",
                    "pass --history DIR with a directory you can write to");
        }
        Path journal = directory.resolve(HistoryStore.JOURNAL);
        if (Files.exists(journal) && !Files.isRegularFile(journal)) {
            return Parsed.invalid(
                    "invalid history directory " + directory + ": its journal " + journal + " is not a file",
                    "pass --history DIR with another directory");
        }
        return Parsed.valid(directory);
    }

    /** A container and its port as {@code NAME:PORT}, e.g. {@code web:8080} (an AppSpec's load balancer target). */
    public static Parsed<ContainerPort> containerPort(String text) {
        String value = text == null ? "" : text.trim();
        int colon = value.lastIndexOf(':');
        String port = colon < 0 ? "" : value.substring(colon + 1);
        if (colon < 1
                || !PORT.matcher(port).matches()
                || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65535) {
            return Parsed.invalid(
                    "invalid container and port " + text + ": expected NAME:PORT with a port from 1 to 65535",
                    "web:8080");
        }
        return Parsed.valid(new ContainerPort(value.substring(0, colon), Integer.parseInt(port)));
    }

    /** An AWS endpoint URL with a scheme and a host, e.g. {@code http://127.0.0.1:4599}. */
    public static Parsed<URI> endpoint(String text) {
        try {
            URI uri = new URI(text == null ? "" : text.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(String.valueOf(text), "expected a URL such as http://127.0.0.1:4599");
            }
            return Parsed.valid(uri);
        } catch (URISyntaxException e) {
            return Parsed.invalid("invalid endpoint " + text + ": " + e.getReason(), "http://host:port");
        }
    }

    /**
     * The plain-HTTP rule for an endpoint that images and registry credentials go to: https always, plain http only
     * to this machine (loopback, such as the emulator) unless the user allows an insecure registry explicitly.
     */
    public static Parsed<URI> plainHttpAllowed(URI endpoint, boolean insecureRegistryAllowed) {
        boolean plainHttp = "http".equalsIgnoreCase(endpoint.getScheme());
        if (!plainHttp || insecureRegistryAllowed || isLoopback(endpoint)) {
            return Parsed.valid(endpoint);
        }
        return Parsed.invalid(
                "plain HTTP refused: " + endpoint + " is not on this machine, and the image and the registry"
                        + " credentials would cross the network unencrypted",
                "use https, or allow an insecure registry if you mean it");
    }

    private static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    private static DeploymentStrategy create(StrategyKind kind, TrafficShift shift) {
        Integer bake = shift.bake() == null ? null : minutes("bake time", shift.bake());
        return switch (kind) {
            case ROLLING -> DeploymentStrategy.rolling();
            case CANARY ->
                new DeploymentStrategy.Canary(
                        shift.canaryPercent(), minutes("canary bake time", shift.canaryBake()), bake);
            case LINEAR ->
                new DeploymentStrategy.Linear(shift.stepPercent(), minutes("step bake time", shift.stepBake()), bake);
            case BLUE_GREEN -> new DeploymentStrategy.BlueGreen(bake);
        };
    }

    private static int minutes(String name, Duration duration) {
        if (duration.isNegative()
                || duration.toMinutes() > MAX_BAKE_MINUTES
                || !duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            throw new BakeException("invalid " + name + " " + describe(duration) + ": ECS counts bake time in whole"
                    + " minutes, 0 to " + MAX_BAKE_MINUTES);
        }
        return (int) duration.toMinutes();
    }

    private static Duration part(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static <T> Parsed<T> notADuration(String text) {
        return Parsed.invalid(
                "'" + text + "' is not a duration; write it like 90s, 15m, 1h30m or PT15M",
                Defaults.DEPLOY_TIMEOUT_TEXT);
    }

    /** A duration the way this parser reads it back, e.g. {@code 1h30m}, {@code 90s}. */
    static String describe(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }

    /** The text as a message shows it: a name of 300 characters is cut, so the line stays one line. */
    private static String abbreviate(String text) {
        String value = String.valueOf(text);
        return value.length() > 40 ? value.substring(0, 20) + "... (" + value.length() + " characters)" : value;
    }

    private static String normalize(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    /** A bake time ECS cannot take; turned into a problem by {@link #strategy}. */
    private static final class BakeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BakeException(String message) {
            super(message);
        }
    }
}
