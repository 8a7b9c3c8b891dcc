package dev.claudecode.message;

import java.util.List;
import java.util.Objects;

/**
 * The CLI could not save what it had to because the disk was full or over quota ({@code
 * system/session_writes_lost}): a later resume of the sessions listed may miss part of their
 * conversation.
 *
 * <p>Since CLI 2.1.317.
 *
 * @param errorCode why ({@code error_code}): {@code "ENOSPC"} (disk full), {@code "EDQUOT"} (quota
 *     used up) or a newer code
 * @param lost what was not saved: {@code "transcript"}, {@code "global_config"} or a newer value;
 *     never empty
 * @param transcriptSessionIds the sessions whose transcripts lost lines, in the order they first
 *     lost one ({@code transcript_session_ids}); empty unless {@code "transcript"} is in {@link
 *     #lost()}
 * @param envelope the session id, uuid and JSON of the message
 */
public record SessionWritesLostMessage(
        String errorCode,
        List<String> lost,
        List<String> transcriptSessionIds,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "session_writes_lost";

    /** Validates and copies the components. */
    public SessionWritesLostMessage {
        Objects.requireNonNull(errorCode, "errorCode");
        lost = List.copyOf(Objects.requireNonNull(lost, "lost"));
        transcriptSessionIds = List.copyOf(Objects.requireNonNull(transcriptSessionIds, "transcriptSessionIds"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
