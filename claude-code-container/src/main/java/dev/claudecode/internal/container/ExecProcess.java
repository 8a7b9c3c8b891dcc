package dev.claudecode.internal.container;

import dev.claudecode.internal.node.PidLine;
import dev.claudecode.transport.CliProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command run in a running container through an exec. The engine cannot signal an exec, so the
 * command is started by a shell that first prints its process id on stderr (see {@link PidLine});
 * terminating it sends TERM, then KILL, to that id through further execs.
 */
public final class ExecProcess implements CliProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ExecProcess.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final Engine engine;
    private final String container;
    private final Engine.StartedExec exec;
    private final CompletableFuture<Long> pid;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final PidLine stderr;

    private ExecProcess(Engine engine, String container, Engine.StartedExec exec) {
        this.engine = engine;
        this.container = container;
        this.exec = exec;
        this.stderr = new PidLine(exec.stream().stderr());
        this.pid = stderr.pid();
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
            exit.complete(status.orElse(Engine.GONE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit.complete(Engine.GONE);
        } catch (RuntimeException e) {
            LOG.debug("Reading the exit of an exec: {}", e.toString());
            exit.complete(Engine.GONE);
        } finally {
            pid.complete(-1L);
            exec.stream().close();
        }
    }

    @Override
    public OutputStream stdin() {
        return exec.stream().stdin();
    }

    @Override
    public InputStream stdout() {
        return exec.stream().stdout();
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    /** @return the command's process id in the container, once it has started */
    @Override
    public OptionalLong pid() {
        Long known = pid.getNow(-1L);
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

    /** TERM to the command, KILL after {@code grace}; the streams are closed if it still does not end. */
    @Override
    public void terminate(Duration grace) {
        if (exit.isDone()) {
            return;
        }
        long id;
        try {
            id = pid.get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
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
        if (!exit.isDone()) {
            exec.stream().close();
        }
    }

    private void signal(String signal, long id) {
        try {
            Engine.StartedExec kill = engine.exec(container, List.of("kill", "-" + signal, Long.toString(id)), Map.of(), Optional.empty());
            kill.stream().stdin().close();
            kill.stream().stdout().transferTo(OutputStream.nullOutputStream());
            kill.stream().close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Signalling {} in container {}: {}", id, container, e.toString());
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
