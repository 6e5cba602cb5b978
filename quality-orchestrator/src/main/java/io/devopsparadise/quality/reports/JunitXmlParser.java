package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * JUnit XML, as pytest, jest-junit, Maven Surefire and Newman write it: a {@code testsuites} root or a single
 * {@code testsuite}, suites possibly nested; a case fails with {@code failure}, errs with {@code error}, and is
 * skipped with {@code skipped}.
 */
public final class JunitXmlParser {

    private static final String FORMAT = "JUnit XML";

    public List<TestCaseResult> parse(Path file) {
        Element root = XmlReports.root(FORMAT, file);
        if (!root.getTagName().equals("testsuites") && !root.getTagName().equals("testsuite")) {
            throw new ReportParseException(
                    FORMAT, file, "the root element is neither <testsuites> nor <testsuite>", null);
        }
        List<TestCaseResult> cases = new ArrayList<>();
        collect(root, cases, file);
        return cases;
    }

    private void collect(Element suite, List<TestCaseResult> cases, Path file) {
        String suiteName = XmlReports.attribute(suite, "name");
        for (Element testCase : XmlReports.children(suite, "testcase")) {
            cases.add(toResult(suiteName, testCase, file));
        }
        XmlReports.children(suite, "testsuite").forEach(child -> collect(child, cases, file));
    }

    private static TestCaseResult toResult(String suite, Element testCase, Path file) {
        String name = XmlReports.attribute(testCase, "name");
        if (name == null) {
            throw new ReportParseException(FORMAT, file, "a <testcase> has no name", null);
        }
        String className = XmlReports.attribute(testCase, "classname");
        Element failure = first(testCase, "failure");
        Element error = first(testCase, "error");
        // Surefire's reruns (rerunFailingTestsCount) mark a test that failed, then passed, with flakyFailure or
        // flakyError
        Element flaky = first(testCase, "flakyFailure") != null
                ? first(testCase, "flakyFailure")
                : first(testCase, "flakyError");
        TestStatus status = failure != null
                ? TestStatus.FAILED
                : error != null
                        ? TestStatus.ERROR
                        : first(testCase, "skipped") != null
                                ? TestStatus.SKIPPED
                                : flaky != null ? TestStatus.FLAKY : TestStatus.PASSED;
        Element problem = failure != null ? failure : error != null ? error : flaky;
        return new TestCaseResult(
                className != null ? className : suite,
                name,
                XmlReports.attribute(testCase, "file"),
                status,
                seconds(XmlReports.attribute(testCase, "time")),
                problem == null ? null : message(problem));
    }

    private static Element first(Element parent, String name) {
        List<Element> found = XmlReports.children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String message(Element problem) {
        String message = XmlReports.attribute(problem, "message");
        return message != null && !message.isBlank()
                ? message
                : problem.getTextContent().strip();
    }

    private static double seconds(String time) {
        try {
            return time == null ? 0 : Double.parseDouble(time.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
