package dev.claudecode.internal.control;

import dev.claudecode.control.BinaryVersion;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.control.FileContents;
import dev.claudecode.control.FileSuggestions;
import dev.claudecode.control.InterruptReceipt;
import dev.claudecode.control.McpCallResult;
import dev.claudecode.control.McpResourceContents;
import dev.claudecode.control.RewindResult;
import dev.claudecode.control.TaskOutput;
import dev.claudecode.internal.protocol.Fields;
import dev.claudecode.permission.PermissionMode;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the small answers: {@code rewind_files}, {@code get_settings},
 * {@code get_binary_version}, {@code interrupt}, {@code set_permission_mode},
 * {@code get_session_cost}, {@code cancel_async_message}, {@code read_file},
 * {@code file_suggestions}, {@code get_task_output}, {@code mcp_call}, {@code mcp_read_resource},
 * {@code reload_output_styles} and {@code set_mcp_permission_mode_override}. The larger ones have
 * decoders of their own ({@link ServerInfoDecoder}, {@link McpDecoder}, {@link ContextUsageDecoder},
 * {@link ReportDecoder}).
 */
public final class ControlResponses {

    private ControlResponses() {
    }

    /**
     * @param response the {@code response} payload of a {@code rewind_files} answer
     * @return the rewind result
     */
    public static RewindResult rewindResult(JsonNode response) {
        return new RewindResult(
                Fields.bool(response, "canRewind"),
                Fields.optString(response, "error"),
                Fields.strings(response, "filesChanged"),
                Fields.optLong(response, "insertions"),
                Fields.optLong(response, "deletions"));
    }

    /**
     * @param response the {@code response} payload of a {@code get_settings} answer
     * @return the settings
     */
    public static EffectiveSettings settings(JsonNode response) {
        List<EffectiveSettings.Source> sources = Fields.objects(response, "sources",
                source -> new EffectiveSettings.Source(Fields.string(source, "source"), Fields.map(source, "settings")));
        return new EffectiveSettings(
                Fields.map(response, "effective"), sources, Fields.map(response, "applied"), Fields.raw(response));
    }

    /**
     * @param response the {@code response} payload of a {@code get_binary_version} answer
     * @return the version
     */
    public static BinaryVersion binaryVersion(JsonNode response) {
        return new BinaryVersion(Fields.string(response, "version"), Fields.optString(response, "buildTime"));
    }

    /**
     * @param response the {@code response} payload of an {@code interrupt} answer
     * @return the receipt; empty when the CLI sent none (CLI 2.1.197 answers without a payload)
     */
    public static Optional<InterruptReceipt> interruptReceipt(JsonNode response) {
        if (response == null || !response.has("still_queued")) {
            return Optional.empty();
        }
        return Optional.of(new InterruptReceipt(Fields.strings(response, "still_queued"), Fields.strings(response, "cancelled")));
    }

    /**
     * @param response the {@code response} payload of a {@code set_permission_mode} answer
     * @return the mode in effect, when the CLI names it ({@code mode})
     */
    public static Optional<PermissionMode> permissionMode(JsonNode response) {
        return Fields.optString(response, "mode").filter(mode -> !mode.isBlank()).map(PermissionMode::of);
    }

    /**
     * @param response the {@code response} payload of a {@code get_session_cost} answer
     * @return the cost summary text ({@code text})
     */
    public static String sessionCost(JsonNode response) {
        return Fields.string(response, "text");
    }

    /**
     * @param response the {@code response} payload of a {@code cancel_async_message} answer
     * @return whether the message was still queued and is now cancelled ({@code cancelled})
     */
    public static boolean cancelled(JsonNode response) {
        return Fields.bool(response, "cancelled");
    }

    /**
     * @param response the {@code response} payload of a {@code read_file} answer
     * @return the file
     */
    public static FileContents fileContents(JsonNode response) {
        return new FileContents(
                Fields.string(response, "contents"),
                Fields.string(response, "absPath"),
                Fields.optString(response, "requested_path"),
                Fields.bool(response, "truncated"),
                "base64".equals(Fields.optString(response, "encoding").orElse(""))
                        ? FileContents.Encoding.BASE64 : FileContents.Encoding.UTF_8,
                Fields.optBool(response, "lossy"));
    }

    /**
     * @param response the {@code response} payload of a {@code file_suggestions} answer
     * @return the suggestions
     */
    public static FileSuggestions fileSuggestions(JsonNode response) {
        return new FileSuggestions(
                Fields.objects(response, "suggestions",
                        suggestion -> new FileSuggestions.Suggestion(Fields.string(suggestion, "path"), Fields.optDouble(suggestion, "score"))),
                Fields.optString(response, "cwd"));
    }

    /**
     * @param response the {@code response} payload of a {@code get_task_output} answer
     * @return the output
     */
    public static TaskOutput taskOutput(JsonNode response) {
        return new TaskOutput(Fields.string(response, "output"), Fields.longValue(response, "total_bytes"),
                Fields.bool(response, "truncated"));
    }

    /**
     * @param response the {@code response} payload of an {@code mcp_call} answer: a {@code CallToolResult}
     * @return the result
     */
    public static McpCallResult mcpCallResult(JsonNode response) {
        JsonNode structured = response.get("structuredContent");
        return new McpCallResult(
                Fields.objects(response, "content", block -> Fields.raw(block)),
                structured != null && structured.isObject() ? Optional.of(Fields.map(response, "structuredContent")) : Optional.empty(),
                Fields.bool(response, "isError"),
                Fields.raw(response));
    }

    /**
     * @param response the {@code response} payload of an {@code mcp_read_resource} answer
     * @return the resource's items
     */
    public static McpResourceContents resourceContents(JsonNode response) {
        return new McpResourceContents(Fields.objects(response, "contents", item -> new McpResourceContents.Item(
                Fields.string(item, "uri"),
                Fields.optString(item, "mimeType"),
                Fields.optString(item, "text"),
                Fields.optString(item, "blob"),
                Fields.map(item, "_meta"))));
    }

    /**
     * @param response the {@code response} payload of a {@code reload_output_styles} answer
     * @return the output style names ({@code available_output_styles})
     */
    public static List<String> outputStyles(JsonNode response) {
        return Fields.strings(response, "available_output_styles");
    }

    /**
     * @param response the {@code response} payload of a {@code set_mcp_permission_mode_override} answer
     * @return the warning, when the server is not known yet ({@code warning})
     */
    public static Optional<String> warning(JsonNode response) {
        return Fields.optString(response, "warning");
    }

    /**
     * @param response the {@code response} payload of a {@code register_repo_root} answer
     * @return the registered root, absolute ({@code directory})
     */
    public static String directory(JsonNode response) {
        return Fields.string(response, "directory");
    }
}
