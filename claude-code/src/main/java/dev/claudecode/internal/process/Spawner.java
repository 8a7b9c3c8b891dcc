package dev.claudecode.internal.process;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts child processes whose pipes are read and written without a thread blocked in the kernel. */
public interface Spawner {

    /**
     * Starts a child.
     *
     * @param command the executable (found on this JVM's {@code PATH} when it names no directory) and its arguments
     * @param environment the child's whole environment
     * @param workingDirectory where it runs, when not this JVM's directory
     * @return the running child
     * @throws IOException when it cannot be started; the message reads like the JDK's
     */
    SpawnedProcess spawn(List<String> command, Map<String, String> environment, Optional<String> workingDirectory)
            throws IOException;

    /** @return a short name of how it works, for logs and benchmarks */
    String name();
}
