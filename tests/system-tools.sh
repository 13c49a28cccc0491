#!/usr/bin/env bash
# The system tools the tests use, installed where missing: LibreOffice opens the built decks and documents,
# poppler (pdftoppm, pdffonts) and qpdf inspect PDFs, chromium runs the catalogue site's and the self-study courses' browser tests, npm fetches the SCORM tests' run-time. `make test` runs this before pytest.
# As root, or with passwordless sudo, on a machine with apt-get, it installs what is missing, quietly.
# Otherwise it stops with one message naming the packages and the command that installs them.
set -euo pipefail

need=()
command -v soffice >/dev/null || need+=(libreoffice-impress libreoffice-writer)
{ command -v pdftoppm >/dev/null && command -v pdffonts >/dev/null; } || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v chromium >/dev/null || need+=(chromium)
command -v npm >/dev/null || need+=(npm)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    as_root=(none)
fi
if [ "${as_root[0]:-}" = none ] || ! command -v apt-get >/dev/null; then
    echo "make test needs ${need[*]}; install them with: sudo apt-get install ${need[*]}" \
         "(or run the office-free tests with: make test-fast)" >&2
    exit 1
fi
echo "make test: installing ${need[*]} (a minute, once)" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null
# debconf's "delaying package configuration" note is noise on a machine without apt-utils; errors still show.
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    2> >(grep -v '^debconf: delaying package configuration' >&2)
