package dev.claudecode.options;

import dev.claudecode.cli.InstallProgress;
import dev.claudecode.elicitation.ElicitationHandler;
import dev.claudecode.elicitation.UserDialogHandler;
import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.internal.Masking;
import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.observe.SessionObserver;
import dev.claudecode.permission.CanUseTool;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.SessionStoreFlush;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Everything that configures one Claude Code session: the CLI's command-line flags, its
 * environment, and how this library runs the process. Immutable; create one with
 * {@link #builder()}, derive a variant with {@link #toBuilder()}.
 *
 * <p>Unset values are empty {@code Optional}s, empty collections or {@code false}, and leave the
 * CLI's own default in force. Choices that exclude each other are types of their own
 * ({@link SessionStart}, {@link PromptText}, {@link Thinking}, {@link Settings}), so they cannot be
 * combined; {@link Builder#build()} rejects the contradictions that remain (for example
 * {@code canUseTool} together with {@code permissionPromptTool}) with an
 * {@link InvalidOptionsException}.
 *
 * <pre>{@code
 * ClaudeCodeOptions options = ClaudeCodeOptions.builder()
 *         .model("sonnet")
 *         .cwd(Path.of("project").toAbsolutePath())
 *         .permissionMode(PermissionMode.ACCEPT_EDITS)
 *         .allowedTools("Read", "Bash(git *)")
 *         .build();
 * }</pre>
 */
public final class ClaudeCodeOptions {

    /** How long a control request waits for its answer unless {@code controlTimeout} says otherwise. */
    public static final Duration DEFAULT_CONTROL_TIMEOUT = Duration.ofSeconds(60);

    /** The longest stdout line accepted when {@link #maxStdoutLineBytes()} is not set: 256 MiB. */
    public static final int DEFAULT_MAX_STDOUT_LINE_BYTES = 256 * 1024 * 1024;

    /** How many bytes of messages a turn holds for a slow consumer when {@link #maxBufferedBytes()} is not set: 32 MiB. */
    public static final int DEFAULT_MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
    /** How long a hook callback may take when its matcher sets no timeout. */
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofSeconds(60);
    /** How long the permission callback may take by default; it may be asking a person. */
    public static final Duration DEFAULT_PERMISSION_TIMEOUT = Duration.ofMinutes(5);
    /** How long the elicitation handler may take by default; it may be asking a person. */
    public static final Duration DEFAULT_ELICITATION_TIMEOUT = Duration.ofMinutes(5);
    /** How long the user dialog handler may take by default; it may be asking a person. */
    public static final Duration DEFAULT_USER_DIALOG_TIMEOUT = Duration.ofMinutes(5);
    /** How long an in-process MCP request (a tool call, mostly) may take by default. */
    public static final Duration DEFAULT_MCP_TIMEOUT = Duration.ofMinutes(5);
    /** How long each call that loads a session from a session store may take by default. */
    public static final Duration DEFAULT_SESSION_STORE_LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final Builder values;

    private ClaudeCodeOptions(Builder values) {
        this.values = values;
    }

    /** {@return a builder with every option unset} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these options, to change some of them} */
    public Builder toBuilder() {
        return values.copy();
    }

    // ---- process -------------------------------------------------------------------------------

    /** {@return the CLI executable to run; when empty the library locates one} */
    public Optional<Path> cliPath() {
        return Optional.ofNullable(values.cliPath);
    }

    /**
     * {@return whether a local session installs the pinned CLI (from the npm registry, into
     * {@code ~/.cache/claude-code-java/cli/}, checksum verified) when no CLI is found; true by
     * default}
     */
    public boolean autoInstallCli() {
        return values.autoInstallCli;
    }

    /** {@return who hears how far an automatic CLI install has come, when anyone does} */
    public Optional<Consumer<InstallProgress>> cliInstallProgress() {
        return Optional.ofNullable(values.cliInstallProgress);
    }

    /** {@return the working directory of the CLI process; when empty, this JVM's} */
    public Optional<Path> cwd() {
        return Optional.ofNullable(values.cwd);
    }

    /** {@return variables added to the CLI's environment, in insertion order} */
    public Map<String, String> env() {
        return values.env;
    }

    /**
     * {@return which variables of this JVM's environment the CLI inherits; {@link InheritEnv#all()}
     * by default}
     */
    public InheritEnv inheritEnv() {
        return values.inheritEnv;
    }

    /**
     * {@return the Anthropic API key given to the CLI as {@code ANTHROPIC_API_KEY}, never on its
     * command line}
     */
    public Optional<String> apiKey() {
        return Optional.ofNullable(values.apiKey);
    }

    /**
     * {@return how long a control request waits for the CLI's answer, a wait for the start-up
     * handshake included; {@link #DEFAULT_CONTROL_TIMEOUT} by default. The handshake itself
     * ({@code initialize}) may always take at least {@link #DEFAULT_CONTROL_TIMEOUT}.}
     */
    public Duration controlTimeout() {
        return values.controlTimeout;
    }

    /**
     * {@return how long the CLI may write nothing on stdout while a turn is active before the turn
     * fails with an {@link dev.claudecode.errors.InactivityTimeoutException} and the CLI is
     * stopped; off when empty, which is the default. Time the library itself spends answering the
     * CLI (a permission, hook or MCP callback) does not count, nor does the CLI's start-up
     * handshake.}
     */
    public Optional<Duration> inactivityTimeout() {
        return Optional.ofNullable(values.inactivityTimeout);
    }

    /**
     * {@return the longest stdout line accepted; a longer one fails the turn with a
     * {@link dev.claudecode.errors.ProtocolException} that names this limit, and the CLI is
     * stopped. Empty for the default, {@value #DEFAULT_MAX_STDOUT_LINE_BYTES} bytes (256 MiB). A
     * line that the heap cannot hold fails the same way, whatever the limit.}
     */
    public OptionalInt maxStdoutLineBytes() {
        return values.maxStdoutLineBytes == null ? OptionalInt.empty() : OptionalInt.of(values.maxStdoutLineBytes);
    }

    /**
     * {@return how many bytes of messages (counted as the length of their stdout lines) a turn
     * holds for a consumer that reads more slowly than the CLI writes; past it, the library stops
     * reading the CLI until the consumer catches up, and the CLI waits on its full pipe. Empty for
     * the default, {@value #DEFAULT_MAX_BUFFERED_BYTES} bytes (32 MiB). While the reading stops,
     * nothing else the CLI writes is read either: control answers wait behind the messages, so a
     * consumer that stops reading for good should close its stream.}
     */
    public OptionalInt maxBufferedBytes() {
        return values.maxBufferedBytes == null ? OptionalInt.empty() : OptionalInt.of(values.maxBufferedBytes);
    }

    /** {@return who receives the CLI's stderr lines, when anyone does} */
    public Optional<Consumer<String>> stderr() {
        return Optional.ofNullable(values.stderr);
    }

    /** {@return whether the CLI keeps file checkpoints so that file changes can be rewound} */
    public boolean enableFileCheckpointing() {
        return values.enableFileCheckpointing;
    }

    // ---- model ---------------------------------------------------------------------------------

    /** {@return the model alias or full name ({@code --model})} */
    public Optional<String> model() {
        return Optional.ofNullable(values.model);
    }

    /**
     * {@return the model(s), comma-separated, used when the main model is overloaded
     * ({@code --fallback-model})}
     */
    public Optional<String> fallbackModel() {
        return Optional.ofNullable(values.fallbackModel);
    }

    /** {@return the effort level ({@code --effort})} */
    public Optional<Effort> effort() {
        return Optional.ofNullable(values.effort);
    }

    /**
     * {@return the thinking configuration ({@code --thinking} or {@code --max-thinking-tokens})}
     */
    public Optional<Thinking> thinking() {
        return Optional.ofNullable(values.thinking);
    }

    /**
     * {@return how thinking appears in responses, e.g. {@code summarized} or {@code omitted}
     * ({@code --thinking-display})}
     */
    public Optional<String> thinkingDisplay() {
        return Optional.ofNullable(values.thinkingDisplay);
    }

    /** {@return beta headers sent with API requests, API key users only ({@code --betas})} */
    public List<String> betas() {
        return values.betas;
    }

    /** {@return the most agentic turns per user message ({@code --max-turns})} */
    public OptionalInt maxTurns() {
        return values.maxTurns == null ? OptionalInt.empty() : OptionalInt.of(values.maxTurns);
    }

    /**
     * {@return the most US dollars the session may spend on API calls ({@code --max-budget-usd})}
     */
    public OptionalDouble maxBudgetUsd() {
        return values.maxBudgetUsd == null ? OptionalDouble.empty() : OptionalDouble.of(values.maxBudgetUsd);
    }

    /** {@return the API-side task budget in tokens ({@code --task-budget})} */
    public OptionalLong taskBudget() {
        return values.taskBudget == null ? OptionalLong.empty() : OptionalLong.of(values.taskBudget);
    }

    // ---- prompt and agent ----------------------------------------------------------------------

    /**
     * Returns the system prompt that replaces the default one.
     *
     * @return the system prompt: inline text is sent in the {@code initialize} request, a file is
     *     read by the CLI ({@code --system-prompt-file})
     */
    public Optional<PromptText> systemPrompt() {
        return Optional.ofNullable(values.systemPrompt);
    }

    /**
     * Returns the text appended to the default system prompt.
     *
     * @return the appended text: inline text is sent in the {@code initialize} request, a file is
     *     read by the CLI ({@code --append-system-prompt-file})
     */
    public Optional<PromptText> appendSystemPrompt() {
        return Optional.ofNullable(values.appendSystemPrompt);
    }

    /**
     * {@return whether per-machine sections (cwd, environment, git status) move from the system
     * prompt into the first user message, for better prompt-cache reuse
     * ({@code --exclude-dynamic-system-prompt-sections})}
     */
    public boolean excludeDynamicSystemPromptSections() {
        return values.excludeDynamicSystemPromptSections;
    }

    /**
     * {@return whether the system prompt is recorded once in the conversation's transcript and
     * reused verbatim on every later request and resume ({@code true}), or rendered afresh each
     * time ({@code false}); empty leaves the CLI's default, which records it where the account has
     * recording. The {@code initialize} field {@code systemPromptSnapshot}, introduced after CLI
     * 2.1.197 (which ignores it)}
     */
    public Optional<Boolean> systemPromptSnapshot() {
        return Optional.ofNullable(values.systemPromptSnapshot);
    }

    /**
     * {@return the workflow text used in plan mode instead of the default
     * ({@code --plan-mode-instructions})}
     */
    public Optional<String> planModeInstructions() {
        return Optional.ofNullable(values.planModeInstructions);
    }

    /** {@return the agent the session runs as ({@code --agent})} */
    public Optional<String> agent() {
        return Optional.ofNullable(values.agent);
    }

    /**
     * {@return custom subagents by name, in insertion order, defined in the {@code initialize}
     * request; {@link #agent()} may name one of them}
     */
    public Map<String, AgentDefinition> agents() {
        return values.agents;
    }

    // ---- tools and permissions -----------------------------------------------------------------

    /** {@return the built-in tools offered to the model ({@code --tools})} */
    public Optional<BaseTools> tools() {
        return Optional.ofNullable(values.tools);
    }

    /**
     * {@return tool rules that run without a prompt, e.g. {@code Bash(git *)}
     * ({@code --allowedTools})}
     */
    public List<String> allowedTools() {
        return values.allowedTools;
    }

    /** {@return tool rules that are always denied ({@code --disallowedTools})} */
    public List<String> disallowedTools() {
        return values.disallowedTools;
    }

    /** {@return the permission mode the session starts in ({@code --permission-mode})} */
    public Optional<PermissionMode> permissionMode() {
        return Optional.ofNullable(values.permissionMode);
    }

    /**
     * {@return the MCP tool that answers permission prompts, or {@code stdio} for prompts sent to
     * this library as control requests ({@code --permission-prompt-tool})}
     */
    public Optional<String> permissionPromptTool() {
        return Optional.ofNullable(values.permissionPromptTool);
    }

    /**
     * {@return the Java callback that decides the CLI's permission prompts; when set, the CLI is
     * started with {@code --permission-prompt-tool stdio}}
     */
    public Optional<CanUseTool> canUseTool() {
        return Optional.ofNullable(values.canUseTool);
    }

    /**
     * {@return how long {@link #canUseTool()} may take before the tool is denied; 5 minutes by
     * default}
     */
    public Duration permissionCallbackTimeout() {
        return values.permissionCallbackTimeout;
    }

    /**
     * {@return the Java handler of the questions MCP servers ask the user (forms and URL steps);
     * without one every question is declined}
     */
    public Optional<ElicitationHandler> onElicitation() {
        return Optional.ofNullable(values.onElicitation);
    }

    /**
     * {@return how long {@link #onElicitation()} may take before the question is cancelled; 5
     * minutes by default}
     */
    public Duration elicitationTimeout() {
        return values.elicitationTimeout;
    }

    /** {@return the Java handler of the dialogs the CLI asks the application to show} */
    public Optional<UserDialogHandler> onUserDialog() {
        return Optional.ofNullable(values.onUserDialog);
    }

    /**
     * {@return the dialog kinds {@link #onUserDialog()} shows, announced to the CLI in
     * {@code initialize}; the CLI sends no other kind}
     */
    public List<String> supportedDialogKinds() {
        return values.supportedDialogKinds;
    }

    /**
     * {@return how long {@link #onUserDialog()} may take before the dialog is cancelled; 5 minutes
     * by default}
     */
    public Duration userDialogTimeout() {
        return values.userDialogTimeout;
    }

    /**
     * {@return whether bypassing permissions may be switched on later
     * ({@code --allow-dangerously-skip-permissions})}
     */
    public boolean allowDangerouslySkipPermissions() {
        return values.allowDangerouslySkipPermissions;
    }

    /**
     * {@return whether every permission check is bypassed ({@code --dangerously-skip-permissions})}
     */
    public boolean dangerouslySkipPermissions() {
        return values.dangerouslySkipPermissions;
    }

    /** {@return further directories the tools may access ({@code --add-dir})} */
    public List<Path> addDirs() {
        return values.addDirs;
    }

    /**
     * {@return who answers permission prompts ({@code --permission-prompts}, introduced after CLI
     * 2.1.197); empty leaves the CLI's default, {@link PermissionPrompts#HOST}}
     */
    public Optional<PermissionPrompts> permissionPrompts() {
        return Optional.ofNullable(values.permissionPrompts);
    }

    /**
     * {@return tool-name aliases applied before a tool use is resolved, alias to target, in
     * insertion order: a tool use the model names with an alias runs the target tool (one hop, no
     * chains). The {@code initialize} field {@code toolAliases}, read by CLI 2.1.197 and 2.1.332}
     */
    public Map<String, String> toolAliases() {
        return values.toolAliases;
    }

    /**
     * {@return the configuration of built-in tools, given to the CLI through its environment
     * ({@code CLAUDE_CODE_QUESTION_PREVIEW_FORMAT})}
     */
    public Optional<ToolConfig> toolConfig() {
        return Optional.ofNullable(values.toolConfig);
    }

    /**
     * {@return which skills the main session may use: {@code Skill} rules in
     * {@code --allowedTools}, and for a list also the {@code initialize} field {@code skills} (read
     * by CLI 2.1.197 and 2.1.332); empty leaves the CLI's defaults}
     */
    public Optional<Skills> skills() {
        return Optional.ofNullable(values.skills);
    }

    // ---- MCP -----------------------------------------------------------------------------------

    /**
     * {@return MCP configuration files or JSON strings ({@code --mcp-config}); a JSON string is
     * written to a private file that the flag names, never put on the command line}
     */
    public List<String> mcpConfig() {
        return values.mcpConfig;
    }

    /**
     * {@return MCP servers by name; they reach the CLI as {@link #mcpServersDelivery()} says, never
     * on its command line}
     */
    public Map<String, McpServerConfig> mcpServers() {
        return values.mcpServers;
    }

    /**
     * {@return how {@link #mcpServers()} reach the CLI; when empty,
     * {@link McpServersDelivery#INITIALIZE} for a CLI that supports it and
     * {@link McpServersDelivery#COMMAND_LINE} (a private file) for an older one}
     */
    public Optional<McpServersDelivery> mcpServersDelivery() {
        return Optional.ofNullable(values.mcpServersDelivery);
    }

    /** {@return whether only the MCP servers given here are used ({@code --strict-mcp-config})} */
    public boolean strictMcpConfig() {
        return values.strictMcpConfig;
    }

    // ---- output --------------------------------------------------------------------------------

    /**
     * {@return the JSON schema results must follow, sent in the {@code initialize} request; the
     * result then carries {@code structured_output}}
     */
    public Optional<Map<String, Object>> outputFormat() {
        return Optional.ofNullable(values.outputFormat);
    }

    /**
     * {@return whether raw streaming events arrive as {@code stream_event} messages
     * ({@code --include-partial-messages})}
     */
    public boolean includePartialMessages() {
        return values.includePartialMessages;
    }

    /**
     * {@return whether the text and thinking of subagents arrive as assistant and user messages
     * with {@code parent_tool_use_id} set, not only their tool uses and results; the
     * {@code initialize} field {@code forwardSubagentText}}
     */
    public boolean forwardSubagentText() {
        return values.forwardSubagentText;
    }

    /**
     * {@return whether running subagents get a model-written progress summary about every 30
     * seconds, in the {@code summary} of {@code task_progress} messages; the {@code initialize}
     * field {@code agentProgressSummaries}}
     */
    public boolean agentProgressSummaries() {
        return values.agentProgressSummaries;
    }

    /**
     * {@return whether this host stops background tasks one by one ({@code control().stopTask}), so
     * that an interrupt ends only the turn and leaves background agents running; without it an
     * interrupt also kills them. The {@code initialize} field {@code perTaskStopAffordance},
     * introduced after CLI 2.1.197}
     */
    public boolean perTaskStopAffordance() {
        return values.perTaskStopAffordance;
    }

    /**
     * {@return whether every user message is sent with {@code client_composed: true}, so the CLI
     * takes the text as written: no {@code @path} expansion, no slash commands, no turn-start
     * attachments (CLI 2.1.248 and newer; see {@link dev.claudecode.UserInput#asVerbatim()})}
     */
    public boolean verbatimPrompts() {
        return values.verbatimPrompts;
    }

    /** {@return whether the CLI echoes each user message back ({@code --replay-user-messages})} */
    public boolean replayUserMessages() {
        return values.replayUserMessages;
    }

    /**
     * {@return Java hook callbacks by event, in registration order, sent to the CLI in the
     * {@code initialize} request at every launch}
     */
    public Map<HookEvent, List<HookMatcher>> hooks() {
        return values.hooks;
    }

    /**
     * {@return how long a hook callback may take when its matcher sets no timeout; 60 seconds by
     * default}
     */
    public Duration hookTimeout() {
        return values.hookTimeout;
    }

    /**
     * {@return how long a request to an in-process MCP server (a tool call) may take; 5 minutes by
     * default}
     */
    public Duration mcpToolTimeout() {
        return values.mcpToolTimeout;
    }

    /**
     * {@return whether hook lifecycle events appear in the output ({@code --include-hook-events})}
     */
    public boolean includeHookEvents() {
        return values.includeHookEvents;
    }

    /**
     * {@return whether a predicted next prompt follows each turn, sent in the {@code initialize}
     * request}
     */
    public boolean promptSuggestions() {
        return values.promptSuggestions;
    }

    /** {@return whether {@code auth_status} messages are emitted ({@code --enable-auth-status})} */
    public boolean enableAuthStatus() {
        return values.enableAuthStatus;
    }

    // ---- settings and environment of the session -----------------------------------------------

    /**
     * {@return additional settings: a file is passed as {@code --settings}; values travel in the
     * {@code initialize} request, or in a private file for a CLI older than 2.1.326, never on the
     * command line}
     */
    public Optional<Settings> settings() {
        return Optional.ofNullable(values.settings);
    }

    /**
     * {@return sandbox settings for Bash commands, merged into the settings under {@code sandbox};
     * with {@code enabled: true} and no {@code failIfUnavailable}, the library adds
     * {@code failIfUnavailable: true} so that a missing sandbox stops the CLI instead of running
     * commands unsandboxed}
     */
    public Optional<Map<String, Object>> sandbox() {
        return Optional.ofNullable(values.sandbox);
    }

    /**
     * {@return policy-tier settings from this parent process, in the {@code initialize} request; a
     * CLI older than 2.1.326 takes them only as {@code --managed-settings <json>} on its command
     * line, so keep secrets out of them there}
     */
    public Optional<Map<String, Object>> managedSettings() {
        return Optional.ofNullable(values.managedSettings);
    }

    /**
     * {@return which settings files are loaded; an empty list loads none
     * ({@code --setting-sources})}
     */
    public Optional<List<SettingSource>> settingSources() {
        return Optional.ofNullable(values.settingSources);
    }

    /** {@return plugin directories or .zip files loaded for this session ({@code --plugin-dir})} */
    public List<Path> plugins() {
        return values.plugins;
    }

    /**
     * {@return how {@link #plugins()} and {@link #pluginsWithoutMcp()} reach the CLI: as flags (the
     * default) or in the {@code initialize} request ({@code plugins}, with
     * {@code --await-initialize}, CLI 2.1.261 and newer)}
     */
    public PluginDelivery pluginDelivery() {
        return values.pluginDelivery;
    }

    /**
     * {@return plugins loaded without their {@code .mcp.json} servers
     * ({@code --plugin-dir-no-mcp})}
     */
    public List<Path> pluginsWithoutMcp() {
        return values.pluginsWithoutMcp;
    }

    /** {@return plugin .zip files fetched for this session ({@code --plugin-url})} */
    public List<URI> pluginUrls() {
        return values.pluginUrls;
    }

    /**
     * {@return whether all skills and slash commands are disabled
     * ({@code --disable-slash-commands})}
     */
    public boolean disableSlashCommands() {
        return values.disableSlashCommands;
    }

    /**
     * {@return whether the CLI runs minimally: no hooks, plugins sync, auto-memory or CLAUDE.md
     * discovery ({@code --bare})}
     */
    public boolean bare() {
        return values.bare;
    }

    /**
     * {@return whether every customization (CLAUDE.md, skills, plugins, hooks, MCP servers) is
     * disabled ({@code --safe-mode})}
     */
    public boolean safeMode() {
        return values.safeMode;
    }

    /** {@return whether the SendUserMessage tool is enabled ({@code --brief})} */
    public boolean brief() {
        return values.brief;
    }

    // ---- session -------------------------------------------------------------------------------

    /**
     * Returns which conversation the session starts in.
     *
     * @return a new, resumed, continued or pull-request conversation, possibly forked
     *     ({@code --session-id}, {@code --resume}, {@code --continue}, {@code --from-pr},
     *     {@code --fork-session}, {@code --resume-session-at}); {@link SessionStart#newSession()}
     *     by default
     */
    public SessionStart start() {
        return values.start;
    }

    /**
     * {@return whether the session is kept off disk, so it cannot be resumed
     * ({@code --no-session-persistence})}
     */
    public boolean noSessionPersistence() {
        return values.noSessionPersistence;
    }

    /** {@return the display name of the session ({@code --name})} */
    public Optional<String> name() {
        return Optional.ofNullable(values.name);
    }

    /**
     * {@return file resources downloaded at start-up as {@code file_id:relative_path}; the CLI
     * needs {@code CLAUDE_CODE_SESSION_ACCESS_TOKEN} in its environment for them ({@code --file})}
     */
    public List<String> files() {
        return values.files;
    }

    /** {@return whether the session runs in a new git worktree ({@code --worktree})} */
    public boolean worktree() {
        return values.worktree;
    }

    /** {@return the name of that worktree; the CLI picks one when empty} */
    public Optional<String> worktreeName() {
        return Optional.ofNullable(values.worktreeName);
    }

    /**
     * {@return the trusted checkout the working directory is a worktree of: project settings,
     * {@code .mcp.json}, the {@code .claude} directories and {@code CLAUDE_PROJECT_DIR} come from
     * here instead of the working directory ({@code --project-config-root}, introduced after CLI
     * 2.1.197)}
     */
    public Optional<Path> projectConfigRoot() {
        return Optional.ofNullable(values.projectConfigRoot);
    }

    /** {@return the workload tag for billing attribution ({@code --workload})} */
    public Optional<String> workload() {
        return Optional.ofNullable(values.workload);
    }

    // ---- session store -------------------------------------------------------------------------

    /**
     * {@return where the session's transcript is kept beyond this machine: the CLI reports every
     * line it writes ({@code --session-mirror}) and the session appends them to the store; a
     * {@code resume} or {@code continueConversation} loads the conversation from the store, so it
     * continues on any machine that reaches it. See {@link dev.claudecode.store}.}
     */
    public Optional<SessionStore> sessionStore() {
        return Optional.ofNullable(values.sessionStore);
    }

    /**
     * {@return the project key the session is kept under in the {@link #sessionStore()}; by default
     * the key of its working directory (the CLI's project directory name). A key of one's own stays
     * the same where the working directory differs between machines, or names a tenant}
     */
    public Optional<String> sessionStoreProjectKey() {
        return Optional.ofNullable(values.sessionStoreProjectKey);
    }

    /**
     * {@return how soon lines are appended to the {@link #sessionStore()};
     * {@link SessionStoreFlush#BATCHED} by default}
     */
    public SessionStoreFlush sessionStoreFlush() {
        return values.sessionStoreFlush;
    }

    /**
     * {@return how long each call that loads a session from the {@link #sessionStore()} to resume
     * it ({@code listSessions}, {@code load}, {@code listSubkeys}) may take before the session
     * fails to start; {@link #DEFAULT_SESSION_STORE_LOAD_TIMEOUT} by default}
     */
    public Duration sessionStoreLoadTimeout() {
        return values.sessionStoreLoadTimeout;
    }

    // ---- observers -----------------------------------------------------------------------------

    /**
     * {@return who follows the session's operations (turns, CLI launches, tool uses, callbacks,
     * control requests, store appends) for tracing or metrics, in the order they were added; see
     * {@link SessionObserver}}
     */
    public List<SessionObserver> observers() {
        return values.observers;
    }

    // ---- diagnostics ---------------------------------------------------------------------------

    /** {@return whether debug logging is on ({@code --debug})} */
    public boolean debug() {
        return values.debug;
    }

    /** {@return the debug category filter, e.g. {@code api,hooks} or {@code !1p,!file}} */
    public Optional<String> debugFilter() {
        return Optional.ofNullable(values.debugFilter);
    }

    /** {@return the file debug logs are written to ({@code --debug-file})} */
    public Optional<Path> debugFile() {
        return Optional.ofNullable(values.debugFile);
    }

    /**
     * {@return further flags for the CLI in order, by name without leading dashes, each with an
     * optional value; they follow every other flag}
     */
    public Map<String, Optional<String>> extraArgs() {
        return values.extraArgs;
    }

    // ---- value semantics -----------------------------------------------------------------------

    @Override
    public boolean equals(Object other) {
        return other instanceof ClaudeCodeOptions that && values.state().equals(that.values.state());
    }

    @Override
    public int hashCode() {
        return values.state().hashCode();
    }

    /**
     * {@return the options that are set, with the API key masked, and the environment variables,
     * settings, managed settings, MCP server variables and headers and inline MCP configurations
     * named but not shown, since keys and tokens are often given through them}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ClaudeCodeOptions{");
        String separator = "";
        for (Map.Entry<String, Object> entry : values.namedState().entrySet()) {
            Object value = entry.getValue();
            if (value == null || Boolean.FALSE.equals(value)
                    || value instanceof Collection<?> c && c.isEmpty()
                    || value instanceof Map<?, ?> m && m.isEmpty()) {
                continue;
            }
            text.append(separator).append(entry.getKey()).append('=').append(switch (entry.getKey()) {
                case "apiKey" -> Masking.MASK;
                case "env" -> Masking.keys(values.env);
                case "managedSettings" -> Masking.keys(values.managedSettings);
                case "mcpConfig" -> values.mcpConfig.stream()
                        .map(config -> config.strip().startsWith("{") ? Masking.MASK : config).toList();
                default -> value;
            });
            separator = ", ";
        }
        return text.append('}').toString();
    }

    /**
     * Collects options for {@link ClaudeCodeOptions}. Setters return the builder; a setter given
     * {@code null} (or an empty {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}
     * for numbers) unsets that option, and a list or map setter replaces the whole collection.
     * Not thread-safe.
     */
    public static final class Builder implements Cloneable {

        // Every field holds an immutable value (collections are copied on write), so a shallow
        // clone is a complete, independent copy: that is what copy() and build() rely on.
        private Path cliPath;
        private boolean autoInstallCli = true;
        private Consumer<InstallProgress> cliInstallProgress;
        private Path cwd;
        private Map<String, String> env = Map.of();
        private InheritEnv inheritEnv = InheritEnv.all();
        private String apiKey;
        private Duration controlTimeout = DEFAULT_CONTROL_TIMEOUT;
        private Duration inactivityTimeout;
        private Integer maxStdoutLineBytes;
        private Integer maxBufferedBytes;
        private Consumer<String> stderr;
        private boolean enableFileCheckpointing;

        private String model;
        private String fallbackModel;
        private Effort effort;
        private Thinking thinking;
        private String thinkingDisplay;
        private List<String> betas = List.of();
        private Integer maxTurns;
        private Double maxBudgetUsd;
        private Long taskBudget;

        private PromptText systemPrompt;
        private PromptText appendSystemPrompt;
        private boolean excludeDynamicSystemPromptSections;
        private Boolean systemPromptSnapshot;
        private String planModeInstructions;
        private String agent;
        private Map<String, AgentDefinition> agents = Map.of();

        private BaseTools tools;
        private List<String> allowedTools = List.of();
        private List<String> disallowedTools = List.of();
        private PermissionMode permissionMode;
        private String permissionPromptTool;
        private CanUseTool canUseTool;
        private Duration permissionCallbackTimeout = DEFAULT_PERMISSION_TIMEOUT;
        private ElicitationHandler onElicitation;
        private Duration elicitationTimeout = DEFAULT_ELICITATION_TIMEOUT;
        private UserDialogHandler onUserDialog;
        private List<String> supportedDialogKinds = List.of();
        private Duration userDialogTimeout = DEFAULT_USER_DIALOG_TIMEOUT;
        private boolean allowDangerouslySkipPermissions;
        private boolean dangerouslySkipPermissions;
        private List<Path> addDirs = List.of();
        private PermissionPrompts permissionPrompts;
        private Map<String, String> toolAliases = Map.of();
        private ToolConfig toolConfig;
        private Skills skills;

        private List<String> mcpConfig = List.of();
        private Map<String, McpServerConfig> mcpServers = Map.of();
        private McpServersDelivery mcpServersDelivery;
        private boolean strictMcpConfig;

        private Map<String, Object> outputFormat;
        private boolean includePartialMessages;
        private boolean replayUserMessages;
        private boolean forwardSubagentText;
        private boolean agentProgressSummaries;
        private boolean perTaskStopAffordance;
        private boolean verbatimPrompts;
        private boolean includeHookEvents;
        private Map<HookEvent, List<HookMatcher>> hooks = Map.of();
        private Duration hookTimeout = DEFAULT_HOOK_TIMEOUT;
        private Duration mcpToolTimeout = DEFAULT_MCP_TIMEOUT;
        private boolean promptSuggestions;
        private boolean enableAuthStatus;

        private Settings settings;
        private Map<String, Object> sandbox;
        private Map<String, Object> managedSettings;
        private List<SettingSource> settingSources;
        private List<Path> plugins = List.of();
        private PluginDelivery pluginDelivery = PluginDelivery.ARGV;
        private List<Path> pluginsWithoutMcp = List.of();
        private List<URI> pluginUrls = List.of();
        private boolean disableSlashCommands;
        private boolean bare;
        private boolean safeMode;
        private boolean brief;

        private SessionStart start = SessionStart.newSession();
        private boolean noSessionPersistence;
        private String name;
        private List<String> files = List.of();
        private boolean worktree;
        private String worktreeName;
        private Path projectConfigRoot;
        private String workload;

        private SessionStore sessionStore;
        private String sessionStoreProjectKey;
        private SessionStoreFlush sessionStoreFlush = SessionStoreFlush.BATCHED;
        private Duration sessionStoreLoadTimeout = DEFAULT_SESSION_STORE_LOAD_TIMEOUT;

        private List<SessionObserver> observers = List.of();

        private boolean debug;
        private String debugFilter;
        private Path debugFile;
        private Map<String, Optional<String>> extraArgs = Map.of();

        private Builder() {
        }

        /**
         * Checks the options and freezes them.
         *
         * @return the options
         * @throws InvalidOptionsException when a value is out of range or options contradict each other
         */
        public ClaudeCodeOptions build() {
            ClaudeCodeOptions options = new ClaudeCodeOptions(copy());
            OptionsValidation.check(options);
            return options;
        }

        // ---- process ---------------------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param cliPath the CLI executable to run
         */
        public Builder cliPath(Path cliPath) {
            this.cliPath = cliPath;
            return this;
        }

        /**
         * Whether a local session installs the pinned CLI when none is found (no {@code cliPath},
         * no {@code CLAUDE_CODE_CLI_PATH}, no managed install, nothing on the PATH or in the usual
         * places). The install is a download from the npm registry, verified against its digest,
         * into {@code ~/.cache/claude-code-java/cli/<version>/}; later sessions find it there.
         * Sessions on other machines (SSH, containers) follow their transport's own rules.
         *
         * @param autoInstallCli default true; false makes a missing CLI a
         *     {@link dev.claudecode.errors.CliNotFoundException} that lists where it looked
         * @return this builder
         */
        public Builder autoInstallCli(boolean autoInstallCli) {
            this.autoInstallCli = autoInstallCli;
            return this;
        }

        /**
         * Who hears how far an automatic CLI install has come (see {@link InstallProgress}); the
         * library also logs an install's start and end at INFO.
         *
         * @param cliInstallProgress the listener, called on a library thread
         * @return this builder
         */
        public Builder cliInstallProgress(Consumer<InstallProgress> cliInstallProgress) {
            this.cliInstallProgress = cliInstallProgress;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param cwd the working directory of the CLI process
         */
        public Builder cwd(Path cwd) {
            this.cwd = cwd;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param env variables added to the CLI's environment (replaces earlier ones)
         */
        public Builder env(Map<String, String> env) {
            this.env = orderedCopy(env, "env");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param name a variable added to the CLI's environment
         * @param value its value
         */
        public Builder env(String name, String value) {
            this.env = orderedPut(env, name, value, "env");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param inheritEnv which variables of this JVM's environment the CLI inherits
         */
        public Builder inheritEnv(InheritEnv inheritEnv) {
            this.inheritEnv = inheritEnv == null ? InheritEnv.all() : inheritEnv;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param apiKey the Anthropic API key, passed as {@code ANTHROPIC_API_KEY}
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param controlTimeout how long a control request waits for its answer; null restores the default
         */
        public Builder controlTimeout(Duration controlTimeout) {
            this.controlTimeout = controlTimeout == null ? DEFAULT_CONTROL_TIMEOUT : controlTimeout;
            return this;
        }

        /**
         * Fails a turn whose CLI goes quiet: when the CLI writes nothing on stdout for this long
         * while a turn is active, the turn fails with an {@link dev.claudecode.errors.InactivityTimeoutException} (after
         * the messages that did arrive), the CLI is stopped, and the next turn starts a new CLI
         * that resumes the conversation. Every byte counts as output, control lines and {@code
         * keep_alive} included. Choose a limit above the longest quiet stretch of a healthy turn:
         * the CLI writes nothing while a tool runs, nor while the model streams its answer unless
         * {@code includePartialMessages} is on.
         *
         * @param inactivityTimeout the longest quiet stretch allowed, positive; null turns the check off (the default)
         * @return this builder
         */
        public Builder inactivityTimeout(Duration inactivityTimeout) {
            this.inactivityTimeout = inactivityTimeout;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxStdoutLineBytes the longest stdout line accepted, positive
         */
        public Builder maxStdoutLineBytes(int maxStdoutLineBytes) {
            this.maxStdoutLineBytes = maxStdoutLineBytes;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxStdoutLineBytes the longest stdout line accepted; empty for the default of 256 MiB
         */
        public Builder maxStdoutLineBytes(OptionalInt maxStdoutLineBytes) {
            this.maxStdoutLineBytes = boxed(maxStdoutLineBytes);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxBufferedBytes how many bytes of messages a turn holds for a slow consumer
         *     before the library stops reading the CLI, positive (see {@link ClaudeCodeOptions#maxBufferedBytes()})
         */
        public Builder maxBufferedBytes(int maxBufferedBytes) {
            this.maxBufferedBytes = maxBufferedBytes;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxBufferedBytes how many bytes of messages a turn holds for a slow consumer; empty for the default of 32 MiB
         */
        public Builder maxBufferedBytes(OptionalInt maxBufferedBytes) {
            this.maxBufferedBytes = boxed(maxBufferedBytes);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param stderr receives each stderr line of the CLI, on a library thread
         */
        public Builder stderr(Consumer<String> stderr) {
            this.stderr = stderr;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param enableFileCheckpointing whether the CLI keeps checkpoints so file changes can be rewound
         */
        public Builder enableFileCheckpointing(boolean enableFileCheckpointing) {
            this.enableFileCheckpointing = enableFileCheckpointing;
            return this;
        }

        // ---- model -----------------------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param model a model alias ({@code sonnet}, {@code opus}) or full name
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param fallbackModel the model(s), comma-separated, used when the main one is overloaded
         */
        public Builder fallbackModel(String fallbackModel) {
            this.fallbackModel = fallbackModel;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param effort the effort level
         */
        public Builder effort(Effort effort) {
            this.effort = effort;
            return this;
        }

        /**
         * Sets whether and how the model thinks; {@link Thinking#enabled(int)} is what the CLI's
         * older {@code --max-thinking-tokens} flag sets, and {@link Thinking#disabled()} what a
         * budget of 0 did.
         *
         * @param thinking the thinking configuration; null leaves the CLI's default
         * @return this builder
         */
        public Builder thinking(Thinking thinking) {
            this.thinking = thinking;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param thinkingDisplay how thinking appears in responses: {@code summarized} or {@code omitted}
         */
        public Builder thinkingDisplay(String thinkingDisplay) {
            this.thinkingDisplay = thinkingDisplay;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param thinkingDisplay how thinking appears in responses; null leaves the CLI's default
         */
        public Builder thinkingDisplay(ThinkingDisplay thinkingDisplay) {
            return thinkingDisplay(thinkingDisplay == null ? null : thinkingDisplay.value());
        }

        /**
         * {@return this builder}
         *
         * @param betas beta headers for API requests
         */
        public Builder betas(List<String> betas) {
            this.betas = listCopy(betas, "betas");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param betas beta headers for API requests
         */
        public Builder betas(String... betas) {
            return betas(Arrays.asList(betas));
        }

        /**
         * {@return this builder}
         *
         * @param maxTurns the most agentic turns per user message, positive
         */
        public Builder maxTurns(int maxTurns) {
            this.maxTurns = maxTurns;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxTurns the most agentic turns per user message; empty to unset
         */
        public Builder maxTurns(OptionalInt maxTurns) {
            this.maxTurns = boxed(maxTurns);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxBudgetUsd the most US dollars to spend, positive
         */
        public Builder maxBudgetUsd(double maxBudgetUsd) {
            this.maxBudgetUsd = maxBudgetUsd;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxBudgetUsd the most US dollars to spend; empty to unset
         */
        public Builder maxBudgetUsd(OptionalDouble maxBudgetUsd) {
            this.maxBudgetUsd = Objects.requireNonNull(maxBudgetUsd, "maxBudgetUsd").isPresent()
                    ? maxBudgetUsd.getAsDouble() : null;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param taskBudget the API-side task budget in tokens, positive
         */
        public Builder taskBudget(long taskBudget) {
            this.taskBudget = taskBudget;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param taskBudget the API-side task budget in tokens; empty to unset
         */
        public Builder taskBudget(OptionalLong taskBudget) {
            this.taskBudget = Objects.requireNonNull(taskBudget, "taskBudget").isPresent() ? taskBudget.getAsLong() : null;
            return this;
        }

        // ---- prompt and agent ------------------------------------------------------------------

        /**
         * Sets the system prompt that replaces the default one.
         *
         * @param systemPrompt the prompt, inline or from a file; null leaves the default prompt
         * @return this builder
         */
        public Builder systemPrompt(PromptText systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        /**
         * Sets the system prompt that replaces the default one, as text.
         *
         * @param text the prompt itself (not a file name); null leaves the default prompt
         * @return this builder
         */
        public Builder systemPrompt(String text) {
            return systemPrompt(text == null ? null : PromptText.inline(text));
        }

        /**
         * Sets the system prompt that replaces the default one, read by the CLI from a file.
         *
         * @param file the file, resolved by the CLI against its working directory; null leaves the default prompt
         * @return this builder
         */
        public Builder systemPrompt(Path file) {
            return systemPrompt(file == null ? null : PromptText.file(file));
        }

        /**
         * Sets the text appended to the default system prompt.
         *
         * @param appendSystemPrompt the text, inline or from a file; null appends nothing
         * @return this builder
         */
        public Builder appendSystemPrompt(PromptText appendSystemPrompt) {
            this.appendSystemPrompt = appendSystemPrompt;
            return this;
        }

        /**
         * Sets the text appended to the default system prompt.
         *
         * @param text the text itself (not a file name); null appends nothing
         * @return this builder
         */
        public Builder appendSystemPrompt(String text) {
            return appendSystemPrompt(text == null ? null : PromptText.inline(text));
        }

        /**
         * Sets the text appended to the default system prompt, read by the CLI from a file.
         *
         * @param file the file, resolved by the CLI against its working directory; null appends nothing
         * @return this builder
         */
        public Builder appendSystemPrompt(Path file) {
            return appendSystemPrompt(file == null ? null : PromptText.file(file));
        }

        /**
         * {@return this builder}
         *
         * @param exclude whether per-machine sections move out of the system prompt
         */
        public Builder excludeDynamicSystemPromptSections(boolean exclude) {
            this.excludeDynamicSystemPromptSections = exclude;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param snapshot whether the system prompt is recorded once and reused verbatim (true) or
         *     rendered afresh every request (false); null leaves the CLI's default
         */
        public Builder systemPromptSnapshot(Boolean snapshot) {
            this.systemPromptSnapshot = snapshot;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param planModeInstructions the workflow text used in plan mode
         */
        public Builder planModeInstructions(String planModeInstructions) {
            this.planModeInstructions = planModeInstructions;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param agent the agent the session runs as
         */
        public Builder agent(String agent) {
            this.agent = agent;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param agents custom subagents by name (replaces earlier ones)
         */
        public Builder agents(Map<String, AgentDefinition> agents) {
            this.agents = orderedCopy(agents, "agents");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param name the agent type the model names when it uses the agent
         * @param definition what the agent is
         */
        public Builder agentDefinition(String name, AgentDefinition definition) {
            this.agents = orderedPut(agents, name, definition, "agents");
            return this;
        }

        // ---- tools and permissions -------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param tools the built-in tools offered to the model
         */
        public Builder tools(BaseTools tools) {
            this.tools = tools;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param names exactly the built-in tools offered to the model; empty for none
         */
        public Builder tools(List<String> names) {
            return tools(names == null ? null : BaseTools.only(names));
        }

        /**
         * {@return this builder}
         *
         * @param allowedTools tool rules that run without a prompt
         */
        public Builder allowedTools(List<String> allowedTools) {
            this.allowedTools = listCopy(allowedTools, "allowedTools");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param allowedTools tool rules that run without a prompt
         */
        public Builder allowedTools(String... allowedTools) {
            return allowedTools(Arrays.asList(allowedTools));
        }

        /**
         * {@return this builder}
         *
         * @param disallowedTools tool rules that are always denied
         */
        public Builder disallowedTools(List<String> disallowedTools) {
            this.disallowedTools = listCopy(disallowedTools, "disallowedTools");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param disallowedTools tool rules that are always denied
         */
        public Builder disallowedTools(String... disallowedTools) {
            return disallowedTools(Arrays.asList(disallowedTools));
        }

        /**
         * {@return this builder}
         *
         * @param permissionMode the permission mode the session starts in
         */
        public Builder permissionMode(PermissionMode permissionMode) {
            this.permissionMode = permissionMode;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param permissionPromptTool the MCP tool that answers permission prompts, or {@code stdio}
         */
        public Builder permissionPromptTool(String permissionPromptTool) {
            this.permissionPromptTool = permissionPromptTool;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param canUseTool the Java callback that decides the CLI's permission prompts; it cannot
         *     be combined with {@code permissionPromptTool}
         */
        public Builder canUseTool(CanUseTool canUseTool) {
            this.canUseTool = canUseTool;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long the permission callback may take before the tool is denied;
         *     null restores the default of 5 minutes
         */
        public Builder permissionCallbackTimeout(Duration timeout) {
            this.permissionCallbackTimeout = timeout == null ? DEFAULT_PERMISSION_TIMEOUT : timeout;
            return this;
        }

        /**
         * Answers the questions MCP servers ask the user while they work ({@code elicitation/create}):
         * a form to fill in, or a web page to open. Without a handler every question is declined.
         *
         * @param handler the Java handler; null for none
         * @return this builder
         */
        public Builder onElicitation(ElicitationHandler handler) {
            this.onElicitation = handler;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long the elicitation handler may take before the question is
         *     cancelled; null restores the default of 5 minutes
         */
        public Builder elicitationTimeout(Duration timeout) {
            this.elicitationTimeout = timeout == null ? DEFAULT_ELICITATION_TIMEOUT : timeout;
            return this;
        }

        /**
         * Answers the dialogs the CLI asks the application to show ({@code request_user_dialog}), of
         * the kinds given with {@link #supportedDialogKinds(List)}; without those the CLI sends none.
         *
         * @param handler the Java handler; null for none
         * @return this builder
         */
        public Builder onUserDialog(UserDialogHandler handler) {
            this.onUserDialog = handler;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param kinds the dialog kinds the user dialog handler can show, e.g.
         *     {@code refusal_fallback_prompt}; they need {@link #onUserDialog} (replaces earlier ones)
         */
        public Builder supportedDialogKinds(List<String> kinds) {
            this.supportedDialogKinds = listCopy(kinds, "supportedDialogKinds");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param kinds the dialog kinds the user dialog handler can show
         */
        public Builder supportedDialogKinds(String... kinds) {
            return supportedDialogKinds(Arrays.asList(kinds));
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long the user dialog handler may take before the dialog is
         *     cancelled; null restores the default of 5 minutes
         */
        public Builder userDialogTimeout(Duration timeout) {
            this.userDialogTimeout = timeout == null ? DEFAULT_USER_DIALOG_TIMEOUT : timeout;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param allow whether bypassing permissions may be switched on later
         */
        public Builder allowDangerouslySkipPermissions(boolean allow) {
            this.allowDangerouslySkipPermissions = allow;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param skip whether every permission check is bypassed
         */
        public Builder dangerouslySkipPermissions(boolean skip) {
            this.dangerouslySkipPermissions = skip;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param addDirs further directories the tools may access
         */
        public Builder addDirs(List<Path> addDirs) {
            this.addDirs = listCopy(addDirs, "addDirs");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param addDirs further directories the tools may access
         */
        public Builder addDirs(Path... addDirs) {
            return addDirs(Arrays.asList(addDirs));
        }

        /**
         * {@return this builder}
         *
         * @param prompts who answers permission prompts; null leaves the CLI's default
         */
        public Builder permissionPrompts(PermissionPrompts prompts) {
            this.permissionPrompts = prompts;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param aliases tool-name aliases, alias to target tool (replaces earlier ones)
         */
        public Builder toolAliases(Map<String, String> aliases) {
            this.toolAliases = orderedCopy(aliases, "toolAliases");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param alias a tool name the model may use, e.g. {@code Bash}
         * @param target the tool that runs instead, e.g. {@code mcp__workspace__bash}
         */
        public Builder toolAlias(String alias, String target) {
            this.toolAliases = orderedPut(toolAliases, alias, target, "toolAliases");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param config the configuration of built-in tools; null for the CLI's defaults
         */
        public Builder toolConfig(ToolConfig config) {
            this.toolConfig = config;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param skills the skills the main session may use; null leaves the CLI's defaults
         */
        public Builder skills(Skills skills) {
            this.skills = skills;
            return this;
        }

        // ---- MCP -------------------------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param mcpConfig MCP configuration files or JSON strings ({@code {"mcpServers":{...}}})
         */
        public Builder mcpConfig(List<String> mcpConfig) {
            this.mcpConfig = listCopy(mcpConfig, "mcpConfig");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param mcpConfig MCP configuration files or JSON strings
         */
        public Builder mcpConfig(String... mcpConfig) {
            return mcpConfig(Arrays.asList(mcpConfig));
        }

        /**
         * {@return this builder}
         *
         * @param mcpServers MCP servers by name (replaces earlier ones)
         */
        public Builder mcpServers(Map<String, ? extends McpServerConfig> mcpServers) {
            this.mcpServers = orderedCopy(mcpServers, "mcpServers");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param name the server's name, which prefixes its tools ({@code mcp__name__tool})
         * @param config how the CLI reaches it
         */
        public Builder mcpServer(String name, McpServerConfig config) {
            this.mcpServers = orderedPut(mcpServers, name, config, "mcpServers");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param delivery how the MCP servers reach the CLI; null lets the session choose by the
         *     CLI's version
         */
        public Builder mcpServersDelivery(McpServersDelivery delivery) {
            this.mcpServersDelivery = delivery;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param strict whether only the MCP servers given here are used
         */
        public Builder strictMcpConfig(boolean strict) {
            this.strictMcpConfig = strict;
            return this;
        }

        // ---- output ----------------------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param jsonSchema the JSON schema results must follow, as plain JSON values
         */
        public Builder outputFormat(Map<String, ?> jsonSchema) {
            this.outputFormat = jsonCopy(jsonSchema, "outputFormat");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param include whether raw streaming events arrive as {@code stream_event} messages
         */
        public Builder includePartialMessages(boolean include) {
            this.includePartialMessages = include;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param forward whether subagents' text and thinking arrive as messages
         */
        public Builder forwardSubagentText(boolean forward) {
            this.forwardSubagentText = forward;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param summaries whether running subagents get periodic progress summaries
         */
        public Builder agentProgressSummaries(boolean summaries) {
            this.agentProgressSummaries = summaries;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param declared whether this host stops background tasks one by one, so an interrupt
         *     spares them
         */
        public Builder perTaskStopAffordance(boolean declared) {
            this.perTaskStopAffordance = declared;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param verbatim whether every user message is taken as written ({@code client_composed})
         */
        public Builder verbatimPrompts(boolean verbatim) {
            this.verbatimPrompts = verbatim;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param replay whether the CLI echoes each user message back
         */
        public Builder replayUserMessages(boolean replay) {
            this.replayUserMessages = replay;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param hooks Java hook callbacks by event (replaces earlier ones)
         */
        public Builder hooks(Map<HookEvent, ? extends List<HookMatcher>> hooks) {
            Map<HookEvent, List<HookMatcher>> copy = new LinkedHashMap<>();
            if (hooks != null) {
                hooks.forEach((event, matchers) -> copy.put(Objects.requireNonNull(event, "hooks must not contain a null event"),
                        listCopy(matchers, "hooks")));
            }
            this.hooks = Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param event the event
         * @param matcher callbacks to add for it, after those already registered
         */
        public Builder hook(HookEvent event, HookMatcher matcher) {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(matcher, "matcher");
            Map<HookEvent, List<HookMatcher>> copy = new LinkedHashMap<>(hooks);
            List<HookMatcher> matchers = new ArrayList<>(copy.getOrDefault(event, List.of()));
            matchers.add(matcher);
            copy.put(event, List.copyOf(matchers));
            this.hooks = Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long a hook callback may take when its matcher sets no timeout; null
         *     restores the default of 60 seconds
         */
        public Builder hookTimeout(Duration timeout) {
            this.hookTimeout = timeout == null ? DEFAULT_HOOK_TIMEOUT : timeout;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long a request to an in-process MCP server may take; null restores
         *     the default of 5 minutes
         */
        public Builder mcpToolTimeout(Duration timeout) {
            this.mcpToolTimeout = timeout == null ? DEFAULT_MCP_TIMEOUT : timeout;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param include whether hook lifecycle events appear in the output
         */
        public Builder includeHookEvents(boolean include) {
            this.includeHookEvents = include;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param suggest whether a predicted next prompt follows each turn
         */
        public Builder promptSuggestions(boolean suggest) {
            this.promptSuggestions = suggest;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param enable whether {@code auth_status} messages are emitted
         */
        public Builder enableAuthStatus(boolean enable) {
            this.enableAuthStatus = enable;
            return this;
        }

        // ---- settings --------------------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param settings additional settings
         */
        public Builder settings(Settings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param file a settings JSON file the CLI reads
         */
        public Builder settings(Path file) {
            return settings(file == null ? null : Settings.file(file));
        }

        /**
         * {@return this builder}
         *
         * @param values the settings as plain JSON values
         */
        public Builder settings(Map<String, ?> values) {
            return settings(values == null ? null : Settings.of(values));
        }

        /**
         * {@return this builder}
         *
         * @param json the settings as a JSON object
         * @throws InvalidOptionsException at once when the text is not a JSON object
         */
        public Builder settingsJson(String json) {
            return settings(json == null ? null : Settings.parse(json));
        }

        /**
         * {@return this builder}
         *
         * @param sandbox sandbox settings for Bash commands, merged into the settings under {@code sandbox}
         */
        public Builder sandbox(Map<String, ?> sandbox) {
            this.sandbox = jsonCopy(sandbox, "sandbox");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param managedSettings policy-tier settings from this parent process
         */
        public Builder managedSettings(Map<String, ?> managedSettings) {
            this.managedSettings = jsonCopy(managedSettings, "managedSettings");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param settingSources the settings files to load; empty loads none, null the CLI's default
         */
        public Builder settingSources(List<SettingSource> settingSources) {
            this.settingSources = settingSources == null ? null : listCopy(settingSources, "settingSources");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param settingSources the settings files to load
         */
        public Builder settingSources(SettingSource... settingSources) {
            return settingSources(Arrays.asList(settingSources));
        }

        /**
         * {@return this builder}
         *
         * @param plugins plugin directories or .zip files
         */
        public Builder plugins(List<Path> plugins) {
            this.plugins = listCopy(plugins, "plugins");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param plugins plugin directories or .zip files
         */
        public Builder plugins(Path... plugins) {
            return plugins(Arrays.asList(plugins));
        }

        /**
         * {@return this builder}
         *
         * @param delivery how the plugins reach the CLI; null restores {@link PluginDelivery#ARGV}
         */
        public Builder pluginDelivery(PluginDelivery delivery) {
            this.pluginDelivery = delivery == null ? PluginDelivery.ARGV : delivery;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param plugins plugins whose {@code .mcp.json} servers are not started
         */
        public Builder pluginsWithoutMcp(List<Path> plugins) {
            this.pluginsWithoutMcp = listCopy(plugins, "pluginsWithoutMcp");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param urls plugin .zip files fetched for this session
         */
        public Builder pluginUrls(List<URI> urls) {
            this.pluginUrls = listCopy(urls, "pluginUrls");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param disable whether all skills and slash commands are disabled
         */
        public Builder disableSlashCommands(boolean disable) {
            this.disableSlashCommands = disable;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param bare whether the CLI runs in its minimal mode
         */
        public Builder bare(boolean bare) {
            this.bare = bare;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param safeMode whether every customization is disabled
         */
        public Builder safeMode(boolean safeMode) {
            this.safeMode = safeMode;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param brief whether the SendUserMessage tool is enabled
         */
        public Builder brief(boolean brief) {
            this.brief = brief;
            return this;
        }

        // ---- session ---------------------------------------------------------------------------

        /**
         * Sets which conversation the session starts in, e.g.
         * {@code start(SessionStart.resume(id).forked())}.
         *
         * @param start a new, resumed, continued or pull-request conversation; null restores
         *     the default, {@link SessionStart#newSession()}
         * @return this builder
         */
        public Builder start(SessionStart start) {
            this.start = start == null ? SessionStart.newSession() : start;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param noPersistence whether the session is kept off disk
         */
        public Builder noSessionPersistence(boolean noPersistence) {
            this.noSessionPersistence = noPersistence;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param name the display name of the session
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param files file resources as {@code file_id:relative_path}
         */
        public Builder files(List<String> files) {
            this.files = listCopy(files, "files");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param worktree whether the session runs in a new git worktree; false also clears its name
         */
        public Builder worktree(boolean worktree) {
            this.worktree = worktree;
            if (!worktree) {
                this.worktreeName = null;
            }
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param name the worktree's name; sets {@code worktree}
         */
        public Builder worktreeName(String name) {
            this.worktreeName = name;
            this.worktree = worktree || name != null;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param root the trusted checkout whose project configuration the session uses, absolute;
         *     null for the working directory's
         */
        public Builder projectConfigRoot(Path root) {
            this.projectConfigRoot = root;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param workload the workload tag for billing attribution
         */
        public Builder workload(String workload) {
            this.workload = workload;
            return this;
        }

        // ---- session store ---------------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param sessionStore where the transcript is kept beyond this machine; null for none
         */
        public Builder sessionStore(SessionStore sessionStore) {
            this.sessionStore = sessionStore;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param projectKey the project key the session is kept under in the store; null for the working directory's
         */
        public Builder sessionStoreProjectKey(String projectKey) {
            this.sessionStoreProjectKey = projectKey;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param flush how soon lines are appended to the session store; null for {@link SessionStoreFlush#BATCHED}
         */
        public Builder sessionStoreFlush(SessionStoreFlush flush) {
            this.sessionStoreFlush = flush == null ? SessionStoreFlush.BATCHED : flush;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long each call that loads a session from the store may take; null for the default
         */
        public Builder sessionStoreLoadTimeout(Duration timeout) {
            this.sessionStoreLoadTimeout = timeout == null ? DEFAULT_SESSION_STORE_LOAD_TIMEOUT : timeout;
            return this;
        }

        // ---- observers -------------------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param observers who follow the session's operations (replaces earlier ones); null for none
         */
        public Builder observers(List<? extends SessionObserver> observers) {
            this.observers = listCopy(observers, "observers");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param observer one more to follow the session's operations, after those already given
         */
        public Builder observer(SessionObserver observer) {
            List<SessionObserver> all = new ArrayList<>(observers);
            all.add(Objects.requireNonNull(observer, "observer"));
            this.observers = List.copyOf(all);
            return this;
        }

        // ---- diagnostics -----------------------------------------------------------------------

        /**
         * {@return this builder}
         *
         * @param debug whether debug logging is on; false also clears the filter
         */
        public Builder debug(boolean debug) {
            this.debug = debug;
            if (!debug) {
                this.debugFilter = null;
            }
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param filter debug categories, e.g. {@code api,hooks} or {@code !1p,!file}; sets {@code debug}
         */
        public Builder debugFilter(String filter) {
            this.debugFilter = filter;
            this.debug = debug || filter != null;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param debugFile the file debug logs are written to
         */
        public Builder debugFile(Path debugFile) {
            this.debugFile = debugFile;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param extraArgs further flags by name without leading dashes, each with an optional
         *     value, in iteration order (replaces earlier ones)
         */
        public Builder extraArgs(Map<String, Optional<String>> extraArgs) {
            Map<String, Optional<String>> copy = new LinkedHashMap<>();
            Objects.requireNonNull(extraArgs, "extraArgs").forEach((flag, value) ->
                    copy.put(flagName(flag), Objects.requireNonNull(value, "extraArgs value")));
            this.extraArgs = Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param flag a further flag without a value, e.g. {@code chrome}
         */
        public Builder extraArg(String flag) {
            this.extraArgs = orderedPut(extraArgs, flagName(flag), Optional.empty(), "extraArgs");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param flag a further flag, e.g. {@code advisor}
         * @param value its value
         */
        public Builder extraArg(String flag, String value) {
            this.extraArgs = orderedPut(extraArgs, flagName(flag),
                    Optional.of(Objects.requireNonNull(value, "value")), "extraArgs");
            return this;
        }

        // ---- internals -------------------------------------------------------------------------

        private Builder copy() {
            try {
                return (Builder) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        private Map<String, Object> namedState() {
            Map<String, Object> state = new LinkedHashMap<>();
            for (Field field : Builder.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    state.put(field.getName(), field.get(this));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return state;
        }

        private List<Object> state() {
            return new ArrayList<>(namedState().values());
        }

        private static Integer boxed(OptionalInt value) {
            return Objects.requireNonNull(value, "value").isPresent() ? value.getAsInt() : null;
        }

        private static String flagName(String flag) {
            Objects.requireNonNull(flag, "flag");
            String name = flag.startsWith("--") ? flag.substring(2) : flag;
            if (name.isBlank() || name.startsWith("-") || name.contains("=") || name.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidOptionsException("extraArgs: '" + flag + "' is not a flag name");
            }
            return name;
        }

        private static <T> List<T> listCopy(List<? extends T> list, String what) {
            if (list == null) {
                return List.of();
            }
            for (T element : list) {
                Objects.requireNonNull(element, () -> what + " must not contain null");
            }
            return List.copyOf(list);
        }

        private static <V> Map<String, V> orderedCopy(Map<String, ? extends V> map, String what) {
            Map<String, V> copy = new LinkedHashMap<>();
            if (map != null) {
                map.forEach((key, value) -> copy.put(
                        Objects.requireNonNull(key, () -> what + " must not contain a null key"),
                        Objects.requireNonNull(value, () -> what + " must not contain a null value")));
            }
            return Collections.unmodifiableMap(copy);
        }

        private static <V> Map<String, V> orderedPut(Map<String, V> map, String key, V value, String what) {
            Map<String, V> copy = new LinkedHashMap<>(map);
            copy.put(Objects.requireNonNull(key, () -> what + " key"), Objects.requireNonNull(value, () -> what + " value"));
            return Collections.unmodifiableMap(copy);
        }

        // A deep, unmodifiable copy that is also proof the value can be written as JSON.
        private static Map<String, Object> jsonCopy(Map<String, ?> map, String what) {
            if (map == null) {
                return null;
            }
            try {
                return Json.copyObject(map);
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionsException(what + " is not representable as JSON: " + e.getMessage(), e);
            }
        }
    }
}
