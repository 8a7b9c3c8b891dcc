package dev.claudecode.bench;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.testkit.FakeClaudeApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workload 2: one turn on a freshly started CLI: time from start to the first assistant message
 * and to the result. Measured twice: on the real CLI talking to {@link FakeClaudeApi}, as the
 * issue asks, and on the fake CLI, which answers at once, so that all of a difference is the
 * SDK's own. Drivers take turns round by round, so that drift in the machine hits all of them
 * alike.
 */
final class LatencyBench {

    /**
     * One driver's runs, in milliseconds.
     *
     * @param firstAssistant start to the first assistant message
     * @param result start to the result
     */
    record Runs(Summary firstAssistant, Summary result) {
    }

    /**
     * @param java the Java SDK
     * @param ts the TypeScript SDK
     * @param raw the raw driver
     * @param runs measured rounds
     * @param javaOverRaw per round, the Java SDK's start-to-result time minus the raw driver's
     * @param tsOverRaw per round, the TypeScript SDK's minus the raw driver's
     */
    record Result(Runs java, Runs ts, Runs raw, int runs, Summary javaOverRaw, Summary tsOverRaw) {
    }

    static final String PROMPT = "hello";
    static final int FAKE_WARMUP_ROUNDS = 300;
    /** The longest one driver's turn may take before the workload fails. */
    private static final java.time.Duration RUN_TIMEOUT = java.time.Duration.ofMinutes(2);

    private final BenchContext context;

    LatencyBench(BenchContext context) {
        this.context = context;
    }

    /** On the real CLI with {@link FakeClaudeApi}. */
    Result real(NodeWorker node, Path cli, int rounds) {
        try (FakeClaudeApi api = FakeClaudeApi.start()) {
            return run(node, cli, api.environment(), 2, rounds, "real");
        }
    }

    /**
     * On the fake CLI answering with {@code turnFile}. A round takes milliseconds, so there are
     * enough warm-up rounds for both JITs to compile the path of a session's start.
     */
    Result fake(NodeWorker node, Path turnFile, int rounds) {
        return run(node, context.fakeCli(), context.fakeEnv(turnFile), FAKE_WARMUP_ROUNDS, rounds, "fake");
    }

    private Result run(NodeWorker node, Path cli, Map<String, String> env, int warmup, int runs, String name) {
        List<List<Double>> java = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> ts = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> raw = List.of(new ArrayList<>(), new ArrayList<>());
        List<Double> javaOverRaw = new ArrayList<>();
        List<Double> tsOverRaw = new ArrayList<>();
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(cli).cwd(context.work()).env(env).build();
        for (int round = 0; round < warmup + runs; round++) {
            // the order rotates, so that none of the drivers always follows the same one
            double[][] times = new double[3][];
            for (int k = 0; k < 3; k++) {
                int driver = (round + k) % 3;
                times[driver] = switch (driver) {
                    case 0 -> Watchdog.within("raw driver (" + name + " latency)", RUN_TIMEOUT, progress -> rawRun(options, progress));
                    case 1 -> Watchdog.within("Java SDK (" + name + " latency)", RUN_TIMEOUT, progress -> javaRun(options, progress));
                    default -> {
                        JsonNode t = node.run(tsCommand("latency", cli, context.work(), env));
                        yield new double[] {t.path("firstAssistantMs").asDouble(), t.path("resultMs").asDouble()};
                    }
                };
            }
            double[] r = times[0];
            double[] j = times[1];
            double[] tt = times[2];
            if (round >= warmup) {
                add(raw, r);
                add(java, j);
                add(ts, tt);
                javaOverRaw.add(j[1] - r[1]);
                tsOverRaw.add(tt[1] - r[1]);
            }
            if (round >= warmup - 1) {
                Log.progress("latency (%s CLI) round %d: raw %.1f/%.1f ms, java %.1f/%.1f ms, ts %.1f/%.1f ms", name, round, r[0], r[1],
                        j[0], j[1], tt[0], tt[1]);
            }
        }
        return new Result(runs(java), runs(ts), runs(raw), runs, Summary.of(javaOverRaw), Summary.of(tsOverRaw));
    }

    private static void add(List<List<Double>> into, double[] values) {
        into.get(0).add(values[0]);
        into.get(1).add(values[1]);
    }

    private static Runs runs(List<List<Double>> values) {
        return new Runs(Summary.of(values.get(0)), Summary.of(values.get(1)));
    }

    /** The node worker's command for one turn ({@code op} {@code latency} or {@code warmLatency}) on {@code cli}. */
    static ObjectNode tsCommand(String op, Path cli, Path cwd, Map<String, String> env) {
        ObjectNode command = Json.object();
        command.put("op", op);
        command.put("cli", cli.toString());
        command.put("cwd", cwd.toString());
        command.put("prompt", PROMPT);
        command.set("env", NodeWorker.env(env));
        return command;
    }

    /** One turn on a session from {@link ClaudeCode#start}: start to the first assistant message and to the result, ms. */
    static double[] javaRun(ClaudeCodeOptions options, Watchdog.Progress progress) {
        long start = System.nanoTime();
        long firstAssistant = -1;
        long result = -1;
        try (Session session = ClaudeCode.start(options); MessageStream turn = session.stream(PROMPT)) {
            for (Message message : turn) {
                progress.saw(message);
                if (message instanceof AssistantMessage && firstAssistant < 0) {
                    firstAssistant = System.nanoTime();
                } else if (message instanceof ResultMessage) {
                    result = System.nanoTime();
                }
            }
        }
        return new double[] {(firstAssistant - start) / 1e6, (result - start) / 1e6};
    }

    private static double[] rawRun(ClaudeCodeOptions options, Watchdog.Progress progress) {
        long start = System.nanoTime();
        long firstAssistant = -1;
        try (RawDriver driver = RawDriver.start(options)) {
            driver.initializeAndSend(PROMPT);
            String line;
            while ((line = driver.readLine()) != null) {
                progress.saw(line);
                String type = WireLine.parse(line).type();
                if (firstAssistant < 0 && type.equals("assistant")) {
                    firstAssistant = System.nanoTime();
                } else if (type.equals("result")) {
                    long result = System.nanoTime();
                    return new double[] {(firstAssistant - start) / 1e6, (result - start) / 1e6};
                }
            }
        }
        throw new IllegalStateException("the raw driver saw no result");
    }
}
