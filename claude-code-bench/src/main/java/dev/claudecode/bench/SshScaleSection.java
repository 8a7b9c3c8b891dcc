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
        String n = count(s.sessions());
        out.add("### " + n + " sessions over SSH to one loopback sshd");
        out.add("");
        out.add("The Java SDK only: the TypeScript SDK has no SSH transport, so the comparison is the Java SDK's own local sessions "
                + "(epoll spawner) in the same run, the drivers taking turns round by round (" + s.local().size() + " round"
                + (s.local().size() == 1 ? "" : "s") + "). Each run is a fresh JVM (default flags) that starts N sessions on the "
                + "fake CLI one after another, runs one turn on each and keeps them all open and idle; then, after full "
                + "collections, the heap growth per session, the RSS growth per session of this JVM (the one that steers the "
                + "sessions; sshd, the launch shells and the CLIs are not in it) and its thread count. Total time is from the "
                + "first start to the last result, so over SSH it includes every launch. The sessions over SSH start through one "
                + "`SshTransport` to a throwaway OpenSSH server that the workload starts on a free port of 127.0.0.1, with a "
                + "configuration, a host key and an authorized user key of its own in a scratch directory (`MaxSessions` "
                + count(s.sessions() + SshScaleBench.EXTRA_CHANNELS) + ": OpenSSH allows ten channels per connection by "
                + "default), and stops by its process id at the end, also when a run fails. The transport multiplexes: one SSH "
                + "connection (Apache MINA SSHD on NIO2) carries an exec channel per session, besides one SFTP channel and one "
                + "for the watchdog that ends the CLIs if the connection drops. Each launch writes its environment into a private "
                + "file over SFTP, opens the exec channel, reads the process id, has the watchdog confirm the process group and "
                + "only then lets the fake CLI start, on sshd's side, which is this machine: several round trips per start. "
                + "MINA leaves `TCP_NODELAY` off by default and the transport does not set it, so each small write after the "
                + "first can wait for the previous one's acknowledgement; the last row is the same run with it on (`"
                + SshScaleBench.NO_DELAY + "` on the steering JVM). The RSS figure moves by tens of megabytes with what the "
                + "collector keeps committed, which at 1,000 sessions is tens of kilobytes per session either way: compare it "
                + "across rounds, not to the last kilobyte.");
        out.add("");
        out.add(String.format(Locale.ROOT, "On sshd's side the connection's one process holds %d descriptors per session (the pipes "
                + "to each command's stdin, stdout and stderr), so this machine's %,d open files per process allow about %,d sessions "
                + "on one connection; the steering JVM holds one socket for all of them.", SshScaleBench.SSHD_DESCRIPTORS_PER_SESSION,
                s.openFiles(), (s.openFiles() - Machine.DESCRIPTOR_RESERVE) / SshScaleBench.SSHD_DESCRIPTORS_PER_SESSION));
        out.add("");
        if (s.sessions() < s.requested()) {
            out.add(String.format(Locale.ROOT, "%,d sessions were asked for, but sshd's process for the connection holds %d "
                    + "descriptors per session (pipes to each command's stdin, stdout and stderr) and may hold %,d open files "
                    + "(this machine's hard limit per process): %,d sessions ran instead.", s.requested(),
                    SshScaleBench.SSHD_DESCRIPTORS_PER_SESSION, s.openFiles(), s.sessions()));
            out.add("");
        }
        out.add("| sessions | driver | turns finished | total time, ms | heap per idle session | RSS per session | threads (JVM carriers) |");
        out.add("|---|---|---|---|---|---|---|");
        out.add(row(n, "Java SDK over SSH (one connection, a channel per session)", s.ssh("completed"), s.ssh("totalMs"),
                s.ssh("heapPerSessionBytes"), s.ssh("rssPerSessionBytes"), s.ssh("threads"), s.ssh("carrierThreads")));
        out.add(row(n, "Java SDK over SSH, `TCP_NODELAY` on", s.sshNoDelay("completed"), s.sshNoDelay("totalMs"),
                s.sshNoDelay("heapPerSessionBytes"), s.sshNoDelay("rssPerSessionBytes"), s.sshNoDelay("threads"), s.sshNoDelay("carrierThreads")));
        out.add(row(n, "Java SDK, local (epoll spawner)", s.local("completed"), s.local("totalMs"), s.local("heapPerSessionBytes"),
                s.local("rssPerSessionBytes"), s.local("threads"), s.local("carrierThreads")));
        out.add("");
        out.add("How long each tenth of the starts took, in ms (median run; a start that slowed down as channels accumulated would "
                + "show here): over SSH " + tenths(s.ssh()) + "; with `TCP_NODELAY` " + tenths(s.sshNoDelay()) + "; local "
                + tenths(s.local()) + ".");
        out.add("");
        return out;
    }

    /** @return the start tenths of the run with the median total time */
    private static String tenths(java.util.List<tools.jackson.databind.JsonNode> runs) {
        List<tools.jackson.databind.JsonNode> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(run -> run.path("totalMs").asDouble()));
        return SshScaleBench.tenths(sorted.get(sorted.size() / 2)).replace("/", " / ");
    }

    /** @return the goal's wording */
    static String goal(SshScaleBench.Result s) {
        return "No thread per session over SSH: ≤ " + MAX_THREADS + " threads with " + count(s.sessions()) + " sessions on one connection";
    }

    /** @return what this run measured for the goal */
    static String measured(SshScaleBench.Result s) {
        if (!allFinished(s)) {
            return "only " + Report.fmt(s.ssh("completed").median(), 0) + " of " + count(s.sessions()) + " sessions finished their turn";
        }
        return Report.fmt(s.ssh("threads").median(), 0) + " threads (" + Report.fmt(s.ssh("carrierThreads").median(), 0)
                + " virtual-thread carriers), " + Report.fmt(s.ssh("totalMs").median() / 1000, 1) + " s to all results ("
                + Report.fmt(s.sshNoDelay("totalMs").median() / 1000, 1) + " s with `TCP_NODELAY`); the same sessions local: " + Report.fmt(s.local("threads").median(), 0) + " threads, "
                + Report.fmt(s.local("totalMs").median() / 1000, 1) + " s";
    }

    /** @return whether every run finished every turn within the thread goal */
    static boolean met(SshScaleBench.Result s) {
        return allFinished(s) && s.ssh("threads").max() <= MAX_THREADS && s.sshNoDelay("threads").max() <= MAX_THREADS;
    }

    private static boolean allFinished(SshScaleBench.Result s) {
        return s.ssh("completed").min() >= s.sessions() && s.sshNoDelay("completed").min() >= s.sessions();
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
