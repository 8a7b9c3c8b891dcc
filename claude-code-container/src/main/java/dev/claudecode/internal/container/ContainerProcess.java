package dev.claudecode.internal.container;

import dev.claudecode.internal.process.ExitReaper;
import dev.claudecode.internal.transport.StreamedProcess;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CLI running as the main process of a container of its own. Its exit is noticed when the
 * engine ends the attached stream (then the container's state gives the status); the container is
 * removed before the exit is reported, so a process that has exited leaves no container behind.
 * Terminating it stops the container: TERM to the CLI, KILL to everything in the container after
 * the grace period.
 */
public final class ContainerProcess extends StreamedProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerProcess.class);
    /** How often the state is read when the stream ended while the container still runs. */
    private static final Duration POLL = Duration.ofMillis(250);
    /** How long to wait for the output in flight once the container has stopped. */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);
    /** How long the engine gets to stop a container beyond the grace period. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final Engine engine;
    private final String id;
    private final HijackedStream stream;

    /**
     * Watches a started container.
     *
     * @param engine the engine
     * @param id the container
     * @param stream its attached streams
     */
    public ContainerProcess(Engine engine, String id, HijackedStream stream) {
        super(stream.stdin(), stream.stdout(), stream.stderr());
        this.engine = engine;
        this.id = id;
        this.stream = stream;
        Thread.ofVirtual().name("container-exit-" + shortId()).start(this::watch);
    }

    private void watch() {
        int status;
        try {
            while (!stream.awaitEnd(Duration.ofMinutes(1))) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            status = awaitStatus();
        } catch (RuntimeException e) {
            LOG.debug("Reading the exit of container {}: {}", shortId(), e.toString());
            status = Engine.GONE;
        }
        removeQuietly();
        exited(status);
    }

    private int awaitStatus() {
        while (true) {
            Optional<Integer> status = engine.exitStatus(id);
            if (status.isPresent()) {
                return status.get();
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Engine.GONE;
            }
        }
    }

    private void removeQuietly() {
        try {
            stream.awaitEnd(DRAIN_WAIT);
            engine.remove(id);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove container {}: {}", shortId(), e.toString());
        } finally {
            stream.close();
            ExitReaper.forget(key(id));
        }
    }

    /**
     * The key under which a container is tracked for removal at JVM exit.
     *
     * @param id the container
     * @return the key
     */
    public static String key(String id) {
        return "container:" + id;
    }

    /** @return the container's id */
    public String id() {
        return id;
    }

    private String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /**
     * Stops the container (TERM, then KILL after {@code grace}) and waits until it is removed;
     * a container the engine does not stop in time is removed by force.
     */
    @Override
    public void terminate(Duration grace) {
        if (!isAlive()) {
            return;
        }
        try {
            engine.stop(id, grace);
        } catch (RuntimeException e) {
            LOG.debug("Stopping container {}: {}", shortId(), e.toString());
        }
        try {
            onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("Container {} did not stop in time; removing it by force", shortId());
            try {
                engine.remove(id);
            } catch (RuntimeException removal) {
                LOG.warn("Could not remove container {}: {}", shortId(), removal.toString());
            }
            stream.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.remove(id);
            stream.close();
        }
    }

    @Override
    public String toString() {
        return "container " + shortId();
    }
}
