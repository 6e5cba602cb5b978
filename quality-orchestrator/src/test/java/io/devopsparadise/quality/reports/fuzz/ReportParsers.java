package io.devopsparadise.quality.reports.fuzz;

import io.devopsparadise.quality.reports.BanditJsonParser;
import io.devopsparadise.quality.reports.CoberturaParser;
import io.devopsparadise.quality.reports.Flake8Parser;
import io.devopsparadise.quality.reports.JacocoXmlParser;
import io.devopsparadise.quality.reports.JunitXmlParser;
import io.devopsparadise.quality.reports.LighthouseJsonParser;
import io.devopsparadise.quality.reports.NpmAuditJsonParser;
import io.devopsparadise.quality.reports.PylintJsonParser;
import io.devopsparadise.quality.reports.SarifParser;
import io.devopsparadise.quality.reports.ShellcheckJsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Every report parser with every entry point the runners call, and the recorded reports that seed its mutations. */
record ReportParsers(String name, Function<Path, Object> parse, List<String> seeds) {

    static final List<ReportParsers> ALL = List.of(
            new ReportParsers(
                    "junit",
                    file -> new JunitXmlParser().parse(file),
                    List.of(
                            "pytest-junit.xml",
                            "surefire-junit.xml",
                            "jest-junit.xml",
                            "newman-junit.xml",
                            "playwright-junit.xml")),
            new ReportParsers(
                    "cobertura",
                    file -> List.of(new CoberturaParser().parse(file), new CoberturaParser().lineHits(file)),
                    List.of("pytest-coverage.xml", "jest-coverage.xml")),
            new ReportParsers("jacoco", file -> new JacocoXmlParser().parse(file), List.of("jacoco.xml")),
            new ReportParsers(
                    "sarif", file -> new SarifParser().parse(file, "file:///workspace/"), List.of("eslint.sarif")),
            new ReportParsers("pylint", file -> new PylintJsonParser().parse(file), List.of("pylint.json")),
            new ReportParsers("bandit", file -> new BanditJsonParser().parse(file), List.of("bandit.json")),
            new ReportParsers("shellcheck", file -> new ShellcheckJsonParser().parse(file), List.of("shellcheck.json")),
            new ReportParsers(
                    "npm-audit",
                    file -> List.of(
                            new NpmAuditJsonParser().error(file),
                            new NpmAuditJsonParser().parse(file, "package-lock.json")),
                    List.of("npm-audit.json", "npm-audit-refused.json")),
            new ReportParsers(
                    "lighthouse",
                    file -> List.of(
                            new LighthouseJsonParser().runtimeError(file), new LighthouseJsonParser().parse(file)),
                    List.of("lighthouse.json", "lighthouse-unreachable.json")),
            new ReportParsers("flake8", file -> new Flake8Parser().parse(file), List.of("flake8.txt")));

    static ReportParsers named(String name) {
        return ALL.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parser " + name));
    }

    @Override
    public String toString() {
        return name;
    }
}
