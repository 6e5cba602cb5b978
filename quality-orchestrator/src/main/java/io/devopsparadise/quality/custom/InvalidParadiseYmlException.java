package io.devopsparadise.quality.custom;

import java.util.List;

/** A workspace's {@code .paradise.yml} that cannot be used: unreadable, not YAML, or tools that break the rules. */
public class InvalidParadiseYmlException extends RuntimeException {

    private static final int SHOWN = 10;

    private final List<String> problems;

    public InvalidParadiseYmlException(List<String> problems) {
        super(ParadiseYml.FILE + ": " + String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
                + (problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, with its line where the file gives one ({@code line 4: tools[0].command …}). */
    public List<String> problems() {
        return problems;
    }
}
