package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import dev.claudecode.usage.ModelUsage;
import dev.claudecode.message.PermissionDenial;
import dev.claudecode.message.TaskUsage;
import dev.claudecode.usage.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Decodes the accounting values: token usage, per-model usage, task usage and permission denials. */
public final class UsageDecoder {

    private UsageDecoder() {
    }

    /** Decodes a {@code usage} object; anything else is {@link Usage#EMPTY}. */
    static Usage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.EMPTY;
        }
        return new Usage(
                Fields.longValue(usage, "input_tokens"),
                Fields.longValue(usage, "output_tokens"),
                Fields.longValue(usage, "cache_creation_input_tokens"),
                Fields.longValue(usage, "cache_read_input_tokens"),
                Fields.optString(usage, "service_tier"),
                Json.lazyMap(usage));
    }

    /** Decodes a result's {@code modelUsage} object, keyed by model name. */
    public static Map<String, ModelUsage> modelUsage(JsonNode modelUsage) {
        if (modelUsage == null || !modelUsage.isObject()) {
            return Map.of();
        }
        Map<String, ModelUsage> byModel = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : modelUsage.properties()) {
            JsonNode usage = entry.getValue();
            if (usage.isObject()) {
                byModel.put(entry.getKey(), new ModelUsage(
                        Fields.longValue(usage, "inputTokens"),
                        Fields.longValue(usage, "outputTokens"),
                        Fields.longValue(usage, "cacheReadInputTokens"),
                        Fields.longValue(usage, "cacheCreationInputTokens"),
                        Fields.longValue(usage, "webSearchRequests"),
                        Fields.doubleValue(usage, "costUSD"),
                        Fields.longValue(usage, "contextWindow"),
                        Fields.longValue(usage, "maxOutputTokens"),
                        Json.lazyMap(usage)));
            }
        }
        return Collections.unmodifiableMap(byModel);
    }

    /** Decodes a result's {@code permission_denials} array. */
    static List<PermissionDenial> permissionDenials(JsonNode result) {
        List<PermissionDenial> denials = new ArrayList<>();
        for (JsonNode denial : Fields.array(result, "permission_denials")) {
            if (denial.isObject()) {
                denials.add(new PermissionDenial(
                        Fields.string(denial, "tool_name"),
                        Fields.string(denial, "tool_use_id"),
                        Fields.map(denial, "tool_input")));
            }
        }
        return Collections.unmodifiableList(denials);
    }

    /** Decodes the {@code usage} of a task message, when it is an object. */
    static Optional<TaskUsage> taskUsage(JsonNode message) {
        JsonNode usage = message.get("usage");
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new TaskUsage(
                Fields.longValue(usage, "total_tokens"),
                Fields.longValue(usage, "tool_uses"),
                Fields.longValue(usage, "duration_ms")));
    }
}
