#!/usr/bin/env bash
# Builds the test image of @modelcontextprotocol/server-everything FROM scratch out of files on this
# machine (no registry is reachable): the host's node, the libraries it links, and the npm package.
# The tag carries a hash of its inputs, so a second run reuses the image.
set -euo pipefail
source "$(dirname "$0")/../../../scripts/lib.sh"
root="$(repo_root)"
modules="$root/tools/node/node_modules"
image="${PARADISE_EVERYTHING_IMAGE:-paradise-test/server-everything:latest}"
[ -d "$modules/@modelcontextprotocol/server-everything" ] || die "run scripts/install-test-deps.sh first (missing $modules)"

node_bin="$(readlink -f "$(command -v node)")"
hash="$( (sha256sum "$node_bin" "$root/tools/node/package-lock.json" "$0" | cut -d' ' -f1) | sha256sum | cut -c1-12)"
if [ "$(docker image inspect -f '{{index .Config.Labels "paradise.inputs"}}' "$image" 2>/dev/null)" = "$hash" ]; then
  log "test image $image is current ($hash)"; exit 0
fi

ctx="$(mktemp -d)"; trap 'rm -rf "$ctx"' EXIT
mkdir -p "$ctx/rootfs/usr/bin" "$ctx/rootfs/app" "$ctx/rootfs/tmp" "$ctx/rootfs/workspace"
chmod 1777 "$ctx/rootfs/tmp"
cp "$node_bin" "$ctx/rootfs/usr/bin/node"
# native npm modules (jest's resolver) tell glibc from musl by reading ldd: ship it as a file, it is never run
cp /usr/bin/ldd "$ctx/rootfs/usr/bin/ldd"
# the libraries node links, and those of the native npm modules (jest's resolver needs librt, libdl, libpthread)
for binary in "$node_bin" $(find "$modules" -name '*.node' -not -path '*/@anthropic-ai/*'); do
  for lib in $(ldd "$binary" 2>/dev/null | grep -o '/[^ ]*'); do
    mkdir -p "$ctx/rootfs$(dirname "$lib")"; cp -L "$lib" "$ctx/rootfs$lib"
  done
done
# only what the server needs: Claude Code (400 MB) and the other test clients stay out
mkdir -p "$ctx/rootfs/app/node_modules"
tar -C "$modules" --exclude=./@anthropic-ai --exclude=./supergateway --exclude=./.bin -cf - . | tar -C "$ctx/rootfs/app/node_modules" -xf -
cat > "$ctx/Dockerfile" <<DOCKERFILE
FROM scratch
COPY rootfs/ /
ENV PORT=3001 HOME=/tmp
LABEL paradise.inputs="$hash"
WORKDIR /workspace
ENTRYPOINT ["/usr/bin/node", "/app/node_modules/@modelcontextprotocol/server-everything/dist/index.js"]
CMD ["streamableHttp"]
DOCKERFILE
log "building test image $image ($hash)"
docker build -q -t "$image" "$ctx" >/dev/null
