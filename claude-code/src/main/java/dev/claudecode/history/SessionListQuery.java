package dev.claudecode.history;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored sessions to list. Sessions come newest first (by transcript modification time).
 *
 * @param projectPath the project whose sessions to list (a path on the same machine as the config directory,
 *     any {@link java.nio.file.FileSystem}); empty for the sessions of every project
 * @param page which sessions of the newest-first list to return. With a limit only the newest files are read
 * @param includeWorktrees with a project path inside a git repository, whether to add the sessions of the
 *     repository's other worktrees (default true)
 * @param countMessages whether to stream transcripts too large for the head-and-tail window so that every
 *     {@link SessionInfo#messageCount()} is present (default false: larger files are not read in full)
 */
public record SessionListQuery(
        Optional<Path> projectPath, Page page, boolean includeWorktrees, boolean countMessages) {

    /** Checks the components. */
    public SessionListQuery {
        Objects.requireNonNull(projectPath, "projectPath");
        Objects.requireNonNull(page, "page");
    }

    /**
     * The query for every session of every project.
     *
     * @return the query
     */
    public static SessionListQuery all() {
        return builder().build();
    }

    /**
     * The query for every session of one project and its git worktrees.
     *
     * @param projectPath the project directory
     * @return the query
     */
    public static SessionListQuery forProject(Path projectPath) {
        return builder().projectPath(projectPath).build();
    }

    /**
     * A builder with the defaults: all projects, every session, worktrees included, no full counting.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this query's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder()
                .projectPath(projectPath.orElse(null))
                .page(page)
                .includeWorktrees(includeWorktrees)
                .countMessages(countMessages);
    }

    /** Builds a {@link SessionListQuery}. */
    public static final class Builder {
        private Path projectPath;
        private Page page = Page.all();
        private boolean includeWorktrees = true;
        private boolean countMessages;

        private Builder() {
        }

        /**
         * Sets {@code projectPath}.
         *
         * @param projectPath the project directory, or null for all projects
         * @return this builder
         */
        public Builder projectPath(Path projectPath) {
            this.projectPath = projectPath;
            return this;
        }

        /**
         * Sets {@code page}.
         *
         * @param page which sessions; default {@link Page#all()}
         * @return this builder
         */
        public Builder page(Page page) {
            this.page = Objects.requireNonNull(page, "page");
            return this;
        }

        /**
         * Sets {@code includeWorktrees}.
         *
         * @param includeWorktrees whether to include the repository's other worktrees
         * @return this builder
         */
        public Builder includeWorktrees(boolean includeWorktrees) {
            this.includeWorktrees = includeWorktrees;
            return this;
        }

        /**
         * Sets {@code countMessages}.
         *
         * @param countMessages whether to count messages of large transcripts too
         * @return this builder
         */
        public Builder countMessages(boolean countMessages) {
            this.countMessages = countMessages;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public SessionListQuery build() {
            return new SessionListQuery(Optional.ofNullable(projectPath), page, includeWorktrees, countMessages);
        }
    }
}
