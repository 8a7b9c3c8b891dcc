package dev.claudecode.bench;

import dev.claudecode.cli.CliVersionRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The side-by-side harness that {@code bench/run} starts: prepares the fixtures, runs every
 * workload through the Java SDK, the official TypeScript SDK and the floor drivers, and writes
 * BENCHMARKS.md.
 *
 * <p>Options: {@code --work DIR} scratch directory; {@code --ts DIR} the TypeScript side with its
 * installed SDK; {@code --fake-cli PATH}; {@code --cli PATH} the real CLI; {@code --protocol DIR} one CLI version's recordings, which the fake CLI replays (default {@code protocol/} and the
 * pinned CLI version, {@link CliVersionRange#NEWEST});
 * {@code --out FILE}; {@code --history FILE} text appended to the report; {@code --runs N};
 * {@code --messages N}; {@code --sessions N,M} the scale workload's session counts (default 1000,10000); {@code --ssh-sessions N,M} the
 * sshscale workload's (default 1000,10000; at most 3 rounds up to 1,000 sessions, one above); {@code --only decode,latency,control,scale,hugeline,jmh,store,spare,sshscale};
 * {@code --ts-sdk VERSION}.
 */
public final class BenchMain {

    static final Set<String> WORKLOADS = Set.of("decode", "latency", "control", "scale", "hugeline", "jmh", "store", "spare", "sshscale");
    static final int HUGE_LINE_BYTES = 64 * 1024 * 1024;
    /** Session counts of the SSH scale workload by default, to one loopback sshd (1,000 sessions a connection). */
    static final String SSH_SESSIONS = "1000,10000";

    private BenchMain() {
    }

    /**
     * Runs the harness.
     *
     * @param args the options above
     * @throws Exception when a workload fails
     */
    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> options = parse(args);
        Path work = Path.of(options.getOrDefault("work", "target/bench-work")).toAbsolutePath();
        Files.createDirectories(work);
        Path protocol = Path.of(options.getOrDefault("protocol", "protocol/" + CliVersionRange.NEWEST)).toAbsolutePath();
        Optional<Path> realCli = Optional.ofNullable(options.get("cli")).map(Path::of);
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        long messages = Long.parseLong(options.getOrDefault("messages", "200000"));
        List<Integer> sessions = counts(options.getOrDefault("sessions", "1000,10000"));
        Set<String> only = new LinkedHashSet<>(List.of(options.getOrDefault("only", String.join(",", WORKLOADS)).split(",")));
        Path out = Path.of(options.getOrDefault("out", "BENCHMARKS.md"));

        String loadBefore = Machine.loadAverage();
        Log.progress("reading the transcripts in %s (load average %s)", protocol, loadBefore);
        Fixtures.Corpus corpus = Fixtures.read(protocol.resolve("transcripts"));
        Path init = work.resolve("init.json");
        Fixtures.writeString(init, corpus.initPayload());
        Path smallTurn = work.resolve("small-turn.ndjson");
        Fixtures.writeString(smallTurn, corpus.smallTurn());
        BenchContext context = new BenchContext(work, Path.of(options.get("ts")).toAbsolutePath(),
                Path.of(options.get("fake-cli")).toAbsolutePath(), realCli, init, runs);

        Optional<DecodeBench.Result> decode = Optional.empty();
        Optional<LatencyBench.Result> latency = Optional.empty();
        Optional<LatencyBench.Result> latencyFake = Optional.empty();
        List<ControlBench.Result> control = new ArrayList<>();
        List<ChildBench.Scale> scale = new ArrayList<>();
        Optional<ChildBench.Result> hugeLine = Optional.empty();
        List<JmhBench.Row> jmh = List.of();
        Optional<StoreBench.Result> store = Optional.empty();
        Optional<SpareBench.Result> spare = Optional.empty();
        Optional<SshScaleBench.Result> sshScale = Optional.empty();

        try (NodeWorker node = NodeWorker.start(context.tsDir())) {
            if (only.contains("decode")) {
                Path turn = work.resolve("decode-turn.ndjson");
                long expected = Fixtures.writeDecodeTurn(corpus, messages, turn);
                Log.progress("decode: %,d messages, %,d bytes", expected, Files.size(turn));
                decode = Optional.of(new DecodeBench(context, turn, expected).run(node));
            }
            if (only.contains("latency")) {
                latencyFake = Optional.of(new LatencyBench(context).fake(node, smallTurn, Math.max(12 * runs, 60)));
            }
            if (only.contains("latency") || only.contains("control") || only.contains("spare")) {
                Path cli = realCli.orElseThrow(() -> new IllegalArgumentException("--cli is needed for latency, control and spare"));
                if (only.contains("latency")) {
                    latency = Optional.of(new LatencyBench(context).real(node, cli, Math.max(6 * runs, 30)));
                }
                if (only.contains("control")) {
                    control = new ControlBench(context, cli).run(node, 1000);
                }
                if (only.contains("spare")) {
                    spare = Optional.of(new SpareBench(context, cli).run(node, Math.max(4 * runs, 20)));
                }
            }
        }
        ChildBench children = new ChildBench(context);
        if (only.contains("scale")) {
            long openFiles = Machine.openFileLimit();
            for (int requested : sessions) {
                int count = Machine.sessionsThatFit(requested, openFiles);
                if (count < requested) {
                    Log.progress("scale: %,d sessions asked for; %,d fit in this machine's limit of %,d open files per process",
                            requested, count, openFiles);
                }
                // the JDK's process API needs three threads per session: past a thousand, the
                // machine's limit on threads (pid_max) comes first
                boolean withJdk = count <= 1_000;
                int scaleRuns = count <= 1_000 ? context.runs() : Math.min(3, context.runs());
                scale.add(children.scale(smallTurn, requested, count, openFiles, Duration.ofSeconds(Math.max(120, count / 25)), scaleRuns,
                        withJdk));
            }
        }
        if (only.contains("sshscale")) {
            sshScale = Optional.of(new SshScaleBench(context).run(smallTurn, counts(options.getOrDefault("ssh-sessions", SSH_SESSIONS)),
                    Math.min(3, context.runs())));
        }
        if (only.contains("hugeline")) {
            Path turn = work.resolve("huge-turn.ndjson");
            Fixtures.writeHugeLineTurn(corpus, HUGE_LINE_BYTES, turn);
            hugeLine = Optional.of(children.hugeLine(turn, Files.size(turn)));
        }
        if (only.contains("jmh")) {
            jmh = JmhBench.run(protocol);
        }
        if (only.contains("store")) {
            Path cli = realCli.orElseThrow(() -> new IllegalArgumentException("--cli is needed for store"));
            store = Optional.of(new StoreBench(context, cli).run(Math.max(4 * runs, 20), Duration.ofSeconds(10)));
        }
        String history = options.containsKey("history") && Files.exists(Path.of(options.get("history")))
                ? Files.readString(Path.of(options.get("history"))) : "";
        Report.Results results = new Report.Results(Machine.describe(realCli.orElse(null), options.getOrDefault("ts-sdk", "?")), runs,
                (System.nanoTime() - started) / 60e9, decode, latency, latencyFake, control, scale, hugeLine, HUGE_LINE_BYTES, jmh, store, spare, sshScale, history, loadBefore, Machine.loadAverage(),
                protocol.getFileName().toString());
        Files.writeString(out, Report.render(results));
        Log.progress("wrote %s", out.toAbsolutePath());
    }

    private static Map<String, String> parse(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        for (String required : List.of("ts", "fake-cli")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return options;
    }

    /** @return the session counts of a comma-separated option */
    private static List<Integer> counts(String option) {
        return java.util.Arrays.stream(option.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }
}
