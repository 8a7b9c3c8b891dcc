package dev.claudecode.control;

import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.message.SlashCommand;
import dev.claudecode.permission.PermissionMode;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The runtime controls of a session: what can be asked of or changed in its running CLI besides
 * turns. Get it with {@link dev.claudecode.Session#control()}.
 *
 * <pre>{@code
 * session.control().setModel("haiku");
 * session.control().setPermissionMode(PermissionMode.ACCEPT_EDITS);
 * List<McpServerStatus> servers = session.control().mcpStatus();
 * }</pre>
 *
 * <p>Controls work at any time, also while a turn streams. Each waits at most the {@linkplain
 * dev.claudecode.options.ClaudeCodeOptions#controlTimeout() control timeout} for the CLI's answer,
 * failing with {@link dev.claudecode.errors.ControlTimeoutException}; the CLI's refusals become a
 * {@link dev.claudecode.errors.ControlException} carrying its message. A control call made while
 * the CLI is still starting waits for its start-up handshake, within the same timeout, and one
 * made when no CLI runs (after a crash or {@link dev.claudecode.Session#clear()}) starts one. On a
 * stopped session every control fails with {@link dev.claudecode.errors.SessionClosedException}.
 * Model, permission mode and thinking budget set here are given again to every new CLI the
 * session starts.
 *
 * <p>All methods are thread-safe. The library implements this interface; it gains methods as the
 * CLI gains controls, so it is not meant to be implemented elsewhere. For a control the CLI has
 * and this interface has no method for, use {@link #request}.
 */
public interface SessionControl {

    // ---------------------------------------------------------------- model, thinking, permissions

    /**
     * Switches the model for the following API calls, also mid-turn. The CLI does not check the
     * name: an unknown model fails only at its next API call. The CLI reports the switch with a
     * {@code <local-command-stdout>} user message (marked {@code isReplay}).
     *
     * @param model a model alias such as {@code sonnet}, a full model id, or {@code default}; see
     *     {@link #supportedModels()}
     * @throws IllegalArgumentException when the name is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void setModel(String model);

    /**
     * Switches back to the model the session started with: the options' {@code model}, or the
     * CLI's default model when the options name none. (The CLI's own reset, a {@code set_model}
     * without a model, always goes to its default, whatever {@code --model} said.)
     *
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void resetModel();

    /**
     * Sets the thinking budget of the following API calls: a number of tokens, 0 to turn thinking
     * off, or empty for the default. Models with adaptive thinking only take 0 into account.
     *
     * @param maxThinkingTokens the budget, not negative, 0 for off; empty for the default
     * @throws IllegalArgumentException when negative
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void setMaxThinkingTokens(OptionalInt maxThinkingTokens);

    /**
     * Changes the permission mode. The CLI accepts any value without checking it, so pass one of
     * the {@link PermissionMode} constants, or {@link PermissionMode#of} for a mode of a newer CLI;
     * a valid change is reported with a {@code system/status} message.
     *
     * @param mode the new mode
     * @throws dev.claudecode.errors.ControlException when the CLI refuses, e.g. {@code
     *     bypassPermissions} in a session not started with {@code allowDangerouslySkipPermissions}
     */
    void setPermissionMode(PermissionMode mode);

    // ---------------------------------------------------------------- MCP servers

    /**
     * Lists the session's MCP servers with their connection status, tools and errors.
     *
     * @return the servers, in the CLI's order
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    List<McpServerStatus> mcpStatus();

    /**
     * Reconnects an MCP server that the CLI connects to itself, e.g. one that failed.
     *
     * @param serverName the server's name
     * @throws IllegalArgumentException when the name is blank
     * @throws dev.claudecode.errors.ControlException for an unknown server ({@code Server not
     *     found: …}) and for in-process SDK servers, which the CLI cannot reconnect
     */
    void mcpReconnect(String serverName);

    /**
     * Switches an MCP server off or on. A server switched off keeps its status but offers no
     * tools; an in-process SDK server cannot be switched back on.
     *
     * @param serverName the server's name
     * @param enabled whether it is on
     * @throws IllegalArgumentException when the name is blank
     * @throws dev.claudecode.errors.ControlException for an unknown server, or when the CLI cannot
     *     switch it
     */
    void mcpToggle(String serverName, boolean enabled);

    /**
     * Replaces the session's dynamically managed MCP servers with these, connecting the new ones.
     * That set includes servers registered at start-up as in-process SDK servers, but not those
     * of the options' {@code mcpServers} or {@code mcpConfig}. An empty map removes them all. The
     * change lasts as long as the current CLI.
     *
     * @param servers the servers by name
     * @return the servers added and removed, and those that could not be started with the reason
     * @throws IllegalArgumentException when a name is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    McpSetServersResult setMcpServers(Map<String, ? extends McpServerConfig> servers);

    // ---------------------------------------------------------------- files and background tasks

    /**
     * Restores the files the session changed to their state before a user message, deleting
     * files created since. Needs {@link dev.claudecode.options.ClaudeCodeOptions#enableFileCheckpointing()}.
     *
     * @param userMessageId the uuid of a user message of this session, as given with {@link
     *     dev.claudecode.UserInput#withUuid} or read from a replayed user message
     * @param dryRun true to only report what a rewind would change
     * @return the result; a dry run without checkpointing says so in {@code error}
     * @throws IllegalArgumentException when the id is blank
     * @throws dev.claudecode.errors.ControlException when a real rewind is impossible:
     *     checkpointing off ({@code File rewinding is not enabled.}) or no checkpoint for that message
     */
    RewindResult rewindFiles(String userMessageId, boolean dryRun);

    /**
     * Stops a background task (a background Bash command or subagent). Its end is reported with
     * {@code system/task_updated} and a {@code system/task_notification} whose status is
     * {@code stopped}. An unknown or finished task is not an error.
     *
     * @param taskId the task id, from {@link dev.claudecode.message.TaskStartedMessage#taskId()}
     * @throws IllegalArgumentException when the id is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void stopTask(String taskId);

    // ---------------------------------------------------------------- context, title and settings

    /**
     * Reports how full the context window is, by category. The CLI may take a second for it.
     *
     * @return the usage
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    ContextUsage contextUsage();

    /**
     * Sets the session's title, as {@code /rename} does; it is stored with the session.
     *
     * @param title the title, not blank
     * @throws IllegalArgumentException when the title is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void renameSession(String title);

    /**
     * Reports the settings in effect: merged, per source, and as actually applied.
     *
     * @return the settings
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    EffectiveSettings effectiveSettings();

    /**
     * Layers settings over the session's at runtime, as the {@code flagSettings} source, e.g.
     * {@code Map.of("model", "haiku")}. They last as long as the current CLI.
     *
     * @param settings settings as plain JSON values
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void applyFlagSettings(Map<String, ?> settings);

    // ---------------------------------------------------------------- what the CLI is and offers

    /**
     * Asks the running CLI for its version.
     *
     * @return the version and build time
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    BinaryVersion binaryVersion();

    /**
     * Tells what the current CLI reported at start-up: commands, agents, models, account, output
     * styles. Waits for the start-up handshake when it is under way, and starts a CLI when none
     * runs.
     *
     * @return the server info of the current CLI
     * @throws dev.claudecode.errors.CliProcessException when the CLI exits before it answers
     */
    ServerInfo serverInfo();

    /**
     * Lists the models the session can switch to, from {@link #serverInfo()}.
     *
     * @return the models
     * @throws dev.claudecode.errors.CliProcessException when the CLI exits before it answers
     */
    List<ModelInfo> supportedModels();

    /**
     * Lists the slash commands and skills the session offers, from {@link #serverInfo()}.
     *
     * @return the commands
     * @throws dev.claudecode.errors.CliProcessException when the CLI exits before it answers
     */
    List<SlashCommand> supportedCommands();

    /**
     * Lists the subagents the session offers, from {@link #serverInfo()}.
     *
     * @return the agents
     * @throws dev.claudecode.errors.CliProcessException when the CLI exits before it answers
     */
    List<AgentInfo> supportedAgents();

    /**
     * Tells who the CLI runs as, from {@link #serverInfo()}.
     *
     * @return the account
     * @throws dev.claudecode.errors.CliProcessException when the CLI exits before it answers
     */
    AccountInfo accountInfo();

    // ---------------------------------------------------------------- any other control

    /**
     * Sends a control request of any subtype and returns the CLI's answer, for subtypes this
     * interface has no method for (for example {@code get_usage} or {@code reload_plugins} of the
     * pinned CLI, or those of newer CLIs). It waits for the start-up handshake like every control
     * call.
     *
     * @param subtype the request's subtype, e.g. {@code get_usage}
     * @param fields its other fields as plain JSON values
     * @return the answer's payload as plain JSON; empty when the answer has none
     * @throws IllegalArgumentException when the subtype is blank
     * @throws dev.claudecode.errors.ControlException when the CLI answers with an error, e.g.
     *     {@code Unsupported control request subtype: …}
     */
    Map<String, Object> request(String subtype, Map<String, ?> fields);
}
