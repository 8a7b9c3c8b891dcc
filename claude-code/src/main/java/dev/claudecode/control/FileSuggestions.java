package dev.claudecode.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * File paths matching a partial {@code @}-mention, ranked as the terminal's typeahead ranks them:
 * the answer to {@link SessionControl#fileSuggestions(String)} ({@code file_suggestions}).
 *
 * @param suggestions the matches, best first ({@code suggestions})
 * @param cwd the absolute directory relative paths are relative to ({@code cwd}, CLI 2.1.332)
 */
public record FileSuggestions(List<Suggestion> suggestions, Optional<String> cwd) {

    /** Validates and copies the components. */
    public FileSuggestions {
        suggestions = List.copyOf(Objects.requireNonNull(suggestions, "suggestions"));
        Objects.requireNonNull(cwd, "cwd");
    }

    /**
     * One matching path.
     *
     * @param path relative to {@code cwd}, or absolute; a directory ends with a separator ({@code path})
     * @param score the match score, when given ({@code score})
     */
    public record Suggestion(String path, OptionalDouble score) {

        /** Validates the components. */
        public Suggestion {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(score, "score");
        }
    }
}
