package dev.claudecode.internal.session;

import dev.claudecode.errors.ControlException;
import dev.claudecode.control.ServerInfo;
import dev.claudecode.internal.control.ControlGate;
import dev.claudecode.internal.protocol.InboundRequestHandler;
import dev.claudecode.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One CLI process of a session together with its start-up handshake: the {@code initialize}
 * request is the first line the process reads, the runtime changes the session already made
 * follow it, and every later control request waits at the {@link ControlGate} until the
 * {@code initialize} answer is there. The answer is kept compact ({@link InitializeAnswer}) and
 * decoded only when asked for.
 */
public final class LiveConnection {

    private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);

    private final Launch launch;
    private final CliConnection connection;
    private final CompletableFuture<InitializeAnswer> initialized;
    private final ControlGate gate;

    private LiveConnection(Launch launch, CliConnection connection, CompletableFuture<InitializeAnswer> initialized) {
        this.launch = launch;
        this.connection = connection;
        this.initialized = initialized;
        this.gate = new ControlGate(connection.control(), initialized);
    }

    /**
     * Launches the CLI and writes its handshake.
     *
     * @param transport where to run it
     * @param launch what to run, and the secrets handed to it besides its environment
     * @param maxLineBytes the largest stdout line accepted
     * @param handler answers the CLI's control requests
     * @param events receives what the process reports
     * @param initialize the {@code initialize} request
     * @param replay requests that restore the session's runtime changes, sent right after it
     * @param timeout how long the handshake and each of them may take
     * @return the connection, its handshake under way
     */
    public static LiveConnection open(Transport transport, Launch launch, long maxLineBytes,
            InboundRequestHandler handler, CliConnection.Events events, ObjectNode initialize, List<ObjectNode> replay,
            Duration timeout) {
        CliConnection connection = CliConnection.launch(transport, launch.spec(), launch.secrets(), maxLineBytes, handler, events);
        CompletableFuture<InitializeAnswer> initialized;
        try {
            initialized = connection.control().request(initialize, timeout).thenApply(response -> {
                // newer CLIs name their version here; older ones only in system/init, checked there
                UnsupportedVersionWarning.check(response.path("claude_code_version").asString(""));
                return InitializeAnswer.of(response);
            });
            // Written before anything else can be, so the CLI applies them before the first turn.
            for (ObjectNode request : replay) {
                connection.control().request(request, timeout).exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    // a refusal matters; a CLI that died meanwhile is reported elsewhere
                    if (cause instanceof ControlException) {
                        LOG.warn("restoring {} on the new CLI failed: {}", request.path("subtype").asString(""), cause.getMessage());
                    } else {
                        LOG.debug("restoring {} on the new CLI failed: {}", request.path("subtype").asString(""), cause.toString());
                    }
                    return null;
                });
            }
        } finally {
            // only now: the handshake reaches the CLI without waiting for two threads to start
            connection.startReading();
        }
        return new LiveConnection(launch, connection, initialized);
    }

    /** @return how this CLI was launched */
    public Launch launch() {
        return launch;
    }

    /** @return the process and its protocol */
    public CliConnection connection() {
        return connection;
    }

    /** @return where control requests go; they wait for the handshake */
    public ControlGate gate() {
        return gate;
    }

    /** @return the answer to {@code initialize}, decoded anew; fails when the handshake fails */
    public CompletableFuture<ServerInfo> serverInfo() {
        return initialized.thenApply(InitializeAnswer::serverInfo);
    }

    /** @return the answer to {@code initialize}; fails when the handshake fails */
    public CompletableFuture<InitializeAnswer> initialized() {
        return initialized;
    }
}
