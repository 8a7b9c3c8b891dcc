package dev.claudecode.internal.control;

import dev.claudecode.options.AgentDefinition;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.PluginDelivery;
import dev.claudecode.options.PromptText;
import dev.claudecode.options.Skills;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.launch.McpServerJson;
import dev.claudecode.mcp.McpServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code initialize} control request a session sends at every launch of its CLI, the
 * first and every relaunch alike, since each process starts with nothing the previous one was told.
 *
 * <p>It carries the configuration that is large or structured, or that belongs to this process
 * rather than its command line: {@code systemPrompt} (one text sent as the one-element array the
 * CLI expects, or the blocks of {@code PromptText.Blocks}), {@code systemPromptSnapshot},
 * {@code appendSystemPrompt}, {@code jsonSchema} (from {@code outputFormat}),
 * {@code promptSuggestions}, {@code agents}, {@code toolAliases}, {@code skills} (a list only),
 * {@code forwardSubagentText}, {@code agentProgressSummaries}, {@code perTaskStopAffordance},
 * {@code plugins} (with {@code PluginDelivery.INITIALIZE}) and {@code sdkMcpServerConfigs} (the
 * timeout and tool policies of in-process MCP servers). The CLI applies these exactly like the
 * flags of the same names where there are flags (verified on its API requests), and unlike
 * arguments they have no size limit.
 *
 * <p>The parts that come from callbacks registered on a session, rather than from its options,
 * are added by {@link Contribution}s: the {@code hooks} matchers with their callback ids and the
 * names of in-process SDK MCP servers ({@code sdkMcpServers}).
 */
public final class InitializeRequest {

    /**
     * Adds what a session's callback registry owns to the request: the extension point for
     * {@code hooks} (matchers and {@code hookCallbackIds}) and {@code sdkMcpServers}. Called once
     * per launch, after the fields from the options are set, on the thread that launches the CLI.
     */
    @FunctionalInterface
    public interface Contribution {

        /**
         * @param request the {@code initialize} request being built; add or replace fields
         */
        void addTo(ObjectNode request);
    }

    private InitializeRequest() {
    }

    /**
     * Builds the request.
     *
     * @param options the session's options
     * @param contributions what the session's callback registries add, in order
     * @return the {@code request} object of the control request
     */
    public static ObjectNode of(ClaudeCodeOptions options, List<? extends Contribution> contributions) {
        ObjectNode request = Json.object();
        request.put("subtype", "initialize");
        options.outputFormat().ifPresent(schema -> request.set("jsonSchema", Json.toNode(schema)));
        // a prompt read from a file is a command-line flag instead (CliArguments)
        switch (options.systemPrompt().orElse(null)) {
            case PromptText.Inline prompt -> request.putArray("systemPrompt").add(prompt.text());
            case PromptText.Blocks prompt -> strings(request.putArray("systemPrompt"), prompt.blocks());
            case null, default -> {
                // none, or a file: the file is a command-line flag instead (CliArguments)
            }
        }
        options.systemPromptSnapshot().ifPresent(snapshot -> request.put("systemPromptSnapshot", snapshot));
        if (options.appendSystemPrompt().orElse(null) instanceof PromptText.Inline prompt) {
            request.put("appendSystemPrompt", prompt.text());
        }
        if (!options.agents().isEmpty()) {
            request.set("agents", agents(options.agents()));
        }
        if (options.promptSuggestions()) {
            request.put("promptSuggestions", true);
        }
        if (!options.toolAliases().isEmpty()) {
            request.set("toolAliases", Json.toNode(options.toolAliases()));
        }
        // Skills.All sends nothing here: the Skill allow rule (CliArguments) is all it takes
        if (options.skills().orElse(null) instanceof Skills.Only only) {
            strings(request.putArray("skills"), only.names());
        }
        flag(request, "forwardSubagentText", options.forwardSubagentText());
        flag(request, "agentProgressSummaries", options.agentProgressSummaries());
        flag(request, "perTaskStopAffordance", options.perTaskStopAffordance());
        if (options.pluginDelivery() == PluginDelivery.INITIALIZE) {
            plugins(request, options);
        }
        ObjectNode sdkConfigs = Json.object();
        options.mcpServers().forEach((name, config) -> {
            if (config instanceof McpServerConfig.Sdk sdk && !McpServerJson.sdkSettings(sdk).isEmpty()) {
                sdkConfigs.set(name, Json.toNode(McpServerJson.sdkSettings(sdk)));
            }
        });
        if (!sdkConfigs.isEmpty()) {
            request.set("sdkMcpServerConfigs", sdkConfigs);
        }
        for (Contribution contribution : contributions) {
            contribution.addTo(request);
        }
        return request;
    }

