package dev.claudecode.console.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Keeps other web sites away from the console, which can run commands on this machine: requests
 * must name the console's own host in {@code Host} (a page of another site that resolves its name
 * to 127.0.0.1 still sends its own name), and requests that change something must come from the
 * console's own page when the browser says where they come from ({@code Origin}).
 */
final class LoopbackGuard {

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "[::]", "[0:0:0:0:0:0:0:0]");

    private final String host;
    private final IntSupplier port;

    LoopbackGuard(String host, IntSupplier port) {
        this.host = host.contains(":") ? "[" + host + "]" : host;
        this.port = port;
    }

    void check(Context ctx) {
        String hostHeader = ctx.header("Host");
        if (hostHeader == null || !allowedHost(hostHeader)) {
            throw new ForbiddenResponse("this console answers only requests to " + host + ":" + port.getAsInt());
        }
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String origin = ctx.header("Origin");
            if (origin != null && !allowedOrigin(origin)) {
                throw new ForbiddenResponse("changes are accepted only from the console's own page");
            }
        }
    }

    private boolean allowedHost(String hostHeader) {
        if (WILDCARDS.contains(host)) {
            // bound to every interface on purpose: the person chose to be reachable under any name
            return true;
        }
        String value = hostHeader.strip().toLowerCase(Locale.ROOT);
        for (String name : names()) {
            if (value.equals(name + ":" + port.getAsInt())) {
                return true;
            }
        }
        return false;
    }

    private boolean allowedOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            return "http".equals(uri.getScheme()) && uri.getAuthority() != null && allowedHost(uri.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Set<String> names() {
        boolean loopback = LOOPBACK_NAMES.contains(host) || host.startsWith("127.");
        Set<String> names = new java.util.HashSet<>(Set.of(host.toLowerCase(Locale.ROOT)));
        if (loopback) {
            names.addAll(LOOPBACK_NAMES);
        }
        return names;
    }
}
