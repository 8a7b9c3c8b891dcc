package dev.claudecode.tests.control;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.message.Message;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.TestCli;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What the control integration tests share: options against a fake API, waiting, the echo MCP server. */
final class ControlFixtures {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private ControlFixtures() {
    }

    static ClaudeCodeOptions.Builder options(FakeClaudeApi api, Path cwd) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    /** Polls until the condition holds; fails with the description otherwise. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    /** Polls until the value satisfies the condition and returns it. */
    static <T> T awaitValue(String what, Supplier<T> value, java.util.function.Predicate<T> condition) {
        Object[] last = new Object[1];
        await(what, () -> {
            T current = value.get();
            last[0] = current;
            return condition.test(current);
        });
        @SuppressWarnings("unchecked")
        T result = (T) last[0];
        return result;
    }

    /** @return the first message of that type the list holds, once it does */
    static <T extends Message> T awaitMessage(List<Message> seen, Class<T> type, java.util.function.Predicate<T> condition) {
        // a copy taken under the list's lock: the listener adds to it while this looks
        await("a " + type.getSimpleName() + " arrives", () -> snapshot(seen).stream().anyMatch(m -> type.isInstance(m) && condition.test(type.cast(m))));
        return snapshot(seen).stream().filter(type::isInstance).map(type::cast).filter(condition).findFirst().orElseThrow();
    }

    private static List<Message> snapshot(List<Message> seen) {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** @return the running CLI's process id */
    static long cliPid(Session session) {
        return session.health().pid().orElseThrow();
    }

    /**
     * The echo MCP server: a single-file Java program the CLI starts with this JVM's java.
     *
     * @param name the name it reports in serverInfo
     */
    static McpServerConfig echoServer(String name) {
        return echoServer(name, List.of());
    }

    /**
     * The echo MCP server with its extras: a tool "sleep" (waits {@code ms} milliseconds) and the
     * MCP Apps resource {@code ui://echo/widget}.
     *
     * @param name the name it reports in serverInfo
     */
    static McpServerConfig.Stdio echoServerWithExtras(String name) {
        return echoServer(name, List.of("--extras"));
    }

    private static McpServerConfig.Stdio echoServer(String name, List<String> flags) {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path source = Path.of(ControlFixtures.class.getResource("/mcp/EchoMcpServer.java").toURI());
            List<String> args = new java.util.ArrayList<>(List.of(source.toString(), name));
            args.addAll(flags);
            return new McpServerConfig.Stdio(java, args, Map.of());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the session's CLI once it has written the conversation so far to disk: the CLI writes
     * its session file after the result, and a resume of a session whose file is not there yet
     * fails with "No conversation found".
     */
    static long killCliAfterItSaved(Session session, FakeClaudeApi api, String lastAnswer) throws Exception {
        String sessionId = session.sessionId().orElseThrow();
        await("the CLI has saved the conversation", () -> {
            try (var files = java.nio.file.Files.walk(api.configDir().resolve("projects"))) {
                return files.filter(p -> p.getFileName().toString().equals(sessionId + ".jsonl")).anyMatch(p -> {
                    try {
                        return java.nio.file.Files.readString(p).contains(lastAnswer);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return false;
            }
        });
        long pid = cliPid(session);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        await("the session notices the dead CLI", () -> !session.isAlive());
        return pid;
    }

    /** Sends a signal to a process, e.g. STOP or CONT. */
    static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + signal + " " + pid + " failed");
        }
    }
}
