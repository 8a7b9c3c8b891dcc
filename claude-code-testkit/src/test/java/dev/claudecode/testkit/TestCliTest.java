package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestCliTest {

    @Test
    void findsAnExecutableCliOfTheVersionUnderTest() throws Exception {
        var cli = TestCli.path();
        assertThat(Files.isExecutable(cli)).isTrue();
        Process process = new ProcessBuilder(cli.toString(), "--version").redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(process.getInputStream().readAllBytes())).startsWith(TestCli.version());
    }
}
