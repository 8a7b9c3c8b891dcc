package dev.claudecode.console.session;

import dev.claudecode.history.SessionInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One stored session as the console lists it.
 *
 * @param sessionId the session id
 * @param modified when its transcript last changed
 * @param messages how many messages it holds, when known without reading the whole transcript
 * @param project the directory it ran in
 * @param title its title, else its first prompt, else its id
 */
public record SessionRow(String sessionId, Instant modified, OptionalInt messages, String project, String title) {

    /** Checks the components. */
    public SessionRow {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(title, "title");
    }

    /**
     * The row for a listed session.
     *
     * @param info what the listing knows
     * @return the row
     */
    public static SessionRow of(SessionInfo info) {
        String project = info.cwd().or(() -> info.projectPath().map(Path::toString)).orElse("");
        String title = info.title().or(info::firstPrompt).orElse(info.sessionId());
        return new SessionRow(info.sessionId(), info.modified(), info.messageCount(), project, ToolSummary.oneLine(title, 200));
    }
}
