/**
 * Sessions in containers. {@link dev.claudecode.container.ContainerTransport} runs each CLI
 * process in a container of its own through the Docker Engine API (Docker, or Podman's
 * Docker-compatible service), and its node is the running container: commands as execs, files
 * through shell commands. See the transport for the secret handling and the container lifetime,
 * and {@code container/build-image.sh} for the image.
 */
package dev.claudecode.container;
