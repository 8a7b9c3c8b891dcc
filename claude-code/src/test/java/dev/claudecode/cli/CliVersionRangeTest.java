package dev.claudecode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import org.junit.jupiter.api.Test;

class CliVersionRangeTest {

    @Test
    void theRangeRunsFromTheOldestToTheNewestRecordedVersion() {
        assertThat(CliVersionRange.OLDEST).isEqualTo("2.1.197");
        assertThat(CliVersionRange.NEWEST).isEqualTo("2.1.332");
        assertThat(CliVersionRange.contains("2.1.197")).isTrue();
        assertThat(CliVersionRange.contains("2.1.250")).isTrue();
        assertThat(CliVersionRange.contains("2.1.332 (Claude Code)")).isTrue();
        assertThat(CliVersionRange.contains("2.1.196")).isFalse();
        assertThat(CliVersionRange.contains("2.1.333")).isFalse();
        assertThat(CliVersionRange.contains("2.2.0")).isFalse();
        assertThat(CliVersionRange.contains("1.9.999")).isFalse();
    }

    @Test
    void unreadableVersionsAreOutside() {
        assertThat(CliVersionRange.contains(null)).isFalse();
        assertThat(CliVersionRange.contains("")).isFalse();
        assertThat(CliVersionRange.contains("Claude Code 2.1.300")).isFalse();
        assertThat(CliVersionRange.contains("2.1")).isFalse();
        assertThat(CliVersionRange.contains("2.1.300.1")).isFalse();
        assertThat(CliVersionRange.contains("2.1.99999999999")).isFalse();
    }

    @Test
    void comparesNumericallyNotAlphabetically() {
        assertThat(CliVersionRange.compare("2.1.197", "2.1.332")).isNegative();
        assertThat(CliVersionRange.compare("2.1.1000", "2.1.332")).isPositive();
        assertThat(CliVersionRange.compare("2.1.332-beta", "2.1.332")).isZero();
        assertThatThrownBy(() -> CliVersionRange.compare("x", "2.1.332")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theManagedInstallsDefaultIsASupportedVersion() {
        // the build may pin another supported version (-Dclaude.cli.version); it must stay in the range
        assertThat(CliVersionRange.contains(ClaudeCode.cliVersion())).as(ClaudeCode.cliVersion()).isTrue();
        assertThat(CliInstaller.builder().build().version()).isEqualTo(ClaudeCode.cliVersion());
    }
}
