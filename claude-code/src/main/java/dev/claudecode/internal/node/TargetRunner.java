package dev.claudecode.internal.node;

import dev.claudecode.transport.CliProcess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starts commands in one of several targets a transport runs its CLIs in (a container, a pod),
 * named by id; {@link #in} and {@link #inNewest} turn it into the {@link CommandRunner} of a
 * {@link CommandNode}.
 */
@FunctionalInterface
public interface TargetRunner {

    /**
     * Starts a command in a target.
     *
     * @param target the target's id
     * @param command the program and its arguments
     * @param environment variables to add to the command's environment
     * @param workingDirectory where to run it, when not the target's default
     * @return the running command
     * @throws dev.claudecode.errors.ClaudeCodeException when it cannot be started
     */
    CliProcess start(String target, List<String> command, Map<String, String> environment, Optional<String> workingDirectory);

    /**
     * {@return a runner for one target}
     *
     * @param target the target's id
     */
    default CommandRunner in(String target) {
        return (command, environment, workingDirectory) -> start(target, command, environment, workingDirectory);
    }

    /**
     * {@return a runner for whichever target is the newest when a command starts}
     *
     * @param newest the newest target whose CLI still runs, if any
     * @param none the failure when there is none
     */
    default CommandRunner inNewest(Supplier<Optional<String>> newest, Supplier<? extends RuntimeException> none) {
        return (command, environment, workingDirectory) -> start(newest.get().orElseThrow(none), command, environment, workingDirectory);
    }
}
