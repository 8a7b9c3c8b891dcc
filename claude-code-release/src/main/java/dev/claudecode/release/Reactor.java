package dev.claudecode.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The modules of a source tree, read from its POMs: the root POM and its {@code <modules>},
 * recursively.
 */
final class Reactor {

    /**
     * One module.
     *
     * @param directory its directory
     * @param pom its POM
     * @param lineage its POM with the ancestors found in the tree
     */
    record Module(Path directory, Pom pom, Lineage lineage) {

        /** @return its coordinates */
        Coordinates coordinates() {
            return lineage.coordinates();
        }

        /** @return whether it is published: true unless its POM, or one it inherits from, sets {@code maven.deploy.skip} */
        boolean published() {
            return !lineage.resolve("${maven.deploy.skip}").orElse("false").equals("true");
        }
    }

    private static final int MAX_MODULES = 500;

    private final List<Module> modules;

    private Reactor(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    /**
     * Reads a source tree.
     *
     * @param root the directory of the root POM
     * @return its modules, the root first
     * @throws IOException when a POM cannot be read
     */
    static Reactor scan(Path root) throws IOException {
        List<Path> directories = new ArrayList<>();
        List<Pom> poms = new ArrayList<>();
        collect(root.toAbsolutePath().normalize(), directories, poms);
        List<Module> modules = new ArrayList<>();
        for (int i = 0; i < poms.size(); i++) {
            Lineage lineage = Lineage.of(poms.get(i), parent -> find(poms, parent));
            modules.add(new Module(directories.get(i), poms.get(i), lineage));
        }
        return new Reactor(modules);
    }

    private static void collect(Path directory, List<Path> directories, List<Pom> poms) throws IOException {
        if (directories.size() >= MAX_MODULES) {
            throw new IOException("more than " + MAX_MODULES + " modules under " + directory);
        }
        if (directories.contains(directory)) {
            return;
        }
        Path file = directory.resolve("pom.xml");
        if (!Files.isRegularFile(file)) {
            throw new IOException("a module without a pom.xml: " + directory);
        }
        Pom pom = Pom.read(file);
        directories.add(directory);
        poms.add(pom);
        for (String module : pom.modules()) {
            collect(directory.resolve(module).normalize(), directories, poms);
        }
    }

    private static Optional<Pom> find(List<Pom> poms, Coordinates wanted) {
        return poms.stream()
                .filter(pom -> Lineage.of(pom, any -> Optional.empty()).coordinates().equals(wanted))
                .findFirst();
    }

    /** @return every module, the root first */
    List<Module> modules() {
        return modules;
    }

    /**
     * @param artifactId a module's artifactId
     * @return that module
     */
    Optional<Module> module(String artifactId) {
        return modules.stream().filter(m -> m.pom().artifactId().equals(artifactId)).findFirst();
    }
}
