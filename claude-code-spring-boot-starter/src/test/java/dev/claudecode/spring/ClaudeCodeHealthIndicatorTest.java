package dev.claudecode.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.options.ClaudeCodeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health indicator on stand-in executables that report a version in the range, outside it, or none. */
class ClaudeCodeHealthIndicatorTest {

    @TempDir
    Path dir;

    private Path cli(String output) throws IOException {
        Path script = dir.resolve("claude");
        Files.writeString(script, "#!/bin/sh\necho '" + output + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Health health(Path cli) {
        return new ClaudeCodeHealthIndicator(ClaudeCodeOptions.builder().cliPath(cli).build()).health(true);
    }

    @Test
    void aSupportedVersionIsUp() throws IOException {
        Health health = health(cli(CliVersionRange.NEWEST + " (Claude Code)"));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("version", CliVersionRange.NEWEST).containsEntry("supported", true);
    }

    @Test
    void aVersionOutsideTheRangeIsDown() throws IOException {
        Health health = health(cli("1.0.0 (Claude Code)"));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("version", "1.0.0").containsEntry("supported", false);
    }

    @Test
    void aCliThatTellsNoVersionIsDown() throws IOException {
        assertThat(health(cli("no version here")).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aMissingCliIsDown() {
        Health health = health(dir.resolve("nothing-here"));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }
}
