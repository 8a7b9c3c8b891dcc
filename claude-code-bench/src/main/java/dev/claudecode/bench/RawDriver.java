package dev.claudecode.bench;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.internal.launch.OptionsLauncher;
import dev.claudecode.internal.session.Launch;
import dev.claudecode.node.LocalNode;
import dev.claudecode.transport.LaunchSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The floor: a minimal driver of the CLI with nothing but a {@link ProcessBuilder}, the same
 * command line and environment the Java SDK would use, hand-written request lines, and of each
 * line it reads only what {@link WireLine} picks out with a streaming parser (the top-level
 * {@code type}, a control response's request id and subtype), whatever the order of the fields.
 *
 * <p>By default the thread that sends a control request reads the answer itself. After {@link
 * #readOnOwnThread()} a thread of the driver's own reads every line and hands each answer to the
 * thread waiting for it, as any driver must that also has to read what the CLI writes when
 * nobody waits for an answer: the floor for such a design.
 */
final class RawDriver implements AutoCloseable {

    private final Process process;
    private final OutputStream stdin;
    private final BufferedReader stdout;
    private static final String INITIALIZE = "{\"subtype\":\"initialize\"}";

    private long nextId;
    /** The answers waited for, by request id, once a reader thread reads; null until then. */
    private volatile Map<String, CompletableFuture<String>> pending;

    private RawDriver(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdout = process.inputReader(StandardCharsets.UTF_8);
    }

    /** Starts the CLI as the Java SDK would for {@code options}; stderr is discarded. */
    static RawDriver start(ClaudeCodeOptions options) {
        Launch launch = new OptionsLauncher(options, options.cliPath().orElseThrow().toString(), LocalNode::instance).initial();
        if (!launch.spec().files().isEmpty() || !launch.initialize().isEmpty()) {
            throw new IllegalArgumentException("the raw driver runs no MCP servers or settings: " + launch);
        }
        LaunchSpec spec = launch.spec();
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
        write(controlLine(nextId(), INITIALIZE) + userLine(prompt));
    }

    /** Writes {@code initialize} and waits for its answer. */
    void initialize() {
        control(INITIALIZE);
    }

    /** Sends one control request and waits for its answer. */
    void control(String requestJson) {
        String id = nextId();
        Map<String, CompletableFuture<String>> answers = pending;
        if (answers == null) {
            write(controlLine(id, requestJson));
            awaitResponse(id);
            return;
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        answers.put(id, answer);
        write(controlLine(id, requestJson));
        try {
            checkAnswer(id, answer.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer to " + id, e);
        }
    }

    /**
     * From now on a platform thread of the driver's own reads stdout and completes the answer
     * each control request waits for. Call it once, after the last {@link #readLine()}.
     */
    void readOnOwnThread() {
        Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
        pending = answers;
        Thread.ofPlatform().daemon().name("raw-driver-reader").start(() -> {
            String line;
            while ((line = readLineOrNull()) != null) {
                WireLine parsed = WireLine.parse(line);
                if (parsed.isControlResponse()) {
                    CompletableFuture<String> answer = answers.remove(parsed.requestId());
                    if (answer != null) {
                        answer.complete(parsed.subtype());
                    }
                }
            }
            answers.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException("the CLI exited")));
        });
    }

    private String readLineOrNull() {
        try {
            return stdout.readLine();
        } catch (IOException e) {
            return null;
        }
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
        String line;
        while ((line = readLine()) != null) {
            WireLine parsed = WireLine.parse(line);
            if (parsed.isControlResponse() && parsed.requestId().equals(id)) {
                checkAnswer(id, parsed.subtype());
                return;
            }
        }
        throw new IllegalStateException("the CLI exited before answering " + id);
    }

    private static void checkAnswer(String id, String subtype) {
        if (!subtype.equals("success")) {
            throw new IllegalStateException("the CLI answered " + id + " with " + (subtype.isEmpty() ? "no subtype" : subtype));
        }
    }

    private String nextId() {
        return "raw_" + (++nextId);
    }

    private static String controlLine(String id, String request) {
        return "{\"type\":\"control_request\",\"request_id\":\"" + id + "\",\"request\":" + request + "}\n";
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
