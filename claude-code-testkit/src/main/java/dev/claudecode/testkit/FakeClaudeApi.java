package dev.claudecode.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A scripted Anthropic Messages API on {@code 127.0.0.1} that the real Claude Code CLI talks to.
 * Queue {@link Reply replies}, point the CLI at it with {@link #environment()}, then inspect what
 * the CLI sent through {@link #log()}.
 *
 * <p>Which requests consume the script is an explicit rule: by default only main-loop requests
 * (those that offer tools, {@link RequestKind#MAIN}) take the next scripted reply, or
 * {@link Builder#defaultReply the default reply} when the script is empty. Side requests (the
 * session title, other tool-less calls) are answered by {@link Builder#sideReply} and never
 * consume the script. Both rules can be replaced through the {@link Builder}.
 *
 * <p>Every request is logged, including the {@code HEAD /} the CLI sends when it starts and
 * {@code count_tokens} calls; paths other than the Messages API get {@code 200 {}}.
 *
 * <p>Each instance owns a fresh config dir and temp dir for the CLI; {@link #close()} stops the
 * server and deletes them.
 */
public final class FakeClaudeApi implements AutoCloseable {

    /** The text of the default reply: main requests get it when the script is empty. */
    public static final String DEFAULT_TEXT = "OK";

    /** The session title the default side reply gives. */
    public static final String DEFAULT_TITLE = "Fake session title";

    /** The API key {@link #environment()} sets unless the builder names another. */
    public static final String DEFAULT_API_KEY = "sk-ant-fake-testkit-key";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScriptQueue script = new ScriptQueue();
    private final RequestLog log = new RequestLog();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final CliSandbox sandbox;
    private final URI baseUrl;
    private final Map<String, String> environment;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FakeClaudeApi(Builder builder) {
        ServerSettings settings = new ServerSettings(builder.consumesScript, builder.defaultReply,
                builder.sideReply != null ? builder.sideReply : standardSideReply(builder.sessionTitle));
        sandbox = CliSandbox.create();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        } catch (IOException e) {
            sandbox.close();
            throw new UncheckedIOException("cannot bind the fake Claude API to 127.0.0.1", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.createContext("/", new ApiRouter(settings, script, log, failures));
        server.setExecutor(executor);
        server.start();
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        environment = Collections.unmodifiableMap(
                sandbox.environment(baseUrl, builder.apiKey, builder.quiet, builder.environment));
    }

    /**
     * Starts a server with the default rules.
     *
     * @return the running server
     */
    public static FakeClaudeApi start() {
        return builder().start();
    }

    /**
     * Starts a server whose default reply is the {@link StandInModel}: with an empty script it
     * answers simple questions offline, clearly labelled as a stand-in.
     *
     * @return the running server
     */
    public static FakeClaudeApi standIn() {
        return builder().defaultReply(StandInModel.reply()).start();
    }

    /**
     * A builder for a server with other rules.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The side reply used unless the builder sets another: the session-title request gets
     * {@code {"title":"<title>"}} as JSON text, any other side request the text {@code OK}.
     *
     * @param title the session title to answer with
     * @return the reply function
     */
    public static Function<RecordedRequest, Reply> standardSideReply(String title) {
        Objects.requireNonNull(title, "title");
        MessageReply titleReply = Reply.text(TestkitJson.write(Map.of("title", title)));
        MessageReply other = Reply.text(DEFAULT_TEXT);
        return request -> request.kind() == RequestKind.TITLE ? titleReply : other;
    }

    /** @return the base URL, {@code http://127.0.0.1:PORT} */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return the ephemeral port the server listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The environment for a CLI that talks to this server: {@code ANTHROPIC_BASE_URL}, a fake
     * {@code ANTHROPIC_API_KEY}, this server's {@code CLAUDE_CONFIG_DIR} and
     * {@code CLAUDE_CODE_TMPDIR}, knobs that stop update checks, telemetry and error reports
     * (unless {@link Builder#quietEnvironment(boolean) turned off}), and the builder's extra
     * variables. Retry counts and similar behaviour are left to the test.
     *
     * @return the variables, unmodifiable
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Prepares a process environment (e.g. {@code ProcessBuilder.environment()}): removes every
     * inherited {@code CLAUDE*} and {@code ANTHROPIC*} variable (such as {@code CLAUDECODE}, set
     * when running inside Claude Code) and adds {@link #environment()}.
     *
     * @param processEnvironment the mutable environment to change
     */
    public void applyEnvironment(Map<String, String> processEnvironment) {
        processEnvironment.keySet().removeIf(name -> name.startsWith("CLAUDE") || name.startsWith("ANTHROPIC"));
        processEnvironment.putAll(environment);
    }

    /** @return the CLI's config dir ({@code CLAUDE_CONFIG_DIR}), deleted on close */
    public Path configDir() {
        return sandbox.configDir();
    }

    /** @return the CLI's temp dir ({@code CLAUDE_CODE_TMPDIR}), deleted on close */
    public Path tmpDir() {
        return sandbox.tmpDir();
    }

    /**
     * Appends replies to the script.
     *
     * @param replies the replies, served in order
     * @return this server
     */
    public FakeClaudeApi enqueue(Reply... replies) {
        return enqueue(List.of(replies));
    }

    /**
     * Appends replies to the script.
     *
     * @param replies the replies, served in order
     * @return this server
     */
    public FakeClaudeApi enqueue(List<? extends Reply> replies) {
        script.addAll(replies);
        return this;
    }

    /** @return how many scripted replies have not been served yet */
    public int pendingReplies() {
        return script.size();
    }

    /** Drops the scripted replies not yet served. */
    public void clearScript() {
        script.clear();
    }

    /** @return the request log, live */
    public RequestLog log() {
        return log;
    }

    /** @return a snapshot of every request received, oldest first */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /** @return the newest main-loop request, when there is one */
    public Optional<RecordedRequest> lastMainRequest() {
        return log.lastMain();
    }

    /**
     * Waits for at least {@code count} requests of any kind.
     *
     * @param count how many
     * @param timeout the longest wait
     * @return a snapshot of all requests
     * @throws AssertionError on timeout
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        return log.await(count, timeout);
    }

    /**
     * Waits for at least {@code count} main-loop requests.
     *
     * @param count how many
     * @param timeout the longest wait
     * @return a snapshot of the main requests
     * @throws AssertionError on timeout
     */
    public List<RecordedRequest> awaitMainRequests(int count, Duration timeout) {
        return log.awaitMain(count, timeout);
    }

    /**
     * Exceptions thrown by reply functions ({@link Reply#from}, side replies); each such request
     * was answered with HTTP 500.
     *
     * @return a snapshot, oldest first
     */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** Stops the server, ends requests in flight, and deletes the CLI's temp dirs. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop(0);
            executor.shutdownNow();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                failures.add(new IllegalStateException("request threads did not end within 5 s of close"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sandbox.close();
        }
    }

    /** @return the address and counts, for test output */
    @Override
    public String toString() {
        return "FakeClaudeApi[" + baseUrl + ", requests=" + log.size() + ", pending=" + script.size() + "]";
    }

    /** Builds a {@link FakeClaudeApi} with other reply rules or environment. */
    public static final class Builder {
        private Predicate<? super RecordedRequest> consumesScript = RecordedRequest::isMain;
        private Reply defaultReply = Reply.text(DEFAULT_TEXT);
        private Function<? super RecordedRequest, ? extends Reply> sideReply;
        private String sessionTitle = DEFAULT_TITLE;
        private String apiKey = DEFAULT_API_KEY;
        private boolean quiet = true;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Decides which {@code /v1/messages} requests take the next scripted reply; the others
         * get the {@link #sideReply side reply}. Default: {@link RecordedRequest#isMain()}.
         *
         * @param rule the rule; e.g. {@code request -> true} makes every request consume the script
         * @return this builder
         */
        public Builder consumesScript(Predicate<? super RecordedRequest> rule) {
            consumesScript = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * The answer to a script-consuming request when the script is empty. Default: the text
         * {@value FakeClaudeApi#DEFAULT_TEXT}. Use {@link Reply#from} for an answer that depends on
         * the request, e.g. {@link StandInModel#reply()}.
         *
         * @param reply the reply
         * @return this builder
         */
        public Builder defaultReply(Reply reply) {
            defaultReply = Objects.requireNonNull(reply, "reply");
            return this;
        }

        /**
         * The answer to requests that do not consume the script. Default:
         * {@link FakeClaudeApi#standardSideReply(String)} with the {@link #sessionTitle session title}.
         *
         * @param reply computes the reply; it may return any {@link Reply}
         * @return this builder
         */
        public Builder sideReply(Function<? super RecordedRequest, ? extends Reply> reply) {
            sideReply = Objects.requireNonNull(reply, "reply");
            return this;
        }

        /**
         * The title the default side reply gives the session-title request.
         *
         * @param title the title
         * @return this builder
         */
        public Builder sessionTitle(String title) {
            sessionTitle = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * The value of {@code ANTHROPIC_API_KEY} in {@link FakeClaudeApi#environment()}.
         *
         * @param key the fake key
         * @return this builder
         */
        public Builder apiKey(String key) {
            apiKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Whether {@link FakeClaudeApi#environment()} includes the knobs that turn off update
         * checks, telemetry and error reports ({@code DISABLE_AUTOUPDATER},
         * {@code DISABLE_TELEMETRY}, {@code DISABLE_ERROR_REPORTING}). Default: true.
         *
         * @param enabled whether to include them
         * @return this builder
         */
        public Builder quietEnvironment(boolean enabled) {
            quiet = enabled;
            return this;
        }

        /**
         * Adds a variable to {@link FakeClaudeApi#environment()}, overriding a built-in one of the
         * same name, e.g. {@code CLAUDE_CODE_MAX_RETRIES}.
         *
         * @param name the variable
         * @param value its value
         * @return this builder
         */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server; close it
         * @throws UncheckedIOException when it cannot bind or create its temp dirs
         */
        public FakeClaudeApi start() {
            return new FakeClaudeApi(this);
        }
    }
}
