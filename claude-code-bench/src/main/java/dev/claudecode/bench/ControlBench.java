package dev.claudecode.bench;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.internal.json.Json;
import dev.claudecode.testkit.FakeClaudeApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workload 3: sequential control round trips ({@code set_model}, then {@code mcp_status}) on a
 * live session of the real CLI, through the Java SDK, the TypeScript SDK, the raw driver, and
 * the raw driver with a reader thread of its own (the floor for any driver that reads on its own
 * thread). The four sessions are open at the same time and their runs interleave (raw, threaded
 * raw, Java, TypeScript, raw, ...), so that a change in the machine's load hits all of them alike. Each measured run is
 * {@code calls} calls; the value is milliseconds per run.
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

    /**
     * @param java the Java SDK, ms per {@code calls} calls
     * @param ts the TypeScript SDK
     * @param raw the raw driver
     * @param threaded the raw driver reading on a thread of its own
     * @param javaOverRaw per run, the Java SDK's time divided by the raw driver's in the same round
     * @param tsOverRaw per run, the TypeScript SDK's time divided by the raw driver's in the same round
     * @param threadedOverRaw per run, the threaded raw driver's time divided by the raw driver's
     * @param javaOverThreaded per run, the Java SDK's time divided by the threaded raw driver's
     */
    record Result(Kind kind, int calls, Summary java, Summary ts, Summary raw, Summary threaded, Summary javaOverRaw, Summary tsOverRaw,
            Summary threadedOverRaw, Summary javaOverThreaded) {
    }

    private static final String[] MODELS = {"claude-sonnet-4-5", "claude-opus-4-1"};
    /** Enough for both JITs to have compiled the whole path: fewer left the JVM compiling during the first runs. */
    private static final int WARMUP_CALLS = 3_000;
    /** The CLI keeps working for a while after it answered initialize; every driver waits this long. */
    static final long SETTLE_MILLIS = 2_000;
    /** The longest a driver's {@code initialize}, or one run of calls, may take before the workload fails. */
    private static final java.time.Duration RUN_TIMEOUT = java.time.Duration.ofMinutes(2);

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
                results.add(run(node, api, options, kind, calls));
            }
        }
        return results;
    }

    private Result run(NodeWorker node, FakeClaudeApi api, ClaudeCodeOptions options, Kind kind, int calls) {
        List<Double> raw = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        List<Double> ts = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> tsRatio = new ArrayList<>();
        List<Double> threaded = new ArrayList<>();
        List<Double> threadedRatio = new ArrayList<>();
        List<Double> overThreaded = new ArrayList<>();
        try (RawDriver driver = RawDriver.start(options); RawDriver threadedDriver = RawDriver.start(options);
                Session session = ClaudeCode.start(options)) {
            Watchdog.within("raw driver (control " + kind + ", initialize)", RUN_TIMEOUT, progress -> {
                driver.initialize();
                return null;
            });
            Watchdog.within("threaded raw driver (control " + kind + ", initialize)", RUN_TIMEOUT, progress -> {
                threadedDriver.initialize();
                return null;
            });
            threadedDriver.readOnOwnThread();
            IntConsumer rawCall = rawCall(driver, kind);
            IntConsumer threadedCall = rawCall(threadedDriver, kind);
            IntConsumer javaCall = kind == Kind.SET_MODEL ? i -> session.control().setModel(MODELS[i & 1]) : i -> session.control().mcpStatus();
            timed("raw driver", kind, rawCall, 1);
            timed("threaded raw driver", kind, threadedCall, 1);
            timed("Java SDK", kind, javaCall, 1); // waits for initialize
            node.run(tsOpen(api, kind));
            settle();
            timed("raw driver", kind, rawCall, WARMUP_CALLS);
            timed("threaded raw driver", kind, threadedCall, WARMUP_CALLS);
            timed("Java SDK", kind, javaCall, WARMUP_CALLS);
            node.run(command("controlRun").put("calls", WARMUP_CALLS));
            try {
                // runs are short: three times as many as elsewhere, so that the per-run ratios settle
                for (int run = 0; run < 3 * context.runs(); run++) {
                    double r = timed("raw driver", kind, rawCall, calls);
                    double h = timed("threaded raw driver", kind, threadedCall, calls);
                    double j = timed("Java SDK", kind, javaCall, calls);
                    double t = node.run(command("controlRun").put("calls", calls)).path("ms").asDouble();
                    raw.add(r);
                    java.add(j);
                    ts.add(t);
                    threaded.add(h);
                    ratio.add(j / r);
                    tsRatio.add(t / r);
                    threadedRatio.add(h / r);
                    overThreaded.add(j / h);
                    Log.progress("control %s run %d: raw %.1f, threaded raw %.1f, java %.1f, ts %.1f ms per %d (load %s)", kind, run, r, h, j,
                            t, calls, Machine.loadAverage());
                }
            } finally {
                node.run(command("controlClose"));
            }
        }
        return new Result(kind, calls, Summary.of(java), Summary.of(ts), Summary.of(raw), Summary.of(threaded), Summary.of(ratio),
                Summary.of(tsRatio), Summary.of(threadedRatio), Summary.of(overThreaded));
    }

    private static IntConsumer rawCall(RawDriver driver, Kind kind) {
        return kind == Kind.SET_MODEL
                ? i -> driver.control("{\"subtype\":\"set_model\",\"model\":\"" + MODELS[i & 1] + "\"}")
                : i -> driver.control("{\"subtype\":\"mcp_status\"}");
    }

    private ObjectNode tsOpen(FakeClaudeApi api, Kind kind) {
        ObjectNode command = command("controlOpen");
        command.put("kind", kind.tsName);
        command.put("cli", cli.toString());
        command.put("cwd", context.work().toString());
        command.set("env", NodeWorker.env(api.environment()));
        return command;
    }

    private static ObjectNode command(String op) {
        ObjectNode command = Json.object();
        command.put("op", op);
        return command;
    }

    /** Makes {@code calls} calls on a watched thread and returns how long they took, in milliseconds. */
    private static double timed(String driver, Kind kind, IntConsumer call, int calls) {
        return Watchdog.within(driver + " (control " + kind + ")", RUN_TIMEOUT, progress -> {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.accept(i);
                progress.saw("the answer to call " + (i + 1) + " of " + calls);
            }
            return (System.nanoTime() - start) / 1e6;
        });
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
