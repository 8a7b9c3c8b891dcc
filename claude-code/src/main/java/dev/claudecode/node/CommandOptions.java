package dev.claudecode.node;

import dev.claudecode.internal.Masking;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to run a command on a {@link Node}.
 *
 * @param workingDirectory where to run it, as a path string on the node; empty for the node's default
 * @param environment variables to add to the command's environment
 * @param input bytes to write to its standard input, then closed
 * @param timeout how long it may run before it is killed
 * @param maxOutputBytes how much of stdout and of stderr to keep, each; the rest is dropped
 */
public record CommandOptions(
        Optional<String> workingDirectory,
        Map<String, String> environment,
        Optional<byte[]> input,
        Duration timeout,
        int maxOutputBytes) {

    /** The default limit on captured output per stream: 16 MiB. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

    /** Validates and copies the components. */
    public CommandOptions {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive: " + maxOutputBytes);
        }
    }

    /** {@return the defaults: node's default directory, no extra environment, no input, 60 s} */
    public static CommandOptions defaults() {
        return new CommandOptions(Optional.empty(), Map.of(), Optional.empty(), Duration.ofSeconds(60), DEFAULT_MAX_OUTPUT_BYTES);
    }

    /**
     * {@return a copy with another timeout}
     *
     * @param newTimeout how long the command may run
     */
    public CommandOptions withTimeout(Duration newTimeout) {
        return new CommandOptions(workingDirectory, environment, input, newTimeout, maxOutputBytes);
    }

    /**
     * {@return a copy that runs in another directory}
     *
     * @param directory the working directory on the node
     */
    public CommandOptions withWorkingDirectory(String directory) {
        return new CommandOptions(Optional.of(directory), environment, input, timeout, maxOutputBytes);
    }

    /**
     * {@return a copy with more environment variables}
     *
     * @param variables the variables to set
     */
    public CommandOptions withEnvironment(Map<String, String> variables) {
        return new CommandOptions(workingDirectory, variables, input, timeout, maxOutputBytes);
    }

    /**
     * {@return a copy that writes {@code bytes} to the command's standard input}
     *
     * @param bytes what the command reads; copied
     */
    public CommandOptions withInput(byte[] bytes) {
        return new CommandOptions(workingDirectory, environment, Optional.of(bytes.clone()), timeout, maxOutputBytes);
    }

    /**
     * {@return the options with the variable names only and the input's size, since both may hold
     * secrets}
     */
    @Override
    public String toString() {
        return "CommandOptions[workingDirectory=" + workingDirectory.orElse("(default)")
                + ", environment=" + Masking.keys(new TreeMap<>(environment))
                + ", input=" + input.map(bytes -> bytes.length + " bytes").orElse("none")
                + ", timeout=" + timeout + ", maxOutputBytes=" + maxOutputBytes + "]";
    }
}
