package io.devopsparadise.quality.projectrules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An INI file read with Python configparser's semantics, as flake8, tox, coverage and setuptools read setup.cfg,
 * tox.ini and .coveragerc: {@code [section]} headers, {@code key = value} or {@code key: value} (keys in lower
 * case), values continued on indented lines, full-line {@code #} and {@code ;} comments, no interpolation. Strict
 * like configparser: an option before any section, a line that is neither, or a repeated section or option is an
 * error with its line number.
 */
public final class IniFile {

    private final Map<String, Map<String, String>> sections;

    private IniFile(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    public static IniFile parse(String text, String name) {
        return new Reader(name).read(text);
    }

    public Set<String> sections() {
        return sections.keySet();
    }

    public boolean has(String section) {
        return sections.containsKey(section);
    }

    /** A value, its continuation lines joined with newlines. */
    public Optional<String> get(String section, String key) {
        return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key.toLowerCase()));
    }

    /** A value as a list: items separated by commas or newlines, blank items dropped. */
    public List<String> list(String section, String key) {
        return get(section, key).map(value -> List.of(value.split("[,\\n]"))).orElse(List.of()).stream()
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static final class Reader {

        private final String name;
        private final Map<String, Map<String, StringBuilder>> sections = new LinkedHashMap<>();
        private Map<String, StringBuilder> section;
        private String key;

        Reader(String name) {
            this.name = name;
        }

        IniFile read(String text) {
            String[] lines = text.split("\\r?\\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(lines[i], i + 1);
            }
            Map<String, Map<String, String>> read = new LinkedHashMap<>();
            sections.forEach((title, options) -> {
                Map<String, String> values = new LinkedHashMap<>();
                options.forEach((k, v) -> values.put(k, v.toString().strip()));
                read.put(title, values);
            });
            return new IniFile(read);
        }

        private void line(String line, int number) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                return;
            }
            if (stripped.isEmpty()) {
                if (key != null) {
                    section.get(key).append('\n');
                }
            } else if (Character.isWhitespace(line.charAt(0)) && key != null) {
                section.get(key).append('\n').append(stripped);
            } else if (stripped.startsWith("[")) {
                header(stripped, number);
            } else {
                option(stripped, number);
            }
        }

        private void header(String line, int number) {
            if (!line.endsWith("]")) {
                throw new UnreadableConfigException(name, number, "a section header without its closing ']'");
            }
            String title = line.substring(1, line.length() - 1).strip();
            if (sections.containsKey(title)) {
                throw new UnreadableConfigException(name, number, "section [" + title + "] appears twice");
            }
            section = new LinkedHashMap<>();
            sections.put(title, section);
            key = null;
        }

        private void option(String line, int number) {
            if (section == null) {
                throw new UnreadableConfigException(name, number, "an option before any [section] header");
            }
            int equals = line.indexOf('=');
            int colon = line.indexOf(':');
            int at = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
            if (at <= 0) {
                throw new UnreadableConfigException(name, number, "expected 'key = value'");
            }
            String option = line.substring(0, at).strip().toLowerCase();
            if (section.containsKey(option)) {
                throw new UnreadableConfigException(
                        name, number, "option '" + option + "' appears twice in its section");
            }
            section.put(option, new StringBuilder(line.substring(at + 1).strip()));
            key = option;
        }
    }
}
