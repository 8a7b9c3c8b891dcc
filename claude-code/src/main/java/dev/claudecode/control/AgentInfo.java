package dev.claudecode.control;

import java.util.Objects;
import java.util.Optional;

/**
 * A subagent the session offers, built in or defined through {@link dev.claudecode.options.ClaudeCodeOptions#agents()}.
 *
 * @param name the agent type the model names when it uses the agent, e.g. {@code Explore}
 * @param description when the agent is meant to be used
 * @param model the model alias the agent runs on; empty when it uses the session's model
 */
public record AgentInfo(String name, String description, Optional<String> model) {

    /** Validates the components. */
    public AgentInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(model, "model");
    }
}
