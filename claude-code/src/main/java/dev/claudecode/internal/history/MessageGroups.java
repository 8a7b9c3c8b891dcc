package dev.claudecode.internal.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a conversation chain into messages: keeps user and assistant records, drops meta records
 * unless asked for, and merges consecutive assistant records of one API message. The CLI writes
 * one assistant record per content block (thinking, text, each tool_use), all with the same
 * {@code message.id}; a reader wants them as one message.
 */
public final class MessageGroups {

    private MessageGroups() {
    }

    /**
     * Groups a chain's records into messages.
     *
     * @param chain the main conversation, oldest first
     * @param includeMeta whether to keep records marked {@code isMeta} (hook feedback, command caveats)
     * @return the groups, oldest first; each has at least one record
     */
    public static List<List<TranscriptEntry>> group(List<TranscriptEntry> chain, boolean includeMeta) {
        List<List<TranscriptEntry>> groups = new ArrayList<>();
        List<TranscriptEntry> current = null;
        for (TranscriptEntry entry : chain) {
            if (!entry.isMessage() || !entry.isMainChain() || (entry.meta() && !includeMeta)) {
                continue;
            }
            if (current != null && continuesAssistantMessage(current.getLast(), entry)) {
                current.add(entry);
            } else {
                current = new ArrayList<>();
                current.add(entry);
                groups.add(current);
            }
        }
        return groups;
    }

    private static boolean continuesAssistantMessage(TranscriptEntry previous, TranscriptEntry next) {
        return "assistant".equals(previous.type()) && "assistant".equals(next.type())
                && next.messageId() != null && Objects.equals(previous.messageId(), next.messageId());
    }
}
