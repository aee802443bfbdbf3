package io.jenkins.plugins.ecsdeploy.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the libraries an .hpi bundles that Jenkins core or a plugin dependency also provides. Jenkins loads a
 * plugin's classes parent-first, so the other copy wins and ours is dead weight or, worse, a version mismatch nobody
 * tested. Every such overlap, and every jar whose coordinates cannot be read, must be explained on purpose.
 */
final class LibraryOverlaps {
    private static final String POM_PROPERTIES = "pom.properties";

    private LibraryOverlaps() {}

    /** A bundled jar: its file name and, when known, its groupId:artifactId and version. */
    record Library(String jar, String coordinates, String version) {}

    /** Who else provides a groupId:artifactId, and at which version when recorded. */
    record Provider(String coordinates, String detail) {}

    /**
     * The explanations file: {@code identify <jar> <groupId:artifactId> <why>} names a jar without Maven metadata,
     * {@code allow <groupId:artifactId> <why>} keeps an overlapping library on purpose.
     */
    record Explanations(Map<String, String> identified, Map<String, String> allowed) {
        static Explanations parse(List<String> lines) {
            Map<String, String> identified = new LinkedHashMap<>();
            Map<String, String> allowed = new LinkedHashMap<>();
            for (String line : meaningful(lines)) {
                String[] words = line.split("\\s+", 4);
                if (words[0].equals("identify") && words.length == 4) {
                    identified.put(words[1], words[2]);
                } else if (words[0].equals("allow") && words.length >= 3) {
                    allowed.put(words[1], line.substring(line.indexOf(words[2])));
                } else {
                    throw new IllegalArgumentException(
                            "not an explanation (identify or allow, with a reason): " + line);
                }
            }
            return new Explanations(identified, allowed);
        }
    }

    /** Reads a recorded list: the first word of each line is groupId:artifactId, the rest says where and which version. */
    static Map<String, Provider> providers(List<String> lines) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        for (String line : meaningful(lines)) {
            String[] words = line.split("\\s+", 2);
            if (!words[0].matches("[\\w.-]+:[\\w.-]+")) {
                throw new IllegalArgumentException("not groupId:artifactId: " + line);
            }
            providers.put(words[0], new Provider(words[0], words.length > 1 ? words[1] : ""));
        }
        return providers;
    }

    /** The problems: overlaps without an explanation, jars nobody can name, and explanations that no longer apply. */
    static List<String> problems(List<Library> bundled, Map<String, Provider> provided, Explanations explanations) {
        List<String> problems = new ArrayList<>();
        Map<String, String> overlapping = new LinkedHashMap<>();
        for (Library library : bundled) {
            String coordinates = library.coordinates() != null
                    ? library.coordinates()
                    : explanations.identified().get(library.jar());
            if (coordinates == null) {
                problems.add(library.jar() + " has no META-INF/maven pom.properties; identify it in the explanations");
                continue;
            }
            Provider provider = provided.get(coordinates);
            if (provider != null) {
                overlapping.put(coordinates, library.jar());
                if (!explanations.allowed().containsKey(coordinates)) {
                    problems.add(library.jar() + " (" + coordinates + " " + Objects.toString(library.version(), "")
                            + ") is also provided by " + provider.detail()
                            + "; that copy wins: exclude ours, or explain why it stays");
                }
            }
        }
        explanations.allowed().keySet().stream()
                .filter(coordinates -> !overlapping.containsKey(coordinates))
                .forEach(
                        coordinates -> problems.add("stale explanation: " + coordinates + " overlaps nothing bundled"));
        return problems;
    }

    /** Names a bundled jar from the pom.properties Maven writes into it. */
    static Library read(Path jar) {
        String name = jar.getFileName().toString();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<Properties> poms = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("META-INF/maven/")
                        && entry.getName().endsWith("/" + POM_PROPERTIES)) {
                    Properties properties = new Properties();
                    try (InputStream in = zip.getInputStream(entry)) {
                        properties.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
                    }
                    poms.add(properties);
                }
            }
            String base = name.replaceFirst("\\.jar$", "");
            return poms.stream()
                    .filter(pom -> poms.size() == 1 || base.equals(pom.getProperty("artifactId")))
                    .findFirst()
                    .map(pom -> new Library(
                            name,
                            pom.getProperty("groupId") + ":" + pom.getProperty("artifactId"),
                            pom.getProperty("version")))
                    .orElse(new Library(name, null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> meaningful(List<String> lines) {
        return lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
