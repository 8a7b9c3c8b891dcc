package dev.claudecode.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks a bundle against Maven Central's rules for a release, before it is uploaded:
 * <ul>
 *   <li>each component has its {@code .pom}; unless its packaging is {@code pom}, also its
 *       {@code .jar}, {@code -sources.jar} and {@code -javadoc.jar} (see {@link ArchiveCheck} for
 *       what must be inside them);
 *   <li>each of those files has a matching {@code .md5} and {@code .sha1} (and, if present,
 *       {@code .sha256} and {@code .sha512});
 *   <li>each POM, with what it inherits from the POMs of the bundle, has a name, description, url,
 *       licence (name and url), developer, and scm url and connection, and its coordinates match
 *       its directory;
 *   <li>no POM depends on a SNAPSHOT outside the bundle, or on an artifact of its own group that
 *       the bundle lacks, and every version it states resolves;
 *   <li>signatures: when the bundle holds {@code .asc} files, every file has one and gpg verifies
 *       it; an unsigned bundle is reported with a warning, since signing needs a key that a build
 *       machine may not have.
 * </ul>
 * A SNAPSHOT version of the bundle itself is a warning (a rehearsal of a release), or an error
 * when a release version is required.
 */
final class BundleCheck {

    /** The files every component of a packaging other than {@code pom} must have. */
    static final List<String> JAR_FILES = List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar");

    /**
     * How to check.
     *
     * @param requireRelease whether a SNAPSHOT version of the bundle is an error
     * @param gpg the gpg to verify signatures with
     */
    record Options(boolean requireRelease, Gpg gpg) {
    }

    private final Bundle bundle;
    private final Options options;
    private final Report report = new Report();
    private final Map<Coordinates, Pom> poms = new HashMap<>();

    private BundleCheck(Bundle bundle, Options options) {
        this.bundle = bundle;
        this.options = options;
    }

    /**
     * Checks a bundle.
     *
     * @param bundle the bundle
     * @param options how to check
     * @return what was found
     */
    static Report check(Bundle bundle, Options options) {
        return new BundleCheck(bundle, options).run();
    }

    private Report run() {
        List<Component> components = Component.of(bundle, report);
        if (components.isEmpty()) {
            report.error("bundle", "holds no component");
            return report;
        }
        for (Component component : components) {
            readPom(component);
        }
        for (Component component : components) {
            String where = component.coordinates().toString();
            files(component, where);
            checksums(component);
            ArchiveCheck.check(bundle, component, report);
            Pom pom = poms.get(component.coordinates());
            if (pom != null) {
                Lineage lineage = Lineage.of(pom, parent -> Optional.ofNullable(poms.get(parent)));
                metadata(component, lineage, where);
                declarations(lineage, where);
            }
        }
        signatures(components);
        versions(components);
        return report;
    }

    private void readPom(Component component) {
        String path = component.path(".pom");
        Optional<byte[]> content = bundle.get(path);
        if (content.isEmpty()) {
            report.error(component.coordinates().toString(), "has no " + component.coordinates().artifactId() + "-"
                    + component.coordinates().version() + ".pom");
            return;
        }
        try {
            poms.put(component.coordinates(), Pom.parse(content.get(), path));
        } catch (IOException e) {
            report.error(path, e.getMessage());
        }
    }

    private void files(Component component, String where) {
        Pom pom = poms.get(component.coordinates());
        if (pom == null || pom.packaging().equals("pom")) {
            return;
        }
        for (String required : JAR_FILES) {
            if (!component.has(required)) {
                report.error(where, "has no " + component.coordinates().artifactId() + "-" + component.coordinates().version()
                        + required + " (Maven Central requires it for packaging " + pom.packaging() + ")");
            }
        }
    }

    private void checksums(Component component) {
        for (String primary : component.primaries()) {
            byte[] content = bundle.get(component.path(primary)).orElseThrow();
            for (String extension : Checksums.ALGORITHMS.keySet().stream().sorted().toList()) {
                Optional<byte[]> checksum = bundle.get(component.path(primary + extension));
                if (checksum.isEmpty()) {
                    if (Checksums.REQUIRED.contains(extension)) {
                        report.error(component.path(primary), "has no " + extension + " checksum");
                    }
                } else if (!Checksums.digestIn(new String(checksum.get(), StandardCharsets.US_ASCII))
                        .equals(Checksums.of(extension, content))) {
                    report.error(component.path(primary + extension), "does not match the file");
                }
            }
        }
    }

