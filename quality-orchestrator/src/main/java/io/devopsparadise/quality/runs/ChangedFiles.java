package io.devopsparadise.quality.runs;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The changed files a run was given, confined to the workspace: a path that is absolute, leads out of the workspace
 * is dropped, with the reason, and never reaches a tool's command line.
 *
 * @param kept    workspace-relative, normalized
 * @param dropped why each dropped path was dropped
 */
record ChangedFiles(List<String> kept, List<String> dropped) {

    ChangedFiles {
        kept = List.copyOf(kept);
        dropped = List.copyOf(dropped);
    }

    static ChangedFiles confine(Path workspace, List<String> changed) {
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String file : changed == null ? List.<String>of() : changed) {
            whyDropped(workspace, file)
                    .ifPresentOrElse(
                            why -> dropped.add("changed file '" + shown(file) + "' dropped: " + why),
                            () -> kept.add(Path.of(file).normalize().toString()));
        }
        return new ChangedFiles(kept, dropped);
    }

    private static java.util.Optional<String> whyDropped(Path workspace, String file) {
        if (file == null || file.isBlank()) {
            return java.util.Optional.of("it is empty");
        }
        if (file.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return java.util.Optional.of("it holds control characters");
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return java.util.Optional.of("it is not a path");
        }
        if (path.isAbsolute()) {
            return java.util.Optional.of("it is absolute; give paths relative to the workspace");
        }
        Path normalized = path.normalize();
        if (normalized.toString().isEmpty()
                || normalized.startsWith("..")
                || !workspace.resolve(normalized).normalize().startsWith(workspace)) {
            return java.util.Optional.of("it leads outside the workspace");
        }
        return java.util.Optional.empty();
    }

    private static String shown(String file) {
        String printable = file == null ? "" : file.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "…" : printable;
    }
}
