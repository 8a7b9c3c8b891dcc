package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.hook.HookDecision;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.hook.HookSpecificOutput;
import dev.claudecode.hook.PermissionDecision;
import dev.claudecode.internal.json.Json;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.PermissionRule;
import dev.claudecode.permission.PermissionUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookOutputEncoderTest {

    private static void encodes(HookOutput output, String json) {
        // compared as written, as the CLI reads it
        assertThat(Json.parse(Json.write(HookOutputEncoder.encode(output)))).isEqualTo(Json.parse(json));
    }

    @Test
    void commonFields() {
        encodes(HookOutput.empty(), "{}");
        encodes(HookOutput.builder().shouldContinue(false).stopReason("budget").suppressOutput(true)
                .systemMessage("careful").decision(HookDecision.APPROVE).reason("fine").build(),
                "{\"continue\":false,\"suppressOutput\":true,\"stopReason\":\"budget\",\"decision\":\"approve\","
                        + "\"systemMessage\":\"careful\",\"reason\":\"fine\"}");
        encodes(HookOutput.stop("halt"), "{\"continue\":false,\"stopReason\":\"halt\"}");
        encodes(HookOutput.block("go on"), "{\"decision\":\"block\",\"reason\":\"go on\"}");
    }

    @Test
    void asyncAnswersCarryOnlyTheirTimeoutInMilliseconds() {
        encodes(HookOutput.async(), "{\"async\":true}");
        encodes(HookOutput.async(Duration.ofSeconds(30)), "{\"async\":true,\"asyncTimeout\":30000}");
        assertThatThrownBy(() -> HookOutput.builder().async(true).reason("x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HookOutput.builder().asyncTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void preToolUseDecisions() {
        encodes(HookOutput.denyTool("no"), "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\","
                + "\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"no\"}}");
        encodes(HookOutput.allowTool(Map.of("command", "ls")), "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\","
                + "\"permissionDecision\":\"allow\",\"updatedInput\":{\"command\":\"ls\"}}}");
        encodes(HookOutput.askTool("check"), "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\","
                + "\"permissionDecision\":\"ask\",\"permissionDecisionReason\":\"check\"}}");
        encodes(HookOutput.additionalContext(HookEvent.PRE_TOOL_USE, "ctx"),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"additionalContext\":\"ctx\"}}");
    }

    @Test
    void additionalContextGoesToEachEventsShape() {
        for (HookEvent event : List.of(HookEvent.POST_TOOL_USE, HookEvent.USER_PROMPT_SUBMIT, HookEvent.SESSION_START,
                HookEvent.STOP, HookEvent.SUBAGENT_START, HookEvent.NOTIFICATION, HookEvent.POST_TOOL_USE_FAILURE)) {
            encodes(HookOutput.additionalContext(event, "ctx"),
                    "{\"hookSpecificOutput\":{\"hookEventName\":\"" + event.name() + "\",\"additionalContext\":\"ctx\"}}");
        }
    }

    @Test
    void eventSpecificOutputs() {
        encodes(HookOutput.of(new HookSpecificOutput.PostToolUse(Optional.empty(), Optional.of(Map.of("stdout", "x")))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"PostToolUse\",\"updatedToolOutput\":{\"stdout\":\"x\"}}}");
        encodes(HookOutput.of(new HookSpecificOutput.UserPromptSubmit(Optional.empty(), Optional.of("Title"))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"UserPromptSubmit\",\"sessionTitle\":\"Title\"}}");
        encodes(HookOutput.of(new HookSpecificOutput.SessionStart(Optional.empty(), Optional.of("hi"), Optional.empty(),
                List.of("/w/a"))), "{\"hookSpecificOutput\":{\"hookEventName\":\"SessionStart\",\"initialUserMessage\":\"hi\","
                + "\"watchPaths\":[\"/w/a\"]}}");
        encodes(HookOutput.of(new HookSpecificOutput.PermissionRequest(PermissionResult.allow()
                .withUpdatedPermissions(PermissionUpdate.allowForSession(PermissionRule.tool("Edit"))))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"allow\","
                        + "\"updatedPermissions\":[{\"type\":\"addRules\",\"rules\":[{\"toolName\":\"Edit\"}],"
                        + "\"behavior\":\"allow\",\"destination\":\"session\"}]}}}");
        encodes(HookOutput.of(new HookSpecificOutput.PermissionRequest(PermissionResult.denyAndInterrupt("no"))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"deny\","
                        + "\"message\":\"no\",\"interrupt\":true}}}");
        encodes(HookOutput.of(new HookSpecificOutput.PermissionDenied(true)),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionDenied\",\"retry\":true}}");
        encodes(HookOutput.of(new HookSpecificOutput.WatchPaths(HookEvent.CWD_CHANGED, List.of("/a"))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"CwdChanged\",\"watchPaths\":[\"/a\"]}}");
        encodes(HookOutput.of(new HookSpecificOutput.Elicitation(HookEvent.ELICITATION, Optional.of("accept"),
                Optional.of(Map.of("token", "t")))), "{\"hookSpecificOutput\":{\"hookEventName\":\"Elicitation\","
                + "\"action\":\"accept\",\"content\":{\"token\":\"t\"}}}");
        encodes(HookOutput.of(new HookSpecificOutput.WorktreeCreate("/w/tree")),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"WorktreeCreate\",\"worktreePath\":\"/w/tree\"}}");
        encodes(HookOutput.of(new HookSpecificOutput.MessageDisplay(Optional.of("***"))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"MessageDisplay\",\"displayContent\":\"***\"}}");
        encodes(HookOutput.of(new HookSpecificOutput.Raw(HookEvent.of("Future"), Map.of("x", 1, "hookEventName", "ignored"))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"Future\",\"x\":1}}");
    }

    @Test
    void theOutputsOfTheNewerEventsAndFields() {
        encodes(HookOutput.of(new HookSpecificOutput.PreModelSwitch(Optional.of(PermissionDecision.DENY),
                Optional.of("stay on the cached model"))), "{\"hookSpecificOutput\":{\"hookEventName\":\"PreModelSwitch\","
                + "\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"stay on the cached model\"}}");
        assertThatThrownBy(() -> new HookSpecificOutput.PreModelSwitch(Optional.of(PermissionDecision.DEFER), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        encodes(HookOutput.additionalContext(HookEvent.POST_MODEL_SWITCH, "you are the new model"),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"PostModelSwitch\",\"additionalContext\":\"you are the new model\"}}");
        encodes(HookOutput.of(new HookSpecificOutput.PreSkillShellCommand(Optional.of(PermissionDecision.DENY),
                Optional.of("no shell in skills"), Optional.of(Map.of("command", "true")))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"PreSkillShellCommand\",\"permissionDecision\":\"deny\","
                        + "\"permissionDecisionReason\":\"no shell in skills\",\"updatedInput\":{\"command\":\"true\"}}}");
        encodes(HookOutput.of(new HookSpecificOutput.SessionStart(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), true)), "{\"hookSpecificOutput\":{\"hookEventName\":\"SessionStart\",\"reloadSkills\":true}}");
        encodes(HookOutput.builder().decision(HookDecision.BLOCK).reason("not this")
                .hookSpecificOutput(new HookSpecificOutput.UserPromptSubmit(Optional.empty(), Optional.empty(), true)).build(),
                "{\"decision\":\"block\",\"reason\":\"not this\",\"hookSpecificOutput\":{\"hookEventName\":"
                        + "\"UserPromptSubmit\",\"suppressOriginalPrompt\":true}}");
        encodes(HookOutput.of(new HookSpecificOutput.UserPromptExpansion(Optional.of("ctx"), true)),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"UserPromptExpansion\",\"additionalContext\":\"ctx\","
                        + "\"suppressOriginalPrompt\":true}}");
        encodes(HookOutput.of(new HookSpecificOutput.PostToolUse(Optional.empty(), Optional.empty(), Optional.of("user agreed"),
                Optional.of(List.of(Map.of("type", "text", "text", "redacted"))))),
                "{\"hookSpecificOutput\":{\"hookEventName\":\"PostToolUse\",\"classifierContext\":\"user agreed\","
                        + "\"updatedMCPToolOutput\":[{\"type\":\"text\",\"text\":\"redacted\"}]}}");
        encodes(HookOutput.builder().terminalSequence("\u001b]9;done\u0007").build(), "{\"terminalSequence\":\"\\u001b]9;done\\u0007\"}");
        assertThatThrownBy(() -> HookOutput.builder().async(true).terminalSequence("x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
