package dev.claudecode.internal.node;

import dev.claudecode.internal.transport.StreamedProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A command started behind a {@link PidLine} where nothing can signal it (a container's exec, a
 * pod's exec): its process id comes from the first line of its stderr, and terminating it sends
 * TERM, then KILL after the grace period, to that id through further commands ({@link
 * #signal(String, long)}).
 */
public abstract class PidLineProcess extends StreamedProcess {

    /** How long to wait for the process id, and for the end after the KILL. */
    private static final Duration SIGNAL_WAIT = Duration.ofSeconds(10);

    private final PidLine pidLine;

    /**
     * A command whose end the subclass reports with {@link #exited(int)}.
     *
     * @param stdin its standard input
     * @param stdout its standard output
     * @param stderr its standard error, starting with the {@link PidLine}
     */
    protected PidLineProcess(OutputStream stdin, InputStream stdout, InputStream stderr) {
        this(stdin, stdout, new PidLine(stderr), new CompletableFuture<>());
    }

    /**
     * A command whose end is a future completed elsewhere.
     *
     * @param stdin its standard input
     * @param stdout its standard output
     * @param stderr its standard error, starting with the {@link PidLine}
     * @param exit completes with the exit status when the command has ended
     */
    protected PidLineProcess(OutputStream stdin, InputStream stdout, InputStream stderr, CompletableFuture<Integer> exit) {
        this(stdin, stdout, new PidLine(stderr), exit);
    }

    private PidLineProcess(OutputStream stdin, InputStream stdout, PidLine stderr, CompletableFuture<Integer> exit) {
        super(stdin, stdout, stderr, exit);
        this.pidLine = stderr;
    }

    /** Gives up on the process id: a command that ended before its line came has none. */
    protected final void noPid() {
        pidLine.pid().complete(-1L);
    }

    /** {@return the command's process id where it runs, once it has started} */
    @Override
    public final OptionalLong pid() {
        long known = pidLine.pid().getNow(-1L);
        return known > 0 ? OptionalLong.of(known) : OptionalLong.empty();
    }

    /**
     * TERM to the command, KILL after {@code grace}; then {@link #release()}, which closes the
     * streams of a command that still does not end.
     */
    @Override
    public final void terminate(Duration grace) {
        if (!isAlive()) {
            return;
        }
        long id = awaitPid();
        if (id > 0) {
            signal("TERM", id);
            if (!awaitExit(grace)) {
                signal("KILL", id);
                awaitExit(SIGNAL_WAIT);
            }
        }
        release();
    }

    private long awaitPid() {
        try {
            return pidLine.pid().get(SIGNAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Sends a signal to the command through a further command; failures are only logged.
     *
     * @param signal {@code TERM} or {@code KILL}
     * @param id the command's process id
     */
    protected abstract void signal(String signal, long id);

    /** Closes the command's streams at the end of {@link #terminate(Duration)}. */
    protected abstract void release();
}
