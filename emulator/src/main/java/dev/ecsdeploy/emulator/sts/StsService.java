package dev.ecsdeploy.emulator.sts;

import static dev.ecsdeploy.emulator.http.EmulatorServer.escapeXml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.AwsQueryService;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS over the AWS Query protocol: GetCallerIdentity and AssumeRole. Roles are defined through
 * {@link #defineRole(String, Optional, Duration)}; assuming an unknown role, or a role with the wrong external id,
 * is refused with AWS's AccessDenied. Issued session credentials are remembered, so a client signing with them is
 * the assumed role, and they expire on the emulated clock.
 */
public final class StsService implements AwsQueryService {
    /** The default MaxSessionDuration of an IAM role, and the cap for role chaining. */
    public static final Duration DEFAULT_MAX_SESSION = Duration.ofHours(1);

    static final Duration MIN_DURATION = Duration.ofMinutes(15);
    static final Duration MAX_DURATION = Duration.ofHours(12);
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:[^/]+/)*([^/]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");

    private final EmulatorContext context;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    public StsService(EmulatorContext context) {
        this.context = context;
    }

    /**
     * Defines a role that AssumeRole accepts: with {@code externalId} present, callers must pass exactly that
     * external id; {@code maxSession} is the role's MaxSessionDuration (1 to 12 hours).
     */
    public synchronized void defineRole(String roleArn, Optional<String> externalId, Duration maxSession) {
        Matcher matcher = ROLE_ARN.matcher(roleArn);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an IAM role ARN: " + roleArn);
        }
        if (maxSession.compareTo(DEFAULT_MAX_SESSION) < 0 || maxSession.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("MaxSessionDuration must be between 1 and 12 hours: " + maxSession);
        }
        String roleId = "AROA" + context.nextHexId().substring(15).toUpperCase(Locale.ROOT);
        roles.put(roleArn, new Role(roleArn, matcher.group(1), matcher.group(2), roleId, externalId, maxSession));
    }

    /** Defines a role without an external id and with the default MaxSessionDuration of one hour. */
    public void defineRole(String roleArn) {
        defineRole(roleArn, Optional.empty(), DEFAULT_MAX_SESSION);
    }

    /**
     * Defines a role from the control API body {@code {"roleArn": …, "externalId": …, "maxSessionDurationSeconds":
     * …}} (the last two optional) and answers the STS state.
     */
    public JsonNode defineRole(JsonNode body) {
        if (body == null || !body.hasNonNull("roleArn")) {
            throw new IllegalArgumentException(
                    "a role needs a roleArn such as arn:aws:iam::123456789012:role/deployer");
        }
        Optional<String> externalId = body.hasNonNull("externalId")
                ? Optional.of(body.get("externalId").asText())
                : Optional.empty();
        Duration maxSession =
                Duration.ofSeconds(body.path("maxSessionDurationSeconds").asLong(DEFAULT_MAX_SESSION.toSeconds()));
        defineRole(body.get("roleArn").asText(), externalId, maxSession);
        return dumpState();
    }

    @Override
    public String serviceName() {
        return "sts";
    }

    @Override
    public String xmlNamespace() {
        return "https://sts.amazonaws.com/doc/2011-06-15/";
    }

    @Override
    public synchronized String handle(String action, Map<String, String> parameters, RequestContext request) {
        return switch (action) {
            case "GetCallerIdentity" -> getCallerIdentity(request);
            case "AssumeRole" -> assumeRole(parameters, request);
            default ->
                throw AwsException.client(
                        "InvalidAction", "Could not find operation " + action + " for version 2011-06-15");
        };
    }

    @Override
    public synchronized JsonNode dumpState() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        ArrayNode roleNodes = state.putArray("roles");
        roles.values()
                .forEach(role -> roleNodes
                        .addObject()
                        .put("arn", role.arn())
                        .put("requiresExternalId", role.externalId().isPresent())
                        .put("maxSessionDurationSeconds", role.maxSession().toSeconds()));
        ArrayNode sessionNodes = state.putArray("sessions");
        sessions.values()
                .forEach(session -> sessionNodes
                        .addObject()
                        .put("assumedRoleArn", session.assumedRoleArn())
                        .put("expiration", session.expiration().toString()));
        return state;
    }

    private String getCallerIdentity(RequestContext request) {
        Optional<Session> session = activeSession(request);
        String arn = session.map(Session::assumedRoleArn).orElse(userArn(request));
        String userId = session.map(Session::assumedRoleId).orElse(userId());
        String account = session.map(s -> s.role().accountId()).orElse(request.accountId());
        return "<UserId>" + escapeXml(userId) + "</UserId><Account>" + account + "</Account><Arn>" + escapeXml(arn)
                + "</Arn>";
    }

    private String assumeRole(Map<String, String> parameters, RequestContext request) {
        Optional<Session> caller = activeSession(request);
        String roleArn = required(parameters, "RoleArn", "roleArn");
        String sessionName = required(parameters, "RoleSessionName", "roleSessionName");
        Duration duration = duration(parameters);
        Optional<String> externalId = Optional.ofNullable(parameters.get("ExternalId"));
        validate(roleArn, sessionName, externalId);
        String callerArn = caller.map(Session::assumedRoleArn).orElse(userArn(request));
        Role role = authorize(roleArn, externalId, callerArn);
        if (caller.isPresent() && duration.compareTo(DEFAULT_MAX_SESSION) > 0) {
            throw validationError(
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (duration.compareTo(role.maxSession()) > 0) {
            throw validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Session session = issue(role, sessionName, request.now().plus(duration));
        return credentialsXml(session);
    }

    private Role authorize(String roleArn, Optional<String> externalId, String callerArn) {
        Role role = roles.get(roleArn);
        boolean trusted = role != null
                && role.externalId()
                        .map(required -> externalId.equals(Optional.of(required)))
                        .orElse(true);
        if (!trusted) {
            throw new AwsException(
                    403,
                    "AccessDenied",
                    "User: " + callerArn + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        return role;
    }

    private Session issue(Role role, String sessionName, Instant expiration) {
        String accessKeyId = "ASIA" + context.nextHexId().substring(16).toUpperCase(Locale.ROOT);
        Session session = new Session(accessKeyId, role, sessionName, expiration.truncatedTo(ChronoUnit.SECONDS));
        sessions.put(accessKeyId, session);
        return session;
    }

    private String credentialsXml(Session session) {
        String secret = (context.nextHexId() + context.nextHexId()).substring(24);
        String token = Base64.getEncoder()
                .encodeToString(("emulator-session:" + session.accessKeyId() + ":" + context.nextHexId())
                        .getBytes(StandardCharsets.UTF_8));
        return "<Credentials><AccessKeyId>" + session.accessKeyId() + "</AccessKeyId><SecretAccessKey>" + secret
                + "</SecretAccessKey><SessionToken>" + token + "</SessionToken><Expiration>" + session.expiration()
                + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>" + escapeXml(session.assumedRoleId())
                + "</AssumedRoleId><Arn>" + escapeXml(session.assumedRoleArn())
                + "</Arn></AssumedRoleUser><PackedPolicySize>0</PackedPolicySize>";
    }

    /** The session a request was signed with; expired session credentials are refused as AWS refuses them. */
    private Optional<Session> activeSession(RequestContext request) {
        Session session = sessions.get(request.accessKeyId());
        if (session != null && !request.now().isBefore(session.expiration())) {
            throw new AwsException(403, "ExpiredToken", "The security token included in the request is expired");
        }
        return Optional.ofNullable(session);
    }

    private static void validate(String roleArn, String sessionName, Optional<String> externalId) {
        if (roleArn.length() < 20 || roleArn.length() > 2048) {
            throw constraint(roleArn, "roleArn", "Member must have length between 20 and 2048");
        }
        if (sessionName.length() < 2 || sessionName.length() > 64) {
            throw constraint(sessionName, "roleSessionName", "Member must have length between 2 and 64");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw constraint(
                    sessionName,
                    "roleSessionName",
                    "Member must satisfy regular expression pattern: " + SESSION_NAME.pattern());
        }
        if (externalId.isPresent()
                && (externalId.get().length() < 2 || externalId.get().length() > 1224)) {
            throw constraint(externalId.get(), "externalId", "Member must have length between 2 and 1224");
        }
        if (externalId.isPresent() && !EXTERNAL_ID.matcher(externalId.get()).matches()) {
            throw constraint(
                    externalId.get(),
                    "externalId",
                    "Member must satisfy regular expression pattern: " + EXTERNAL_ID.pattern());
        }
    }

    private static Duration duration(Map<String, String> parameters) {
        String raw = parameters.get("DurationSeconds");
        if (raw == null) {
            return DEFAULT_MAX_SESSION;
        }
        long seconds;
        try {
            seconds = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw constraint(raw, "durationSeconds", "Member must be a number");
        }
        if (seconds < MIN_DURATION.toSeconds()) {
            throw constraint(seconds, "durationSeconds", "Member must have value greater than or equal to 900");
        }
        if (seconds > MAX_DURATION.toSeconds()) {
            throw constraint(seconds, "durationSeconds", "Member must have value less than or equal to 43200");
        }
        return Duration.ofSeconds(seconds);
    }

    private static String required(Map<String, String> parameters, String name, String member) {
        String value = parameters.get(name);
        if (value == null) {
            throw validationError("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private String userArn(RequestContext request) {
        return "arn:aws:iam::" + request.accountId() + ":user/emulator";
    }

    private static String userId() {
        return "AIDAEMULATORUSER00000";
    }

    private static AwsException constraint(Object value, String member, String rule) {
        return validationError("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + rule);
    }

    /** STS names its validation failures ValidationError (not ValidationException, as JSON services do). */
    private static AwsException validationError(String message) {
        return AwsException.client("ValidationError", message);
    }
}
