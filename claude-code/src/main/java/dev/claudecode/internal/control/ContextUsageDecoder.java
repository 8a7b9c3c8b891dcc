package dev.claudecode.internal.control;

import dev.claudecode.control.ContextUsage;
import dev.claudecode.internal.protocol.Fields;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Decodes the answer to {@code get_context_usage}. */
public final class ContextUsageDecoder {

    private ContextUsageDecoder() {
    }

    /**
     * @param response the {@code response} payload
     * @return the context usage
     */
    public static ContextUsage decode(JsonNode response) {
        List<ContextUsage.Category> categories = Fields.objects(response, "categories",
                category -> new ContextUsage.Category(
                        Fields.string(category, "name"), Fields.longValue(category, "tokens"), Fields.string(category, "color"),
                        Fields.optString(category, "id"), Fields.optString(category, "kind")));
        return new ContextUsage(
                categories,
                Fields.longValue(response, "totalTokens"),
                Fields.longValue(response, "maxTokens"),
                Fields.longValue(response, "rawMaxTokens"),
                Fields.doubleValue(response, "percentage"),
                Fields.string(response, "model"),
                Fields.bool(response, "isAutoCompactEnabled"),
                Fields.optLong(response, "autoCompactThreshold"),
                Fields.raw(response));
    }
}
