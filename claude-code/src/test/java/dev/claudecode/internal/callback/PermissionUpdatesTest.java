package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import dev.claudecode.permission.PermissionBehavior;
import dev.claudecode.permission.PermissionDestination;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.PermissionRule;
import dev.claudecode.permission.PermissionUpdate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PermissionUpdatesTest {

    @Test
    void everyRecordedSuggestionDecodesAndEncodesBackUnchanged() {
        int seen = 0;
        for (String transcript : List.of("30", "30b", "31", "32", "33", "40", "52")) {
            for (Recordings.Exchange exchange : everyVersion(transcript)) {
                JsonNode suggestions = exchange.request().get("permission_suggestions");
                if (suggestions == null) {
                    continue;
                }
                List<PermissionUpdate> decoded = PermissionUpdates.decodeAll(suggestions);
                assertThat(decoded).noneMatch(PermissionUpdate.Unknown.class::isInstance);
                assertThat(Json.toNode(PermissionUpdates.encodeAll(decoded))).isEqualTo(suggestions);
                seen += decoded.size();
            }
        }
        assertThat(seen).isGreaterThan(10);
    }

    @Test
    void everyKindRoundTrips() {
        List<PermissionUpdate> updates = List.of(
                new PermissionUpdate.ReplaceRules(List.of(PermissionRule.of("Bash", "git *")), PermissionBehavior.DENY,
                        PermissionDestination.PROJECT_SETTINGS),
                new PermissionUpdate.RemoveRules(List.of(PermissionRule.tool("Edit")), PermissionBehavior.ASK,
                        PermissionDestination.USER_SETTINGS),
                new PermissionUpdate.RemoveDirectories(List.of("/tmp/x"), PermissionDestination.CLI_ARG),
                PermissionUpdate.setModeForSession(PermissionMode.PLAN));
        Object encoded = PermissionUpdates.encodeAll(updates);
        assertThat(PermissionUpdates.decodeAll(Json.toNode(encoded))).isEqualTo(updates);
    }

    @Test
    void whatDoesNotReadCleanlyIsKeptWhole() {
        JsonNode odd = Json.parse("[{\"type\":\"addRules\",\"rules\":[],\"behavior\":\"allow\",\"destination\":\"session\"},"
                + "{\"type\":\"addRules\",\"rules\":[{\"toolName\":\"X\"}],\"behavior\":\"maybe\",\"destination\":\"session\"},"
                + "{\"type\":\"grantEverything\",\"destination\":\"moon\"}]");
        List<PermissionUpdate> decoded = PermissionUpdates.decodeAll(odd);
        assertThat(decoded).allMatch(PermissionUpdate.Unknown.class::isInstance);
        assertThat(((PermissionUpdate.Unknown) decoded.get(2)).type()).isEqualTo("grantEverything");
        assertThat(Json.toNode(PermissionUpdates.encodeAll(decoded))).isEqualTo(odd);
    }

    @Test
    void permissionAnswersAlwaysCarryUpdatedInputOnAllow() {
        Map<String, Object> input = Map.of("command", "ls");
        assertThat(PermissionAnswers.canUseTool(PermissionResult.allow(), input))
                .isEqualTo(Json.parse("{\"behavior\":\"allow\",\"updatedInput\":{\"command\":\"ls\"}}"));
        assertThat(PermissionAnswers.canUseTool(PermissionResult.allow(Map.of("command", "pwd")), input))
                .isEqualTo(Json.parse("{\"behavior\":\"allow\",\"updatedInput\":{\"command\":\"pwd\"}}"));
        assertThat(PermissionAnswers.canUseTool(PermissionResult.allow(), Map.of()))
                .isEqualTo(Json.parse("{\"behavior\":\"allow\",\"updatedInput\":{}}"));
        assertThat(PermissionAnswers.hookDecision(PermissionResult.allow()))
                .isEqualTo(Json.parse("{\"behavior\":\"allow\"}"));
        assertThat(PermissionAnswers.canUseTool(PermissionResult.deny("no"), input))
                .isEqualTo(Json.parse("{\"behavior\":\"deny\",\"message\":\"no\"}"));
    }

    private static List<Recordings.Exchange> everyVersion(String transcript) {
        return ProtocolRecordings.versions().stream().flatMap(version -> Recordings.cliRequests(version, transcript).stream()).toList();
    }
}
