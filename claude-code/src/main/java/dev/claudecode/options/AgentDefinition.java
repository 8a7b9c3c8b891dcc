package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.permission.PermissionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A custom subagent the model can hand work to through its agent tool. Agents are defined in the
 * session's {@code initialize} request ({@code agents}, see {@link ClaudeCodeOptions#agents()}), so
 * they survive a CLI restart and need no command-line space. Every field of the CLI's agent
 * definition can be set; the JSON field of each is named below. Fields marked "2.1.332" were added
 * after CLI 2.1.197, which ignores them.
 *
 * <pre>{@code
 * AgentDefinition reviewer = AgentDefinition.builder("Reviews code for bugs", "You are a strict code reviewer.")
 *         .tools("Read", "Grep")
 *         .model("sonnet")
 *         .effort(Effort.HIGH)
 *         .skills("code-review")
 *         .build();
 * }</pre>
 *
 * @param description when the model should use this agent ({@code description})
 * @param prompt the agent's system prompt ({@code prompt})
 * @param tools the tools the agent may use ({@code tools}); empty means it inherits the session's tools
 * @param disallowedTools tools the agent may never use ({@code disallowedTools}), e.g. {@code mcp__server}
 *     for a whole server
 * @param model the model alias or id the agent runs on ({@code model}); empty means the default
 *     subagent model, {@code inherit} the session's model
 * @param maxTurns the most agentic turns the agent may take ({@code maxTurns})
 * @param mcpServers MCP servers of the agent, by the name of a server configured for the session or
 *     defined inline ({@code mcpServers})
 * @param criticalSystemReminder an experimental reminder added to the agent's system prompt
 *     ({@code criticalSystemReminder_EXPERIMENTAL})
 * @param skills skills preloaded into the agent's context ({@code skills})
 * @param initialPrompt the first user turn, sent on its own when this agent runs the main thread;
 *     slash commands in it are processed ({@code initialPrompt})
 * @param autoCompactWindow the token count at which the agent, run as a subagent, compacts its own
 *     conversation, at least 100,000; it can only lower the inherited window ({@code autoCompactWindow}, 2.1.332)
 * @param background whether the agent always runs as a background task ({@code background})
 * @param omitClaudeMd whether the agent, run as a subagent, goes without the user, project and local
 *     {@code CLAUDE.md} files ({@code omitClaudeMd}, 2.1.332)
 * @param memory where the agent's memory files are loaded from ({@code memory})
 * @param effort the agent's effort level ({@code effort}); a level made of digits only (see
 *     {@link Builder#effort(int)}) is sent as a number
 * @param permissionMode the permission mode the agent's tools run under ({@code permissionMode})
 * @param observer the agent type, or up to four comma-separated ones, started as a read-only
 *     background observer whenever this agent runs ({@code observer}, 2.1.332)
 * @param observerMessage text appended to each activity digest the observer receives
 *     ({@code observerMessage}, 2.1.332)
 */
public record AgentDefinition(
        String description,
        String prompt,
        Optional<List<String>> tools,
        List<String> disallowedTools,
        Optional<String> model,
        OptionalInt maxTurns,
        List<McpServer> mcpServers,
        Optional<String> criticalSystemReminder,
        List<String> skills,
        Optional<String> initialPrompt,
        OptionalInt autoCompactWindow,
        boolean background,
        boolean omitClaudeMd,
        Optional<Memory> memory,
        Optional<Effort> effort,
        Optional<PermissionMode> permissionMode,
        Optional<String> observer,
        Optional<String> observerMessage) {

    /** The smallest {@code autoCompactWindow} the CLI accepts, in tokens. */
    public static final int MIN_AUTO_COMPACT_WINDOW = 100_000;

    /** Where an agent's memory files live ({@code memory}). */
    public enum Memory {
        /** {@code ~/.claude/agent-memory/<agentType>/}. */
        USER("user"),
        /** {@code .claude/agent-memory/<agentType>/} in the project. */
        PROJECT("project"),
        /** {@code .claude/agent-memory-local/<agentType>/} in the project. */
        LOCAL("local");

        private final String value;

        Memory(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    /** One MCP server of an agent: the name of a session server, or a server defined for the agent alone. */
    public sealed interface McpServer permits McpServer.Named, McpServer.Inline {

        /**
         * A server the session already has, by name.
         *
         * @param name the server's name
         * @return the reference
         */
        static Named named(String name) {
            return new Named(name);
        }

        /**
         * A server defined for this agent alone.
         *
         * @param name the server's name
         * @param config how the CLI reaches it: stdio, SSE or HTTP (an in-process server belongs in
         *     the session's {@code mcpServers})
         * @return the definition
         */
        static Inline inline(String name, McpServerConfig config) {
            return new Inline(name, config);
        }

        /**
         * A server the session already has, sent as its name.
         *
         * @param name the server's name, not blank
         */
        record Named(String name) implements McpServer {

            /** Validates the name. */
            public Named {
                requireText(name, "an agent's MCP server name");
            }
        }

        /**
         * A server defined for the agent, sent as {@code {"name": config}}.
         *
         * @param name the server's name, not blank
         * @param config the server, not an in-process one
         */
        record Inline(String name, McpServerConfig config) implements McpServer {

            /** Validates the values. */
            public Inline {
                requireText(name, "an agent's MCP server name");
                Objects.requireNonNull(config, "config");
                if (config instanceof McpServerConfig.Sdk) {
                    throw new InvalidOptionsException("the in-process MCP server '" + name + "' cannot be an agent's own"
                            + " server (the CLI ignores it there); add it to the session's mcpServers and name it here");
                }
            }
        }
    }

    /**
     * Validates and copies the components.
     *
     * @throws InvalidOptionsException when a value is out of range
     */
    public AgentDefinition {
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new InvalidOptionsException("an agent needs a description: the model picks agents by it");
        }
        Objects.requireNonNull(prompt, "prompt");
        tools = tools == null ? Optional.empty() : tools.map(List::copyOf);
        disallowedTools = disallowedTools == null ? List.of() : List.copyOf(disallowedTools);
        model = orEmpty(model);
        if (model.filter(String::isBlank).isPresent()) {
            throw new InvalidOptionsException("an agent's model must not be blank");
        }
        maxTurns = maxTurns == null ? OptionalInt.empty() : maxTurns;
        if (maxTurns.isPresent() && maxTurns.getAsInt() <= 0) {
            throw new InvalidOptionsException("an agent's maxTurns must be positive");
        }
        mcpServers = mcpServers == null ? List.of() : List.copyOf(mcpServers);
        criticalSystemReminder = orEmpty(criticalSystemReminder);
        skills = skills == null ? List.of() : List.copyOf(skills);
        skills.forEach(skill -> requireText(skill, "an agent's skill name"));
        initialPrompt = orEmpty(initialPrompt);
        autoCompactWindow = autoCompactWindow == null ? OptionalInt.empty() : autoCompactWindow;
        if (autoCompactWindow.isPresent() && autoCompactWindow.getAsInt() < MIN_AUTO_COMPACT_WINDOW) {
            throw new InvalidOptionsException("an agent's autoCompactWindow must be at least " + MIN_AUTO_COMPACT_WINDOW
                    + " tokens (CLI 2.1.332 drops an agent with a smaller one), was " + autoCompactWindow.getAsInt());
        }
        memory = orEmpty(memory);
        effort = orEmpty(effort);
        permissionMode = orEmpty(permissionMode);
        observer = orEmpty(observer);
        observer.ifPresent(AgentDefinition::checkObserver);
        observerMessage = orEmpty(observerMessage);
    }

    /**
     * The six fields of the first agent definitions, for code written against them.
     *
     * @param description when the model should use this agent
     * @param prompt the agent's system prompt
     * @param tools the allowed tools, or empty to inherit
     * @param disallowedTools the forbidden tools
     * @param model the model, or empty
     * @param maxTurns the most agentic turns, or empty
     */
    public AgentDefinition(String description, String prompt, Optional<List<String>> tools, List<String> disallowedTools,
            Optional<String> model, OptionalInt maxTurns) {
        this(description, prompt, tools, disallowedTools, model, maxTurns, List.of(), Optional.empty(), List.of(),
                Optional.empty(), OptionalInt.empty(), false, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
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
        builder.mcpServers = new ArrayList<>(mcpServers);
        builder.criticalSystemReminder = criticalSystemReminder.orElse(null);
        builder.skills = skills;
        builder.initialPrompt = initialPrompt.orElse(null);
        builder.autoCompactWindow = autoCompactWindow.isPresent() ? autoCompactWindow.getAsInt() : null;
        builder.background = background;
        builder.omitClaudeMd = omitClaudeMd;
        builder.memory = memory.orElse(null);
        builder.effort = effort.orElse(null);
        builder.permissionMode = permissionMode.orElse(null);
        builder.observer = observer.orElse(null);
        builder.observerMessage = observerMessage.orElse(null);
        return builder;
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new InvalidOptionsException(what + " must not be blank");
        }
    }

    private static void checkObserver(String observer) {
        String[] names = observer.split(",", -1);
        if (names.length > 4) {
            throw new InvalidOptionsException("an agent has at most four observers, was '" + observer + "'");
        }
        for (String name : names) {
            if (name.isBlank()) {
                throw new InvalidOptionsException("an agent's observer list must not contain a blank name: '" + observer + "'");
            }
        }
    }

    /** Collects the settings of an {@link AgentDefinition}. Not thread-safe. */
    public static final class Builder {

        private String description;
        private String prompt;
        private List<String> tools;
        private List<String> disallowedTools = List.of();
        private String model;
        private Integer maxTurns;
        private List<McpServer> mcpServers = new ArrayList<>();
        private String criticalSystemReminder;
        private List<String> skills = List.of();
        private String initialPrompt;
        private Integer autoCompactWindow;
        private boolean background;
        private boolean omitClaudeMd;
        private Memory memory;
        private Effort effort;
        private PermissionMode permissionMode;
        private String observer;
        private String observerMessage;

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
         * @param model the model alias or id the agent runs on, or {@code inherit}; null for the default
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
         * Gives the agent an MCP server the session has ({@code mcpServers}).
         *
         * @param name the server's name
         * @return this builder
         */
        public Builder mcpServer(String name) {
            mcpServers.add(McpServer.named(name));
            return this;
        }

        /**
         * Gives the agent an MCP server of its own ({@code mcpServers}).
         *
         * @param name the server's name
         * @param config how the CLI reaches it
         * @return this builder
         */
        public Builder mcpServer(String name, McpServerConfig config) {
            mcpServers.add(McpServer.inline(name, config));
            return this;
        }

        /**
         * Sets the agent's MCP servers.
         *
         * @param servers the servers, replacing those set before; null for none
         * @return this builder
         */
        public Builder mcpServers(List<McpServer> servers) {
            this.mcpServers = servers == null ? new ArrayList<>() : new ArrayList<>(servers);
            return this;
        }

        /**
         * Sets an experimental reminder added to the agent's system prompt.
         *
         * @param reminder the reminder ({@code criticalSystemReminder_EXPERIMENTAL}); null for none
         * @return this builder
         */
        public Builder criticalSystemReminder(String reminder) {
            this.criticalSystemReminder = reminder;
            return this;
        }

        /**
         * Preloads skills into the agent's context.
         *
         * @param skills skill names ({@code skills}); null for none
         * @return this builder
         */
        public Builder skills(List<String> skills) {
            this.skills = skills == null ? List.of() : List.copyOf(skills);
            return this;
        }

        /**
         * Preloads skills into the agent's context.
         *
         * @param skills skill names
         * @return this builder
         */
        public Builder skills(String... skills) {
            return skills(List.of(skills));
        }

        /**
         * Sets the first user turn the agent sends when it runs the main thread.
         *
         * @param initialPrompt the prompt ({@code initialPrompt}); null for none
         * @return this builder
         */
        public Builder initialPrompt(String initialPrompt) {
            this.initialPrompt = initialPrompt;
            return this;
        }

        /**
         * Sets the token count at which the agent, as a subagent, compacts its conversation.
         *
         * @param tokens a token count of at least {@link AgentDefinition#MIN_AUTO_COMPACT_WINDOW} ({@code autoCompactWindow}); null to inherit
         * @return this builder
         */
        public Builder autoCompactWindow(Integer tokens) {
            this.autoCompactWindow = tokens;
            return this;
        }

        /**
         * Makes the agent run as a background task whenever it is used.
         *
         * @param background whether it runs in the background ({@code background})
         * @return this builder
         */
        public Builder background(boolean background) {
            this.background = background;
            return this;
        }

        /**
         * Runs the agent, as a subagent, without the user, project and local {@code CLAUDE.md} files.
         *
         * @param omit whether to leave them out ({@code omitClaudeMd})
         * @return this builder
         */
        public Builder omitClaudeMd(boolean omit) {
            this.omitClaudeMd = omit;
            return this;
        }

        /**
         * Sets where the agent's memory files are loaded from.
         *
         * @param memory the scope ({@code memory}); null for none
         * @return this builder
         */
        public Builder memory(Memory memory) {
            this.memory = memory;
            return this;
        }

        /**
         * Sets the agent's effort level.
         *
         * @param effort the level ({@code effort}); null for the session's
         * @return this builder
         */
        public Builder effort(Effort effort) {
            this.effort = effort;
            return this;
        }

        /**
         * Sets the agent's effort as a number, which the CLI also accepts.
         *
         * @param effort a positive effort value
         * @return this builder
         */
        public Builder effort(int effort) {
            if (effort <= 0) {
                throw new InvalidOptionsException("an agent's numeric effort must be positive, was " + effort);
            }
            this.effort = Effort.of(Integer.toString(effort));
            return this;
        }

        /**
         * Sets the permission mode of the agent's tools.
         *
         * @param mode the mode ({@code permissionMode}); null for the session's
         * @return this builder
         */
        public Builder permissionMode(PermissionMode mode) {
            this.permissionMode = mode;
            return this;
        }

        /**
         * Starts observer agents whenever this agent runs.
         *
         * @param observer an agent type, or up to four comma-separated ones ({@code observer}); null for none
         * @return this builder
         */
        public Builder observer(String observer) {
            this.observer = observer;
            return this;
        }

        /**
         * Appends text to each activity digest sent to the observer.
         *
         * @param message the text ({@code observerMessage}); null for none
         * @return this builder
         */
        public Builder observerMessage(String message) {
            this.observerMessage = message;
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
                    Optional.ofNullable(model), maxTurns == null ? OptionalInt.empty() : OptionalInt.of(maxTurns),
                    mcpServers, Optional.ofNullable(criticalSystemReminder), skills, Optional.ofNullable(initialPrompt),
                    autoCompactWindow == null ? OptionalInt.empty() : OptionalInt.of(autoCompactWindow), background,
                    omitClaudeMd, Optional.ofNullable(memory), Optional.ofNullable(effort), Optional.ofNullable(permissionMode),
                    Optional.ofNullable(observer), Optional.ofNullable(observerMessage));
        }
    }
}
