package dev.claudecode.internal.transport;

import dev.claudecode.internal.process.ExitWait;
import dev.claudecode.transport.CliProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A process that runs elsewhere (in a container, a pod, on a remote host) and is reached through
 * three streams fixed when it starts. The subclass watches for its end and reports it with {@link
 * #exited(int)}, or hands over a future that completes with the status; it also knows how to end it.
 */
public abstract class StreamedProcess implements CliProcess {

    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private final CompletableFuture<Integer> exit;

    /**
     * A process whose end the subclass reports with {@link #exited(int)}.
     *
     * @param stdin its standard input
     * @param stdout its standard output
     * @param stderr its standard error
     */
    protected StreamedProcess(OutputStream stdin, InputStream stdout, InputStream stderr) {
        this(stdin, stdout, stderr, new CompletableFuture<>());
    }

    /**
     * A process whose end is a future completed elsewhere.
     *
     * @param stdin its standard input
     * @param stdout its standard output
     * @param stderr its standard error
     * @param exit completes with the exit status when the process has ended
     */
    protected StreamedProcess(OutputStream stdin, InputStream stdout, InputStream stderr, CompletableFuture<Integer> exit) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.exit = exit;
    }

    /**
     * Reports the end of the process; later reports are ignored.
     *
     * @param status its exit status
     */
    protected final void exited(int status) {
        exit.complete(status);
    }

    /**
     * Waits, for a bounded time, for the process to end (see {@link ExitWait}).
     *
     * @param timeout how long to wait at most
     * @return whether it has ended
     */
    protected final boolean awaitExit(Duration timeout) {
        return ExitWait.await(exit, this::isAlive, timeout);
    }

    @Override
    public final OutputStream stdin() {
        return stdin;
    }

    @Override
    public final InputStream stdout() {
        return stdout;
    }

    @Override
    public final InputStream stderr() {
        return stderr;
    }

    /** {@return empty, unless the subclass knows the process id where the process runs} */
    @Override
    public OptionalLong pid() {
        return OptionalLong.empty();
    }

    @Override
    public final boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public final CompletableFuture<Integer> onExit() {
        return exit.copy();
    }
}
