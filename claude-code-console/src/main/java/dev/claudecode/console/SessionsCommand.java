package dev.claudecode.console;

import dev.claudecode.console.session.SessionRow;
import dev.claudecode.console.terminal.SessionTable;
import dev.claudecode.history.Page;
import dev.claudecode.history.History;
import dev.claudecode.history.SessionListQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sessions}: the stored sessions as a table, newest first. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List stored Claude Code sessions, newest first.")
final class SessionsCommand implements Callable<Integer> {

    @Option(names = "--project", description = "Only the sessions of this project directory (and its git worktrees).")
    Path project;

    @Option(names = "--limit", defaultValue = "20", description = "How many sessions at most (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--config-dir", description = "The Claude Code config directory (default: $CLAUDE_CONFIG_DIR or ~/.claude).")
    Path configDir;

    @Override
    public Integer call() {
        History history = History.at(configDir != null ? configDir : History.defaultConfigDir());
        // counted in full: since CLI 2.1.332 a session file holds the API requests too and outgrows
        // the head-and-tail window a listing reads, which would leave the MSGS column unknown
        SessionListQuery.Builder query = SessionListQuery.builder().page(Page.first(Math.max(1, limit))).countMessages(true);
        if (project != null) {
            query.projectPath(project.toAbsolutePath());
        }
        List<SessionRow> rows = history.listSessions(query.build()).stream().map(SessionRow::of).toList();
        if (rows.isEmpty()) {
            System.out.println("no sessions under " + history.projectsDir());
            return 0;
        }
        SessionTable.print(rows, System.out);
        return 0;
    }
}
