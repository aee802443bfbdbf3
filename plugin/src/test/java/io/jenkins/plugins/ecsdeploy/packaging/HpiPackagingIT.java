package io.jenkins.plugins.ecsdeploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the built {@code ecs-deploy.hpi} as Jenkins' ClassicPluginStrategy would and checks what no unit test sees:
 * both manifests, what is bundled, the indexes, Jelly escaping and the compiled parameter names. Jenkins itself is
 * out of reach offline, so this is the last line before a user's controller refuses the plugin.
 */
class HpiPackagingIT {
    private static final String PLUGIN_JAR = "WEB-INF/lib/ecs-deploy.jar";
    private static final String CORE_JAR = "WEB-INF/lib/ecs-deploy-core.jar";
    /**
     * Libraries the .hpi bundles: our two jars and core's own dependencies (core's HTTP client is the apache-client that
     * aws-java-sdk2-core ships), less what Jenkins core or a plugin dependency ships (see LibraryOverlaps). The SDK, Jackson, Guava, SLF4J, Jenkins and the stubs come from Jenkins and must never be here.
     * A new entry is a decision: add it here on purpose.
     */
    private static final Set<String> BUNDLED = Set.of(
            "ecs-deploy.jar",
            "ecs-deploy-core.jar",
            "jib-core.jar",
            "jib-build-plan.jar",
            "google-http-client.jar",
            "google-http-client-apache-v2.jar",
            "google-http-client-gson.jar",
            "google-auth-library-oauth2-http.jar",
            "google-auth-library-credentials.jar",
            "gson.jar",
            "opencensus-api.jar",
            "opencensus-contrib-http-util.jar",
            "grpc-context.jar",
            "auto-value-annotations.jar",
            "asm.jar",
            "jsr305.jar",
            "j2objc-annotations.jar",
            "commons-compress.jar",
            "commons-lang3.jar");
    /** Class-file prefixes that Jenkins, its plugins or the stubs own. */
    private static final List<String> FOREIGN = List.of(
            "hudson/",
            "jenkins/",
            "org/kohsuke/",
            "org/jenkinsci/",
            "org/jvnet/hudson/",
            "com/cloudbees/",
            "net/java/sezpoz/",
            "com/fasterxml/jackson/",
            "com/google/common/",
            "org/apache/commons/io/",
            "org/apache/commons/codec/",
            "org/apache/commons/logging/",
            "org/apache/http/",
            "org/slf4j/",
            "software/amazon/awssdk/");
    /** Which plugin provides a package our code links against (pitfall 5: nothing derives this list offline). */
    private static final Map<String, String> PROVIDERS = providers();

    @TempDir
    static Path unpacked;

    private static ZipFile hpi;
    private static URLClassLoader pluginLoader;

