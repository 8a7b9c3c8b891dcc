package dev.claudecode.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a Claude Code CLI binary was found, and which rule of {@link CliResolver} found it.
 *
 * @param path the absolute path of the executable
 * @param source the rule that found it
 */
public record CliLocation(Path path, Source source) {

    /**
     * Checks the components.
     *
     * @param path the absolute path of the executable
     * @param source the rule that found it
     */
    public CliLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
    }

    /** The rules of {@link CliResolver}, in the order they are tried. */
    public enum Source {
        /** The path given to {@link CliResolver.Builder#cliPath(Path)}. */
        EXPLICIT,
        /** The environment variable {@value CliResolver#ENV_CLI_PATH}. */
        ENVIRONMENT,
        /** The managed install of the pinned version in the cache directory, installed earlier. */
        MANAGED,
        /** A {@code claude} executable on the {@code PATH}. */
        PATH,
        /** One of the usual install locations, such as {@code ~/.claude/local/claude}. */
        COMMON_LOCATION,
        /** The managed install, installed just now because auto-install was enabled. */
        INSTALLED
    }
}
