#!/usr/bin/env bash
# Offline build mode: the base images the Dockerfile names, made from Debian's own packages when
# the public container registry cannot be reached (docs/deploy.md, "Offline build mode").
#
#   debian:bookworm-slim       debootstrap --variant=minbase of bookworm (the front stage)
#   python:3.11-slim-bookworm  that, plus bookworm's python3 (3.11), venv and pip, with the
#                              /usr/local/bin/python and pip names the official image has
#
# Not the official python image (its Python is built from source in /usr/local); the same
# release of Debian and the same Python minor version, which is what the Dockerfile relies on.
# Run as root. Set MIRROR to use another Debian mirror; the default is the one apt uses here.
set -euo pipefail
cd "$(dirname "$0")/../.."
podman=(podman)

mirror=${MIRROR:-$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' \
  /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null | awk '{print $2; exit}' || true)}
mirror=${mirror:-http://deb.debian.org/debian}
security=${mirror%/debian}/debian-security

if ! "${podman[@]}" image exists debian:bookworm-slim; then
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  echo "debootstrap bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  tar -C "$rootfs" --numeric-owner -c . |
    "${podman[@]}" import --change 'CMD ["bash"]' - debian:bookworm-slim >/dev/null
  echo "built debian:bookworm-slim"
fi

# The CAs this machine adds to Debian's go in too: where HTTPS leaves through an intercepting
# proxy (as here), pip and uv in the build could not reach PyPI without them.
if ! "${podman[@]}" image exists python:3.11-slim-bookworm; then
  context=$(mktemp -d)
  trap 'rm -rf "$context" ${rootfs:+"$rootfs"}' EXIT
  mkdir "$context/local-ca"
  cp /usr/local/share/ca-certificates/*.crt "$context/local-ca/" 2>/dev/null || true
  "${podman[@]}" build --quiet -t python:3.11-slim-bookworm \
    -f deploy/podman/python.Containerfile "$context" >/dev/null
  echo "built python:3.11-slim-bookworm"
fi
