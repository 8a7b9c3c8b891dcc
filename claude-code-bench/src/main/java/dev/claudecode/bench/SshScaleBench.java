package dev.claudecode.bench;

import dev.claudecode.internal.json.Json;
import dev.claudecode.testkit.LoopbackSshd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scale workload over SSH: N sessions of the Java SDK whose fake CLIs run on the far side of
 * {@code SshTransport}s to a throwaway OpenSSH server on 127.0.0.1 ({@link LoopbackSshd}), up to
 * {@link #SESSIONS_PER_CONNECTION} sessions on each connection, measured as {@link ScaleChild}
 * measures local sessions, round by round beside the same number of local sessions (epoll
 * spawner) where they fit in this process's open files; there is no TypeScript SDK peer for SSH.
 */
final class SshScaleBench {

    /**
     * One session count's runs.
     *
     * @param sessions how many sessions each run held
     * @param connections over how many SSH connections
     * @param local the Java SDK's local runs (epoll spawner), none when they do not fit
     * @param ssh the Java SDK's runs over SSH
     */
    record Row(int sessions, int connections, List<JsonNode> local, List<JsonNode> ssh) {

        Summary local(String field) {
            return ChildBench.Result.summary(local, field);
        }

        Summary ssh(String field) {
            return ChildBench.Result.summary(ssh, field);
        }
    }

    /**
     * The workload's runs.
     *
     * @param rows a row per session count asked for
     * @param openFiles the open-file limit per process, which sshd's connection processes inherit
     */
    record Result(List<Row> rows, long openFiles) {
    }

    /**
     * Descriptors a session over SSH holds in sshd's process for the connection: the pipes to the
     * command's stdin, stdout and stderr. The steering JVM holds one socket per connection.
     */
    static final int SSHD_DESCRIPTORS_PER_SESSION = 3;
    /** Channels of the connection besides the sessions': its file system, its watchdog, spare ones for commands. */
    static final int EXTRA_CHANNELS = 16;
    /**
     * The most sessions the workload puts on one connection: more sessions take more connections,
     * as a fleet spread over hosts would, since every session of a connection is a channel that
     * sshd's one process for the connection serves.
     */
    static final int SESSIONS_PER_CONNECTION = 1_000;

    private final BenchContext context;
    private final ChildBench children;

    SshScaleBench(BenchContext context) {
        this.context = context;
        this.children = new ChildBench(context);
    }

    /** @return how many connections {@code sessions} sessions take */
    static int connections(int sessions) {
        return (sessions + SESSIONS_PER_CONNECTION - 1) / SESSIONS_PER_CONNECTION;
    }

    /**
     * Starts sshd, runs each session count ({@code runs} rounds at up to 1,000 sessions, one
     * above), and stops sshd, also on failure.
     */
    Result run(Path turnFile, List<Integer> requested, int runs) throws IOException, InterruptedException {
        long openFiles = Machine.openFileLimit();
        int perConnection = Math.min(SESSIONS_PER_CONNECTION, requested.stream().mapToInt(Integer::intValue).max().orElse(1));
        Path root = Files.createDirectories(context.work().resolve("sshscale"));
        Path sshdDir = Files.createTempDirectory(root, "sshd-");
        Path remoteTemp = Files.createTempDirectory(root, "remote-tmp-");
        List<Row> rows = new ArrayList<>();
        try (LoopbackSshd sshd = LoopbackSshd.start(sshdDir, sshdSettings(perConnection + EXTRA_CHANNELS))) {
            Log.progress("sshscale: sshd on 127.0.0.1:%d, MaxSessions %,d", sshd.port(), perConnection + EXTRA_CHANNELS);
            for (int sessions : requested) {
                rows.add(row(turnFile, sessions, openFiles, sessions <= 1_000 ? runs : 1, sshd, remoteTemp));
            }
        } finally {
            delete(sshdDir);
            delete(remoteTemp);
        }
        return new Result(List.copyOf(rows), openFiles);
    }

    private Row row(Path turnFile, int sessions, long openFiles, int runs, LoopbackSshd sshd, Path remoteTemp) {
        Duration timeout = Duration.ofSeconds(Math.max(120, sessions / 25));
        Duration limit = timeout.plusSeconds(120);
        ObjectNode local = children.spec(turnFile);
        local.put("sessions", sessions);
        local.put("timeoutMs", timeout.toMillis());
        boolean localFits = Machine.sessionsThatFit(sessions, openFiles) == sessions;
        int connections = connections(sessions);
        ObjectNode overSsh = ScaleTarget.withSsh(local.deepCopy(), sshd, remoteTemp, connections);
        List<JsonNode> localRuns = new ArrayList<>();
        List<JsonNode> sshRuns = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            if (localFits) {
                localRuns.add(ChildBench.checked(Json.parse(Processes.runJvm(ScaleChild.class, ChildBench.EPOLL, Json.write(local), limit))));
            }
            sshRuns.add(overSsh(sshd, ChildBench.EPOLL, overSsh, limit));
            Log.progress("sshscale %,d round %d: over SSH (%d connections) %s; local %s", sessions, round, connections,
                    describe(sshRuns.getLast()), localFits ? describe(localRuns.getLast()) : "does not fit in the open-file limit");
        }
        return new Row(sessions, connections, localRuns, sshRuns);
    }

    /** {@return sshd's settings for a run: as many channels on a connection as it needs, and a quiet log} */
    private static List<String> sshdSettings(int channels) {
        return List.of(
                // every session is a channel of its transport's connection, besides the connection's
                // file system and watchdog (OpenSSH allows ten by default)
                "MaxSessions " + channels,
                // connections open one at a time, but one must never be refused
                "MaxStartups 100:30:200",
                "LogLevel ERROR");
    }

    /** Runs the SSH sessions in a fresh JVM; a failure carries the end of sshd's log. */
    private static JsonNode overSsh(LoopbackSshd sshd, List<String> jvmOptions, ObjectNode spec, Duration limit) {
        try {
            return ChildBench.checked(Json.parse(Processes.runJvm(ScaleChild.class, jvmOptions, Json.write(spec), limit)));
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + "; sshd's log: " + sshd.logTail(), e);
        }
    }

    private static String describe(JsonNode run) {
        return String.format(Locale.ROOT, "%d/%d done in %.0f ms (starts %.0f ms, tenths %s), heap/session %.0f B, RSS/session %.0f B, threads %d",
                run.path("completed").asInt(), run.path("sessions").asInt(), run.path("totalMs").asDouble(), run.path("startsMs").asDouble(),
                tenths(run),
                run.path("heapPerSessionBytes").asDouble(), run.path("rssPerSessionBytes").asDouble(), run.path("threads").asInt());
    }

    /** @return how long each tenth of the starts took, in ms, as {@code a/b/…} */
    static String tenths(JsonNode run) {
        List<String> tenths = new ArrayList<>();
        run.path("startTenthsMs").forEach(tenth -> tenths.add(String.format(Locale.ROOT, "%.0f", tenth.asDouble())));
        return String.join("/", tenths);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
