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
 * one {@code SshTransport} to a throwaway OpenSSH server on 127.0.0.1 ({@link LoopbackSshd}),
 * measured as {@link ScaleChild} measures local sessions, round by round beside the same number
 * of local sessions (epoll spawner) as the comparison; there is no TypeScript SDK peer for SSH.
 */
final class SshScaleBench {

    /**
     * The workload's runs.
     *
     * @param requested how many sessions were asked for
     * @param sessions how many each run held
     * @param openFiles the open-file limit per process, which sshd's connection process inherits
     * @param local the Java SDK's local runs (epoll spawner)
     * @param ssh the Java SDK's runs over SSH, as it comes
     * @param sshNoDelay the same with {@link #NO_DELAY}
     */
    record Result(int requested, int sessions, long openFiles, List<JsonNode> local, List<JsonNode> ssh, List<JsonNode> sshNoDelay) {

        Summary local(String field) {
            return ChildBench.Result.summary(local, field);
        }

        Summary ssh(String field) {
            return ChildBench.Result.summary(ssh, field);
        }

        Summary sshNoDelay(String field) {
            return ChildBench.Result.summary(sshNoDelay, field);
        }
    }

    /**
     * Descriptors a session over SSH holds in sshd's process for the connection: the pipes to the
     * command's stdin, stdout and stderr. The steering JVM holds one socket for all of them.
     */
    static final int SSHD_DESCRIPTORS_PER_SESSION = 3;
    /** Channels of the connection besides the sessions': its file system, its watchdog, spare ones for commands. */
    static final int EXTRA_CHANNELS = 16;
    /**
     * MINA SSHD's setting for {@code TCP_NODELAY} on its sockets, which is off by default (the
     * transport does not set it): small writes then wait for the acknowledgement of the previous
     * one, and a launch makes several round trips.
     */
    static final String NO_DELAY = "-Dorg.apache.sshd.config.tcp-nodelay=true";

    private final BenchContext context;
    private final ChildBench children;

    SshScaleBench(BenchContext context) {
        this.context = context;
        this.children = new ChildBench(context);
    }

    /**
     * @return how many of the sessions asked for fit in sshd's open-file limit (the same as this
     *     process's), in steps of 500
     */
    static int sessionsThatFit(int requested, long openFiles) {
        long fit = (openFiles - Machine.DESCRIPTOR_RESERVE) / SSHD_DESCRIPTORS_PER_SESSION;
        return fit >= requested ? requested : (int) Math.max(500, fit / 500 * 500);
    }

    /** Starts sshd, runs {@code runs} rounds of local and SSH sessions, and stops sshd, also on failure. */
    Result run(Path turnFile, int requested, int runs) throws IOException, InterruptedException {
        long openFiles = Machine.openFileLimit();
        int sessions = sessionsThatFit(requested, openFiles);
        if (sessions < requested) {
            Log.progress("sshscale: %,d sessions asked for; %,d fit in sshd's limit of %,d open files per process", requested, sessions, openFiles);
        }
        Duration timeout = Duration.ofSeconds(Math.max(120, sessions / 25));
        Duration limit = timeout.plusSeconds(120);
        ObjectNode local = children.spec(turnFile);
        local.put("sessions", sessions);
        local.put("timeoutMs", timeout.toMillis());
        Path root = Files.createDirectories(context.work().resolve("sshscale"));
        Path sshdDir = Files.createTempDirectory(root, "sshd-");
        Path remoteTemp = Files.createTempDirectory(root, "remote-tmp-");
        List<JsonNode> localRuns = new ArrayList<>();
        List<JsonNode> sshRuns = new ArrayList<>();
        List<JsonNode> noDelayRuns = new ArrayList<>();
        List<String> noDelay = new ArrayList<>(ChildBench.EPOLL);
        noDelay.add(NO_DELAY);
        try (LoopbackSshd sshd = LoopbackSshd.start(sshdDir, sshdSettings(sessions + EXTRA_CHANNELS))) {
            Log.progress("sshscale: sshd on 127.0.0.1:%d, MaxSessions %,d", sshd.port(), sessions + EXTRA_CHANNELS);
            ObjectNode overSsh = ScaleTarget.withSsh(local.deepCopy(), sshd, remoteTemp);
            for (int round = 0; round < runs; round++) {
                localRuns.add(ChildBench.checked(Json.parse(Processes.runJvm(ScaleChild.class, ChildBench.EPOLL, Json.write(local), limit))));
                sshRuns.add(overSsh(sshd, ChildBench.EPOLL, overSsh, limit));
                noDelayRuns.add(overSsh(sshd, noDelay, overSsh, limit));
                Log.progress("sshscale %,d round %d: local %s; over SSH %s; over SSH with TCP_NODELAY %s", sessions, round,
                        describe(localRuns.getLast()), describe(sshRuns.getLast()), describe(noDelayRuns.getLast()));
            }
        } finally {
            delete(sshdDir);
            delete(remoteTemp);
        }
        return new Result(requested, sessions, openFiles, localRuns, sshRuns, noDelayRuns);
    }

    /** {@return sshd's settings for a run: as many channels on one connection as it needs, and a quiet log} */
    private static List<String> sshdSettings(int channels) {
        return List.of(
                // every session is a channel of the transport's one connection, besides its file
                // system and its watchdog (OpenSSH allows ten by default)
                "MaxSessions " + channels,
                // one connection at a time, but a reconnect must never be refused
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
