/**
 * The Docker Engine API plumbing of {@link dev.claudecode.container.ContainerTransport}: the
 * hijacked attach and exec streams (with the half-close that ends a container's input), their
 * demultiplexing, the environment preamble, container and exec processes, and the reaping of
 * containers.
 */
package dev.claudecode.internal.container;
