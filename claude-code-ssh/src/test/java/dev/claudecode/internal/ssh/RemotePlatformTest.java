package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.cli.CliPlatform;
import org.junit.jupiter.api.Test;

class RemotePlatformTest {

    @Test
    void readsKernelMachineAndLibc() {
        assertThat(RemotePlatform.parse("Linux\nx86_64\ngnu\n")).isEqualTo(CliPlatform.LINUX_X64);
        assertThat(RemotePlatform.parse("Linux\naarch64\nmusl\n")).isEqualTo(CliPlatform.LINUX_ARM64_MUSL);
        assertThat(RemotePlatform.parse("Linux\nx86_64\nmusl")).isEqualTo(CliPlatform.LINUX_X64_MUSL);
        assertThat(RemotePlatform.parse("Darwin\narm64\ngnu\n")).isEqualTo(CliPlatform.DARWIN_ARM64);
        assertThat(RemotePlatform.parse("Darwin\nx86_64\ngnu\n")).isEqualTo(CliPlatform.DARWIN_X64);
    }

    @Test
    void anUnpublishedPlatformIsAnInstallError() {
        assertThatThrownBy(() -> RemotePlatform.parse("FreeBSD\namd64\ngnu\n")).isInstanceOf(CliInstallException.class).hasMessageContaining("FreeBSD");
        assertThatThrownBy(() -> RemotePlatform.parse("Linux\nriscv64\ngnu\n")).isInstanceOf(CliInstallException.class).hasMessageContaining("riscv64");
        assertThatThrownBy(() -> RemotePlatform.parse("Linux\n")).isInstanceOf(CliInstallException.class);
    }

    @Test
    void theProbeRunsOnThisMachine() throws Exception {
        Process probe = new ProcessBuilder(RemotePlatform.PROBE).start();
        String output = new String(probe.getInputStream().readAllBytes());
        probe.waitFor();

        assertThat(RemotePlatform.parse(output)).isEqualTo(CliPlatform.detect());
    }
}
