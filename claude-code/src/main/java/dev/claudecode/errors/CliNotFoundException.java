package dev.claudecode.errors;

import java.nio.file.Path;
import java.util.List;

/**
 * No usable Claude Code CLI binary was found. The message names every place that was looked at
 * and how to install the CLI; {@link #searched()} gives the same places as paths.
 */
public class CliNotFoundException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Path> searched;

    /**
     * Creates the exception.
     *
     * @param message what was missing and how to get a CLI
     * @param searched every path that was checked, in order
     */
    public CliNotFoundException(String message, List<Path> searched) {
        super(message);
        this.searched = List.copyOf(searched);
    }

    /** {@return every path that was checked, in the order it was checked} */
    public List<Path> searched() {
        // null only after deserialization, which drops the paths
        return searched == null ? List.of() : searched;
    }
}
