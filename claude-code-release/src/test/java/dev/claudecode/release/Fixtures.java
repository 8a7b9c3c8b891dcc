package dev.claudecode.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small POMs, jars and bundles for the tests, shaped like this project's. */
final class Fixtures {

    static final String GROUP = "org.example";

    static final String METADATA = """
              <url>https://example.org/lib</url>
              <licenses>
                <license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license>
              </licenses>
              <developers><developer><id>dev</id><name>The developers</name></developer></developers>
              <scm>
                <connection>scm:git:https://example.org/lib.git</connection>
                <url>https://example.org/lib</url>
              </scm>
            """;

    private Fixtures() {
    }

    /** @return the POM of a parent with every piece of metadata Central asks for */
    static String parentPom(String version) {
        return parentPom(version, METADATA, "");
    }

    /**
     * @param version its version
     * @param metadata its url, licences, developers and scm
     * @param extra more elements, e.g. dependencyManagement
     * @return the POM of a parent
     */
    static String parentPom(String version, String metadata, String extra) {
        return """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>lib-parent</artifactId>
                  <version>%s</version>
                  <packaging>pom</packaging>
                  <name>lib-parent</name>
                  <description>The parent.</description>
                %s
                  <properties><slf4j.version>2.0.20</slf4j.version></properties>
                %s
                </project>
                """.formatted(GROUP, version, metadata, extra);
    }

    /**
     * @param artifactId its artifactId
     * @param version its version, also its parent's
     * @param dependencies its dependency elements
     * @return the POM of a jar module that inherits its metadata
     */
    static String childPom(String artifactId, String version, String dependencies) {
        return """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>%s</groupId><artifactId>lib-parent</artifactId><version>%s</version></parent>
                  <artifactId>%s</artifactId>
                  <name>%s</name>
                  <description>A library.</description>
                  <dependencies>
                    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>${slf4j.version}</version></dependency>
                %s
                  </dependencies>
                </project>
                """.formatted(GROUP, version, artifactId, artifactId, dependencies);
    }

    /**
     * @param entries entry names, each with a little content
     * @return a jar of them
     */
    static byte[] jar(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Builds a bundle file by file, with checksums. */
    static final class Builder {

        private final Map<String, byte[]> files = new LinkedHashMap<>();

        /**
         * Adds a file and its checksums.
         *
         * @param path its path in the bundle
         * @param content its content
         * @return this
         */
        Builder file(String path, byte[] content) {
            files.put(path, content);
            for (String extension : Checksums.ALGORITHMS.keySet()) {
                files.put(path + extension, Checksums.of(extension, content).getBytes(StandardCharsets.US_ASCII));
            }
            return this;
        }

        /**
         * Adds a file and its checksums.
         *
         * @param path its path in the bundle
         * @param content its content
         * @return this
         */
        Builder file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Adds a parent POM and a jar module with all their files.
         *
         * @param version their version
         * @return this
         */
        Builder library(String version) {
            Coordinates parent = new Coordinates(GROUP, "lib-parent", version);
            file(parent.file(".pom"), parentPom(version));
            return module("lib", version, "");
        }

        /**
         * Adds a jar module with all its files.
         *
         * @param artifactId its artifactId
         * @param version its version
         * @param dependencies its dependency elements
         * @return this
         */
        Builder module(String artifactId, String version, String dependencies) {
            Coordinates lib = new Coordinates(GROUP, artifactId, version);
            file(lib.file(".pom"), childPom(artifactId, version, dependencies));
            file(lib.file(".jar"), jar("META-INF/MANIFEST.MF", "org/example/lib/Lib.class"));
            file(lib.file("-sources.jar"), jar("org/example/lib/Lib.java"));
            file(lib.file("-javadoc.jar"), jar("index.html", "org/example/lib/Lib.html"));
            return this;
        }

        /**
         * Removes a file.
         *
         * @param path its path
         * @return this
         */
        Builder remove(String path) {
            files.remove(path);
            return this;
        }

        /**
         * Replaces a file, leaving its checksums as they were.
         *
         * @param path its path
         * @param content the new content
         * @return this
         */
        Builder replace(String path, byte[] content) {
            files.put(path, content);
            return this;
        }

        /** @return the files so far */
        Map<String, byte[]> files() {
            return files;
        }

        /** @return the bundle */
        Bundle build() {
            return Bundle.of(files);
        }
    }
}
