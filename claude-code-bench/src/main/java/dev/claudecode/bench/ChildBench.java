package dev.claudecode.bench;

import dev.claudecode.internal.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workloads 4 and 5, which measure memory and so run each time in a fresh process: a JVM running
 * {@link ScaleChild} or {@link HugeLineChild}, and a node process running {@code scale.mjs} or
 * {@code hugeline.mjs}, taking turns.
 */
final class ChildBench {

    /**
     * @param java every Java run's JSON, with the epoll spawner (native access granted)
     * @param javaJdk every Java run's JSON with the JDK's {@link ProcessBuilder}
     * @param ts every TypeScript run's JSON
     * @param capped for the huge line: the Java runs with the epoll spawner under ever smaller heap
     *     caps, down to the first that failed
     */
    record Result(List<JsonNode> java, List<JsonNode> javaJdk, List<JsonNode> ts, List<Capped> capped) {

        /** @return the smallest cap the run completed under */
        Optional<Capped> smallestCompleted() {
            return capped.stream().filter(Capped::completed).min(Comparator.comparingLong(Capped::maxHeapBytes));
        }

        Summary java(String field) {
            return summary(java, field);
        }

        Summary javaJdk(String field) {
            return summary(javaJdk, field);
        }

        Summary ts(String field) {
            return summary(ts, field);
        }

        static Summary summary(List<JsonNode> runs, String field) {
            List<Double> values = new ArrayList<>();
            runs.forEach(run -> values.add(run.path(field).asDouble()));
            return Summary.of(values);
        }
    }

    /**
     * A Java run under {@code -Xmx}: proof that the live heap never needed more.
     *
     * @param lines the cap in lines, on top of {@link HugeLineChild#BASELINE_ALLOWANCE}
     * @param maxHeapBytes the cap
     * @param completed whether the turn ended with the whole line delivered
     * @param outcome what the run printed, or why it failed
     */
    record Capped(double lines, long maxHeapBytes, boolean completed, String outcome) {
    }

    /**
     * The scale workload at one session count.
     *
     * @param requested how many sessions were asked for
     * @param sessions how many sessions each run holds: fewer than asked for when this machine's
     *     open-file limit cannot hold them
     * @param openFiles the open-file limit per process the runs had
     * @param java the Java SDK's runs with the epoll spawner (native access granted)
     * @param javaJdk the Java SDK's runs with the JDK's {@link ProcessBuilder}; empty where not run
     * @param ts the TypeScript SDK's runs
     */
    record Scale(int requested, int sessions, long openFiles, List<JsonNode> java, List<JsonNode> javaJdk, List<JsonNode> ts) {

        Summary java(String field) {
            return Result.summary(java, field);
        }

        Summary javaJdk(String field) {
            return Result.summary(javaJdk, field);
        }

        Summary ts(String field) {
            return Result.summary(ts, field);
        }
    }

    /** The JVM options of the Java SDK's scale and huge-line runs with the epoll spawner. */
    static final List<String> EPOLL = List.of("--enable-native-access=ALL-UNNAMED");
    /** The JVM options of the Java SDK's scale and huge-line runs with the JDK's process API. */
    static final List<String> JDK = List.of("-Dclaudecode.process.spawner=jdk");

    /** The heap caps tried for the huge line, in lines on top of the allowance; the first is the goal. */
    static final double[] CAPS_IN_LINES = {3.0, 2.5, 2.25, 2.0};

    private final BenchContext context;

    ChildBench(BenchContext context) {
        this.context = context;
    }

