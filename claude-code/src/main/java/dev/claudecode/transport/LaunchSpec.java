package dev.claudecode.transport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What to run: the CLI executable, its arguments, the environment, the working directory, and
 * the private files it reads when it starts. A {@link Transport} decides where it runs.
 *
 * <h2>Private files</h2>
 * Configuration that may hold secrets and that an older CLI can only read from a file (MCP server
 * {@code env} and {@code headers}, settings) is never put in the arguments, which every user of the
 * machine can read: the arguments name a file instead, and {@link #files()} holds its content. A
 * transport creates these files on the machine where the CLI runs before it starts the CLI: their
 * common parent directory, which does not exist yet, readable by the CLI's user only ({@code 0700}),
 * and each file readable by that user only ({@code 0600}); it fails the launch when it cannot. The
 * content must not travel in any command's arguments on the way. The session removes the files
 * through the transport's {@link Transport#node() node} once the CLI has read them or has exited.
 *
 * @param executable the CLI executable, as a path on the machine where it runs
 * @param arguments the arguments after the executable
 * @param environment variables to set for the CLI, on top of any inherited ones
 * @param inherit which variables of the launching environment the CLI inherits (by name);
 *     transports that run the CLI elsewhere may ignore it
 * @param workingDirectory the directory the CLI runs in, when not the transport's default
 * @param files private files to create before the CLI starts, by absolute path on the machine
 *     where it runs, all in one new directory; usually none
 */
public record LaunchSpec(
        String executable,
        List<String> arguments,
        Map<String, String> environment,
        Predicate<String> inherit,
        Optional<String> workingDirectory,
        Map<String, String> files) {

    /** Validates and copies the components. */
    public LaunchSpec {
        Objects.requireNonNull(executable, "executable");
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(inherit, "inherit");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        String parent = null;
        for (String path : files.keySet()) {
            int slash = path.lastIndexOf('/');
            if (!path.startsWith("/") || slash <= 0 || slash == path.length() - 1 || path.contains("/../") || path.contains("/./")) {
                throw new IllegalArgumentException("a launch file needs an absolute path of a file in a directory: " + path);
            }
            if (parent != null && !parent.equals(path.substring(0, slash))) {
                throw new IllegalArgumentException("the launch files are not in one directory: " + path);
            }
            parent = path.substring(0, slash);
            Objects.requireNonNull(files.get(path), "content");
        }
    }

    /**
     * A launch without private files.
     *
     * @param executable the CLI executable
     * @param arguments the arguments after it
     * @param environment variables to set for the CLI
     * @param inherit which variables of the launching environment the CLI inherits
     * @param workingDirectory the directory the CLI runs in, when not the transport's default
     */
    public LaunchSpec(String executable, List<String> arguments, Map<String, String> environment, Predicate<String> inherit,
            Optional<String> workingDirectory) {
        this(executable, arguments, environment, inherit, workingDirectory, Map.of());
    }

    /** {@return the executable followed by the arguments} */
    public List<String> command() {
        return Stream.concat(Stream.of(executable), arguments.stream()).toList();
    }

    /** {@return the directory that holds the private files, when there are any} */
    public Optional<String> filesDirectory() {
        return files.keySet().stream().findFirst().map(path -> path.substring(0, path.lastIndexOf('/')));
    }

    /**
     * Describes the launch without the environment's values and the files' content, which hold
     * secrets such as the API key: a launch spec that ends up in a log must not leak them.
     *
     * @return the executable, arguments, variable names, working directory and file paths
     */
    @Override
    public String toString() {
        return "LaunchSpec[executable=" + executable + ", arguments=" + arguments
                + ", environment=" + new TreeSet<>(environment.keySet()) + " (values hidden)"
                + ", workingDirectory=" + workingDirectory.orElse("(default)")
                + (files.isEmpty() ? "" : ", files=" + files.keySet() + " (content hidden)") + "]";
    }

    /**
     * {@return a copy with different arguments}
     *
     * @param newArguments the arguments in place of these
     */
    public LaunchSpec withArguments(List<String> newArguments) {
        return new LaunchSpec(executable, newArguments, environment, inherit, workingDirectory, files);
    }
}
