package dev.claudecode.console.session;

import dev.claudecode.elicitation.ElicitationResult;

/**
 * Puts a {@link Question} to a person: the terminal asks field by field, the web console shows a
 * form in the page. The call blocks its (virtual) thread until the person answers; the library
 * bounds the wait and interrupts the thread when the time runs out or the CLI withdraws the
 * question, and an interrupted question is cancelled.
 */
@FunctionalInterface
public interface QuestionPrompt {

    /**
     * Asks and waits for the answer, or for the thread to be interrupted.
     *
     * @param question what to ask
     * @return accept with the form's values, decline, or cancel (also when interrupted)
     */
    ElicitationResult answer(Question question);
}
