package dev.claudecode.control;

import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.message.SlashCommand;
import dev.claudecode.options.ThinkingDisplay;
import dev.claudecode.permission.PermissionMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Each method names the control request it sends. Those marked "2.1.332" were added to the CLI
 * after 2.1.197: an older CLI answers them with {@code Unsupported control request subtype}, a
 * {@link dev.claudecode.errors.ControlException}. The interrupt is on the session itself
 * ({@link dev.claudecode.Session#interrupt()}), since it never starts a CLI.
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
     * Sets how the model's thinking appears for the rest of the session ({@code thinking_display}
     * of {@code set_max_thinking_tokens}, without touching the budget). {@link ThinkingDisplay#HIGHLIGHTS}
     * (one short title per stretch of thinking) is honoured by the API only for sessions Anthropic
     * hosts; where the CLI knows it cannot send it, it refuses with the reason and keeps the display.
     * A new CLI started by the session gets the display again.
     *
     * @param display the display
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void setThinkingDisplay(ThinkingDisplay display);

    /**
     * Clears a display set with {@link #setThinkingDisplay}, so the CLI's default handling applies
     * again ({@code thinking_display: null}).
     *
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void clearThinkingDisplay();

    /**
     * Changes the permission mode ({@code set_permission_mode}). Pass one of the
     * {@link PermissionMode} constants, or {@link PermissionMode#of} for a mode of a newer CLI; a
     * valid change is reported with a {@code system/status} message. CLI 2.1.197 accepts any value;
     * 2.1.332 refuses an unknown one (error code {@code invalid_mode}).
     *
     * @param mode the new mode
     * @return the mode now in effect, which can differ from the one asked for (the answer's
     *     {@code mode}); empty when the CLI names none. Record this, not the argument
     * @throws dev.claudecode.errors.ControlException when the CLI refuses, e.g. {@code
     *     bypassPermissions} in a session not started with {@code allowDangerouslySkipPermissions}
     */
    Optional<PermissionMode> setPermissionMode(PermissionMode mode);

    /**
     * Pins, for one MCP server, a stricter permission mode than the session's: the override
     * applies only where the session's mode would allow a call on its own ({@code bypassPermissions},
     * {@code auto}), so it never widens what is allowed ({@code set_mcp_permission_mode_override}).
     *
     * @param serverName the server, by the name it is registered under
     * @param mode {@link PermissionMode#DEFAULT} to ask before each call or {@link PermissionMode#AUTO}
     *     to let the classifier decide; empty clears the override
     * @return the CLI's warning when no server of that name is known yet (the override is kept
     *     and applies once one connects)
     * @throws IllegalArgumentException when the name is blank or the mode is neither default nor auto
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    Optional<String> setMcpPermissionModeOverride(String serverName, Optional<PermissionMode> mode);

    /**
     * Lists the session's permission rules with their sources, and its workspace directories, as
     * {@code /permissions} shows them ({@code list_permission_rules}, 2.1.332).
     *
     * @return the rules
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    PermissionRules permissionRules();

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
     * Reads an MCP Apps UI resource ({@code ui://}) from a server the CLI connects to itself, for
     * a host that renders a tool's widget ({@code mcp_read_resource}, 2.1.332). In-process SDK
     * servers are refused: read those directly.
     *
     * @param serverName the server, as {@link #mcpStatus()} names it
     * @param uri the resource, a {@code ui://} URI
     * @return the resource's items: untrusted HTML, to be rendered sandboxed
     * @throws IllegalArgumentException when the name is blank or the URI is not a {@code ui://} URI
     * @throws dev.claudecode.errors.ControlException for an unknown or unconnected server, or the
     *     server's own error
     */
    McpResourceContents readMcpResource(String serverName, String uri);

    /**
     * Calls an MCP tool directly, without a model turn ({@code mcp_call}). With no permission
     * check unless {@link McpCall#checkingPermissions()} is set.
     *
     * @param call the tool, its arguments and how to call it
     * @return the tool's result
     * @throws dev.claudecode.errors.ControlException when the call could not be made (server not
     *     connected, an in-process server) or the tool failed
     */
    McpCallResult mcpCall(McpCall call);

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
     * Reads a file through the CLI, under the read permissions of its {@code Read} tool, as UTF-8
     * text of at most 1 MB ({@code read_file}).
     *
     * @param path relative to the CLI's working directory, or absolute, on the CLI's machine
     * @return the file
     * @throws IllegalArgumentException when the path is blank
     * @throws dev.claudecode.errors.ControlException when the file is missing or reading it is not allowed
     */
    FileContents readFile(String path);

    /**
     * Reads a file through the CLI with a size limit and an encoding ({@code read_file}).
     *
     * @param path relative to the CLI's working directory, or absolute
     * @param maxBytes the most bytes to read; empty for 1 MB
     * @param encoding {@link FileContents.Encoding#BASE64} for binary files such as images
     * @return the file
     * @throws IllegalArgumentException when the path is blank or {@code maxBytes} is not positive
     * @throws dev.claudecode.errors.ControlException when the file is missing or reading it is not allowed
     */
    FileContents readFile(String path, OptionalInt maxBytes, FileContents.Encoding encoding);

    /**
     * Tells the CLI that a file was read at a given modification time, so that an {@code Edit} of
     * it is allowed although the {@code Read} left the context, e.g. after compaction
     * ({@code seed_read_state}). A file changed since then still needs a fresh read.
     *
     * @param path the file that was read
     * @param modified its modification time at that read (sent as whole milliseconds)
     * @throws IllegalArgumentException when the path is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void seedReadState(String path, Instant modified);

    /**
     * Suggests files for a partial {@code @}-mention, ranked as the terminal's typeahead
     * ({@code file_suggestions}).
     *
     * @param query the partial path
     * @return the suggestions
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    FileSuggestions fileSuggestions(String query);

    /**
     * Adds a directory as a working-directory root; it must be a strict subdirectory of the
     * working directory or of an {@code addDirs} directory ({@code register_repo_root}). Fires the
     * {@code DirectoryAdded} hook on 2.1.332.
     *
     * @param directory the directory
     * @param reloadClaudeMd whether {@code CLAUDE.md} files are reloaded
     * @param reloadPlugins whether plugins are reloaded
     * @param reloadSkills whether skills are reloaded
     * @return the registered root, absolute
     * @throws dev.claudecode.errors.ControlException for a directory outside those roots, one
     *     registered already, or a missing one
     */
    String registerRepoRoot(Path directory, boolean reloadClaudeMd, boolean reloadPlugins, boolean reloadSkills);

    /**
     * Drops a queued user message before it runs ({@code cancel_async_message}); messages get
     * uuids through {@link dev.claudecode.UserInput#withUuid}.
     *
     * @param messageUuid the message's uuid
     * @return whether it was still queued and is now cancelled; false when it already ran or runs
     * @throws IllegalArgumentException when the uuid is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    boolean cancelAsyncMessage(String messageUuid);

    /**
     * Sends every foreground task (Bash commands, subagents) to the background, as Ctrl+B does:
     * each blocking tool call returns at once and the task reports with a
     * {@code task_notification} when it ends ({@code background_tasks}).
     *
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void backgroundTasks();

    /**
     * Sends the task a tool use started to the background ({@code background_tasks} with
     * {@code tool_use_id}).
     *
     * @param toolUseId the tool use that started the task
     * @throws IllegalArgumentException when the id is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void backgroundTask(String toolUseId);

    /**
     * Reads the end (the last 8 KiB) of a background shell or Monitor task's output, running or
     * ended, without a model turn ({@code get_task_output}, 2.1.332).
     *
     * @param taskId the task, from {@code task_started} or {@code background_tasks_changed}
     * @return the output
     * @throws IllegalArgumentException when the id is blank
     * @throws dev.claudecode.errors.ControlException for a task id that is not a shell or Monitor task of the session
     */
    TaskOutput taskOutput(String taskId);

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
     * Reports how full the context window is, counted fully or estimated ({@code detail} of
     * {@code get_context_usage}, 2.1.332; older CLIs always count fully).
     *
     * @param detail {@link ContextUsage.Detail#SUMMARY} to skip the token-count API calls
     * @return the usage
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    ContextUsage contextUsage(ContextUsage.Detail detail);

    /**
     * Reports the session's cost and usage, and the plan's rate-limit windows where a claude.ai
     * plan applies ({@code get_usage}; the CLI calls its shape experimental).
     *
     * @return the report
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    UsageReport usage();

    /**
     * Like {@link #usage()}, optionally without the scan of local transcripts behind
     * {@code behaviors} ({@code skip_behaviors}, 2.1.332; older CLIs always scan).
     *
     * @param skipBehaviors whether to skip the scan
     * @return the report
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    UsageReport usage(boolean skipBehaviors);

    /**
     * Returns the cost summary text the CLI's {@code /cost} prints ({@code get_session_cost}).
     *
     * @return the text, several lines
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    String sessionCost();

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
     * Writes settings into a settings file through the CLI's own writer and applies them, as
     * {@code /config} does ({@code update_settings}, 2.1.332). Each file takes an allow-list of keys
     * with string values: {@code outputStyle} for {@link SettingsFile#LOCAL}, {@code effortLevel}
     * for {@link SettingsFile#USER}.
     *
     * @param file the file
     * @param settings the keys to merge, as plain JSON values
     * @throws dev.claudecode.errors.ControlException for a key the file does not take, or when the
     *     session's {@code settingSources} exclude the file
     */
    void updateSettings(SettingsFile file, Map<String, ?> settings);

    /**
     * Reloads plugins from disk and reports the session's components afterwards
     * ({@code reload_plugins}).
     *
     * @return the commands, agents, plugins and MCP servers
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    PluginsReload reloadPlugins();

    /**
     * Reloads plugins as the request says: held on cache impact, refused while busy (error code
     * {@code reload_plugins_busy}), or with plugins added (2.1.332 for each of these).
     *
     * @param reload how to reload
     * @return the commands, agents, plugins and MCP servers
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    PluginsReload reloadPlugins(ReloadPlugins reload);

    /**
     * Reloads skills from disk ({@code reload_skills}).
     *
     * @return the skill commands
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    List<SlashCommand> reloadSkills();

    /**
     * Re-reads the output-style directories, so that a style written during the session can be
     * used ({@code reload_output_styles}, 2.1.332).
     *
     * @return the output style names, built-in and custom
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    List<String> reloadOutputStyles();

    /**
     * Lists the hooks the session runs, by event and source, as {@code /hooks} shows them
     * ({@code get_hooks_listing}, 2.1.332).
     *
     * @return the listing
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    HooksListing hooksListing();

    /**
     * Sets the session's accent color ({@code set_color}). CLI 2.1.197 and 2.1.332 answer it with
     * {@code Unsupported control request subtype} in a stream-json session; it is for CLIs that
     * render a color.
     *
     * @param color an agent color name, or {@code default}
     * @throws IllegalArgumentException when the color is blank
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void setColor(String color);

    /**
     * Tells the CLI whether anybody watches the output this host passes on; it matters only for a
     * CLI started with {@code CLAUDE_CODE_STREAM_EVENT_HOLD_MS} ({@code set_has_subscribers}, 2.1.332).
     * Send it again to each new CLI.
     *
     * @param hasSubscribers whether anybody watches; empty for "unknown", which counts as watched
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    void setHasSubscribers(Optional<Boolean> hasSubscribers);

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
     * Asks the running CLI for the models it can switch to now ({@code list_models}, 2.1.332),
     * which can differ from the start-up list of {@link #supportedModels()}.
     *
     * @return the models
     * @throws dev.claudecode.errors.ControlException when the CLI refuses
     */
    List<ModelInfo> listModels();

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
     * interface has no method for, such as those of newer CLIs. It waits for the start-up handshake like every control
     * call.
     *
     * @param subtype the request's subtype, e.g. {@code get_plan}
     * @param fields its other fields as plain JSON values
     * @return the answer's payload as plain JSON; empty when the answer has none
     * @throws IllegalArgumentException when the subtype is blank
     * @throws dev.claudecode.errors.ControlException when the CLI answers with an error, e.g.
     *     {@code Unsupported control request subtype: …}
     */
    Map<String, Object> request(String subtype, Map<String, ?> fields);
}
