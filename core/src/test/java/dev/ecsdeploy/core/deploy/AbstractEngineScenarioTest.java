package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.emulator.faults.FaultRule;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the rolling and native-strategy scenario matrices share: a fixture per test against the class's emulator, the
 * events the engine reported, and faults that subclasses inject only while the engine runs.
 */
abstract class AbstractEngineScenarioTest {
    final List<ProgressEvent> events = new ArrayList<>();
    EcsFixture fixture;

    abstract EmulatorExtension aws();

    /** Faults to inject while the engine runs (never while the fixture sets up or checks). */
    List<FaultRule> faults() {
        return List.of();
    }

    /** Whether the endpoint implements ECS service deployments; subclasses switch them off. */
    boolean servesServiceDeployments() {
        return true;
    }

    @BeforeEach
    void prepare() {
        fixture = new EcsFixture(aws());
        fixture.prepare();
    }

    @AfterEach
    void closeClients() {
        withoutFaults();
        fixture.close();
    }

    void withFaults() {
        faults().forEach(aws().emulator().faults()::add);
    }

    void withoutFaults() {
        aws().emulator().faults().clear();
    }

    DeploymentRecord deploy(DeploymentRequest request, DecisionPolicy decisions) {
        withFaults();
        try {
            return fixture.engine().run(request, events::add, decisions, fixture.sleeper());
        } finally {
            withoutFaults();
        }
    }
}
