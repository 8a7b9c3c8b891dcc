package dev.claudecode.spring;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Starts the application's Claude Code sessions with the options the starter assembled: the
 * {@code claude-code.*} properties, the callback, hook, MCP, observer and session store beans, and
 * the {@link ClaudeCodeOptionsCustomizer}s. Inject it and start sessions; close each session when
 * done (a JVM shutdown hook reaps CLIs left running).
 *
 * <pre>{@code
 * try (Session session = sessions.start()) {
 *     return session.query(question).result().orElse("");
 * }
 * }</pre>
 */
public final class ClaudeCodeSessions {

    private final ClaudeCodeOptions options;

    /**
     * @param options the options every session starts from
     */
    public ClaudeCodeSessions(ClaudeCodeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the options every session starts from */
    public ClaudeCodeOptions options() {
        return options;
    }

    /**
     * Starts a session with the application's options.
     *
     * @return the session; close it when done
     */
    public Session start() {
        return ClaudeCode.start(options);
    }

    /**
     * Starts a session with the application's options, changed for this session.
     *
     * @param changes what to change, such as {@code o -> o.model("haiku")}
     * @return the session; close it when done
     */
    public Session start(Consumer<ClaudeCodeOptions.Builder> changes) {
        ClaudeCodeOptions.Builder builder = options.toBuilder();
        changes.accept(builder);
        return ClaudeCode.start(builder.build());
    }

    /**
     * Runs one prompt in a new session and stops it.
     *
     * @param prompt what the user says
     * @return the turn's result
     */
    public ResultMessage query(String prompt) {
        return ClaudeCode.query(prompt, options);
    }
}
