package dev.claudecode.console;

import dev.claudecode.console.session.TranscriptLine;
import dev.claudecode.console.terminal.TerminalText;
import dev.claudecode.console.terminal.TranscriptPrinter;
import dev.claudecode.history.History;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.Page;
import dev.claudecode.history.SessionInfo;
import dev.claudecode.history.SessionListQuery;
import dev.claudecode.history.SessionMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show}: prints a stored session's conversation. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the conversation of a stored session.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SESSION_ID", description = "The session's id, as `sessions` lists it, or the start of it that no other id shares.")
    String sessionId;

    @Spec
    CommandSpec spec;

    @Option(names = "--config-dir", description = "The Claude Code config directory (default: $CLAUDE_CONFIG_DIR or ~/.claude).")
    Path configDir;

    @Option(names = "--limit", description = "Print at most this many messages.")
    Integer limit;

    @Option(names = "--offset", defaultValue = "0", description = "Skip this many messages first.")
    int offset;

    @Override
    public Integer call() {
        History history = History.at(configDir != null ? configDir : History.defaultConfigDir());
        Page page = Page.all().offset(offset);
        if (limit != null) {
            page = page.limit(limit);
        }
        String sessionId;
        try {
            sessionId = SessionIds.resolve(this.sessionId, () -> history.listSessions(SessionListQuery.builder().page(Page.all()).build())
                    .stream().map(SessionInfo::sessionId).toList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<SessionMessage> messages = history.messages(sessionId, HistoryQuery.of(page));
        history.sessionInfo(sessionId).ifPresent(info -> System.out.println(TerminalText.sanitize(header(info))));
        TranscriptPrinter.print(messages.stream().map(TranscriptLine::of).flatMap(List::stream).toList(), System.out);
        return 0;
    }

    private static String header(SessionInfo info) {
        return "session " + info.sessionId() + info.cwd().map(cwd -> " · " + cwd).orElse("")
                + info.title().map(title -> " · " + title).orElse("");
    }
}
