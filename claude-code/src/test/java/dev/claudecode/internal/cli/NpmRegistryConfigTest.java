package dev.claudecode.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmRegistryConfigTest {

    @TempDir
    Path home;

    @TempDir
    Path project;

    private final AtomicInteger npmCalls = new AtomicInteger();
    private Supplier<Optional<String>> npm = () -> {
        npmCalls.incrementAndGet();
        return Optional.of("https://from-npm.test/\n");
    };

    @BeforeEach
    void writeNpmrcFiles() throws IOException {
        Files.writeString(project.resolve(".npmrc"), "registry=https://from-project.test/\n");
        Files.writeString(home.resolve(".npmrc"), "registry=https://from-home.test/\n");
    }

    @Test
    void theOptionWinsOverEverything() {
        NpmRegistryConfig config = resolve(Optional.of(URI.create("https://option.test/npm")),
                Map.of("npm_config_registry", "https://from-env.test/"));

        assertThat(config.registry()).isEqualTo(URI.create("https://option.test/npm/"));
        assertThat(npmCalls).hasValue(0);
    }

    @Test
    void theEnvironmentWinsOverNpmrcFiles() {
        assertThat(resolve(Optional.empty(), Map.of("npm_config_registry", "https://from-env.test")).registry())
                .isEqualTo(URI.create("https://from-env.test/"));
        assertThat(resolve(Optional.empty(), Map.of("NPM_CONFIG_REGISTRY", "https://upper.test/")).registry())
                .isEqualTo(URI.create("https://upper.test/"));
        assertThat(resolve(Optional.empty(), Map.of("NPM_CONFIG_REGISTRY", "https://upper.test/",
                "npm_config_registry", "https://lower.test/")).registry())
                .isEqualTo(URI.create("https://lower.test/"));
    }

    @Test
    void theProjectNpmrcWinsOverTheUserNpmrc() {
        NpmRegistryConfig config = resolve(Optional.empty(), Map.of());

        assertThat(config.registry()).isEqualTo(URI.create("https://from-project.test/"));
        assertThat(config.origin()).isEqualTo(project.resolve(".npmrc").toString());
    }

    @Test
    void theUserNpmrcWinsOverNpm() throws IOException {
        Files.delete(project.resolve(".npmrc"));

        assertThat(resolve(Optional.empty(), Map.of()).registry()).isEqualTo(URI.create("https://from-home.test/"));
        assertThat(npmCalls).hasValue(0);
    }

    @Test
    void npmIsAskedWhenNoFileSays() throws IOException {
        Files.delete(project.resolve(".npmrc"));
        Files.delete(home.resolve(".npmrc"));

        assertThat(resolve(Optional.empty(), Map.of()).registry()).isEqualTo(URI.create("https://from-npm.test/"));
        assertThat(npmCalls).hasValue(1);
    }

    @Test
    void thePublicRegistryIsTheLastResort() throws IOException {
        Files.delete(project.resolve(".npmrc"));
        Files.delete(home.resolve(".npmrc"));
        npm = Optional::empty;

        NpmRegistryConfig config = resolve(Optional.empty(), Map.of());

        assertThat(config.registry()).isEqualTo(URI.create("https://registry.npmjs.org/"));
    }

    @Test
    void aScopedRegistryWinsOverThePlainOneInTheSameFile() throws IOException {
        Files.writeString(project.resolve(".npmrc"), """
                registry=https://plain.test/
                @anthropic-ai:registry=https://scoped.test/
                """);

        assertThat(resolve(Optional.empty(), Map.of()).registry()).isEqualTo(URI.create("https://scoped.test/"));
    }

    @Test
    void unusableValuesAreSkipped() throws IOException {
        Files.writeString(project.resolve(".npmrc"), "registry=not a url\n");

        assertThat(resolve(Optional.empty(), Map.of("npm_config_registry", "ftp://x.test/")).registry())
                .isEqualTo(URI.create("https://from-home.test/"));
    }

    @Test
    void tokensAreScopedToTheirHostAndPathAndExpandVariables() throws IOException {
        Files.writeString(home.resolve(".npmrc"), """
                ; comment
                //npm.corp.test/:_authToken=broad
                //npm.corp.test/team/:_authToken="${TEAM_TOKEN}"
                //127.0.0.1:4873/:_authToken=local
                """);
        NpmRegistryConfig config = resolve(Optional.empty(), Map.of("TEAM_TOKEN", "narrow"));

        assertThat(config.authTokenFor(URI.create("https://npm.corp.test/team/@anthropic-ai%2fx"))).contains("narrow");
        assertThat(config.authTokenFor(URI.create("https://npm.corp.test/other/x.tgz"))).contains("broad");
        assertThat(config.authTokenFor(URI.create("http://127.0.0.1:4873/x"))).contains("local");
        assertThat(config.authTokenFor(URI.create("http://127.0.0.1:9999/x"))).isEmpty();
        assertThat(config.authTokenFor(URI.create("https://evil.test/npm.corp.test/"))).isEmpty();
    }

    @Test
    void theProjectTokenOverridesTheUserToken() throws IOException {
        Files.writeString(home.resolve(".npmrc"), "//r.test/:_authToken=user\n");
        Files.writeString(project.resolve(".npmrc"), "//r.test/:_authToken=project\n");

        assertThat(resolve(Optional.empty(), Map.of()).authTokenFor(URI.create("https://r.test/p"))).contains("project");
    }

    @Test
    void npmUserconfigMovesTheUserFile() throws IOException {
        Files.delete(project.resolve(".npmrc"));
        Path elsewhere = Files.writeString(project.resolve("custom-npmrc"), "registry=https://custom.test/\n");

        assertThat(resolve(Optional.empty(), Map.of("npm_config_userconfig", elsewhere.toString())).registry())
                .isEqualTo(URI.create("https://custom.test/"));
    }

    private NpmRegistryConfig resolve(Optional<URI> explicit, Map<String, String> env) {
        return NpmRegistryConfig.resolve(explicit, env, project, home, npm);
    }
}
