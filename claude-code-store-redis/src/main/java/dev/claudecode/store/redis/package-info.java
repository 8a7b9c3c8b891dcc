/**
 * A {@link dev.claudecode.store.SessionStore} in Redis: {@link dev.claudecode.store.redis.RedisSessionStore},
 * on the Jedis client.
 *
 * <p>Why Jedis: the store's calls are blocking, like the {@code SessionStore} SPI and the virtual
 * threads that call it, and Jedis is a blocking client with few dependencies (Apache Commons Pool,
 * Gson, org.json); Lettuce's synchronous API sits on Netty and Reactor, a second I/O stack and
 * thread pool for nothing the store needs. Jedis's {@code UnifiedJedis} covers a single server
 * ({@code RedisClient}, {@code JedisPooled}) and a cluster ({@code JedisCluster}) alike, and its
 * pool, authentication and TLS are configured by the application.
 */
package dev.claudecode.store.redis;
