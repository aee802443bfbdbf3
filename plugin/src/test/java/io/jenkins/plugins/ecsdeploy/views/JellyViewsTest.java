package io.jenkins.plugins.ecsdeploy.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;

/**
 * A static check over every Jelly view of the plugin: well-formed, escaping by default, no inline script and no
 * {@code on*} attribute (the pages run under Jenkins' Content-Security-Policy), every {@code ${it.x}} a public getter
 * or method of the class the view belongs to (its directory names the class), and every plain {@code st:include}
 * found along that class's superclasses.
 */
class JellyViewsTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern IT_MEMBER = Pattern.compile("(?<![\\w.])it\\.(\\w+)\\s*(\\()?");
    private static final Pattern EVENT_HANDLER = Pattern.compile("on[a-z]+", Pattern.CASE_INSENSITIVE);
    private static final String STAPLER = "jelly:stapler";

    private static List<Path> views;

    @BeforeAll
    static void findViews() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            views = files.filter(file -> file.toString().endsWith(".jelly"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void shouldFindTheViewsOfEveryKind() {
        assertThat(views)
                .extracting(file -> file.getFileName().toString())
                .contains("index.jelly", "config.jelly", "jobMain.jelly", "summary.jelly");
    }

    @Test
    void shouldBeWellFormedAndEscapeByDefault() throws Exception {
        for (Path view : views) {
            Document document = parse(view);
            assertThat(escapesByDefault(document))
                    .as(view + " declares <?jelly escape-by-default='true'?>")
                    .isTrue();
        }
    }

    @Test
    void shouldHaveNoInlineScriptAndNoEventHandlerAttribute() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            for (Element element : elements(parse(view).getDocumentElement())) {
                if ("script".equalsIgnoreCase(localName(element))
                        && (!element.hasAttribute("src")
                                || !element.getTextContent().isBlank())) {
                    problems.add(view + ": inline <script>");
                }
                var attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    String name = localName(attributes.item(i));
                    if (EVENT_HANDLER.matcher(name).matches()) {
                        problems.add(view + ": " + name + " attribute on <" + element.getTagName() + ">");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldResolveEveryItExpressionToAPublicGetterOrMethodOfTheViewsClass() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            List<String> members = itMembers(view);
            Class<?> owner = ownerOf(view);
            if (owner == null) {
                members.forEach(member -> problems.add(view + ": ${it." + member + "} in a view of no class"));
                continue;
            }
            for (String member : members) {
                if (!resolves(owner, member)) {
                    problems.add(view + ": ${it." + member + "} is no public getter or method of " + owner.getName());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldFindEveryIncludedPageAlongTheViewsClassHierarchy() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            Class<?> owner = ownerOf(view);
            for (Element element : elements(parse(view).getDocumentElement())) {
                boolean plainInclude = STAPLER.equals(element.getNamespaceURI())
                        && "include".equals(localName(element))
                        && !element.hasAttribute("it")
                        && !element.hasAttribute("from")
                        && !element.hasAttribute("class")
                        && !"true".equals(element.getAttribute("optional"));
                if (plainInclude && !includable(owner, element.getAttribute("page"))) {
                    problems.add(view + ": includes " + element.getAttribute("page") + ", which is not found");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The members {@code it.x} and {@code it.x(…)} named inside {@code ${…}} in attributes and text. */
    private static List<String> itMembers(Path view) throws IOException {
        List<String> members = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(Files.readString(view));
        while (expression.find()) {
            Matcher member = IT_MEMBER.matcher(expression.group(1));
            while (member.find()) {
                members.add(member.group(1) + (member.group(2) == null ? "" : "()"));
            }
        }
        return members;
    }

    /** The class whose view this is: its directory below the resources names it; null for the plugin's own index. */
    private static Class<?> ownerOf(Path view) {
        Path directory = RESOURCES.relativize(view).getParent();
        if (directory == null) {
            return null;
        }
        String name = directory.toString().replace(java.io.File.separatorChar, '.');
        try {
            return Class.forName(name, false, JellyViewsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(view + " lives in a directory that names no class: " + name, e);
        }
    }

    private static boolean resolves(Class<?> owner, String member) {
        Stream<Method> methods = Arrays.stream(owner.getMethods()).filter(m -> Modifier.isPublic(m.getModifiers()));
        if (member.endsWith("()")) {
            String name = member.substring(0, member.length() - 2);
            return methods.anyMatch(method -> method.getName().equals(name));
        }
        String property = Character.toUpperCase(member.charAt(0)) + member.substring(1);
        return methods.anyMatch(method -> method.getParameterCount() == 0
                && (method.getName().equals("get" + property)
                        || (method.getName().equals("is" + property) && method.getReturnType() == boolean.class)));
    }

    private static boolean includable(Class<?> owner, String page) {
        for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
            Path candidate = RESOURCES.resolve(type.getName().replace('.', '/')).resolve(page);
            if (Files.isRegularFile(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static Document parse(Path view) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(view.toFile());
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(view + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static boolean escapesByDefault(Document document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof ProcessingInstruction instruction
                    && "jelly".equals(instruction.getTarget())
                    && instruction.getData().replace('"', '\'').contains("escape-by-default='true'")) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>();
        all.add(root);
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                all.addAll(elements(element));
            }
        }
        return all;
    }

    private static String localName(Node node) {
        String name = node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
        return name.toLowerCase(Locale.ROOT);
    }
}
