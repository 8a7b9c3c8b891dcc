package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.message.SlashCommand;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the CLI reported about itself when the session's process started: the answer to the
 * {@code initialize} request. A new process (after a crash or {@link dev.claudecode.Session#clear()}) answers
 * again, so the values can change over a session's life.
 *
 * @param commands the slash commands and skills the session offers
 * @param agents the subagents the model can use, including those of {@link dev.claudecode.options.ClaudeCodeOptions#agents()}
 * @param models the models the session can switch to with {@link SessionControl#setModel(String)}
 * @param account who the CLI runs as
 * @param outputStyle the output style in effect ({@code output_style})
 * @param availableOutputStyles the output styles there are ({@code available_output_styles})
 * @param fastModeState the fast mode state ({@code fast_mode_state}): {@code off}, {@code on} or
 *     {@code cooldown}; reported only where fast mode exists
 * @param pid the CLI's process id on the machine it runs on
 * @param raw the whole answer as plain JSON, including fields this library does not model
 */
public record ServerInfo(
        List<SlashCommand> commands,
        List<AgentInfo> agents,
        List<ModelInfo> models,
        AccountInfo account,
        String outputStyle,
        List<String> availableOutputStyles,
        Optional<String> fastModeState,
        OptionalLong pid,
        Map<String, Object> raw) {

    /** Validates and copies the components. */
    public ServerInfo {
        commands = List.copyOf(Objects.requireNonNull(commands, "commands"));
        agents = List.copyOf(Objects.requireNonNull(agents, "agents"));
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(outputStyle, "outputStyle");
        availableOutputStyles = List.copyOf(Objects.requireNonNull(availableOutputStyles, "availableOutputStyles"));
        Objects.requireNonNull(fastModeState, "fastModeState");
        Objects.requireNonNull(pid, "pid");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * Finds a model by the value {@link SessionControl#setModel(String)} takes.
     *
     * @param value e.g. {@code sonnet} or {@code default}
     * @return the model, when the CLI offers it
     */
    public Optional<ModelInfo> model(String value) {
        return models.stream().filter(model -> model.value().equals(value)).findFirst();
    }

    /**
     * Finds a subagent by name.
     *
     * @param name e.g. {@code Explore}
     * @return the agent, when the session has it
     */
    public Optional<AgentInfo> agent(String name) {
        return agents.stream().filter(agent -> agent.name().equals(name)).findFirst();
    }
}
