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
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes content blocks as the JSON of the Messages API, for the {@code message.content} of the user
 * messages the SDK sends to the CLI. It is the inverse of the decoding in {@link
 * ContentBlockDecoder}: every block decodes back to an equal block.
 */
public final class ContentEncoder {

    private ContentEncoder() {
    }

    /**
     * Encodes a list of blocks as a JSON array.
     *
     * @param blocks the blocks
     * @return a new array node
     */
    public static ArrayNode encodeAll(List<? extends ContentBlock> blocks) {
        ArrayNode array = Json.array();
        for (ContentBlock block : blocks) {
            array.add(encode(block));
        }
        return array;
    }

    /**
     * Encodes one block.
     *
     * @param block the block
     * @return a new object node
     */
    public static ObjectNode encode(ContentBlock block) {
        return switch (block) {
            case TextBlock b -> text(b);
            case ThinkingBlock b -> typed(b).put("thinking", b.thinking()).put("signature", b.signature());
            case RedactedThinkingBlock b -> typed(b).put("data", b.data());
            case ToolUseBlock b -> toolUse(b, b.id(), b.name(), b.input());
            case ServerToolUseBlock b -> toolUse(b, b.id(), b.name(), b.input());
            case McpToolUseBlock b -> toolUse(b, b.id(), b.name(), b.input()).put("server_name", b.serverName());
            case ToolResultBlock b -> toolResult(b, b.toolUseId(), b.content(), b.isError());
            case McpToolResultBlock b -> toolResult(b, b.toolUseId(), b.content(), b.isError());
            case ServerToolResultBlock b -> serverToolResult(b);
            case ImageBlock b -> image(b);
            case DocumentBlock b -> document(b);
            case UnknownBlock b -> rawWithType(b.raw(), b.type());
        };
    }

    /**
     * Encodes tool result content: a string stays a string, blocks become an array.
     *
     * @param content the content
     * @return a string or array node
     */
    public static JsonNode encode(ToolResultContent content) {
        return switch (content) {
            case ToolResultContent.Text t -> Json.toNode(t.text());
            case ToolResultContent.Blocks b -> encodeAll(b.blocks());
        };
    }

    private static ObjectNode typed(ContentBlock block) {
        return Json.object().put("type", block.type());
    }

    private static ObjectNode text(TextBlock block) {
        ObjectNode node = typed(block).put("text", block.text());
        if (!block.citations().isEmpty()) {
            node.set("citations", Json.toNode(block.citations()));
        }
        return node;
    }

    private static ObjectNode toolUse(ContentBlock block, String id, String name, Map<String, Object> input) {
        ObjectNode node = typed(block).put("id", id).put("name", name);
        node.set("input", Json.toNode(input));
        return node;
    }

    private static ObjectNode toolResult(
            ContentBlock block, String toolUseId, ToolResultContent content, boolean isError) {
        ObjectNode node = typed(block).put("tool_use_id", toolUseId);
        node.set("content", encode(content));
        if (isError) {
            node.put("is_error", true);
        }
        return node;
    }

    private static ObjectNode serverToolResult(ServerToolResultBlock block) {
        if (!block.raw().isEmpty()) {
            return rawWithType(block.raw(), block.type());
        }
        ObjectNode node = typed(block).put("tool_use_id", block.toolUseId());
        node.set("content", Json.toNode(block.content()));
        return node;
    }

    private static ObjectNode image(ImageBlock block) {
        ObjectNode node = typed(block);
        node.set("source", switch (block.source()) {
            case ImageSource.Base64 s -> Json.object()
                    .put("type", s.type()).put("media_type", s.mediaType()).put("data", s.data());
            case ImageSource.Url s -> Json.object().put("type", s.type()).put("url", s.url());
            case ImageSource.File s -> Json.object().put("type", s.type()).put("file_id", s.fileId());
            case ImageSource.Unknown s -> rawWithType(s.raw(), s.type());
        });
        return node;
    }

    private static ObjectNode document(DocumentBlock block) {
        ObjectNode node = typed(block);
        node.set("source", switch (block.source()) {
            case DocumentSource.Base64 s -> Json.object()
                    .put("type", s.type()).put("media_type", s.mediaType()).put("data", s.data());
            case DocumentSource.Text s -> Json.object()
                    .put("type", s.type()).put("media_type", s.mediaType()).put("data", s.data());
            case DocumentSource.Url s -> Json.object().put("type", s.type()).put("url", s.url());
            case DocumentSource.File s -> Json.object().put("type", s.type()).put("file_id", s.fileId());
            case DocumentSource.Content s -> {
                ObjectNode source = Json.object().put("type", s.type());
                source.set("content", encodeAll(s.content()));
                yield source;
            }
            case DocumentSource.Unknown s -> rawWithType(s.raw(), s.type());
        });
        block.title().ifPresent(title -> node.put("title", title));
        block.context().ifPresent(context -> node.put("context", context));
        if (block.citationsEnabled()) {
            node.putObject("citations").put("enabled", true);
        }
        return node;
    }

    /** The raw JSON of an unknown value, with its type filled in when the raw map lacks one. */
    private static ObjectNode rawWithType(Map<String, Object> raw, String type) {
        ObjectNode node = Json.object();
        node.setAll((ObjectNode) Json.toNode(raw));
        if (!node.has("type") && !type.isEmpty()) {
            node.put("type", type);
        }
        return node;
    }
}
