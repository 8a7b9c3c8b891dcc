package dev.claudecode.release;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POM with the ancestors that could be found: what it inherits, with {@code ${...}} resolved
 * the way Maven resolves them (the child's properties win over its ancestors').
 *
 * @param pom the POM
 * @param ancestors its parent, grandparent, ... as far as they were found
 * @param missingParent the nearest parent that was not found, if the chain stops short
 */
record Lineage(Pom pom, List<Pom> ancestors, Optional<Coordinates> missingParent) {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_DEPTH = 16;

    /** Copies the list. */
    Lineage {
        ancestors = List.copyOf(ancestors);
    }

    /**
     * Follows a POM's parents.
     *
     * @param pom the POM
     * @param lookup finds a parent by its coordinates
     * @return the POM and the ancestors that were found
     */
    static Lineage of(Pom pom, Function<Coordinates, Optional<Pom>> lookup) {
        List<Pom> ancestors = new ArrayList<>();
        Optional<Coordinates> next = pom.parent();
        while (next.isPresent() && ancestors.size() < MAX_DEPTH) {
            Optional<Pom> parent = lookup.apply(next.get());
            if (parent.isEmpty()) {
                return new Lineage(pom, ancestors, next);
            }
            ancestors.add(parent.get());
            next = parent.get().parent();
        }
        return new Lineage(pom, ancestors, Optional.empty());
    }

    /** @return the effective coordinates, with the version as the POM or its parent element states it */
    Coordinates coordinates() {
        String groupId = pom.groupId().or(() -> pom.parent().map(Coordinates::groupId)).orElse("");
        String version = pom.version().or(() -> pom.parent().map(Coordinates::version)).orElse("");
        return new Coordinates(resolve(groupId).orElse(groupId), pom.artifactId(), resolve(version).orElse(version));
    }

    /** @return the project url, the POM's own or inherited */
    Optional<String> url() {
        return inherited(Pom::url).flatMap(this::resolve);
    }

    /** @return the licences, the POM's own or inherited */
    List<Pom.License> licenses() {
        return inheritedList(Pom::licenses).stream()
                .map(license -> new Pom.License(license.name().flatMap(this::resolve), license.url().flatMap(this::resolve)))
                .toList();
    }

    /** @return the developers, the POM's own or inherited */
    List<Pom.Developer> developers() {
        return inheritedList(Pom::developers).stream()
                .map(developer -> new Pom.Developer(developer.id().flatMap(this::resolve), developer.name().flatMap(this::resolve)))
                .toList();
    }

    /** @return the source control location, each part the POM's own or inherited */
    Pom.Scm scm() {
        return new Pom.Scm(
                inherited(p -> p.scm().flatMap(Pom.Scm::url)).flatMap(this::resolve),
                inherited(p -> p.scm().flatMap(Pom.Scm::connection)).flatMap(this::resolve));
    }

    /**
     * Resolves the {@code ${...}} references of a value.
     *
     * @param value a value as written
     * @return the value, or empty when a reference cannot be resolved
     */
    Optional<String> resolve(String value) {
        Map<String, String> properties = properties();
        String current = value;
        for (int depth = 0; depth < MAX_DEPTH && current.contains("${"); depth++) {
            Matcher matcher = REFERENCE.matcher(current);
            StringBuilder resolved = new StringBuilder();
            boolean unresolved = false;
            while (matcher.find()) {
                String replacement = properties.get(matcher.group(1));
                if (replacement == null) {
                    unresolved = true;
                    replacement = matcher.group();
                }
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(resolved);
            if (unresolved) {
                return Optional.empty();
            }
            current = resolved.toString();
        }
        return current.contains("${") ? Optional.empty() : Optional.of(current);
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        for (Pom ancestor : ancestors.reversed()) {
            properties.putAll(ancestor.properties());
        }
        properties.putAll(pom.properties());
        String groupId = pom.groupId().or(() -> pom.parent().map(Coordinates::groupId)).orElse("");
        String version = pom.version().or(() -> pom.parent().map(Coordinates::version)).orElse("");
        properties.put("project.groupId", groupId);
        properties.put("project.artifactId", pom.artifactId());
        properties.put("project.version", version);
        pom.parent().ifPresent(parent -> {
            properties.put("project.parent.groupId", parent.groupId());
            properties.put("project.parent.artifactId", parent.artifactId());
            properties.put("project.parent.version", parent.version());
        });
        return properties;
    }

    private Optional<String> inherited(Function<Pom, Optional<String>> field) {
        Optional<String> own = field.apply(pom);
        for (int i = 0; own.isEmpty() && i < ancestors.size(); i++) {
            own = field.apply(ancestors.get(i));
        }
        return own;
    }

    private <T> List<T> inheritedList(Function<Pom, List<T>> field) {
        List<T> own = field.apply(pom);
        for (int i = 0; own.isEmpty() && i < ancestors.size(); i++) {
            own = field.apply(ancestors.get(i));
        }
        return own;
    }
}
