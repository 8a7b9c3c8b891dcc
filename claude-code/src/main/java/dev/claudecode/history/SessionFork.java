package dev.claudecode.history;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link History#forkSession} copies a saved session: where the copy ends, what it is called,
 * and in which project the session is looked up.
 *
 * <pre>{@code
 * String copy = history.forkSession(sessionId, SessionFork.whole());
 * String branch = history.forkSession(sessionId, SessionFork.upTo(messageUuid).titled("Try the other fix"));
 * }</pre>
 *
 * @param upToMessage the uuid of the last record to copy (a {@link SessionMessage#uuid()}); empty
 *     to copy the whole session
 * @param title the copy's title; empty for the old title with {@code " (fork)"}
 * @param projectPath the project to look the session up in; empty to look in every project
 */
public record SessionFork(Optional<String> upToMessage, Optional<String> title, Optional<Path> projectPath) {

    /** Checks the components. */
    public SessionFork {
        Objects.requireNonNull(upToMessage, "upToMessage").ifPresent(uuid -> notBlank(uuid, "upToMessage"));
        Objects.requireNonNull(title, "title").ifPresent(text -> notBlank(text, "title"));
        Objects.requireNonNull(projectPath, "projectPath");
    }

    /** {@return a fork of the whole session, titled after the old one} */
    public static SessionFork whole() {
        return new SessionFork(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * {@return a fork that ends with that record}
     *
     * @param messageUuid the uuid of the last record to copy
     */
    public static SessionFork upTo(String messageUuid) {
        return new SessionFork(Optional.of(Objects.requireNonNull(messageUuid, "messageUuid")), Optional.empty(), Optional.empty());
    }

    /**
     * {@return this fork with that title}
     *
     * @param newTitle the copy's title
     */
    public SessionFork titled(String newTitle) {
        return new SessionFork(upToMessage, Optional.of(Objects.requireNonNull(newTitle, "newTitle")), projectPath);
    }

    /**
     * {@return this fork, looking the session up in that project only}
     *
     * @param project the project whose sessions to look in
     */
    public SessionFork inProject(Path project) {
        return new SessionFork(upToMessage, title, Optional.of(Objects.requireNonNull(project, "project")));
    }

    private static void notBlank(String value, String what) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
