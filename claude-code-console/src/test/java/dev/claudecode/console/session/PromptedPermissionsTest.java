package dev.claudecode.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.ToolPermissionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptedPermissionsTest {

    private final List<ToolRequest> asked = new ArrayList<>();

    @Test
    void thePersonsAnswerBecomesTheCallbacksResult() throws Exception {
        ToolPermissionRequest rm = ToolPermissionRequest.builder("Bash", Map.of("command", "rm -rf build"))
                .toolUseId("toolu_1").decisionReason("rm deletes files").build();

        PermissionResult allowed = new PromptedPermissions(answering(ToolDecision.ALLOW)).decide(rm);
        PermissionResult denied = new PromptedPermissions(answering(ToolDecision.DENY)).decide(rm);

        assertThat(allowed).isEqualTo(PermissionResult.allow());
        assertThat(denied).isEqualTo(PermissionResult.deny("The user denied Bash(rm -rf build) in the console."));
        assertThat(asked).hasSize(2).allSatisfy(request -> {
            assertThat(request.describe()).isEqualTo("Bash(rm -rf build)");
            assertThat(request.toolUseId()).contains("toolu_1");
            assertThat(request.reason()).contains("rm deletes files");
        });
        assertThat(asked.get(0).requestId()).isNotEqualTo(asked.get(1).requestId());
    }

    @Test
    void aRequestWithoutToolUseIdHasNone() {
        ToolRequest request = ToolRequest.of(ToolPermissionRequest.builder("Write", Map.of("file_path", "/a")).build());
        assertThat(request.toolUseId()).isEmpty();
        assertThat(request.reason()).isEmpty();
    }

    private PermissionPrompt answering(ToolDecision decision) {
        return request -> {
            asked.add(request);
            return decision;
        };
    }
}
