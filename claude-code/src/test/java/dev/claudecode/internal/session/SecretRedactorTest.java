package dev.claudecode.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.errors.ProtocolException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private final SecretRedactor redactor = SecretRedactor.of(
            Map.of("ANTHROPIC_API_KEY", "sk-ant-api03-secret", "CLAUDE_CODE_ENTRYPOINT", "sdk-cli", "SHORT_TOKEN", "abc"),
            Map.of("ANTHROPIC_AUTH_TOKEN", "bearer-token-value", "GITHUB_TOKEN", "sk-ant-api03-secret-longer", "HOME", "/root",
                    "GIT_AUTHOR_NAME", "Someone Known", "PROXY_AUTH", "user:password"));

    @Test
    void masksTheValuesOfSecretVariablesOnly() {
        assertThat(redactor.redact("key=sk-ant-api03-secret and token bearer-token-value in /root with sdk-cli"))
                .isEqualTo("key=*** and token *** in /root with sdk-cli");
        // the longer secret is hidden whole, not as the shorter one plus a visible tail
        assertThat(redactor.redact("sk-ant-api03-secret-longer")).isEqualTo("***");
        assertThat(redactor.redact("abc is too short to be a secret")).isEqualTo("abc is too short to be a secret");
        // an author's name is no secret; a proxy's credentials are
        assertThat(redactor.redact("commit by Someone Known via user:password")).isEqualTo("commit by Someone Known via ***");
        assertThat(redactor.redact((String) null)).isNull();
    }

    @Test
    void aProtocolErrorThatQuotesASecretLosesItAndItsCause() {
        ProtocolException clean = new ProtocolException("not JSON: hello");
        assertThat(redactor.redact(clean)).isSameAs(clean);

        ProtocolException leaking = new ProtocolException("not JSON: ANTHROPIC_API_KEY=sk-ant-api03-secret",
                new IllegalStateException("Unrecognized token 'sk-ant-api03-secret'"));
        ProtocolException redacted = redactor.redact(leaking);
        assertThat(redacted.getMessage()).isEqualTo("not JSON: ANTHROPIC_API_KEY=***");
        assertThat(redacted.getCause()).isNull();
        assertThat(redacted.getStackTrace()).isEqualTo(leaking.getStackTrace());

        ProtocolException causeOnly = new ProtocolException("not JSON", new IllegalStateException("token sk-ant-api03-secret"));
        assertThat(redactor.redact(causeOnly).getCause()).isNull();
    }

    @Test
    void signalsAreNamedInExitStatuses() {
        assertThat(CliConnection.signalNote(137)).isEqualTo(", killed by SIGKILL");
        assertThat(CliConnection.signalNote(143)).isEqualTo(", killed by SIGTERM");
        assertThat(CliConnection.signalNote(128 + 30)).isEqualTo(", killed by signal 30");
        assertThat(CliConnection.signalNote(1)).isEmpty();
        assertThat(CliConnection.signalNote(null)).isEmpty();
        assertThat(CliConnection.signalNote(255)).isEmpty();
    }

    @Test
    void aLaunchHidesWhatItsOwnAndThisJvmsEnvironmentHold() {
        Map<String, String> launchEnvironment = Map.of("MY_API_KEY", "launch-secret-value", "PLAIN", "launch-plain-value");
        SecretRedactor launch = SecretRedactor.forLaunch(launchEnvironment, java.util.Set.of());
        SecretRedactor both = SecretRedactor.of(launchEnvironment, System.getenv());

        assertThat(launch.redact("launch-secret-value launch-plain-value")).isEqualTo("*** launch-plain-value");
        System.getenv().values().forEach(value -> assertThat(launch.redact(value)).isEqualTo(both.redact(value)));
    }

    @Test
    void theValuesTheSessionPassedAsSecretsAreMaskedWhateverTheirNames() {
        // MCP env and header values, marked settings: their names say nothing
        SecretRedactor launch = SecretRedactor.forLaunch(Map.of("PLAIN", "plain-launch-value"),
                java.util.Set.of("mcp-env-value-0001", "Bearer header-value-0002", "quote\"and\\backslash-0003", "short"));

        assertThat(launch.redact("env mcp-env-value-0001, header Bearer header-value-0002, plain-launch-value"))
                .isEqualTo("env ***, header ***, plain-launch-value");
        // as a CLI or a wrapper echoing its JSON input shows it
        assertThat(launch.redact("{\"K\":\"quote\\\"and\\\\backslash-0003\"}")).isEqualTo("{\"K\":\"***\"}");
        assertThat(launch.redact("quote\"and\\backslash-0003")).isEqualTo("***");
        assertThat(launch.redact("short stays")).isEqualTo("short stays");
        // secrets handed over later (MCP servers added while the session runs) join the others
        assertThat(launch.plus(java.util.List.of("added-later-secret-0004")).redact("added-later-secret-0004 mcp-env-value-0001"))
                .isEqualTo("*** ***");
    }
}
