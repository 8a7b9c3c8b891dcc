package dev.claudecode.console.session;

import dev.claudecode.testkit.ApiMessage;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.StandInModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's offline model: the testkit's {@link StandInModel}, which also runs a shell command
 * when asked to in backquotes ("Run {@code `ls -la`}"), so that tool calls and permission questions can
 * be tried without an API key.
 */
public final class OfflineModel implements Function<RecordedRequest, Reply> {

    private static final String NO_TITLE = "";
    private static final Pattern RUN = Pattern.compile("(?i)\\brun\\s+`([^`]+)`");

    private final StandInModel standIn = new StandInModel();

    /** @return the offline model as the default reply of a {@link dev.claudecode.testkit.FakeClaudeApi} */
    public static Reply reply() {
        return Reply.from(new OfflineModel());
    }

    /**
     * The answers to the CLI's side requests: "OK", and an empty title to the session-title
     * request, which the CLI takes as no title. The stand-in cannot say what a session is about, and
     * one canned title would name every session alike; untitled, a session is listed by its first
     * prompt.
     *
     * @return the side reply of a {@link dev.claudecode.testkit.FakeClaudeApi}
     */
    public static Function<RecordedRequest, Reply> sideReply() {
        return FakeClaudeApi.standardSideReply(NO_TITLE);
    }

    /** Creates the model. */
    public OfflineModel() {
    }

    @Override
    public Reply apply(RecordedRequest request) {
        return command(request)
                .<Reply>map(command -> Reply.toolUse("Bash", Map.of("command", command, "description", "Run the command the user asked for")))
                .orElseGet(() -> standIn.apply(request));
    }

    private static Optional<String> command(RecordedRequest request) {
        List<ApiMessage> messages = request.messages();
        if (!request.isMain() || messages.isEmpty() || !messages.getLast().blocks("tool_result").isEmpty()) {
            return Optional.empty();
        }
        return request.lastUserText().map(RUN::matcher).filter(Matcher::find).map(matcher -> matcher.group(1).strip());
    }
}
