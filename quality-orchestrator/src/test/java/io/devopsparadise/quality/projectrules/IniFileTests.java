package io.devopsparadise.quality.projectrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IniFileTests {

    @Test
    void readsAnIniFileAsConfigparserDoes() {
        IniFile ini = IniFile.parse("""
                # a comment
                [flake8]
                Max-Line-Length = 120
                exclude =
                    .git,
                    ; a comment inside the value is dropped
                    build
                extend-ignore: E203

                [testenv]
                commands = pytest {posargs}
                """, "setup.cfg");

        assertThat(ini.sections()).containsExactly("flake8", "testenv");
        assertThat(ini.get("flake8", "max-line-length")).contains("120");
        assertThat(ini.list("flake8", "exclude")).containsExactly(".git", "build");
        assertThat(ini.get("flake8", "extend-ignore")).contains("E203");
        assertThat(ini.get("testenv", "commands")).contains("pytest {posargs}");
        assertThat(ini.get("testenv", "changedir")).isEmpty();
    }

    @Test
    void anOptionBeforeAnySectionIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> IniFile.parse("\nmax-line-length = 120\n", "tox.ini"))
                .isInstanceOf(UnreadableConfigException.class)
                .hasMessage("tox.ini: line 2: an option before any [section] header");
    }

    @Test
    void aRepeatedSectionIsAnError() {
        assertThatThrownBy(() -> IniFile.parse("[a]\nx = 1\n[a]\n", "setup.cfg"))
                .hasMessageContaining("line 3: section [a] appears twice");
    }

    @Test
    void aRepeatedOptionIsAnError() {
        assertThatThrownBy(() -> IniFile.parse("[a]\nx = 1\nX = 2\n", "setup.cfg"))
                .hasMessageContaining("line 3: option 'x' appears twice");
    }

    @Test
    void aLineWithoutValueIsAnError() {
        assertThatThrownBy(() -> IniFile.parse("[a]\njust words\n", "setup.cfg"))
                .hasMessageContaining("line 2: expected 'key = value'");
    }

    @Test
    void aSectionHeaderWithoutItsClosingBracketIsAnError() {
        assertThatThrownBy(() -> IniFile.parse("[a\n", "setup.cfg"))
                .hasMessageContaining("line 1: a section header without its closing ']'");
    }
}
