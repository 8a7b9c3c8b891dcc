package dev.claudecode.console.web;

import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.console.session.ContextBreakdown;
import dev.claudecode.console.session.LiveSession;
import dev.claudecode.console.session.Question;
import dev.claudecode.console.session.SessionRow;
import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.TranscriptLine;
import dev.claudecode.elicitation.ElicitationResult;
import dev.claudecode.history.Page;
import dev.claudecode.history.History;
import dev.claudecode.errors.HistoryException;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.errors.InvalidSessionIdException;
import dev.claudecode.history.SessionListQuery;
import dev.claudecode.errors.SessionNotFoundException;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.testkit.StandInModel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: a local web page to list stored sessions, open live ones and steer them, served
 * by Javalin. Live output reaches the page as server-sent events. Private by default: it binds to
 * loopback unless told otherwise; every request needs the run's random access token (see
 * {@link #signInUri()}); requests must be addressed to, and come from, the origins the page is
 * opened at, whatever the bind address (see {@link OriginPolicy}); no other site may frame it; and
 * live sessions, the pages watching each, and each page's backlog are bounded ({@link Limits}).
 */
public final class WebConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);
    private static final long PING_SECONDS = 15;
    /** The request attribute that carries an event stream's subscription from its check to its handler. */
    private static final String SUBSCRIPTION = "claude-code-console.subscription";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String RESOURCES = "/dev/claudecode/console/web/";

    private final Settings settings;
    private final AccessToken token = AccessToken.random();
    private final OriginPolicy origins;
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final Semaphore sessionPlaces;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Javalin app;
    private volatile boolean closing;

    /**
     * What the web console runs with.
     *
     * @param host the address to bind to, {@code 127.0.0.1} unless a person chose otherwise
     * @param port the port; 0 for any free one
     * @param defaults the options of new sessions, before the page's choices
     * @param offline whether the offline stand-in model answers
     * @param banner the line that says which model answers
     * @param configDir where the CLI keeps the sessions the page lists
     * @param allowOrigins the origins the page is opened at besides the loopback bind address, such as
     *     {@code http://devbox.example:8484} (without a port: the console's); required for a bind
     *     address that is not loopback
     * @param limits the caps on live sessions and on the pages that watch them
     */
    public record Settings(String host, int port, ClaudeCodeOptions defaults, boolean offline, String banner, Path configDir,
            List<String> allowOrigins, Limits limits) {
        /** Checks the components. */
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(defaults, "defaults");
            Objects.requireNonNull(banner, "banner");
            Objects.requireNonNull(configDir, "configDir");
            allowOrigins = List.copyOf(allowOrigins);
            Objects.requireNonNull(limits, "limits");
        }

        /**
         * Settings with no listed origins and the default limits.
         *
         * @param host the address to bind to
         * @param port the port; 0 for any free one
         * @param defaults the options of new sessions
         * @param offline whether the offline stand-in model answers
         * @param banner the line that says which model answers
         * @param configDir where the CLI keeps the sessions the page lists
         */
        public Settings(String host, int port, ClaudeCodeOptions defaults, boolean offline, String banner, Path configDir) {
            this(host, port, defaults, offline, banner, configDir, List.of(), Limits.DEFAULT);
        }
    }

    /**
     * The caps that keep the console's memory and processes bounded.
     *
     * @param sessions how many live sessions (each a CLI process) may be open at once
     * @param pagesPerSession how many pages may watch one session's events at once
     * @param queuedEvents how many events a watching page may fall behind by before it is dropped
     */
    public record Limits(int sessions, int pagesPerSession, int queuedEvents) {
        /** The defaults: 8 sessions, 8 pages each, 2000 events behind. */
        public static final Limits DEFAULT = new Limits(8, 8, 2000);

        /** Checks the components. */
        public Limits {
            if (sessions < 1 || pagesPerSession < 1 || queuedEvents < 1) {
                throw new IllegalArgumentException("the limits must be at least 1: " + sessions + ", " + pagesPerSession + ", " + queuedEvents);
            }
        }
    }

    private WebConsole(Settings settings) {
        this.settings = settings;
        this.origins = OriginPolicy.of(settings.host(), settings.allowOrigins(), this::port);
        this.sessionPlaces = new Semaphore(settings.limits().sessions());
        this.app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new WebJson());
        });
        routes();
    }

    /**
     * Starts the server.
     *
     * @param settings what it runs with
     * @return the running console; close it to stop the server and its sessions
     */
    public static WebConsole start(Settings settings) {
        WebConsole console = new WebConsole(settings);
        console.app.start(settings.host(), settings.port());
        return console;
    }

    /** @return the port the server listens on */
    public int port() {
        return app.port();
    }

    /** @return the page's address, without the access token: it answers 401 until the token is presented */
    public URI uri() {
        return URI.create(origins.pageOrigin() + "/");
    }

    /**
     * The page's address with this run's access token, as {@code serve} prints it once. Opening it
     * exchanges the token for a cookie and leads to {@link #uri()}. Whoever has it can run commands
     * on this machine: show it to the person who started the console only.
     *
     * @return the address with the token
     */
    public URI signInUri() {
        return URI.create(uri() + "?" + RequestGuard.TOKEN_PARAMETER + "=" + token.value());
    }

    /**
     * A live session opened from the page.
     *
     * @param id the console's id of the session
     * @return the session, while it is open
     */
    Optional<WebSession> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Stops every live session, then the server. */
    @Override
    public void close() {
        closing = true;
        sessions.values().forEach(session -> {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping session {} failed", session.id(), e);
            }
        });
        sessions.clear();
        app.stop();
    }

    // ---------------------------------------------------------------- routes

    private void routes() {
        RequestGuard guard = new RequestGuard(origins, token, this::port);
        app.before(guard::check);
        app.get("/", ctx -> resource(ctx, "index.html", "text/html; charset=utf-8"));
        app.get("/app.js", ctx -> resource(ctx, "app.js", "text/javascript; charset=utf-8"));
        app.get("/style.css", ctx -> resource(ctx, "style.css", "text/css; charset=utf-8"));

        app.get("/api/info", ctx -> ctx.json(info()));
        app.get("/api/history", this::history);
        app.get("/api/history/{id}", this::transcript);

        app.get("/api/sessions", ctx -> ctx.json(sessions.values().stream().map(WebConsole::summary).toList()));
        app.post("/api/sessions", this::open);
        app.get("/api/sessions/{id}", ctx -> ctx.json(summary(find(ctx))));
        app.delete("/api/sessions/{id}", this::closeSession);
        // the page subscribes here, where a full feed can still be refused with a status: the event
        // stream's head goes out before its handler runs, so a check there would come too late, and a
        // check here without the subscription would let two pages through for one place
        app.before("/api/sessions/{id}/events", ctx -> {
            // the stream's handler runs only for this exact Accept value; any other would keep the place taken
            if (!EVENT_STREAM.equals(ctx.header("Accept"))) {
                throw new Refused(HttpStatus.NOT_ACCEPTABLE, "this path is an event stream: ask for " + EVENT_STREAM);
            }
            ctx.attribute(SUBSCRIPTION, find(ctx).feed().subscribe(parseSeq(ctx.header("Last-Event-ID"))));
        });
        app.sse("/api/sessions/{id}/events", this::events);
        app.post("/api/sessions/{id}/prompt", this::prompt);
        app.post("/api/sessions/{id}/interrupt", ctx -> {
            find(ctx).live().interrupt();
            ctx.json(Map.of("ok", true));
        });
        app.post("/api/sessions/{id}/clear", ctx -> {
            find(ctx).live().clear();
            ctx.json(Map.of("ok", true));
        });
        app.post("/api/sessions/{id}/model", ctx -> {
            WebSession session = find(ctx);
            session.live().setModel(required(body(ctx), "model"));
            ctx.json(summary(session));
        });
        app.post("/api/sessions/{id}/mode", ctx -> {
            WebSession session = find(ctx);
            session.live().setPermissionMode(required(body(ctx), "mode"));
            ctx.json(summary(session));
        });
        app.get("/api/sessions/{id}/mcp", ctx -> ctx.json(Map.of("servers",
                find(ctx).live().mcpStatus().stream().map(WebJson::mcpServer).toList())));
        app.get("/api/sessions/{id}/context", ctx -> ctx.json(WebJson.context(ContextBreakdown.of(find(ctx).live().contextUsage()))));
        app.post("/api/sessions/{id}/rewind", ctx -> {
            Map<String, Object> body = body(ctx);
            ctx.json(WebJson.rewind(find(ctx).live().rewindFiles(required(body, "prompt"), Boolean.TRUE.equals(body.get("dryRun")))));
        });
        app.get("/api/sessions/{id}/permissions", ctx -> ctx.json(Map.of("pending",
                find(ctx).questions().pending().stream().map(WebJson::request).toList())));
        app.post("/api/sessions/{id}/permissions/{requestId}", this::answer);
        app.get("/api/sessions/{id}/questions", ctx -> ctx.json(Map.of("pending",
                find(ctx).elicitations().pending().stream().map(WebJson::question).toList())));
        app.post("/api/sessions/{id}/questions/{requestId}", this::answerQuestion);

        app.exception(Refused.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(NotFoundResponse.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(InvalidSessionIdException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(SessionNotFoundException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
        app.exception(IllegalStateException.class, (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.getMessage()));
        app.exception(ClaudeCodeException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_GATEWAY, e.getMessage()));
        app.exception(tools.jackson.core.JacksonException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage()));
    }

    private Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("offline", settings.offline());
        info.put("banner", settings.banner());
        info.put("offlineLabel", StandInModel.LABEL);
        info.put("version", ClaudeCode.version());
        info.put("cliVersion", ClaudeCode.cliVersion());
        info.put("cwd", settings.defaults().cwd().map(Path::toString).orElse(""));
        info.put("configDir", settings.configDir().toString());
        info.put("permissionModes", LiveSession.PERMISSION_MODES);
        return info;
    }

    private void history(Context ctx) {
        int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(50);
        SessionListQuery.Builder query = SessionListQuery.builder().page(Page.first(Math.max(1, limit)));
        Optional.ofNullable(ctx.queryParam("project")).filter(p -> !p.isBlank()).map(Path::of).ifPresent(query::projectPath);
        List<SessionRow> rows;
        try {
            rows = History.at(settings.configDir()).listSessions(query.build()).stream().map(SessionRow::of).toList();
        } catch (HistoryException e) {
            rows = List.of();
        }
        ctx.json(Map.of("configDir", settings.configDir().toString(), "sessions", rows.stream().map(WebJson::row).toList()));
    }

    private void transcript(Context ctx) {
        String id = ctx.pathParam("id");
        List<TranscriptLine> lines = History.at(settings.configDir()).messages(id, HistoryQuery.all()).stream()
                .map(TranscriptLine::of).flatMap(List::stream).toList();
        ctx.json(Map.of("sessionId", id, "lines", lines.stream().map(WebJson::line).toList()));
    }

    private void open(Context ctx) {
        if (closing) {
            throw new IllegalStateException("the console is stopping");
        }
        Map<String, Object> body = ctx.body().isBlank() ? Map.of() : body(ctx);
        ClaudeCodeOptions.Builder options = settings.defaults().toBuilder();
        optional(body, "model").ifPresent(options::model);
        optional(body, "permissionMode").map(LiveSession::checkPermissionMode).map(PermissionMode::of).ifPresent(options::permissionMode);
        optional(body, "resume").map(SessionStart::resume).ifPresent(options::start);
        String id = "s" + nextId.getAndIncrement();
        // a place is taken before the CLI starts, so that sessions still starting count too
        if (!sessionPlaces.tryAcquire()) {
            throw new Refused(HttpStatus.TOO_MANY_REQUESTS, "at most " + settings.limits().sessions()
                    + " live sessions may be open at once; close one first");
        }
        WebSession session;
        try {
            session = WebSession.open(id, options.build(), settings.limits());
        } catch (RuntimeException e) {
            sessionPlaces.release();
            throw e;
        }
        sessions.put(id, session);
        ctx.status(HttpStatus.CREATED).json(summary(session));
    }

    private void closeSession(Context ctx) {
        WebSession session = find(ctx);
        if (sessions.remove(session.id(), session)) {
            try {
                session.close();
            } finally {
                sessionPlaces.release();
            }
        }
        ctx.json(Map.of("ok", true));
    }

    private void prompt(Context ctx) {
        WebSession session = find(ctx);
        String text = required(body(ctx), "text");
        session.live().submit(text).exceptionally(failure -> null);
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("queued", true));
    }

    private void answer(Context ctx) {
        WebSession session = find(ctx);
        ToolDecision decision = ToolDecision.parse(required(body(ctx), "decision"));
        if (!session.questions().answer(ctx.pathParam("requestId"), decision)) {
            throw new NotFoundResponse("no question " + ctx.pathParam("requestId") + " waits in session " + session.id());
        }
        ctx.json(Map.of("requestId", ctx.pathParam("requestId"), "decision", decision.wireName()));
    }

    /**
     * Answers an MCP server's question: {@code {"action":"accept","values":{"field":"typed text"}}},
     * {@code {"action":"decline"}} or {@code {"action":"cancel"}}. The typed texts are read by the
     * form's fields; one that does not fit is refused (400) and the question keeps waiting.
     */
    private void answerQuestion(Context ctx) {
        WebSession session = find(ctx);
        String requestId = ctx.pathParam("requestId");
        Question question = session.elicitations().question(requestId)
                .orElseThrow(() -> new NotFoundResponse("no question " + requestId + " waits in session " + session.id()));
        Map<String, Object> body = body(ctx);
        ElicitationResult result = switch (required(body, "action")) {
            case "accept" -> ElicitationResult.accept(question.isUrl() ? Map.of() : question.request().parseForm(texts(body.get("values"))));
            case "decline" -> ElicitationResult.decline();
            case "cancel" -> ElicitationResult.cancel();
            default -> throw new IllegalArgumentException("\"action\" is accept, decline or cancel");
        };
        if (!session.elicitations().answer(requestId, result)) {
            throw new NotFoundResponse("no question " + requestId + " waits in session " + session.id());
        }
        ctx.json(Map.of("requestId", requestId, "action", result.action()));
    }

    private static Map<String, String> texts(Object values) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (values instanceof Map<?, ?> map) {
            map.forEach((name, value) -> texts.put(String.valueOf(name), value == null ? "" : String.valueOf(value)));
        }
        return texts;
    }

    /** Streams a session's events to one page until the page goes away or the session ends. */
    private void events(SseClient client) {
        WebSession session = find(client.ctx());
        BlockingQueue<EventFeed.Entry> queue = client.ctx().attribute(SUBSCRIPTION);
        try {
            while (!client.terminated() && !closing) {
                EventFeed.Entry entry = queue.poll(PING_SECONDS, TimeUnit.SECONDS);
                if (entry == EventFeed.END) {
                    client.sendEvent("end", "{}");
                    return;
                }
                if (entry == EventFeed.DROPPED) {
                    client.sendEvent("dropped", WebJson.write(Map.of("message", "this page fell more than "
                            + session.feed().queueLimit() + " events behind the session and was disconnected; reload it to catch up")));
                    return;
                }
                if (entry == null) {
                    client.sendComment("ping");
                } else {
                    client.sendEvent("console", WebJson.write(entry.json()), String.valueOf(entry.seq()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.feed().unsubscribe(queue);
        }
    }

    // ---------------------------------------------------------------- helpers

    private WebSession find(Context ctx) {
        String id = ctx.pathParam("id");
        WebSession session = sessions.get(id);
        if (session == null) {
            throw new NotFoundResponse("no live session " + id);
        }
        return session;
    }

    private static Map<String, Object> summary(WebSession session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", session.id());
        json.put("started", session.started().toString());
        json.put("busy", session.live().isBusy());
        json.put("state", WebJson.state(session.live().state()));
        json.put("pendingPermissions", session.questions().pending().size());
        json.put("pendingQuestions", session.elicitations().pending().size());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        Object parsed = ctx.bodyAsClass(Map.class);
        if (!(parsed instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return (Map<String, Object>) parsed;
    }

    private static Optional<String> optional(Map<String, Object> body, String key) {
        return body.get(key) instanceof String value && !value.isBlank() ? Optional.of(value.strip()) : Optional.empty();
    }

    private static String required(Map<String, Object> body, String key) {
        return optional(body, key).orElseThrow(() -> new IllegalArgumentException("\"" + key + "\" is required"));
    }

    private static long parseSeq(String header) {
        try {
            return header == null ? 0 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? status.getMessage() : message));
    }

    private static void resource(Context ctx, String name, String contentType) {
        try (InputStream in = WebConsole.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new NotFoundResponse(name);
            }
            ctx.header("Cache-Control", "no-store").contentType(contentType).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
