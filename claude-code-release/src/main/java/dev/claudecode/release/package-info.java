/**
 * The release tool of this repository (not published): builds the Maven Central bundle of the
 * published modules and checks it against Central's rules before anything is uploaded.
 *
 * <p>{@link dev.claudecode.release.CentralBundle} runs as the last step of
 * {@code ./mvnw -Prelease verify}: {@code Staging} lays each published module's POM, jar, sources
 * jar and Javadoc jar out as {@code groupId/artifactId/version/} with checksums (and signatures when
 * a key is configured), the staging directory is zipped, and {@code BundleCheck} checks the zip.
 * RELEASING.md describes the procedure.
 */
package dev.claudecode.release;
