package dev.claudecode.internal.control;

import dev.claudecode.options.AgentDefinition;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.PromptText;
import dev.claudecode.internal.json.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code initialize} control request a session sends at every launch of its CLI, the
 * first and every relaunch alike, since each process starts with nothing the previous one was told.
 *
 * <p>It carries the configuration that is large or structured, or that belongs to this process
 * rather than its command line: {@code systemPrompt} (one text, sent as the one-element array the
 * CLI expects), {@code appendSystemPrompt}, {@code jsonSchema} (from {@code outputFormat}),
 * {@code promptSuggestions} and {@code agents}. The CLI applies these exactly like the flags of the
 * same names (verified on its API requests), and unlike arguments they have no size limit.
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
        if (options.systemPrompt().orElse(null) instanceof PromptText.Inline prompt) {
            request.putArray("systemPrompt").add(prompt.text());
        }
        if (options.appendSystemPrompt().orElse(null) instanceof PromptText.Inline prompt) {
            request.put("appendSystemPrompt", prompt.text());
        }
        if (!options.agents().isEmpty()) {
            request.set("agents", agents(options.agents()));
        }
        if (options.promptSuggestions()) {
            request.put("promptSuggestions", true);
        }
        for (Contribution contribution : contributions) {
            contribution.addTo(request);
        }
        return request;
    }

    private static ObjectNode agents(Map<String, AgentDefinition> agents) {
        ObjectNode json = Json.object();
        agents.forEach((name, agent) -> json.set(name, agent(agent)));
        return json;
    }

    /**
     * Encodes one agent in the CLI's {@code AgentDefinition} shape.
     *
     * @param agent the agent
     * @return {@code {"description","prompt","tools"?,"disallowedTools"?,"model"?,"maxTurns"?}}
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
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
