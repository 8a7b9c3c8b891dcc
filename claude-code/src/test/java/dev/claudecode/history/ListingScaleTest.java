package dev.claudecode.history;

import static dev.claudecode.history.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.history.Fixtures.Transcript;
import dev.claudecode.history.fs.CountingFileSystem;
import dev.claudecode.history.fs.CountingFileSystemProvider;
import dev.claudecode.internal.history.FileWindow;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists 1,000 sessions, 50 of them large, through a file system that counts every byte read, to
 * show that listing reads only the heads and tails of transcripts. Time and bytes are printed, not
 * asserted.
 */
class ListingScaleTest {

    private static final int SESSIONS = 1000;
    private static final int PROJECTS = 10;
    private static final int LARGE_EVERY = 20;
    private static final int LARGE_BYTES = 1024 * 1024;
    private static final int WINDOW_READ = 2 * FileWindow.DEFAULT_SIZE + 1;

    @TempDir
    static Path temp;

    private static final Map<String, Path> files = new LinkedHashMap<>();
    private static long bytesOnDisk;
    private static long mostBytesListingMayRead;

    @BeforeAll
    static void generate() throws Exception {
        Instant base = Instant.parse("2026-03-01T00:00:00Z");
        for (int n = 1; n <= SESSIONS; n++) {
            String cwd = "/srv/project-" + (n % PROJECTS);
            Path file = temp.resolve("config").resolve("projects").resolve(ProjectDirectories.encode(cwd))
                    .resolve(Fixtures.sessionId(n) + ".jsonl");
            (n % LARGE_EVERY == 0 ? large(n, cwd) : small(n, cwd)).writeTo(file);
            Fixtures.touch(file, base.plusSeconds(n));
            files.put(Fixtures.sessionId(n), file);
            long size = Files.size(file);
            bytesOnDisk += size;
            mostBytesListingMayRead += Math.min(size, WINDOW_READ);
        }
    }

    private static Transcript small(int n, String cwd) {
        Transcript transcript = new Transcript(Fixtures.sessionId(n), cwd);
        transcript.add(Map.of("type", "ai-title", "aiTitle", "Title " + n, "sessionId", Fixtures.sessionId(n)));
        String parent = null;
        int turns = 1 + n % 7;
        for (int t = 0; t < turns; t++) {
            transcript.user(id(2 * t + 1), parent, "prompt " + n + "." + t)
                    .assistantText(id(2 * t + 2), id(2 * t + 1), "msg_" + t, "answer " + t + " " + "z".repeat(n % 500));
            parent = id(2 * t + 2);
        }
        return transcript.lastPrompt("prompt " + n + "." + (turns - 1), parent);
    }

    /**
     * About 1 MiB: a first prompt at the head, a long middle with a custom title that a reader of
     * the middle would report, and the final turn and last-prompt at the tail.
     */
    private static Transcript large(int n, String cwd) {
        Transcript transcript = new Transcript(Fixtures.sessionId(n), cwd);
        transcript.add(Map.of("type", "ai-title", "aiTitle", "Title " + n, "sessionId", Fixtures.sessionId(n)));
        transcript.user(id(1), null, "first prompt of " + n);
        String parent = id(1);
        int k = 2;
        String filler = "m".repeat(4000);
        while (k * 4100L < LARGE_BYTES) {
            transcript.assistantText(id(k), parent, "msg_" + k, filler);
            parent = id(k++);
            if (k == 100) {
                transcript.add(Map.of("type", "custom-title", "customTitle", "MIDDLE WAS READ", "sessionId",
                        Fixtures.sessionId(n)));
            }
        }
        transcript.user(id(k), parent, "last prompt of " + n)
                .assistantText(id(k + 1), id(k), "msg_last", "bye");
        return transcript.lastPrompt("last prompt of " + n, id(k + 1));
    }

    @Test
    void listsAThousandSessionsReadingOnlyHeadsAndTails() {
        CountingFileSystem counting = CountingFileSystemProvider.wrap(FileSystems.getDefault());
        CountingFileSystemProvider counter = counting.counter();
        History history = History.at(counting.getPath(temp.resolve("config").toString()));

        long cold = System.nanoTime();
        List<SessionInfo> sessions = history.listSessions();
        cold = System.nanoTime() - cold;
        long bytesRead = counter.bytesRead();
        long channels = counter.channelsOpened();
        counter.reset();
        long warm = System.nanoTime();
        history.listSessions();
        warm = System.nanoTime() - warm;

        System.out.printf("listSessions over %,d transcripts (%,d of ~1 MiB), %,d bytes on disk: "
                        + "%,d bytes read through %,d channels (%.1f%% of the data); %d ms cold, %d ms warm%n",
                SESSIONS, SESSIONS / LARGE_EVERY, bytesOnDisk, bytesRead, channels,
                100.0 * bytesRead / bytesOnDisk, cold / 1_000_000, warm / 1_000_000);

        assertThat(sessions).hasSize(SESSIONS);
        List<String> newestFirst = new ArrayList<>(files.keySet()).reversed();
        assertThat(sessions).extracting(SessionInfo::sessionId).containsExactlyElementsOf(newestFirst);
        assertThat(bytesRead).isLessThanOrEqualTo(mostBytesListingMayRead);
        assertThat(channels).isEqualTo(SESSIONS);
        for (SessionInfo session : sessions) {
            int n = Integer.parseInt(session.sessionId().substring(session.sessionId().length() - 4));
            assertThat(session.title()).contains("Title " + n);
            if (n % LARGE_EVERY == 0) {
                assertThat(session.fileSize()).isGreaterThan(2L * FileWindow.DEFAULT_SIZE);
                assertThat(session.firstPrompt()).contains("first prompt of " + n);
                assertThat(session.lastPrompt()).contains("last prompt of " + n);
                assertThat(session.messageCount()).isEmpty();
            } else {
                assertThat(session.messageCount()).hasValue(2 * (1 + n % 7));
            }
        }
    }

    @Test
    void neverReadsTheMiddleOfALargeTranscript() {
        CountingFileSystem counting = CountingFileSystemProvider.wrap(FileSystems.getDefault());
        History history = History.at(counting.getPath(temp.resolve("config").toString()));

        history.listSessions();

        for (Map.Entry<String, Path> entry : files.entrySet()) {
            long read = counting.counter().bytesRead(entry.getValue().toString());
            assertThat(read).as(entry.getKey()).isLessThanOrEqualTo(WINDOW_READ);
        }
    }

    @Test
    void readsOnlyTheNewestTranscriptsForAPage() {
        CountingFileSystem counting = CountingFileSystemProvider.wrap(FileSystems.getDefault());
        History history = History.at(counting.getPath(temp.resolve("config").toString()));

        long start = System.nanoTime();
        List<SessionInfo> page = history.listSessions(SessionListQuery.builder().page(Page.first(10)).build());
        long elapsed = System.nanoTime() - start;

        System.out.printf("listSessions(limit 10) over %,d transcripts: %,d bytes read through %,d channels, %d ms%n",
                SESSIONS, counting.counter().bytesRead(), counting.counter().channelsOpened(), elapsed / 1_000_000);
        assertThat(page).extracting(SessionInfo::sessionId)
                .containsExactlyElementsOf(new ArrayList<>(files.keySet()).reversed().subList(0, 10));
        assertThat(counting.counter().channelsOpened()).isLessThan(SESSIONS / 10);
    }
}
