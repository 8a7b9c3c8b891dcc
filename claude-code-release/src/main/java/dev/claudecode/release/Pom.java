package dev.claudecode.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What one POM file says, as written: nothing inherited and no {@code ${...}} resolved (see
 * {@link Lineage} for that).
 *
 * @param parent the parent's coordinates
 * @param groupId the groupId, when the POM states it
 * @param artifactId the artifactId
 * @param version the version, when the POM states it
 * @param packaging the packaging, {@code jar} by default
 * @param name the name
 * @param description the description
 * @param url the project's url
 * @param licenses the licences
 * @param developers the developers
 * @param scm the source control location
 * @param properties the properties
 * @param declarations the dependencies, managed dependencies, plugins and extensions, also those of profiles
 * @param modules the module directories of an aggregator
 */
record Pom(
        Optional<Coordinates> parent,
        Optional<String> groupId,
        String artifactId,
        Optional<String> version,
        String packaging,
        Optional<String> name,
        Optional<String> description,
        Optional<String> url,
        List<License> licenses,
        List<Developer> developers,
        Optional<Scm> scm,
        Map<String, String> properties,
        List<Declaration> declarations,
        List<String> modules) {

    /**
     * A licence.
     *
     * @param name its name, e.g. {@code Apache-2.0}
     * @param url where its text is
     */
    record License(Optional<String> name, Optional<String> url) {
    }

    /**
     * A developer.
     *
     * @param id the id
     * @param name the name
     */
    record Developer(Optional<String> id, Optional<String> name) {
    }

    /**
     * Source control.
     *
     * @param url the browsable url
     * @param connection the read-only connection
     */
    record Scm(Optional<String> url, Optional<String> connection) {
    }

    /**
     * A versioned thing the POM refers to.
     *
     * @param kind what it is: {@code dependency}, {@code managed dependency}, {@code plugin}, ...
     * @param groupId its groupId, possibly with {@code ${...}}
     * @param artifactId its artifactId
     * @param version its version as written, when there is one
     * @param scope its scope, {@code compile} by default
     */
    record Declaration(String kind, String groupId, String artifactId, Optional<String> version, String scope) {

        /** @return {@code groupId:artifactId} */
        String key() {
            return groupId + ":" + artifactId;
        }
    }

    /** Copies the lists. */
    Pom {
        licenses = List.copyOf(licenses);
        developers = List.copyOf(developers);
        properties = Map.copyOf(properties);
        declarations = List.copyOf(declarations);
        modules = List.copyOf(modules);
    }

    /**
     * Reads a POM file.
     *
     * @param file the file
     * @return what it says
     * @throws IOException when it cannot be read or is no POM
     */
    static Pom read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses a POM.
     *
     * @param content the XML
     * @param where the file or entry it came from, for messages
     * @return what it says
     * @throws IOException when it is no POM
     */
    static Pom parse(byte[] content, String where) throws IOException {
        Element project;
        try {
            project = Xml.parse(content);
        } catch (IOException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
        if (!project.getTagName().equals("project")) {
            throw new IOException(where + ": not a POM (the root element is <" + project.getTagName() + ">)");
        }
        String artifactId = Xml.text(project, "artifactId")
                .orElseThrow(() -> new IOException(where + ": the POM has no <artifactId>"));
        Optional<Coordinates> parent = Xml.child(Optional.of(project), "parent").map(element -> new Coordinates(
                Xml.text(element, "groupId").orElse(""), Xml.text(element, "artifactId").orElse(""), Xml.text(element, "version").orElse("")));
        Optional<Element> root = Optional.of(project);
        return new Pom(
                parent,
                Xml.text(project, "groupId"),
                artifactId,
                Xml.text(project, "version"),
                Xml.text(project, "packaging").orElse("jar"),
                Xml.text(project, "name"),
                Xml.text(project, "description"),
                Xml.text(project, "url"),
                Xml.list(root, "licenses", "license").stream()
                        .map(e -> new License(Xml.text(e, "name"), Xml.text(e, "url"))).toList(),
                Xml.list(root, "developers", "developer").stream()
                        .map(e -> new Developer(Xml.text(e, "id"), Xml.text(e, "name"))).toList(),
                Xml.child(root, "scm").map(e -> new Scm(Xml.text(e, "url"), Xml.text(e, "connection"))),
                properties(project),
                declarations(project),
                Xml.list(root, "modules", "module").stream().map(e -> e.getTextContent().strip()).toList());
    }

    private static Map<String, String> properties(Element project) {
        Map<String, String> properties = new LinkedHashMap<>();
        Xml.child(Optional.of(project), "properties").ifPresent(list -> {
            for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        });
        return properties;
    }

    private static List<Declaration> declarations(Element project) {
        List<Declaration> found = new ArrayList<>();
        collect(Optional.of(project), "", found);
        for (Element profile : Xml.list(Optional.of(project), "profiles", "profile")) {
            collect(Optional.of(profile), " of profile " + Xml.text(profile, "id").orElse("?"), found);
        }
        return found;
    }

    private static void collect(Optional<Element> base, String suffix, List<Declaration> found) {
        dependencies(Xml.list(base, "dependencies", "dependency"), "dependency" + suffix, found);
        dependencies(Xml.list(Xml.child(base, "dependencyManagement"), "dependencies", "dependency"), "managed dependency" + suffix, found);
        Optional<Element> build = Xml.child(base, "build");
        plugins(Xml.list(build, "plugins", "plugin"), "plugin", suffix, found);
        plugins(Xml.list(Xml.child(build, "pluginManagement"), "plugins", "plugin"), "managed plugin", suffix, found);
        for (Element extension : Xml.list(build, "extensions", "extension")) {
            found.add(declaration("extension" + suffix, extension, ""));
        }
    }

    private static void dependencies(List<Element> elements, String kind, List<Declaration> found) {
        for (Element dependency : elements) {
            found.add(declaration(kind, dependency, ""));
        }
    }

    private static void plugins(List<Element> elements, String kind, String suffix, List<Declaration> found) {
        for (Element plugin : elements) {
            found.add(declaration(kind + suffix, plugin, "org.apache.maven.plugins"));
            dependencies(Xml.list(Optional.of(plugin), "dependencies", "dependency"), kind + " dependency" + suffix, found);
        }
    }

    private static Declaration declaration(String kind, Element element, String defaultGroup) {
        return new Declaration(kind,
                Xml.text(element, "groupId").orElse(defaultGroup),
                Xml.text(element, "artifactId").orElse(""),
                Xml.text(element, "version"),
                Xml.text(element, "scope").orElse("compile"));
    }
}
