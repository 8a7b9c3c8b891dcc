package dev.claudecode.message;

import java.util.List;
import java.util.Objects;

/**
 * The list of slash commands changed ({@code system/commands_changed}); it replaces the list known
 * before.
 *
 * @param commands every command now available
 * @param envelope the session id, uuid and JSON of the message
 */
public record CommandsChangedMessage(
        List<SlashCommand> commands, Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "commands_changed";

    /** Copies the components. */
    public CommandsChangedMessage {
        commands = List.copyOf(Objects.requireNonNull(commands, "commands"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
