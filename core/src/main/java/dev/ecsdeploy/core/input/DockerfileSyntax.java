package dev.ecsdeploy.core.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a Dockerfile is one before any builder sees it, so a typo is bad input with every builder (podman,
 * buildah, the Docker CLI, Jib) and is found before the repository is created or anything is pushed. It checks the
 * syntax every builder shares: each instruction is one Docker knows, and the first is FROM (or an ARG before it).
 * Whether a builder can do what the instructions ask is the builder's business.
 */
public final class DockerfileSyntax {
    /** The instructions of the Dockerfile reference. */
    private static final Set<String> INSTRUCTIONS = Set.of(
            "ADD",
            "ARG",
            "CMD",
            "COPY",
            "ENTRYPOINT",
            "ENV",
            "EXPOSE",
            "FROM",
            "HEALTHCHECK",
            "LABEL",
            "MAINTAINER",
            "ONBUILD",
            "RUN",
            "SHELL",
            "STOPSIGNAL",
            "USER",
            "VOLUME",
            "WORKDIR");

    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*");
    private static final Pattern HEREDOC = Pattern.compile("<<-?[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    private DockerfileSyntax() {}

    /** Reads the Dockerfile on this machine and returns it, or the first line that is not Dockerfile syntax. */
    public static Parsed<Path> check(Path dockerfile) {
        try {
            return check(dockerfile, Files.readString(dockerfile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Parsed.invalid(
                    "Dockerfile unreadable: " + dockerfile + ": " + e.getMessage(), "give a readable UTF-8 Dockerfile");
        }
    }

    /** Returns the Dockerfile whose text is given, or the first line that is not Dockerfile syntax. */
    public static Parsed<Path> check(Path dockerfile, String text) {
        String problem = firstProblem(text.lines().toList());
        if (problem == null) {
            return Parsed.valid(dockerfile);
        }
        return Parsed.invalid(
                "Dockerfile syntax error: " + dockerfile + " " + problem, "fix the line, then build again");
    }

    private static String firstProblem(List<String> lines) {
        char escape = escapeCharacter(lines);
        boolean continued = false;
        boolean seenFrom = false;
        String heredocEnd = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (heredocEnd != null) {
                heredocEnd = line.equals(heredocEnd) ? null : heredocEnd;
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean endsContinued = line.charAt(line.length() - 1) == escape;
            if (!continued) {
                String problem = instructionProblem(line, endsContinued, seenFrom);
                if (problem != null) {
                    return "line " + (i + 1) + ": " + problem;
                }
                seenFrom |= line.toUpperCase(Locale.ROOT).startsWith("FROM");
            }
            continued = endsContinued;
            Matcher heredoc = HEREDOC.matcher(line);
            if (!continued && heredoc.find()) {
                heredocEnd = heredoc.group(1);
            }
        }
        return seenFrom ? null : "has no FROM line: it is not a Dockerfile";
    }

    /** What is wrong with an instruction line, or null; arguments on continuation lines are not counted. */
    private static String instructionProblem(String line, boolean continued, boolean seenFrom) {
        String[] words = line.split("\\s+");
        String instruction = words[0].toUpperCase(Locale.ROOT);
        if (!INSTRUCTIONS.contains(instruction)) {
            return "unknown instruction " + words[0];
        }
        if (!seenFrom && !instruction.equals("FROM") && !instruction.equals("ARG")) {
            return instruction + " before the first FROM";
        }
        if (continued) {
            return null;
        }
        long arguments = java.util.Arrays.stream(words)
                .skip(1)
                .filter(word -> !word.startsWith("--"))
                .count();
        if (arguments == 0) {
            return instruction + " needs an argument";
        }
        if ((instruction.equals("COPY") || instruction.equals("ADD")) && arguments < 2 && !line.contains("<<")) {
            return instruction + " needs a source and a destination";
        }
        return null;
    }

    /** The escape directive ({@code # escape=`}) of the Dockerfile's first lines; a backslash without one. */
    private static char escapeCharacter(List<String> lines) {
        for (String line : lines) {
            Matcher directive = DIRECTIVE.matcher(line.strip());
            if (!directive.matches()) {
                break;
            }
            if (directive.group(1).equalsIgnoreCase("escape")
                    && directive.group(2).length() == 1) {
                return directive.group(2).charAt(0);
            }
        }
        return '\\';
    }
}
