package dev.claudecode.console.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A live session's events for the page, numbered in order. It keeps the latest events so that a page
 * that opens (or reconnects) late still sees the conversation so far, and hands each event to every
 * subscribed page's queue, so that a slow page never holds up the session.
 */
final class EventFeed {

    /** An event as sent to the page. */
    record Entry(long seq, Map<String, Object> json) {
    }

    /** Marks the end of the feed in a subscriber's queue. */
    static final Entry END = new Entry(-1, Map.of());

    private final int capacity;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Set<BlockingQueue<Entry>> subscribers = ConcurrentHashMap.newKeySet();
    private long nextSeq = 1;
    private boolean closed;

    EventFeed(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds an event.
     *
     * @param json the event as JSON values
     */
    synchronized void publish(Map<String, Object> json) {
        if (closed) {
            return;
        }
        Map<String, Object> numbered = new java.util.LinkedHashMap<>(json);
        numbered.put("seq", nextSeq);
        Entry entry = new Entry(nextSeq++, numbered);
        recent.addLast(entry);
        if (recent.size() > capacity) {
            recent.removeFirst();
        }
        subscribers.forEach(queue -> queue.add(entry));
    }

    /**
     * Subscribes a page: its queue first receives the kept events after {@code afterSeq}, then every new one.
     *
     * @param afterSeq the last event the page has seen, 0 for none
     * @return the page's queue; {@link #END} marks the end of the feed
     */
    synchronized BlockingQueue<Entry> subscribe(long afterSeq) {
        BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
        for (Entry entry : recent) {
            if (entry.seq() > afterSeq) {
                queue.add(entry);
            }
        }
        if (closed) {
            queue.add(END);
        } else {
            subscribers.add(queue);
        }
        return queue;
    }

    /**
     * Ends a page's subscription.
     *
     * @param queue the page's queue
     */
    void unsubscribe(BlockingQueue<Entry> queue) {
        subscribers.remove(queue);
    }

    /** Ends the feed: every subscriber's queue receives {@link #END}. */
    synchronized void close() {
        closed = true;
        subscribers.forEach(queue -> queue.add(END));
        subscribers.clear();
    }
}
