package dev.claudecode.internal.launch;

import dev.claudecode.internal.Masking;
import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.Settings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The values a session hands its CLI as secrets, which it masks wherever it reports what the CLI
 * (or an MCP server, or a wrapper around the CLI) printed: the API key; every {@code env} and
 * {@code headers} value of the MCP servers, those of {@code mcpServers} and those inside inline
 * {@code mcpConfig} JSON; the settings values marked secret ({@link Settings.Values#secrets()});
 * and the {@code env} entries of the settings and managed settings whose names say they hold one.
 * The variables of the CLI's own environment are found by the redactor from the launch itself.
 */
public final class LaunchSecrets {

    private LaunchSecrets() {
    }

    /**
     * Collects the secrets of a session's options.
     *
     * @param options the options
     * @return the secret values, in no particular order
     */
    public static Set<String> of(ClaudeCodeOptions options) {
        Set<String> secrets = new LinkedHashSet<>();
        options.apiKey().ifPresent(secrets::add);
        options.mcpServers().values().forEach(config -> addServer(config, secrets));
        for (String config : options.mcpConfig()) {
            if (ConfigDelivery.isInlineJson(config)) {
                addInlineServers(config, secrets);
            }
        }
        if (options.settings().orElse(null) instanceof Settings.Values values) {
            for (List<String> path : values.secrets()) {
                addLeaves(at(values.values(), path), secrets);
            }
            addSecretVariables(values.values().get("env"), secrets);
        }
        options.managedSettings().ifPresent(managed -> addSecretVariables(managed.get("env"), secrets));
        return secrets;
    }

    /**
     * Collects the secrets of MCP server configurations given while a session runs.
     *
     * @param servers the servers
     * @return their {@code env} and {@code headers} values
     */
    public static Set<String> of(Map<String, ? extends McpServerConfig> servers) {
        Set<String> secrets = new LinkedHashSet<>();
        servers.values().forEach(config -> addServer(config, secrets));
        return secrets;
    }

    private static void addServer(McpServerConfig config, Set<String> secrets) {
        switch (config) {
            case McpServerConfig.Stdio stdio -> secrets.addAll(stdio.env().values());
            case McpServerConfig.Sse sse -> secrets.addAll(sse.headers().values());
            case McpServerConfig.Http http -> secrets.addAll(http.headers().values());
            case McpServerConfig.Sdk sdk -> {
                // served in this process: nothing of it reaches the CLI but its name
            }
        }
    }

    private static void addInlineServers(String json, Set<String> secrets) {
        JsonNode servers;
        try {
            servers = Json.parse(json).path("mcpServers");
        } catch (JacksonException e) {
            return; // the CLI rejects it; there is nothing to mask
        }
        for (JsonNode server : servers) {
            addLeaves(Json.toJava(server.path("env")), secrets);
            addLeaves(Json.toJava(server.path("headers")), secrets);
        }
    }

    private static void addSecretVariables(Object env, Set<String> secrets) {
        if (env instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (Masking.isSecretName(String.valueOf(name)) && value != null) {
                    secrets.add(value.toString());
                }
            });
        }
    }

    private static Object at(Map<String, Object> values, List<String> path) {
        Object current = values;
        for (String key : path) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return current;
    }

    // every text and number under a value
    private static void addLeaves(Object value, Set<String> secrets) {
        switch (value) {
            case null -> {
            }
            case Map<?, ?> map -> map.values().forEach(child -> addLeaves(child, secrets));
            case List<?> list -> list.forEach(child -> addLeaves(child, secrets));
            case String text -> secrets.add(text);
            case Number number -> secrets.add(number.toString());
            default -> {
                // booleans are no secret
            }
        }
    }
}
