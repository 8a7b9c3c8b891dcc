package dev.claudecode.console.terminal;

import dev.claudecode.console.session.Question;
import dev.claudecode.console.session.QuestionPrompt;
import dev.claudecode.elicitation.ElicitationField;
import dev.claudecode.elicitation.ElicitationRequest;
import dev.claudecode.elicitation.ElicitationResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Asks at the terminal what an MCP server (or a dialog of the CLI) wants to know. First whether to
 * answer at all: {@code [y/n/c]} for fill in (or, for a page, opened and done), decline, cancel.
 * Then each field of a form on a line of its own, with what it takes; a value that does not fit
 * is asked again, up to three times. The end of the input, or a question withdrawn before it was
 * answered (its thread interrupted), cancels. Questions asked at the same time as each other or as
 * permission prompts are asked one after another.
 */
public final class TerminalQuestionPrompt implements QuestionPrompt {

    private static final int TRIES = 3;

    private final TerminalInput input;
    private final TurnPrinter printer;
    private final ReentrantLock asking;

    /**
     * @param input where the answers are typed
     * @param printer where the questions are printed
     * @param asking held while a question is asked, shared with the permission prompt
     */
    public TerminalQuestionPrompt(TerminalInput input, TurnPrinter printer, ReentrantLock asking) {
        this.input = input;
        this.printer = printer;
        this.asking = asking;
    }

    @Override
    public ElicitationResult answer(Question question) {
        try {
            asking.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ElicitationResult.cancel();
        }
        try {
            ElicitationResult result = ask(question);
            printer.line(switch (result) {
                case ElicitationResult.Accept accept -> question.isUrl() ? "  done" : "  sent";
                case ElicitationResult.Decline decline -> "  declined";
                case ElicitationResult.Cancel cancel -> Thread.currentThread().isInterrupted()
                        ? "  cancelled: the question was withdrawn or not answered in time" : "  cancelled";
            });
            return result;
        } finally {
            asking.unlock();
        }
    }

    private ElicitationResult ask(Question question) {
        ElicitationRequest request = question.request();
        printer.line("? " + printable(question.asker()) + (question.isUrl() ? " asks you to open a page: " : " asks: ")
                + printable(request.message()));
        request.title().ifPresent(title -> printer.line("  " + printable(title)));
        if (question.isUrl()) {
            printer.line("  " + printable(request.url().orElse("(no address given)")));
        }
        Optional<String> start = read(question.isUrl()
                ? "  opened it and done (y), decline (n) or cancel (c)? [y/n/c] "
                : "  fill in the form (y), decline (n) or cancel (c)? [y/n/c] ");
        String choice = start.map(answer -> answer.strip().toLowerCase(Locale.ROOT)).orElse("c");
        switch (choice) {
            case "y", "yes" -> {
            }
            case "n", "no", "decline" -> {
                return ElicitationResult.decline();
            }
            default -> {
                return ElicitationResult.cancel();
            }
        }
        if (question.isUrl()) {
            return ElicitationResult.accept();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ElicitationField field : request.fields()) {
            Optional<Optional<Object>> value = field(field);
            if (value.isEmpty()) {
                return ElicitationResult.cancel();
            }
            value.get().ifPresent(v -> values.put(field.name(), v));
        }
        return ElicitationResult.accept(values);
    }

    /** @return the field's value (empty to leave it out), or nothing when the question ends unanswered */
    private Optional<Optional<Object>> field(ElicitationField field) {
        field.description().ifPresent(description -> printer.line("  " + printable(description)));
        String label = "  " + printable(field.label()) + " (" + printable(field.hint()) + (field.required() ? ", required" : "")
                + field.defaultValue().map(value -> ", Enter for " + printable(String.valueOf(value))).orElse("") + "): ";
        for (int tries = 0; tries < TRIES; tries++) {
            Optional<String> typed = read(label);
            if (typed.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(field.parse(typed.get()));
            } catch (IllegalArgumentException e) {
                printer.line("  ! " + printable(e.getMessage()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> read(String prompt) {
        if (Thread.currentThread().isInterrupted()) {
            return Optional.empty();
        }
        printer.ask(prompt);
        Optional<String> answer = input.answer();
        printer.questionClosed(answer);
        return answer;
    }

    // what a server sends must not steer the terminal: control characters (escape sequences) are shown as '?'
    static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
