package dev.claudecode.bench;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workload 4, in a fresh JVM: N sessions on the fake CLI, each runs one turn and then stays open
 * and idle; prints heap per idle session, thread counts and the total time as one JSON line.
 * Argument: {@code {"sessions":N,"cli":path,"cwd":dir,"env":{...},"timeoutMs":ms}}, optionally
 * {@code "holdMs"}: how long to stay idle before measuring (to attach a profiler), and {@code "ssh"}:
 * run the CLIs over SSH (see {@link ScaleTarget}).
 */
public final class ScaleChild {

    private static String driver = "Java SDK (scale)";

    private ScaleChild() {
    }

    /**
     * Runs the workload.
     *
     * @param args the JSON spec
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        JsonNode spec = Json.parse(args[0]);
        int n = spec.path("sessions").asInt();
        Map<String, String> env = new java.util.LinkedHashMap<>();
        spec.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(Path.of(spec.path("cli").asString()))
                .cwd(Path.of(spec.path("cwd").asString())).env(env).build();
        ScaleTarget target = ScaleTarget.of(spec);
        driver = spec.has("ssh") ? "Java SDK over SSH (sshscale)" : "Java SDK (scale)";
        // warm up the code paths with a few sessions, so that class loading is not counted per session
        // (over SSH, this also makes each of the transports' connections)
        for (int i = 0; i < Math.max(3, target.places()); i++) {
            try (Session session = target.start(options)) {
                session.query("hello");
            }
        }
        long heapBefore = settledHeap();
        long rssBefore = Rss.settledBytes();
        long start = System.nanoTime();
        List<Session> sessions = new ArrayList<>(n);
        List<CompletableFuture<Boolean>> results = new ArrayList<>(n);
        // each session's last message until its result, for a failure that names where a turn stopped
        java.util.concurrent.atomic.AtomicReferenceArray<Message> lastSeen = new java.util.concurrent.atomic.AtomicReferenceArray<>(n);
        long timeoutMs = spec.path("timeoutMs").asLong();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        // when each tenth of the starts was done: whether a start slows down as sessions accumulate
        long[] tenthDone = new long[11];
        tenthDone[0] = start;
        for (int i = 0; i < n; i++) {
            if (System.nanoTime() > deadline) {
                fail(n, i, "starting session " + (i + 1) + " of " + n + " took past the limit of " + timeoutMs + " ms", null);
            }
            Session session;
            try {
                session = target.start(options);
            } catch (RuntimeException e) {
                fail(n, i, "starting session " + (i + 1) + " of " + n + " failed: " + e, null);
                return;
            }
            sessions.add(session);
            int index = i;
            AutoCloseable forget = session.addListener(message -> lastSeen.set(index, message));
            // keep only whether the turn ended, as the TypeScript side does
            results.add(session.queryAsync("hello").whenComplete((result, error) -> {
                try {
                    forget.close();
                } catch (Exception e) {
                    // removing a listener does not fail
                }
                lastSeen.set(index, null);
            }).thenApply(ResultMessage::isSuccess));
            int tenth = (int) ((i + 1L) * 10 / n);
            for (int crossed = (int) (i * 10L / n) + 1; crossed <= tenth; crossed++) {
                tenthDone[crossed] = System.nanoTime();
            }
        }
        double startsMs = (System.nanoTime() - start) / 1e6;
        int completed = 0;
        for (int i = 0; i < n; i++) {
            try {
                results.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                completed++;
            } catch (java.util.concurrent.TimeoutException e) {
                fail(n, completed, "session " + (i + 1) + " of " + n + " had no result within " + timeoutMs + " ms", lastSeen.get(i));
            } catch (java.util.concurrent.ExecutionException e) {
                fail(n, completed, "the turn of session " + (i + 1) + " of " + n + " failed: " + e.getCause(), lastSeen.get(i));
            }
        }
        double totalMs = (System.nanoTime() - start) / 1e6;
        Thread.sleep(Math.max(1000, spec.path("holdMs").asLong(0)));
        long heapIdle = settledHeap();
        long rssIdle = Rss.settledBytes();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        int carriers = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("ForkJoinPool")) {
                carriers++;
            }
        }
        ObjectNode out = Json.object();
        out.put("sessions", n);
        out.put("completed", completed);
        out.put("totalMs", totalMs);
        out.put("heapPerSessionBytes", (heapIdle - heapBefore) / (double) n);
        out.put("rssPerSessionBytes", (rssIdle - rssBefore) / (double) n);
        out.put("threads", threads);
        out.put("carrierThreads", carriers);
        out.put("startsMs", startsMs);
        tools.jackson.databind.node.ArrayNode tenths = out.putArray("startTenthsMs");
        for (int tenth = 0; tenth < 10; tenth++) {
            tenths.add((tenthDone[tenth + 1] - tenthDone[tenth]) / 1e6);
        }
        System.out.println(Json.write(out));
        System.out.flush();
        if (completed == n) {
            sessions.parallelStream().forEach(Session::close);
        }
        target.close();
        System.exit(0);
    }

    /** Prints the failure as the run's JSON line, naming the driver and the last message read, and exits. */
    private static void fail(int sessions, int completed, String what, Message last) {
        ObjectNode out = Json.object();
        out.put("sessions", sessions);
        out.put("completed", completed);
        String seen = last == null ? "(nothing)" : last.toString();
        out.put("error", driver + ": " + what + "; the last message it read: "
                + (seen.length() > 300 ? seen.substring(0, 300) + "…" : seen));
        System.out.println(Json.write(out));
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    /** @return heap in use after collections, when only live objects remain */
    static long settledHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
