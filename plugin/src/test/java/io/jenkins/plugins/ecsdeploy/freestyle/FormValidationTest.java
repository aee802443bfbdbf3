package io.jenkins.plugins.ecsdeploy.freestyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsdeploy.util.FakeItem;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/**
 * The form checks of the build steps: POST only, the job from the URL, refused to a user who may not configure it,
 * and the answers of core's rules for names, tags, percentages and durations.
 */
class FormValidationTest {
    private static final Item CONFIGURABLE = new FakeItem(Item.READ, Item.CONFIGURE);
    private static final Item READ_ONLY = new FakeItem(Item.READ);

    static Stream<EcsBuilderDescriptor> descriptors() {
        return Stream.of(
                new EcrBuildPushBuilder.DescriptorImpl(),
                new EcrPromoteBuilder.DescriptorImpl(),
                new EcsDeployRollingBuilder.DescriptorImpl(),
                new EcsDeployCanaryBuilder.DescriptorImpl(),
                new EcsRunTaskBuilder.DescriptorImpl());
    }

    private static List<Method> checks(EcsBuilderDescriptor descriptor) {
        return Arrays.stream(descriptor.getClass().getMethods())
                .filter(m -> m.getName().startsWith("doCheck") || m.getName().startsWith("doFill"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void shouldTakePostOnlyAndTheJobFromTheUrl(EcsBuilderDescriptor descriptor) {
        assertThat(checks(descriptor)).isNotEmpty().allSatisfy(method -> {
            assertThat(method.isAnnotationPresent(POST.class))
                    .as(method.getName())
                    .isTrue();
            Parameter item = method.getParameters()[0];
            assertThat(item.getType()).isEqualTo(Item.class);
            assertThat(item.isAnnotationPresent(AncestorInPath.class)).isTrue();
            assertThat(method.getParameters()[1].isAnnotationPresent(QueryParameter.class))
                    .isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void shouldRefuseEveryCheckToAUserWhoMayNotConfigureTheJob(EcsBuilderDescriptor descriptor) throws Exception {
        List<Method> fieldChecks = checks(descriptor).stream()
                .filter(m ->
                        !m.getName().endsWith("CredentialsId") && !m.getName().endsWith("CredentialsIdItems"))
                .toList();
        assertThat(fieldChecks).isNotEmpty();

        for (Method check : fieldChecks) {
            assertThatThrownBy(() -> invoke(check, descriptor, READ_ONLY, "x"))
                    .as(check.getName())
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(invoke(check, descriptor, CONFIGURABLE, "${FROM_THE_BUILD}").kind)
                    .as(check.getName() + " leaves a variable to the build")
                    .isEqualTo(FormValidation.Kind.WARNING);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "EcrBuildPush | Repository | team/web-app | OK",
                "EcrBuildPush | Repository | Team_Web | ERROR",
                "EcrBuildPush | Tags | 1.4.2, latest | OK",
                "EcrBuildPush | Tags | -bad | ERROR",
                "EcrBuildPush | ScanTimeout | 10 | OK",
                "EcrBuildPush | ScanTimeout | ten | ERROR",
                "EcrPromote | Source | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | OK",
                "EcrPromote | Source | .hidden | ERROR",
                "EcrPromote | Tags | '' | ERROR",
                "EcsDeployRolling | Service | api_v2-blue | OK",
                "EcsDeployRolling | Service | arn:aws:ecs:us-east-1:123456789012:service/main/api | OK",
                "EcsDeployRolling | Service | my api | ERROR",
                "EcsDeployRolling | Service | '' | ERROR",
                "EcsDeployRolling | Cluster | '' | OK",
                "EcsDeployRolling | Timeout | 1440 | OK",
                "EcsDeployRolling | Timeout | 1441 | ERROR",
                "EcsDeployRolling | Timeout | 0 | ERROR",
                "EcsDeployCanary | CanaryPercent | 10 | OK",
                "EcsDeployCanary | CanaryPercent | 0.05 | ERROR",
                "EcsDeployCanary | CanaryPercent | 101 | ERROR",
                "EcsDeployCanary | StepPercent | 2 | ERROR",
                "EcsDeployCanary | StepPercent | 3 | OK",
                "EcsDeployCanary | CanaryBakeTimeInMinutes | 1441 | ERROR",
                "EcsDeployCanary | StepBakeTimeInMinutes | 5 | OK",
                "EcsDeployCanary | BakeTimeInMinutes | -1 | ERROR",
                "EcsDeployCanary | PauseTimeout | 30 | OK",
                "EcsRunTask | Cluster | main | OK",
                "EcsRunTask | Timeout | 2h | ERROR",
            })
    void shouldAnswerWithCoresRules(String builder, String field, String value, FormValidation.Kind expected)
            throws Exception {
        EcsBuilderDescriptor descriptor = descriptors()
                .filter(d -> d.getClass().getEnclosingClass().getSimpleName().equals(builder + "Builder"))
                .findFirst()
                .orElseThrow();
        Method check = descriptor.getClass().getMethod("doCheck" + field, Item.class, String.class);

        FormValidation answer = invoke(check, descriptor, CONFIGURABLE, value);

        assertThat(answer.kind).as(answer.getMessage()).isEqualTo(expected);
    }

    @Test
    void shouldNameTheRuleInTheAnswer() {
        FormChecks checks = new FormChecks(null);

        assertThat(checks.canaryPercent(CONFIGURABLE, "0.05").getMessage()).contains("canaryPercent", "0.1 to 100");
        assertThat(checks.waitMinutes(CONFIGURABLE, "2000").getMessage()).contains("24h");
        assertThat(checks.repository(CONFIGURABLE, "A").getMessage()).contains("repository name");
    }

    private static FormValidation invoke(Method check, Object descriptor, Item item, String value) throws Exception {
        try {
            return (FormValidation) check.invoke(descriptor, item, value);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }
}
