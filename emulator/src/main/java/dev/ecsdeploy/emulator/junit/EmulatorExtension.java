package dev.ecsdeploy.emulator.junit;

import dev.ecsdeploy.emulator.Emulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Starts an emulator on a free port for a test class (as a static {@code @RegisterExtension} field) or for each
 * test (as an instance field), and hands tests preconfigured SDK clients, also as parameters:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension AWS = EmulatorExtension.withManualClock();
 *
 * @Test
 * void shouldListClusters(EcsClient ecs) { ... }
 * }</pre>
 */
public final class EmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final Emulator.Builder builder;
    private Emulator emulator;
    private EmulatorClients clients;
    private boolean perClass;

    private EmulatorExtension(Emulator.Builder builder) {
        this.builder = builder;
    }

    /** An emulator whose clock runs {@code speed} times faster than real time. */
    public static EmulatorExtension withSpeed(double speed) {
        return new EmulatorExtension(Emulator.builder().speed(speed));
    }

    /** An emulator whose clock only moves when the test calls {@code emulator().advance(…)}. */
    public static EmulatorExtension withManualClock() {
        return new EmulatorExtension(Emulator.builder().speed(0));
    }

    public static EmulatorExtension with(Emulator.Builder builder) {
        return new EmulatorExtension(builder);
    }

    public Emulator emulator() {
        return requireStarted();
    }

    public EmulatorClients clients() {
        requireStarted();
        return clients;
    }

    public EcsClient ecs() {
        return clients().ecs();
    }

    public EcrClient ecr() {
        return clients().ecr();
    }

    public CloudWatchLogsClient logs() {
        return clients().logs();
    }

    public StsClient sts() {
        return clients().sts();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        startEmulator();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopEmulator();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            startEmulator();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stopEmulator();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Emulator.class
                || type == EmulatorClients.class
                || type == EcsClient.class
                || type == EcrClient.class
                || type == CloudWatchLogsClient.class
                || type == StsClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == Emulator.class) {
            return emulator();
        }
        if (type == EmulatorClients.class) {
            return clients();
        }
        if (type == EcsClient.class) {
            return ecs();
        }
        if (type == EcrClient.class) {
            return ecr();
        }
        if (type == CloudWatchLogsClient.class) {
            return logs();
        }
        return sts();
    }

    private void startEmulator() {
        emulator = builder.port(0).start();
        clients = new EmulatorClients(emulator);
    }

    private void stopEmulator() {
        if (clients != null) {
            clients.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        clients = null;
        emulator = null;
    }

    private Emulator requireStarted() {
        if (emulator == null) {
            throw new IllegalStateException(
                    "the emulator starts before each test; register the extension with" + " @RegisterExtension");
        }
        return emulator;
    }
}
