package dev.claudecode.internal.mcp;

import dev.claudecode.mcp.McpContent;
import dev.claudecode.mcp.PromptMessage;
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
        // isError only when true, the shape the official SDKs send and the recordings show
        return new McpSchema.CallToolResult(content, result.isError() ? Boolean.TRUE : null,
                result.structuredContent().orElse(null), null);
    }

    static McpSchema.Content content(McpContent content) {
        return switch (content) {
            case McpContent.Text text -> McpSchema.TextContent.builder(text.text()).build();
            case McpContent.Image image -> McpSchema.ImageContent.builder(image.base64(), image.mimeType()).build();
            case McpContent.Audio audio -> McpSchema.AudioContent.builder(audio.base64(), audio.mimeType()).build();
            case McpContent.Resource resource ->
                    McpSchema.EmbeddedResource.builder(resourceContents(resource.contents())).build();
        };
    }

    static McpSchema.ResourceContents resourceContents(ResourceContents contents) {
        return switch (contents) {
            case ResourceContents.Text text ->
                    McpSchema.TextResourceContents.builder(text.uri(), text.text()).mimeType(text.mimeType().orElse(null)).build();
            case ResourceContents.Blob blob ->
                    McpSchema.BlobResourceContents.builder(blob.uri(), blob.base64()).mimeType(blob.mimeType().orElse(null)).build();
        };
    }

    static McpSchema.GetPromptResult promptResult(PromptResult result) {
        List<McpSchema.PromptMessage> messages = new ArrayList<>();
        result.messages().forEach(message -> messages.add(McpSchema.PromptMessage.builder(
                message.role() == PromptMessage.Role.USER ? McpSchema.Role.USER : McpSchema.Role.ASSISTANT,
                content(message.content())).build()));
        return McpSchema.GetPromptResult.builder(messages).description(result.description().orElse(null)).build();
    }
}