    @BeforeAll
    static void open() throws IOException {
        File file = new File(System.getProperty("hpi.file", "target/ecs-deploy.hpi"));
        assertThat(file).as("the .hpi built by mvn package").isFile();
        hpi = new ZipFile(file);
        List<URL> urls = new ArrayList<>();
        for (ZipEntry entry : Collections.list(hpi.entries())) {
            if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
                Path jar = unpacked.resolve(entry.getName().substring("WEB-INF/lib/".length()));
                try (InputStream in = hpi.getInputStream(entry)) {
                    Files.copy(in, jar);
                }
                urls.add(jar.toUri().toURL());
            }
        }
        urls.addAll(providedByJenkins());
        pluginLoader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        pluginLoader.close();
        hpi.close();
    }

    /** What Jenkins core and the plugins we depend on supply: the test classpath minus the plugin and core. */
    private static List<URL> providedByJenkins() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (!path.contains("/plugin/target/")
                    && !path.contains("ecs-deploy-core")
                    && !path.contains("/core/target/")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls;
    }

    private static Path bundled(String name) {
        return unpacked.resolve(name.substring("WEB-INF/lib/".length()));
    }

    @Test
    void shouldCarryThePluginManifestAtTheRootAndInThePluginJar() throws IOException {
        Attributes root = new Manifest(hpi.getInputStream(hpi.getEntry("META-INF/MANIFEST.MF"))).getMainAttributes();
        Attributes inner;
        try (JarFile jar = new JarFile(bundled(PLUGIN_JAR).toFile())) {
            inner = jar.getManifest().getMainAttributes();
        }

        for (Attributes attributes : List.of(root, inner)) {
            assertThat(attributes.getValue("Short-Name")).isEqualTo("ecs-deploy");
            assertThat(attributes.getValue("Long-Name")).isNotBlank();
            assertThat(attributes.getValue("Plugin-Version")).isEqualTo(System.getProperty("plugin.version"));
            assertThat(attributes.getValue("Jenkins-Version")).isEqualTo(System.getProperty("jenkins.version"));
            assertThat(attributes.getValue("Url")).startsWith("https://");
            assertThat(attributes.getValue("Plugin-Dependencies")).isEqualTo(System.getProperty("plugin.dependencies"));
            assertThat(attributes.getValue("Minimum-Java-Version")).isNull();
            assertThat(attributes.getValue("PluginFirstClassLoader")).isNull();
        }
    }

    @Test
    void shouldWhitelistCoreForJenkinsClassFilter() throws IOException {
        try (JarFile jar = new JarFile(bundled(CORE_JAR).toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Jenkins-ClassFilter-Whitelisted"))
                    .isEqualTo("true");
        }
    }

    @Test
    void shouldDeclareEveryPluginWhoseClassesWeLinkAgainstWithAMinimumVersion() throws IOException {
        Map<String, String> declared = new LinkedHashMap<>();
        for (String dependency : System.getProperty("plugin.dependencies").split(",")) {
            String[] nameAndVersion = dependency.split(":", 2);
            assertThat(nameAndVersion).as(dependency).hasSize(2);
            assertThat(nameAndVersion[1]).as(dependency).matches("[0-9][\\w.-]*(;resolution:=optional)?");
            declared.put(nameAndVersion[0], nameAndVersion[1]);
        }
        // Only the folder pages need the folder plugin; without it their extension is skipped, the rest works.
        assertThat(declared)
                .hasEntrySatisfying(
                        "cloudbees-folder", version -> assertThat(version).endsWith(";resolution:=optional"));
        assertThat(declared.entrySet())
                .filteredOn(entry -> entry.getValue().contains("resolution"))
                .extracting(Map.Entry::getKey)
                .containsExactly("cloudbees-folder");
        JavaClasses ours;
        try (JarFile plugin = new JarFile(bundled(PLUGIN_JAR).toFile());
                JarFile core = new JarFile(bundled(CORE_JAR).toFile())) {
            ours = new ClassFileImporter().importJars(plugin, core);
        }
        Set<String> needed = new TreeSet<>();
        needed.add("structs"); // Pipeline binds our Describables through structs' DescribableModel.
        for (var javaClass : ours) {
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getName();
                PROVIDERS.entrySet().stream()
                        .filter(provider -> target.startsWith(provider.getKey()))
                        .findFirst()
                        .ifPresent(provider -> needed.add(provider.getValue()));
            }
        }

        assertThat(needed).contains("aws-java-sdk2-core", "aws-java-sdk2-ecs", "aws-java-sdk2-ecr", "credentials");
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(needed);
    }

    @Test
    void shouldBundleOnlyOurCoreAndItsOwnLibraries() throws IOException {
        Set<String> libs = Collections.list(hpi.entries()).stream()
                .map(ZipEntry::getName)
                .filter(name -> name.startsWith("WEB-INF/lib/") && !name.endsWith("/"))
                .map(name -> name.substring("WEB-INF/lib/".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(libs).containsExactlyInAnyOrderElementsOf(BUNDLED);
        assertThat(Collections.list(hpi.entries()))
                .extracting(ZipEntry::getName)
                .noneMatch(name -> name.startsWith("WEB-INF/classes/") || name.endsWith(".class"));

        List<String> foreign = new ArrayList<>();
        for (String lib : libs) {
            try (ZipFile jar = new ZipFile(unpacked.resolve(lib).toFile())) {
                for (ZipEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    boolean ownHttpClient = name.startsWith("software/amazon/awssdk/http/urlconnection/");
                    if (name.endsWith(".class")
                            && !ownHttpClient
                            && FOREIGN.stream().anyMatch(name::startsWith)) {
                        foreign.add(lib + "!" + name);
                    }
                }
            }
        }
        assertThat(foreign).as("classes Jenkins or its plugins provide").isEmpty();
    }

    @Test
    void shouldBundleNoLibraryThatJenkinsCoreOrAPluginDependencyProvidesUnlessExplained() throws IOException {
        Map<String, LibraryOverlaps.Provider> provided = new LinkedHashMap<>();
        LibraryOverlaps.providers(LibraryOverlapsTest.resource("jenkins-core-libraries.txt"))
                .forEach((coordinates, provider) -> provided.put(
                        coordinates, new LibraryOverlaps.Provider(coordinates, "Jenkins core " + provider.detail())));
        provided.putAll(LibraryOverlaps.providers(LibraryOverlapsTest.resource("plugin-libraries.txt")));
        List<LibraryOverlaps.Library> bundled;
        try (var jars = Files.list(unpacked)) {
            bundled = jars.sorted().map(LibraryOverlaps::read).toList();
        }

        assertThat(bundled).hasSameSizeAs(BUNDLED);
        assertThat(LibraryOverlaps.problems(
                        bundled,
                        provided,
                        LibraryOverlaps.Explanations.parse(
                                LibraryOverlapsTest.resource("bundled-library-explanations.txt"))))
                .as("bundled libraries another copy would shadow (Jenkins loads plugin classes parent-first)")
                .isEmpty();
    }

    @Test
    void shouldHaveAnIndexJellyAndEscapeByDefaultInEveryJellyFile() throws IOException {
        try (ZipFile jar = new ZipFile(bundled(PLUGIN_JAR).toFile())) {
            assertThat(jar.getEntry("index.jelly")).as("index.jelly").isNotNull();
            List<? extends ZipEntry> jellies = Collections.list(jar.entries()).stream()
                    .filter(entry -> entry.getName().endsWith(".jelly"))
                    .toList();
            assertThat(jellies).hasSizeGreaterThan(1);
            for (ZipEntry jelly : jellies) {
                String text = new String(jar.getInputStream(jelly).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(jelly.getName()).startsWith("<?jelly escape-by-default='true'?>");
                // Under Jenkins' Content-Security-Policy a script must come from a URL: <script src=…/> only.
                assertThat(text)
                        .as(jelly.getName() + " under Jenkins' Content-Security-Policy")
                        .doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                        .doesNotContainPattern("<script[^>]*[^/]>\\s*[^<\\s]")
                        .doesNotContainPattern("\\son[a-z]+\\s*=");
            }
        }
    }

    @Test
    void shouldFindEveryExtensionThroughTheRealSezpozIndex() throws Exception {
        Class<? extends Annotation> extension = annotation("hudson.Extension");
        Set<String> annotated = new TreeSet<>();
        for (Class<?> type : pluginClasses()) {
            if (type.isAnnotationPresent(extension)) {
                annotated.add(type.getName());
            }
            for (Member member : members(type)) {
                if (((java.lang.reflect.AnnotatedElement) member).isAnnotationPresent(extension)) {
                    annotated.add(type.getName() + "#" + member.getName());
                }
            }
        }

        Class<?> index = pluginLoader.loadClass("net.java.sezpoz.Index");
        Method load = index.getMethod("load", Class.class, Class.class, ClassLoader.class);
        Set<String> indexed = new TreeSet<>();
        for (Object item : (Iterable<?>) load.invoke(null, extension, Object.class, pluginLoader)) {
            String className = (String) item.getClass().getMethod("className").invoke(item);
            String memberName = (String) item.getClass().getMethod("memberName").invoke(item);
            indexed.add(memberName == null ? className : className + "#" + memberName);
        }

        assertThat(annotated).contains("io.jenkins.plugins.ecsdeploy.config.EcsDeployGlobalConfiguration");
        assertThat(indexed).isEqualTo(annotated);
    }

    @Test
    void shouldIndexExactlyTheSymbolAnnotatedClasses() throws Exception {
        Class<? extends Annotation> symbol = annotation("org.jenkinsci.Symbol");
        Set<String> annotated = new TreeSet<>();
        for (Class<?> type : pluginClasses()) {
            if (type.isAnnotationPresent(symbol)) {
                annotated.add(type.getName());
            }
        }
        Set<String> indexed = new TreeSet<>();
        Enumeration<URL> indexes = pluginLoader.getResources("META-INF/annotations/org.jenkinsci.Symbol");
        for (URL url : Collections.list(indexes)) {
            try (InputStream in = url.openStream()) {
                Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .forEach(indexed::add);
            }
        }

        assertThat(annotated).isNotEmpty();
        assertThat(indexed).isEqualTo(annotated);
    }

    @Test
    void shouldKeepParameterNamesForDataBindingAndWebMethods() throws Exception {
        Class<? extends Annotation> dataBound = annotation("org.kohsuke.stapler.DataBoundConstructor");
        List<Executable> bound = new ArrayList<>();
        for (Class<?> type : pluginClasses()) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.isAnnotationPresent(dataBound)) {
                    bound.add(constructor);
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && method.getName().matches("do[A-Z]\\w*")) {
                    bound.add(method);
                }
            }
        }

        assertThat(bound).isNotEmpty();
        assertThat(bound)
                .allSatisfy(executable -> assertThat(executable.getParameters())
                        .as(executable.toString())
                        .allMatch(Parameter::isNamePresent));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> annotation(String name) throws ClassNotFoundException {
        return (Class<? extends Annotation>) pluginLoader.loadClass(name);
    }

    private static List<Class<?>> pluginClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (ZipFile jar = new ZipFile(bundled(PLUGIN_JAR).toFile())) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    String className =
                            name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    classes.add(Class.forName(className, false, pluginLoader));
                }
            }
        }
        assertThat(classes).isNotEmpty();
        return classes;
    }

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>(Arrays.asList(type.getDeclaredFields()));
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        return members;
    }

    private static Map<String, String> providers() {
        Map<String, String> providers = new LinkedHashMap<>();
        providers.put("org.jenkinsci.plugins.workflow.", "workflow-step-api");
        providers.put("com.cloudbees.jenkins.plugins.awscredentials.", "aws-credentials");
        providers.put("com.cloudbees.plugins.credentials.", "credentials");
        providers.put("org.jenkinsci.plugins.structs.", "structs");
        providers.put("com.fasterxml.jackson.", "jackson2-api");
        providers.put("software.amazon.awssdk.services.ecs.", "aws-java-sdk2-ecs");
        providers.put("software.amazon.awssdk.services.ecr.", "aws-java-sdk2-ecr");
        providers.put("software.amazon.awssdk.services.cloudwatchlogs.", "aws-java-sdk2-cloudwatchlogs");
        providers.put("software.amazon.awssdk.services.codedeploy.", "aws-java-sdk2-codedeploy");
        providers.put("software.amazon.awssdk.", "aws-java-sdk2-core");
        providers.put("com.cloudbees.hudson.plugins.folder.", "cloudbees-folder");
        return providers;
    }
}
