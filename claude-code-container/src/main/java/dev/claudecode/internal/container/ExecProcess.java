package dev.claudecode.internal.container;

import dev.claudecode.internal.node.PidLine;
import dev.claudecode.internal.node.PidLineProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command run in a running container through an exec. The engine cannot signal an exec, so the
 * command is started by a shell that first prints its process id on stderr (see {@link PidLine});
 * terminating it sends TERM, then KILL, to that id through further execs.
 */
public final class ExecProcess extends PidLineProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ExecProcess.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final Engine engine;
    private final String container;
    private final Engine.StartedExec exec;

    private ExecProcess(Engine engine, String container, Engine.StartedExec exec) {
        super(exec.stream().stdin(), exec.stream().stdout(), exec.stream().stderr());
        this.engine = engine;
        this.container = container;
        this.exec = exec;
        Thread.ofVirtual().name("exec-exit").start(this::watch);
    }

    /**
     * Starts a command in a container.
     *
     * @param engine the engine
     * @param container the running container
     * @param command the command
     * @param environment variables to add
     * @param workingDirectory where to run it
     * @return the running command
     * @throws IOException when the engine cannot be reached or refuses
     */
    public static ExecProcess start(Engine engine, String container, List<String> command, Map<String, String> environment,
            Optional<String> workingDirectory) throws IOException {
        return new ExecProcess(engine, container, engine.exec(container, PidLine.wrap(command), environment, workingDirectory));
    }

    private void watch() {
        try {
            while (!exec.stream().awaitEnd(Duration.ofMinutes(1))) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
            Optional<Integer> status = engine.execExit(exec.id());
            while (status.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(POLL);
                status = engine.execExit(exec.id());
            }
            exited(status.orElse(Engine.GONE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited(Engine.GONE);
        } catch (RuntimeException e) {
            LOG.debug("Reading the exit of an exec: {}", e.toString());
            exited(Engine.GONE);
        } finally {
            noPid();
            exec.stream().close();
        }
    }

    @Override
    protected void signal(String signal, long id) {
        try {
            Engine.StartedExec kill = engine.exec(container, List.of("kill", "-" + signal, Long.toString(id)), Map.of(), Optional.empty());
            kill.stream().stdin().close();
            kill.stream().stdout().transferTo(OutputStream.nullOutputStream());
            kill.stream().close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Signalling {} in container {}: {}", id, container, e.toString());
        }
    }

    /** Closes the exec's streams unless it has ended (then they are closed already). */
    @Override
    protected void release() {
        if (isAlive()) {
            exec.stream().close();
        }
    }
}
