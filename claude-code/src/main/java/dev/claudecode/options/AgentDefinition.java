package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A custom subagent the model can hand work to through its agent tool. Agents are defined in the
 * session's {@code initialize} request (see {@link ClaudeCodeOptions#agents()}), so they survive a
 * CLI restart and need no command-line space.
 *
 * <pre>{@code
 * AgentDefinition reviewer = AgentDefinition.builder("Reviews code for bugs", "You are a strict code reviewer.")
 *         .tools("Read", "Grep")
 *         .model("sonnet")
 *         .build();
 * }</pre>
 *
 * @param description when the model should use this agent
 * @param prompt the agent's system prompt
 * @param tools the tools the agent may use; empty means it inherits the session's tools
 * @param disallowedTools tools the agent may never use, e.g. {@code mcp__server} for a whole server
 * @param model the model alias or id the agent runs on; empty (or {@code inherit}) means the session's model
 * @param maxTurns the most agentic turns the agent may take
 */
public record AgentDefinition(
        String description,
        String prompt,
        Optional<List<String>> tools,
        List<String> disallowedTools,
        Optional<String> model,
        OptionalInt maxTurns) {

    /**
     * Validates and copies the components.
     *
     * @param description not blank
     * @param prompt not null
     * @param tools the allowed tools, copied
     * @param disallowedTools the forbidden tools, copied
     * @param model the model, not blank when present
     * @param maxTurns positive when present
     */
    public AgentDefinition {
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new InvalidOptionsException("an agent needs a description: the model picks agents by it");
        }
        Objects.requireNonNull(prompt, "prompt");
        tools = tools == null ? Optional.empty() : tools.map(List::copyOf);
        disallowedTools = disallowedTools == null ? List.of() : List.copyOf(disallowedTools);
        model = model == null ? Optional.empty() : model;
        if (model.filter(String::isBlank).isPresent()) {
            throw new InvalidOptionsException("an agent's model must not be blank");
        }
        maxTurns = maxTurns == null ? OptionalInt.empty() : maxTurns;
        if (maxTurns.isPresent() && maxTurns.getAsInt() <= 0) {
            throw new InvalidOptionsException("an agent's maxTurns must be positive");
        }
    }

    /**
     * An agent with the session's tools and model.
     *
     * @param description when the model should use this agent
     * @param prompt the agent's system prompt
     * @return the agent
     */
    public static AgentDefinition of(String description, String prompt) {
        return builder(description, prompt).build();
    }

    /**
     * A builder for an agent with more settings.
     *
     * @param description when the model should use this agent
     * @param prompt the agent's system prompt
     * @return the builder
     */
    public static Builder builder(String description, String prompt) {
        return new Builder(description, prompt);
    }

    /**
     * Starts a builder from this definition.
     *
     * @return a builder holding this definition, to change some of it
     */
    public Builder toBuilder() {
        Builder builder = new Builder(description, prompt);
        builder.tools = tools.orElse(null);
        builder.disallowedTools = disallowedTools;
        builder.model = model.orElse(null);
        builder.maxTurns = maxTurns.isPresent() ? maxTurns.getAsInt() : null;
        return builder;
    }

    /** Collects the settings of an {@link AgentDefinition}. Not thread-safe. */
    public static final class Builder {

        private String description;
        private String prompt;
        private List<String> tools;
        private List<String> disallowedTools = List.of();
        private String model;
        private Integer maxTurns;

        private Builder(String description, String prompt) {
            this.description = description;
            this.prompt = prompt;
        }

        /**
         * Sets when the model should use the agent.
         *
         * @param description when the model should use this agent
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the agent's system prompt.
         *
         * @param prompt the agent's system prompt
         * @return this builder
         */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /**
         * Limits the agent to these tools.
         *
         * @param tools exactly the tools the agent may use; null to inherit the session's
         * @return this builder
         */
        public Builder tools(List<String> tools) {
            this.tools = tools == null ? null : List.copyOf(tools);
            return this;
        }

        /**
         * Limits the agent to these tools.
         *
         * @param tools exactly the tools the agent may use
         * @return this builder
         */
        public Builder tools(String... tools) {
            return tools(List.of(tools));
        }

        /**
         * Forbids tools to the agent.
         *
         * @param disallowedTools tools the agent may never use
         * @return this builder
         */
        public Builder disallowedTools(List<String> disallowedTools) {
            this.disallowedTools = disallowedTools == null ? List.of() : List.copyOf(disallowedTools);
            return this;
        }

        /**
         * Sets the agent's model.
         *
         * @param model the model alias or id the agent runs on; null for the session's
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Limits the agent's agentic turns.
         *
         * @param maxTurns the most agentic turns, positive; null for no limit
         * @return this builder
         */
        public Builder maxTurns(Integer maxTurns) {
            this.maxTurns = maxTurns;
            return this;
        }

        /**
         * Checks the values and builds the definition.
         *
         * @return the definition
         * @throws InvalidOptionsException when a value is out of range
         */
        public AgentDefinition build() {
            return new AgentDefinition(description, prompt, Optional.ofNullable(tools), disallowedTools,
                    Optional.ofNullable(model), maxTurns == null ? OptionalInt.empty() : OptionalInt.of(maxTurns));
        }
    }
}
