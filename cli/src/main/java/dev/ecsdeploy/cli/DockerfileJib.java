package dev.ecsdeploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ecsdeploy.core.ecr.JibImage;
import dev.ecsdeploy.core.ecr.JibLayer;
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
 * Reads a simple Dockerfile as a Jib image so that one Dockerfile serves every builder, and a machine without
 * docker, podman or buildah still builds. Jib runs no commands, so only the instructions that describe files and
 * metadata are supported: FROM, COPY (with {@code --chmod=755}), LABEL, ENV, WORKDIR, ENTRYPOINT, CMD; EXPOSE and
 * USER are ignored. Anything else (RUN, ADD, ARG, multi-stage builds) is refused with the line that needs a real
 * builder.
 */
final class DockerfileJib {
    private static final Pattern KEY_VALUE = Pattern.compile("([^\\s=]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    private DockerfileJib() {}

    static JibImage read(Path dockerfile, Path context) {
        JibImage.Builder image = JibImage.builder();
        boolean sawFrom = false;
        for (String line : instructions(dockerfile)) {
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
            apply(image, instruction, arguments, dockerfile, context, line);
        }
        if (!sawFrom) {
            throw CliFailure.badInput(dockerfile + " has no FROM line: it is not a Dockerfile", null);
        }
        return image.build();
    }

    private static void apply(
            JibImage.Builder image, String instruction, String arguments, Path dockerfile, Path context, String line) {
        switch (instruction) {
            case "COPY" -> copy(image, arguments, dockerfile, context, line);
            case "LABEL" -> keyValues(arguments).forEach(pair -> image.putLabel(pair[0], pair[1]));
            case "ENV" -> keyValues(arguments).forEach(pair -> image.putEnvironment(pair[0], pair[1]));
            case "WORKDIR" -> image.workingDirectory(arguments);
            case "ENTRYPOINT" -> image.entrypoint(argv(arguments));
            case "CMD" -> image.command(argv(arguments));
            case "EXPOSE", "USER" -> {}
            default -> throw unsupported(dockerfile, line, instruction + " runs or fetches something");
        }
    }

    private static void copy(JibImage.Builder image, String arguments, Path dockerfile, Path context, String line) {
        List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
        boolean executable = false;
        while (!words.isEmpty() && words.get(0).startsWith("--")) {
            String flag = words.remove(0);
            if (!flag.startsWith("--chmod=")) {
                throw unsupported(dockerfile, line, "COPY " + flag + " is not supported by Jib");
            }
            executable = flag.endsWith("755") || flag.endsWith("+x");
        }
        if (words.size() < 2) {
            throw unsupported(dockerfile, line, "COPY needs a source and a destination");
        }
        String destination = words.get(words.size() - 1);
        for (String source : words.subList(0, words.size() - 1)) {
            Path file = context.resolve(source).normalize();
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

    private static List<String> argv(String arguments) {
        if (!arguments.startsWith("[")) {
            return List.of("/bin/sh", "-c", arguments);
        }
        try {
            return JsonOutput.MAPPER.readValue(arguments, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw CliFailure.badInput("invalid exec form " + arguments + ": " + e.getOriginalMessage(), null);
        }
    }

    /** The instructions with comments dropped and continuation lines joined. */
    private static List<String> instructions(Path dockerfile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.badInput("Dockerfile unreadable: " + dockerfile + ": " + e.getMessage(), null);
        }
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
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

    private static CliFailure unsupported(Path dockerfile, String line, String why) {
        return CliFailure.badInput(
                "cannot build " + dockerfile + " with Jib: '" + line + "': " + why,
                "use --builder docker, podman or buildah, or keep the Dockerfile to FROM, COPY, LABEL, ENV, WORKDIR,"
                        + " ENTRYPOINT and CMD");
    }
}
