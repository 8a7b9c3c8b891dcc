package dev.claudecode.store.redis;

import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.SessionSummary;
import dev.claudecode.store.StoredSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.Tuple;

/**
 * A {@link SessionStore} in Redis, through a Jedis client: every JVM of a service that reaches the
 * Redis server can resume every session.
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.builder().hostAndPort("redis", 6379).clientConfig(config).build();
 * SessionStore store = RedisSessionStore.builder(redis).build();
 * }</pre>
 *
 * <p>Keys, under a {@linkplain Builder#keyPrefix prefix} and the project key as hash tag (so that a
 * project's keys share one cluster slot): per transcript a list of entries ({@code ...:entries}),
 * the set of their uuids ({@code ...:uuids}) and a hash with the save time, a version and, for a
 * main transcript, the summary ({@code ...:meta}); per project a sorted set of sessions by save time
 * ({@code {project}:sessions}); per session the set of its subagent transcripts
 * ({@code {project}:s:<session>:subkeys}).
 *
 * <p>An append reads the transcript's version and which uuids it holds, folds the summary, then
 * runs one Lua script that saves the batch only if the version is unchanged: the entries, the
 * uuids, the summary, the save time (Redis's clock, {@code TIME}, never going back) and the
 * indexes change together or not at all. Concurrent appends to one transcript retry until they
 * win; appends to different transcripts never wait for each other. Redis cannot tell an emptied
 * transcript from one never written; both load empty. The store never sets expiries: retention is
 * the application's. Thread-safe as the client is; the client (its pool, authentication, TLS) is
 * the caller's to configure and close.
 */
public final class RedisSessionStore implements SessionStore {

    /** The key prefix by default. */
    public static final String DEFAULT_PREFIX = "claude-code:";

    private static final int PAGE = 1_000;
    private static final int MAX_ATTEMPTS = 200;

    private final UnifiedJedis redis;
    private final String prefix;
    private final Script append = new Script("""
            local version = redis.call('HGET', KEYS[3], 'version')
            if (version or '') ~= ARGV[1] then return 0 end
            for i = 5, #ARGV, 2 do
              if ARGV[i] == '' or redis.call('SADD', KEYS[2], ARGV[i]) == 1 then
                redis.call('RPUSH', KEYS[1], ARGV[i + 1])
              end
            end
            local now = redis.call('TIME')
            local mtime = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
            local previous = tonumber(redis.call('HGET', KEYS[3], 'mtime') or '0')
            if mtime <= previous then mtime = previous + 1 end
            local stamp = string.format('%.0f', mtime)
            redis.call('HSET', KEYS[3], 'mtime', stamp, 'version', string.format('%.0f', tonumber(version or '0') + 1))
            if ARGV[2] ~= '' then redis.call('HSET', KEYS[3], 'summary', ARGV[2]) end
            if ARGV[3] == 'main' then
              redis.call('ZADD', KEYS[4], stamp, ARGV[4])
            else
              redis.call('SADD', KEYS[4], ARGV[4])
            end
            return 1
            """);
    private final Script deleteSession = new Script("""
            local transcripts = redis.call('SMEMBERS', KEYS[1])
            table.insert(transcripts, '')
            for _, subpath in ipairs(transcripts) do
              redis.call('DEL', ARGV[1] .. subpath .. ':entries', ARGV[1] .. subpath .. ':uuids', ARGV[1] .. subpath .. ':meta')
            end
            redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[2], ARGV[2])
            return 1
            """);
    private final Script deleteTranscript = new Script("""
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
            redis.call('SREM', KEYS[4], ARGV[1])
            return 1
            """);

    private RedisSessionStore(Builder builder) {
        this.redis = builder.redis;
        this.prefix = builder.keyPrefix;
    }

    /**
     * Starts building a store.
     *
     * @param redis the client ({@code RedisClient}, {@code JedisPooled}, {@code JedisCluster}, ...), configured by the caller
     * @return a builder
     */
    public static Builder builder(UnifiedJedis redis) {
        return new Builder(Objects.requireNonNull(redis, "redis"));
    }