    private static void flag(ObjectNode request, String field, boolean on) {
        if (on) {
            request.put(field, true);
        }
    }

    // {"type":"local","path":…,"skipMcpDiscovery"?:true}, the shape of SdkPluginConfig
    private static void plugins(ObjectNode request, ClaudeCodeOptions options) {
        if (options.plugins().isEmpty() && options.pluginsWithoutMcp().isEmpty()) {
            return;
        }
        ArrayNode plugins = request.putArray("plugins");
        options.plugins().forEach(path -> plugins.add(plugin(path, false)));
        options.pluginsWithoutMcp().forEach(path -> plugins.add(plugin(path, true)));
    }

    /**
     * Encodes one local plugin as the CLI reads it in {@code initialize.plugins} and
     * {@code reload_plugins.add_plugins}.
     *
     * @param path the plugin directory or .zip file
     * @param skipMcpDiscovery whether its {@code .mcp.json} servers are left alone
     * @return {@code {"type":"local","path":…,"skipMcpDiscovery"?:true}}
     */
    static ObjectNode plugin(Path path, boolean skipMcpDiscovery) {
        ObjectNode plugin = Json.object();
        plugin.put("type", "local");
        plugin.put("path", path.toString());
        if (skipMcpDiscovery) {
            plugin.put("skipMcpDiscovery", true);
        }
        return plugin;
    }

    private static ObjectNode agents(Map<String, AgentDefinition> agents) {
        ObjectNode json = Json.object();
        agents.forEach((name, agent) -> json.set(name, agent(agent)));
        return json;
    }

    /**
     * Encodes one agent in the CLI's {@code AgentDefinition} shape, leaving out what is unset.
     *
     * @param agent the agent
     * @return {@code {"description","prompt","tools"?,"disallowedTools"?,"model"?,"maxTurns"?,"mcpServers"?,
     *     "criticalSystemReminder_EXPERIMENTAL"?,"skills"?,"initialPrompt"?,"autoCompactWindow"?,"background"?,
     *     "omitClaudeMd"?,"memory"?,"effort"?,"permissionMode"?,"observer"?,"observerMessage"?}}
     */
    static ObjectNode agent(AgentDefinition agent) {
        ObjectNode json = Json.object();
        json.put("description", agent.description());
        json.put("prompt", agent.prompt());
        agent.tools().ifPresent(tools -> strings(json.putArray("tools"), tools));
        if (!agent.disallowedTools().isEmpty()) {
            strings(json.putArray("disallowedTools"), agent.disallowedTools());
        }
        agent.model().ifPresent(model -> json.put("model", model));
        agent.maxTurns().ifPresent(turns -> json.put("maxTurns", turns));
        if (!agent.mcpServers().isEmpty()) {
            ArrayNode servers = json.putArray("mcpServers");
            for (AgentDefinition.McpServer server : agent.mcpServers()) {
                switch (server) {
                    case AgentDefinition.McpServer.Named named -> servers.add(named.name());
                    case AgentDefinition.McpServer.Inline inline ->
                            servers.add(Json.toNode(McpServerJson.encode(Map.of(inline.name(), inline.config()))));
                }
            }
        }
        agent.criticalSystemReminder().ifPresent(text -> json.put("criticalSystemReminder_EXPERIMENTAL", text));
        if (!agent.skills().isEmpty()) {
            strings(json.putArray("skills"), agent.skills());
        }
        agent.initialPrompt().ifPresent(text -> json.put("initialPrompt", text));
        agent.autoCompactWindow().ifPresent(tokens -> json.put("autoCompactWindow", tokens));
        flag(json, "background", agent.background());
        flag(json, "omitClaudeMd", agent.omitClaudeMd());
        agent.memory().ifPresent(memory -> json.put("memory", memory.value()));
        agent.effort().ifPresent(effort -> {
            // the CLI takes a named level or a number
            if (effort.value().chars().allMatch(Character::isDigit)) {
                json.put("effort", new java.math.BigInteger(effort.value()));
            } else {
                json.put("effort", effort.value());
            }
        });
        agent.permissionMode().ifPresent(mode -> json.put("permissionMode", mode.value()));
        agent.observer().ifPresent(observer -> json.put("observer", observer));
        agent.observerMessage().ifPresent(text -> json.put("observerMessage", text));
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
