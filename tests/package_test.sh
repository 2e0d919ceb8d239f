#!/usr/bin/env bash
# CTest Package.Deb: `cpack -G DEB` makes a .deb whose Depends name the shared libraries the
# binary links (dpkg-shlibdeps) and the hyphenation patterns it reads, and which holds the
# binary, templates, fonts, licences, man page and bash completion under /usr.
# Usage: package_test.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d /tmp/thaidoc-package-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "package_test: FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/thaidoc_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libharfbuzz0b libharfbuzz-subset0 libfreetype6 libthai0 libhpdf-2.3.0 libyaml-cpp0.7 libpng16-16 \
           libjpeg62-turbo libhyphen0 libstdc++6 libc6 hyphen-en-us libcpp-httplib0.11; do
  [[ ", $depends," == *", $lib "* || ", $depends," == *", $lib,"* ]] || fail "Depends lacks $lib"
done
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/thaidoc ./usr/share/thaidoc/templates/memo.yaml ./usr/share/thaidoc/fonts/Laksaman.ttf \
         ./usr/share/thaidoc/templates/schema/document.schema.json \
         ./usr/share/doc/thaidoc/copyright ./usr/share/man/man1/thaidoc.1.gz \
         ./usr/share/bash-completion/completions/thaidoc; do
  grep -qF " $f" <<<"$contents" || fail "the package lacks $f"
done
echo "package_test: ok"