    @Override
    public void append(SessionKey key, List<SessionStoreEntry> entries) {
        Objects.requireNonNull(key, "key");
        List<SessionStoreEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return;
        }
        Keys keys = keys(key);
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                if (tryAppend(key, keys, batch)) {
                    return;
                }
                // another append to the transcript won the race: read again, after a moment
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 1_000_000L * Math.min(attempt, 20)));
            }
        } catch (JedisException e) {
            throw failure("append to " + key, e);
        }
        throw new SessionStoreException("Redis session store: cannot append to " + key + ": " + MAX_ATTEMPTS
                + " concurrent appends to the same transcript won over it");
    }

    private boolean tryAppend(SessionKey key, Keys keys, List<SessionStoreEntry> batch) {
        List<String> meta = redis.hmget(keys.meta(), "version", "summary");
        String version = meta.get(0);
        String summaryJson = meta.get(1);
        List<String> uuids = batch.stream().flatMap(entry -> entry.uuid().stream()).distinct().toList();
        Set<String> held = new HashSet<>();
        if (!uuids.isEmpty()) {
            List<Boolean> present = redis.smismember(keys.uuids(), uuids.toArray(String[]::new));
            for (int i = 0; i < uuids.size(); i++) {
                if (present.get(i)) {
                    held.add(uuids.get(i));
                }
            }
        }
        List<SessionStoreEntry> added = new ArrayList<>(batch.size());
        for (SessionStoreEntry entry : batch) {
            if (entry.uuid().map(held::add).orElse(true)) {
                added.add(entry);
            }
        }
        String summary = "";
        if (key.isMain()) {
            Optional<SessionSummary> previous = summaryJson == null
                    ? Optional.empty()
                    : Optional.of(SessionSummary.parse(key.sessionId(), 0, summaryJson));
            summary = SessionSummary.fold(previous, key, added, 0).dataJson();
        }
        List<String> args = new ArrayList<>(4 + 2 * added.size());
        args.add(version == null ? "" : version);
        args.add(summary);
        args.add(key.isMain() ? "main" : "sub");
        args.add(key.isMain() ? key.sessionId() : key.subpath().orElseThrow());
        for (SessionStoreEntry entry : added) {
            args.add(entry.uuid().orElse(""));
            args.add(entry.json());
        }
        String index = key.isMain() ? sessionsKey(key.projectKey()) : subkeysKey(key.projectKey(), key.sessionId());
        Object won = append.run(redis, List.of(keys.entries(), keys.uuids(), keys.meta(), index), args);
        return Long.valueOf(1).equals(won);
    }

    @Override
    public Optional<List<SessionStoreEntry>> load(SessionKey key) {
        Objects.requireNonNull(key, "key");
        String list = keys(key).entries();
        List<SessionStoreEntry> entries = new ArrayList<>();
        try {
            for (long from = 0; ; from += PAGE) {
                List<String> page = redis.lrange(list, from, from + PAGE - 1);
                for (String json : page) {
                    entries.add(SessionStoreEntry.parse(json));
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        } catch (JedisException e) {
            throw failure("load " + key, e);
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(entries));
    }

    @Override
    public List<StoredSession> listSessions(String projectKey) {
        try {
            return redis.zrangeWithScores(sessionsKey(projectKey), 0, -1).stream()
                    .map(tuple -> new StoredSession(tuple.getElement(), (long) tuple.getScore()))
                    .toList();
        } catch (JedisException e) {
            throw failure("list the sessions of " + projectKey, e);
        }
    }

    @Override
    public List<SessionSummary> listSessionSummaries(String projectKey) {
        try {
            List<Tuple> sessions = redis.zrangeWithScores(sessionsKey(projectKey), 0, -1);
            List<Response<List<String>>> metas = new ArrayList<>(sessions.size());
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (Tuple session : sessions) {
                    metas.add(pipeline.hmget(keys(SessionKey.of(projectKey, session.getElement())).meta(), "mtime", "summary"));
                }
                pipeline.sync();
            }
            List<SessionSummary> summaries = new ArrayList<>(sessions.size());
            for (int i = 0; i < sessions.size(); i++) {
                List<String> meta = metas.get(i).get();
                if (meta.get(0) != null && meta.get(1) != null) {
                    summaries.add(SessionSummary.parse(sessions.get(i).getElement(), Long.parseLong(meta.get(0)), meta.get(1)));
                }
            }
            return summaries;
        } catch (JedisException e) {
            throw failure("list the summaries of " + projectKey, e);
        }
    }

    @Override
    public void delete(SessionKey key) {
        Objects.requireNonNull(key, "key");
        String subkeys = subkeysKey(key.projectKey(), key.sessionId());
        try {
            if (key.isMain()) {
                deleteSession.run(redis, List.of(subkeys, sessionsKey(key.projectKey())),
                        List.of(transcriptBase(key.projectKey(), key.sessionId()), key.sessionId()));
            } else {
                Keys keys = keys(key);
                deleteTranscript.run(redis, List.of(keys.entries(), keys.uuids(), keys.meta(), subkeys),
                        List.of(key.subpath().orElseThrow()));
            }
        } catch (JedisException e) {
            throw failure("delete " + key, e);
        }
    }

    @Override
    public List<String> listSubkeys(String projectKey, String sessionId) {
        try {
            return List.copyOf(redis.smembers(subkeysKey(projectKey, sessionId)));
        } catch (JedisException e) {
            throw failure("list the subagent transcripts of " + projectKey + "/" + sessionId, e);
        }
    }

    // ---------------------------------------------------------------- keys

    /** The keys of one transcript. */
    private record Keys(String entries, String uuids, String meta) {
    }

    private Keys keys(SessionKey key) {
        String base = transcriptBase(key.projectKey(), key.sessionId()) + key.subpath().orElse("");
        return new Keys(base + ":entries", base + ":uuids", base + ":meta");
    }

    /** Everything up to the subpath; a subpath needs no escaping, since what follows it is fixed. */
    private String transcriptBase(String projectKey, String sessionId) {
        return project(projectKey) + ":t:" + escape(sessionId) + ":";
    }

    private String sessionsKey(String projectKey) {
        return project(projectKey) + ":sessions";
    }

    private String subkeysKey(String projectKey, String sessionId) {
        return project(projectKey) + ":s:" + escape(sessionId) + ":subkeys";
    }

    /** The project's part of every key: its hash tag, so that all of a project's keys share a cluster slot. */
    private String project(String projectKey) {
        return prefix + "{" + escape(projectKey) + "}";
    }

    /** Escapes the characters that separate key parts and hash tags, so that no two names share a key. */
    private static String escape(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case ':' -> out.append("%3A");
                case '{' -> out.append("%7B");
                case '}' -> out.append("%7D");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static SessionStoreException failure(String what, JedisException e) {
        return new SessionStoreException("Redis session store: cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "RedisSessionStore[" + prefix + "]";
    }

    /** Configures a {@link RedisSessionStore}. */
    public static final class Builder {
        private final UnifiedJedis redis;
        private String keyPrefix = DEFAULT_PREFIX;

        private Builder(UnifiedJedis redis) {
            this.redis = redis;
        }

        /**
         * @param keyPrefix what every key starts with, {@value #DEFAULT_PREFIX} by default; 1 to 100
         *     characters, no braces (the project key is the keys' hash tag)
         * @return this builder
         */
        public Builder keyPrefix(String keyPrefix) {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            if (keyPrefix.isEmpty() || keyPrefix.length() > 100 || keyPrefix.contains("{") || keyPrefix.contains("}")) {
                throw new IllegalArgumentException("a key prefix has 1 to 100 characters and no braces: " + keyPrefix);
            }
            this.keyPrefix = keyPrefix;
            return this;
        }

        /** @return the store */
        public RedisSessionStore build() {
            return new RedisSessionStore(this);
        }
    }

    /** A Lua script run by its SHA-1, loaded again when the server has forgotten it. */
    private static final class Script {
        private final String source;
        private volatile String sha;

        Script(String source) {
            this.source = source;
        }

        Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
            String known = sha;
            if (known != null) {
                try {
                    return redis.evalsha(known, keys, args);
                } catch (redis.clients.jedis.exceptions.JedisNoScriptException e) {
                    // the server restarted or flushed its scripts: load again below
                }
            }
            sha = redis.scriptLoad(source, keys.getFirst());
            return redis.evalsha(sha, keys, args);
        }
    }
}
