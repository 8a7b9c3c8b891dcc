package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteExitTest {

    @Test
    void theExitStatusWins() {
        assertThat(RemoteExit.of(0, null)).isZero();
        assertThat(RemoteExit.of(143, "TERM")).isEqualTo(143);
    }

    @Test
    void aSignalIs128PlusItsNumber() {
        assertThat(RemoteExit.of(null, "TERM")).isEqualTo(143);
        assertThat(RemoteExit.of(null, "KILL")).isEqualTo(137);
        assertThat(RemoteExit.of(null, "SIGSEGV")).isEqualTo(139);
    }

    @Test
    void nothingReportedOrAnUnknownSignalIs255() {
        assertThat(RemoteExit.of(null, null)).isEqualTo(255);
        assertThat(RemoteExit.of(null, "WINCH")).isEqualTo(255);
    }
}
