package dev.claudecode.internal.history;

import java.util.List;

/** Offset-and-limit paging, shared by message reading and session listing. */
public final class Pages {

    private Pages() {
    }

    /**
     * Applies offset and limit to a list.
     *
     * @param items the full list
     * @param offset how many to skip
     * @param limit how many to keep at most, or -1 for all
     * @param <T> the element type
     * @return the page, possibly empty
     */
    public static <T> List<T> page(List<T> items, int offset, int limit) {
        int from = Math.min(offset, items.size());
        int to = limit < 0 ? items.size() : (int) Math.min(items.size(), (long) from + limit);
        return items.subList(from, to);
    }
}
