package dev.claudecode.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Works out which npm platform package this JVM needs. */
public final class PlatformDetector {

    private PlatformDetector() {
    }

    /**
     * Works out the npm platform id of this JVM, including musl on Linux and an Intel JVM running
     * under Rosetta on Apple silicon (which gets the native ARM64 id).
     *
     * @return an id such as {@code linux-x64-musl}; it may name a platform with no Claude Code package
     */
    public static String npmId() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = normalizeArch(System.getProperty("os.arch", ""));
        if (os.startsWith("linux")) {
            return "linux-" + arch + (isMusl() ? "-musl" : "");
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin-" + ("x64".equals(arch) && runsUnderRosetta() ? "arm64" : arch);
        } else if (os.startsWith("windows")) {
            return "win32-" + arch;
        }
        return os + "-" + arch;
    }

    /** @return whether the current OS is Windows, the only thing that changes the binary's name */
    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Whether a file can be run as the CLI here: a regular file that, off Windows, has an execute
     * permission for this process.
     *
     * @param path the file
     * @return whether it is an executable file
     */
    public static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && (isWindows() || Files.isExecutable(path));
    }

    static String normalizeArch(String arch) {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch.toLowerCase(Locale.ROOT);
        };
    }

    // The libc the JVM itself is linked against is the one the binary must match, and the JVM's
    // own memory map names it; the dynamic loader's file is the fallback when /proc is hidden.
    private static boolean isMusl() {
        try {
            String maps = Files.readString(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1);
            if (maps.contains("ld-musl-") || maps.contains("libc.musl-")) {
                return true;
            }
            if (maps.contains("libc.so.6") || maps.contains("libc-2.")) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the loader check
        }
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            return loaders.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // An Intel JVM on Apple silicon reports x86_64, but the Intel build of the CLI needs AVX, which
    // Rosetta does not emulate, so the native ARM64 binary is the one that runs.
    private static boolean runsUnderRosetta() {
        try {
            return BoundedProcess.run(List.of("sysctl", "-n", "sysctl.proc_translated"), Optional.empty(),
                            Duration.ofSeconds(5), false)
                    .filter(result -> result.exitCode() == 0)
                    .map(result -> "1".equals(result.output().strip()))
                    .orElse(false);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
