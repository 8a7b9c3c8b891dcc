package dev.claudecode.internal.launch;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.InheritEnv;
import dev.claudecode.options.ToolConfig;
import dev.claudecode.internal.BuildInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The CLI's environment: the variables this library sets explicitly, and the whole process
 * environment built from a parent environment.
 *
 * <p>{@code CLAUDE_CODE_ENTRYPOINT} is {@value #ENTRYPOINT}, one of the three values the CLI treats
 * as an SDK session (any other value makes it behave like an interactive user's CLI, e.g. it lists
 * agents hidden from SDKs). The API key is only ever passed here, never on the command line, where
 * other users of the machine could read it.
 */
public final class CliEnvironment {

    /** The entrypoint the CLI is told it runs under. */
    public static final String ENTRYPOINT = "sdk-cli";

    /** The variable the CLI reads the {@code AskUserQuestion} preview format from ({@code ToolConfig}). */
    static final String QUESTION_PREVIEW_FORMAT = "CLAUDE_CODE_QUESTION_PREVIEW_FORMAT";

    /** Set in Claude Code's own shells; inherited, it would make the CLI think it is nested. */
    static final String NESTED_SESSION_MARKER = "CLAUDECODE";

    private CliEnvironment() {
    }

    /**
     * The variables this library sets, in the order they are applied; later ones win.
     * {@code options.env()} may override the entrypoint and version, not the API key (validation
     * rejects that combination).
     *
     * @param options the options
     * @return the variables, insertion-ordered
     */
    public static Map<String, String> explicit(ClaudeCodeOptions options) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("CLAUDE_CODE_ENTRYPOINT", ENTRYPOINT);
        variables.put("CLAUDE_AGENT_SDK_VERSION", BuildInfo.libraryVersion());
        if (options.enableFileCheckpointing()) {
            variables.put("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING", "true");
        }
        options.toolConfig().flatMap(ToolConfig::askUserQuestionPreviewFormat)
                .ifPresent(format -> variables.put(QUESTION_PREVIEW_FORMAT, format.value()));
        variables.putAll(options.env());
        options.apiKey().ifPresent(key -> variables.put("ANTHROPIC_API_KEY", key));
        return variables;
    }

    /**
     * Which variables of the parent environment the CLI inherits: those {@code
     * options.inheritEnv()} lets through, never {@code CLAUDECODE}.
     *
     * @param options the options
     * @return the filter, by variable name
     */
    public static Predicate<String> inheritFilter(ClaudeCodeOptions options) {
        InheritEnv inheritEnv = options.inheritEnv();
        return name -> !name.equals(NESTED_SESSION_MARKER) && inheritEnv.inherits(name);
    }

    /**
     * The complete environment of the CLI process: the parent's variables that
     * {@code options.inheritEnv()} lets through, without {@code CLAUDECODE}, then
     * {@link #explicit(ClaudeCodeOptions)}.
     *
     * @param parent the parent environment, usually {@link System#getenv()}
     * @param options the options
     * @return the environment, insertion-ordered
     */
    public static Map<String, String> process(Map<String, String> parent, ClaudeCodeOptions options) {
        Map<String, String> environment = new LinkedHashMap<>();
        Predicate<String> inherited = inheritFilter(options);
        parent.forEach((name, value) -> {
            if (inherited.test(name)) {
                environment.put(name, value);
            }
        });
        environment.putAll(explicit(options));
        return environment;
    }
}
