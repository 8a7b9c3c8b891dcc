package dev.claudecode.console.session;

import dev.claudecode.permission.PermissionMode;
import java.util.List;

/**
 * The runtime controls of a live session that the console offers besides its turns: switching the
 * model and the permission mode, MCP status, context usage and rewinding files. Both front ends go
 * through this one interface, so each control is implemented once, against the library's
 * {@link dev.claudecode.Session}.
 */
public interface SessionControls {

    /**
     * Switches the model for the following turns.
     *
     * @param model a model name or alias, such as {@code sonnet}
     */
    void setModel(String model);

    /**
     * Switches the permission mode for the following tool uses.
     *
     * @param mode the mode
     */
    void setPermissionMode(PermissionMode mode);

    /** @return the session's MCP servers and their state */
    List<McpServerView> mcpStatus();

    /** @return how full the session's context window is */
    ContextUsageView contextUsage();

    /**
     * Restores the files the session changed to their state before a user message.
     *
     * @param userMessageId the uuid of the user message to go back to
     * @param dryRun whether to only report what would change
     * @return what changed, or would change
     * @throws UnsupportedOperationException when this session cannot rewind files
     */
    RewindView rewindFiles(String userMessageId, boolean dryRun);
}
