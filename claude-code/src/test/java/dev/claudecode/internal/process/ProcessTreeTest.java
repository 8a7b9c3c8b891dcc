package dev.claudecode.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    @Test
    void anExitedProcessTakesNoneOfTheProcessesThatItsReusedIdWouldFind() throws Exception {
        // the JDK finds descendants by the parent's id alone: once that id belongs to another
        // process, an exited process's handle reports that process's children as its own
        Process exited = new ProcessBuilder("true").start();
        assertThat(exited.waitFor(5, TimeUnit.SECONDS)).isTrue();
        Process bystander = start("TEST_TAG", UUID.randomUUID().toString());
        ProcessHandle reused = new ExitedWithReusedId(exited.toHandle(), bystander.toHandle());
        try {
            assertThat(ProcessTree.terminate(reused, Duration.ZERO)).isTrue();
            ProcessTree.kill(reused);

            assertThat(bystander.waitFor(200, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            ProcessTree.terminate(bystander.toHandle(), Duration.ZERO);
        }
    }

    private static Process start(String name, String value) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sleep", "30");
        builder.environment().put(name, value);
        return builder.start();
    }

    /** The handle of an exited process whose id now names another process, with the JDK's answer for its descendants. */
    private record ExitedWithReusedId(ProcessHandle exited, ProcessHandle childOfTheNewOwner) implements ProcessHandle {

        @Override
        public long pid() {
            return exited.pid();
        }

        @Override
        public Optional<ProcessHandle> parent() {
            return Optional.empty();
        }

        @Override
        public Stream<ProcessHandle> children() {
            return Stream.of(childOfTheNewOwner);
        }

        @Override
        public Stream<ProcessHandle> descendants() {
            return Stream.of(childOfTheNewOwner);
        }

        @Override
        public Info info() {
            return exited.info();
        }

        @Override
        public CompletableFuture<ProcessHandle> onExit() {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public boolean supportsNormalTermination() {
            return true;
        }

        @Override
        public boolean destroy() {
            return false;
        }

        @Override
        public boolean destroyForcibly() {
            return false;
        }

        @Override
        public boolean isAlive() {
            return false;
        }

        @Override
        public int compareTo(ProcessHandle other) {
            return Long.compare(pid(), other.pid());
        }
    }
}
