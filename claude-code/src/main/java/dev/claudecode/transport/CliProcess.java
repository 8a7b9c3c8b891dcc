package dev.claudecode.transport;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** A running Claude Code CLI: its standard streams, its exit, and the way to end it. */
public interface CliProcess {

    /** {@return the CLI's standard input; closing it tells the CLI to finish and exit} */
    OutputStream stdin();

    /** {@return the CLI's standard output, one JSON object per line} */
    InputStream stdout();

    /** {@return the CLI's standard error, diagnostics only} */
    InputStream stderr();

    /** {@return the process id on the machine where it runs, when known} */
    OptionalLong pid();

    /** {@return whether the process is still running} */
    boolean isAlive();

    /** {@return a future completed with the exit status when the process ends} */
    CompletableFuture<Integer> onExit();

    /**
     * Ends the process and everything it started: a polite termination signal first, then, after
     * {@code grace}, a forced kill. Returns once the process is gone or the forced kill was sent.
     * Called after the process has exited, it ends what the process left running, as far as the
     * transport can find it.
     *
     * @param grace how long to wait between the polite and the forced step
     */
    void terminate(Duration grace);
}
