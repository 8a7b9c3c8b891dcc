package dev.claudecode.release;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the Maven Central bundle of a built source tree and checks it: the release profile's
 * last step ({@code ./mvnw -Prelease verify}).
 *
 * <p>Arguments, each {@code name=value}:
 * <ul>
 *   <li>{@code root}: the directory of the root POM;
 *   <li>{@code bom}: the artifactId of the BOM, which lists the published jar modules;
 *   <li>{@code out}: where the staging directory and the zip go;
 *   <li>{@code gpg.keyname}: the key to sign with; empty for an unsigned bundle, which passes
 *       every check but the signatures' (the key's passphrase, if any, is read from the
 *       environment variable {@code MAVEN_GPG_PASSPHRASE});
 *   <li>{@code gpg.homedir}: the GnuPG home directory, empty for the default;
 *   <li>{@code require.release}: {@code true} to fail on a SNAPSHOT version instead of warning.
 * </ul>
 */
public final class CentralBundle {

    private static final Set<String> NAMES = Set.of("root", "bom", "out", "gpg.keyname", "gpg.homedir", "require.release");

    private CentralBundle() {
    }

    /**
     * Builds and checks the bundle.
     *
     * @param args the arguments, {@code name=value}
     * @throws IOException when files cannot be read or written
     * @throws IllegalStateException when the bundle is incomplete or breaks one of Maven Central's rules
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> arguments = parse(args);
        Path root = Path.of(required(arguments, "root"));
        Path out = Path.of(required(arguments, "out"));
        Gpg gpg = Gpg.at(given(arguments, "gpg.homedir").map(Path::of));
        Optional<Staging.Signer> signer = given(arguments, "gpg.keyname")
                .map(key -> new Staging.Signer(gpg, key, Optional.ofNullable(System.getenv("MAVEN_GPG_PASSPHRASE")).filter(p -> !p.isEmpty())));
        boolean requireRelease = given(arguments, "require.release").map(Boolean::parseBoolean).orElse(false);
        Path zip = build(root, required(arguments, "bom"), out, signer, new BundleCheck.Options(requireRelease, gpg), System.out);
        System.out.println("Maven Central bundle: " + zip);
    }

    /**
     * Stages, zips and checks.
     *
     * @param root the directory of the root POM
     * @param bom the artifactId of the BOM
     * @param out where the staging directory and the zip go
     * @param signer the key to sign with, if any
     * @param options how to check the zip
     * @param log where findings are printed
     * @return the zip
     * @throws IOException when files cannot be read or written
     * @throws IllegalStateException when staging or the check finds an error
     */
    static Path build(Path root, String bom, Path out, Optional<Staging.Signer> signer, BundleCheck.Options options, PrintStream log)
            throws IOException {
        Reactor reactor = Reactor.scan(root);
        Report staging = new Report();
        Path directory = out.resolve("staging");
        Staging.stage(reactor, bom, directory, signer, staging);
        fail(staging, "the bundle could not be staged", log);
        String version = reactor.module(bom).orElseThrow().coordinates().version();
        Path zip = out.resolve("central-bundle-" + version + ".zip");
        Bundle.readDirectory(directory).writeZip(zip);
        Bundle bundle = Bundle.readZip(zip);
        Report check = BundleCheck.check(bundle, options);
        log.printf("%s: %d files of %d components checked%n", zip.getFileName(), bundle.paths().size(),
                Component.of(bundle, new Report()).size());
        fail(check, zip + " breaks Maven Central's rules", log);
        return zip;
    }

    private static void fail(Report report, String summary, PrintStream log) {
        for (Report.Finding finding : report.findings()) {
            log.println(finding);
        }
        List<Report.Finding> errors = report.errors();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(summary + " (" + errors.size() + " errors): " + errors.getFirst()
                    + (errors.size() > 1 ? " ..." : ""));
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> arguments = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0 || !NAMES.contains(arg.substring(0, equals))) {
                throw new IllegalArgumentException("expected name=value with a name of " + NAMES + ": " + arg);
            }
            arguments.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return arguments;
    }

    private static String required(Map<String, String> arguments, String name) {
        return given(arguments, name).orElseThrow(() -> new IllegalArgumentException("missing " + name + "=..."));
    }

    /** A value left as Maven's {@code ${...}} (a property nobody set) counts as not given. */
    private static Optional<String> given(Map<String, String> arguments, String name) {
        return Optional.ofNullable(arguments.get(name)).map(String::strip).filter(v -> !v.isEmpty() && !v.startsWith("${"));
    }
}
