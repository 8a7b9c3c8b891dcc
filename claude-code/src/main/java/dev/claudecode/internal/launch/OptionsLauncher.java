package dev.claudecode.internal.launch;

import dev.claudecode.internal.session.Launch;
import dev.claudecode.internal.session.Launcher;
import dev.claudecode.node.Node;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.transport.LaunchSpec;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plans a session's launches from its options: as given, resuming a conversation, or fresh. Each
 * launch gets its command line ({@link CliArguments}), its environment ({@link CliEnvironment}),
 * and the MCP servers and settings that must stay off the command line, delivered as
 * {@link ConfigDelivery} decides: in the {@code initialize} request, or in private files that the
 * transport writes on the machine where the CLI runs and that are removed after it has read them.
 */
public final class OptionsLauncher implements Launcher {

    private final ClaudeCodeOptions options;
    private final String executable;
    private final Supplier<Node> node;
    // asked at most once per launcher, and only when a launch depends on it
    private Optional<String> cliVersion;

    /**
     * Creates a launcher.
     *
     * @param options the session's options
     * @param executable the CLI executable on the machine where it runs
     * @param node the machine where it runs, asked for only when a launch needs it: the CLI's
     *     version is asked there, and private files are removed there
     */
    public OptionsLauncher(ClaudeCodeOptions options, String executable, Supplier<Node> node) {
        this.options = options;
        this.executable = executable;
        this.node = node;
    }

    @Override
    public Launch initial() {
        return launch(options);
    }

    @Override
    public Launch resume(String sessionId) {
        return launch(resuming(options, sessionId));
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
    public Launch fresh() {
        return launch(fresh(options));
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

    private Launch launch(ClaudeCodeOptions launchOptions) {
        Map<String, String> environment = CliEnvironment.explicit(launchOptions);
        LaunchFiles files = new LaunchFiles(node);
        ConfigDelivery.Plan plan = ConfigDelivery.plan(launchOptions, version(environment), files);
        LaunchSpec spec = new LaunchSpec(executable, CliArguments.of(launchOptions, plan.arguments()), environment,
                CliEnvironment.inheritFilter(launchOptions),
                launchOptions.cwd().map(Object::toString).map(Optional::of).orElse(Optional.empty()), files.files());
        return new Launch(spec, plan.initialize(), LaunchSecrets.of(launchOptions), plan.sdkServersAtStart(),
                files::afterHandshake, files::afterExit);
    }

    private Supplier<Optional<String>> version(Map<String, String> environment) {
        return () -> {
            synchronized (this) {
                if (cliVersion == null) {
                    cliVersion = CliVersionProbe.version(node.get(), executable, environment);
                }
                return cliVersion;
            }
        };
    }
}
