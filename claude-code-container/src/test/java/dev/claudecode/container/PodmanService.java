package dev.claudecode.container;

import dev.claudecode.ClaudeCode;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Podman API service for the tests, one per test JVM: its own storage (vfs) under a temp
 * dir, runc with cgroupfs, listening on a Unix socket in that dir; the CLI image built into it
 * once with {@code container/build-image.sh}. At JVM exit the service is stopped by its PID and
 * the storage, image included, is deleted.
 */
final class PodmanService {

    private static PodmanService instance;

    private final Path root;
    private final List<String> podman;
    private final Process service;
    private final Path socket;
    private final String image;

    private PodmanService() throws IOException, InterruptedException {
        root = Files.createTempDirectory("claude-podman-");
        podman = List.of("podman", "--runtime=runc", "--cgroup-manager=cgroupfs", "--storage-driver=vfs",
                "--root=" + root.resolve("storage"), "--runroot=" + root.resolve("run"), "--tmpdir=" + root.resolve("tmp"));
        image = "claude-code-cli:" + ClaudeCode.cliVersion();
        buildImage();
        socket = root.resolve("podman.sock");
        List<String> command = new ArrayList<>(podman);
        command.addAll(List.of("system", "service", "--time=0", "unix://" + socket));
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(root.resolve("service.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(socket)) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the Podman service did not start: " + Files.readString(root.resolve("service.log")));
            }
            Thread.sleep(50);
        }
    }

    /** @return the JVM's service, started (and the image built) on first use */
    static synchronized PodmanService get() {
        if (instance == null) {
            try {
                instance = new PodmanService();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "podman-service-stop"));
        }
        return instance;
    }

    private void buildImage() throws IOException, InterruptedException {
        String script = System.getProperty("claudecode.image.script", "../container/build-image.sh");
        ProcessBuilder build = new ProcessBuilder("bash", script, "--version", ClaudeCode.cliVersion(), "--cli", TestCli.path().toString(), "--smoke");
        build.environment().put("CONTAINER_ENGINE", String.join(" ", podman));
        build.environment().put("CONTAINER_RUN_FLAGS", "--ulimit nofile=" + nofile() + ":" + nofile() + " --ulimit nproc=" + nproc() + ":" + nproc());
        Process process = build.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("building the CLI image failed:\n" + output);
        }
    }

    /** @return the engine address of the service */
    String address() {
        return "unix://" + socket;
    }

    /** @return the CLI image's name */
    String image() {
        return image;
    }

    /**
     * Runs the podman command line against the service's storage.
     *
     * @param arguments its arguments
     * @return its standard output
     */
    String podman(String... arguments) {
        List<String> command = new ArrayList<>(podman);
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("podman " + String.join(" ", arguments) + " did not end");
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return a transport builder for this service, with the limits this machine needs */
    ContainerTransport.Builder transport() {
        return ContainerTransport.builder().engine(address()).image(image).networkMode("host")
                .ulimit("nofile", nofile(), nofile()).ulimit("nproc", nproc(), nproc());
    }

    /** The open-files limit for containers: at most the host's hard limit, which a container may not exceed here. */
    static long nofile() {
        return Math.min(20000, hardLimit("Max open files"));
    }

    /** The process limit for containers, likewise. */
    static long nproc() {
        return Math.min(4096, hardLimit("Max processes"));
    }

    private static long hardLimit(String name) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/limits"))) {
            String hard = lines.filter(line -> line.startsWith(name)).findFirst().orElseThrow()
                    .substring(26).trim().split("\\s+")[1];
            return hard.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(hard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void killProcessesNaming(Path dir) {
        String needle = dir.toString();
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.ISO_8859_1);
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (cmdline.contains(needle) && pid != ProcessHandle.current().pid()) {
                        ProcessHandle.of(pid).ifPresent(found::add);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // the process ended while it was looked at
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : found) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // one that does not go within 10 s is left behind
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stop() {
        service.destroy();
        try {
            if (!service.waitFor(10, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        podman("rm", "--all", "--force", "--time=0");
        podman("rmi", "--all", "--force");
        // each exec leaves a conmon behind, re-parented away from this JVM; they name the storage
        // on their command lines: found that way, they are killed by PID, and with SIGKILL so that
        // no exit command of theirs writes into the storage again
        killProcessesNaming(root);
        // podman may still be writing its lock and event files while the walk runs: try twice, file by file
        for (int attempt = 0; attempt < 2 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        // left for the next attempt
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // left for the next attempt; a temp dir left behind is harmless
            }
        }
    }
}
