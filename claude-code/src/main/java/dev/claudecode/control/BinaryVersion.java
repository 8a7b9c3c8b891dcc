package dev.claudecode.control;

import java.util.Objects;
import java.util.Optional;

/**
 * The version of the CLI a session runs, as the running process reports it.
 *
 * @param version e.g. {@code 2.1.197}
 * @param buildTime when that binary was built, ISO 8601 ({@code buildTime})
 */
public record BinaryVersion(String version, Optional<String> buildTime) {

    /** Validates the components. */
    public BinaryVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(buildTime, "buildTime");
    }
}
