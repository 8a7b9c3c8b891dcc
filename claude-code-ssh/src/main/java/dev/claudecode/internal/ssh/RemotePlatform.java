package dev.claudecode.internal.ssh;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.cli.CliPlatform;
import java.util.List;
import java.util.Locale;

/** Works out which CLI platform a remote host needs, from what its shell reports. */
public final class RemotePlatform {

    /**
     * The command that prints what {@link #parse(String)} reads: the kernel name, the machine
     * name, and {@code musl} or {@code gnu} for the C library.
     */
    public static final List<String> PROBE = List.of("/bin/sh", "-c",
            "uname -s; uname -m; if ls /lib/ld-musl-* >/dev/null 2>&1; then echo musl; else echo gnu; fi");

    private RemotePlatform() {
    }

    /**
     * Reads the probe's output.
     *
     * @param probeOutput what {@link #PROBE} printed
     * @return the platform
     * @throws CliInstallException when npm publishes no Claude Code CLI for that platform
     */
    public static CliPlatform parse(String probeOutput) {
        List<String> lines = probeOutput.strip().lines().map(String::strip).toList();
        if (lines.size() < 3) {
            throw new CliInstallException("cannot tell the remote host's platform from: " + probeOutput.strip());
        }
        String os = lines.get(0).toLowerCase(Locale.ROOT);
        String machine = lines.get(1).toLowerCase(Locale.ROOT);
        boolean musl = lines.get(2).equals("musl");
        String arch = switch (machine) {
            case "x86_64", "amd64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> throw new CliInstallException("no Claude Code CLI is published for the remote machine type " + machine);
        };
        String id = switch (os) {
            case "linux" -> "linux-" + arch + (musl ? "-musl" : "");
            case "darwin" -> "darwin-" + arch;
            default -> throw new CliInstallException("no Claude Code CLI is published for the remote system " + lines.get(0));
        };
        return CliPlatform.fromId(id)
                .orElseThrow(() -> new CliInstallException("no Claude Code CLI is published for the remote platform " + id));
    }
}
