package dev.claudecode.internal.launch;

import dev.claudecode.internal.process.LocalLaunchFiles;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.LocalNode;
import dev.claudecode.node.Node;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private files of one launch ({@link dev.claudecode.transport.LaunchSpec#files()}): it names
 * them, in a new directory with an unguessable name under the temporary directory of the machine
 * where the CLI runs, which the transport creates owner-only before the CLI starts; and it
 * removes them through the transport's node, each once the CLI no longer needs it
 * ({@link Lifetime}). Removal runs on a thread of its own, so that the reader thread that sees the
 * handshake or the exit never waits for a remote command.
 */
final class LaunchFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchFiles.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    /** The name every launch directory starts with; removal refuses any other. */
    static final String PREFIX = "claude-launch-";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** How long a file is kept. */
    enum Lifetime {
        /** Until the CLI has answered {@code initialize}: it reads the file when it starts. */
        HANDSHAKE,
        /** Until the CLI exits: it reads the file again while it runs (a settings file). */
        PROCESS
    }

    private final Supplier<Node> nodes;
    private Node node;
    private String directory;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> readAtStart = new ArrayList<>();
    private boolean removed;

    /**
     * Plans files on a node; nothing is written here: the transport writes them when it launches.
     *
     * @param node where the CLI runs; asked for at the first file
     */
    LaunchFiles(Supplier<Node> node) {
        this.nodes = node;
    }

    /**
     * Adds a file.
     *
     * @param name the file's name, letters, digits, {@code .}, {@code _} and {@code -}
     * @param content its text
     * @param lifetime when it is removed
     * @return its absolute path on the node
     */
    synchronized String add(String name, String content, Lifetime lifetime) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a launch file name: " + name);
        }
        if (directory == null) {
            node = nodes.get();
            String temp = node instanceof LocalNode ? Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString() : "/tmp";
            directory = (temp.endsWith("/") ? temp : temp + "/") + PREFIX + UUID.randomUUID();
        }
        String path = directory + "/" + name;
        if (files.putIfAbsent(path, content) != null) {
            throw new IllegalArgumentException("a launch file named " + name + " exists already");
        }
        if (lifetime == Lifetime.HANDSHAKE) {
            readAtStart.add(path);
        }
        return path;
    }

    /** @return the files, by path, for the launch spec */
    synchronized Map<String, String> files() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** @return whether there are any */
    synchronized boolean isEmpty() {
        return files.isEmpty();
    }

    /** Removes, in the background, the files the CLI has read by the end of its handshake. */
    void afterHandshake() {
        List<String> read;
        synchronized (this) {
            if (removed || readAtStart.isEmpty()) {
                return;
            }
            read = List.copyOf(readAtStart);
            readAtStart.clear();
        }
        background(() -> removeFiles(read));
    }

    /** Removes, in the background, the directory and everything in it: the CLI has exited or never started. */
    void afterExit() {
        synchronized (this) {
            if (removed || files.isEmpty()) {
                return;
            }
            removed = true;
        }
        background(this::removeDirectory);
    }

    private void removeFiles(List<String> paths) {
        try {
            if (node instanceof LocalNode) {
                for (String path : paths) {
                    java.nio.file.Files.deleteIfExists(Path.of(path));
                }
            } else {
                List<String> command = new ArrayList<>(List.of("rm", "-f", "--"));
                command.addAll(paths);
                run(command);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("removing the launch files {} on {} failed: {}", paths, node.name(), e.getMessage());
        }
    }

    private void removeDirectory() {
        try {
            if (node instanceof LocalNode) {
                LocalLaunchFiles.remove(Path.of(directory));
            } else {
                run(List.of("rm", "-rf", "--", directory));
            }
        } catch (RuntimeException e) {
            // a container's files go with the container
            LOG.debug("removing the launch directory {} on {} failed: {}", directory, node.name(), e.getMessage());
        }
    }

    private void run(List<String> command) {
        CommandResult result = node.run(command, CommandOptions.defaults().withTimeout(COMMAND_TIMEOUT));
        if (result.exitStatus() != 0) {
            LOG.debug("{} on {} exited with {}: {}", command, node.name(), result.exitStatus(), result.stderr().strip());
        }
    }

    private static void background(Runnable task) {
        Thread.ofVirtual().name("claude-code-launch-files").start(task);
    }
}
