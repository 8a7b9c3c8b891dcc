package dev.claudecode.internal.history;

import dev.claudecode.history.SessionInfo;
import dev.claudecode.history.SessionListQuery;
import dev.claudecode.internal.history.ProjectSources.Source;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists sessions: finds the transcripts, orders them by modification time, and summarizes the
 * newest ones from their head and tail. With a limit, only as many files are read as the page
 * needs (plus the ones that turn out not to be sessions).
 */
public final class SessionLister {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLister.class);
    private static final int BATCH = 32;

    private record Candidate(String sessionId, Path file, Path projectPath, BasicFileAttributes attributes) {
        long modifiedMillis() {
            return attributes.lastModifiedTime().toMillis();
        }
    }

    private SessionLister() {
    }

    /**
     * Lists the sessions a query asks for.
     *
     * @param projectsDir the {@code projects} directory
     * @param query what to list
     * @return the sessions, newest first
     * @throws IOException when the projects directory cannot be listed
     */
    public static List<SessionInfo> list(Path projectsDir, SessionListQuery query) throws IOException {
        List<Source> sources = query.projectPath().isPresent()
                ? ProjectSources.forProject(projectsDir, query.projectPath().get(), query.includeWorktrees())
                : ProjectSources.all(projectsDir);
        List<Candidate> candidates = new ArrayList<>();
        for (List<Candidate> found : Parallel.map(sources, SessionLister::candidates)) {
            candidates.addAll(found);
        }
        candidates.sort(Comparator.comparingLong(Candidate::modifiedMillis).reversed()
                .thenComparing(Candidate::sessionId));

        long wanted = query.page().end();
        int batch = query.page().limit().isPresent() ? BATCH : Math.max(1, candidates.size());
        List<SessionInfo> sessions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int from = 0; from < candidates.size() && sessions.size() < wanted; from += batch) {
            List<Candidate> slice = candidates.subList(from, Math.min(candidates.size(), from + batch));
            for (Optional<SessionInfo> info : Parallel.map(slice, candidate -> summarize(candidate, query))) {
                if (info.isPresent() && sessions.size() < wanted && seen.add(info.get().sessionId())) {
                    sessions.add(info.get());
                }
            }
        }
        return List.copyOf(query.page().of(sessions));
    }

    private static List<Candidate> candidates(Source source) {
        List<Candidate> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(source.directory())) {
            for (Path entry : entries) {
                String sessionId = SessionIds.fromFileName(entry.getFileName().toString());
                if (sessionId == null) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    if (attributes.isRegularFile() && attributes.size() > 0) {
                        found.add(new Candidate(sessionId, entry, source.projectPath(), attributes));
                    }
                } catch (IOException e) {
                    LOG.debug("{}: skipped, attributes unreadable", entry, e);
                }
            }
        } catch (IOException e) {
            LOG.warn("{}: project directory could not be listed: {}", source.directory(), e.toString());
        }
        return found;
    }

    private static Optional<SessionInfo> summarize(Candidate candidate, SessionListQuery query) {
        try {
            return SessionSummaries.read(candidate.file(), candidate.attributes(), candidate.sessionId(),
                    candidate.projectPath(), query.countMessages());
        } catch (IOException e) {
            LOG.debug("{}: skipped, unreadable", candidate.file(), e);
            return Optional.empty();
        }
    }
}
