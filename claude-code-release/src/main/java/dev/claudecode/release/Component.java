package dev.claudecode.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One component of a bundle: the files of one groupId, artifactId and version.
 *
 * @param coordinates its coordinates, from its directory
 * @param suffixes what follows {@code artifactId-version} in each of its files' names, e.g.
 *     {@code .pom}, {@code -sources.jar}, {@code .jar.sha1}
 */
record Component(Coordinates coordinates, List<String> suffixes) {

    /** Copies the list. */
    Component {
        suffixes = List.copyOf(suffixes);
    }

    /**
     * Sorts a bundle's files into components, and reports those that are not where a Maven
     * repository keeps them.
     *
     * @param bundle the bundle
     * @param report where misplaced files are reported
     * @return the components, by directory
     */
    static List<Component> of(Bundle bundle, Report report) {
        Map<String, Coordinates> coordinates = new TreeMap<>();
        Map<String, List<String>> suffixes = new LinkedHashMap<>();
        for (String path : bundle.paths()) {
            String[] parts = path.split("/");
            if (parts.length < 4) {
                report.error(path, "not in a groupId/artifactId/version directory");
                continue;
            }
            String artifactId = parts[parts.length - 3];
            String version = parts[parts.length - 2];
            String file = parts[parts.length - 1];
            String prefix = artifactId + "-" + version;
            if (!file.startsWith(prefix) || file.length() == prefix.length()
                    || (file.charAt(prefix.length()) != '.' && file.charAt(prefix.length()) != '-')) {
                report.error(path, "its name does not start with " + prefix + ", as the files of its directory must");
                continue;
            }
            String groupId = String.join(".", List.of(parts).subList(0, parts.length - 3));
            Coordinates component = new Coordinates(groupId, artifactId, version);
            coordinates.put(component.directory(), component);
            suffixes.computeIfAbsent(component.directory(), d -> new ArrayList<>()).add(file.substring(prefix.length()));
        }
        List<Component> components = new ArrayList<>();
        coordinates.forEach((directory, component) -> components.add(new Component(component, suffixes.get(directory))));
        return components;
    }

    /**
     * @param suffix e.g. {@code -sources.jar}
     * @return whether the component has that file
     */
    boolean has(String suffix) {
        return suffixes.contains(suffix);
    }

    /**
     * @param suffix e.g. {@code -sources.jar}
     * @return the file's path in the bundle
     */
    String path(String suffix) {
        return coordinates.file(suffix);
    }

    /** @return the suffixes of the files that are neither checksums nor signatures */
    List<String> primaries() {
        return suffixes.stream().filter(s -> !Checksums.isChecksum(s) && !s.endsWith(".asc")).toList();
    }
}
