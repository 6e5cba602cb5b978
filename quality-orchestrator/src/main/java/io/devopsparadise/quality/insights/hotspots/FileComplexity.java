package io.devopsparadise.quality.insights.hotspots;

import java.util.List;

/** A file's functions and their cyclomatic complexity: the sum over its functions, and its most complex one. */
public record FileComplexity(String file, List<FunctionComplexity> functions) {

    public FileComplexity {
        functions = List.copyOf(functions);
    }

    public int total() {
        return functions.stream().mapToInt(FunctionComplexity::complexity).sum();
    }

    public int highest() {
        return functions.stream().mapToInt(FunctionComplexity::complexity).max().orElse(0);
    }
}
