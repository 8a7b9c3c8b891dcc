/**
 * The Kubernetes plumbing of {@link dev.claudecode.kubernetes.KubernetesTransport}: the
 * {@code v5.channel.k8s.io} streams of attach and exec (the version that can end a process's
 * input), the pod built from the user's template, the reading of a pod's state, and the
 * processes that run in pods.
 */
package dev.claudecode.internal.kubernetes;
