package dev.claudecode.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.InvalidOptionsException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookTypesTest {

    private static final HookCallback NOTHING = (input, toolUseId, context) -> HookOutput.empty();

    @Test
    void theEventsOfTheTypeScriptSdkAreKnownInItsOrder() {
        // HOOK_EVENTS of the TypeScript Agent SDK 0.3.336
        assertThat(HookEvent.known()).extracting(HookEvent::name).containsExactly("PreToolUse", "PostToolUse",
                "PostToolUseFailure", "PostToolBatch", "Notification", "UserPromptSubmit", "UserPromptExpansion",
                "SessionStart", "SessionEnd", "Stop", "StopFailure", "Interrupt", "SubagentStart", "SubagentStop",
                "PreCompact", "PostCompact", "PreModelSwitch", "PostModelSwitch", "PermissionRequest",
                "PermissionDenied", "Setup", "TeammateIdle", "TaskCreated", "TaskCompleted", "Elicitation",
                "ElicitationResult", "ConfigChange", "WorktreeCreate", "WorktreeRemove", "InstructionsLoaded",
                "CwdChanged", "FileChanged", "DirectoryAdded", "MessageDisplay", "PreSkillShellCommand");
        assertThat(HookEvent.of("PreSkillShellCommand")).isSameAs(HookEvent.PRE_SKILL_SHELL_COMMAND);
        assertThat(HookEvent.of("Stop")).isSameAs(HookEvent.STOP);
        assertThat(HookEvent.of("Teleport").isKnown()).isFalse();
        assertThat(HookEvent.of("Teleport").name()).isEqualTo("Teleport");
        assertThat(HookEvent.PRE_TOOL_USE).hasToString("PreToolUse");
        assertThatThrownBy(() -> HookEvent.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchersNeedCallbacksAndPositiveTimeouts() {
        assertThat(HookMatcher.all(NOTHING).matcher()).isEmpty();
        assertThat(HookMatcher.of("Bash", NOTHING, NOTHING).hooks()).hasSize(2);
        HookMatcher timed = HookMatcher.builder().matcher("Write").hook(NOTHING).timeout(Duration.ofSeconds(5)).build();
        assertThat(timed.timeout()).contains(Duration.ofSeconds(5));
        assertThat(timed.toBuilder().build()).isEqualTo(timed);
        assertThatThrownBy(() -> HookMatcher.all()).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> HookMatcher.all(NOTHING).withTimeout(Duration.ZERO)).isInstanceOf(InvalidOptionsException.class);
    }

    @Test
    void outputsCarryWhatTheFactoriesSay() {
        assertThat(HookOutput.empty()).isEqualTo(HookOutput.builder().build());
        assertThat(HookOutput.stop("x").shouldContinue()).contains(false);
        assertThat(HookOutput.block("why").decision()).contains(HookDecision.BLOCK);
        assertThat(HookOutput.denyTool("no").hookSpecificOutput()).contains(new HookSpecificOutput.PreToolUse(
                Optional.of(PermissionDecision.DENY), Optional.of("no"), Optional.empty(), Optional.empty()));
        assertThat(HookOutput.additionalContext(HookEvent.STOP, "more").hookSpecificOutput())
                .contains(new HookSpecificOutput.AdditionalContext(HookEvent.STOP, "more"));
        assertThat(HookOutput.async(Duration.ofSeconds(3)).isAsync()).isTrue();
        HookOutput full = HookOutput.builder().systemMessage("m").reason("r").build();
        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(new HookSpecificOutput.WatchPaths(HookEvent.FILE_CHANGED, List.of("/a")).event())
                .isEqualTo(HookEvent.FILE_CHANGED);
    }
}
