package dev.claudecode.console.session;

import java.util.Objects;

/**
 * A prompt of the current conversation, as the console sent it: its number, shown to the person,
 * and the uuid the console gave the user message, which is what rewinding files goes back to.
 *
 * @param number the prompt's place in the conversation, from 1
 * @param messageId the uuid of the user message
 * @param text what the person said
 */
public record SentPrompt(int number, String messageId, String text) {

    /** Checks the components. */
    public SentPrompt {
        if (number < 1) {
            throw new IllegalArgumentException("a prompt's number starts at 1, was " + number);
        }
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(text, "text");
    }
}
