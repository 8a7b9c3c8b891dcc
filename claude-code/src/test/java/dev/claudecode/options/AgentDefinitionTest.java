package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
