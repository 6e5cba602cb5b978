package io.devopsparadise.quality.insights.history;

import java.util.regex.Pattern;

/** Which files hold tests, by the naming conventions of pytest, JUnit/Maven and jest. */
public final class TestFiles {

    private static final Pattern TEST = Pattern.compile(
            "(^|/)(tests?|__tests__|spec)/|(^|/)test_[^/]*\\.py$|_test\\.py$|(Tests?|IT)\\.(java|kt)$|\\.(test|spec)\\.[cm]?[jt]sx?$");

    private TestFiles() {}

    public static boolean isTest(String path) {
        return TEST.matcher(path).find();
    }
}
