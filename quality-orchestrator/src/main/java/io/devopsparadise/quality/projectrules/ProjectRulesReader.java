package io.devopsparadise.quality.projectrules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a workspace root's configuration files (pyproject.toml, setup.cfg, tox.ini, .flake8, .coveragerc,
 * ruff.toml, package.json, linter rc files) into {@link ProjectRules}. A file that cannot be read counts as absent,
 * and the reason is kept, so that a malformed file never stops a run.
 */
public final class ProjectRulesReader {

    private static final List<String> ESLINT_CONFIGS = List.of(
            "eslint.config.js",
            "eslint.config.mjs",
            "eslint.config.cjs",
            "eslint.config.ts",
            "eslint.config.mts",
            "eslint.config.cts",
            ".eslintrc",
            ".eslintrc.js",
            ".eslintrc.cjs",
            ".eslintrc.yaml",
            ".eslintrc.yml",
            ".eslintrc.json");
    private static final List<String> JEST_CONFIGS = List.of(
            "jest.config.js",
            "jest.config.ts",
            "jest.config.mjs",
            "jest.config.cjs",
            "jest.config.mts",
            "jest.config.cts",
            "jest.config.json");

    private final Path root;
    private final ConfigFiles files;
    private final List<String> unreadable = new ArrayList<>();

    private ProjectRulesReader(Path root) {
        this.root = root;
        this.files = new ConfigFiles(root);
    }

    public static ProjectRules read(Path root) {
        return new ProjectRulesReader(root).rules();
    }

    private ProjectRules rules() {
        JsonNode pyproject = attempt(() -> files.toml("pyproject.toml"))
                .orElse(JsonMapper.shared().missingNode());
        Optional<IniFile> setupCfg = attempt(() -> files.ini("setup.cfg"));
        Optional<IniFile> toxIni = attempt(() -> files.ini("tox.ini"));
        Optional<IniFile> flake8File = attempt(() -> files.ini(".flake8"));
        Optional<RuffSettings> ruff = ruff(pyproject);
        Set<String> linters = new HashSet<>();
        if (section(setupCfg, "flake8") || section(toxIni, "flake8") || section(flake8File, "flake8")) {
            linters.add("flake8");
        }
        if (files.exists(".pylintrc")
                || files.exists("pylintrc")
                || pyproject.path("tool").has("pylint")
                || pylintSection(setupCfg)
                || pylintSection(toxIni)) {
            linters.add("pylint");
        }
        if (ruff.isPresent()
                || files.exists("ruff.toml")
                || files.exists(".ruff.toml")
                || pyproject.path("tool").has("ruff")) {
            linters.add("ruff");
        }
        if (ESLINT_CONFIGS.stream().anyMatch(files::exists) || packageJson().has("eslintConfig")) {
            linters.add("eslint");
        }
        if (files.exists(".shellcheckrc")) {
            linters.add("shellcheck");
        }
        boolean coverage = pyproject.path("tool").path("coverage").has("run")
                || files.exists(".coveragerc")
                || section(setupCfg, "coverage:run")
                || section(toxIni, "coverage:run");
        Optional<ToxPytestCommand> tox = toxIni.flatMap(ini -> ini.get("testenv", "commands"))
                .flatMap(commands -> ToxPytestCommand.of(commands, root));
        return new ProjectRules(
                linters, ruff, tox, coverage, flake8Exclude(setupCfg, toxIni, flake8File), jestConfig(), unreadable);
    }

    /** Ruff's own precedence: .ruff.toml, then ruff.toml, then pyproject.toml's [tool.ruff]. */
    private Optional<RuffSettings> ruff(JsonNode pyproject) {
        for (String name : List.of(".ruff.toml", "ruff.toml")) {
            if (files.exists(name)) {
                return attempt(() -> files.toml(name).map(table -> RuffSettings.of(name, table)));
            }
        }
        JsonNode table = pyproject.path("tool").path("ruff");
        return table.isObject()
                ? attempt(() -> Optional.of(RuffSettings.of("pyproject.toml", table)))
                : Optional.empty();
    }

    /** flake8 reads the first of setup.cfg, tox.ini, .flake8 that has a [flake8] section. */
    private static ExcludePatterns flake8Exclude(
            Optional<IniFile> setupCfg, Optional<IniFile> toxIni, Optional<IniFile> flake8File) {
        Optional<IniFile> config = setupCfg.filter(ini -> ini.has("flake8"))
                .or(() -> toxIni.filter(ini -> ini.has("flake8")))
                .or(() -> flake8File.filter(ini -> ini.has("flake8")));
        List<String> globs = new ArrayList<>(config.map(ini -> ini.list("flake8", "exclude"))
                .filter(list -> !list.isEmpty())
                .orElse(ExcludePatterns.FLAKE8_DEFAULT));
        config.ifPresent(ini -> globs.addAll(ini.list("flake8", "extend-exclude")));
        return new ExcludePatterns(globs);
    }

    /** A jest.config.* file, else package.json when it holds a "jest" block. */
    private Optional<String> jestConfig() {
        return JEST_CONFIGS.stream()
                .filter(files::exists)
                .findFirst()
                .or(() ->
                        Optional.of("package.json").filter(name -> packageJson().has("jest")));
    }

    private JsonNode packageJson() {
        return attempt(() -> files.text("package.json").map(this::json))
                .orElse(JsonMapper.shared().missingNode());
    }

    private JsonNode json(String text) {
        try {
            return JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new UnreadableConfigException("package.json", at == null ? 0 : at.getLineNr(), "malformed JSON");
        }
    }

    private static boolean section(Optional<IniFile> ini, String section) {
        return ini.map(file -> file.has(section)).orElse(false);
    }

    private static boolean pylintSection(Optional<IniFile> ini) {
        return ini.map(file -> file.sections().stream().anyMatch(s -> s.startsWith("pylint.") || s.equals("MASTER")))
                .orElse(false);
    }

    private <T> Optional<T> attempt(Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (UnreadableConfigException e) {
            unreadable.add(e.getMessage());
            return Optional.empty();
        }
    }
}
