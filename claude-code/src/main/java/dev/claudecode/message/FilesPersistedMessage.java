package dev.claudecode.message;

import java.util.List;
import java.util.Objects;

/**
 * Files the session wrote were uploaded to the Files API, or failed to be ({@code
 * system/files_persisted}); sent by sessions that persist their outputs remotely.
 *
 * <p>Since CLI 2.1.23.
 *
 * @param files the files that were stored
 * @param failed the files that could not be stored
 * @param processedAt when the upload was done, as an ISO 8601 text ({@code processed_at})
 * @param envelope the session id, uuid and JSON of the message
 */
public record FilesPersistedMessage(
        List<PersistedFile> files,
        List<FailedFile> failed,
        String processedAt,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "files_persisted";

    /** Validates and copies the components. */
    public FilesPersistedMessage {
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
        Objects.requireNonNull(processedAt, "processedAt");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }

    /**
     * A file that was stored.
     *
     * @param filename the file's name
     * @param fileId its id in the Files API ({@code file_id})
     */
    public record PersistedFile(String filename, String fileId) {

        /** Validates the components. */
        public PersistedFile {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(fileId, "fileId");
        }
    }

    /**
     * A file that could not be stored.
     *
     * @param filename the file's name
     * @param error why
     */
    public record FailedFile(String filename, String error) {

        /** Validates the components. */
        public FailedFile {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(error, "error");
        }
    }
}
