package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The list of slash commands changed ({@code system/commands_changed}); it replaces the list known
 * before.
 *
 * @param commands every command now available
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON
 */
public record CommandsChangedMessage(
        List<SlashCommand> commands, Optional<String> sessionId, Optional<String> uuid, Map<String, Object> raw)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "commands_changed";

    /** Copies the components. */
    public CommandsChangedMessage {
        commands = commands == null ? List.of() : List.copyOf(commands);
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
