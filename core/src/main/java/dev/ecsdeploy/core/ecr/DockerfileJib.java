package dev.ecsdeploy.core.ecr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a simple Dockerfile as a {@link JibImage}, so that one Dockerfile serves every builder and a machine without
 * a working container tool still builds. Jib runs no commands, so only the instructions that describe files and
 * metadata are supported: FROM, COPY (with {@code --chmod=755}), LABEL, ENV, WORKDIR, ENTRYPOINT, CMD; EXPOSE and
 * USER are ignored. Anything else (RUN, ADD, ARG, multi-stage builds) is refused with an {@link
 * UnsupportedDockerfileException} naming the line that needs a real builder.
 */
public final class DockerfileJib {
    /** The instructions Jib can express, as messages list them. */
    public static final String SUPPORTED = "FROM, COPY, LABEL, ENV, WORKDIR, ENTRYPOINT and CMD";

    private static final Pattern KEY_VALUE = Pattern.compile("([^\\s=]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerfileJib() {}

    /** Reads {@code dockerfile} from the local file system; COPY sources resolve against {@code context}. */
    public static JibImage read(Path dockerfile, Path context) {
        String text;
        try {
            text = Files.readString(dockerfile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnsupportedDockerfileException("Dockerfile unreadable: " + dockerfile + ": " + e.getMessage());
        }
        return parse(text, dockerfile, context);
    }

    /** Reads the text of {@code dockerfile} (named in messages); COPY sources resolve against {@code context}. */
    public static JibImage parse(String text, Path dockerfile, Path context) {
        JibImage.Builder image = JibImage.builder();
        boolean sawFrom = false;
        for (String line : instructions(text)) {
            String[] parts = line.split("\\s+", 2);
            String instruction = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1].trim() : "";
            if (instruction.equals("FROM")) {
                if (sawFrom) {
                    throw unsupported(dockerfile, line, "multi-stage builds need a real builder");
                }
                sawFrom = true;
                image.baseImage(arguments.split("\\s+")[0]);
                continue;
            }
            apply(image, instruction, arguments, new Source(dockerfile, context, line));
        }
        if (!sawFrom) {
            throw new UnsupportedDockerfileException(dockerfile + " has no FROM line: it is not a Dockerfile");
        }
        return image.build();
    }

    /** Where an instruction comes from, for COPY paths and messages. */
    private record Source(Path dockerfile, Path context, String line) {}

    private static void apply(JibImage.Builder image, String instruction, String arguments, Source source) {
        switch (instruction) {
            case "COPY" -> copy(image, arguments, source);
            case "LABEL" -> keyValues(arguments).forEach(pair -> image.putLabel(pair[0], pair[1]));
            case "ENV" -> keyValues(arguments).forEach(pair -> image.putEnvironment(pair[0], pair[1]));
            case "WORKDIR" -> image.workingDirectory(arguments);
            case "ENTRYPOINT" -> image.entrypoint(argv(arguments, source));
            case "CMD" -> image.command(argv(arguments, source));
            case "EXPOSE", "USER" -> {}
            default ->
                throw unsupported(source.dockerfile(), source.line(), instruction + " runs or fetches something");
        }
    }

    private static void copy(JibImage.Builder image, String arguments, Source source) {
        List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
        boolean executable = false;
        while (!words.isEmpty() && words.get(0).startsWith("--")) {
            String flag = words.remove(0);
            if (!flag.startsWith("--chmod=")) {
                throw unsupported(source.dockerfile(), source.line(), "COPY " + flag + " is not supported by Jib");
            }
            executable = flag.endsWith("755") || flag.endsWith("+x");
        }
        if (words.size() < 2) {
            throw unsupported(source.dockerfile(), source.line(), "COPY needs a source and a destination");
        }
        String destination = words.get(words.size() - 1);
        for (String from : words.subList(0, words.size() - 1)) {
            Path file = source.context().resolve(from).normalize();
            String target = destination.endsWith("/") ? destination + file.getFileName() : destination;
            image.addLayer(new JibLayer(file, target, executable));
        }
    }

    private static List<String[]> keyValues(String arguments) {
        List<String[]> pairs = new ArrayList<>();
        Matcher matcher = KEY_VALUE.matcher(arguments);
        while (matcher.find()) {
            String value = matcher.group(2);
            if (value.startsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
            }
            pairs.add(new String[] {matcher.group(1), value});
        }
        return pairs;
    }

    private static List<String> argv(String arguments, Source source) {
        if (!arguments.startsWith("[")) {
            return List.of("/bin/sh", "-c", arguments);
        }
        try {
            return JSON.readValue(arguments, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw unsupported(source.dockerfile(), source.line(), "invalid exec form: " + e.getOriginalMessage());
        }
    }

    /** The instructions with comments dropped and continuation lines joined. */
    private static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\\R", -1)) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line)
                    .append(' ');
            if (!continues) {
                instructions.add(current.toString().trim());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            instructions.add(current.toString().trim());
        }
        return instructions;
    }

    private static UnsupportedDockerfileException unsupported(Path dockerfile, String line, String why) {
        return new UnsupportedDockerfileException("cannot build " + dockerfile + " with Jib: '" + line + "': " + why);
    }
}
