package dev.claudecode.internal.kubernetes;

import dev.claudecode.internal.process.BoundedPipe;
import dev.claudecode.internal.process.ExitReaper;
import dev.claudecode.internal.transport.StreamedProcess;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CLI running as the main process of a pod of its own, its streams attached. The pod's status
 * is read while it runs: when the CLI exits, its exit status is the container's; when Kubernetes
 * ends the pod (eviction, a lost node, a deletion), the status is {@value PodState#KILLED} and a
 * last line on stderr says what happened, so the session's error names it. The pod is deleted
 * before the exit is reported.
 */
public final class PodProcess extends StreamedProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PodProcess.class);
    /** How long the attach stream may stay open after the pod's status says the CLI ended. */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);
    /** How long a deleted pod gets beyond its grace period before it counts as gone. */
    private static final Duration DELETE_WAIT = Duration.ofSeconds(30);
    /** The most bytes of the last line that says what Kubernetes did to the pod. */
    private static final int NOTICE_BYTES = 4096;

    private final Pods pods;
    private final String name;
    private final String container;
    private final ChannelSocket attach;
    private final Duration poll;
    private final BoundedPipe notice;
    private volatile String failure;

    /**
     * Watches a running pod.
     *
     * @param pods the pod operations
     * @param name the pod
     * @param container the CLI container
     * @param attach its attached streams
     * @param poll how often the pod's status is read
     */
    public PodProcess(Pods pods, String name, String container, ChannelSocket attach, Duration poll) {
        this(pods, name, container, attach, poll, new BoundedPipe(NOTICE_BYTES));
    }

    private PodProcess(Pods pods, String name, String container, ChannelSocket attach, Duration poll, BoundedPipe notice) {
        super(attach.stdin(), attach.stdout(), new SequenceInputStream(attach.stderr(), notice));
        this.notice = notice;
        this.pods = pods;
        this.name = name;
        this.container = container;
        this.attach = attach;
        this.poll = poll;
        Thread.ofVirtual().name("pod-exit-" + name).start(this::watch);
    }

    private void watch() {
        int status;
        try {
            status = awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = PodState.KILLED;
        }
        finish(status);
    }

    private int awaitEnd() throws InterruptedException {
        while (true) {
            boolean streamEnded = waitForStream(poll);
            PodState state;
            try {
                state = PodState.of(pods.get(name), container);
            } catch (KubernetesClientException e) {
                LOG.debug("Reading pod {}: {}", name, e.toString());
                continue;
            }
            switch (state.phase()) {
                case EXITED -> {
                    waitForStream(DRAIN_WAIT);
                    if (!state.message().isEmpty() && state.reason().equals("OOMKilled")) {
                        tell("pod " + name + ": " + state.describe());
                    }
                    return state.exitStatus().orElse(PodState.KILLED);
                }
                case FAILED -> {
                    tell("pod " + name + " ended: " + state.describe());
                    return PodState.KILLED;
                }
                default -> {
                    if (streamEnded) {
                        // the stream is gone but the pod still says it runs: read again shortly
                        Thread.sleep(poll.toMillis());
                    }
                }
            }
        }
    }

    private boolean waitForStream(Duration timeout) throws InterruptedException {
        try {
            attach.end().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private void tell(String line) {
        failure = line;
        try {
            notice.write((line + "\n").getBytes(StandardCharsets.UTF_8), 0, line.length() + 1);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish(int status) {
        notice.closeWriter();
        attach.close();
        try {
            pods.delete(name, Duration.ZERO);
            ExitReaper.forget(key(pods.namespace(), name));
        } catch (RuntimeException e) {
            LOG.warn("Could not delete pod {}: {}", name, e.toString());
        }
        exited(status);
    }

    /**
     * The key under which a pod is tracked for deletion at JVM exit.
     *
     * @param namespace its namespace
     * @param name its name
     * @return the key
     */
    public static String key(String namespace, String name) {
        return "pod:" + namespace + "/" + name;
    }

    /** @return the pod's name */
    public String name() {
        return name;
    }

    /** @return what Kubernetes did to the pod, when it ended it */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /**
     * Deletes the pod with {@code grace} as its grace period (the kubelet sends TERM, then KILL)
     * and waits until its end is seen.
     */
    @Override
    public void terminate(Duration grace) {
        if (!isAlive()) {
            return;
        }
        try {
            pods.delete(name, grace);
        } catch (RuntimeException e) {
            LOG.debug("Deleting pod {}: {}", name, e.toString());
        }
        try {
            onExit().get(grace.plus(DELETE_WAIT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("Pod {} did not end within {} s of its deletion", name, grace.plus(DELETE_WAIT).toSeconds());
            attach.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attach.close();
        }
    }

    @Override
    public String toString() {
        return "pod " + name;
    }
}
