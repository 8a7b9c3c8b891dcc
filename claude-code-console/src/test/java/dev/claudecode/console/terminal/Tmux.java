package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A program running in a terminal, as a person sees it: a private tmux server (its own socket, no
 * user configuration) runs the command in a pane; tests type with send-keys and read the screen with
 * capture-pane. Closing kills the tmux server and with it the program.
 */
final class Tmux implements AutoCloseable {

    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final String SESSION = "console";
    private static final java.util.regex.Pattern TURN_ENDED = java.util.regex.Pattern.compile("(?m)^— \\d+ turns? · cost \\$");

    private final Path tmux;
    private final String socket;

    private Tmux(Path tmux, String socket) {
        this.tmux = tmux;
        this.socket = socket;
    }

    /**
     * Starts a command in a new 200×50 terminal.
     *
     * @param tmux the tmux executable
     * @param directory the working directory
     * @param environment variables to set for the command
     * @param command the command and its arguments
     * @return the terminal
     */
    static Tmux start(Path tmux, Path directory, Map<String, String> environment, List<String> command) {
        Tmux terminal = new Tmux(tmux, "claude-code-it-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet());
        String variables = environment.entrySet().stream().map(e -> e.getKey() + "=" + quote(e.getValue())).collect(Collectors.joining(" "));
        String line = "env -u ANTHROPIC_API_KEY " + variables + " "
                + command.stream().map(Tmux::quote).collect(Collectors.joining(" "))
                + "; echo \"[exit $?]\"; sleep 600";
        terminal.run("-f", "/dev/null", "new-session", "-d", "-s", SESSION, "-x", "200", "-y", "50",
                "-c", directory.toString(), line);
        return terminal;
    }

    /**
     * Sets a tmux option for the whole server, such as {@code set-clipboard on}.
     *
     * @param name the option
     * @param value its value
     */
    void option(String name, String value) {
        run("set-option", "-g", name, value);
    }

    /** @return tmux's paste buffers, one line each; with {@code set-clipboard on} a program's OSC 52 sequence creates one */
    String buffers() {
        return run("list-buffers").strip();
    }

    /**
     * Presses keys, named as tmux names them, such as {@code C-c}.
     *
     * @param keys the keys
     */
    void keys(String... keys) {
        List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        arguments.addAll(List.of(keys));
        run(arguments.toArray(String[]::new));
    }

    /** Types a line and presses Enter. */
    void typeLine(String text) {
        run("send-keys", "-t", SESSION, "-l", text);
        run("send-keys", "-t", SESSION, "Enter");
    }

    /** @return the screen and its scroll-back, as text */
    String screen() {
        return run("capture-pane", "-p", "-J", "-t", SESSION, "-S", "-2000").stripTrailing();
    }

    /**
     * Waits until the screen shows a text.
     *
     * @return the screen
     */
    String awaitText(String text, Duration timeout) {
        return await(screen -> screen.contains(text), "the text \"" + text + "\"", timeout);
    }

    /**
     * Waits until the screen shows a number of closing lines of turns ({@code — 1 turn · cost $0.0004 · session total $0.0012 · 0.5 s}).
     *
     * @return the screen
     */
    String awaitTurnsEnded(int count, Duration timeout) {
        return await(screen -> (int) TURN_ENDED.matcher(screen).results().count() >= count, count + " closing lines of turns", timeout);
    }

    String await(Predicate<String> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                fail("the terminal did not show " + what + " within " + timeout + "; it shows:\n" + screen);
            }
            sleep(100);
            screen = screen();
        }
        return screen;
    }

    /** Keeps the screen as a test artifact. */
    void save(String name) {
        try {
            Files.writeString(dev.claudecode.console.RequiredTools.screenshots().resolve(name + ".txt"), screen() + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        runQuietly("kill-server");
    }

    private String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tmux.toString(), "-L", socket));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("tmux did not answer: " + command);
            }
            if (process.exitValue() != 0) {
                fail("tmux failed (" + process.exitValue() + "): " + command + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void runQuietly(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tmux.toString(), "-L", socket));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            // the server is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
