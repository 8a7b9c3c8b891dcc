package dev.claudecode.history;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which stored sessions to list. Sessions come newest first (by transcript modification time).
 *
 * @param projectPath the project whose sessions to list (a path on the same machine as the config directory,
 *     any {@link java.nio.file.FileSystem}); empty for the sessions of every project
 * @param limit how many sessions to return at most; empty for all. With a limit only the newest files are read
 * @param offset how many sessions to skip, for paging
 * @param includeWorktrees with a project path inside a git repository, whether to add the sessions of the
 *     repository's other worktrees (default true)
 * @param countMessages whether to stream transcripts too large for the head-and-tail window so that every
 *     {@link SessionInfo#messageCount()} is present (default false: larger files are not read in full)
 */
public record SessionListQuery(
        Optional<Path> projectPath, OptionalInt limit, int offset, boolean includeWorktrees, boolean countMessages) {

    /** Checks the components. */
    public SessionListQuery {
        Objects.requireNonNull(projectPath, "projectPath");
        Objects.requireNonNull(limit, "limit");
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit.getAsInt());
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /** @return the query for every session of every project */
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

    /** @return a builder with the defaults (all projects, no limit, worktrees included, no full counting) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this query's values */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .projectPath(projectPath.orElse(null))
                .offset(offset)
                .includeWorktrees(includeWorktrees)
                .countMessages(countMessages);
        limit.ifPresent(builder::limit);
        return builder;
    }

    /** Builds a {@link SessionListQuery}. */
    public static final class Builder {
        private Path projectPath;
        private OptionalInt limit = OptionalInt.empty();
        private int offset;
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
         * Sets {@code limit}.
         *
         * @param limit how many sessions at most, positive
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = OptionalInt.of(limit);
            return this;
        }

        /**
         * Sets {@code offset}.
         *
         * @param offset how many sessions to skip
         * @return this builder
         */
        public Builder offset(int offset) {
            this.offset = offset;
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

        /** @return the query */
        public SessionListQuery build() {
            return new SessionListQuery(Optional.ofNullable(projectPath), limit, offset, includeWorktrees, countMessages);
        }
    }
}
