package dev.claudecode.console.web;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.console.session.ConsoleEvent;
import dev.claudecode.console.session.LiveSession;
import java.time.Instant;
import java.util.Objects;

/**
 * A live session opened from the web page: the session, the feed of its events for the page, and
 * the questions about tool uses that wait for a click in the page.
 */
final class WebSession implements AutoCloseable {

    private static final int KEPT_EVENTS = 5000;

    private final String id;
    private final Instant started = Instant.now();
    private final EventFeed feed;
    private final WebPermissionPrompt questions;
    private final LiveSession live;

    private WebSession(String id, EventFeed feed, WebPermissionPrompt questions, LiveSession live) {
        this.id = Objects.requireNonNull(id, "id");
        this.feed = feed;
        this.questions = questions;
        this.live = live;
        live.subscribe(this::publish);
        publish(new ConsoleEvent.StateChanged(live.state()));
    }

    /**
     * Starts a session whose permission prompts are asked in the page.
     *
     * @param id the console's id of the session
     * @param options the session's options
     * @param limits how many pages may watch it, and how far each may fall behind
     * @return the session
     */
    static WebSession open(String id, ClaudeCodeOptions options, WebConsole.Limits limits) {
        EventFeed feed = new EventFeed(KEPT_EVENTS, limits.pagesPerSession(), limits.queuedEvents());
        WebPermissionPrompt questions = new WebPermissionPrompt(event -> feed.publish(WebJson.event(event)));
        return new WebSession(id, feed, questions, LiveSession.start(options, questions));
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
