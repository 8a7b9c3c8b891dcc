package dev.claudecode.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's text for the SSH scale workload ({@link SshScaleBench}): its part of section 4 and its goal. */
final class SshScaleSection {

    /** The goal for threads in the steering JVM, whatever the session count. */
    static final int MAX_THREADS = 32;

    private SshScaleSection() {
    }

    /** @return the lines of the part of section 4 on sessions over SSH */
    static List<String> lines(SshScaleBench.Result s) {
        List<String> out = new ArrayList<>();
        out.add("### " + counts(s) + " sessions over SSH to one loopback sshd");
        out.add("");
        out.add("The Java SDK only: the TypeScript SDK has no SSH transport, so the comparison is the Java SDK's own local sessions "
                + "(epoll spawner) in the same run, where they fit in this machine's open files, the drivers taking turns round by "
                + "round. Each run is a fresh JVM (default flags) that starts N sessions on the fake CLI one after another, runs "
                + "one turn on each and keeps them all open and idle; then, after full collections, the heap growth per session, "
                + "the RSS growth per session of this JVM (the one that steers the sessions; sshd, the launch shells and the CLIs "
                + "are not in it) and its thread count. Total time is from the first start to the last result, so over SSH it "
                + "includes every launch. The sessions over SSH start through `SshTransport`s to a throwaway OpenSSH server that "
                + "the workload starts on a free port of 127.0.0.1, with a configuration, a host key and an authorized user key "
                + "of its own in a scratch directory (`MaxSessions` " + count(Math.min(SshScaleBench.SESSIONS_PER_CONNECTION,
                s.rows().stream().mapToInt(SshScaleBench.Row::sessions).max().orElse(1)) + SshScaleBench.EXTRA_CHANNELS)
                + ": OpenSSH allows ten channels per connection by default), and stops by its process id at the end, also when "
                + "a run fails. The transport multiplexes: one SSH connection (Apache MINA SSHD on NIO2, `TCP_NODELAY` on) "
                + "carries an exec channel per session, besides one SFTP channel and one for the watchdog that ends the CLIs if "
                + "the connection drops; up to " + count(SshScaleBench.SESSIONS_PER_CONNECTION) + " sessions share a connection, "
                + "and more take more connections, which the sessions take in turn, as a fleet spread over hosts would. Each "
                + "launch writes its environment into a private file over SFTP, opens the exec channel, reads the process id, "
                + "has the watchdog confirm the process group and only then lets the fake CLI start, on sshd's side, which is "
                + "this machine: several round trips per start. The RSS figure moves by megabytes with what the collector keeps "
                + "committed: compare it across rounds, not to the last kilobyte.");
        out.add("");
        out.add(String.format(Locale.ROOT, "On sshd's side the connection's one process holds %d descriptors per session (the pipes "
                + "to each command's stdin, stdout and stderr); the steering JVM holds one socket per connection, where a local "
                + "session holds %d descriptors in it, so this machine's %,d open files per process allow about %,d local sessions.",
                SshScaleBench.SSHD_DESCRIPTORS_PER_SESSION, Machine.DESCRIPTORS_PER_SESSION, s.openFiles(),
                (s.openFiles() - Machine.DESCRIPTOR_RESERVE) / Machine.DESCRIPTORS_PER_SESSION));
        out.add("");
        out.add("| sessions | driver | turns finished | total time, ms | heap per idle session | RSS per session | threads (JVM carriers) |");
        out.add("|---|---|---|---|---|---|---|");
        for (SshScaleBench.Row row : s.rows()) {
            String n = count(row.sessions());
            out.add(row(n, "Java SDK over SSH (" + row.connections() + (row.connections() == 1 ? " connection" : " connections")
                    + ", a channel per session)", row.ssh("completed"), row.ssh("totalMs"), row.ssh("heapPerSessionBytes"),
                    row.ssh("rssPerSessionBytes"), row.ssh("threads"), row.ssh("carrierThreads")));
            if (!row.local().isEmpty()) {
                out.add(row(n, "Java SDK, local (epoll spawner)", row.local("completed"), row.local("totalMs"),
                        row.local("heapPerSessionBytes"), row.local("rssPerSessionBytes"), row.local("threads"), row.local("carrierThreads")));
            } else {
                out.add("| " + n + " | Java SDK, local (epoll spawner) | does not fit: " + count(row.sessions() * Machine.DESCRIPTORS_PER_SESSION)
                        + " descriptors past the limit of " + count((int) s.openFiles()) + " | | | | |");
            }
        }
        out.add("");
        out.add("How long each tenth of the starts took, in ms (median run; a start that slowed down as channels accumulated would "
                + "show here): " + s.rows().stream().map(row -> count(row.sessions()) + " over SSH " + tenths(row.ssh())
                        + (row.local().isEmpty() ? "" : ", local " + tenths(row.local())))
                .collect(java.util.stream.Collectors.joining("; ")) + ".");
        out.add("");
        return out;
    }

    /** @return the start tenths of the run with the median total time */
    private static String tenths(java.util.List<tools.jackson.databind.JsonNode> runs) {
        List<tools.jackson.databind.JsonNode> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(run -> run.path("totalMs").asDouble()));
        return SshScaleBench.tenths(sorted.get(sorted.size() / 2)).replace("/", " / ");
    }

    /** @return the session counts, as "1,000 and 10,000" */
    static String counts(SshScaleBench.Result s) {
        List<String> counts = s.rows().stream().map(row -> count(row.sessions())).toList();
        return counts.size() == 1 ? counts.getFirst()
                : String.join(", ", counts.subList(0, counts.size() - 1)) + " and " + counts.getLast();
    }

    /** @return the goal's wording */
    static String goal(SshScaleBench.Result s) {
        return "No thread per session over SSH: ≤ " + MAX_THREADS + " threads with " + counts(s) + " sessions";
    }

    /** @return what this run measured for the goal */
    static String measured(SshScaleBench.Result s) {
        return s.rows().stream().map(row -> {
            String n = count(row.sessions());
            if (!allFinished(row)) {
                return n + ": only " + Report.fmt(row.ssh("completed").median(), 0) + " finished their turn";
            }
            return n + " sessions on " + row.connections() + (row.connections() == 1 ? " connection: " : " connections: ")
                    + Report.fmt(row.ssh("threads").median(), 0) + " threads (" + Report.fmt(row.ssh("carrierThreads").median(), 0)
                    + " virtual-thread carriers), " + Report.fmt(row.ssh("totalMs").median() / 1000, 1) + " s to all results"
                    + (row.local().isEmpty() ? "" : "; the same sessions local: " + Report.fmt(row.local("threads").median(), 0)
                            + " threads, " + Report.fmt(row.local("totalMs").median() / 1000, 1) + " s");
        }).collect(java.util.stream.Collectors.joining("; "));
    }

    /** @return whether every run finished every turn within the thread goal */
    static boolean met(SshScaleBench.Result s) {
        return s.rows().stream().allMatch(row -> allFinished(row) && row.ssh("threads").max() <= MAX_THREADS);
    }

    private static boolean allFinished(SshScaleBench.Row row) {
        return row.ssh("completed").min() >= row.sessions();
    }

    private static String row(String sessions, String driver, Summary completed, Summary total, Summary heap, Summary rss,
            Summary threads, Summary carriers) {
        return "| " + sessions + " | " + driver + " | " + completed.format(0, 1) + " | " + total.format(0, 1) + " | "
                + heap.format(1, 1000) + " kB | " + rss.format(1, 1000) + " kB | " + threads.format(0, 1) + " ("
                + carriers.format(0, 1) + ") |";
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
