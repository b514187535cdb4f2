#!/usr/bin/env bash
# Builds the release: static binaries for the targets below, each in an
# archive (tar.gz for Linux, zip for Windows) with LICENSE, README.md,
# THIRD_PARTY_NOTICES.txt and, for Linux, the systemd unit; and SHA256SUMS.
#
#   scripts/release.sh v1.2.3     writes dist/ (emptied first)
#   scripts/release.sh --check    builds every target into a temporary folder
#                                 and writes its notices, no archives (CI)
#
# A script rather than GoReleaser: the build is one `go build` per target
# plus tar, zip and sha256sum, which every build machine has; GoReleaser
# would be one more tool to install and trust (it is not served from an
# approved source here), for no step this needs.
#
# CGO_ENABLED=0: the SQLite driver (modernc.org/sqlite) is pure Go, so the
# binaries are static and cross-compile from any machine. -trimpath keeps
# the build machine's paths out of them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

# The targets, as GOOS/GOARCH. scripts/notices's test reads this line.
TARGETS="linux/amd64 linux/arm64 windows/amd64"

usage() { echo "usage: scripts/release.sh VERSION (like v1.2.3) | scripts/release.sh --check" >&2; exit 2; }
[ $# -eq 1 ] || usage
check=
case "$1" in
  --check) check=1; version="v0.0.0-check" ;;
  -*) usage ;;
  *) version="$1" ;;
esac
# The version goes into -ldflags and file names: nothing but a semantic version.
if ! [[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "release: VERSION must look like v1.2.3 or v1.2.3-rc.1, not \"$version\"" >&2
  exit 2
fi

# Archives carry the commit's time, so the same commit gives the same bytes.
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH="$epoch"

# build GOOS GOARCH OUT: one static binary.
build() {
  CGO_ENABLED=0 GOOS="$1" GOARCH="$2" go build -trimpath -buildvcs=false \
    -ldflags "-s -w -X dangjian/internal/cli.Version=$version" \
    -o "$3" ./cmd/dangjian
}

if [ -n "$check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  for t in $TARGETS; do
    goos=${t%/*} goarch=${t#*/}
    exe=dangjian; [ "$goos" = windows ] && exe=dangjian.exe
    echo "release --check: $goos/$goarch"
    build "$goos" "$goarch" "$tmp/$goos-$goarch/$exe"
    go run ./scripts/notices -o "$tmp/$goos-$goarch/THIRD_PARTY_NOTICES.txt" "$tmp/$goos-$goarch/$exe"
    if [ "$goos" = "$(go env GOHOSTOS)" ] && [ "$goarch" = "$(go env GOHOSTARCH)" ]; then
      got=$("$tmp/$goos-$goarch/$exe" version)
      case "$got" in
        "dangjian $version "*) ;;
        *) echo "release --check: the binary says \"$got\", not version $version" >&2; exit 1 ;;
      esac
    fi
  done
  echo "release --check: all targets build"
  exit 0
fi

rm -rf dist
mkdir -p dist
for t in $TARGETS; do
  goos=${t%/*} goarch=${t#*/}
  name="dangjian_${version}_${goos}_${goarch}"
  dir="dist/$name"
  mkdir -p "$dir"
  exe=dangjian; [ "$goos" = windows ] && exe=dangjian.exe
  echo "release: $name"
  build "$goos" "$goarch" "$dir/$exe"
  go run ./scripts/notices -o "$dir/THIRD_PARTY_NOTICES.txt" "$dir/$exe"
  cp LICENSE README.md "$dir/"
  mkdir -p "$dir/docs"
  cp docs/operations.md docs/security.md "$dir/docs/"
  if [ "$goos" = windows ]; then
    # Notepad and Explorer expect CRLF and an extension on text files.
    for f in LICENSE README.md THIRD_PARTY_NOTICES.txt docs/operations.md docs/security.md; do
      sed 's/$/\r/' "$dir/$f" >"$dir/$f.crlf" && rm "$dir/$f"
      case "$f" in *.*) mv "$dir/$f.crlf" "$dir/$f" ;; *) mv "$dir/$f.crlf" "$dir/$f.txt" ;; esac
    done
    find "$dir" -exec touch -h -d "@$epoch" {} +
    (cd dist && find "$name" -print | LC_ALL=C sort | zip -q -X -@ "$name.zip")
  else
    cp packaging/dangjian.service "$dir/"
    tar -C dist --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
      -cf - "$name" | gzip -9n >"dist/$name.tar.gz"
  fi
  rm -rf "$dir"
done
(cd dist && sha256sum -- *.tar.gz *.zip >SHA256SUMS)
echo "release: dist/"
ls -l dist
