package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.SdkMcpServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentDefinitionTest {

    @Test
    void builderAndToBuilderRoundTrip() {
        AgentDefinition agent = AgentDefinition.builder("Reviews code", "Be strict.")
                .tools("Read", "Grep").disallowedTools(List.of("Bash")).model("sonnet").maxTurns(4).build();

        assertThat(agent.toBuilder().build()).isEqualTo(agent);
        assertThat(agent.toBuilder().tools((List<String>) null).build().tools()).isEmpty();
        assertThat(AgentDefinition.of("Reviews code", "Be strict.").model()).isEmpty();
    }

    @Test
    void invalidDefinitionsAreRejected() {
        assertThatThrownBy(() -> AgentDefinition.of(" ", "p")).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> AgentDefinition.builder("d", "p").maxTurns(0).build()).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> AgentDefinition.builder("d", "p").model("").build()).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> AgentDefinition.builder("d", "p").autoCompactWindow(99_999).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("autoCompactWindow");
        assertThatThrownBy(() -> AgentDefinition.builder("d", "p").observer("a,b,c,d,e").build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("at most four observers");
        assertThatThrownBy(() -> AgentDefinition.builder("d", "p").observer("a,,b").build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("blank name");
        assertThatThrownBy(() -> AgentDefinition.builder("d", "p").effort(0)).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> AgentDefinition.builder("d", "p").skills("pdf", " ").build()).isInstanceOf(InvalidOptionsException.class);
        SdkMcpServer calc = SdkMcpServer.builder("calc").build();
        assertThatThrownBy(() -> AgentDefinition.builder("d", "p").mcpServer("calc", McpServerConfig.sdk(calc)).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("session's mcpServers");
    }

    @Test
    void theFirstSixFieldsStillMakeADefinitionWithTheRestUnset() {
        AgentDefinition six = new AgentDefinition("d", "p", java.util.Optional.of(List.of("Read")), List.of(),
                java.util.Optional.of("haiku"), java.util.OptionalInt.of(2));

        assertThat(six).isEqualTo(AgentDefinition.builder("d", "p").tools("Read").model("haiku").maxTurns(2).build());
        assertThat(six.skills()).isEmpty();
        assertThat(six.background()).isFalse();
    }

    @Test
    void optionsKeepAgentsInOrderAndRejectBlankNames() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .agentDefinition("b", AgentDefinition.of("second", "p"))
                .agentDefinition("a", AgentDefinition.of("first", "p"))
                .build();

        assertThat(options.agents().keySet()).containsExactly("b", "a");
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThatThrownBy(() -> ClaudeCodeOptions.builder().agents(Map.of(" ", AgentDefinition.of("d", "p"))).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("agents");
    }
}
