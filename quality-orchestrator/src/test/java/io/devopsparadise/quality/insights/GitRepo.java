package io.devopsparadise.quality.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A small Git repository written by a test with the git command: files, commits by chosen authors at chosen times. */
final class GitRepo {

    private final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    static GitRepo init(Path root) throws Exception {
        Files.createDirectories(root);
        GitRepo repo = new GitRepo(root);
        repo.git(Map.of(), "init", "-q", "-b", "main");
        return repo;
    }

    /** An existing repository (a corpus clone). */
    static GitRepo open(Path root) {
        return new GitRepo(root);
    }

    Path root() {
        return root;
    }

    GitRepo write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        return this;
    }

    /** Commits everything as {@code author} at {@code time}; returns the commit's id. */
    String commit(String message, String author, Instant time) throws Exception {
        String date = time.getEpochSecond() + " +0000";
        Map<String, String> env = Map.of(
                "GIT_AUTHOR_NAME",
                author,
                "GIT_AUTHOR_EMAIL",
                author + "@example.org",
                "GIT_AUTHOR_DATE",
                date,
                "GIT_COMMITTER_NAME",
                author,
                "GIT_COMMITTER_EMAIL",
                author + "@example.org",
                "GIT_COMMITTER_DATE",
                date);
        git(env, "add", "-A");
        git(env, "commit", "-q", "--allow-empty", "-m", message);
        return git(Map.of(), "rev-parse", "HEAD").strip();
    }

    String git(Map<String, String> env, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** Lines {@code from} to {@code to} as text, one per line, for files of a known size. */
    static String lines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(prefix).append(i).append('\n');
        }
        return text.toString();
    }
}
