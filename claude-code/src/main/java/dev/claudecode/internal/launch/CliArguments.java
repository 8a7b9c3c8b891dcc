package dev.claudecode.internal.launch;

import dev.claudecode.options.BaseTools;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.PermissionPrompts;
import dev.claudecode.options.PluginDelivery;
import dev.claudecode.options.PromptText;
import dev.claudecode.options.SessionStart;
import dev.claudecode.options.SettingSource;
import dev.claudecode.options.Skills;
import dev.claudecode.options.Thinking;
import dev.claudecode.internal.protocol.ProtocolFlags;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns {@link ClaudeCodeOptions} into the CLI's arguments (without the executable): the protocol
 * flags {@link #BASE}, then one row of {@link #TABLE} per flag, then the options' extra arguments.
 *
 * <h2>Flag form</h2>
 * Every value travels in the same argument as its flag, as {@code --flag=value}. The CLI's
 * option parser (commander) then takes the value verbatim, so a value that begins with {@code -}
 * (a prompt such as {@code -be brief}, a directory named {@code -d3}, a session title) can never
 * be read as a flag, and an optional-value flag ({@code --debug}, {@code --resume},
 * {@code --worktree}) can never swallow the next argument. For the variadic flags
 * ({@code --allowedTools}, {@code --disallowedTools}, {@code --tools}, {@code --add-dir},
 * {@code --betas}, {@code --mcp-config}, {@code --file}) the {@code =} form also ends the
 * variadic list at once, and commander accumulates repeated occurrences, so each list element gets
 * its own {@code --flag=element}: no joining, no splitting of values that contain spaces or commas
 * (a rule such as {@code Bash(git log *)} or a path with a space stays one value). The exceptions:
 * {@code --setting-sources} takes one comma-separated value (it is not variadic), and an empty
 * {@code --tools=} means "no built-in tools". All of this was verified against CLI 2.1.197
 * ({@code CliArgumentsIT}).
 *
 * <h2>Values kept out of the arguments</h2>
 * {@code systemPrompt} and {@code appendSystemPrompt} given inline (a {@code PromptText.FromFile} is
 * {@code --system-prompt-file} or {@code --append-system-prompt-file}), {@code outputFormat} (the JSON schema),
 * {@code promptSuggestions} and {@code agents} travel in the {@code initialize} control request
 * ({@code dev.claudecode.internal.control.InitializeRequest}), which has no size limit and reaches
 * the CLI at every launch, a resumed one included; the CLI treats them exactly like
 * {@code --system-prompt}, {@code --append-system-prompt}, {@code --json-schema} and
 * {@code --prompt-suggestions} (checked on the API requests of CLI 2.1.197). The options that
 * have no flag at all travel there too: {@code toolAliases}, {@code skills} (which also adds
 * {@code Skill} rules to {@code --allowedTools}), {@code forwardSubagentText},
 * {@code agentProgressSummaries}, {@code perTaskStopAffordance}, {@code systemPromptSnapshot}, and
 * the plugins under {@code PluginDelivery.INITIALIZE}, which replace {@code --plugin-dir} and add
 * {@code --await-initialize}. The API key and {@code toolConfig} go only into the environment
 * ({@link CliEnvironment}). MCP servers, inline MCP configurations, settings (with {@code sandbox}
 * merged in) and managed settings, which may hold tokens, are never on the command line as values:
 * {@link ConfigDelivery} puts them in the {@code initialize} request or in private files, and adds
 * only the flags and file paths that go with that.
 *
 * <h2>Flags of CLI 2.1.197 that are not mapped</h2>
 * Reachable through {@code extraArgs} where they make sense at all:
 * <ul>
 * <li>{@code -p/--print}, {@code --output-format}, {@code --input-format}, {@code --verbose}: the
 *     protocol itself ({@link #BASE}); print mode is implied because stdout is not a terminal.</li>
 * <li>{@code --sdk-url}: replaces stdio with a remote WebSocket, which this library's transports do
 *     not speak.</li>
 * <li>{@code --agents}: agents are defined in the {@code initialize} control request, which also
 *     carries callbacks that a command line cannot.</li>
 * <li>{@code --ide}, {@code --chrome}, {@code --no-chrome}, {@code --tmux}, {@code --ax-screen-reader},
 *     {@code --bg/--background}, {@code --remote-control/--rc},
 *     {@code --remote-control-session-name-prefix}, {@code --teleport}, {@code --cloud},
 *     {@code --remote}, {@code --prefill}, {@code --prefill-b64}, {@code --deep-link-*}: interactive
 *     terminal, IDE, browser, background-agent or cloud features, or a launch that returns at once.</li>
 * <li>{@code --init}, {@code --init-only}, {@code --maintenance}, {@code --rewind-files}: one-shot
 *     repository maintenance or file restore runs that exit instead of holding a session
 *     (file rewinding is the {@code rewind_files} control request).</li>
 * <li>{@code --reply-on-resume}: internal to the CLI's own {@code /background} hand-over.</li>
 * <li>{@code --agent-id}, {@code --agent-name}, {@code --agent-type}, {@code --agent-color},
 *     {@code --team-name}, {@code --teammate-mode}, {@code --plan-mode-required},
 *     {@code --parent-session-id}: set by the CLI on the teammate processes it spawns itself.</li>
 * <li>{@code --channels}, {@code --dangerously-load-development-channels}: inbound channel
 *     notifications, gated by organisation policy (and a confirmation dialog for the latter).</li>
 * <li>{@code --advisor}: a server-side tool enabled per account; with an API key it changed nothing
 *     in the requests the CLI sent.</li>
 * <li>{@code --enable-auto-mode} (deprecated: use {@code PermissionMode.AUTO}) and
 *     {@code -d2e/--debug-to-stderr} (deprecated: use {@code debug}, {@code debugFile} or the
 *     {@code stderr} consumer).</li>
 * <li>{@code -h/--help}, {@code -v/--version} and the subcommands ({@code mcp}, {@code plugin},
 *     {@code agents}, ...): not sessions.</li>
 * </ul>
 */
public final class CliArguments {

    /** The protocol flags every session starts with; there is no {@code -p}: print mode is implied. */
    public static final List<String> BASE =
            List.of("--output-format", "stream-json", "--verbose", "--input-format", "stream-json");


    /**
     * One flag and how its occurrences are read from the options: an empty {@code Optional} is the
     * bare flag, a value is {@code --flag=value}.
     *
     * @param flag the flag, with its leading dashes
     * @param occurrences the occurrences for given options, possibly none
     */
    record Row(String flag, Function<ClaudeCodeOptions, List<Optional<String>>> occurrences) {
    }

    // The order is the order on the command line; it follows `claude --help` loosely by theme.
    static final List<Row> TABLE = List.of(
            // model
            value("--model", ClaudeCodeOptions::model),
            value("--fallback-model", ClaudeCodeOptions::fallbackModel),
            value("--effort", o -> o.effort().map(Object::toString)),
            value("--thinking", CliArguments::thinkingMode),
            value("--max-thinking-tokens", CliArguments::thinkingBudget),
            value("--thinking-display", ClaudeCodeOptions::thinkingDisplay),
            each("--betas", ClaudeCodeOptions::betas),
            value("--max-turns", o -> number(o.maxTurns().isPresent() ? o.maxTurns().getAsInt() : null)),
            value("--max-budget-usd", o -> o.maxBudgetUsd().isPresent()
                    ? Optional.of(BigDecimal.valueOf(o.maxBudgetUsd().getAsDouble()).stripTrailingZeros().toPlainString())
                    : Optional.empty()),
            value("--task-budget", o -> number(o.taskBudget().isPresent() ? o.taskBudget().getAsLong() : null)),
            // prompt and agent
            value("--system-prompt-file", o -> promptFile(o.systemPrompt())),
            value("--append-system-prompt-file", o -> promptFile(o.appendSystemPrompt())),
            flag("--exclude-dynamic-system-prompt-sections", ClaudeCodeOptions::excludeDynamicSystemPromptSections),
            value("--plan-mode-instructions", ClaudeCodeOptions::planModeInstructions),
            value("--agent", ClaudeCodeOptions::agent),
            // tools and permissions
            new Row("--tools", CliArguments::tools),
            each("--allowedTools", CliArguments::allowedTools),
            each("--disallowedTools", ClaudeCodeOptions::disallowedTools),
            value("--permission-mode", o -> o.permissionMode().map(Object::toString)),
            value("--permission-prompts", o -> o.permissionPrompts().map(PermissionPrompts::value)),
            // a Java permission callback receives the prompts as can_use_tool control requests
            value("--permission-prompt-tool", o -> o.canUseTool().isPresent()
                    ? Optional.of(ProtocolFlags.PERMISSION_PROMPT_TOOL) : o.permissionPromptTool()),
            flag("--allow-dangerously-skip-permissions", ClaudeCodeOptions::allowDangerouslySkipPermissions),
            flag("--dangerously-skip-permissions", ClaudeCodeOptions::dangerouslySkipPermissions),
            each("--add-dir", o -> strings(o.addDirs())),
            // MCP
            flag("--strict-mcp-config", ClaudeCodeOptions::strictMcpConfig),
            // output
            flag("--include-partial-messages", ClaudeCodeOptions::includePartialMessages),
            flag("--replay-user-messages", ClaudeCodeOptions::replayUserMessages),
            flag("--include-hook-events", ClaudeCodeOptions::includeHookEvents),
            flag("--enable-auth-status", ClaudeCodeOptions::enableAuthStatus),
            // settings
            value("--setting-sources", o -> o.settingSources().map(sources ->
                    sources.stream().map(SettingSource::value).collect(Collectors.joining(",")))),
            each("--plugin-dir", o -> pluginsOnArgv(o) ? strings(o.plugins()) : List.of()),
            each("--plugin-dir-no-mcp", o -> pluginsOnArgv(o) ? strings(o.pluginsWithoutMcp()) : List.of()),
            flag(ConfigDelivery.AWAIT_INITIALIZE, CliArguments::awaitsInitialize),
            each("--plugin-url", o -> strings(o.pluginUrls())),
            flag("--disable-slash-commands", ClaudeCodeOptions::disableSlashCommands),
            flag("--bare", ClaudeCodeOptions::bare),
            flag("--safe-mode", ClaudeCodeOptions::safeMode),
            flag("--brief", ClaudeCodeOptions::brief),
            // session
            flag("--continue", o -> o.start() instanceof SessionStart.Continue),
            value("--resume", o -> o.start() instanceof SessionStart.Resume resume
                    ? Optional.of(resume.session()) : Optional.empty()),
            value("--from-pr", o -> o.start() instanceof SessionStart.FromPr fromPr
                    ? Optional.of(fromPr.pullRequest()) : Optional.empty()),
            flag("--fork-session", o -> fork(o.start()).isPresent()),
            value("--resume-session-at", o -> o.start() instanceof SessionStart.Resume resume
                    ? resume.atMessage() : Optional.empty()),
            value("--resume-drops-turn", o -> o.start() instanceof SessionStart.Resume resume
                    ? resume.droppedTurn() : Optional.empty()),
            value("--session-id", o -> sessionId(o.start()).map(UUID::toString)),
            flag("--no-session-persistence", ClaudeCodeOptions::noSessionPersistence),
            flag("--session-mirror", o -> o.sessionStore().isPresent()),
            value("--name", ClaudeCodeOptions::name),
            each("--file", ClaudeCodeOptions::files),
            valueOrFlag("--worktree", ClaudeCodeOptions::worktree, ClaudeCodeOptions::worktreeName),
            value("--project-config-root", o -> path(o.projectConfigRoot())),
            value("--workload", ClaudeCodeOptions::workload),
            // diagnostics
            valueOrFlag("--debug", ClaudeCodeOptions::debug, ClaudeCodeOptions::debugFilter),
            value("--debug-file", o -> path(o.debugFile())));

    private CliArguments() {
    }

    /**
     * Builds the arguments of the flags that carry no secrets: those of {@link #TABLE}.
     *
     * @param options the options
     * @return the CLI's arguments, without the executable
     */
    public static List<String> of(ClaudeCodeOptions options) {
        return of(options, List.of());
    }

    /**
     * Builds the arguments: the protocol flags, the table's flags, the arguments the
     * {@link ConfigDelivery} planned for MCP servers and settings, then the extra arguments.
     *
     * @param options the options
     * @param delivered the arguments planned by {@link ConfigDelivery}, in order
     * @return the CLI's arguments, without the executable
     */
    public static List<String> of(ClaudeCodeOptions options, List<String> delivered) {
        List<String> arguments = new ArrayList<>(BASE);
        for (Row row : TABLE) {
            for (Optional<String> occurrence : row.occurrences().apply(options)) {
                arguments.add(render(row.flag(), occurrence));
            }
        }
        // plugins and MCP servers delivered in initialize both ask for --await-initialize: once is enough
        delivered.stream().filter(argument -> !(argument.equals(ConfigDelivery.AWAIT_INITIALIZE)
                && arguments.contains(argument))).forEach(arguments::add);
        options.extraArgs().forEach((flag, value) -> arguments.add(render("--" + flag, value)));
        return List.copyOf(arguments);
    }

    /**
     * @return every flag the table emits from options (besides {@link #BASE}, the flags of
     *     {@link ConfigDelivery} and extra arguments)
     */
    public static Set<String> flags() {
        Set<String> flags = new LinkedHashSet<>();
        TABLE.forEach(row -> flags.add(row.flag()));
        return flags;
    }

    private static String render(String flag, Optional<String> value) {
        return value.map(v -> flag + "=" + v).orElse(flag);
    }

    private static Row value(String flag, Function<ClaudeCodeOptions, Optional<String>> value) {
        return new Row(flag, o -> value.apply(o).map(v -> List.of(Optional.of(v))).orElse(List.of()));
    }

    private static Row each(String flag, Function<ClaudeCodeOptions, List<String>> values) {
        return new Row(flag, o -> values.apply(o).stream().map(Optional::of).toList());
    }

    private static Row flag(String flag, Predicate<ClaudeCodeOptions> on) {
        return new Row(flag, o -> on.test(o) ? List.of(Optional.empty()) : List.of());
    }

    private static Row valueOrFlag(
            String flag, Predicate<ClaudeCodeOptions> on, Function<ClaudeCodeOptions, Optional<String>> value) {
        return new Row(flag, o -> value.apply(o).isPresent() ? List.of(value.apply(o))
                : on.test(o) ? List.of(Optional.empty()) : List.of());
    }

    private static Optional<String> number(Number number) {
        return Optional.ofNullable(number).map(Object::toString);
    }

    private static Optional<String> path(Optional<Path> path) {
        return path.map(Path::toString);
    }

    private static List<String> strings(Collection<?> values) {
        return values.stream().map(Object::toString).toList();
    }

    // --system-prompt and --append-system-prompt are not used: inline text goes in the initialize request.
    private static Optional<String> promptFile(Optional<PromptText> prompt) {
        return prompt.flatMap(text -> text instanceof PromptText.FromFile file
                ? Optional.of(file.path().toString()) : Optional.empty());
    }

    private static Optional<SessionStart.Fork> fork(SessionStart start) {
        return switch (start) {
            case SessionStart.New fresh -> Optional.empty();
            case SessionStart.Resume resume -> resume.fork();
            case SessionStart.Continue latest -> latest.fork();
            case SessionStart.FromPr fromPr -> fromPr.fork();
        };
    }

    // The id of a new conversation, or the new id of a forked one.
    private static Optional<UUID> sessionId(SessionStart start) {
        return start instanceof SessionStart.New fresh ? fresh.id() : fork(start).flatMap(SessionStart.Fork::id);
    }

    private static Optional<String> thinkingMode(ClaudeCodeOptions options) {
        return options.thinking().flatMap(thinking -> switch (thinking) {
            case Thinking.Adaptive adaptive -> Optional.of("adaptive");
            case Thinking.Disabled disabled -> Optional.of("disabled");
            case Thinking.Enabled enabled -> Optional.<String>empty();
        });
    }

    // A fixed budget has no --thinking value of its own: "--thinking=enabled" means adaptive.
    private static Optional<String> thinkingBudget(ClaudeCodeOptions options) {
        return options.thinking().orElse(null) instanceof Thinking.Enabled enabled
                ? Optional.of(Integer.toString(enabled.budgetTokens())) : Optional.empty();
    }

    /**
     * Tells whether the CLI must wait for the {@code initialize} request before it boots, because
     * the request carries part of its launch configuration (plugins delivered there).
     *
     * @param options the options
     * @return whether {@code --await-initialize} is given
     */
    static boolean awaitsInitialize(ClaudeCodeOptions options) {
        return !pluginsOnArgv(options) && !(options.plugins().isEmpty() && options.pluginsWithoutMcp().isEmpty());
    }

    private static boolean pluginsOnArgv(ClaudeCodeOptions options) {
        return options.pluginDelivery() == PluginDelivery.ARGV;
    }

    // Skills are turned on through the Skill tool's allow rules, as the official SDKs do; a list is
    // also sent in the initialize request, which hides the other skills (InitializeRequest).
    private static List<String> allowedTools(ClaudeCodeOptions options) {
        List<String> rules = new ArrayList<>(options.allowedTools());
        List<String> skillRules = switch (options.skills().orElse(null)) {
            case null -> List.of();
            case Skills.All all -> List.of("Skill");
            case Skills.Only only -> only.names().stream().map(name -> "Skill(" + name + ")").toList();
        };
        skillRules.stream().filter(rule -> !rules.contains(rule)).forEach(rules::add);
        return rules;
    }

    private static List<Optional<String>> tools(ClaudeCodeOptions options) {
        return switch (options.tools().orElse(null)) {
            case null -> List.of();
            case BaseTools.Default all -> List.of(Optional.of("default"));
            // An empty value is how the CLI is told "no built-in tools".
            case BaseTools.Named named when named.names().isEmpty() -> List.of(Optional.of(""));
            case BaseTools.Named named -> named.names().stream().map(Optional::of).toList();
        };
    }
}
