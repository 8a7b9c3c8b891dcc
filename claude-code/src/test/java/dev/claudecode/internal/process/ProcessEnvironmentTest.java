package dev.claudecode.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {

    @Test
    void aProcessThatExecsRightAfterItSpeaksIsReadWithItsEnvironment() throws Exception {
        // the moment to read is when the shell replaces itself: for a while its environment reads empty
        int misses = 0;
        for (int i = 0; i < 200; i++) {
            String tag = UUID.randomUUID().toString();
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", "echo; exec sleep 30");
            builder.environment().put("TEST_TAG", tag);
            Process process = builder.start();
            try {
                assertThat(process.getInputStream().read()).isEqualTo('\n');
                if (!new String(ProcessEnvironment.read(process.pid()), StandardCharsets.UTF_8).contains("TEST_TAG=" + tag)) {
                    misses++;
                }
            } finally {
                process.destroyForcibly();
                assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(misses).isZero();
    }

    @Test
    void aProcessStartedWithoutVariablesHasNone() throws Exception {
        Process process = new ProcessBuilder("env", "-i", "sleep", "30").start();
        try {
            // once env has exec'd sleep, the process runs with an empty environment
            Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(cmdline).startsWith("sleep") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(ProcessEnvironment.read(process.pid())).isEmpty();
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aProcessThatIsGoneHasNone() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();

        assertThat(ProcessEnvironment.read(process.pid())).isEmpty();
    }
}
