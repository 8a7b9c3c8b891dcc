package dev.claudecode.internal.mcp;

import dev.claudecode.mcp.McpContent;
import dev.claudecode.mcp.PromptResult;
import dev.claudecode.mcp.ResourceContents;
import dev.claudecode.mcp.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/** Converts this library's MCP values into the MCP Java SDK's schema types. */
final class McpConversions {

    private McpConversions() {
    }

    static McpSchema.CallToolResult callToolResult(ToolResult result) {
        List<McpSchema.Content> content = new ArrayList<>();
        result.content().forEach(item -> content.add(content(item)));
        McpSchema.CallToolResult.Builder builder = McpSchema.CallToolResult.builder()
                .content(content)
                .isError(result.isError());
        result.structuredContent().ifPresent(builder::structuredContent);
        return builder.build();
    }

    static McpSchema.Content content(McpContent content) {
        return switch (content) {
            case McpContent.Text text -> new McpSchema.TextContent(text.text());
            case McpContent.Image image -> new McpSchema.ImageContent(null, image.base64(), image.mimeType());
            case McpContent.Audio audio -> new McpSchema.AudioContent(null, audio.base64(), audio.mimeType());
            case McpContent.Resource resource -> new McpSchema.EmbeddedResource(null, resourceContents(resource.contents()));
        };
    }

    static McpSchema.ResourceContents resourceContents(ResourceContents contents) {
        return switch (contents) {
            case ResourceContents.Text text ->
                    new McpSchema.TextResourceContents(text.uri(), text.mimeType().orElse(null), text.text());
            case ResourceContents.Blob blob ->
                    new McpSchema.BlobResourceContents(blob.uri(), blob.mimeType().orElse(null), blob.base64());
        };
    }

    static McpSchema.GetPromptResult promptResult(PromptResult result) {
        List<McpSchema.PromptMessage> messages = new ArrayList<>();
        result.messages().forEach(message -> messages.add(new McpSchema.PromptMessage(
                message.role() == dev.claudecode.mcp.PromptMessage.Role.USER ? McpSchema.Role.USER : McpSchema.Role.ASSISTANT,
                content(message.content()))));
        return new McpSchema.GetPromptResult(result.description().orElse(null), messages);
    }
}
