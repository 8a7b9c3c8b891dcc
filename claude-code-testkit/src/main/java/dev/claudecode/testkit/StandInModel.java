package dev.claudecode.testkit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A deterministic offline stand-in for a model, for running Claude Code without an API key. It
 * answers arithmetic with the bare number ("What is 5 + 3?" gives {@code 8}, and a follow-up "And
 * times 2?" gives {@code 16}), and everything else with text that says it comes from
 * {@value #LABEL}: a greeting, a summary of tool results it was sent, or an echo of the prompt.
 * The session-title request gets a fixed title.
 *
 * <pre>{@code
 * try (FakeClaudeApi api = FakeClaudeApi.standIn()) { ... }
 * // or, as any reply function:
 * api.enqueue(Reply.from(new StandInModel()));
 * }</pre>
 */
public final class StandInModel implements Function<RecordedRequest, Reply> {

    /** The label that marks every non-numeric answer. */
    public static final String LABEL = "(offline stand-in model)";

    /** The session title the stand-in gives. */
    public static final String TITLE = "Offline stand-in session";

    private static final int MAX_ECHO = 500;
    private static final int MAX_TOOL_TEXT = 200;
    private static final Pattern GREETING = Pattern.compile(
            "^(hi|hello|hey|hallo|howdy|greetings|good (morning|afternoon|evening))\\b.*", Pattern.DOTALL);

    /** Creates the stand-in; it keeps no state. */
    public StandInModel() {
    }

    /**
     * The stand-in as a reply, e.g. for {@link FakeClaudeApi.Builder#defaultReply(Reply)}.
     *
     * @return a dynamic reply backed by a new stand-in
     */
    public static DynamicReply reply() {
        return Reply.from(new StandInModel());
    }

    /**
     * Answers a request with one text block.
     *
     * @param request the request
     * @return the reply
     */
    @Override
    public Reply apply(RecordedRequest request) {
        return Reply.text(answer(request));
    }

    /**
     * The text the stand-in answers a request with.
     *
     * @param request the request
     * @return the answer
     */
    public String answer(RecordedRequest request) {
        if (request.kind() == RequestKind.TITLE) {
            return TestkitJson.write(Map.of("title", TITLE));
        }
        List<ApiMessage> messages = request.messages();
        Optional<ApiMessage> last = messages.isEmpty() ? Optional.empty() : Optional.of(messages.getLast());
        if (last.isPresent() && !last.get().blocks("tool_result").isEmpty()) {
            return summarizeToolResults(request);
        }
        Optional<String> prompt = request.lastUserText();
        if (prompt.isEmpty()) {
            return LABEL + " I received no text.";
        }
        String text = prompt.get();
        Optional<String> sum = Arithmetic.answer(text, previousNumber(messages));
        if (sum.isPresent()) {
            return sum.get();
        }
        if (GREETING.matcher(text.strip().toLowerCase(Locale.ROOT)).matches()) {
            return "Hello! I am the " + LABEL.substring(1, LABEL.length() - 1)
                    + ": no API key is set, so my answers are simple and canned.";
        }
        return LABEL + " You said: " + abbreviate(text, MAX_ECHO);
    }

    private static String summarizeToolResults(RecordedRequest request) {
        List<ToolResult> results = request.toolResults();
        List<ApiMessage> messages = request.messages();
        // only the results of the newest user message answer the tool calls just made
        int newest = messages.getLast().blocks("tool_result").size();
        return results.subList(results.size() - newest, results.size()).stream()
                .map(result -> result.toolName().map(name -> "The " + name + " tool").orElse("The tool")
                        + (result.isError() ? " failed: " : " returned: ")
                        + abbreviate(result.text().strip(), MAX_TOOL_TEXT))
                .collect(Collectors.joining("\n", LABEL + " ", ""));
    }

    private static Optional<BigDecimal> previousNumber(List<ApiMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("assistant")) {
                return Arithmetic.number(messages.get(i).text());
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
