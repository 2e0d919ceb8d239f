#!/usr/bin/env bash
# Copies the web page's two JavaScript libraries from npm into src/web/vendor/, with their
# licences, exactly as pinned by tests/web/package-lock.json (`npm ci` there first, the same
# install the browser test uses). The copies are committed: the page needs no build step and
# no network. Run it again after changing a version in tests/web/package.json
# (`cd tests/web && npm install yaml@X` updates the lock) and commit src/web/vendor.
#
#   yaml        (ISC)        YAML <-> form: src/web/vendor/yaml/ (its browser ES module build)
#   pdfjs-dist  (Apache-2.0) the PDF preview: src/web/vendor/pdfjs/ (pdf.min.mjs + its worker)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

web=tests/web
out=src/web/vendor
command -v npm >/dev/null || { echo "vendor_web.sh: npm missing (scripts/setup.sh installs it)" >&2; exit 1; }
(cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
nm=$web/node_modules

rm -rf "$out/yaml" "$out/pdfjs"
mkdir -p "$out/yaml" "$out/pdfjs"
cp -R "$nm/yaml/browser/dist/." "$out/yaml/"
cp "$nm/yaml/LICENSE" "$out/yaml/LICENSE"
cp "$nm/pdfjs-dist/build/pdf.min.mjs" "$nm/pdfjs-dist/build/pdf.worker.min.mjs" "$out/pdfjs/"
cp "$nm/pdfjs-dist/LICENSE" "$out/pdfjs/LICENSE"
{
  echo "Copied from npm by scripts/vendor_web.sh (pinned in tests/web/package-lock.json); do not edit."
  for p in yaml pdfjs-dist; do
    node -e 'const p=require(process.argv[1]); console.log(`${p.name} ${p.version} (${p.license})`)' \
      "$PWD/$nm/$p/package.json"
  done
} >"$out/VERSIONS"
cat "$out/VERSIONS"
