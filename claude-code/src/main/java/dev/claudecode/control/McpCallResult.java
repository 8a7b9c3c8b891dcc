package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of an {@link McpCall}: the tool's MCP {@code CallToolResult} as plain JSON.
 *
 * @param content the content blocks ({@code content}): {@code text}, {@code image},
 *     {@code resource_link}, ...; untrusted third-party data
 * @param structuredContent the structured result, when the tool gave one ({@code structuredContent})
 * @param isError whether the tool reported an error ({@code isError}; with {@link McpCall#softErrors()})
 * @param raw the whole result as plain JSON
 */
public record McpCallResult(List<Map<String, Object>> content, Optional<Map<String, Object>> structuredContent,
        boolean isError, Map<String, Object> raw) {

    /** Validates and copies the components. */
    public McpCallResult {
        content = Objects.requireNonNull(content, "content").stream().map(JsonValues::copyMap).toList();
        structuredContent = Objects.requireNonNull(structuredContent, "structuredContent").map(JsonValues::copyMap);
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /** {@return the text of the {@code text} blocks, joined by newlines} */
    public String text() {
        return content.stream().filter(block -> "text".equals(block.get("type")))
                .map(block -> String.valueOf(block.get("text"))).collect(Collectors.joining("\n"));
    }
}
