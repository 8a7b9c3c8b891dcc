package dev.claudecode.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.errors.CliVersionMismatchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class VersionCheckTest {

    @TempDir
    Path dir;

    @Test
    void matchesWholeVersionsOnly() {
        assertThat(VersionCheck.reports("2.1.197 (Claude Code)", "2.1.197")).isTrue();
        assertThat(VersionCheck.reports("2.1.197", "2.1.197")).isTrue();
        assertThat(VersionCheck.reports("2.1.197 (Claude Code)", "2.1.19")).isFalse();
        assertThat(VersionCheck.reports("2.1.197-beta (Claude Code)", "2.1.197")).isFalse();
        assertThat(VersionCheck.reports("Claude Code 2.1.197", "2.1.197")).isFalse();
    }

    @Test
    void acceptsABinaryThatReportsTheVersion() throws Exception {
        VersionCheck.verify(script("echo '2.1.197 (Claude Code)'"), "2.1.197", Duration.ofSeconds(10));
    }

    @Test
    void refusesAnotherVersion() throws Exception {
        Path binary = script("echo '2.1.196 (Claude Code)'");

        assertThatThrownBy(() -> VersionCheck.verify(binary, "2.1.197", Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(CliVersionMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo("2.1.197");
                    assertThat(e.actual()).isEqualTo("2.1.196 (Claude Code)");
                });
    }

    @Test
    void aFailingBinaryIsAnInstallErrorWithItsOutput() throws Exception {
        Path binary = script("echo 'cannot start: missing libc' >&2; exit 127");

        assertThatThrownBy(() -> VersionCheck.verify(binary, "2.1.197", Duration.ofSeconds(10)))
                .isInstanceOf(CliInstallException.class)
                .hasMessageContaining("status 127")
                .hasMessageContaining("missing libc");
    }

    @Test
    void aHangingBinaryIsKilledAfterTheTimeout() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path binary = script("echo $$ > '" + pidFile + "'; exec sleep 60");

        assertThatThrownBy(() -> VersionCheck.verify(binary, "2.1.197", Duration.ofMillis(500)))
                .isInstanceOf(CliInstallException.class)
                .hasMessageContaining("did not answer --version");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private Path script(String body) throws IOException {
        Path file = dir.resolve("claude");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
