package dev.claudecode.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lays the published modules of a built source tree out as a Central Portal bundle: each module's
 * POM, and for a jar module its jar, sources jar and Javadoc jar from {@code target/}, under
 * {@code groupId/artifactId/version/}, with checksums and, given a key, signatures.
 *
 * <p>What is published is decided by one rule, checked against the BOM: every module is
 * published unless it sets {@code maven.deploy.skip}, and every published jar module must be
 * listed in the BOM, which must list nothing else of the group.
 */
final class Staging {

    /**
     * A key to sign with.
     *
     * @param gpg the gpg to run
     * @param key the key's id, fingerprint or user id
     * @param passphrase its passphrase, when it has one
     */
    record Signer(Gpg gpg, String key, Optional<String> passphrase) {

        @Override
        public String toString() {
            return "Signer[key=" + key + "]";
        }
    }

    private Staging() {
    }

    /**
     * Stages the published modules.
     *
     * @param reactor the built source tree
     * @param bom the artifactId of the BOM
     * @param directory the staging directory, emptied first
     * @param signer the key to sign with, if any
     * @param report where problems go; nothing is staged for a module with a problem
     * @throws IOException when files cannot be copied or signed
     */
    static void stage(Reactor reactor, String bom, Path directory, Optional<Signer> signer, Report report) throws IOException {
        checkBom(reactor, bom, report);
        delete(directory);
        Files.createDirectories(directory);
        for (Reactor.Module module : reactor.modules()) {
            if (module.published()) {
                stage(module, directory, signer, report);
            }
        }
    }

    /**
     * Checks that the BOM lists exactly the published jar modules of its group.
     *
     * @param reactor the source tree
     * @param bom the artifactId of the BOM
     * @param report where problems go
     */
    static void checkBom(Reactor reactor, String bom, Report report) {
        Optional<Reactor.Module> bomModule = reactor.module(bom);
        if (bomModule.isEmpty()) {
            report.error(bom, "no module of the build has this artifactId");
            return;
        }
        Lineage lineage = bomModule.get().lineage();
        String group = lineage.coordinates().groupId();
        Set<String> listed = new TreeSet<>();
        for (Pom.Declaration declaration : bomModule.get().pom().declarations()) {
            if (declaration.kind().equals("managed dependency") && !declaration.scope().equals("import")
                    && lineage.resolve(declaration.groupId()).orElse("").equals(group)) {
                listed.add(declaration.artifactId());
            }
        }
        Set<String> published = new TreeSet<>();
        for (Reactor.Module module : reactor.modules()) {
            if (module.published() && !module.pom().packaging().equals("pom") && module.coordinates().groupId().equals(group)) {
                published.add(module.pom().artifactId());
                if (!listed.contains(module.pom().artifactId())) {
                    report.error(module.pom().artifactId(), "is published but " + bom + " does not list it: add it to "
                            + bom + "/pom.xml, or keep it unpublished with <maven.deploy.skip>true</maven.deploy.skip>");
                }
            }
        }
        for (String artifactId : listed) {
            if (!published.contains(artifactId)) {
                report.error(bom, "lists " + artifactId + ", which is not a published jar module of this build");
            }
        }
    }

    private static void stage(Reactor.Module module, Path directory, Optional<Signer> signer, Report report) throws IOException {
        Coordinates coordinates = module.coordinates();
        List<Path> sources = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        sources.add(module.directory().resolve("pom.xml"));
        suffixes.add(".pom");
        if (!module.pom().packaging().equals("pom")) {
            for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                Path built = module.directory().resolve("target").resolve(coordinates.artifactId() + "-" + coordinates.version() + suffix);
                if (!Files.isRegularFile(built)) {
                    report.error(coordinates.toString(), "has no " + module.directory().getFileName() + "/target/" + built.getFileName()
                            + ": build with ./mvnw -Prelease verify, which makes it (and keep claude-code-release last in <modules>)");
                    return;
                }
                sources.add(built);
                suffixes.add(suffix);
            }
        }
        Path target = directory.resolve(coordinates.directory());
        Files.createDirectories(target);
        for (int i = 0; i < sources.size(); i++) {
            Path file = directory.resolve(coordinates.file(suffixes.get(i)));
            Files.copy(sources.get(i), file, StandardCopyOption.REPLACE_EXISTING);
            byte[] content = Files.readAllBytes(file);
            for (String extension : Checksums.ALGORITHMS.keySet()) {
                Files.writeString(Path.of(file + extension), Checksums.of(extension, content), StandardCharsets.US_ASCII);
            }
            if (signer.isPresent()) {
                signer.get().gpg().sign(file, signer.get().key(), signer.get().passphrase());
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
