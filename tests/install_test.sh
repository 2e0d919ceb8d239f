#!/usr/bin/env bash
# CTest Install.*: `cmake --install` into a temporary prefix, then the installed binary renders
# a memo from another folder with no environment variables at all (env -i): it must find the
# templates and fonts under PREFIX/share/thaidoc by itself, also through a symlink to it.
# Also checks the installed man page and bash completion.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d /tmp/thaidoc-install-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "install_test: FAIL: $*" >&2; exit 1; }

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }

for f in bin/thaidoc share/thaidoc/templates/memo.yaml share/thaidoc/templates/report.yaml \
         share/thaidoc/templates/default.yaml share/thaidoc/fonts/Laksaman.ttf share/thaidoc/fonts/DejaVuSans.ttf \
         share/doc/thaidoc/copyright share/doc/thaidoc/LICENSE-Laksaman.txt share/doc/thaidoc/LICENSE-DejaVu.txt \
         share/doc/thaidoc/GPL-2.txt share/doc/thaidoc/LICENSE-sRGB.txt share/doc/thaidoc/README.md \
         share/man/man1/thaidoc.1.gz share/bash-completion/completions/thaidoc; do
  [[ -f $prefix/$f ]] || fail "$f not installed"
done
[[ -x $prefix/bin/thaidoc ]] || fail "bin/thaidoc not executable"
# Nothing of the source tree is needed: the installed binary must not be in the build tree.
case $prefix in "$build"/*) fail "the prefix lies in the build tree" ;; esac

# A memo from another folder, no environment (no THAIDOC_TEMPLATES, THAIDOC_FONTS, HOME, PATH).
mkdir "$work/elsewhere"
cp "$source/data/memo/taneun-ita-results.yaml" "$work/elsewhere/memo.yaml"
cd "$work/elsewhere"
env -i "$prefix/bin/thaidoc" render memo.yaml -o memo.pdf 2>"$work/err" || { cat "$work/err"; fail "render with the installed binary"; }
[[ $(head -c 5 memo.pdf) == %PDF- ]] || fail "memo.pdf is not a PDF"
if command -v pdffonts >/dev/null; then
  fonts=$(pdffonts memo.pdf)  # (not piped into grep -q: with pipefail, an early exit is a failure)
  grep -q Laksaman <<<"$fonts" || fail "Laksaman not embedded"
fi
if command -v pdftotext >/dev/null; then
  text=$(pdftotext memo.pdf -)
  grep -q "บันทึกข้อความ" <<<"$text" || fail "the memo's title is not in the PDF's text"
fi

# Through a symlink elsewhere (the real path decides where share/ is).
mkdir "$work/links"
ln -s "$prefix/bin/thaidoc" "$work/links/thaidoc"
env -i "$work/links/thaidoc" render memo.yaml -o memo2.pdf 2>"$work/err" || { cat "$work/err"; fail "render through a symlink"; }
cmp -s memo.pdf memo2.pdf || fail "the symlinked binary wrote a different PDF"

# The man page: help2man's sections and ours.
man_text=$(zcat "$prefix/share/man/man1/thaidoc.1.gz")
for s in '.SH NAME' '.SH SYNOPSIS' '.SH "EXIT STATUS"' '.SH DIAGNOSTICS' 'render' 'diagnostic\-format' '"thaidoc 0.1.0"'; do
  grep -qF -- "$s" <<<"$man_text" || fail "man page lacks '$s'"
done
if command -v man >/dev/null; then
  page=$(MANWIDTH=80 man -l "$prefix/share/man/man1/thaidoc.1.gz" 2>/dev/null)
  grep -q "EXIT STATUS" <<<"$page" || fail "man -l cannot render the page"
fi

# The bash completion: commands, then the options of `render`.
completion=$prefix/share/bash-completion/completions/thaidoc
out=$(bash -c '
  if [[ -f /usr/share/bash-completion/bash_completion ]]; then
    source /usr/share/bash-completion/bash_completion  # the real _init_completion and _filedir
  else
    _init_completion() { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
    _filedir() { :; }
  fi
  source "$1"
  complete_line() {  # what bash sets when TAB is pressed at the end of the line $1
    COMP_LINE=$1; COMP_POINT=${#1}; read -ra COMP_WORDS <<<"$1"
    [[ $1 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _thaidoc
  }
  complete_line "thaidoc re"; echo "1:${COMPREPLY[*]}"
  complete_line "thaidoc render x.yaml --diag"; echo "2:${COMPREPLY[*]}"
  complete_line "thaidoc render x.yaml --diagnostic-format "; echo "3:${COMPREPLY[*]}"
  complete -p thaidoc' _ "$completion")
grep -qx '1:render' <<<"$out" || fail "completion of 're': $out"
grep -qx '2:--diagnostic-format' <<<"$out" || fail "completion of '--diag': $out"
grep -qx '3:human short json' <<<"$out" || fail "completion of --diagnostic-format's values: $out"
grep -q 'complete -F _thaidoc thaidoc' <<<"$out" || fail "completion not registered: $out"
echo "install_test: ok"
