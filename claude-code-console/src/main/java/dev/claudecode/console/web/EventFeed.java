package dev.claudecode.console.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A live session's events for the page, numbered in order. It keeps the latest events so that a page
 * that opens (or reconnects) late still sees the conversation so far, and hands each event to every
 * subscribed page's queue, so that a slow page never holds up the session. Everything is bounded:
 * the kept events, the number of subscribers, and each subscriber's queue. A subscriber whose queue
 * is full (a page that does not read) is dropped: its queue is emptied and receives {@link #DROPPED}.
 */
final class EventFeed {

    /** An event as sent to the page. */
    record Entry(long seq, Map<String, Object> json) {
    }

    /** Marks the end of the feed in a subscriber's queue. */
    static final Entry END = new Entry(-1, Map.of());

    /** Marks, in a subscriber's queue, that the subscriber fell behind and was dropped. */
    static final Entry DROPPED = new Entry(-2, Map.of());

    private final int capacity;
    private final int maxSubscribers;
    private final int queueLimit;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Set<BlockingQueue<Entry>> subscribers = ConcurrentHashMap.newKeySet();
    private long nextSeq = 1;
    private boolean closed;

    /**
     * @param capacity how many events are kept for pages that open late
     * @param maxSubscribers how many pages may subscribe at once
     * @param queueLimit how many new events a subscriber's queue holds beyond the kept ones it starts with
     */
    EventFeed(int capacity, int maxSubscribers, int queueLimit) {
        this.capacity = capacity;
        this.maxSubscribers = maxSubscribers;
        this.queueLimit = queueLimit;
    }

    /** @return whether another page may subscribe */
    boolean hasRoom() {
        return subscribers.size() < maxSubscribers;
    }

    /** @return how many new events a subscriber's queue holds */
    int queueLimit() {
        return queueLimit;
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
        subscribers.removeIf(queue -> {
            // the last place stays free for the end or drop marker
            if (queue.remainingCapacity() > 1 && queue.offer(entry)) {
                return false;
            }
            // the page does not keep up: drop it rather than hold its events without bound
            queue.clear();
            queue.offer(DROPPED);
            return true;
        });
    }

    /**
     * Subscribes a page: its queue first receives the kept events after {@code afterSeq}, then every new one.
     *
     * @param afterSeq the last event the page has seen, 0 for none
     * @return the page's queue; {@link #END} marks the end of the feed, {@link #DROPPED} a page that fell behind
     * @throws Refused when as many pages as allowed are subscribed already
     */
    synchronized BlockingQueue<Entry> subscribe(long afterSeq) {
        if (!closed && !hasRoom()) {
            throw new Refused(io.javalin.http.HttpStatus.TOO_MANY_REQUESTS,
                    "this session has " + maxSubscribers + " pages watching already; close one first");
        }
        List<Entry> kept = recent.stream().filter(entry -> entry.seq() > afterSeq).toList();
        // room for the kept events, the new ones up to the limit, and the end or drop marker
        BlockingQueue<Entry> queue = new LinkedBlockingQueue<>(kept.size() + queueLimit + 1);
        // the kept ones fit: the marker's place stays free
        queue.addAll(kept);
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
        subscribers.forEach(queue -> queue.offer(END));
        subscribers.clear();
    }
}
