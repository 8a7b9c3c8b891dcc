package dev.claudecode.console.session;

import dev.claudecode.elicitation.ElicitationMode;
import dev.claudecode.elicitation.ElicitationRequest;
import java.util.Objects;
import java.util.UUID;

/**
 * A question for the person at the console: a form to fill in or a page to open, as an MCP server
 * asks for it through elicitation, or a choice the CLI offers in a dialog (shown as a form with one
 * choice).
 *
 * @param requestId the console's id for the question, unique within its session
 * @param asker who asks, such as {@code MCP server "github"}
 * @param request what is asked: the message, and the form's fields or the page
 */
public record Question(String requestId, String asker, ElicitationRequest request) {

    /** Checks the components. */
    public Question {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(request, "request");
    }

    /**
     * A question with a fresh id.
     *
     * @param asker who asks
     * @param request what is asked
     * @return the question
     */
    public static Question create(String asker, ElicitationRequest request) {
        return new Question(UUID.randomUUID().toString(), asker, request);
    }

    /** @return whether the person is asked to open a page rather than fill in a form */
    public boolean isUrl() {
        return request.mode() == ElicitationMode.URL;
    }

    /** @return the question in a few words, such as {@code MCP server "asker": Who are you?} */
    public String describe() {
        return asker + ": " + ToolSummary.oneLine(request.message(), 80);
    }
}
