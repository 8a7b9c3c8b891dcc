package dev.claudecode.internal.launch;

import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpToolPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of an MCP server configuration, as the CLI reads it both in {@code --mcp-config}
 * and in the {@code mcp_set_servers} control request: the transport fields, then {@code timeout}
 * (milliseconds), {@code alwaysLoad} and {@code tools} (the per-tool policies) where set.
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
                timeout(json, stdio.timeout());
                stdio.alwaysLoad().ifPresent(load -> json.put("alwaysLoad", load));
            }
            case McpServerConfig.Sse sse -> {
                json.put("type", "sse");
                json.put("url", sse.url());
                if (!sse.headers().isEmpty()) {
                    json.put("headers", sse.headers());
                }
                remote(json, sse.timeout(), sse.alwaysLoad(), sse.tools());
            }
            case McpServerConfig.Http http -> {
                json.put("type", "http");
                json.put("url", http.url());
                if (!http.headers().isEmpty()) {
                    json.put("headers", http.headers());
                }
                remote(json, http.timeout(), http.alwaysLoad(), http.tools());
            }
            case McpServerConfig.Sdk sdk -> {
                // an in-process server: the CLI reaches it over the control channel
                json.put("type", "sdk");
                json.put("name", sdk.server().name());
                json.putAll(sdkSettings(sdk));
            }
        }
        return json;
    }

    /**
     * The settings of an in-process server that the CLI reads beside its name: the entry of the
     * {@code initialize} request's {@code sdkMcpServerConfigs}, and the extra fields of its
     * {@code mcp_set_servers} entry.
     *
     * @param sdk the server
     * @return {@code {"timeout"?, "tools"?}}, empty when neither is set
     */
    public static Map<String, Object> sdkSettings(McpServerConfig.Sdk sdk) {
        Map<String, Object> json = new LinkedHashMap<>();
        timeout(json, sdk.timeout());
        if (!sdk.tools().isEmpty()) {
            json.put("tools", policies(sdk.tools()));
        }
        return json;
    }

    private static void remote(Map<String, Object> json, Optional<Duration> timeout, Optional<Boolean> alwaysLoad,
            List<McpToolPolicy> tools) {
        if (!tools.isEmpty()) {
            json.put("tools", policies(tools));
        }
        timeout(json, timeout);
        alwaysLoad.ifPresent(load -> json.put("alwaysLoad", load));
    }

    private static void timeout(Map<String, Object> json, Optional<Duration> timeout) {
        // McpServerConfig keeps a timeout within an int of milliseconds
        timeout.ifPresent(value -> json.put("timeout", (int) value.toMillis()));
    }

    private static List<Object> policies(List<McpToolPolicy> tools) {
        return tools.stream().<Object>map(policy -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", policy.name());
            policy.permission().ifPresent(permission -> json.put("permission_policy", permission.value()));
            policy.orgMaxPermission().ifPresent(ceiling -> json.put("org_max_permission", ceiling.value()));
            return json;
        }).toList();
    }
}
