package io.devopsparadise.quality.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads XML reports with external DTDs and entities off and entity expansion and nesting bounded: a report is data from
 * the workspace, not trusted (its size is bounded before, by the copy that is parsed).
 * A DOCTYPE line itself is allowed, since istanbul's Cobertura reporter writes one.
 */
final class XmlReports {

    private static final org.xml.sax.ErrorHandler SILENT = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
            // ignored: a warning does not stop the parse
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) {
            // ignored, as the default handler does (after printing it)
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlReports() {}

    static Element root(String format, Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // internal entities stay, bounded: a report cannot expand into a billion laughs
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "1000");
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "1000000");
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", "100000");
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "500");
            var builder = factory.newDocumentBuilder();
            // the default handler prints every error to stderr, words of the file included: stay silent, fail below
            builder.setErrorHandler(SILENT);
            Document document = builder.parse(file.toFile());
            return document.getDocumentElement();
        } catch (SAXException e) {
            // the parser's words may quote the file, which the tested code wrote: say where, never what
            String where = e instanceof org.xml.sax.SAXParseException at
                    ? " at line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                    : "";
            throw new ReportParseException(format, file, "not well-formed XML" + where, null);
        } catch (IOException e) {
            throw new ReportParseException(
                    format, file, "cannot be read (" + e.getClass().getSimpleName() + ")", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    /** Child elements with the given name, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }
}
