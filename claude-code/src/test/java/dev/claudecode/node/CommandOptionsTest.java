package dev.claudecode.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

    @Test
    void toStringShowsVariableNamesAndTheInputsSizeOnly() {
        CommandOptions options = CommandOptions.defaults().withEnvironment(Map.of("TOKEN", "env-secret-value"))
                .withInput("input-secret-value".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(options.toString()).contains("TOKEN=***", "input=18 bytes")
                .doesNotContain("env-secret-value").doesNotContain("input-secret-value");
    }
}
