package dev.claudecode.internal.process;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A child process started by a {@link Spawner}: its pipes, its id and its exit. Its streams are
 * {@link PolledStream}s, so a thread blocked on them waits in Java, never in the kernel.
 */
public interface SpawnedProcess {

    /** @return the child's standard input */
    OutputStream stdin();

    /** @return the child's standard output */
    InputStream stdout();

    /** @return the child's standard error */
    InputStream stderr();

    /** @return the child's process id */
    long pid();

    /** @return completed with the exit status (128 + the signal for a killed child) once it has exited and been reaped */
    CompletableFuture<Integer> onExit();

    /** @return whether the child has not exited yet */
    boolean isAlive();

    /**
     * Sends the child a signal, unless it has exited: a reaped child's id may name another
     * process by now.
     *
     * @param force {@code SIGKILL} when true, else {@code SIGTERM}
     * @return whether the signal was sent
     */
    boolean signal(boolean force);
}
