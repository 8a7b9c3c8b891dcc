package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment and the per-server directories for the CLI. */
class FakeClaudeApiEnvironmentTest {

    @Test
    void pointsTheCliAtTheServerAndItsOwnDirectories() throws IOException {
        Path config;
        Path tmp;
        try (FakeClaudeApi api = FakeClaudeApi.start()) {
            Map<String, String> env = api.environment();
            config = api.configDir();
            tmp = api.tmpDir();

            assertThat(env).containsEntry("ANTHROPIC_BASE_URL", api.baseUrl().toString())
                    .containsEntry("ANTHROPIC_API_KEY", FakeClaudeApi.DEFAULT_API_KEY)
                    .containsEntry("CLAUDE_CONFIG_DIR", config.toString())
                    .containsEntry("CLAUDE_CODE_TMPDIR", tmp.toString())
                    .containsEntry("DISABLE_AUTOUPDATER", "1")
                    .doesNotContainKey("CLAUDE_CODE_MAX_RETRIES");
            assertThat(config).isEmptyDirectory();
            assertThat(tmp).isEmptyDirectory();
            assertThat(Path.of(env.get("HOME"))).as("an empty home of its own").isEmptyDirectory().hasParent(config.getParent());
            Files.writeString(config.resolve(".claude.json"), "{}");
        }
        assertThat(config).doesNotExist();
        assertThat(tmp).doesNotExist();
    }

    @Test
    void eachServerHasFreshDirectories() {
        try (FakeClaudeApi first = FakeClaudeApi.start(); FakeClaudeApi second = FakeClaudeApi.start()) {
            assertThat(first.configDir()).isNotEqualTo(second.configDir());
            assertThat(first.port()).isNotEqualTo(second.port());
        }
    }

    @Test
    void theBuilderAddsAndOverridesVariables() {
        try (FakeClaudeApi api = FakeClaudeApi.builder()
                .apiKey("sk-other")
                .quietEnvironment(false)
                .environment("CLAUDE_CODE_MAX_RETRIES", "0")
                .environment("ANTHROPIC_API_KEY", "sk-override")
                .start()) {
            assertThat(api.environment()).containsEntry("CLAUDE_CODE_MAX_RETRIES", "0")
                    .containsEntry("ANTHROPIC_API_KEY", "sk-override")
                    .doesNotContainKeys("DISABLE_AUTOUPDATER", "DISABLE_TELEMETRY");
        }
    }

    @Test
    void applyEnvironmentReplacesInheritedClaudeAndAnthropicVariables() {
        Map<String, String> processEnv = new HashMap<>(Map.of("CLAUDECODE", "1", "ANTHROPIC_AUTH_TOKEN", "secret",
                "CLAUDE_CODE_ENTRYPOINT", "cli", "PATH", "/usr/bin"));
        try (FakeClaudeApi api = FakeClaudeApi.start()) {
            api.applyEnvironment(processEnv);

            assertThat(processEnv).doesNotContainKeys("CLAUDECODE", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_ENTRYPOINT")
                    .containsEntry("PATH", "/usr/bin")
                    .containsAllEntriesOf(api.environment());
        }
    }

    @Test
    void closeIsIdempotentAndStopsListening() {
        FakeClaudeApi api = FakeClaudeApi.start();
        ApiClient client = new ApiClient(api);
        api.close();
        api.close();

        assertThatThrownBy(() -> client.request("GET", "/"))
                .isInstanceOf(UncheckedIOException.class);
    }
}
