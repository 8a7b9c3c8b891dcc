package dev.claudecode.release;

import java.util.Objects;

/**
 * The coordinates of one published component.
 *
 * @param groupId e.g. {@code dev.claudecode}
 * @param artifactId e.g. {@code claude-code}
 * @param version e.g. {@code 0.2.0}
 */
record Coordinates(String groupId, String artifactId, String version) {

    /** Validates the components. */
    Coordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
    }

    /** @return the component's directory in a Maven repository, e.g. {@code dev/claudecode/claude-code/0.2.0} */
    String directory() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version;
    }

    /**
     * @param suffix what follows the base name, e.g. {@code .jar} or {@code -sources.jar}
     * @return the path of that file in a Maven repository
     */
    String file(String suffix) {
        return directory() + "/" + artifactId + "-" + version + suffix;
    }

    /** @return whether this is a development version, which Maven Central does not take */
    boolean snapshot() {
        return version.endsWith("-SNAPSHOT");
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
