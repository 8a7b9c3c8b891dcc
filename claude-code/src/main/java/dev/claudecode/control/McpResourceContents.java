package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An MCP Apps ({@code ui://}) resource read from a server the CLI connects to: the answer to
 * {@link SessionControl#readMcpResource(String, String)} ({@code mcp_read_resource}, introduced after
 * CLI 2.1.197, capability {@code mcp_read_resource_v1}). Untrusted third-party content, usually
 * HTML: render it sandboxed.
 *
 * @param contents the items of the server's {@code resources/read} result ({@code contents})
 */
public record McpResourceContents(List<Item> contents) {

    /** Validates and copies the component. */
    public McpResourceContents {
        contents = List.copyOf(Objects.requireNonNull(contents, "contents"));
    }

    /**
     * One item of a resource.
     *
     * @param uri the item's URI ({@code uri})
     * @param mimeType its media type ({@code mimeType})
     * @param text its text, for a text item ({@code text})
     * @param blob its bytes in base64, for a binary item ({@code blob})
     * @param meta the item's {@code _meta} as the server sent it, less keys the CLI reserves; MCP
     *     Apps put the resource's {@code ui.csp} and {@code ui.permissions} here ({@code _meta})
     */
    public record Item(String uri, Optional<String> mimeType, Optional<String> text, Optional<String> blob,
            Map<String, Object> meta) {

        /** Validates and copies the components. */
        public Item {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(blob, "blob");
            meta = JsonValues.copyMap(Objects.requireNonNull(meta, "meta"));
        }
    }
}
