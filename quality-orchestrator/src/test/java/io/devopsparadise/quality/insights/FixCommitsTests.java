package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.insights.history.FixCommits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixCommitsTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Fix off-by-one in chunked()|true",
                "fixes #12: remap drops keys|true",
                "Closes #40|true",
                "handle the crash when the cache is empty|true",
                "bugfix for OMD.pop|true",
                "Add remap()|false",
                "Fix typo in docs|false",
                "fix flake8 warnings|false",
                "prefix handling|false",
                "Debug output for iterutils|false"
            })
    void aFixIsToldByItsMessage(String message, boolean fix) {
        assertThat(FixCommits.isFix(message)).isEqualTo(fix);
    }
}
