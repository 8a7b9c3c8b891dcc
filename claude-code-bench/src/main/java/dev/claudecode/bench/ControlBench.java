package dev.claudecode.bench;

import dev.claudecode.BenchSessionAccess;
import dev.claudecode.ClaudeCode;
import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.internal.json.Json;
import dev.claudecode.testkit.FakeClaudeApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workload 3: sequential control round trips on one live session of the real CLI
 * ({@code set_model}, then {@code mcp_status}), through the Java SDK, the TypeScript SDK and the
 * raw driver. Each measured run is {@code calls} calls; the value is milliseconds per run.
 */
final class ControlBench {

    /** The two requests measured. */
    enum Kind {
        SET_MODEL("setModel"), MCP_STATUS("mcpStatus");

        final String tsName;

        Kind(String tsName) {
            this.tsName = tsName;
        }
    }

    /** @param java the Java SDK; @param ts the TypeScript SDK; @param raw the raw driver; all ms per {@code calls} calls */
    record Result(Kind kind, int calls, Summary java, Summary ts, Summary raw, String javaRoute) {
    }

    private static final String[] MODELS = {"claude-sonnet-4-5", "claude-opus-4-1"};
    private static final int WARMUP_CALLS = 100;
    /** The CLI keeps working for a while after it answered initialize; every driver waits this long. */
    static final long SETTLE_MILLIS = 2_000;

    private final BenchContext context;
    private final Path cli;

    ControlBench(BenchContext context, Path cli) {
        this.context = context;
        this.cli = cli;
    }

    List<Result> run(NodeWorker node, int calls) {
        List<Result> results = new ArrayList<>();
        try (FakeClaudeApi api = FakeClaudeApi.start()) {
            ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(cli).cwd(context.work()).env(api.environment()).build();
            for (Kind kind : Kind.values()) {
                List<Double> raw = rawRuns(options, kind, calls);
                List<Double> java = javaRuns(options, kind, calls);
                JsonNode t = node.run(tsCommand(api, kind, calls));
                List<Double> ts = new ArrayList<>();
                t.path("runsMs").forEach(v -> ts.add(v.asDouble()));
                Log.progress("control %s: raw %s, java %s, ts %s ms per %d", kind, raw, java, ts, calls);
                results.add(new Result(kind, calls, Summary.of(java), Summary.of(ts), Summary.of(raw),
                        kind == Kind.SET_MODEL ? BenchSessionAccess.setModelRoute() : BenchSessionAccess.mcpStatusRoute()));
            }
        }
        return results;
    }

    private ObjectNode tsCommand(FakeClaudeApi api, Kind kind, int calls) {
        ObjectNode command = Json.object();
        command.put("op", "control");
        command.put("kind", kind.tsName);
        command.put("cli", cli.toString());
        command.put("cwd", context.work().toString());
        command.put("calls", calls);
        command.put("runs", context.runs());
        command.put("warmup", WARMUP_CALLS);
        command.put("settleMs", SETTLE_MILLIS);
        command.set("env", NodeWorker.env(api.environment()));
        return command;
    }

    private List<Double> javaRuns(ClaudeCodeOptions options, Kind kind, int calls) {
        try (Session session = ClaudeCode.start(options)) {
            IntConsumer call = kind == Kind.SET_MODEL
                    ? i -> BenchSessionAccess.setModel(session, MODELS[i & 1])
                    : i -> BenchSessionAccess.mcpStatus(session);
            return timed(call, calls);
        }
    }

    private List<Double> rawRuns(ClaudeCodeOptions options, Kind kind, int calls) {
        try (RawDriver driver = RawDriver.start(options)) {
            driver.initialize();
            IntConsumer call = kind == Kind.SET_MODEL
                    ? i -> driver.control("{\"subtype\":\"set_model\",\"model\":\"" + MODELS[i & 1] + "\"}")
                    : i -> driver.control("{\"subtype\":\"mcp_status\"}");
            return timed(call, calls);
        }
    }

    private List<Double> timed(IntConsumer call, int calls) {
        call.accept(0); // waits for initialize
        settle();
        for (int i = 0; i < WARMUP_CALLS; i++) {
            call.accept(i);
        }
        List<Double> runs = new ArrayList<>();
        for (int run = 0; run < context.runs(); run++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.accept(i);
            }
            runs.add((System.nanoTime() - start) / 1e6);
        }
        return runs;
    }

    private static void settle() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
