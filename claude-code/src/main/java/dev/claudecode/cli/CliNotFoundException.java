package dev.claudecode.cli;

import dev.claudecode.ClaudeCodeException;
import java.nio.file.Path;
import java.util.List;

/**
 * No usable Claude Code CLI binary was found. The message names every place that was looked at
 * and how to install the CLI; {@link #searched()} gives the same places as paths.
 */
public class CliNotFoundException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /** How to get a CLI, appended to every message. */
    static final String HOW_TO_INSTALL = "Install the pinned version with `claude-code install-cli`"
            + " or CliInstaller.builder().build().install(), enable CliResolver.builder().autoInstall(true),"
            + " or point " + CliResolver.ENV_CLI_PATH + " at an existing binary.";

    private final transient List<Path> searched;

    /**
     * Creates the exception.
     *
     * @param message what was missing, without the installation hint (it is appended)
     * @param searched every path that was checked, in order
     */
    public CliNotFoundException(String message, List<Path> searched) {
        super(message + "\n" + HOW_TO_INSTALL);
        this.searched = List.copyOf(searched);
    }

    /** @return every path that was checked, in the order it was checked */
    public List<Path> searched() {
        // null only after deserialization, which drops the paths
        return searched == null ? List.of() : searched;
    }
}
