package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

class EventFeedTest {

    @Test
    void aLatePageSeesTheKeptEventsThenTheNewOnesAndTheEnd() {
        EventFeed feed = new EventFeed(2);
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

    private static List<String> types(BlockingQueue<EventFeed.Entry> queue) {
        List<String> types = new ArrayList<>();
        for (EventFeed.Entry entry : queue) {
            types.add(entry == EventFeed.END ? "END" : entry.json().get("type") + "");
        }
        return types;
    }
}
