package dev.claudecode.internal.kubernetes;

import dev.claudecode.internal.node.PidLine;
import dev.claudecode.transport.CliProcess;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command run in a pod's container through the exec subresource. Its exit status comes from
 * the final {@code Status} on channel 3; it is started behind a {@link PidLine} so that it can be
 * signalled through a second exec.
 */
public final class PodExecProcess implements CliProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PodExecProcess.class);
    /** The status of an exec whose end the API server did not report. */
    public static final int UNKNOWN = 255;
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final Pods pods;
    private final String pod;
    private final String container;
    private final ChannelSocket socket;
    private final PidLine stderr;
    private final CompletableFuture<Integer> exit;

    private PodExecProcess(Pods pods, String pod, String container, ChannelSocket socket) {
        this.pods = pods;
        this.pod = pod;
        this.container = container;
        this.socket = socket;
        this.stderr = new PidLine(socket.stderr());
        this.exit = socket.end().thenApply(status -> exitStatus(pods, status));
    }

    /**
     * Starts a command in a pod's container.
     *
     * @param pods the pod operations
     * @param pod the pod
     * @param container the container
     * @param command the command, already wrapped for its directory and environment
     * @return the running command
     * @throws IOException when the exec cannot be opened
     */
    public static PodExecProcess start(Pods pods, String pod, String container, List<String> command) throws IOException {
        return new PodExecProcess(pods, pod, container,
                ChannelSocket.open(pods.client(), pods.execPath(pod, container, PidLine.wrap(command)), pods.timeout()));
    }

    /**
     * Reads an exec's exit status from its final {@code Status}: {@code Success} is 0, a {@code
     * NonZeroExitCode} failure carries the status as its {@code ExitCode} cause.
     *
     * @param pods the pod operations (for the JSON mapping)
     * @param json the status, as sent
     * @return the exit status, {@value #UNKNOWN} when there is none
     */
    static int exitStatus(Pods pods, String json) {
        if (json == null || json.isBlank()) {
            return UNKNOWN;
        }
        try {
            Status status = pods.client().getKubernetesSerialization().unmarshal(json, Status.class);
            if ("Success".equals(status.getStatus())) {
                return 0;
            }
            return Optional.ofNullable(status.getDetails()).map(details -> details.getCauses()).orElse(List.of()).stream()
                    .filter(cause -> "ExitCode".equals(cause.getReason())).map(StatusCause::getMessage)
                    .map(Integer::parseInt).findFirst().orElse(UNKNOWN);
        } catch (RuntimeException e) {
            LOG.debug("Unreadable exec status {}: {}", json, e.toString());
            return UNKNOWN;
        }
    }

    @Override
    public OutputStream stdin() {
        return socket.stdin();
    }

    @Override
    public InputStream stdout() {
        return socket.stdout();
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    @Override
    public OptionalLong pid() {
        long known = stderr.pid().getNow(-1L);
        return known > 0 ? OptionalLong.of(known) : OptionalLong.empty();
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit.copy();
    }

    /** TERM to the command, KILL after {@code grace}, through further execs; then the stream is closed. */
    @Override
    public void terminate(Duration grace) {
        if (exit.isDone()) {
            return;
        }
        long id;
        try {
            id = stderr.pid().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            id = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            id = -1;
        }
        if (id > 0) {
            signal("TERM", id);
            if (!awaitExit(grace)) {
                signal("KILL", id);
                awaitExit(EXIT_WAIT);
            }
        }
        socket.close();
    }

    private void signal(String signal, long id) {
        try (ChannelSocket kill = ChannelSocket.open(pods.client(),
                pods.execPath(pod, container, List.of("kill", "-" + signal, Long.toString(id))), pods.timeout())) {
            kill.stdin().close();
            kill.end().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOG.debug("Signalling {} in pod {}: {}", id, pod, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return exit.isDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return exit.isDone();
        }
    }
}
