package dev.claudecode.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermissionResultTest {

    @Test
    void factoriesSayWhatTheyDo() {
        assertThat(PermissionResult.allow()).isEqualTo(new PermissionResult.Allow(Optional.empty(), List.of()));
        assertThat(PermissionResult.deny("no")).isEqualTo(new PermissionResult.Deny("no", false));
        assertThat(PermissionResult.denyAndInterrupt("stop")).isEqualTo(new PermissionResult.Deny("stop", true));
        PermissionResult.Allow changed = PermissionResult.allow(Map.of("command", "ls"));
        assertThat(changed.updatedInput()).contains(Map.of("command", "ls"));
        PermissionUpdate rule = PermissionUpdate.allowForSession(PermissionRule.tool("Edit"));
        assertThat(changed.withUpdatedPermissions(rule).updatedPermissions()).containsExactly(rule);
        assertThat(changed.withUpdatedPermissions(rule).updatedInput()).isEqualTo(changed.updatedInput());
    }

    @Test
    void updatedInputIsACopy() {
        Map<String, Object> input = new HashMap<>(Map.of("command", "ls"));
        PermissionResult.Allow allow = PermissionResult.allow(input);
        input.put("command", "rm -rf /");
        assertThat(allow.updatedInput().orElseThrow()).containsEntry("command", "ls");
        assertThatThrownBy(() -> allow.updatedInput().orElseThrow().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void updatesValidateTheirParts() {
        assertThatThrownBy(() -> new PermissionUpdate.AddRules(List.of(), PermissionBehavior.ALLOW, PermissionDestination.SESSION))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PermissionUpdate.AddDirectories(List.of(), PermissionDestination.SESSION))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PermissionRule.tool(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PermissionBehavior.fromWire("ask")).contains(PermissionBehavior.ASK);
        assertThat(PermissionBehavior.fromWire("maybe")).isEmpty();
        assertThat(PermissionDestination.fromWire("cliArg")).contains(PermissionDestination.CLI_ARG);
        assertThat(PermissionDestination.fromWire("moon")).isEmpty();
    }

    @Test
    void aRequestCanBeBuiltToTestAPolicy() {
        CanUseTool noRm = request -> request.inputString("command").filter(c -> c.startsWith("rm ")).isPresent()
                ? PermissionResult.deny("no rm") : PermissionResult.allow();
        ToolPermissionRequest rm = ToolPermissionRequest.builder("Bash", Map.of("command", "rm -rf build"))
                .toolUseId("toolu_1").blockedPath("/w/build").build();
        ToolPermissionRequest ls = rm.toBuilder().build();
        assertThat(ls).isEqualTo(rm);
        assertThat(rm.blockedPath()).contains("/w/build");
        assertThat(rm.sessionId()).isEmpty();
        assertThat(rm.inputString("missing")).isEmpty();
        try {
            assertThat(noRm.decide(rm)).isEqualTo(PermissionResult.deny("no rm"));
            assertThat(noRm.decide(ToolPermissionRequest.builder("Bash", Map.of("command", "ls")).build()))
                    .isEqualTo(PermissionResult.allow());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
