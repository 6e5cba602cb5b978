package io.devopsparadise.reports.render;

import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/**
 * Every test of the run in one JUnit XML file: a testsuite per tool (with the run's score and grade as properties),
 * the run as the testsuites root. The semantic tool's type diagnostics are a suite of failing cases too.
 */
@Component
public class JunitReportRenderer implements ReportRenderer {

    @Override
    public ReportFormat format() {
        return ReportFormat.JUNIT;
    }

    @Override
    public String render(ReportModel model) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            List<ToolOutcome> tools = new java.util.ArrayList<>(
                    model.tools().stream().filter(t -> !t.tests().isEmpty()).toList());
            model.checkers().forEach(checker -> tools.add(asTests(checker)));
            List<TestCaseResult> all =
                    tools.stream().flatMap(t -> t.tests().stream()).toList();
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "quality run " + model.run().summary().id());
            counts(xml, all);
            for (ToolOutcome tool : tools) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", xmlText(tool.tool()));
                counts(xml, tool.tests());
                properties(xml, model);
                for (TestCaseResult test : tool.tests()) {
                    testCase(xml, test);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return out + "\n";
    }

    /**
     * A type checker's findings as failing cases, one per diagnostic (as type checkers' own JUnit outputs do): the
     * file is the class name, "rule line:column" the case's name.
     */
    private static ToolOutcome asTests(ToolOutcome checker) {
        List<TestCaseResult> cases = checker.findings().stream()
                .map(f -> new TestCaseResult(
                        f.file(),
                        f.rule() + " " + f.line() + (f.column() == null ? "" : ":" + f.column()),
                        f.file(),
                        TestStatus.FAILED,
                        0,
                        f.severity() + ": " + f.message(),
                        f.introduced()))
                .toList();
        return ToolOutcome.tests(
                checker.tool(), checker.category(), checker.status(), checker.durationMillis(), cases, null);
    }

    /** The run's score and grade, in every suite (the place JUnit readers look for properties). */
    private static void properties(XMLStreamWriter xml, ReportModel model) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "paradise.runId", model.run().summary().id());
        property(xml, "paradise.score", Integer.toString(model.run().score().value()));
        property(xml, "paradise.grade", model.run().score().grade());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", xmlText(value));
    }

    private static void counts(XMLStreamWriter xml, List<TestCaseResult> tests) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests.size()));
        xml.writeAttribute(
                "failures",
                Long.toString(tests.stream()
                        .filter(t -> t.status() == TestStatus.FAILED)
                        .count()));
        xml.writeAttribute(
                "errors",
                Long.toString(tests.stream()
                        .filter(t -> t.status() == TestStatus.ERROR)
                        .count()));
        xml.writeAttribute(
                "skipped",
                Long.toString(tests.stream()
                        .filter(t -> t.status() == TestStatus.SKIPPED)
                        .count()));
        xml.writeAttribute(
                "time",
                seconds(tests.stream()
                        .mapToDouble(TestCaseResult::durationSeconds)
                        .sum()));
    }

    private static void testCase(XMLStreamWriter xml, TestCaseResult test) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        boolean empty = test.status() == TestStatus.PASSED;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", test.suite() == null ? "" : xmlText(test.suite()));
        xml.writeAttribute("name", xmlText(test.name()));
        xml.writeAttribute("time", seconds(test.durationSeconds()));
        if (test.file() != null) {
            xml.writeAttribute("file", xmlText(test.file()));
        }
        if (empty) {
            return;
        }
        xml.writeCharacters("\n      ");
        switch (test.status()) {
            case SKIPPED:
                xml.writeEmptyElement("skipped");
                break;
            case FAILED:
            case ERROR:
            case FLAKY:
                String message = test.failureMessage() == null ? "" : xmlText(test.failureMessage());
                // Surefire's element for a test that failed, then passed on a rerun: JUnit readers count it as passed
                xml.writeStartElement(
                        test.status() == TestStatus.FAILED
                                ? "failure"
                                : test.status() == TestStatus.ERROR ? "error" : "flakyFailure");
                xml.writeAttribute("message", firstLine(message));
                xml.writeCharacters(message);
                xml.writeEndElement();
                break;
            default:
                break;
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /**
     * Text from the tested repository as XML 1.0 can hold it: control characters other than tab and line breaks, and
     * halves of broken surrogate pairs, become U+FFFD (the writer escapes markup, but would pass these through and leave
     * the file unreadable to every JUnit reader).
     */
    static String xmlText(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (clean != null) {
                    clean.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) {
                clean.append(allowed ? c : '\uFFFD');
            }
        }
        return clean == null ? text : clean.toString();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
