package dev.claudecode.message;

import java.util.List;
import java.util.Objects;

/**
 * A slash command or skill the session offers, as listed by {@code commands_changed} and by the
 * {@code initialize} response.
 *
 * @param name the name without the leading slash
 * @param description what the command does
 * @param argumentHint a hint for its arguments ({@code argumentHint}), empty when none
 * @param aliases other names that run it
 */
public record SlashCommand(String name, String description, String argumentHint, List<String> aliases) {

    /** Validates and copies the components. */
    public SlashCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(argumentHint, "argumentHint");
        aliases = List.copyOf(Objects.requireNonNull(aliases, "aliases"));
    }
}
