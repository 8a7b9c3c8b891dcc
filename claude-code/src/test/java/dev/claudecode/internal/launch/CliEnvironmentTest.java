package dev.claudecode.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.ToolConfig;
import dev.claudecode.options.InheritEnv;
import dev.claudecode.internal.BuildInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliEnvironmentTest {

    private static final Map<String, String> PARENT = parent();

    @Test
    void explicitVariablesNameTheSdkEntrypointAndTheLibraryVersion() {
        Map<String, String> explicit = CliEnvironment.explicit(ClaudeCodeOptions.builder().build());

        assertThat(explicit).containsExactly(
                Map.entry("CLAUDE_CODE_ENTRYPOINT", "sdk-cli"),
                Map.entry("CLAUDE_AGENT_SDK_VERSION", BuildInfo.libraryVersion()));
        assertThat(BuildInfo.libraryVersion()).isNotBlank().doesNotContain("${");
    }

    @Test
    void theApiKeyTravelsOnlyInTheEnvironment() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().apiKey("sk-ant-123").build();

        assertThat(CliEnvironment.explicit(options)).containsEntry("ANTHROPIC_API_KEY", "sk-ant-123");
        assertThat(CliArguments.of(options)).noneSatisfy(argument -> assertThat(argument).contains("sk-ant-123"));
    }

    @Test
    void fileCheckpointingIsSwitchedOnByItsVariable() {
        assertThat(CliEnvironment.explicit(ClaudeCodeOptions.builder().enableFileCheckpointing(true).build()))
                .containsEntry("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING", "true");
        assertThat(CliEnvironment.explicit(ClaudeCodeOptions.builder().build()))
                .doesNotContainKey("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING");
    }

    @Test
    void theQuestionPreviewFormatOfToolConfigIsItsVariable() {
        ClaudeCodeOptions html = ClaudeCodeOptions.builder()
                .toolConfig(ToolConfig.askUserQuestionPreview(ToolConfig.PreviewFormat.HTML)).build();

        assertThat(CliEnvironment.explicit(html)).containsEntry("CLAUDE_CODE_QUESTION_PREVIEW_FORMAT", "html");
        assertThat(CliEnvironment.explicit(ClaudeCodeOptions.builder().build())).doesNotContainKey("CLAUDE_CODE_QUESTION_PREVIEW_FORMAT");
        assertThat(CliEnvironment.explicit(ClaudeCodeOptions.builder().toolConfig(new ToolConfig(java.util.Optional.empty())).build()))
                .doesNotContainKey("CLAUDE_CODE_QUESTION_PREVIEW_FORMAT");
    }

    @Test
    void optionsEnvIsAddedAndMayOverrideTheLibraryDefaults() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .env("CLAUDE_CODE_ENTRYPOINT", "sdk-py")
                .env("MAX_MCP_OUTPUT_TOKENS", "5000")
                .build();

        assertThat(CliEnvironment.explicit(options))
                .containsEntry("CLAUDE_CODE_ENTRYPOINT", "sdk-py")
                .containsEntry("MAX_MCP_OUTPUT_TOKENS", "5000");
    }

    @Test
    void claudecodeIsNeverInheritedButEverythingElseIsByDefault() {
        Map<String, String> environment = CliEnvironment.process(PARENT, ClaudeCodeOptions.builder().build());

        assertThat(environment).doesNotContainKey("CLAUDECODE")
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("HOME", "/home/u")
                .containsEntry("LC_ALL", "C")
                .containsEntry("SECRET_TOKEN", "s3")
                .containsEntry("CLAUDE_CODE_ENTRYPOINT", "sdk-cli");
    }

    @Test
    void aVariableSetExplicitlyWinsOverTheInheritedOne() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().apiKey("mine").env("HOME", "/tmp/h").build();

        assertThat(CliEnvironment.process(PARENT, options))
                .containsEntry("ANTHROPIC_API_KEY", "mine")
                .containsEntry("HOME", "/tmp/h")
                .containsEntry("CLAUDE_CODE_ENTRYPOINT", "sdk-cli");
    }

    @Test
    void inheritNoneKeepsOnlyWhatTheLibrarySets() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().inheritEnv(InheritEnv.none()).env("X", "1").build();

        assertThat(CliEnvironment.process(PARENT, options)).containsOnlyKeys(
                "CLAUDE_CODE_ENTRYPOINT", "CLAUDE_AGENT_SDK_VERSION", "X");
    }

    @Test
    void inheritOnlyPassesNamesAndPrefixes() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().inheritEnv(InheritEnv.only("PATH", "LC_*", "CLAUDE*")).build();

        assertThat(CliEnvironment.process(PARENT, options)).containsOnlyKeys(
                "PATH", "LC_ALL", "LC_CTYPE", "CLAUDE_CONFIG_DIR", "CLAUDE_CODE_ENTRYPOINT", "CLAUDE_AGENT_SDK_VERSION");
    }

    @Test
    void theMarkerIsRemovedEvenWhenAFilterWouldLetItThrough() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().inheritEnv(InheritEnv.only("CLAUDECODE")).build();

        assertThat(CliEnvironment.process(PARENT, options)).doesNotContainKey("CLAUDECODE");
    }

    private static Map<String, String> parent() {
        Map<String, String> parent = new LinkedHashMap<>();
        parent.put("PATH", "/usr/bin");
        parent.put("HOME", "/home/u");
        parent.put("LC_ALL", "C");
        parent.put("LC_CTYPE", "UTF-8");
        parent.put("LCX", "no");
        parent.put("CLAUDECODE", "1");
        parent.put("CLAUDE_CONFIG_DIR", "/cfg");
        parent.put("CLAUDE_CODE_ENTRYPOINT", "cli");
        parent.put("ANTHROPIC_API_KEY", "inherited");
        parent.put("SECRET_TOKEN", "s3");
        return parent;
    }
}
