package dev.claudecode.release;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What must be inside a component's jars: classes in the jar, Java sources in the sources jar,
 * and in the Javadoc jar an index and no page of an internal package, which is not API.
 */
final class ArchiveCheck {

    private ArchiveCheck() {
    }

    /**
     * Checks the jars a component has.
     *
     * @param bundle the bundle
     * @param component the component
     * @param report where problems go
     */
    static void check(Bundle bundle, Component component, Report report) {
        if (component.has(".jar")) {
            entries(bundle, component.path(".jar"), report).ifPresent(names -> {
                if (names.stream().noneMatch(n -> n.endsWith(".class"))) {
                    report.error(component.path(".jar"), "holds no class");
                }
            });
        }
        if (component.has("-sources.jar")) {
            entries(bundle, component.path("-sources.jar"), report).ifPresent(names -> {
                if (names.stream().noneMatch(n -> n.endsWith(".java"))) {
                    report.error(component.path("-sources.jar"), "holds no Java source");
                }
            });
        }
        if (component.has("-javadoc.jar")) {
            entries(bundle, component.path("-javadoc.jar"), report).ifPresent(names -> {
                if (!names.contains("index.html")) {
                    report.error(component.path("-javadoc.jar"), "has no index.html");
                }
                List<String> internal = names.stream().filter(ArchiveCheck::internal).toList();
                if (!internal.isEmpty()) {
                    report.error(component.path("-javadoc.jar"), "documents internal packages, which are not API: "
                            + String.join(", ", internal.subList(0, Math.min(3, internal.size())))
                            + (internal.size() > 3 ? " and " + (internal.size() - 3) + " more" : ""));
                }
            });
        }
    }

    /**
     * @param name an entry of a Javadoc jar
     * @return whether it belongs to a package named {@code internal} or below one
     */
    static boolean internal(String name) {
        return name.endsWith(".html") && List.of(name.split("/")).contains("internal");
    }

    private static Optional<List<String>> entries(Bundle bundle, String path, Report report) {
        List<String> names = new ArrayList<>();
        try (InputStream raw = bundle.open(path); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            report.error(path, "is not a readable jar: " + e.getMessage());
            return Optional.empty();
        }
        if (names.isEmpty()) {
            report.error(path, "is not a jar, or an empty one");
            return Optional.empty();
        }
        return Optional.of(names);
    }
}
