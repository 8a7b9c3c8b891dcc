package dev.claudecode.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermissionTest {

    @Test
    void answersAreReadLeniently() {
        assertThat(ToolDecision.parse("y")).isEqualTo(ToolDecision.ALLOW);
        assertThat(ToolDecision.parse(" Yes ")).isEqualTo(ToolDecision.ALLOW);
        assertThat(ToolDecision.parse("always")).isEqualTo(ToolDecision.ALLOW_ALWAYS);
        assertThat(ToolDecision.parse("a")).isEqualTo(ToolDecision.ALLOW_ALWAYS);
        assertThat(ToolDecision.parse("")).isEqualTo(ToolDecision.DENY);
        assertThat(ToolDecision.parse("nope")).isEqualTo(ToolDecision.DENY);
    }

    @Test
    void aRequestDescribesItselfByItsTellingInput() {
        ToolRequest request = ToolRequest.create("Bash", Map.of("command", "rm -rf build", "timeout", 5), Optional.empty(), Optional.empty());
        assertThat(request.describe()).isEqualTo("Bash(rm -rf build)");
        assertThat(request.requestId()).isNotBlank();
    }

    @Test
    void alwaysIsRememberedPerTool() {
        List<String> asked = new ArrayList<>();
        RememberingPrompt prompt = new RememberingPrompt(request -> {
            asked.add(request.toolName());
            return request.toolName().equals("Bash") ? ToolDecision.ALLOW_ALWAYS : ToolDecision.DENY;
        });
        assertThat(prompt.decide(request("Bash"))).isEqualTo(ToolDecision.ALLOW_ALWAYS);
        assertThat(prompt.decide(request("Bash"))).isEqualTo(ToolDecision.ALLOW);
        assertThat(prompt.decide(request("Write"))).isEqualTo(ToolDecision.DENY);
        assertThat(prompt.decide(request("Write"))).isEqualTo(ToolDecision.DENY);
        assertThat(asked).containsExactly("Bash", "Write", "Write");
        assertThat(prompt.alwaysAllowed()).containsExactly("Bash");
    }

    private static ToolRequest request(String tool) {
        return ToolRequest.create(tool, Map.of(), Optional.empty(), Optional.empty());
    }
}
