package dev.claudecode.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a session listing knows about one stored session. It comes from the transcript's first and
 * last 64 KiB and the file's attributes, so listing stays cheap however long a session grew.
 *
 * @param sessionId the session id (the transcript's file name without {@code .jsonl})
 * @param file the transcript file
 * @param projectDirectory the {@code projects/<encoded cwd>} directory holding the file
 * @param projectPath the project (or git worktree) path the listing matched this session to; empty when
 *     sessions of all projects were listed
 * @param cwd the working directory the session recorded (a path on the machine that ran the CLI)
 * @param title the session's title: the user-set {@code custom-title}, else the generated {@code ai-title},
 *     else a {@code summary} record of older CLIs
 * @param firstPrompt the first prompt typed into the session (meta records, tool results and command
 *     wrappers skipped); empty when it lies beyond the first 64 KiB
 * @param lastPrompt the prompt of the last finished turn, from the last {@code last-prompt} record
 * @param created the timestamp of the transcript's first timed record
 * @param modified the transcript file's last-modified time
 * @param fileSize the transcript's size in bytes
 * @param messageCount how many messages {@link History#messages(String)} returns for the session (main
 *     conversation, meta records skipped, split assistant records merged). Present when the whole file fit in
 *     the window that was read (128 KiB) or when the listing was asked to count; empty otherwise, because an
 *     exact count needs the whole file
 * @param gitBranch the git branch the session last recorded
 * @param entrypoint how the CLI was started ({@code cli}, {@code sdk-ts}, {@code sdk-py}, ...), from the first record that says
 * @param tag the session's tag, from the last {@code tag} record (set with {@link History#tagSession}); an
 *     empty tag record clears it
 * @param archived whether the session is archived ({@link History#archiveSession}): the
 *     {@code <session-id>/archived.json} mark beside the transcript says so
 */
public record SessionInfo(
        String sessionId,
        Path file,
        Path projectDirectory,
        Optional<Path> projectPath,
        Optional<String> cwd,
        Optional<String> title,
        Optional<String> firstPrompt,
        Optional<String> lastPrompt,
        Optional<Instant> created,
        Instant modified,
        long fileSize,
        OptionalInt messageCount,
        Optional<String> gitBranch,
        Optional<String> entrypoint,
        Optional<String> tag,
        boolean archived) {

    /**
     * Checks that no component is null. For the library's session listing: this constructor gains
     * a parameter whenever a field is added, so code that builds listings uses {@link #builder()}.
     */
    public SessionInfo {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(projectPath, "projectPath");
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(firstPrompt, "firstPrompt");
        Objects.requireNonNull(lastPrompt, "lastPrompt");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(messageCount, "messageCount");
        Objects.requireNonNull(gitBranch, "gitBranch");
        Objects.requireNonNull(entrypoint, "entrypoint");
        Objects.requireNonNull(tag, "tag");
    }

    /**
     * A one-line name for the session, as session pickers show it: the title, else the last
     * prompt, else the first prompt, else the session id.
     *
     * @return the name
     */
    public String summary() {
        return title.or(() -> lastPrompt).or(() -> firstPrompt).orElse(sessionId);
    }

    /** {@return a builder with no fields set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this session's values} */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .sessionId(sessionId)
                .file(file)
                .projectDirectory(projectDirectory)
                .projectPath(projectPath.orElse(null))
                .cwd(cwd.orElse(null))
                .title(title.orElse(null))
                .firstPrompt(firstPrompt.orElse(null))
                .lastPrompt(lastPrompt.orElse(null))
                .created(created.orElse(null))
                .modified(modified)
                .fileSize(fileSize)
                .gitBranch(gitBranch.orElse(null))
                .entrypoint(entrypoint.orElse(null))
                .tag(tag.orElse(null))
                .archived(archived);
        messageCount.ifPresent(builder::messageCount);
        return builder;
    }

    /** Builds a {@link SessionInfo}; {@code sessionId}, {@code file}, {@code projectDirectory} and {@code modified} are required. */
    public static final class Builder {
        private String sessionId;
        private Path file;
        private Path projectDirectory;
        private Path projectPath;
        private String cwd;
        private String title;
        private String firstPrompt;
        private String lastPrompt;
        private Instant created;
        private Instant modified;
        private long fileSize;
        private Integer messageCount;
        private String gitBranch;
        private String entrypoint;
        private String tag;
        private boolean archived;

        private Builder() {
        }

        /**
         * Sets {@code sessionId}.
         *
         * @param sessionId the session id
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /**
         * Sets {@code file}.
         *
         * @param file the transcript file
         * @return this builder
         */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /**
         * Sets {@code projectDirectory}.
         *
         * @param projectDirectory the directory holding the transcript
         * @return this builder
         */
        public Builder projectDirectory(Path projectDirectory) {
            this.projectDirectory = projectDirectory;
            return this;
        }

        /**
         * Sets {@code projectPath}.
         *
         * @param projectPath the matched project path, or null for none
         * @return this builder
         */
        public Builder projectPath(Path projectPath) {
            this.projectPath = projectPath;
            return this;
        }

        /**
         * Sets {@code cwd}.
         *
         * @param cwd the recorded working directory, or null when unknown
         * @return this builder
         */
        public Builder cwd(String cwd) {
            this.cwd = cwd;
            return this;
        }

        /**
         * Sets {@code title}.
         *
         * @param title the session title, or null for none
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets {@code firstPrompt}.
         *
         * @param firstPrompt the first prompt, or null when unknown
         * @return this builder
         */
        public Builder firstPrompt(String firstPrompt) {
            this.firstPrompt = firstPrompt;
            return this;
        }

        /**
         * Sets {@code lastPrompt}.
         *
         * @param lastPrompt the last prompt, or null when unknown
         * @return this builder
         */
        public Builder lastPrompt(String lastPrompt) {
            this.lastPrompt = lastPrompt;
            return this;
        }

        /**
         * Sets {@code created}.
         *
         * @param created the creation time, or null when unknown
         * @return this builder
         */
        public Builder created(Instant created) {
            this.created = created;
            return this;
        }

        /**
         * Sets {@code modified}.
         *
         * @param modified the file's last-modified time
         * @return this builder
         */
        public Builder modified(Instant modified) {
            this.modified = modified;
            return this;
        }

        /**
         * Sets {@code fileSize}.
         *
         * @param fileSize the file size in bytes
         * @return this builder
         */
        public Builder fileSize(long fileSize) {
            this.fileSize = fileSize;
            return this;
        }

        /**
         * Sets {@code messageCount}.
         *
         * @param messageCount the exact message count
         * @return this builder
         */
        public Builder messageCount(int messageCount) {
            this.messageCount = messageCount;
            return this;
        }

        /**
         * Sets {@code gitBranch}.
         *
         * @param gitBranch the git branch, or null when unknown
         * @return this builder
         */
        public Builder gitBranch(String gitBranch) {
            this.gitBranch = gitBranch;
            return this;
        }

        /**
         * Sets {@code entrypoint}.
         *
         * @param entrypoint the entrypoint, or null when unknown
         * @return this builder
         */
        public Builder entrypoint(String entrypoint) {
            this.entrypoint = entrypoint;
            return this;
        }

        /**
         * Sets {@code tag}.
         *
         * @param tag the tag, or null (or empty) when the session has none
         * @return this builder
         */
        public Builder tag(String tag) {
            this.tag = tag == null || tag.isEmpty() ? null : tag;
            return this;
        }

        /**
         * Sets {@code archived}.
         *
         * @param archived whether the session is archived
         * @return this builder
         */
        public Builder archived(boolean archived) {
            this.archived = archived;
            return this;
        }

        /** {@return the session info} */
        public SessionInfo build() {
            return new SessionInfo(sessionId, file, projectDirectory, Optional.ofNullable(projectPath),
                    Optional.ofNullable(cwd), Optional.ofNullable(title), Optional.ofNullable(firstPrompt),
                    Optional.ofNullable(lastPrompt), Optional.ofNullable(created), modified, fileSize,
                    messageCount == null ? OptionalInt.empty() : OptionalInt.of(messageCount),
                    Optional.ofNullable(gitBranch), Optional.ofNullable(entrypoint), Optional.ofNullable(tag), archived);
        }
    }
}
