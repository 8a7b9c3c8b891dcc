package dev.claudecode.transport;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What to run: the CLI executable, its arguments, the environment and the working directory.
 * A {@link Transport} decides where it runs.
 *
 * @param executable the CLI executable, as a path on the machine where it runs
 * @param arguments the arguments after the executable
 * @param environment variables to set for the CLI, on top of any inherited ones
 * @param inherit which variables of the launching environment the CLI inherits (by name);
 *     transports that run the CLI elsewhere may ignore it
 * @param workingDirectory the directory the CLI runs in, when not the transport's default
 */
public record LaunchSpec(
        String executable,
        List<String> arguments,
        Map<String, String> environment,
        Predicate<String> inherit,
        Optional<String> workingDirectory) {

    /** Validates and copies the components. */
    public LaunchSpec {
        Objects.requireNonNull(executable, "executable");
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(inherit, "inherit");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** @return the executable followed by the arguments */
    public List<String> command() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(executable), arguments.stream()).toList();
    }

    /**
     * Describes the launch without the environment's values, which hold secrets such as the API
     * key: a launch spec that ends up in a log must not leak them.
     *
     * @return the executable, arguments, variable names and working directory
     */
    @Override
    public String toString() {
        return "LaunchSpec[executable=" + executable + ", arguments=" + arguments
                + ", environment=" + new TreeSet<>(environment.keySet()) + " (values hidden)"
                + ", workingDirectory=" + workingDirectory.orElse("(default)") + "]";
    }

    /** @return a copy with different arguments */
    public LaunchSpec withArguments(List<String> newArguments) {
        return new LaunchSpec(executable, newArguments, environment, inherit, workingDirectory);
    }
}