    private void metadata(Component component, Lineage lineage, String where) {
        Coordinates declared = lineage.coordinates();
        if (!declared.equals(component.coordinates())) {
            report.error(where, "its POM says it is " + declared);
        }
        String hint = lineage.missingParent().map(p -> " (its parent " + p + " is not in the bundle)").orElse("");
        Pom pom = lineage.pom();
        if (pom.name().isEmpty()) {
            report.error(where, "the POM has no <name>");
        }
        if (pom.description().isEmpty()) {
            report.error(where, "the POM has no <description>");
        }
        if (lineage.url().isEmpty()) {
            report.error(where, "the POM has no <url>" + hint);
        }
        List<Pom.License> licenses = lineage.licenses();
        if (licenses.isEmpty()) {
            report.error(where, "the POM has no <licenses>" + hint);
        }
        for (Pom.License license : licenses) {
            if (license.name().isEmpty() || license.url().isEmpty()) {
                report.error(where, "a <license> lacks its <name> or <url>");
            }
        }
        List<Pom.Developer> developers = lineage.developers();
        if (developers.isEmpty()) {
            report.error(where, "the POM has no <developers>" + hint);
        }
        if (developers.stream().anyMatch(d -> d.name().isEmpty())) {
            report.error(where, "a <developer> has no <name>");
        }
        Pom.Scm scm = lineage.scm();
        if (scm.url().isEmpty() || scm.connection().isEmpty()) {
            report.error(where, "the POM has no <scm> with <url> and <connection>" + hint);
        }
    }

    private void declarations(Lineage lineage, String where) {
        Coordinates self = lineage.coordinates();
        for (Pom.Declaration declaration : lineage.pom().declarations()) {
            String groupId = lineage.resolve(declaration.groupId()).orElse(declaration.groupId());
            String artifact = groupId + ":" + declaration.artifactId();
            Optional<String> version = Optional.empty();
            if (declaration.version().isPresent()) {
                version = lineage.resolve(declaration.version().get());
                if (version.isEmpty()) {
                    report.error(where, "the version " + declaration.version().get() + " of " + declaration.kind() + " "
                            + artifact + " does not resolve");
                    continue;
                }
            }
            Optional<Coordinates> inBundle = version.map(v -> new Coordinates(groupId, declaration.artifactId(), v))
                    .filter(poms::containsKey)
                    .or(() -> poms.keySet().stream()
                            .filter(c -> c.groupId().equals(groupId) && c.artifactId().equals(declaration.artifactId()))
                            .findFirst());
            if (version.isPresent() && version.get().endsWith("-SNAPSHOT")
                    && (inBundle.isEmpty() || !inBundle.get().version().equals(version.get()))) {
                report.error(where, declaration.kind() + " " + artifact + ":" + version.get()
                        + " is a SNAPSHOT, which Maven Central does not hold");
            }
            boolean consumed = declaration.kind().startsWith("dependency") || declaration.kind().startsWith("managed dependency");
            if (consumed && groupId.equals(self.groupId())
                    && !declaration.scope().equals("test") && inBundle.isEmpty()) {
                report.error(where, declaration.kind() + " " + artifact + " is of this group but not in the bundle,"
                        + " so users could not resolve it");
            }
        }
    }

    private void signatures(List<Component> components) {
        boolean signed = bundle.paths().stream().anyMatch(p -> p.endsWith(".asc"));
        if (!signed) {
            long files = components.stream().mapToLong(c -> c.primaries().size()).sum();
            report.warning("bundle", "unsigned: Maven Central requires a .asc signature beside each of its " + files
                    + " files; build with -Dgpg.keyname=<key> to sign them (RELEASING.md)");
            return;
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("bundle-signatures");
            for (Component component : components) {
                for (String primary : component.primaries()) {
                    verify(component.path(primary), temp);
                }
            }
        } catch (IOException e) {
            report.error("bundle", "cannot verify its signatures: " + e.getMessage());
        } finally {
            delete(temp);
        }
    }

    private void verify(String path, Path temp) throws IOException {
        Optional<byte[]> signature = bundle.get(path + ".asc");
        if (signature.isEmpty()) {
            report.error(path, "has no .asc signature, though the bundle is signed");
            return;
        }
        Path file = temp.resolve("file");
        Path asc = temp.resolve("file.asc");
        Files.write(file, bundle.get(path).orElseThrow());
        Files.write(asc, signature.get());
        options.gpg().verify(file, asc).ifPresent(problem -> report.error(path + ".asc", "does not verify: " + problem));
    }

    private void versions(List<Component> components) {
        List<String> snapshots = components.stream().map(Component::coordinates).filter(Coordinates::snapshot)
                .map(Coordinates::toString).toList();
        if (snapshots.isEmpty()) {
            return;
        }
        String message = snapshots.size() + " of its components have a SNAPSHOT version (" + snapshots.getFirst()
                + (snapshots.size() > 1 ? ", ..." : "") + "), which Maven Central does not take: set a release version first (RELEASING.md)";
        if (options.requireRelease()) {
            report.error("bundle", message);
        } else {
            report.warning("bundle", "a rehearsal: " + message);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