    /**
     * Runs the scale workload at one session count: the Java SDK with the epoll spawner, with the
     * JDK's process API when {@code withJdk}, and the TypeScript SDK, taking turns.
     */
    Scale scale(Path turnFile, int requested, int sessions, long openFiles, Duration timeout, int runs, boolean withJdk) {
        ObjectNode spec = spec(turnFile);
        spec.put("sessions", sessions);
        spec.put("timeoutMs", timeout.toMillis());
        Function<JsonNode, String> describe = run -> String.format(java.util.Locale.ROOT,
                "%d/%d done in %.0f ms, heap/session %.0f B, RSS/session %.0f B, threads %d", run.path("completed").asInt(),
                run.path("sessions").asInt(), run.path("totalMs").asDouble(), run.path("heapPerSessionBytes").asDouble(),
                run.path("rssPerSessionBytes").asDouble(), run.path("threads").asInt());
        List<JsonNode> java = new ArrayList<>();
        List<JsonNode> javaJdk = new ArrayList<>();
        List<JsonNode> ts = new ArrayList<>();
        Duration limit = timeout.plusSeconds(120);
        for (int round = 0; round < runs; round++) {
            java.add(checked(Json.parse(Processes.runJvm(ScaleChild.class, EPOLL, Json.write(spec), limit))));
            if (withJdk) {
                javaJdk.add(checked(Json.parse(Processes.runJvm(ScaleChild.class, JDK, Json.write(spec), limit))));
            }
            ts.add(checked(NodeWorker.runScript(context.tsDir(), "scale.mjs", spec, limit)));
            Log.progress("scale %,d round %d: java %s;%s ts %s", sessions, round, describe.apply(java.getLast()),
                    withJdk ? " java (jdk) " + describe.apply(javaJdk.getLast()) + ";" : "", describe.apply(ts.getLast()));
        }
        return new Scale(requested, sessions, openFiles, java, javaJdk, ts);
    }

    /** @return the run's JSON, unless it reports a failure, which fails the workload */
    static JsonNode checked(JsonNode run) {
        if (run.hasNonNull("error")) {
            throw new IllegalStateException(run.path("error").asString());
        }
        return run;
    }

    Result hugeLine(Path turnFile, long lineBytes) {
        Duration timeout = Duration.ofMinutes(3);
        ObjectNode spec = spec(turnFile);
        Function<JsonNode, String> describe = run -> String.format(java.util.Locale.ROOT, "%.0f ms, peak heap +%.0f MB, peak RSS +%.0f MB",
                run.path("resultMs").asDouble(), run.path("peakHeapGrowthBytes").asDouble() / 1e6, run.path("peakRssGrowthBytes").asDouble() / 1e6);
        List<JsonNode> java = new ArrayList<>();
        List<JsonNode> javaJdk = new ArrayList<>();
        List<JsonNode> ts = new ArrayList<>();
        for (int round = 0; round < context.runs(); round++) {
            java.add(Json.parse(Processes.runJvm(HugeLineChild.class, EPOLL, Json.write(spec), timeout)));
            javaJdk.add(Json.parse(Processes.runJvm(HugeLineChild.class, JDK, Json.write(spec), timeout)));
            ts.add(NodeWorker.runScript(context.tsDir(), "hugeline.mjs", spec, timeout));
            Log.progress("huge line round %d: java %s; java (jdk) %s; ts %s", round, describe.apply(java.getLast()),
                    describe.apply(javaJdk.getLast()), describe.apply(ts.getLast()));
        }
        // the pools' peaks count garbage not yet collected; heap caps show what the live heap needed
        List<Capped> capped = new ArrayList<>();
        for (double lines : CAPS_IN_LINES) {
            long cap = (long) (lines * lineBytes) + HugeLineChild.BASELINE_ALLOWANCE;
            Capped run;
            try {
                List<String> options = new ArrayList<>(EPOLL);
                options.add("-Xmx" + cap / 1024 / 1024 + "m");
                JsonNode out = Json.parse(Processes.runJvm(HugeLineChild.class, options, Json.write(spec), timeout));
                run = new Capped(lines, cap, out.path("lineChars").asLong() > 0 && out.path("resultMs").asDouble() > 0, Json.write(out));
            } catch (RuntimeException e) {
                run = new Capped(lines, cap, false, String.valueOf(e.getMessage()));
            }
            capped.add(run);
            Log.progress("huge line under -Xmx%dm: %s (%s)", cap / 1024 / 1024, run.completed() ? "completed" : "failed",
                    run.outcome().lines().findFirst().orElse(""));
            if (!run.completed()) {
                break;
            }
        }
        return new Result(java, javaJdk, ts, capped);
    }

    /** @return a scale or huge-line spec: the fake CLI answering each user message with {@code turnFile} */
    ObjectNode spec(Path turnFile) {
        ObjectNode spec = Json.object();
        spec.put("cli", context.fakeCli().toString());
        spec.put("cwd", context.work().toString());
        spec.set("env", NodeWorker.env(context.fakeEnv(turnFile)));
        return spec;
    }

}
