package dev.claudecode.internal.launch;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.internal.session.Launcher;
import dev.claudecode.transport.LaunchSpec;
import java.util.Optional;

/** Plans a session's launches from its options: as given, resuming a conversation, or fresh. */
public final class OptionsLauncher implements Launcher {

    private final ClaudeCodeOptions options;
    private final String executable;

    /**
     * Creates a launcher.
     *
     * @param options the session's options
     * @param executable the CLI executable on the machine where it runs
     */
    public OptionsLauncher(ClaudeCodeOptions options, String executable) {
        this.options = options;
        this.executable = executable;
    }

    @Override
    public LaunchSpec initial() {
        return spec(options);
    }

    @Override
    public LaunchSpec resume(String sessionId) {
        return spec(resuming(options, sessionId));
    }

    /**
     * The options of a new process that continues a conversation: the given options with their
     * {@link ClaudeCodeOptions#start() start} replaced by resuming {@code sessionId}.
     *
     * @param options a session's options
     * @param sessionId the conversation to continue
     * @return the options for the resuming launch
     */
    public static ClaudeCodeOptions resuming(ClaudeCodeOptions options, String sessionId) {
        return options.toBuilder().start(SessionStart.resume(sessionId)).build();
    }

    @Override
    public LaunchSpec fresh() {
        return spec(fresh(options));
    }

    /**
     * The options of a new process that starts a new conversation: the given options with their
     * {@link ClaudeCodeOptions#start() start} replaced by a new conversation whose id the CLI picks.
     *
     * @param options a session's options
     * @return the options for a fresh launch
     */
    public static ClaudeCodeOptions fresh(ClaudeCodeOptions options) {
        return options.toBuilder().start(SessionStart.newSession()).build();
    }

    private LaunchSpec spec(ClaudeCodeOptions launchOptions) {
        return new LaunchSpec(executable, CliArguments.of(launchOptions), CliEnvironment.explicit(launchOptions),
                CliEnvironment.inheritFilter(launchOptions),
                launchOptions.cwd().map(Object::toString).map(Optional::of).orElse(Optional.empty()));
    }
}
