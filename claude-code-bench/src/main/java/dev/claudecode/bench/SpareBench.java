package dev.claudecode.bench;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Spare;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.testkit.FakeClaudeApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Workload 8: the first turn of a session on a cold CLI and on a warm spare, on the real CLI
 * talking to {@link FakeClaudeApi}: time from the start of the session to its first assistant
 * message. Cold is the turn of {@link LatencyBench} ({@code ClaudeCode.start}, TypeScript {@code
 * query}); warm starts the CLI ahead, waits until it is ready and {@value #SETTLE_MILLIS} ms more,
 * as a spare kept ahead of need would have, and then times the same start and turn, which claims
 * the spare. Java: {@code ClaudeCode.prewarm}, with the session's options, folder included.
 * TypeScript, two ways: {@code startup()}, the peer (the session's options and folder up front,
 * launch and {@code initialize} ahead, {@code WarmQuery.query} takes it), and {@code prewarm()}
 * with {@code claim()} (a spare parked before its folder is known, bound to the folder by the
 * claim, which then does the folder's share of the start). The five drivers take turns round by
 * round.
 */
final class SpareBench {

    /**
     * One way of starting ahead, in milliseconds.
     *
     * @param cold start to the first assistant message on a CLI started by the start
     * @param warm the same on a CLI started ahead
     * @param warmOverCold per round, the warm time divided by the cold time
     * @param prewarm how long starting the CLI ahead took, until it had answered its handshake
     */
    record Side(Summary cold, Summary warm, Summary warmOverCold, Summary prewarm) {
    }

    /**
     * @param java the Java SDK ({@code ClaudeCode.prewarm})
     * @param ts the TypeScript SDK's {@code startup()}
     * @param tsClaim the TypeScript SDK's {@code prewarm()} and {@code claim()}
     * @param runs measured rounds
     */
    record Result(Side java, Side ts, Side tsClaim, int runs) {
    }

    /** How long a spare waits, once ready, before a start claims it. */
    static final long SETTLE_MILLIS = 1_000;
    static final int WARMUP_ROUNDS = 2;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final int DRIVERS = 5;

    private final BenchContext context;
    private final Path cli;

    SpareBench(BenchContext context, Path cli) {
        this.context = context;
        this.cli = cli;
    }

    /** Runs {@code runs} measured rounds after {@value #WARMUP_ROUNDS} warm-up rounds. */
    Result run(NodeWorker node, int runs) {
        try (FakeClaudeApi api = FakeClaudeApi.start()) {
            Map<String, String> env = api.environment();
            ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(cli).cwd(context.work()).env(env).build();
            List<List<Double>> java = lists();
            List<List<Double>> ts = lists();
            List<List<Double>> tsClaim = lists();
            for (int round = 0; round < WARMUP_ROUNDS + runs; round++) {
                // {cold first assistant, warm first assistant, prewarm} per way; the order rotates
                double[] j = new double[3];
                double[] t = new double[3];
                double[] c = new double[3];
                for (int k = 0; k < DRIVERS; k++) {
                    switch ((round + k) % DRIVERS) {
                        case 0 -> j[0] = Watchdog.within("Java SDK (spare workload, cold)", RUN_TIMEOUT,
                                progress -> LatencyBench.javaRun(options, progress))[0];
                        case 1 -> {
                            double[] warm = Watchdog.within("Java SDK (spare workload, warm)", RUN_TIMEOUT, progress -> javaWarm(options, progress));
                            j[1] = warm[0];
                            j[2] = warm[1];
                        }
                        case 2 -> t[0] = node.run(LatencyBench.tsCommand("latency", cli, context.work(), env)).path("firstAssistantMs").asDouble();
                        case 3 -> {
                            JsonNode warm = node.run(LatencyBench.tsCommand("warmLatency", cli, context.work(), env).put("settleMs", SETTLE_MILLIS));
                            t[1] = warm.path("firstAssistantMs").asDouble();
                            t[2] = warm.path("startupMs").asDouble();
                        }
                        default -> {
                            JsonNode warm = node.run(LatencyBench.tsCommand("claimLatency", cli, context.work(), env).put("settleMs", SETTLE_MILLIS));
                            c[1] = warm.path("firstAssistantMs").asDouble();
                            c[2] = warm.path("startupMs").asDouble();
                        }
                    }
                }
                c[0] = t[0];
                if (round >= WARMUP_ROUNDS) {
                    add(java, j);
                    add(ts, t);
                    add(tsClaim, c);
                }
                Log.progress("spare round %d: java cold %.1f ms, warm %.1f ms (prewarm %.1f ms); ts cold %.1f ms, startup() warm %.1f ms "
                        + "(startup %.1f ms), prewarm()+claim() warm %.1f ms (prewarm %.1f ms)", round, j[0], j[1], j[2], t[0], t[1], t[2], c[1], c[2]);
            }
            return new Result(side(java), side(ts), side(tsClaim), runs);
        }
    }

    private static List<List<Double>> lists() {
        return List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** Prewarms a spare, lets it settle, and times the turn of a start that claims it; returns {first assistant, prewarm} in ms. */
    private static double[] javaWarm(ClaudeCodeOptions options, Watchdog.Progress progress) throws InterruptedException {
        long before = System.nanoTime();
        try (Spare spare = ClaudeCode.prewarm(options)) {
            double prewarm = (System.nanoTime() - before) / 1e6;
            Thread.sleep(SETTLE_MILLIS);
            if (!spare.isReady()) {
                throw new IllegalStateException("the spare's CLI ended before a start could claim it");
            }
            double firstAssistant = LatencyBench.javaRun(options, progress)[0];
            if (!spare.isTaken()) {
                throw new IllegalStateException("ClaudeCode.start did not claim the spare: the turn ran on a cold CLI");
            }
            return new double[] {firstAssistant, prewarm};
        }
    }

    private static void add(List<List<Double>> into, double[] values) {
        into.get(0).add(values[0]);
        into.get(1).add(values[1]);
        into.get(2).add(values[1] / values[0]);
        into.get(3).add(values[2]);
    }

    private static Side side(List<List<Double>> values) {
        return new Side(Summary.of(values.get(0)), Summary.of(values.get(1)), Summary.of(values.get(2)), Summary.of(values.get(3)));
    }
}
