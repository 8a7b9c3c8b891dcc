package dev.claudecode.internal.callback;

import dev.claudecode.hook.HookOutput;
import dev.claudecode.hook.HookSpecificOutput;
import dev.claudecode.internal.json.Json;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link HookOutput} as the payload of a {@code hook_callback} answer: the CLI's hook
 * output JSON ({@code continue}, {@code stopReason}, {@code decision}, {@code hookSpecificOutput}
 * with its {@code hookEventName}, ...), or {@code {"async":true,"asyncTimeout":<ms>}}. Absent
 * parts are left out, so {@link HookOutput#empty()} is {@code {}}.
 */
final class HookOutputEncoder {

    private HookOutputEncoder() {
    }

    static ObjectNode encode(HookOutput output) {
        ObjectNode json = Json.object();
        if (output.isAsync()) {
            json.put("async", true);
            output.asyncTimeout().ifPresent(timeout -> json.put("asyncTimeout", timeout.toMillis()));
            return json;
        }
        output.shouldContinue().ifPresent(value -> json.put("continue", value));
        output.suppressOutput().ifPresent(value -> json.put("suppressOutput", value));
        output.stopReason().ifPresent(value -> json.put("stopReason", value));
        output.decision().ifPresent(value -> json.put("decision", value.wireValue()));
        output.systemMessage().ifPresent(value -> json.put("systemMessage", value));
        output.reason().ifPresent(value -> json.put("reason", value));
        output.terminalSequence().ifPresent(value -> json.put("terminalSequence", value));
        output.hookSpecificOutput().ifPresent(specific -> json.set("hookSpecificOutput", specific(specific)));
        return json;
    }

    private static ObjectNode specific(HookSpecificOutput output) {
        ObjectNode json = Json.object();
        json.put("hookEventName", output.event().name());
        switch (output) {
            case HookSpecificOutput.PreToolUse pre -> {
                pre.permissionDecision().ifPresent(d -> json.put("permissionDecision", d.wireValue()));
                put(json, "permissionDecisionReason", pre.permissionDecisionReason());
                pre.updatedInput().ifPresent(input -> json.set("updatedInput", Json.toNode(input)));
                put(json, "additionalContext", pre.additionalContext());
            }
            case HookSpecificOutput.PostToolUse post -> {
                put(json, "additionalContext", post.additionalContext());
                post.updatedToolOutput().ifPresent(value -> json.set("updatedToolOutput", Json.toNode(value)));
                put(json, "classifierContext", post.classifierContext());
                post.updatedMcpToolOutput().ifPresent(value -> json.set("updatedMCPToolOutput", Json.toNode(value)));
            }
            case HookSpecificOutput.UserPromptSubmit submit -> {
                put(json, "additionalContext", submit.additionalContext());
                put(json, "sessionTitle", submit.sessionTitle());
                if (submit.suppressOriginalPrompt()) {
                    json.put("suppressOriginalPrompt", true);
                }
            }
            case HookSpecificOutput.UserPromptExpansion expansion -> {
                put(json, "additionalContext", expansion.additionalContext());
                if (expansion.suppressOriginalPrompt()) {
                    json.put("suppressOriginalPrompt", true);
                }
            }
            case HookSpecificOutput.SessionStart start -> {
                put(json, "additionalContext", start.additionalContext());
                put(json, "initialUserMessage", start.initialUserMessage());
                put(json, "sessionTitle", start.sessionTitle());
                if (!start.watchPaths().isEmpty()) {
                    json.set("watchPaths", Json.toNode(start.watchPaths()));
                }
                if (start.reloadSkills()) {
                    json.put("reloadSkills", true);
                }
            }
            case HookSpecificOutput.PermissionRequest request ->
                    json.set("decision", PermissionAnswers.hookDecision(request.decision()));
            case HookSpecificOutput.PermissionDenied denied -> json.put("retry", denied.retry());
            case HookSpecificOutput.AdditionalContext context -> json.put("additionalContext", context.additionalContext());
            case HookSpecificOutput.WatchPaths paths -> json.set("watchPaths", Json.toNode(paths.watchPaths()));
            case HookSpecificOutput.Elicitation elicitation -> {
                put(json, "action", elicitation.action());
                elicitation.content().ifPresent(content -> json.set("content", Json.toNode(content)));
            }
            case HookSpecificOutput.WorktreeCreate worktree -> json.put("worktreePath", worktree.worktreePath());
            case HookSpecificOutput.MessageDisplay display -> put(json, "displayContent", display.displayContent());
            case HookSpecificOutput.PreModelSwitch pre -> {
                pre.permissionDecision().ifPresent(d -> json.put("permissionDecision", d.wireValue()));
                put(json, "permissionDecisionReason", pre.permissionDecisionReason());
            }
            case HookSpecificOutput.PreSkillShellCommand pre -> {
                pre.permissionDecision().ifPresent(d -> json.put("permissionDecision", d.wireValue()));
                put(json, "permissionDecisionReason", pre.permissionDecisionReason());
                pre.updatedInput().ifPresent(input -> json.set("updatedInput", Json.toNode(input)));
            }
            case HookSpecificOutput.Raw raw -> {
                for (Map.Entry<String, Object> field : raw.fields().entrySet()) {
                    if (!field.getKey().equals("hookEventName")) {
                        json.set(field.getKey(), Json.toNode(field.getValue()));
                    }
                }
            }
        }
        return json;
    }

    private static void put(ObjectNode json, String field, Optional<String> value) {
        value.ifPresent(text -> json.put(field, text));
    }
}
