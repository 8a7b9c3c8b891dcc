package dev.claudecode.history;

import java.util.OptionalInt;

/**
 * Which messages of a stored session to read: a page of the main conversation, oldest first.
 * {@code HistoryQuery.limit(10).offset(5)} reads messages 5 to 14.
 *
 * @param limit how many messages to return at most; empty for all
 * @param offset how many messages to skip from the start of the conversation
 * @param includeMeta whether to include user records the CLI marked {@code isMeta} (stop-hook feedback,
 *     local-command caveats), which the CLI sends to the model but does not show as prompts; default false
 * @param followCompaction whether to include the conversation that compactions summarized (default true: the whole
 *     conversation, oldest first, with each compaction's summary message marking where it happened); false gives
 *     what a resumed session sends to the model: the last compaction's summary, the messages it kept, and what
 *     followed
 */
public record HistoryQuery(OptionalInt limit, int offset, boolean includeMeta, boolean followCompaction) {

    private static final HistoryQuery ALL = new HistoryQuery(OptionalInt.empty(), 0, false, true);

    /** Checks that the limit is positive and the offset not negative. */
    public HistoryQuery {
        if (limit == null) {
            throw new NullPointerException("limit");
        }
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit.getAsInt());
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /** @return the query for every message of the conversation */
    public static HistoryQuery all() {
        return ALL;
    }

    /**
     * A query for the first {@code limit} messages; chain {@link #offset(int)} to page.
     *
     * @param limit how many messages at most, positive
     * @return the query
     */
    public static HistoryQuery limit(int limit) {
        return new HistoryQuery(OptionalInt.of(limit), 0, false, true);
    }

    /**
     * This query starting further into the conversation.
     *
     * @param offset how many messages to skip, not negative
     * @return a copy with the offset
     */
    public HistoryQuery offset(int offset) {
        return new HistoryQuery(limit, offset, includeMeta, followCompaction);
    }

    /** @return a builder with the defaults (all messages, no meta, compaction followed) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this query's values */
    public Builder toBuilder() {
        Builder builder = new Builder().offset(offset).includeMeta(includeMeta).followCompaction(followCompaction);
        limit.ifPresent(builder::limit);
        return builder;
    }

    /** Builds a {@link HistoryQuery}. */
    public static final class Builder {
        private OptionalInt limit = OptionalInt.empty();
        private int offset;
        private boolean includeMeta;
        private boolean followCompaction = true;

        private Builder() {
        }

        /**
         * Sets {@code limit}.
         *
         * @param limit how many messages at most, positive
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = OptionalInt.of(limit);
            return this;
        }

        /**
         * Sets {@code offset}.
         *
         * @param offset how many messages to skip
         * @return this builder
         */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /**
         * Sets {@code includeMeta}.
         *
         * @param includeMeta whether to include meta user records
         * @return this builder
         */
        public Builder includeMeta(boolean includeMeta) {
            this.includeMeta = includeMeta;
            return this;
        }

        /**
         * Sets {@code followCompaction}.
         *
         * @param followCompaction whether to read past compaction boundaries
         * @return this builder
         */
        public Builder followCompaction(boolean followCompaction) {
            this.followCompaction = followCompaction;
            return this;
        }

        /** @return the query */
        public HistoryQuery build() {
            return new HistoryQuery(limit, offset, includeMeta, followCompaction);
        }
    }
}
