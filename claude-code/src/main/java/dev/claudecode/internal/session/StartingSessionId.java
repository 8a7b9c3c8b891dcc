package dev.claudecode.internal.session;

import dev.claudecode.options.SessionStart;
import java.util.Optional;
import java.util.UUID;

/** The session id a session's start names before any CLI reports one. */
final class StartingSessionId {

    private StartingSessionId() {
    }

    /**
     * The id of a new or forked conversation when given, else the session a resume names (its id
     * or title). A continued or pull-request conversation has none until its CLI starts.
     *
     * @param start how the session starts
     * @return that id, or empty
     */
    static Optional<String> of(SessionStart start) {
        return switch (start) {
            case SessionStart.New fresh -> fresh.id().map(UUID::toString);
            case SessionStart.Resume resume -> resume.fork().flatMap(SessionStart.Fork::id).map(UUID::toString)
                    .or(() -> Optional.of(resume.session()));
            case SessionStart.Continue latest -> latest.fork().flatMap(SessionStart.Fork::id).map(UUID::toString);
            case SessionStart.FromPr fromPr -> fromPr.fork().flatMap(SessionStart.Fork::id).map(UUID::toString);
        };
    }
}
