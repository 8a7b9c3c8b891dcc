package dev.claudecode.internal.kubernetes;

import dev.claudecode.internal.node.PidLine;
import dev.claudecode.internal.node.PidLineProcess;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
public final class PodExecProcess extends PidLineProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PodExecProcess.class);
    /** The status of an exec whose end the API server did not report. */
    public static final int UNKNOWN = 255;
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final Pods pods;
    private final String pod;
    private final String container;
    private final ChannelSocket socket;

    private PodExecProcess(Pods pods, String pod, String container, ChannelSocket socket) {
        super(socket.stdin(), socket.stdout(), socket.stderr(), socket.end().thenApply(status -> exitStatus(pods, status)));
        this.pods = pods;
        this.pod = pod;
        this.container = container;
        this.socket = socket;
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
    protected void signal(String signal, long id) {
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

    /** Closes the exec's stream. */
    @Override
    protected void release() {
        socket.close();
    }
}
