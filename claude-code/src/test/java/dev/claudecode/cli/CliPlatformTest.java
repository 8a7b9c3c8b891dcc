package dev.claudecode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class CliPlatformTest {

    @Test
    void everyPlatformNamesItsNpmPackageAndBinary() {
        assertThat(Arrays.stream(CliPlatform.values()).map(CliPlatform::id)).containsExactly(
                "linux-x64", "linux-arm64", "linux-x64-musl", "linux-arm64-musl",
                "darwin-x64", "darwin-arm64", "win32-x64", "win32-arm64");
        assertThat(CliPlatform.LINUX_X64_MUSL.packageName()).isEqualTo("@anthropic-ai/claude-code-linux-x64-musl");
        assertThat(CliPlatform.DARWIN_ARM64.binaryName()).isEqualTo("claude");
        assertThat(CliPlatform.WIN32_ARM64.binaryName()).isEqualTo("claude.exe");
    }

    @Test
    void idsRoundTrip() {
        for (CliPlatform platform : CliPlatform.values()) {
            assertThat(CliPlatform.fromId(platform.id())).contains(platform);
        }
        assertThat(CliPlatform.fromId("freebsd-x64")).isEmpty();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"})
    void detectsGlibcLinuxOnThisMachine() {
        // the CI and development machines run glibc Debian on x86-64
        assertThat(CliPlatform.detect()).isIn(CliPlatform.LINUX_X64, CliPlatform.LINUX_X64_MUSL);
        assertThat(CliPlatform.detect().isWindows()).isFalse();
    }

    @Test
    void exactlyTheDetectedPlatformIsCurrent() {
        CliPlatform here = CliPlatform.detect();
        for (CliPlatform platform : CliPlatform.values()) {
            assertThat(platform.isCurrent()).as(platform.id()).isEqualTo(platform == here);
        }
    }
}
