package dev.claudecode.history;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which part of an ordered result to return: skip {@code offset} items, then keep at most
 * {@code limit}. {@code Page.first(10).offset(5)} is items 5 to 14. Both {@link HistoryQuery}
 * (messages) and {@link SessionListQuery} (sessions) page with it.
 *
 * @param limit how many items to return at most; empty for all
 * @param offset how many items to skip from the start
 */
public record Page(OptionalInt limit, int offset) {

    private static final Page ALL = new Page(OptionalInt.empty(), 0);

    /**
     * Checks that the limit is positive and the offset not negative.
     *
     * @throws IllegalArgumentException when the limit is less than 1 or the offset negative
     */
    public Page {
        Objects.requireNonNull(limit, "limit");
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit.getAsInt());
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /**
     * Every item: no offset, no limit.
     *
     * @return the page
     */
    public static Page all() {
        return ALL;
    }

    /**
     * The first items; chain {@link #offset(int)} to page further.
     *
     * @param limit how many items at most, positive
     * @return the page
     * @throws IllegalArgumentException when the limit is less than 1
     */
    public static Page first(int limit) {
        return ALL.limit(limit);
    }

    /**
     * This page with at most {@code limit} items.
     *
     * @param limit how many items at most, positive
     * @return a copy with the limit
     * @throws IllegalArgumentException when the limit is less than 1
     */
    public Page limit(int limit) {
        return new Page(OptionalInt.of(limit), offset);
    }

    /**
     * This page starting further into the result.
     *
     * @param offset how many items to skip, not negative
     * @return a copy with the offset
     * @throws IllegalArgumentException when the offset is negative
     */
    public Page offset(int offset) {
        return new Page(limit, offset);
    }

    /**
     * How many items from the start of the result this page needs: its end, exclusive.
     *
     * @return {@code offset + limit}, or {@link Long#MAX_VALUE} without a limit
     */
    public long end() {
        return limit.isPresent() ? (long) offset + limit.getAsInt() : Long.MAX_VALUE;
    }

    /**
     * Cuts this page out of a whole result.
     *
     * @param items the whole result, in order
     * @param <T> the item type
     * @return a view of the items of this page, empty when the offset is past the end
     */
    public <T> List<T> of(List<T> items) {
        int from = Math.min(offset, items.size());
        int to = (int) Math.min(items.size(), end());
        return items.subList(from, to);
    }
}
