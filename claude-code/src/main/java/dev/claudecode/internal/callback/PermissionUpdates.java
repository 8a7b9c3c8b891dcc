package dev.claudecode.internal.callback;

import dev.claudecode.internal.json.Json;
import dev.claudecode.permission.PermissionBehavior;
import dev.claudecode.permission.PermissionDestination;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionRule;
import dev.claudecode.permission.PermissionUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The wire form of {@link PermissionUpdate}: {@code {"type":"addRules","rules":[{"toolName",
 * "ruleContent"?}],"behavior","destination"}}, {@code {"type":"setMode","mode","destination"}},
 * {@code {"type":"addDirectories","directories":[...],"destination"}} and their siblings. A change
 * that does not read cleanly becomes {@link PermissionUpdate.Unknown} and is written back as it
 * came.
 */
final class PermissionUpdates {

    private PermissionUpdates() {
    }

    /**
     * @param array the JSON array, may be null or not an array
     * @return the changes, in order
     */
    static List<PermissionUpdate> decodeAll(JsonNode array) {
        List<PermissionUpdate> updates = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                if (element.isObject()) {
                    updates.add(decode(element));
                }
            }
        }
        return updates;
    }

    /**
     * @param node one change
     * @return the typed change, or {@link PermissionUpdate.Unknown}
     */
    static PermissionUpdate decode(JsonNode node) {
        String type = Json.text(node, "type", "");
        try {
            Optional<PermissionUpdate> known = switch (type) {
                case "addRules" -> rules(node).flatMap(r -> behavior(node).flatMap(b -> destination(node)
                        .map(d -> new PermissionUpdate.AddRules(r, b, d))));
                case "replaceRules" -> rules(node).flatMap(r -> behavior(node).flatMap(b -> destination(node)
                        .map(d -> new PermissionUpdate.ReplaceRules(r, b, d))));
                case "removeRules" -> rules(node).flatMap(r -> behavior(node).flatMap(b -> destination(node)
                        .map(d -> new PermissionUpdate.RemoveRules(r, b, d))));
                case "setMode" -> Json.text(node, "mode").filter(m -> !m.isBlank()).flatMap(m -> destination(node)
                        .map(d -> new PermissionUpdate.SetMode(PermissionMode.of(m), d)));
                case "addDirectories" -> destination(node)
                        .map(d -> new PermissionUpdate.AddDirectories(Json.strings(node.get("directories")), d));
                case "removeDirectories" -> destination(node)
                        .map(d -> new PermissionUpdate.RemoveDirectories(Json.strings(node.get("directories")), d));
                default -> Optional.empty();
            };
            return known.orElseGet(() -> new PermissionUpdate.Unknown(type, Json.toMap(node)));
        } catch (IllegalArgumentException e) {
            // e.g. an empty rule list or a blank tool name: keep it as it came
            return new PermissionUpdate.Unknown(type, Json.toMap(node));
        }
    }

    /**
     * @param updates changes
     * @return their wire form as plain JSON values
     */
    static List<Object> encodeAll(List<PermissionUpdate> updates) {
        List<Object> encoded = new ArrayList<>(updates.size());
        updates.forEach(update -> encoded.add(encode(update)));
        return encoded;
    }

    /**
     * @param update one change
     * @return its wire form as plain JSON values
     */
    static Map<String, Object> encode(PermissionUpdate update) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (update) {
            case PermissionUpdate.AddRules add -> rules(json, "addRules", add.rules(), add.behavior(), add.destination());
            case PermissionUpdate.ReplaceRules replace ->
                    rules(json, "replaceRules", replace.rules(), replace.behavior(), replace.destination());
            case PermissionUpdate.RemoveRules remove ->
                    rules(json, "removeRules", remove.rules(), remove.behavior(), remove.destination());
            case PermissionUpdate.SetMode mode -> {
                json.put("type", "setMode");
                json.put("mode", mode.mode().value());
                json.put("destination", mode.destination().wireValue());
            }
            case PermissionUpdate.AddDirectories add -> {
                json.put("type", "addDirectories");
                json.put("directories", add.directories());
                json.put("destination", add.destination().wireValue());
            }
            case PermissionUpdate.RemoveDirectories remove -> {
                json.put("type", "removeDirectories");
                json.put("directories", remove.directories());
                json.put("destination", remove.destination().wireValue());
            }
            case PermissionUpdate.Unknown unknown -> json.putAll(unknown.raw());
        }
        return json;
    }

    private static void rules(Map<String, Object> json, String type, List<PermissionRule> rules,
            PermissionBehavior behavior, PermissionDestination destination) {
        json.put("type", type);
        List<Object> encoded = new ArrayList<>();
        for (PermissionRule rule : rules) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("toolName", rule.toolName());
            rule.ruleContent().ifPresent(content -> r.put("ruleContent", content));
            encoded.add(r);
        }
        json.put("rules", encoded);
        json.put("behavior", behavior.wireValue());
        json.put("destination", destination.wireValue());
    }

    private static Optional<List<PermissionRule>> rules(JsonNode node) {
        JsonNode array = node.get("rules");
        if (array == null || !array.isArray()) {
            return Optional.empty();
        }
        List<PermissionRule> rules = new ArrayList<>();
        for (JsonNode rule : array) {
            Optional<String> tool = Json.text(rule, "toolName");
            if (tool.isEmpty()) {
                return Optional.empty();
            }
            rules.add(new PermissionRule(tool.get(), Json.text(rule, "ruleContent")));
        }
        return Optional.of(rules);
    }

    private static Optional<PermissionBehavior> behavior(JsonNode node) {
        return Json.text(node, "behavior").flatMap(PermissionBehavior::fromWire);
    }

    private static Optional<PermissionDestination> destination(JsonNode node) {
        return Json.text(node, "destination").flatMap(PermissionDestination::fromWire);
    }
}
