package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

class EventFeedTest {

    @Test
    void aLatePageSeesTheKeptEventsThenTheNewOnesAndTheEnd() {
        EventFeed feed = new EventFeed(2, 8, 100);
        feed.publish(Map.of("type", "a"));
        feed.publish(Map.of("type", "b"));
        feed.publish(Map.of("type", "c"));

        BlockingQueue<EventFeed.Entry> all = feed.subscribe(0);
        BlockingQueue<EventFeed.Entry> resumed = feed.subscribe(2);
        feed.publish(Map.of("type", "d"));
        feed.close();

        assertThat(types(all)).containsExactly("b", "c", "d", "END");
        assertThat(types(resumed)).containsExactly("c", "d", "END");
        assertThat(feed.subscribe(0).peek()).isNotEqualTo(EventFeed.END);
    }

    @Test
    void aPageThatDoesNotReadIsDroppedWithAMarkerInsteadOfQueueingWithoutBound() {
        EventFeed feed = new EventFeed(5000, 8, 3);
        for (int i = 0; i < 10; i++) {
            feed.publish(Map.of("type", "old" + i));
        }
        BlockingQueue<EventFeed.Entry> slow = feed.subscribe(0);
        BlockingQueue<EventFeed.Entry> reading = feed.subscribe(10);
        assertThat(slow).as("the kept events fit whatever the limit").hasSize(10);

        for (int i = 0; i < 1000; i++) {
            feed.publish(Map.of("type", "new" + i));
            reading.clear();
        }

        assertThat(types(slow)).containsExactly("DROPPED");
        assertThat(slow.remainingCapacity() + slow.size()).as("the queue's bound").isEqualTo(10 + 3 + 1);
        feed.close();
        assertThat(types(slow)).as("a dropped page gets nothing more").containsExactly("DROPPED");
        assertThat(types(reading)).as("a page that reads stays").containsExactly("END");
    }

    @Test
    void aFullQueueStillReceivesTheEnd() {
        EventFeed feed = new EventFeed(10, 8, 2);
        BlockingQueue<EventFeed.Entry> queue = feed.subscribe(0);
        feed.publish(Map.of("type", "a"));
        feed.publish(Map.of("type", "b"));
        feed.close();
        assertThat(types(queue)).containsExactly("a", "b", "END");
    }

    @Test
    void theNumberOfPagesIsCapped() {
        EventFeed feed = new EventFeed(10, 2, 10);
        BlockingQueue<EventFeed.Entry> first = feed.subscribe(0);
        feed.subscribe(0);
        assertThat(feed.hasRoom()).isFalse();
        assertThatThrownBy(() -> feed.subscribe(0)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        feed.unsubscribe(first);
        assertThat(feed.subscribe(0)).isEmpty();
    }

    private static List<String> types(BlockingQueue<EventFeed.Entry> queue) {
        List<String> types = new ArrayList<>();
        for (EventFeed.Entry entry : queue) {
            types.add(entry == EventFeed.END ? "END" : entry == EventFeed.DROPPED ? "DROPPED" : entry.json().get("type") + "");
        }
        return types;
    }
}
