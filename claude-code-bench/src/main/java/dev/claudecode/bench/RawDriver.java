package dev.claudecode.bench;

import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.internal.launch.OptionsLauncher;
import dev.claudecode.transport.LaunchSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The floor: a minimal driver of the CLI with nothing but a {@link ProcessBuilder}, the same
 * command line and environment the Java SDK would use, hand-written request lines and
 * {@code startsWith} checks instead of parsing.
 */
final class RawDriver implements AutoCloseable {

    private final Process process;
    private final OutputStream stdin;
    private final BufferedReader stdout;
    private long nextId;

    private RawDriver(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdout = process.inputReader(StandardCharsets.UTF_8);
    }

    /** Starts the CLI as the Java SDK would for {@code options}; stderr is discarded. */
    static RawDriver start(ClaudeCodeOptions options) {
        LaunchSpec spec = new OptionsLauncher(options, options.cliPath().orElseThrow().toString()).initial();
        ProcessBuilder builder = new ProcessBuilder(spec.command()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> !spec.inherit().test(name));
        environment.putAll(spec.environment());
        spec.workingDirectory().ifPresent(dir -> builder.directory(new java.io.File(dir)));
        try {
            return new RawDriver(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code initialize} and the user message at once. */
    void initializeAndSend(String prompt) {
        write(controlLine("{\"subtype\":\"initialize\"}") + userLine(prompt));
    }

    /** Writes {@code initialize} and waits for its answer. */
    void initialize() {
        String id = "raw_" + (++nextId);
        write("{\"type\":\"control_request\",\"request_id\":\"" + id + "\",\"request\":{\"subtype\":\"initialize\"}}\n");
        awaitResponse(id);
    }

    /** Sends one control request and waits for its answer. */
    void control(String requestJson) {
        String id = "raw_" + (++nextId);
        write("{\"type\":\"control_request\",\"request_id\":\"" + id + "\",\"request\":" + requestJson + "}\n");
        awaitResponse(id);
    }

    /** @return the next stdout line, or null at the end */
    String readLine() {
        try {
            return stdout.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitResponse(String id) {
        String marker = "\"request_id\":\"" + id + "\"";
        String line;
        while ((line = readLine()) != null) {
            if (line.startsWith("{\"type\":\"control_response\"") && line.contains(marker)) {
                if (line.contains("\"subtype\":\"error\"")) {
                    throw new IllegalStateException("the CLI refused a control request: " + line);
                }
                return;
            }
        }
        throw new IllegalStateException("the CLI exited before answering " + id);
    }

    private String controlLine(String request) {
        return "{\"type\":\"control_request\",\"request_id\":\"raw_" + (++nextId) + "\",\"request\":" + request + "}\n";
    }

    private static String userLine(String prompt) {
        return "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"" + prompt
                + "\"},\"parent_tool_use_id\":null,\"session_id\":\"\"}\n";
    }

    private void write(String lines) {
        try {
            stdin.write(lines.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                Processes.kill(process);
            }
        } catch (IOException e) {
            Processes.kill(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.kill(process);
        }
    }
}
