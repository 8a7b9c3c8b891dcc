package dev.claudecode.internal.history;

import dev.claudecode.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Finds the prompt a person would recognise a session by among its first user records, skipping
 * what the CLI writes on its own behalf: meta records, compaction summaries, tool results,
 * interruption notes and XML-wrapped command output.
 */
public final class FirstPrompt {

    private static final Pattern COMMAND_NAME = Pattern.compile("<command-name>(.*?)</command-name>", Pattern.DOTALL);
    private static final Pattern BASH_INPUT = Pattern.compile("<bash-input>(.*?)</bash-input>", Pattern.DOTALL);
    private static final Pattern WRAPPED_OR_NOTE =
            Pattern.compile("^(?:\\s*<[a-z][\\w-]*[\\s>]|\\[Request interrupted by user[^\\]]*\\])");

    private final List<String> commandFallbacks = new ArrayList<>();
    private String prompt;

    /** Starts a search; offer records in file order. */
    public FirstPrompt() {
    }

    /**
     * Offers the next record, in file order.
     *
     * @param record a transcript record
     * @return whether a prompt has been found (later records need not be offered)
     */
    public boolean offer(JsonNode record) {
        if (prompt != null) {
            return true;
        }
        if (!"user".equals(Json.text(record, "type", "")) || Json.bool(record, "isMeta", false)
                || Json.bool(record, "isCompactSummary", false)) {
            return false;
        }
        JsonNode content = record.path("message").path("content");
        List<String> texts = new ArrayList<>();
        if (content.isString()) {
            texts.add(content.stringValue());
        } else if (content.isArray()) {
            for (JsonNode block : content) {
                String type = Json.text(block, "type", "");
                if ("tool_result".equals(type)) {
                    return false;
                }
                if ("text".equals(type)) {
                    Json.text(block, "text").ifPresent(texts::add);
                }
            }
        }
        for (String raw : texts) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher command = COMMAND_NAME.matcher(text);
            if (command.find()) {
                commandFallbacks.add(command.group(1).strip());
                continue;
            }
            Matcher bash = BASH_INPUT.matcher(text);
            if (bash.find()) {
                prompt = "! " + bash.group(1).strip();
                return true;
            }
            if (WRAPPED_OR_NOTE.matcher(text).find()) {
                continue;
            }
            prompt = text;
            return true;
        }
        return false;
    }

    /** @return the prompt found so far, or null (a slash command's name does not count) */
    public String prompt() {
        return prompt;
    }

    /** @return the name of the first slash command offered, or null */
    public String firstCommand() {
        return commandFallbacks.isEmpty() ? null : commandFallbacks.getFirst();
    }

    /**
     * The prompt found, else the name of the first slash command that was run, else null.
     *
     * @return the first prompt, or null
     */
    public String result() {
        if (prompt != null) {
            return prompt;
        }
        return commandFallbacks.isEmpty() ? null : commandFallbacks.getFirst();
    }
}
