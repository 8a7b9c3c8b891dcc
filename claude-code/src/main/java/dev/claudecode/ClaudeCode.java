package dev.claudecode;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.internal.BuildInfo;
import dev.claudecode.internal.launch.OptionsLauncher;
import dev.claudecode.internal.observe.Observers;
import dev.claudecode.internal.store.SessionStoreLink;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.transport.LocalTransport;
import dev.claudecode.transport.Transport;
import java.util.Optional;

/**
 * The entry points: start a {@link Session}, or run a single prompt with {@link #query}.
 *
 * <pre>{@code
 * ResultMessage result = ClaudeCode.query("What is 5 + 3?", ClaudeCodeOptions.builder().build());
 *
 * try (Session session = ClaudeCode.start(ClaudeCodeOptions.builder().model("sonnet").build())) {
 *     System.out.println(session.stream("What is 5 + 3?").finalText());
 * }
 * }</pre>
 */
public final class ClaudeCode {

    private ClaudeCode() {
    }

    /**
     * Starts a session on this machine. The CLI is launched at once; the first turn does not
     * wait for its start-up handshake.
     *
     * @param options the session's options
     * @return the session; close it when done
     * @throws dev.claudecode.errors.CliNotFoundException when no CLI can be found
     * @throws dev.claudecode.errors.CliProcessException when the CLI cannot be started
     */
    public static Session start(ClaudeCodeOptions options) {
        return start(options, LocalTransport.create());
    }

    /**
     * Starts a session whose CLI runs through the given transport, for example on another
     * machine.
     *
     * @param options the session's options
     * @param transport where the CLI runs
     * @return the session; close it when done
     * @throws dev.claudecode.errors.SessionStoreException when the options resume a session from a
     *     {@linkplain ClaudeCodeOptions#sessionStore() session store} that fails or is too slow
     */
    public static Session start(ClaudeCodeOptions options, Transport transport) {
        Optional<Session> spare = SpareShelf.claim(options, transport);
        if (spare.isPresent()) {
            return spare.get();
        }
        return launch(options, transport);
    }

    /**
     * Starts a CLI on this machine ahead of need: it is launched and initialized now, and the next
     * {@link #start(ClaudeCodeOptions)} with equal options claims it instead of starting a CLI,
     * so that its first turn does not wait for the CLI's cold start. See {@link Spare}.
     *
     * @param options the options of the session that will claim it
     * @return the spare, ready; close it to stop its CLI if no session claimed it
     * @throws dev.claudecode.errors.CliNotFoundException when no CLI can be found
     * @throws dev.claudecode.errors.CliProcessException when the CLI cannot be started or does not
     *     answer its start-up handshake
     */
    public static Spare prewarm(ClaudeCodeOptions options) {
        return prewarm(options, LocalTransport.create());
    }

    /**
     * Starts a CLI through a transport ahead of need, for the next
     * {@link #start(ClaudeCodeOptions, Transport)} with equal options and the same transport (any
     * local transport counts as the same). See {@link Spare}.
     *
     * @param options the options of the session that will claim it
     * @param transport where the CLI runs
     * @return the spare, ready; close it to stop its CLI if no session claimed it
     */
    public static Spare prewarm(ClaudeCodeOptions options, Transport transport) {
        Session session = launch(options, transport);
        try {
            session.control().serverInfo(); // the start-up handshake, done before any session needs it
        } catch (RuntimeException e) {
            session.stop();
            throw e;
        }
        Spare spare = new Spare(session, SpareShelf.key(transport));
        SpareShelf.add(spare);
        return spare;
    }

    private static Session launch(ClaudeCodeOptions options, Transport transport) {
        String executable = transport.executable(options);
        Observers observers = Observers.of(options.observers());
        Optional<SessionStoreLink> store = SessionStoreLink.open(options, transport, observers);
        ClaudeCodeOptions launchOptions = store.map(SessionStoreLink::launchOptions).orElse(options);
        Session session = new Session(options, transport, new OptionsLauncher(launchOptions, executable, transport::node), store,
                observers);
        try {
            session.connectEagerly();
        } catch (RuntimeException e) {
            session.stop();
            throw e;
        }
        return session;
    }

    /**
     * Runs one prompt in a new session and returns its result; the session is stopped after.
     *
     * @param prompt what the user says
     * @param options the session's options
     * @return the result
     */
    public static ResultMessage query(String prompt, ClaudeCodeOptions options) {
        try (Session session = start(options)) {
            return session.query(prompt);
        }
    }

    /** {@return this library's version} */
    public static String version() {
        return BuildInfo.libraryVersion();
    }

    /**
     * {@return the Claude Code CLI version the managed install installs by default: the newest of
     * the supported versions ({@link dev.claudecode.cli.CliVersionRange})}
     */
    public static String cliVersion() {
        return BuildInfo.cliVersion();
    }
}
