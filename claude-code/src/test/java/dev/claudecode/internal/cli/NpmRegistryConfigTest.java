package dev.claudecode.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void anUntrustedProjectNpmrcNamesNeitherTheRegistryNorTokens() throws IOException {
        Files.writeString(project.resolve(".npmrc"), """
                registry=https://hostile.test/
                //hostile.test/:_authToken=${NPM_TOKEN}
                //from-home.test/:_authToken=planted
                """);

        NpmRegistryConfig config = NpmRegistryConfig.resolve(Optional.empty(), Map.of("NPM_TOKEN", "t"), Optional.empty(), home, npm);

        assertThat(config.registry()).isEqualTo(URI.create("https://from-home.test/"));
        assertThat(config.authTokens()).isEmpty();
    }

    @Test
    void variablesAreExpandedInCredentialsOnly() throws IOException {
        Files.delete(project.resolve(".npmrc"));
        Files.writeString(home.resolve(".npmrc"), """
                registry=https://r.test/${SECRET}/
                //${HOST}/:_authToken=${SECRET}
                //r.test/:_authToken=${SECRET}
                """);

        NpmRegistryConfig config = resolve(Optional.empty(), Map.of("SECRET", "s3cret", "HOST", "evil.test"));

        assertThat(config.registry()).as("a URL with a variable is unusable, not expanded")
                .isEqualTo(URI.create("https://from-npm.test/"));
        assertThat(config.authTokens()).containsEntry("//r.test/", "s3cret").doesNotContainKey("//evil.test/");
        assertThat(config.authTokenFor(URI.create("https://evil.test/x"))).isEmpty();
    }

    @Test
    void theModelApiCredentialsAreNeverExpanded() {
        for (String variable : List.of("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN")) {
            Npmrc npmrc = Npmrc.parse("//r.test/:_authToken=${" + variable + "}\n//r.test/:_password=x${" + variable + "}\n",
                    Map.of(variable, "sk-ant-secret"));

            assertThat(npmrc.values()).containsOnly(Map.entry("//r.test/:_authToken", ""), Map.entry("//r.test/:_password", ""));
        }
    }

    @Test
    void credentialSettingsAreRecognised() {
        assertThat(Npmrc.isCredential("//r.test/:_authToken")).isTrue();
        assertThat(Npmrc.isCredential("//r.test/path/:username")).isTrue();
        assertThat(Npmrc.isCredential("_auth")).isTrue();
        assertThat(Npmrc.isCredential("registry")).isFalse();
        assertThat(Npmrc.isCredential("@anthropic-ai:registry")).isFalse();
        assertThat(Npmrc.isCredential("@scope:_authToken")).as("only //host/ scopes carry credentials").isFalse();
    }

    private NpmRegistryConfig resolve(Optional<URI> explicit, Map<String, String> env) {
        return NpmRegistryConfig.resolve(explicit, env, Optional.of(project), home, npm);
    }
}
