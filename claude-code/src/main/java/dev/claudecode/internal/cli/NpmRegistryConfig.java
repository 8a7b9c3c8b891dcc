package dev.claudecode.internal.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which npm registry to download the CLI from, and the tokens to authenticate to it: the explicit
 * option, then {@code npm_config_registry}, then (only when the caller trusts it) the project's
 * {@code .npmrc}, then the user's {@code ~/.npmrc}, then {@code npm config get registry}, then the
 * public registry. The project's file is left out unless asked for: a project checked out from
 * elsewhere must not choose where an executable comes from, nor which secrets go where.
 *
 * @param registry the registry base URI, always ending in {@code /}
 * @param origin where the registry setting came from, for messages
 * @param authTokens bearer tokens by npm "nerf dart" prefix (e.g. {@code //npm.example.com/}),
 *     from {@code //host/path/:_authToken=} lines
 */
public record NpmRegistryConfig(URI registry, String origin, Map<String, String> authTokens) {

    /** The public npm registry, used when nothing else is configured. */
    public static final URI DEFAULT_REGISTRY = URI.create("https://registry.npmjs.org/");

    /** The npm scope of the CLI packages; a scope-specific registry setting wins over the plain one. */
    static final String SCOPE = "@anthropic-ai";

    private static final String AUTH_TOKEN_SUFFIX = ":_authToken";
    private static final Duration NPM_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Checks the components.
     *
     * @param registry the registry base URI
     * @param origin where it came from
     * @param authTokens tokens by nerf dart prefix
     */
    public NpmRegistryConfig {
        registry = withTrailingSlash(registry);
        authTokens = Map.copyOf(authTokens);
    }

    /**
     * Resolves the registry and its tokens.
     *
     * @param explicit a registry given directly, which wins over everything
     * @param environment the environment variables
     * @param projectDir the directory whose {@code .npmrc} is read first, when the caller trusts it;
     *     empty to read none
     * @param homeDir the directory of the user's {@code .npmrc}
     * @param npmConfigRegistry asks {@code npm} for its registry setting; consulted only when no file says
     * @return the configuration
     */
    public static NpmRegistryConfig resolve(Optional<URI> explicit, Map<String, String> environment,
            Optional<Path> projectDir, Path homeDir, Supplier<Optional<String>> npmConfigRegistry) {
        Path userFile = env(environment, "npm_config_userconfig").map(Path::of).orElse(homeDir.resolve(".npmrc"));
        // npm's order: the project's file, when read, wins over the user's
        Map<Path, Npmrc> files = new LinkedHashMap<>();
        projectDir.map(dir -> dir.resolve(".npmrc")).ifPresent(file -> files.put(file, Npmrc.read(file, environment)));
        files.putIfAbsent(userFile, Npmrc.read(userFile, environment));
        Map<String, String> tokens = new LinkedHashMap<>();
        List.copyOf(files.values()).reversed().forEach(npmrc -> tokens.putAll(tokens(npmrc)));

        if (explicit.isPresent()) {
            return new NpmRegistryConfig(explicit.get(), "the registry option", tokens);
        }
        Optional<URI> fromEnv = env(environment, "npm_config_" + SCOPE + ":registry")
                .or(() -> env(environment, "npm_config_registry")).flatMap(NpmRegistryConfig::parseUri);
        if (fromEnv.isPresent()) {
            return new NpmRegistryConfig(fromEnv.get(), "the environment variable npm_config_registry", tokens);
        }
        for (Map.Entry<Path, Npmrc> file : files.entrySet()) {
            Optional<URI> fromFile = file.getValue().get(SCOPE + ":registry")
                    .or(() -> file.getValue().get("registry")).flatMap(NpmRegistryConfig::parseUri);
            if (fromFile.isPresent()) {
                return new NpmRegistryConfig(fromFile.get(), file.getKey().toString(), tokens);
            }
        }
        Optional<URI> fromNpm = npmConfigRegistry.get().flatMap(NpmRegistryConfig::parseUri);
        if (fromNpm.isPresent()) {
            return new NpmRegistryConfig(fromNpm.get(), "npm config get registry", tokens);
        }
        return new NpmRegistryConfig(DEFAULT_REGISTRY, "the default", tokens);
    }

    /**
     * Asks the {@code npm} on the PATH for its registry setting (which also covers its global and
     * built-in config files). Gives up quietly when npm is missing, fails or is slow.
     *
     * @param directory where to run npm: npm reads the {@code .npmrc} of the project it finds there,
     *     so this is the project only when its file is trusted, and else the home directory
     * @return the setting, when npm printed one
     */
    public static Optional<String> npmConfigGetRegistry(Path directory) {
        String npm = PlatformDetector.isWindows() ? "npm.cmd" : "npm";
        try {
            return BoundedProcess.run(List.of(npm, "config", "get", "registry"), Optional.of(directory), NPM_TIMEOUT, false)
                    .filter(result -> result.exitCode() == 0)
                    .map(result -> result.output().strip())
                    .filter(output -> !output.isEmpty() && !output.equals("undefined"));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Finds the token for a request, matching the longest configured {@code //host/path/} prefix of
     * the URL the way npm scopes credentials, so a token is never sent to another host.
     *
     * @param url the URL about to be requested
     * @return the bearer token for it, when one is configured
     */
    public Optional<String> authTokenFor(URI url) {
        if (url.getHost() == null) {
            return Optional.empty();
        }
        String nerfDart = "//" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
        return authTokens.entrySet().stream()
                .filter(entry -> nerfDart.startsWith(entry.getKey()))
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue);
    }

    private static Map<String, String> tokens(Npmrc npmrc) {
        Map<String, String> tokens = new LinkedHashMap<>();
        npmrc.values().forEach((key, value) -> {
            if (key.startsWith("//") && key.endsWith(AUTH_TOKEN_SUFFIX) && !value.isBlank()) {
                String prefix = key.substring(0, key.length() - AUTH_TOKEN_SUFFIX.length());
                tokens.put(prefix.endsWith("/") ? prefix : prefix + "/", value);
            }
        });
        return tokens;
    }

    // npm reads its settings from the environment case-insensitively; when both spellings are set,
    // the lower-case one (which sorts last) wins, as it does for npm
    private static Optional<String> env(Map<String, String> environment, String name) {
        return environment.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
                .map(Map.Entry::getValue)
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    private static Optional<URI> parseUri(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URI withTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }
}
