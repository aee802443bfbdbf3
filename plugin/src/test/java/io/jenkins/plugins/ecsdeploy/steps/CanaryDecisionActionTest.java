package io.jenkins.plugins.ecsdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.AnyTypePermission;
import dev.ecsdeploy.core.operation.Decision;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/** The build page's Continue and Roll back: POST only, Item.BUILD on the job, and nothing secret in build.xml. */
class CanaryDecisionActionTest {
    private static final String ID = "decision-under-test";

    @AfterEach
    void forget() {
        DecisionRegistry.unregister(ID);
    }

    @Test
    void shouldAcceptOnlyPostOnEveryWebMethod() {
        List<Method> webMethods = List.of(CanaryDecisionAction.class.getMethods()).stream()
                .filter(m -> m.getName().startsWith("do"))
                .toList();

        assertThat(webMethods).extracting(Method::getName).containsExactlyInAnyOrder("doContinue", "doRollback");
        assertThat(webMethods)
                .allSatisfy(m -> assertThat(m.isAnnotationPresent(POST.class)).isTrue());
    }

    @Test
    void shouldCheckBuildPermissionOnTheJob() {
        Job<?, ?> job = mock(Job.class);
        Run<?, ?> run = runOf(job);
        DurableOperationExecution<?, ?, ?> execution = waitingExecution();
        CanaryDecisionAction action = new CanaryDecisionAction(ID, "api", "POST_TEST_TRAFFIC_SHIFT");
        action.onAttached(run);

        action.doRollback();

        verify(job).checkPermission(Item.BUILD);
        verify(execution).decide(Decision.ROLLBACK);
        assertThat(action.getDecision()).isEqualTo("ROLLBACK");
    }

    @Test
    void shouldRefuseAUserWithoutBuildPermission() {
        Job<?, ?> job = mock(Job.class);
        doThrow(new SecurityException("alice is missing the Job/Build permission"))
                .when(job)
                .checkPermission(Item.BUILD);
        DurableOperationExecution<?, ?, ?> execution = waitingExecution();
        CanaryDecisionAction action = new CanaryDecisionAction(ID, "api", "POST_TEST_TRAFFIC_SHIFT");
        action.onAttached(runOf(job));

        assertThatThrownBy(action::doContinue).hasMessageContaining("Job/Build");
        assertThatThrownBy(action::doRollback).hasMessageContaining("Job/Build");
        verify(execution, never()).decide(any());
        assertThat(action.getDecision()).isNull();
    }

    @Test
    void shouldIgnoreADecisionOnceTheDeploymentMovedOn() {
        DurableOperationExecution<?, ?, ?> execution = waitingExecution();
        CanaryDecisionAction action = new CanaryDecisionAction(ID, "api", "POST_TEST_TRAFFIC_SHIFT");
        action.usePermission(run -> {});
        action.close();

        action.doContinue();

        verify(execution, never()).decide(any());
    }

    @Test
    void shouldRoundTripThroughXStreamWithIdsAndNamesOnly() {
        CanaryDecisionAction action = new CanaryDecisionAction(ID, "api", "POST_TEST_TRAFFIC_SHIFT");
        action.onAttached(mock(Run.class));
        XStream xstream = new XStream();
        xstream.addPermission(AnyTypePermission.ANY);

        String xml = xstream.toXML(action);
        CanaryDecisionAction read = (CanaryDecisionAction) xstream.fromXML(xml);

        assertThat(read.getId()).isEqualTo(ID);
        assertThat(read.getService()).isEqualTo("api");
        assertThat(read.getStage()).isEqualTo("POST_TEST_TRAFFIC_SHIFT");
        assertThat(read.isOpen()).isTrue();
        assertThat(xml).doesNotContain("run>").doesNotContain("permission");
    }

    private static DurableOperationExecution<?, ?, ?> waitingExecution() {
        DurableOperationExecution<?, ?, ?> execution = mock(DurableOperationExecution.class);
        DecisionRegistry.register(ID, execution);
        return execution;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Run<?, ?> runOf(Job<?, ?> job) {
        Run run = mock(Run.class);
        when(run.getParent()).thenReturn(job);
        return run;
    }
}
