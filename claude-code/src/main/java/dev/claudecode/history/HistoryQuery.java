package dev.claudecode.history;

import java.util.Objects;

/**
 * Which messages of a stored session to read: a page of the main conversation, oldest first.
 * {@code HistoryQuery.of(Page.first(10).offset(5))} reads messages 5 to 14.
 *
 * @param page which messages of the conversation to return
 * @param includeMeta whether to include user records the CLI marked {@code isMeta} (stop-hook feedback,
 *     local-command caveats), which the CLI sends to the model but does not show as prompts; default false
 * @param followCompaction whether to include the conversation that compactions summarized (default true: the whole
 *     conversation, oldest first, with each compaction's summary message marking where it happened); false gives
 *     what a resumed session sends to the model: the last compaction's summary, the messages it kept, and what
 *     followed
 */
public record HistoryQuery(Page page, boolean includeMeta, boolean followCompaction) {

    private static final HistoryQuery ALL = of(Page.all());

    /** Checks the components. */
    public HistoryQuery {
        Objects.requireNonNull(page, "page");
    }

    /**
     * The query for every message of the conversation.
     *
     * @return the query
     */
    public static HistoryQuery all() {
        return ALL;
    }

    /**
     * The query for a page of the conversation, without meta records, compactions followed.
     *
     * @param page which messages, e.g. {@code Page.first(10).offset(5)}
     * @return the query
     */
    public static HistoryQuery of(Page page) {
        return new HistoryQuery(page, false, true);
    }

    /**
     * A builder with the defaults: all messages, no meta records, compactions followed.
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
        return new Builder().page(page).includeMeta(includeMeta).followCompaction(followCompaction);
    }

    /** Builds a {@link HistoryQuery}. */
    public static final class Builder {
        private Page page = Page.all();
        private boolean includeMeta;
        private boolean followCompaction = true;

        private Builder() {
        }

        /**
         * Sets {@code page}.
         *
         * @param page which messages; default {@link Page#all()}
         * @return this builder
         */
        public Builder page(Page page) {
            this.page = Objects.requireNonNull(page, "page");
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

        /**
         * Builds the query.
         *
         * @return the query
         */
        public HistoryQuery build() {
            return new HistoryQuery(page, includeMeta, followCompaction);
        }
    }
}
