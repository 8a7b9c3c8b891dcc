package dev.claudecode.console.session;

import dev.claudecode.elicitation.ElicitationHandler;
import dev.claudecode.elicitation.ElicitationMode;
import dev.claudecode.elicitation.ElicitationRequest;
import dev.claudecode.elicitation.ElicitationResult;
import dev.claudecode.elicitation.UserDialogHandler;
import dev.claudecode.elicitation.UserDialogRequest;
import dev.claudecode.elicitation.UserDialogResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The session's elicitation and user dialog handlers: every question of an MCP server, and every
 * dialog of a kind in {@link #DIALOG_KINDS}, is put to a person through a {@link QuestionPrompt}.
 * A dialog is shown as a form with one choice; choosing answers the dialog, declining or
 * cancelling dismisses it (the CLI then applies its default).
 */
final class PromptedQuestions implements ElicitationHandler, UserDialogHandler {

    /** The dialog kinds the console shows: the offer to retry a refused answer on the fallback model. */
    static final List<String> DIALOG_KINDS = List.of(UserDialogRequest.REFUSAL_FALLBACK_PROMPT);
    /** The name of the one field of a dialog's form. */
    static final String CHOICE = "choice";

    private final QuestionPrompt prompt;

    PromptedQuestions(QuestionPrompt prompt) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    @Override
    public ElicitationResult answer(ElicitationRequest request) {
        return prompt.answer(Question.create("MCP server \"" + request.serverName() + "\"", request));
    }

    @Override
    public UserDialogResult answer(UserDialogRequest request) {
        Optional<ElicitationRequest> form = form(request);
        if (form.isEmpty()) {
            return UserDialogResult.cancelled();
        }
        return prompt.answer(Question.create("Claude Code", form.get())) instanceof ElicitationResult.Accept accept
                && accept.content().get(CHOICE) instanceof String choice
                ? UserDialogResult.completed(choice) : UserDialogResult.cancelled();
    }

    /**
     * A dialog as a form with one choice.
     *
     * @param request the dialog
     * @return the form, for a kind the console shows
     */
    static Optional<ElicitationRequest> form(UserDialogRequest request) {
        if (!request.dialogKind().equals(UserDialogRequest.REFUSAL_FALLBACK_PROMPT)) {
            return Optional.empty();
        }
        String original = request.payloadString("originalModel").orElse("the model");
        String fallback = request.payloadString("fallbackModel").orElse("the fallback model");
        String message = original + " declined to answer." + request.payloadString("guidanceText").map(text -> " " + text).orElse("")
                + " Retry on " + fallback + ", or edit the prompt?";
        Map<String, Object> schema = Map.of("type", "object", "required", List.of(CHOICE), "properties", Map.of(CHOICE, Map.of(
                "type", "string", "title", "What now",
                "oneOf", List.of(Map.of("const", "retry_fallback", "title", "Retry on " + fallback),
                        Map.of("const", "edit_prompt", "title", "Edit the prompt")))));
        return Optional.of(new ElicitationRequest("claude-code", message, ElicitationMode.FORM, Optional.empty(), Optional.empty(),
                schema, List.of(CHOICE), Optional.of("Refused answer"), Optional.empty(), Optional.empty(), request.raw()));
    }
}
