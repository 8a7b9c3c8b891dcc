package dev.claudecode.console.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Which addresses the console's page may be opened at, whatever address the server binds to. A
 * request must name one of them in {@code Host} (a page of another site whose name resolves to this
 * machine still sends its own name: DNS rebinding), and a request that says where it comes from
 * ({@code Origin}) must come from one of them (cross-site requests).
 *
 * <p>Bound to a loopback address, the console is opened at that address, and when it is
 * {@code 127.0.0.1}, {@code localhost} or {@code ::1} also at the other two of these names. Bound to
 * any other address (including every interface, {@code 0.0.0.0}), nothing is implied: the origins
 * the page is opened at must be listed ({@code --allow-origin}), and the console does not start
 * without them. Listed origins are accepted on a loopback bind too. An origin listed without a port
 * means the console's own port.
 */
final class OriginPolicy {

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    /** An allowed origin: its scheme and host, and its port unless it means the console's own. */
    private record Allowed(String scheme, String host, int port) {
        String authority(int ownPort) {
            return host + ":" + (port < 0 ? ownPort : port);
        }
    }

    private final List<Allowed> allowed;
    private final IntSupplier port;

    private OriginPolicy(List<Allowed> allowed, IntSupplier port) {
        this.allowed = List.copyOf(allowed);
        this.port = port;
    }

    /**
     * The policy for a console bound to an address.
     *
     * @param bindHost the address the server binds to
     * @param allowOrigins origins listed by the person, such as {@code http://devbox.example:8484}
     * @param port the port the server listens on, known once it runs
     * @return the policy
     * @throws IllegalArgumentException for a malformed origin, or a non-loopback bind without origins
     */
    static OriginPolicy of(String bindHost, List<String> allowOrigins, IntSupplier port) {
        List<Allowed> allowed = new ArrayList<>();
        String host = bracketed(bindHost.strip().toLowerCase(Locale.ROOT));
        if (isLoopback(bindHost)) {
            allowed.add(new Allowed("http", host, -1));
            if (LOOPBACK_NAMES.contains(host)) {
                LOOPBACK_NAMES.stream().sorted().filter(name -> !name.equals(host)).forEach(name -> allowed.add(new Allowed("http", name, -1)));
            }
        } else if (allowOrigins.isEmpty()) {
            throw new IllegalArgumentException("--host " + bindHost + " is not a loopback address: list the origins the page is "
                    + "opened at with --allow-origin (such as http://" + (isWildcard(host) ? "HOSTNAME" : host) + ":PORT); "
                    + "requests naming any other host are refused");
        }
        for (String origin : allowOrigins) {
            allowed.add(parse(origin));
        }
        return new OriginPolicy(allowed, port);
    }

    /**
     * @param hostHeader the request's {@code Host}
     * @return whether it names an address the page is opened at
     */
    boolean allowsHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String value = hostHeader.strip().toLowerCase(Locale.ROOT);
        int own = port.getAsInt();
        return allowed.stream().anyMatch(origin -> origin.authority(own).equals(value)
                || (origin.port() < 0 && own == defaultPort(origin.scheme()) && origin.host().equals(value)));
    }

    /**
     * @param origin the request's {@code Origin}
     * @return whether it is one of the origins the page is opened at
     */
    boolean allowsOrigin(String origin) {
        Allowed parsed;
        try {
            parsed = parse(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int own = port.getAsInt();
        int requestPort = parsed.port() < 0 ? defaultPort(parsed.scheme()) : parsed.port();
        return allowed.stream().anyMatch(candidate -> candidate.scheme().equals(parsed.scheme())
                && candidate.host().equals(parsed.host())
                && (candidate.port() < 0 ? own : candidate.port()) == requestPort);
    }

    /** @return the origin the console's address is printed with: the first allowed one */
    URI pageOrigin() {
        Allowed first = allowed.getFirst();
        return URI.create(first.scheme() + "://" + first.authority(port.getAsInt()));
    }

    static boolean isLoopback(String bindHost) {
        String host = bindHost.strip();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:.]+]?")) {
            // a name: whatever it resolves to now, it may resolve elsewhere later
            return false;
        }
        try {
            // a literal address: no name is looked up
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("[::]") || host.equals("[0:0:0:0:0:0:0:0]");
    }

    private static Allowed parse(String origin) {
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException("not an origin (http[s]://HOST[:PORT]): " + origin);
        }
        return new Allowed(scheme, bracketed(uri.getHost().toLowerCase(Locale.ROOT)), uri.getPort());
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** @return the allowed origins, for messages */
    Set<String> describe() {
        int own = port.getAsInt();
        Set<String> origins = new LinkedHashSet<>();
        allowed.forEach(origin -> origins.add(origin.scheme() + "://" + origin.authority(own)));
        return origins;
    }
}
