package dev.claudecode.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.elicitation.ElicitationField;
import dev.claudecode.elicitation.ElicitationRequest;
import dev.claudecode.elicitation.ElicitationResult;
import dev.claudecode.elicitation.UserDialogRequest;
import dev.claudecode.elicitation.UserDialogResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PromptedQuestionsTest {

    private static final UserDialogRequest REFUSAL = UserDialogRequest.of(UserDialogRequest.REFUSAL_FALLBACK_PROMPT,
            Map.of("originalModel", "claude-a", "fallbackModel", "claude-b"));

    @Test
    void anMcpQuestionIsPutToThePersonWithTheServerAsAsker() {
        List<Question> asked = new CopyOnWriteArrayList<>();
        PromptedQuestions handlers = new PromptedQuestions(question -> {
            asked.add(question);
            return ElicitationResult.decline();
        });
        ElicitationRequest request = ElicitationRequest.url("github", "Sign in", "https://example.test");
        assertThat(handlers.answer(request)).isEqualTo(ElicitationResult.decline());
        assertThat(asked.getFirst().asker()).isEqualTo("MCP server \"github\"");
        assertThat(asked.getFirst().request()).isSameAs(request);
        assertThat(asked.getFirst().isUrl()).isTrue();
    }

    @Test
    void aRefusalDialogIsAChoiceAndTheChoiceAnswersIt() {
        List<Question> asked = new CopyOnWriteArrayList<>();
        PromptedQuestions handlers = new PromptedQuestions(question -> {
            asked.add(question);
            return ElicitationResult.accept(question.request().parseForm(Map.of(PromptedQuestions.CHOICE, "1")));
        });
        assertThat(handlers.answer(REFUSAL)).isEqualTo(UserDialogResult.completed("retry_fallback"));
        ElicitationRequest form = asked.getFirst().request();
        assertThat(form.message()).contains("claude-a declined to answer", "Retry on claude-b");
        ElicitationField choice = form.fields().getFirst();
        assertThat(choice.type()).isEqualTo(ElicitationField.Type.CHOICE);
        assertThat(choice.choices()).containsExactly("retry_fallback", "edit_prompt");
        assertThat(choice.choiceLabels()).containsExactly("Retry on claude-b", "Edit the prompt");
    }

    @Test
    void aDeclinedDialogOrOneOfAnotherKindIsCancelled() {
        PromptedQuestions declining = new PromptedQuestions(question -> ElicitationResult.decline());
        assertThat(declining.answer(REFUSAL)).isEqualTo(UserDialogResult.cancelled());
        PromptedQuestions never = new PromptedQuestions(question -> {
            throw new AssertionError("a kind the console does not show is not asked");
        });
        assertThat(never.answer(UserDialogRequest.of("auto_mode_outside_reads", Map.of()))).isEqualTo(UserDialogResult.cancelled());
    }
}
