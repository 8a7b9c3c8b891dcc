/**
 * Sessions on Kubernetes. {@link dev.claudecode.kubernetes.KubernetesTransport} runs each CLI
 * process in a pod of its own, built from a user-supplied pod template, with the API key from a
 * Secret, the streams over {@code v5.channel.k8s.io} attach, and the pod as the session's node
 * (commands and files over exec). Placement, quotas and restarts are Kubernetes'.
 */
package dev.claudecode.kubernetes;
