package dev.claudecode.elicitation;

/**
 * Answers the questions MCP servers ask the user ({@code elicitation/create}), for example by
 * showing a form or a link to a person. Set it on the session's options with {@code onElicitation}.
 *
 * <pre>{@code
 * ElicitationHandler handler = request -> switch (request.mode()) {
 *     case FORM -> ElicitationResult.accept(Map.of("name", "Ada"));
 *     case URL -> ElicitationResult.decline();
 * };
 * }</pre>
 *
 * <p>It runs on a virtual thread of its own, never on the thread that reads the CLI, and several
 * may run at once. Each call is bounded by the session's elicitation timeout and interrupted when
 * the CLI withdraws the question (the turn was interrupted, or the server gave up): blocking calls
 * then throw {@link InterruptedException}. A handler that throws or does not answer in time cancels
 * the question; one that returns {@code null} declines it. The CLI's {@code Elicitation} hooks run
 * first: a hook that answers means the handler is not asked.
 */
@FunctionalInterface
public interface ElicitationHandler {

    /**
     * Answers one question.
     *
     * @param request what the server asks
     * @return accept (with the form's values), decline or cancel
     * @throws Exception any failure, which cancels the question
     */
    ElicitationResult answer(ElicitationRequest request) throws Exception;
}
