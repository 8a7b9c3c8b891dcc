package dev.claudecode.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchSpecTest {

    @Test
    void toStringNamesTheVariablesButHidesTheirValues() {
        LaunchSpec spec = new LaunchSpec("/usr/bin/claude", List.of("--verbose"),
                Map.of("ANTHROPIC_API_KEY", "sk-ant-api03-secret", "CLAUDE_CODE_ENTRYPOINT", "sdk-cli"),
                name -> true, Optional.of("/work"));

        assertThat(spec.toString())
                .contains("/usr/bin/claude", "--verbose", "ANTHROPIC_API_KEY", "CLAUDE_CODE_ENTRYPOINT", "/work")
                .doesNotContain("sk-ant-api03-secret", "sdk-cli");
    }
}
