package io.devopsparadise.quality.impact;

import java.util.List;
import java.util.Locale;

/**
 * What a changed file is to test selection. Build, configuration and dependency files change what every test runs
 * with; a data file can be read by any test; documentation and repository tooling are read by none.
 */
enum FileKind {
    PYTHON,
    JAVA,
    DOCUMENTATION,
    REPOSITORY_TOOLING,
    BUILD,
    DATA;

    private static final List<String> BUILD_NAMES = List.of(
            "pyproject.toml",
            "setup.py",
            "setup.cfg",
            "tox.ini",
            "pytest.ini",
            ".coveragerc",
            "pipfile",
            "pipfile.lock",
            "poetry.lock",
            "uv.lock",
            "pdm.lock",
            "manifest.in",
            "package.json",
            "package-lock.json",
            "yarn.lock",
            "pnpm-lock.yaml",
            "pom.xml",
            "makefile",
            "noxfile.py",
            ".python-version",
            ".paradise.yml",
            "mvnw",
            "mvnw.cmd",
            "build.gradle",
            "build.gradle.kts",
            "settings.gradle",
            "settings.gradle.kts",
            "gradle.properties");
    private static final List<String> DOC_SUFFIXES = List.of(".md", ".rst", ".adoc");
    private static final List<String> DOC_NAMES = List.of(
            "license",
            "licence",
            "authors",
            "contributors",
            "changelog",
            "changes",
            "news",
            "history",
            "notice",
            "copying",
            "readme");
    private static final List<String> TOOLING = List.of(
            ".github/",
            ".gitlab/",
            ".circleci/",
            ".gitignore",
            ".gitattributes",
            ".mailmap",
            ".pre-commit-config.yaml",
            ".readthedocs.yml",
            ".readthedocs.yaml",
            ".editorconfig",
            ".git-blame-ignore-revs",
            "codecov.yml",
            ".codecov.yml",
            ".travis.yml",
            "appveyor.yml",
            ".appveyor.yml",
            "azure-pipelines.yml",
            ".gitlab-ci.yml",
            ".cirrus.yml",
            "conda.recipe/",
            ".devcontainer/",
            ".vscode/",
            ".idea/",
            ".mcp.json",
            ".claude/");

    static FileKind of(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        if (inDocs(lower) && !name.endsWith(".py")) {
            return DOCUMENTATION;
        }
        if (BUILD_NAMES.contains(name)
                || name.startsWith("requirements") && name.endsWith(".txt")
                || name.startsWith("dockerfile")
                || lower.startsWith(".mvn/")
                || lower.contains("/.mvn/")) {
            return BUILD;
        }
        if (name.endsWith(".py") && !isDocumentation(lower)) {
            return PYTHON;
        }
        if (name.endsWith(".java")) {
            return JAVA;
        }
        if (TOOLING.stream().anyMatch(t -> t.endsWith("/") ? lower.startsWith(t) : lower.equals(t))) {
            return REPOSITORY_TOOLING;
        }
        if (isDocumentation(lower)) {
            return DOCUMENTATION;
        }
        return DATA;
    }

    /** The documentation's own folders: what is there (its requirements and Sphinx configuration too) builds the docs only. */
    private static boolean inDocs(String lower) {
        return lower.startsWith("doc/") || lower.startsWith("docs/") || lower.startsWith("release-notes/");
    }

    private static boolean isDocumentation(String lower) {
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        boolean inDocs = inDocs(lower);
        boolean docFile = DOC_SUFFIXES.stream().anyMatch(name::endsWith) && !lower.contains("test");
        return inDocs && (!name.endsWith(".py") || name.equals("conf.py"))
                || docFile
                || DOC_NAMES.contains(stem) && !name.endsWith(".py");
    }
}
