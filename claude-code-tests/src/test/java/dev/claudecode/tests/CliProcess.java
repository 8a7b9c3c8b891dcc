package dev.claudecode.tests;

import dev.claudecode.internal.json.Json;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.TestCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The real CLI as a plain child process speaking stream-json, for smoke tests of the fake API.
 * Stdout lines are parsed on a virtual thread; stderr is kept for failure messages. Closing it
 * closes stdin, then destroys the process and waits for it.
 */
final class CliProcess implements AutoCloseable {

    private static final JsonNode END = Json.object();

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final AtomicInteger requestIds = new AtomicInteger();

    private CliProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread.ofVirtual().name("cli-stdout-" + process.pid()).start(() -> readStdout(process.getInputStream()));
        Thread.ofVirtual().name("cli-stderr-" + process.pid()).start(() -> readStderr(process.getErrorStream()));
    }

    /**
     * Starts the CLI against a fake API.
     *
     * @param api the fake API whose environment the CLI gets
     * @param cwd the CLI's working directory
     * @param env extra variables, e.g. {@code CLAUDE_CODE_MAX_RETRIES}
     * @param flags extra command-line flags
     * @return the running process
     */
    static CliProcess start(FakeClaudeApi api, Path cwd, Map<String, String> env, String... flags) {
        List<String> argv = new ArrayList<>(List.of(TestCli.path().toString(),
                "--output-format", "stream-json", "--verbose", "--input-format", "stream-json"));
        argv.addAll(List.of(flags));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(cwd.toFile());
        api.applyEnvironment(builder.environment());
        builder.environment().put("CLAUDE_CODE_ENTRYPOINT", "sdk-cli");
        builder.environment().putAll(env);
        try {
            return new CliProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
    }

    /** Writes the {@code initialize} control request. */
    void initialize() {
        send(Map.of("type", "control_request", "request_id", "req_" + requestIds.incrementAndGet(),
                "request", Map.of("subtype", "initialize")));
    }

    /**
     * Writes a user message.
     *
     * @param text the prompt
     */
    void sendUser(String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "user");
        message.put("message", Map.of("role", "user", "content", text));
        message.put("parent_tool_use_id", null);
        message.put("session_id", "");
        send(message);
    }

    /**
     * Reads stdout lines until a {@code result} line.
     *
     * @param timeout the longest wait
     * @return the result line
     * @throws AssertionError on timeout or when the CLI exits first
     */
    JsonNode awaitResult(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    throw new AssertionError("no result within " + timeout + "; " + diagnostics());
                }
                if (line == END) {
                    lines.add(END);
                    throw new AssertionError("the CLI closed stdout before a result; " + diagnostics());
                }
                seen.add(line);
                if ("result".equals(Json.text(line, "type", ""))) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a result", e);
        }
    }

    /** @return the stdout lines consumed so far by {@link #awaitResult} */
    List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    /**
     * Closes stdin, gives the CLI a moment to exit on its own, then destroys it and any process it
     * started, and waits for the end.
     */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // the CLI may already be gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void send(Map<String, Object> message) {
        try {
            stdin.write((Json.write(message) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the CLI; " + diagnostics(), e);
        }
    }

    private void readStdout(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(Json.parse(line));
                }
            }
        } catch (IOException | RuntimeException e) {
            stderr.append("[stdout reader: ").append(e).append("]\n");
        } finally {
            lines.add(END);
        }
    }

    private void readStderr(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                stderr.append(line).append('\n');
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private String diagnostics() {
        String tail = stderr.length() > 4000 ? stderr.substring(stderr.length() - 4000) : stderr.toString();
        return "alive=" + process.isAlive() + ", lines=" + seen.stream().map(line -> Json.text(line, "type", "?")
                + "/" + Json.text(line, "subtype", "")).toList() + ", stderr: " + tail;
    }
}
