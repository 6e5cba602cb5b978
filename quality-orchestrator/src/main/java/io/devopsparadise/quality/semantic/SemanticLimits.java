package io.devopsparadise.quality.semantic;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of the semantic step ({@code paradise.quality.semantic.*}): every call to the client's code backend is
 * timed out and its answer size capped, and the step as a whole has a time budget.
 *
 * @param connectTimeout     connecting to the instance's MCP endpoint and initializing a session
 * @param callTimeout        one tool call (diagnostics of a file, references of a symbol)
 * @param maxAnswerSize      the largest answer read from one call; a larger one fails that call
 * @param timeBudget         the whole step; what is left undone when it runs out is named in the analysis's notes
 * @param maxFiles           source files whose diagnostics are asked for (changed files first, then the others by path)
 * @param maxOverviewFiles   files listed in the code overview
 * @param maxSymbolsPerFile  symbols kept per file (overview and change)
 * @param maxChangedSymbols  changed symbols whose references are looked up
 * @param maxReferences      references kept per changed symbol
 */
public record SemanticLimits(
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("1MB") DataSize maxAnswerSize,
        @DefaultValue("5m") Duration timeBudget,
        @DefaultValue("200") int maxFiles,
        @DefaultValue("100") int maxOverviewFiles,
        @DefaultValue("200") int maxSymbolsPerFile,
        @DefaultValue("30") int maxChangedSymbols,
        @DefaultValue("200") int maxReferences) {

    public SemanticLimits {
        requirePositive("call-timeout", callTimeout);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("time-budget", timeBudget);
        if (maxAnswerSize == null || maxAnswerSize.toBytes() < 1024 || maxAnswerSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "paradise.quality.semantic.max-answer-size must be between 1KB and 2GB, got " + maxAnswerSize);
        }
        if (maxFiles < 0
                || maxOverviewFiles < 0
                || maxSymbolsPerFile < 0
                || maxChangedSymbols < 0
                || maxReferences < 0) {
            throw new IllegalArgumentException("paradise.quality.semantic.max-* must be 0 or more");
        }
    }

    /** The defaults, for tests and tools outside the service. */
    public static SemanticLimits defaults() {
        return new SemanticLimits(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                DataSize.ofMegabytes(1),
                Duration.ofMinutes(5),
                200,
                100,
                200,
                30,
                200);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("paradise.quality.semantic." + name + " must be positive, got " + value);
        }
    }
}
