package dev.claudecode.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code install-cli} installs the version it is asked for; an installed one is found without a download. */
class InstallCliCommandTest {

    @TempDir
    Path cache;

    @Test
    void installsTheVersionGivenWithCliVersionOrThePinnedOne() throws Exception {
        Path older = installed("2.1.197");
        Path pinned = installed(ClaudeCode.cliVersion());

        assertThat(run("install-cli", "--cache-dir", cache.toString(), "--cli-version", "2.1.197"))
                .contains("Claude Code CLI 2.1.197 is installed at " + older).doesNotContain("outside");
        assertThat(run("install-cli", "--cache-dir", cache.toString()))
                .contains("Claude Code CLI " + ClaudeCode.cliVersion() + " is installed at " + pinned);
    }

    @Test
    void aVersionOutsideTheSupportedRangeIsInstalledWithANote() throws Exception {
        Path old = installed("2.1.100");

        assertThat(run("install-cli", "--cache-dir", cache.toString(), "--cli-version", "2.1.100"))
                .contains("is installed at " + old)
                .contains("2.1.100 is outside the versions this library supports (2.1.197 to 2.1.332)");
    }

    @Test
    void aMalformedVersionIsRefusedBeforeAnyDownload() throws Exception {
        assertThat(runStatus("install-cli", "--cache-dir", cache.toString(), "--cli-version", "../2.1.197")).isNotZero();
        try (var entries = Files.list(cache)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void aPlainHttpRegistryIsRefusedUnlessAllowed() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        String[] install = {"install-cli", "--cache-dir", cache.toString(), "--cli-version", "2.1.300", "--registry", closed.toString()};

        assertThat(errorOf(install)).contains("plain http").contains("allowHttpRegistry(true)");
        assertThat(errorOf(append(install, "--allow-http-registry"))).contains("GET " + closed).doesNotContain("plain http");
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    /** Runs a command that must fail, and returns what it wrote to stderr. */
    private static String errorOf(String... args) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isNotZero();
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    // an executable file in place is a finished install: the installer returns it without the registry
    private Path installed(String version) throws Exception {
        Path binary = Files.createDirectories(cache.resolve(version)).resolve("claude");
        Files.writeString(binary, "#!/bin/sh\necho '" + version + " (Claude Code)'\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return binary;
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int runStatus(String... args) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }
}
