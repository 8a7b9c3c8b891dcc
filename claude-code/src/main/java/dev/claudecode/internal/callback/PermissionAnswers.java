package dev.claudecode.internal.callback;

import dev.claudecode.internal.json.Json;
import dev.claudecode.permission.PermissionResult;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The wire form of a {@link PermissionResult}, for {@code can_use_tool} answers and PermissionRequest hooks. */
final class PermissionAnswers {

    private PermissionAnswers() {
    }

    /**
     * The answer to a {@code can_use_tool} request. An allow always carries {@code updatedInput}:
     * the CLI rejects an allow without it (a ZodError that fails the tool), so the original input
     * is echoed when the callback did not change it.
     *
     * @param result the callback's answer
     * @param originalInput the input the CLI asked about
     * @return {@code {"behavior":"allow","updatedInput":{...},"updatedPermissions"?:[...]}} or
     *     {@code {"behavior":"deny","message":"...","interrupt"?:true}}
     */
    static ObjectNode canUseTool(PermissionResult result, Map<String, Object> originalInput) {
        ObjectNode json = Json.object();
        switch (result) {
            case PermissionResult.Allow allow -> {
                json.put("behavior", "allow");
                json.set("updatedInput", Json.toNode(allow.updatedInput().orElse(originalInput)));
                putPermissions(json, allow);
            }
            case PermissionResult.Deny deny -> putDeny(json, deny);
        }
        return json;
    }

    /**
     * The {@code decision} of a PermissionRequest hook; there {@code updatedInput} is optional.
     *
     * @param result the hook's decision
     * @return the decision object
     */
    static ObjectNode hookDecision(PermissionResult result) {
        ObjectNode json = Json.object();
        switch (result) {
            case PermissionResult.Allow allow -> {
                json.put("behavior", "allow");
                allow.updatedInput().ifPresent(input -> json.set("updatedInput", Json.toNode(input)));
                putPermissions(json, allow);
            }
            case PermissionResult.Deny deny -> putDeny(json, deny);
        }
        return json;
    }

    private static void putPermissions(ObjectNode json, PermissionResult.Allow allow) {
        if (!allow.updatedPermissions().isEmpty()) {
            json.set("updatedPermissions", Json.toNode(PermissionUpdates.encodeAll(allow.updatedPermissions())));
        }
    }

    private static void putDeny(ObjectNode json, PermissionResult.Deny deny) {
        json.put("behavior", "deny");
        json.put("message", deny.message());
        if (deny.interrupt()) {
            json.put("interrupt", true);
        }
    }
}
