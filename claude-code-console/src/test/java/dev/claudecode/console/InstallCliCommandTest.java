package dev.claudecode.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
