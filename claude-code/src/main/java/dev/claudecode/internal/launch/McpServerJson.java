package dev.claudecode.internal.launch;

import dev.claudecode.mcp.McpServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of an MCP server configuration, as the CLI reads it both in {@code --mcp-config}
 * and in the {@code mcp_set_servers} control request.
 */
public final class McpServerJson {

    private McpServerJson() {
    }

    /**
     * Encodes a map of servers, keeping its order.
     *
     * @param servers servers by name
     * @return the {@code {"name": {...}}} object as plain JSON values
     */
    public static Map<String, Object> encode(Map<String, ? extends McpServerConfig> servers) {
        Map<String, Object> json = new LinkedHashMap<>();
        servers.forEach((name, config) -> {
            Map<String, Object> server = encode(config);
            if (config instanceof McpServerConfig.Sdk) {
                // the CLI addresses an in-process server by the name it is registered under
                server.put("name", name);
            }
            json.put(name, server);
        });
        return json;
    }

    /**
     * Encodes one server.
     *
     * @param config how the CLI reaches it
     * @return the server object as plain JSON values
     */
    public static Map<String, Object> encode(McpServerConfig config) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (config) {
            case McpServerConfig.Stdio stdio -> {
                json.put("type", "stdio");
                json.put("command", stdio.command());
                // always sent, even empty: CLI 2.1.332 fails a stdio server without args in
                // mcp_set_servers ("Spread syntax requires ...iterable not be null or undefined")
                json.put("args", stdio.args());
                if (!stdio.env().isEmpty()) {
                    json.put("env", stdio.env());
                }
            }
            case McpServerConfig.Sse sse -> {
                json.put("type", "sse");
                json.put("url", sse.url());
                if (!sse.headers().isEmpty()) {
                    json.put("headers", sse.headers());
                }
            }
            case McpServerConfig.Http http -> {
                json.put("type", "http");
                json.put("url", http.url());
                if (!http.headers().isEmpty()) {
                    json.put("headers", http.headers());
                }
            }
            case McpServerConfig.Sdk sdk -> {
                // an in-process server: the CLI reaches it over the control channel
                json.put("type", "sdk");
                json.put("name", sdk.server().name());
            }
        }
        return json;
    }
}
