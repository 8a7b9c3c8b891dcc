package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ArgvScannerTest {

    @Test
    void theProcessTableListsThisJvmWithItsArguments() {
        long self = ProcessHandle.current().pid();
        assertThat(ProcessTable.pids()).contains(self);
        assertThat(ProcessTable.arguments(self)).isNotEmpty().first().asString().endsWith("java");
        assertThat(ProcessTable.arguments(Long.MAX_VALUE)).as("no such process").isEmpty();
    }

    @Test
    void aSecretInAProcesssArgumentsIsALeakAndOneElsewhereIsNot() throws Exception {
        String leaked = "argv-secret-" + UUID.randomUUID();
        String kept = "env-secret-" + UUID.randomUUID();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "sleep 30", leaked);
        builder.environment().put("KEPT", kept);
        ArgvScanner scanner = ArgvScanner.start(List.of(leaked, kept));
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (scanner.leaks().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            scanner.stop();
        }
        assertThat(scanner.leaks()).isNotEmpty().allSatisfy(leak -> assertThat(leak)
                .startsWith(process.pid() + ": ").contains(leaked).doesNotContain(kept));
        assertThat(scanner.scans()).isPositive();
        assertThat(scanner.processes()).isGreaterThan(1);
    }

    @Test
    void anEmptySecretOrANegativePauseIsRefused() {
        assertThatThrownBy(() -> ArgvScanner.start(List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArgvScanner.start(List.of("x"), Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
