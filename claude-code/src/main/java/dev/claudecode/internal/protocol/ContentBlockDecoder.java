package dev.claudecode.internal.protocol;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.DocumentBlock;
import dev.claudecode.content.DocumentSource;
import dev.claudecode.content.ImageBlock;
import dev.claudecode.content.ImageSource;
import dev.claudecode.content.McpToolResultBlock;
import dev.claudecode.content.McpToolUseBlock;
import dev.claudecode.content.RedactedThinkingBlock;
import dev.claudecode.content.ServerToolResultBlock;
import dev.claudecode.content.ServerToolUseBlock;
import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ThinkingBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolResultContent;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.content.UnknownBlock;
import dev.claudecode.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Decodes content blocks (the elements of {@code message.content}) and their sources. */
final class ContentBlockDecoder {

    private static final Map<String, Function<JsonNode, ContentBlock>> BY_TYPE = Map.ofEntries(
            Map.entry(TextBlock.TYPE, ContentBlockDecoder::text),
            Map.entry(ThinkingBlock.TYPE, ContentBlockDecoder::thinking),
            Map.entry(RedactedThinkingBlock.TYPE, ContentBlockDecoder::redactedThinking),
            Map.entry(ToolUseBlock.TYPE, ContentBlockDecoder::toolUse),
            Map.entry(ToolResultBlock.TYPE, ContentBlockDecoder::toolResult),
            Map.entry(ServerToolUseBlock.TYPE, ContentBlockDecoder::serverToolUse),
            Map.entry(McpToolUseBlock.TYPE, ContentBlockDecoder::mcpToolUse),
            Map.entry(McpToolResultBlock.TYPE, ContentBlockDecoder::mcpToolResult),
            Map.entry(ImageBlock.TYPE, ContentBlockDecoder::image),
            Map.entry(DocumentBlock.TYPE, ContentBlockDecoder::document));

    /** Server tool results share this suffix: web_search_tool_result, code_execution_tool_result, ... */
    private static final String SERVER_TOOL_RESULT_SUFFIX = "_tool_result";

    private ContentBlockDecoder() {
    }

    /**
     * Decodes a {@code content} value: a string becomes one text block, an array its blocks
     * (skipping elements that are not objects, which no API shape has), anything else no blocks.
     */
    static List<ContentBlock> decodeAll(JsonNode content) {
        if (content == null) {
            return List.of();
        }
        if (content.isString()) {
            return List.of(TextBlock.of(content.stringValue()));
        }
        if (!content.isArray()) {
            return List.of();
        }
        List<ContentBlock> blocks = new ArrayList<>(content.size());
        for (JsonNode element : content) {
            if (element.isObject()) {
                blocks.add(decode(element));
            }
        }
        return Collections.unmodifiableList(blocks);
    }

    /** Decodes one block object; unknown types become {@link UnknownBlock}. */
    static ContentBlock decode(JsonNode block) {
        String type = Fields.string(block, "type");
        Function<JsonNode, ContentBlock> decoder = BY_TYPE.get(type);
        if (decoder != null) {
            return decoder.apply(block);
        }
        if (type.endsWith(SERVER_TOOL_RESULT_SUFFIX)) {
            return serverToolResult(type, block);
        }
        return new UnknownBlock(type, Json.lazyMap(block));
    }

    /**
     * Decodes the {@code content} of a tool result, keeping whether it was a string or blocks; an
     * absent or odd value is an empty block list.
     */
    static ToolResultContent toolResultContent(JsonNode content) {
        if (content != null && content.isString()) {
            return ToolResultContent.text(content.stringValue());
        }
        return ToolResultContent.blocks(decodeAll(content));
    }

    private static ContentBlock text(JsonNode block) {
        List<Map<String, Object>> citations = new ArrayList<>();
        for (JsonNode citation : Fields.array(block, "citations")) {
            if (citation.isObject()) {
                citations.add(Json.lazyMap(citation));
            }
        }
        return new TextBlock(Fields.string(block, "text"), citations);
    }

    private static ContentBlock thinking(JsonNode block) {
        return new ThinkingBlock(Fields.string(block, "thinking"), Fields.string(block, "signature"));
    }

    private static ContentBlock redactedThinking(JsonNode block) {
        return new RedactedThinkingBlock(Fields.string(block, "data"));
    }

    private static ContentBlock toolUse(JsonNode block) {
        return new ToolUseBlock(
                Fields.string(block, "id"), Fields.string(block, "name"), Fields.map(block, "input"));
    }

    private static ContentBlock toolResult(JsonNode block) {
        return new ToolResultBlock(
                Fields.string(block, "tool_use_id"),
                toolResultContent(block.get("content")),
                Fields.bool(block, "is_error"));
    }

    private static ContentBlock serverToolUse(JsonNode block) {
        return new ServerToolUseBlock(
                Fields.string(block, "id"), Fields.string(block, "name"), Fields.map(block, "input"));
    }

    private static ContentBlock serverToolResult(String type, JsonNode block) {
        return new ServerToolResultBlock(
                type,
                Fields.string(block, "tool_use_id"),
                Json.lazyJava(block.get("content")),
                Json.lazyMap(block));
    }

    private static ContentBlock mcpToolUse(JsonNode block) {
        return new McpToolUseBlock(
                Fields.string(block, "id"),
                Fields.string(block, "name"),
                Fields.string(block, "server_name"),
                Fields.map(block, "input"));
    }

    private static ContentBlock mcpToolResult(JsonNode block) {
        return new McpToolResultBlock(
                Fields.string(block, "tool_use_id"),
                toolResultContent(block.get("content")),
                Fields.bool(block, "is_error"));
    }

    private static ContentBlock image(JsonNode block) {
        JsonNode source = Fields.object(block, "source");
        String type = Fields.string(source, "type");
        ImageSource decoded = switch (type) {
            case "base64" -> new ImageSource.Base64(
                    Fields.string(source, "media_type"), Fields.string(source, "data"));
            case "url" -> new ImageSource.Url(Fields.string(source, "url"));
            case "file" -> new ImageSource.File(Fields.string(source, "file_id"));
            default -> new ImageSource.Unknown(type, Json.lazyMap(source));
        };
        return new ImageBlock(decoded);
    }

    private static ContentBlock document(JsonNode block) {
        JsonNode source = Fields.object(block, "source");
        String type = Fields.string(source, "type");
        DocumentSource decoded = switch (type) {
            case "base64" -> new DocumentSource.Base64(
                    Fields.string(source, "media_type"), Fields.string(source, "data"));
            case "text" -> new DocumentSource.Text(
                    Fields.string(source, "media_type"), Fields.string(source, "data"));
            case "url" -> new DocumentSource.Url(Fields.string(source, "url"));
            case "file" -> new DocumentSource.File(Fields.string(source, "file_id"));
            case "content" -> new DocumentSource.Content(decodeAll(source.get("content")));
            default -> new DocumentSource.Unknown(type, Json.lazyMap(source));
        };
        return new DocumentBlock(
                decoded,
                Fields.optString(block, "title"),
                Fields.optString(block, "context"),
                Fields.bool(Fields.object(block, "citations"), "enabled"));
    }
}
