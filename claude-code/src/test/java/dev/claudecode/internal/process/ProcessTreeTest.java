package dev.claudecode.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

    @Test
    void killTaggedEndsTheProcessesThatCarryTheWholeTagAndNoOthers() throws Exception {
        String tag = UUID.randomUUID().toString();
        Process tagged = start("TEST_TAG", tag);
        Process longer = start("TEST_TAG", tag + "-and-more");
        Process other = start("OTHER_TAG", tag);
        try {
            assertThat(ProcessTree.killTagged("TEST_TAG", tag)).isEqualTo(1);
            assertThat(tagged.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(longer.isAlive()).isTrue();
            assertThat(other.isAlive()).isTrue();
        } finally {
            for (Process process : new Process[] {tagged, longer, other}) {
                ProcessTree.terminate(process.toHandle(), Duration.ZERO);
            }
        }
    }

    private static Process start(String name, String value) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sleep", "30");
        builder.environment().put(name, value);
        return builder.start();
    }
}
