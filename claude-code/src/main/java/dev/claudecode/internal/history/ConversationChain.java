package dev.claudecode.internal.history;

import dev.claudecode.internal.history.TranscriptEntry.PreservedMessages;
import dev.claudecode.internal.history.TranscriptEntry.PreservedSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the main conversation of a transcript: the records on the {@code parentUuid} path from
 * the conversation's leaf back to its root.
 *
 * <p>A transcript is a tree, not a list: rewinds and edits branch it, subagents write sidechain
 * records, and some records hang off an earlier record than the one written just before them (a
 * stop-hook summary can branch off the record before the reply it follows). Only the path to the
 * leaf is the conversation the CLI would resume.
 *
 * <p>The leaf: when the last {@code last-prompt} record comes after every main-chain record, its
 * {@code leafUuid} (the CLI's own note of where the last turn ended). Otherwise, as after a process
 * killed mid-turn, the newest tip: the last-written main-chain record that no other main-chain
 * record names as parent. From there the walk goes back to the nearest user or assistant record.
 *
 * <p>Compaction (as CLI 2.1.197 writes it): a {@code compact_boundary} record starts a new chain
 * ({@code parentUuid: null}) and names the last record before it in {@code logicalParentUuid};
 * the summary ({@code isCompactSummary}) is its child. Records the compaction kept verbatim are
 * named in {@code compactMetadata.preservedSegment} ({@code headUuid}..{@code tailUuid}) or
 * {@code preservedMessages}; they are re-linked below the {@code anchorUuid} (the summary) and
 * the anchor's other children below the last kept record. The chain from the leaf then stops at
 * the boundary and is exactly the context a resumed session sends to the model: summary, kept
 * records, what followed. With {@code followCompaction} the conversations before each boundary
 * are prepended, walked from the {@code logicalParentUuid} with the parents as written, so kept
 * records appear once, where they were first written, and the summary marks the boundary.
 */
public final class ConversationChain {

    private ConversationChain() {
    }

    /**
     * Returns the main conversation's records, root first.
     *
     * @param index the scanned transcript
     * @param followCompaction whether to continue past compaction boundaries into the compacted history
     * @return the records on the path, oldest first; empty when the transcript has no user or assistant record
     */
    public static List<TranscriptEntry> build(TranscriptIndex index, boolean followCompaction) {
        Map<String, TranscriptEntry> byUuid = new HashMap<>();
        for (TranscriptEntry entry : index.entries()) {
            byUuid.put(entry.uuid(), entry);
        }
        Map<String, String> parents = new HashMap<>();
        for (TranscriptEntry entry : byUuid.values()) {
            parents.put(entry.uuid(), entry.parentUuid());
        }
        relinkPreserved(index.entries(), byUuid, parents);

        TranscriptEntry leaf = leaf(index, byUuid, parents);
        if (leaf == null) {
            return List.of();
        }
        List<TranscriptEntry> current = walk(leaf, byUuid, parents, Set.of());
        if (!followCompaction) {
            return current;
        }
        // Earlier epochs: each compaction boundary names the leaf before it. Their records are
        // walked with their original parents, so preserved records sit where they were written,
        // and they are left out of the current epoch, where re-linking had repeated them.
        Map<String, String> original = new HashMap<>();
        byUuid.values().forEach(entry -> original.put(entry.uuid(), entry.parentUuid()));
        Set<String> earlier = new HashSet<>();
        List<List<TranscriptEntry>> epochs = new ArrayList<>();
        Map<String, String> links = parents;
        TranscriptEntry root = current.getFirst();
        while (links.get(root.uuid()) == null && root.logicalParentUuid() != null
                && byUuid.containsKey(root.logicalParentUuid()) && !earlier.contains(root.logicalParentUuid())) {
            List<TranscriptEntry> epoch = walk(byUuid.get(root.logicalParentUuid()), byUuid, original, earlier);
            epoch.forEach(entry -> earlier.add(entry.uuid()));
            epochs.add(epoch);
            root = epoch.getFirst();
            links = original;
        }
        List<TranscriptEntry> full = new ArrayList<>();
        for (List<TranscriptEntry> epoch : epochs.reversed()) {
            full.addAll(epoch);
        }
        for (TranscriptEntry entry : current) {
            if (!earlier.contains(entry.uuid())) {
                full.add(entry);
            }
        }
        return full;
    }

    /** The path from {@code leaf} up to its root (stopping before any uuid in {@code stop}), root first. */
    private static List<TranscriptEntry> walk(
            TranscriptEntry leaf, Map<String, TranscriptEntry> byUuid, Map<String, String> parents, Set<String> stop) {
        List<TranscriptEntry> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TranscriptEntry current = leaf;
        while (current != null && !stop.contains(current.uuid()) && seen.add(current.uuid())) {
            chain.add(current);
            String parent = parents.get(current.uuid());
            current = parent == null ? null : byUuid.get(parent);
        }
        Collections.reverse(chain);
        return chain;
    }

    private static void relinkPreserved(
            List<TranscriptEntry> entries, Map<String, TranscriptEntry> byUuid, Map<String, String> parents) {
        for (TranscriptEntry entry : entries) {
            if (!entry.isCompactBoundary()) {
                continue;
            }
            PreservedMessages kept = entry.preservedMessages();
            PreservedSegment segment = entry.preservedSegment();
            if (kept != null && byUuid.keySet().containsAll(kept.uuids())) {
                String previous = kept.anchorUuid();
                for (String uuid : kept.uuids()) {
                    parents.put(uuid, previous);
                    previous = uuid;
                }
                reparentChildren(parents, kept.anchorUuid(), kept.uuids().getFirst(), kept.uuids().getLast());
            } else if (segment != null && byUuid.containsKey(segment.headUuid())) {
                parents.put(segment.headUuid(), segment.anchorUuid());
                reparentChildren(parents, segment.anchorUuid(), segment.headUuid(), segment.tailUuid());
            }
        }
    }

    /** Whatever continued from the anchor now continues from the end of the preserved run. */
    private static void reparentChildren(Map<String, String> parents, String anchor, String head, String tail) {
        List<String> children = new ArrayList<>();
        parents.forEach((uuid, parent) -> {
            if (anchor.equals(parent) && !uuid.equals(head)) {
                children.add(uuid);
            }
        });
        for (String child : children) {
            parents.put(child, tail);
        }
    }

    private static TranscriptEntry leaf(
            TranscriptIndex index, Map<String, TranscriptEntry> byUuid, Map<String, String> parents) {
        TranscriptEntry noted = index.lastPromptLeaf() == null ? null : byUuid.get(index.lastPromptLeaf());
        if (noted != null && noted.isMainChain() && nothingAfter(index, index.lastPromptLine())) {
            TranscriptEntry message = nearestMessage(noted, byUuid, parents, new HashSet<>());
            if (message != null) {
                return message;
            }
        }
        Set<String> hasMainChild = new HashSet<>();
        for (TranscriptEntry entry : byUuid.values()) {
            String parent = parents.get(entry.uuid());
            if (parent != null && entry.isMainChain()) {
                hasMainChild.add(parent);
            }
        }
        List<TranscriptEntry> tips = new ArrayList<>();
        for (TranscriptEntry entry : byUuid.values()) {
            if (entry.isMainChain() && !hasMainChild.contains(entry.uuid())) {
                tips.add(entry);
            }
        }
        tips.sort(Comparator.comparingInt(TranscriptEntry::line).reversed());
        Set<String> explored = new HashSet<>();
        for (TranscriptEntry tip : tips) {
            TranscriptEntry message = nearestMessage(tip, byUuid, parents, explored);
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    private static boolean nothingAfter(TranscriptIndex index, int line) {
        for (TranscriptEntry entry : index.entries().reversed()) {
            if (entry.line() < line) {
                return true;
            }
            if (entry.isMainChain()) {
                return false;
            }
        }
        return true;
    }

    /** Walks up from {@code start} to the first user or assistant record; {@code explored} spans several walks. */
    private static TranscriptEntry nearestMessage(
            TranscriptEntry start, Map<String, TranscriptEntry> byUuid, Map<String, String> parents,
            Set<String> explored) {
        TranscriptEntry current = start;
        while (current != null && explored.add(current.uuid())) {
            if (current.isMessage() && current.isMainChain()) {
                return current;
            }
            String parent = parents.get(current.uuid());
            current = parent == null ? null : byUuid.get(parent);
        }
        return null;
    }
}
