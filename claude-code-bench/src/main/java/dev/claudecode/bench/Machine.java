package dev.claudecode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Facts about the machine and the tools a run used, for the report. */
record Machine(int cores, String cpu, String memory, String os, String jdk, String node, String cli, String tsSdk) {

    static Machine describe(Path realCli, String tsSdkVersion) {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memoryTotal(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                command("node", "--version"), realCli == null ? "n/a" : command(realCli.toString(), "--version"), tsSdkVersion);
    }

    /** @return the 1, 5 and 15 minute load averages, which tell whether something else ran during the run */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memoryTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format("%.0f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable";
        }
    }

    /** Descriptors a session holds in the process that runs it, at most: 3 pipes and, for the Java SDK, a pidfd. */
    static final int DESCRIPTORS_PER_SESSION = 4;
    /** Descriptors left for everything else of a process. */
    static final int DESCRIPTOR_RESERVE = 512;

    /** @return the soft limit of open files of this process (which the JVM raises to the hard limit), or a large number where unknown */
    static long openFileLimit() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc: assume it fits
        }
        return Long.MAX_VALUE;
    }

    /**
     * @return how many of the sessions asked for fit in the open-file limit, in steps of 500
     */
    static int sessionsThatFit(int requested, long openFiles) {
        long fit = (openFiles - DESCRIPTOR_RESERVE) / DESCRIPTORS_PER_SESSION;
        return fit >= requested ? requested : (int) Math.max(500, fit / 500 * 500);
    }
}
