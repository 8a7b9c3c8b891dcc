package dev.claudecode.console.web;

import dev.claudecode.console.session.ConsoleEvent;
import dev.claudecode.console.session.LiveSession;
import dev.claudecode.console.session.PermissionPrompt;
import dev.claudecode.console.session.RememberingPrompt;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A live session opened from the web page: the session, the feed of its events for the page, and
 * the questions about tool uses that wait for an answer in the page.
 */
final class WebSession implements AutoCloseable {

    private static final int KEPT_EVENTS = 5000;
    private static final Duration PERMISSION_TIMEOUT = Duration.ofMinutes(10);

    private final String id;
    private final Instant started = Instant.now();
    private final LiveSession live;
    private final EventFeed feed = new EventFeed(KEPT_EVENTS);
    private final WebPermissionPrompt questions;
    private final PermissionPrompt permissions;

    WebSession(String id, LiveSession live) {
        this.id = Objects.requireNonNull(id, "id");
        this.live = Objects.requireNonNull(live, "live");
        this.questions = new WebPermissionPrompt(this::publish, PERMISSION_TIMEOUT);
        this.permissions = new RememberingPrompt(questions);
        live.subscribe(this::publish);
        publish(new ConsoleEvent.StateChanged(live.state()));
    }

    String id() {
        return id;
    }

    Instant started() {
        return started;
    }

    LiveSession live() {
        return live;
    }

    EventFeed feed() {
        return feed;
    }

    WebPermissionPrompt questions() {
        return questions;
    }

    /** @return how this session asks the page about tool uses, remembering "always" answers */
    PermissionPrompt permissions() {
        return permissions;
    }

    private void publish(ConsoleEvent event) {
        feed.publish(WebJson.event(event));
    }

    @Override
    public void close() {
        questions.denyAll();
        try {
            live.close();
        } finally {
            feed.close();
        }
    }
}
