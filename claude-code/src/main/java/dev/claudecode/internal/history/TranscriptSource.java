package dev.claudecode.internal.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one transcript, which the readers open once per pass: a file on any file system,
 * or a transcript a session store gave back, held in memory.
 */
public interface TranscriptSource {

    /**
     * Opens the transcript from its start.
     *
     * @return a new stream; the caller closes it
     * @throws IOException when it cannot be opened
     */
    InputStream open() throws IOException;

    /** @return what to call the transcript in messages */
    String name();

    /**
     * A transcript file.
     *
     * @param file the file
     * @return its source
     */
    static TranscriptSource of(Path file) {
        return new TranscriptSource() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String name() {
                return file.toString();
            }
        };
    }

    /**
     * A transcript held in memory.
     *
     * @param bytes its JSONL bytes (not copied; not to be changed afterwards)
     * @param name what to call it
     * @return its source
     */
    static TranscriptSource of(byte[] bytes, String name) {
        return new TranscriptSource() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
