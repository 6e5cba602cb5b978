package io.devopsparadise.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The Claude Code CLI, when it is installed: adds the gateway as an MCP server with {@code claude mcp add}. */
final class ClaudeCode {

    private final Path executable;

    private ClaudeCode(Path executable) {
        this.executable = executable;
    }

    /** The {@code claude} on the PATH, if any. */
    static Optional<ClaudeCode> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("claude", "claude.cmd", "claude.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(new ClaudeCode(candidate));
                }
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    /**
     * Replaces the server of that name in the scope with the gateway (remove, then add: safe to rerun). The header
     * names the token's environment variable, which Claude Code expands when it connects: the token itself never goes
     * on a command line (where any local user's {@code ps} sees it) or into Claude Code's configuration.
     */
    void addServer(String name, String url, String tokenVariable, String scope, Path workdir) {
        run(workdir, List.of("mcp", "remove", name, "-s", scope), true);
        run(
                workdir,
                List.of(
                        "mcp",
                        "add",
                        "--transport",
                        "http",
                        name,
                        url,
                        "--header",
                        "Authorization: Bearer ${" + tokenVariable + "}",
                        "-s",
                        scope),
                false);
    }

    private void run(Path workdir, List<String> arguments, boolean mayFail) {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workdir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CliException(
                        "claude " + arguments.get(0) + " " + arguments.get(1) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0 && !mayFail) {
                throw new CliException("claude " + String.join(" ", arguments.subList(0, 2)) + " failed (exit "
                        + process.exitValue() + "): " + output.strip().replaceAll("Bearer \\S+", "Bearer ***"));
            }
        } catch (IOException e) {
            throw new CliException("cannot run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while running claude");
        }
    }
}
