#!/usr/bin/env bash
# Builds the OCI image claude-code-cli:<version> that ContainerTransport and KubernetesTransport run:
# the pinned Claude Code CLI from the managed install, the libraries it links against, bash and a
# static busybox (sh, coreutils, find, stat, tar: what the CLI's tools and the node's commands
# use), with the user, directories and environment the transports expect. No image registry is
# involved: the root file system is assembled here and imported into the engine.
#
# Usage: container/build-image.sh [--version V] [--cli PATH] [--tag NAME] [--rootfs-tar FILE] [--smoke]
#   --version V        CLI version (default: the project's pin, claude.cli.version in pom.xml)
#   --cli PATH         the CLI binary (default: ~/.cache/claude-code-java/cli/V/claude, the managed install)
#   --tag NAME         image name (default: claude-code-cli:V)
#   --rootfs-tar FILE  only write the root file system tar to FILE; import nothing
#   --smoke            after the import, run `claude --version` in the image and check the version
# Environment:
#   CONTAINER_ENGINE      the engine command, with any global flags (default: podman, else docker),
#                         e.g. "podman --storage-driver=vfs --root=/var/tmp/store"
#   CONTAINER_RUN_FLAGS   extra flags for the smoke run, e.g. "--ulimit nofile=20000:20000"
#   BUSYBOX               a statically linked busybox (default: /bin/busybox; Debian: busybox-static)
#
# Conventions of the image (the transports rely on them):
#   /usr/local/bin/claude  the CLI                 user      claude, uid:gid 1000:1000
#   /workspace             working directory       HOME      /home/claude
#   /bin/sh, /bin/bash     shells (busybox, bash)  PATH      /usr/local/bin:/usr/bin:/bin
#   /tmp                   world-writable, sticky  label     dev.claudecode.cli.version=V
#
# Reproducible: files are taken in name order with fixed owners and a fixed time (SOURCE_DATE_EPOCH,
# default 0), so the same CLI binary and the same host libraries give the same layer digest,
# which the script prints.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
version=""
cli=""
tag=""
rootfs_tar=""
smoke=false
while (( $# > 0 )); do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    --rootfs-tar) rootfs_tar="$2"; shift 2 ;;
    --smoke) smoke=true; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [[ -z "$version" ]]; then
  version="$(sed -n 's:.*<claude.cli.version>\(.*\)</claude.cli.version>.*:\1:p' "$here/../pom.xml" | head -n 1)"
fi
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "not a CLI version: '$version'" >&2; exit 2
fi
cli="${cli:-$HOME/.cache/claude-code-java/cli/$version/claude}"
tag="${tag:-claude-code-cli:$version}"
busybox="${BUSYBOX:-/bin/busybox}"
epoch="${SOURCE_DATE_EPOCH:-0}"

[[ -x "$cli" ]] || { echo "no CLI at $cli: install it first (claude-code-console install-cli)" >&2; exit 1; }
[[ -x "$busybox" ]] || { echo "no busybox at $busybox (Debian: apt-get install busybox-static)" >&2; exit 1; }
if ldd "$busybox" >/dev/null 2>&1; then
  echo "$busybox is dynamically linked; a static one is needed (Debian: busybox-static)" >&2; exit 1
fi
bash_bin="$(command -v bash)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"      # owned by root in the image
user="$work/user"      # owned by the claude user in the image
mkdir -p "$root"/{bin,usr/bin,usr/local/bin,etc,tmp,lib,lib64} "$user/home/claude" "$user/workspace"
chmod 1777 "$root/tmp"
chmod 0755 "$user/home/claude" "$user/workspace"

# The CLI, bash and every library they load (ldd names them), at the paths the loader expects.
install -m 0755 "$cli" "$root/usr/local/bin/claude"
install -m 0755 "$bash_bin" "$root/bin/bash"
{ ldd "$cli"; ldd "$bash_bin"; } | grep -o '/[^ ]*' | sort -u | while read -r library; do
  target="$root$library"
  mkdir -p "$(dirname "$target")"
  cp -L "$library" "$target"
done

# busybox provides sh and the everyday commands; a real binary of the same name wins.
install -m 0755 "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [[ "$applet" == busybox || -e "$root/bin/$applet" ]] || ln -s busybox "$root/bin/$applet"
done

# Users, groups, and TLS roots for a real model API.
cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
claude:x:1000:1000:Claude Code:/home/claude:/bin/bash
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
claude:x:1000:
nogroup:x:65534:
GROUP
mkdir -p "$root/root"
chmod 0700 "$root/root"
if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
  mkdir -p "$root/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
fi

tar_flags=(--sort=name --mtime="@$epoch" --numeric-owner --format=gnu)
out="${rootfs_tar:-$work/rootfs.tar}"
tar -C "$root" -cf "$out" "${tar_flags[@]}" --owner=0 --group=0 .
tar -C "$user" -rf "$out" "${tar_flags[@]}" --owner=1000 --group=1000 ./home ./workspace
echo "rootfs layer sha256:$(sha256sum "$out" | cut -d' ' -f1) ($(du -h "$out" | cut -f1))"
if [[ -n "$rootfs_tar" ]]; then
  exit 0
fi

if [[ -n "${CONTAINER_ENGINE:-}" ]]; then
  read -r -a engine <<< "$CONTAINER_ENGINE"
elif command -v podman >/dev/null; then
  engine=(podman)
else
  engine=(docker)
fi
"${engine[@]}" import \
  --change "USER 1000:1000" \
  --change "WORKDIR /workspace" \
  --change "ENV HOME=/home/claude" \
  --change "ENV PATH=/usr/local/bin:/usr/bin:/bin" \
  --change "ENV SHELL=/bin/bash" \
  --change "LABEL dev.claudecode.cli.version=$version" \
  --change 'CMD ["/usr/local/bin/claude", "--version"]' \
  "$out" "$tag" >/dev/null
echo "imported $tag"

if $smoke; then
  read -r -a run_flags <<< "${CONTAINER_RUN_FLAGS:-}"
  printed="$("${engine[@]}" run --rm --network=none "${run_flags[@]}" "$tag" /usr/local/bin/claude --version)"
  if [[ "$printed" != "$version"* ]]; then
    echo "smoke check failed: the image's CLI printed '$printed', expected $version" >&2; exit 1
  fi
  shell="$("${engine[@]}" run --rm --network=none "${run_flags[@]}" "$tag" /bin/sh -c 'id -u; pwd; echo "$HOME"')"
  if [[ "$shell" != $'1000\n/workspace\n/home/claude' ]]; then
    echo "smoke check failed: user, directory and home are '$shell'" >&2; exit 1
  fi
  echo "smoke check passed: $printed"
fi
