package dev.claudecode.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import dev.claudecode.options.ThinkingDisplay;
import dev.claudecode.permission.PermissionMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RuntimeSettingsTest {

    @Test
    void nothingChangedMeansNothingToRestore() {
        assertThat(new RuntimeSettings().replay()).isEmpty();
    }

    @Test
    void theLatestChangeOfEachKindIsRestoredInAFixedOrder() {
        RuntimeSettings settings = new RuntimeSettings();
        settings.maxThinkingTokens(OptionalInt.of(1024));
        settings.permissionMode(PermissionMode.PLAN);
        settings.model(Optional.of("sonnet"));
        settings.permissionMode(PermissionMode.ACCEPT_EDITS);
        settings.maxThinkingTokens(OptionalInt.empty());
        settings.thinkingDisplay(Optional.of(ThinkingDisplay.SUMMARIZED));

        assertThat(List.<JsonNode>copyOf(settings.replay())).containsExactly(
                Json.parse("{\"subtype\":\"set_model\",\"model\":\"sonnet\"}"),
                Json.parse("{\"subtype\":\"set_permission_mode\",\"mode\":\"acceptEdits\"}"),
                Json.parse("{\"subtype\":\"set_max_thinking_tokens\",\"max_thinking_tokens\":null}"),
                Json.parse("{\"subtype\":\"set_max_thinking_tokens\",\"thinking_display\":\"summarized\"}"));
    }

    @Test
    void aResetModelIsRestoredAsAReset() {
        RuntimeSettings settings = new RuntimeSettings();
        settings.model(Optional.of("sonnet"));
        settings.model(Optional.empty());

        assertThat(List.<JsonNode>copyOf(settings.replay())).containsExactly(Json.parse("{\"subtype\":\"set_model\"}"));
    }
}
