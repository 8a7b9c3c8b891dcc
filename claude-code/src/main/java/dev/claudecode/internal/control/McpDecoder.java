package dev.claudecode.internal.control;

import dev.claudecode.internal.protocol.Fields;
import dev.claudecode.mcp.McpConnectionStatus;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.mcp.McpToolInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Decodes the answers to {@code mcp_status} and {@code mcp_set_servers}. */
public final class McpDecoder {

    private McpDecoder() {
    }

    /**
     * @param response the {@code response} payload of an {@code mcp_status} answer
     * @return the servers, in the CLI's order
     */
    public static List<McpServerStatus> status(JsonNode response) {
        return Fields.objects(response, "mcpServers", McpDecoder::server);
    }

    /**
     * @param server one entry of {@code mcpServers}
     * @return its status
     */
    static McpServerStatus server(JsonNode server) {
        JsonNode info = Fields.object(server, "serverInfo");
        Optional<McpServerStatus.Implementation> implementation = info.isObject()
                ? Optional.of(new McpServerStatus.Implementation(Fields.string(info, "name"), Fields.string(info, "version")))
                : Optional.empty();
        JsonNode config = server.get("config");
        List<McpToolInfo> tools = Fields.objects(server, "tools", tool -> {
            JsonNode annotations = Fields.object(tool, "annotations");
            return new McpToolInfo(
                    Fields.string(tool, "name"),
                    Fields.optString(tool, "description"),
                    Fields.optBool(annotations, "readOnly"),
                    Fields.optBool(annotations, "destructive"),
                    Fields.optBool(annotations, "openWorld"));
        });
        return new McpServerStatus(
                Fields.string(server, "name"),
                McpConnectionStatus.of(Fields.string(server, "status")),
                implementation,
                Fields.optString(server, "error"),
                config != null && config.isObject() ? Optional.of(Fields.map(server, "config")) : Optional.empty(),
                Fields.optString(server, "scope"),
                tools,
                Fields.raw(server));
    }

    /**
     * @param response the {@code response} payload of an {@code mcp_set_servers} answer
     * @return what changed
     */
    public static McpSetServersResult setServersResult(JsonNode response) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> error : Fields.object(response, "errors").properties()) {
            errors.put(error.getKey(), error.getValue().isString() ? error.getValue().stringValue() : error.getValue().toString());
        }
        return new McpSetServersResult(Fields.strings(response, "added"), Fields.strings(response, "removed"), errors);
    }
}
