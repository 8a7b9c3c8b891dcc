package dev.claudecode.console.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Runs before every request to the console, which can run commands on this machine:
 * <ol>
 *   <li>every response carries headers that keep the page out of other sites' frames
 *       ({@code X-Frame-Options: DENY}, CSP {@code frame-ancestors 'none'}) and allow only the
 *       page's own script, style and connections (a strict Content-Security-Policy);</li>
 *   <li>{@code Host} must name an address the page is opened at, else 403 (DNS rebinding);</li>
 *   <li>a request that carries {@code Origin} must come from such an address, else 403
 *       (cross-site requests, and other local pages on other ports);</li>
 *   <li>the request must carry the run's {@link AccessToken}, else 401: as the cookie it was
 *       exchanged for, or as {@code Authorization: Bearer}. A GET whose address carries
 *       {@code ?token=} gets the cookie (HttpOnly, SameSite=Strict) and a redirect to the same
 *       address without the token.</li>
 * </ol>
 */
final class RequestGuard {

    /** The headers every response carries. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                    + "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin",
            "Cache-Control", "no-store");

    static final String TOKEN_PARAMETER = "token";

    private final OriginPolicy origins;
    private final AccessToken token;
    private final IntSupplier port;

    RequestGuard(OriginPolicy origins, AccessToken token, IntSupplier port) {
        this.origins = origins;
        this.token = token;
        this.port = port;
    }

    /** The cookie's name carries the port: browsers share cookies between the ports of one host. */
    String cookieName() {
        return "claude_code_console_" + port.getAsInt();
    }

    void check(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (!origins.allowsHost(ctx.header("Host"))) {
            throw new Refused(HttpStatus.FORBIDDEN, "this console answers only requests to " + String.join(", ", origins.describe()));
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origins.allowsOrigin(origin)) {
            throw new Refused(HttpStatus.FORBIDDEN, "requests are accepted only from the console's own page");
        }
        String presented = ctx.queryParam(TOKEN_PARAMETER);
        if (presented != null && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)) {
            if (!token.matches(presented)) {
                throw new Refused(HttpStatus.UNAUTHORIZED, "this access token is not the one `claude-code serve` printed for this run");
            }
            ctx.header("Set-Cookie", cookieName() + "=" + token.value() + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect(withoutToken(ctx.path(), ctx.queryString()), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!token.matches(ctx.cookie(cookieName())) && !token.matches(bearer(ctx.header("Authorization")))) {
            throw new Refused(HttpStatus.UNAUTHORIZED, "open the address that `claude-code serve` printed: it carries this run's access token");
        }
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7) : null;
    }

    /** The same address without the token, on this server only (never {@code //other.host}). */
    static String withoutToken(String path, String query) {
        String cleanPath = path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\") ? "/" : path;
        List<String> kept = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !name.equals(TOKEN_PARAMETER)) {
                    kept.add(pair);
                }
            }
        }
        return kept.isEmpty() ? cleanPath : cleanPath + "?" + String.join("&", kept);
    }
}
