package dev.claudecode.internal.history;

import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.SessionMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the messages of one transcript file in two streaming passes: an index of every record's
 * chain fields, then the full records of the requested page only.
 */
public final class TranscriptReader {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptReader.class);

    private TranscriptReader() {
    }

    /**
     * Reads a page of a transcript's main conversation.
     *
     * @param file the transcript
     * @param sessionId the id to report for records that lack one
     * @param query the page and options
     * @return the messages, oldest first
     * @throws IOException when the file cannot be read
     */
    public static List<SessionMessage> messages(Path file, String sessionId, HistoryQuery query) throws IOException {
        return messages(TranscriptSource.of(file), sessionId, query);
    }

    /**
     * Reads a page of a transcript's main conversation from any source.
     *
     * @param source the transcript
     * @param sessionId the id to report for records that lack one
     * @param query the page and options
     * @return the messages, oldest first
     * @throws IOException when the transcript cannot be read
     */
    public static List<SessionMessage> messages(TranscriptSource source, String sessionId, HistoryQuery query)
            throws IOException {
        return read(source, index(source), sessionId, query);
    }

    /**
     * Reads a page of a subagent's conversation from its own transcript, whose records are all
     * sidechain records.
     *
     * @param source the subagent's transcript
     * @param sessionId the id to report for records that lack one
     * @param query the page and options
     * @return the messages, oldest first
     * @throws IOException when the transcript cannot be read
     */
    public static List<SessionMessage> subagentMessages(TranscriptSource source, String sessionId, HistoryQuery query)
            throws IOException {
        TranscriptIndex index = index(source);
        TranscriptIndex asMain = new TranscriptIndex(index.entries().stream().map(TranscriptEntry::asMainChain).toList(),
                index.lastPromptLeaf(), index.lastPromptLine(), index.lines(), index.malformedLines());
        return read(source, asMain, sessionId, query);
    }

    private static List<SessionMessage> read(TranscriptSource source, TranscriptIndex index, String sessionId, HistoryQuery query)
            throws IOException {
        List<TranscriptEntry> chain = ConversationChain.build(index, query.followCompaction());
        List<List<TranscriptEntry>> groups = MessageGroups.group(chain, query.includeMeta());
        return MessageReader.read(source, sessionId, query.page().of(groups));
    }

    /**
     * Scans a whole transcript, warning once when lines had to be skipped.
     *
     * @param file the transcript
     * @return its index
     * @throws IOException when the file cannot be read
     */
    public static TranscriptIndex index(Path file) throws IOException {
        return index(TranscriptSource.of(file));
    }

    /**
     * Scans a whole transcript from any source, warning once when lines had to be skipped.
     *
     * @param source the transcript
     * @return its index
     * @throws IOException when it cannot be read
     */
    public static TranscriptIndex index(TranscriptSource source) throws IOException {
        TranscriptIndex index;
        try (LineReader reader = new LineReader(source.open())) {
            index = TranscriptScanner.scan(reader);
        }
        if (index.malformedLines() > 0) {
            LOG.warn("{}: skipped {} malformed line(s) of {}", source.name(), index.malformedLines(), index.lines());
        }
        return index;
    }
}
