package dev.claudecode.internal.node;

import dev.claudecode.transport.CliProcess;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts commands on a machine that is reached only through commands, with their streams connected here. */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Starts a command.
     *
     * @param command the program and its arguments
     * @param environment variables to add to the command's environment
     * @param workingDirectory where to run it, when not the machine's default
     * @return the running command; closing its stdin ends its input
     * @throws dev.claudecode.errors.ClaudeCodeException when it cannot be started
     */
    CliProcess start(List<String> command, Map<String, String> environment, Optional<String> workingDirectory);
}
