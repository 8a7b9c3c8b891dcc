package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which conversation a session starts in: a {@link New new} one (by default), a stored one
 * {@link Resume resumed} by id or title ({@code --resume}), the most recent one in the working
 * directory {@link Continue continued} ({@code --continue}), or the one linked to a pull request
 * ({@link FromPr}, {@code --from-pr}). The last three can {@link Fork fork}: the conversation then
 * goes on under a new session id ({@code --fork-session}), which the caller may choose
 * ({@code --session-id}).
 *
 * <p>Each choice carries only what fits it, so no contradictory combination can be expressed:
 *
 * <pre>{@code
 * SessionStart.newSession(id)                          // --session-id=id
 * SessionStart.resume(id).atMessage(uuid).forked()     // --resume=id --fork-session --resume-session-at=uuid
 * SessionStart.resume(id).atMessage(uuid).droppingTurn(promptUuid)  // ... --resume-drops-turn=promptUuid
 * SessionStart.continueLatest().forked(newId)          // --continue --fork-session --session-id=newId
 * SessionStart.fromPr("123")                           // --from-pr=123
 * }</pre>
 */
public sealed interface SessionStart permits SessionStart.New, SessionStart.Resume, SessionStart.Continue,
        SessionStart.FromPr {

    /**
     * Starts a new conversation with an id the CLI picks; this is the default.
     *
     * @return a new conversation
     */
    static New newSession() {
        return new New(Optional.empty());
    }

    /**
     * Starts a new conversation with the given id.
     *
     * @param id the new conversation's session id
     * @return a new conversation with that id
     */
    static New newSession(UUID id) {
        return new New(Optional.of(Objects.requireNonNull(id, "id")));
    }

    /**
     * Resumes a stored conversation in full, under its own id.
     *
     * @param session the session id or title to resume, not blank
     * @return the resumed conversation, which {@link Resume#atMessage(String)} and
     *     {@link Resume#forked()} can narrow
     * @throws InvalidOptionsException when {@code session} is blank
     */
    static Resume resume(String session) {
        return new Resume(session, Optional.empty(), Optional.empty());
    }

    /**
     * Continues the most recent conversation in the working directory, under its own id.
     *
     * @return the continued conversation, which {@link Continue#forked()} can fork
     */
    static Continue continueLatest() {
        return new Continue(Optional.empty());
    }

    /**
     * Resumes the conversation linked to a pull request, under its own id.
     *
     * @param pullRequest the pull request number or URL, not blank
     * @return that conversation, which {@link FromPr#forked()} can fork
     * @throws InvalidOptionsException when {@code pullRequest} is blank
     */
    static FromPr fromPr(String pullRequest) {
        return new FromPr(pullRequest, Optional.empty());
    }

    /**
     * A new conversation ({@code --session-id} when the id is given).
     *
     * @param id the session id it gets; when empty the CLI picks one
     */
    record New(Optional<UUID> id) implements SessionStart {

        /**
         * Checks the value.
         *
         * @param id the session id, or empty
         */
        public New {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A stored conversation resumed by id or title ({@code --resume}).
     *
     * @param session the session id or title, not blank
     * @param atMessage the {@code uuid} of the message up to which the conversation is loaded
     *     ({@code --resume-session-at}), or empty for all of it; CLI 2.1.197 matches the message's
     *     envelope {@code uuid}, not its {@code message.id}
     * @param fork whether and how the conversation continues under a new id; empty keeps its id
     * @param droppedTurn the uuid of the user prompt whose turn this truncating resume means to
     *     discard ({@code --resume-drops-turn}, introduced after CLI 2.1.197); only with
     *     {@code atMessage}
     */
    record Resume(String session, Optional<String> atMessage, Optional<Fork> fork, Optional<String> droppedTurn)
            implements SessionStart {

        /**
         * Checks the values.
         *
         * @param session the session id or title, not blank
         * @param atMessage the message up to which the conversation is loaded, not blank when given
         * @param fork the fork, or empty
         * @param droppedTurn the prompt uuid of the turn the truncation discards, not blank when
         *     given, and only together with {@code atMessage}
         * @throws InvalidOptionsException when {@code session}, {@code atMessage} or {@code droppedTurn}
         *     is blank, or {@code droppedTurn} is given without {@code atMessage}
         */
        public Resume {
            notBlank(session, "resume");
            Objects.requireNonNull(atMessage, "atMessage").ifPresent(uuid -> notBlank(uuid, "resume atMessage"));
            Objects.requireNonNull(fork, "fork");
            Objects.requireNonNull(droppedTurn, "droppedTurn").ifPresent(uuid -> notBlank(uuid, "resume droppingTurn"));
            if (droppedTurn.isPresent() && atMessage.isEmpty()) {
                throw new InvalidOptionsException("resume droppingTurn needs atMessage: it names the turn that loading"
                        + " the conversation only up to that message discards");
            }
        }

        /**
         * A resume without a validated truncation.
         *
         * @param session the session id or title, not blank
         * @param atMessage the message up to which the conversation is loaded, or empty
         * @param fork the fork, or empty
         */
        public Resume(String session, Optional<String> atMessage, Optional<Fork> fork) {
            this(session, atMessage, fork, Optional.empty());
        }

        /**
         * Loads the conversation only up to one message.
         *
         * @param messageUuid the envelope {@code uuid} of that message (typically an assistant
         *     message; any entry of the conversation's chain on CLI 2.1.332), not blank
         * @return this choice, loading up to that message
         * @throws InvalidOptionsException when {@code messageUuid} is blank
         */
        public Resume atMessage(String messageUuid) {
            return new Resume(session, Optional.of(Objects.requireNonNull(messageUuid, "messageUuid")), fork, droppedTurn);
        }

        /**
         * Declares which turn the truncation of {@link #atMessage(String)} discards. The CLI then
         * checks that everything after that message belongs to that turn, and refuses the resume
         * otherwise (an {@code error_during_execution} result whose message starts with
         * {@code Resume rejected by --resume-drops-turn:}), for example when a queued message or a
         * task notification arrived during the turn. Map a refusal to a plain resume; retrying
         * the same request fails the same way.
         *
         * @param promptUuid the uuid of the user message that started the discarded turn, not blank
         * @return this choice, with the truncation validated
         * @throws InvalidOptionsException when {@code promptUuid} is blank or no {@code atMessage} is set
         */
        public Resume droppingTurn(String promptUuid) {
            return new Resume(session, atMessage, fork, Optional.of(Objects.requireNonNull(promptUuid, "promptUuid")));
        }

        /**
         * Continues the conversation under a new id the CLI picks.
         *
         * @return this choice, forked
         */
        public Resume forked() {
            return new Resume(session, atMessage, Optional.of(Fork.newId()), droppedTurn);
        }

        /**
         * Continues the conversation under the given new id.
         *
         * @param newId the id of the fork
         * @return this choice, forked to that id
         */
        public Resume forked(UUID newId) {
            return new Resume(session, atMessage, Optional.of(Fork.to(newId)), droppedTurn);
        }
    }

    /**
     * The most recent conversation in the working directory, continued ({@code --continue}).
     *
     * @param fork whether and how the conversation continues under a new id; empty keeps its id
     */
    record Continue(Optional<Fork> fork) implements SessionStart {

        /**
         * Checks the value.
         *
         * @param fork the fork, or empty
         */
        public Continue {
            Objects.requireNonNull(fork, "fork");
        }

        /**
         * Continues the conversation under a new id the CLI picks.
         *
         * @return this choice, forked
         */
        public Continue forked() {
            return new Continue(Optional.of(Fork.newId()));
        }

        /**
         * Continues the conversation under the given new id.
         *
         * @param newId the id of the fork
         * @return this choice, forked to that id
         */
        public Continue forked(UUID newId) {
            return new Continue(Optional.of(Fork.to(newId)));
        }
    }

    /**
     * The conversation linked to a pull request, resumed ({@code --from-pr}).
     *
     * @param pullRequest the pull request number or URL, not blank
     * @param fork whether and how the conversation continues under a new id; empty keeps its id
     */
    record FromPr(String pullRequest, Optional<Fork> fork) implements SessionStart {

        /**
         * Checks the values.
         *
         * @param pullRequest the pull request number or URL, not blank
         * @param fork the fork, or empty
         * @throws InvalidOptionsException when {@code pullRequest} is blank
         */
        public FromPr {
            notBlank(pullRequest, "fromPr");
            Objects.requireNonNull(fork, "fork");
        }

        /**
         * Continues the conversation under a new id the CLI picks.
         *
         * @return this choice, forked
         */
        public FromPr forked() {
            return new FromPr(pullRequest, Optional.of(Fork.newId()));
        }

        /**
         * Continues the conversation under the given new id.
         *
         * @param newId the id of the fork
         * @return this choice, forked to that id
         */
        public FromPr forked(UUID newId) {
            return new FromPr(pullRequest, Optional.of(Fork.to(newId)));
        }
    }

    /**
     * A conversation taken over under a new session id ({@code --fork-session}), leaving the
     * stored one as it was.
     *
     * @param id the new session id ({@code --session-id}); when empty the CLI picks one
     */
    record Fork(Optional<UUID> id) {

        /**
         * Checks the value.
         *
         * @param id the new session id, or empty
         */
        public Fork {
            Objects.requireNonNull(id, "id");
        }

        /**
         * A fork whose id the CLI picks.
         *
         * @return that fork
         */
        public static Fork newId() {
            return new Fork(Optional.empty());
        }

        /**
         * A fork with the given id.
         *
         * @param id the new session id
         * @return that fork
         */
        public static Fork to(UUID id) {
            return new Fork(Optional.of(Objects.requireNonNull(id, "id")));
        }
    }

    /**
     * Rejects a missing or blank name: the CLI treats a blank one as absent, so it is a bug upstream.
     *
     * @param value the name
     * @param what the option it belongs to, for the message
     * @throws InvalidOptionsException when {@code value} is blank
     */
    private static void notBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new InvalidOptionsException(what + " must not be blank");
        }
    }
}
