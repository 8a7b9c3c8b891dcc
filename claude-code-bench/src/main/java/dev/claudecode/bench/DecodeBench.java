package dev.claudecode.bench;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workload 1: one turn of the fake CLI that replays a long recorded stream; messages per second
 * delivered to the consumer, through the Java SDK, the TypeScript SDK, and a bare pipe with
 * Jackson tree parsing (the limit).
 */
final class DecodeBench {

    /**
     * One driver's runs.
     *
     * @param messagesPerSecond messages per second, first message to result
     * @param messages how many messages the consumer saw in the last run
     */
    record Runs(Summary messagesPerSecond, long messages) {
    }

    /**
     * The workload's outcome.
     *
     * @param expected messages in the stream, the result included
     * @param streamBytes the stream's size
     * @param java the Java SDK
     * @param ts the TypeScript SDK
     * @param bare the bare pipe with Jackson trees
     * @param javaOverTs per round, the Java SDK's rate divided by the TypeScript SDK's
     * @param javaOverBare per round, the Java SDK's rate divided by the bare limit's
     */
    record Result(long expected, long streamBytes, Runs java, Runs ts, Runs bare, Summary javaOverTs, Summary javaOverBare) {
    }

    /** The longest one driver's run of the stream may take before the workload fails. */
    private static final java.time.Duration RUN_TIMEOUT = java.time.Duration.ofMinutes(3);

    private final BenchContext context;
    private final Path turnFile;
    private final long expected;

    DecodeBench(BenchContext context, Path turnFile, long expected) {
        this.context = context;
        this.turnFile = turnFile;
        this.expected = expected;
    }

    Result run(NodeWorker node) throws IOException {
        List<Double> java = new ArrayList<>();
        List<Double> ts = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> overTs = new ArrayList<>();
        List<Double> overBare = new ArrayList<>();
        long[] counts = new long[3];
        int warmup = 2;
        for (int round = 0; round < warmup + context.runs(); round++) {
            boolean measured = round >= warmup;
            // every driver starts from a collected heap, so that one's garbage does not slow the next
            System.gc();
            double[] j = Watchdog.within("Java SDK (decode)", RUN_TIMEOUT, this::javaRun);
            System.gc();
            double[] b = Watchdog.within("bare pipe (decode)", RUN_TIMEOUT, this::bareRun);
            JsonNode t = node.run(tsCommand());
            counts[0] = (long) j[1];
            counts[1] = t.path("messages").asLong();
            counts[2] = (long) b[1];
            if (measured) {
                java.add(j[0]);
                bare.add(b[0]);
                ts.add(counts[1] / (t.path("firstToResultMs").asDouble() / 1000));
                overTs.add(j[0] / ts.getLast());
                overBare.add(j[0] / b[0]);
            }
            Log.progress("decode round %d: java %.0f/s, ts %.0f/s, bare %.0f/s", round, j[0],
                    counts[1] / (t.path("firstToResultMs").asDouble() / 1000), b[0]);
        }
        return new Result(expected, Files.size(turnFile), new Runs(Summary.of(java), counts[0]),
                new Runs(Summary.of(ts), counts[1]), new Runs(Summary.of(bare), counts[2]), Summary.of(overTs), Summary.of(overBare));
    }

    private ObjectNode tsCommand() {
        ObjectNode command = Json.object();
        command.put("op", "decode");
        command.put("cli", context.fakeCli().toString());
        command.put("cwd", context.work().toString());
        command.set("env", NodeWorker.env(context.fakeEnv(turnFile)));
        return command;
    }

    /** @return messages per second and the message count */
    private double[] javaRun(Watchdog.Progress progress) {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(context.fakeCli()).cwd(context.work())
                .env(context.fakeEnv(turnFile)).build();
        long count = 0;
        long first = 0;
        long last = 0;
        try (Session session = ClaudeCode.start(options); MessageStream turn = session.stream("go")) {
            for (Message message : turn) {
                progress.saw(message);
                if (count++ == 0) {
                    first = System.nanoTime();
                }
                if (message instanceof ResultMessage) {
                    last = System.nanoTime();
                }
            }
        }
        return new double[] {count / ((last - first) / 1e9), count};
    }

    /** The limit: the fake CLI's stdout split into lines by hand and parsed into Jackson trees. */
    private double[] bareRun(Watchdog.Progress progress) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(context.fakeCli().toString());
        builder.environment().putAll(context.fakeEnv(turnFile));
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream(); InputStream out = process.getInputStream()) {
            in.write(("{\"type\":\"control_request\",\"request_id\":\"bare_1\",\"request\":{\"subtype\":\"initialize\"}}\n"
                    + "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"go\"},\"parent_tool_use_id\":null,\"session_id\":\"\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            byte[] buffer = new byte[1 << 16];
            int start = 0;
            int end = 0;
            long count = 0;
            long first = 0;
            while (true) {
                int read = out.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    throw new IllegalStateException("the fake CLI ended before its result");
                }
                end += read;
                int newline;
                while ((newline = indexOf(buffer, start, end)) >= 0) {
                    JsonNode line = Json.MAPPER.readTree(buffer, start, newline - start);
                    progress.saw(line);
                    start = newline + 1;
                    String type = line.path("type").asString("");
                    if (type.equals("control_response")) {
                        continue;
                    }
                    if (count++ == 0) {
                        first = System.nanoTime();
                    }
                    if (type.equals("result")) {
                        long last = System.nanoTime();
                        return new double[] {count / ((last - first) / 1e9), count};
                    }
                }
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int indexOf(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

}
