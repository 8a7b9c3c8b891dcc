package dev.claudecode.internal.history;

import java.util.List;

/**
 * What the chain rebuilding needs to know about one transcript record, without its content: a
 * few hundred bytes per record even when the record itself is megabytes long. String fields are
 * {@code null} when the record does not have them.
 *
 * @param line the record's 0-based line number in the file, which orders records
 * @param offset the byte offset of the line, used to read the full record later
 * @param type the record {@code type}
 * @param subtype the record {@code subtype} (system records)
 * @param uuid the record {@code uuid}
 * @param parentUuid the {@code parentUuid}; {@code null} for the first record of a chain
 * @param logicalParentUuid the {@code logicalParentUuid} a chain start (a compaction boundary) names
 * @param sidechain whether {@code isSidechain} is true
 * @param meta whether {@code isMeta} is true
 * @param compactSummary whether {@code isCompactSummary} is true
 * @param team whether the record carries a {@code teamName} (a teammate's record, not the main conversation)
 * @param messageId the API message id ({@code message.id}) of an assistant record
 * @param preservedMessages the {@code compactMetadata.preservedMessages} of a compaction boundary, or {@code null}
 * @param preservedSegment the {@code compactMetadata.preservedSegment} of a compaction boundary, or {@code null}
 */
public record TranscriptEntry(
        int line,
        long offset,
        String type,
        String subtype,
        String uuid,
        String parentUuid,
        String logicalParentUuid,
        boolean sidechain,
        boolean meta,
        boolean compactSummary,
        boolean team,
        String messageId,
        PreservedMessages preservedMessages,
        PreservedSegment preservedSegment) {

    /**
     * @return this record as part of the main conversation: a subagent's own transcript is all
     *     sidechain records, which are its conversation
     */
    public TranscriptEntry asMainChain() {
        return sidechain ? new TranscriptEntry(line, offset, type, subtype, uuid, parentUuid, logicalParentUuid, false,
                meta, compactSummary, team, messageId, preservedMessages, preservedSegment) : this;
    }

    /** @return whether this is a {@code user} or {@code assistant} record */
    public boolean isMessage() {
        return "user".equals(type) || "assistant".equals(type);
    }

    /** @return whether this record can be part of the main conversation */
    public boolean isMainChain() {
        return !sidechain && !team && !"progress".equals(type);
    }

    /** @return whether this is a {@code system/compact_boundary} record */
    public boolean isCompactBoundary() {
        return "system".equals(type) && "compact_boundary".equals(subtype);
    }

    /**
     * Messages a compaction kept verbatim: after the boundary they hang, in this order, below
     * {@code anchorUuid}.
     *
     * @param anchorUuid the record the kept messages continue from
     * @param uuids the kept records, oldest first
     */
    public record PreservedMessages(String anchorUuid, List<String> uuids) {
    }

    /**
     * A run of records a compaction kept verbatim and already chained among themselves.
     *
     * @param headUuid the first record of the run
     * @param anchorUuid the record the run continues from
     * @param tailUuid the last record of the run
     */
    public record PreservedSegment(String headUuid, String anchorUuid, String tailUuid) {
    }
}
