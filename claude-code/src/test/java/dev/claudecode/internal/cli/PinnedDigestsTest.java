package dev.claudecode.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.cli.CliPlatform;
import dev.claudecode.cli.CliVersionRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinnedDigestsTest {

    @Test
    void everyPlatformPackageOfBothEndsOfTheSupportedRangeHasASha512Digest() {
        List<String> expected = new ArrayList<>();
        for (String version : List.of(CliVersionRange.NEWEST, CliVersionRange.OLDEST)) {
            for (CliPlatform platform : CliPlatform.values()) {
                expected.add(platform.packageName() + "@" + version);
                assertThat(PinnedDigests.of(platform.packageName(), version))
                        .as("%s@%s", platform.packageName(), version)
                        .hasValueSatisfying(digest -> assertThat(digest.algorithm()).isEqualTo("sha512"));
            }
        }
        assertThat(PinnedDigests.all().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(PinnedDigests.all().values()).doesNotHaveDuplicates();
    }

    @Test
    void otherVersionsHaveNone() {
        assertThat(PinnedDigests.of(CliPlatform.LINUX_X64.packageName(), "2.1.300")).isEmpty();
        assertThat(PinnedDigests.of("@anthropic-ai/claude-code", CliVersionRange.NEWEST)).isEmpty();
    }
}
