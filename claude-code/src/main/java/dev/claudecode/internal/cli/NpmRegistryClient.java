package dev.claudecode.internal.cli;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Talks to an npm registry: reads where a package version's tarball is and its digest, and
 * downloads the tarball. Every request has an overall time limit and is aborted when it passes or
 * when the calling thread is interrupted.
 *
 * <p>Trust: every URL it requests (the registry's, the tarball's, each redirect's) must be
 * {@code https} unless plain {@code http} was allowed. It follows redirects itself, so that a
 * token goes only where {@link NpmRegistryConfig#authTokenFor(URI)} sends it for the URL of that
 * very request, never on to the host a redirect names, and never over plain http unless allowed.
 */
public final class NpmRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(NpmRegistryClient.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** The abbreviated document npm itself asks for: much smaller than the full one, and it has {@code dist}. */
    private static final String ABBREVIATED_METADATA = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8";

    private final HttpClient http;
    private final NpmRegistryConfig config;
    private final Duration downloadTimeout;
    private final boolean allowHttp;

    /**
     * Where a package version's tarball is and how to check it.
     *
     * @param tarball the tarball URL
     * @param integrity its published digest
     */
    public record Dist(URI tarball, Integrity integrity) {
    }

    /**
     * Creates a client.
     *
     * @param http the HTTP client (its connect timeout and proxy apply)
     * @param config the registry and its tokens
     * @param downloadTimeout how long a tarball download may take in all
     * @param allowHttp whether plain {@code http} URLs may be requested (a local mirror, a test)
     */
    public NpmRegistryClient(HttpClient http, NpmRegistryConfig config, Duration downloadTimeout, boolean allowHttp) {
        this.http = http;
        this.config = config;
        this.downloadTimeout = downloadTimeout;
        this.allowHttp = allowHttp;
    }

    /** @return the registry this client talks to */
    public URI registry() {
        return config.registry();
    }

    /**
     * Reads a version's {@code dist}: first from the small version document
     * ({@code <registry>/<package>/<version>}), then, for registries that do not serve one, from the
     * package document's {@code versions[version]}.
     *
     * @param packageName e.g. {@code @anthropic-ai/claude-code-linux-x64}
     * @param version e.g. {@code 2.1.197}
     * @return the tarball URL and digest
     * @throws CliInstallException when the registry cannot be reached, fails, or has no such version
     * @throws InterruptedException when the calling thread is interrupted
     */
    public Dist fetchDist(String packageName, String version) throws InterruptedException {
        URI packageUri = config.registry().resolve(packageName.replace("/", "%2f"));
        URI versionUri = URI.create(packageUri + "/" + version);
        HttpResponse<String> response = get(versionUri, "application/json");
        JsonNode versionNode;
        if (response.statusCode() == 200) {
            JsonNode document = parse(versionUri, response.body());
            versionNode = document.has("versions") ? document.path("versions").path(version) : document;
        } else if (response.statusCode() == 404 || response.statusCode() == 405) {
            HttpResponse<String> packageResponse = get(packageUri, ABBREVIATED_METADATA);
            if (packageResponse.statusCode() == 404) {
                throw new CliInstallException("The registry " + config.registry() + " (from " + config.origin()
                        + ") has no package " + packageName);
            }
            if (packageResponse.statusCode() != 200) {
                throw httpFailure(packageUri, packageResponse.statusCode());
            }
            versionNode = parse(packageUri, packageResponse.body()).path("versions").path(version);
            if (!versionNode.isObject()) {
                throw new CliInstallException("The registry " + config.registry() + " has no version " + version
                        + " of " + packageName);
            }
        } else {
            throw httpFailure(versionUri, response.statusCode());
        }
        JsonNode dist = versionNode.path("dist");
        Optional<URI> tarball = Json.text(dist, "tarball").flatMap(text -> httpUri(versionUri, text));
        if (tarball.isEmpty()) {
            throw new CliInstallException("The registry metadata at " + versionUri
                    + " has no usable dist.tarball URL for " + packageName + "@" + version);
        }
        return new Dist(tarball.get(), Integrity.of(Json.text(dist, "integrity"), Json.text(dist, "shasum")));
    }

    /**
     * Downloads a file.
     *
     * @param url what to download
     * @param target where to write it; created new (it must not exist)
     * @throws CliInstallException when the download fails or times out (the target may then be partly written)
     * @throws InterruptedException when the calling thread is interrupted
     */
    public void download(URI url, Path target) throws InterruptedException {
        download(url, target, (bytes, total) -> { });
    }

    /**
     * Downloads a file and reports how many bytes have arrived.
     *
     * @param url what to download
     * @param target where to write it; created new (it must not exist)
     * @param progress receives the bytes so far and the size the server announced (or -1), on
     *     the HTTP client's thread, at most about ten times a second and once at the end
     * @throws CliInstallException when the download fails or times out (the target may then be partly written)
     * @throws InterruptedException when the calling thread is interrupted
     */
    public void download(URI url, Path target, Progress progress) throws InterruptedException {
        BodyHandler<Path> handler = info -> {
            if (info.statusCode() != 200) {
                return BodySubscribers.replacing(target);
            }
            long total = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new CountingSubscriber<>(BodySubscribers.ofFile(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    bytes -> progress.downloaded(bytes, total));
        };
        HttpResponse<Path> response = send(url, "application/octet-stream", handler, downloadTimeout);
        if (response.statusCode() != 200) {
            throw httpFailure(url, response.statusCode());
        }
    }

    private HttpResponse<String> get(URI url, String accept) throws InterruptedException {
        return send(url, accept, HttpResponse.BodyHandlers.ofString(), METADATA_TIMEOUT);
    }

    /**
     * GETs a URL, following up to {@value #MAX_REDIRECTS} redirects; each hop is checked and gets
     * the token of its own URL, if any.
     */
    private <T> HttpResponse<T> send(URI url, String accept, BodyHandler<T> handler, Duration timeout)
            throws InterruptedException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            requireAllowedScheme(current);
            HttpResponse<T> response = send(request(current, accept).timeout(timeout).build(), handler, timeout);
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new CliInstallException("GET " + url + " was redirected more than " + MAX_REDIRECTS + " times");
            }
            URI next = httpUri(current, location.get()).orElseThrow(() -> new CliInstallException(
                    "GET " + url + " was redirected to an unusable location: " + location.get()));
            LOG.debug("GET {} redirected to {}", current, next);
            current = next;
        }
    }

    private HttpRequest.Builder request(URI url, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).GET().header("Accept", accept);
        Optional<String> token = config.authTokenFor(url);
        if (token.isPresent()) {
            // a client that follows redirects by itself would carry the header to wherever they lead
            // (older JDKs do so even when a redirect leads to another host)
            if (http.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new CliInstallException("The HttpClient given to CliInstaller follows redirects itself, which could"
                        + " carry the registry token for " + url.getHost() + " to another host; build it with"
                        + " followRedirects(HttpClient.Redirect.NEVER) (the installer follows redirects itself)");
            }
            builder.header("Authorization", "Bearer " + token.get());
        }
        return builder;
    }

    private void requireAllowedScheme(URI url) {
        if ("https".equalsIgnoreCase(url.getScheme())) {
            return;
        }
        if (!allowHttp) {
            throw new CliInstallException("Refusing to download the CLI over plain http from "
                    + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort()) + " (registry " + config.registry()
                    + " from " + config.origin()
                    + "): anyone on the way could swap the binary. Use an https registry, or allow http for a trusted"
                    + " local mirror with CliInstaller.builder().allowHttpRegistry(true)");
        }
    }

    // The request timeout only covers the wait for the response headers; the overall deadline here
    // also bounds a body that stalls half-way, and cancelling the future aborts the exchange.
    private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler, Duration timeout)
            throws InterruptedException {
        CompletableFuture<HttpResponse<T>> future = http.sendAsync(request, handler);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CliInstallException("GET " + request.uri() + " did not complete within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IOException || e.getCause() instanceof RuntimeException
                    ? e.getCause() : e;
            throw new CliInstallException("GET " + request.uri() + " failed (registry " + config.registry()
                    + " from " + config.origin() + "): " + cause, cause);
        }
    }

    private CliInstallException httpFailure(URI url, int status) {
        String hint = status == 401 || status == 403
                ? "; the registry wants credentials: add //host/:_authToken=... to .npmrc" : "";
        return new CliInstallException("GET " + url + " failed with HTTP " + status + " (registry "
                + config.registry() + " from " + config.origin() + ")" + hint);
    }

    private static JsonNode parse(URI url, String body) {
        try {
            JsonNode node = Json.parse(body);
            if (!node.isObject()) {
                throw new CliInstallException("The registry metadata at " + url + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new CliInstallException("The registry metadata at " + url + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Optional<URI> httpUri(URI base, String text) {
        try {
            URI uri = base.resolve(text.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equals("https") || scheme.equals("http")) ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Receives the progress of a download. */
    @FunctionalInterface
    public interface Progress {

        /**
         * @param bytes how many bytes have arrived
         * @param totalBytes the announced size, or -1 when unknown
         */
        void downloaded(long bytes, long totalBytes);
    }
}
