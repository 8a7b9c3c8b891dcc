package dev.claudecode.node;

import dev.claudecode.errors.NodeCommandException;
import dev.claudecode.internal.process.BoundedOutput;
import dev.claudecode.internal.process.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** This machine, as a {@link Node}: the default file system and child processes. */
public final class LocalNode implements Node {

    private static final LocalNode INSTANCE = new LocalNode();

    private LocalNode() {
    }

    /** {@return the node for this machine} */
    public static LocalNode instance() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public FileSystem fileSystem() {
        return FileSystems.getDefault();
    }

    @Override
    public Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    @Override
    public CommandResult run(List<String> command, CommandOptions options) {
        ProcessBuilder builder = new ProcessBuilder(command);
        options.workingDirectory().ifPresent(dir -> builder.directory(new File(dir)));
        builder.environment().putAll(options.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new NodeCommandException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            Thread.Builder threads = Thread.ofVirtual().name("local-node-io");
            BoundedOutput stdout = new BoundedOutput(options.maxOutputBytes());
            BoundedOutput stderr = new BoundedOutput(options.maxOutputBytes());
            Thread out = threads.start(() -> stdout.drain(process.getInputStream()));
            Thread err = threads.start(() -> stderr.drain(process.getErrorStream()));
            Thread in = threads.start(() -> feed(process.getOutputStream(), options.input().orElse(new byte[0])));
            if (!process.waitFor(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.terminate(process.toHandle(), Duration.ofSeconds(1));
                throw new NodeCommandException(command.get(0) + " ran longer than " + options.timeout().toMillis() + " ms and was killed");
            }
            out.join(Duration.ofSeconds(5));
            err.join(Duration.ofSeconds(5));
            in.join(Duration.ofSeconds(1));
            return new CommandResult(process.exitValue(), stdout.text(), stderr.text(), stdout.truncated() || stderr.truncated());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeCommandException("interrupted while running " + command.get(0), e);
        } finally {
            if (process.isAlive()) {
                ProcessTree.kill(process.toHandle());
            }
        }
    }

    private static void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            stdin.write(input);
        } catch (IOException e) {
            if (input.length > 0 && !(e.getMessage() != null && e.getMessage().contains("Broken pipe"))) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
