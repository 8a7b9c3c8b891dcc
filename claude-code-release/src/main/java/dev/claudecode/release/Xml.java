package dev.claudecode.release;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Reading POM-shaped XML: direct children by name, without namespaces, DTDs or external entities. */
final class Xml {

    private Xml() {
    }

    /**
     * Parses a document.
     *
     * @param content the XML
     * @return its root element
     * @throws IOException when it is not well-formed XML
     */
    static Element parse(byte[] content) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on errors, prints nothing
            return builder.parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * @param parent an element
     * @param name a child's name
     * @return the children of that name, in document order
     */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    /**
     * @param parent an element, or none
     * @param path names of nested children, e.g. {@code "build", "plugins"}
     * @return the first element at that path
     */
    static Optional<Element> child(Optional<Element> parent, String... path) {
        Optional<Element> current = parent;
        for (String name : path) {
            current = current.flatMap(element -> children(element, name).stream().findFirst());
        }
        return current;
    }

    /**
     * @param parent an element
     * @param path names of nested children
     * @return the trimmed text of the element at that path, when it has some
     */
    static Optional<String> text(Element parent, String... path) {
        return child(Optional.of(parent), path).map(element -> element.getTextContent().strip()).filter(text -> !text.isEmpty());
    }

    /**
     * @param parent an element, or none
     * @param container the name of the list element, e.g. {@code "dependencies"}
     * @param item the name of its items, e.g. {@code "dependency"}
     * @return the items, none when there is no list
     */
    static List<Element> list(Optional<Element> parent, String container, String item) {
        return child(parent, container).map(list -> children(list, item)).orElse(List.of());
    }
}
