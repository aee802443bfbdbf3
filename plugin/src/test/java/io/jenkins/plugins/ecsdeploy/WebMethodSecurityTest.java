package io.jenkins.plugins.ecsdeploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hudson.model.Item;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;

/**
 * Every Stapler web method ({@code doXxx}) of every class in the plugin, whoever wrote it: it requires POST, takes
 * the item it checks from the URL, and reaches a permission check. Form validation and list boxes are reachable by
 * any user with Overall/Read, so a method without these is a CSRF or an information leak (jenkins-plugin-facts §4).
 */
class WebMethodSecurityTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.ecsdeploy");
    private static final Set<String> PERMISSION_CHECKS = Set.of("checkPermission", "hasPermission");

    private static List<JavaMethod> webMethods() {
        List<JavaMethod> methods = new ArrayList<>();
        for (var javaClass : PLUGIN) {
            for (JavaMethod method : javaClass.getMethods()) {
                boolean isPublic = method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC);
                boolean isStatic = method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC);
                if (isPublic && !isStatic && method.getName().matches("do[A-Z]\\w*")) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    @Test
    void shouldFindTheWebMethodsItGuards() {
        assertThat(webMethods())
                .extracting(JavaMethod::getFullName)
                .anyMatch(name -> name.contains("EcsDeployGlobalConfiguration.doFillCredentialsIdItems"));
    }

    /**
     * POST, or an explicit {@code @GET} for a read-only endpoint (the Deployments pages' JSON, which a browser fetches
     * with GET); either way the verb is declared, and the permission check below still applies.
     */
    @Test
    void shouldRequirePostOnEveryWebMethod() {
        List<String> withoutPost = webMethods().stream()
                .filter(method -> !method.isAnnotatedWith(POST.class) && !method.isAnnotatedWith(GET.class))
                .map(JavaMethod::getFullName)
                .toList();

        assertThat(withoutPost).isEmpty();
    }

    @Test
    void shouldTakeTheCheckedItemFromTheUrl() {
        List<String> unresolvedItems = new ArrayList<>();
        for (JavaMethod method : webMethods()) {
            Method reflected = method.reflect();
            for (Parameter parameter : reflected.getParameters()) {
                if (Item.class.isAssignableFrom(parameter.getType())
                        && !parameter.isAnnotationPresent(AncestorInPath.class)) {
                    unresolvedItems.add(method.getFullName() + " " + parameter.getName());
                }
            }
        }

        assertThat(unresolvedItems).isEmpty();
    }

    @Test
    void shouldReachAPermissionCheckFromEveryWebMethod() {
        List<String> unchecked = webMethods().stream()
                .filter(method -> !reachesPermissionCheck(method))
                .map(JavaMethod::getFullName)
                .toList();

        assertThat(unchecked).isEmpty();
    }

    @Test
    void shouldKeepWebMethodsPublicInstanceMethods() {
        assertThat(webMethods())
                .allSatisfy(
                        method -> assertThat(Modifier.isStatic(method.reflect().getModifiers()))
                                .isFalse());
    }

    /** Follows the plugin's own calls a few levels deep: descriptors delegate to shared field helpers. */
    private static boolean reachesPermissionCheck(JavaMethod start) {
        Deque<JavaMethod> toVisit = new ArrayDeque<>(List.of(start));
        Set<JavaMethod> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            JavaMethod method = toVisit.poll();
            if (!seen.add(method) || seen.size() > 200) {
                continue;
            }
            for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                if (PERMISSION_CHECKS.contains(call.getName())) {
                    return true;
                }
                if (call.getTargetOwner().getPackageName().startsWith("io.jenkins.plugins.ecsdeploy")) {
                    call.getTarget().resolveMember().ifPresent(toVisit::add);
                }
            }
        }
        return false;
    }
}
