#!/usr/bin/env bash
# System packages Helpdesk needs on Debian/Ubuntu: offscreen Qt, a CJK font, tools the tests use.
# Installs only what is missing; needs root or passwordless sudo, else says what to install.
set -euo pipefail

packages=(
  # Qt offscreen (ENVIRONMENT.md)
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3
  # Qt's X11 platform (make demo on a real screen; the bundled Qt's libraries resolve with ldd);
  # a fresh Debian 12 has none of them, and Qt's "xcb-cursor0 is needed" can hide the others
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
  # Chinese text on screen and in receipts; Simplified Chinese glyphs
  fonts-noto-cjk
  # python venv on a bare system
  python3-venv
  # receipts: pdftotext/pdftoppm and zbarimg read receipts back in the tests; CUPS + cups-pdf
  # give the printing test a real queue (.ci/cups.sh starts it); unicode-data for the font
  # script resources/fonts/make_subset.py
  poppler-utils zbar-tools cups printer-driver-cups-pdf unicode-data
  # exports must open in a spreadsheet program no one here wrote: soffice --headless --convert-to
  libreoffice-calc-nogui
  # the office console's browser tests (Playwright drives Debian's chromium)
  chromium
  # the same console in Firefox: tests/office/firefox.py speaks WebDriver BiDi to it directly
  firefox-esr
  # make package: PyInstaller reads the libraries' dependencies with objdump
  binutils
)

if ! command -v dpkg >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${packages[*]}" >&2
  echo "and Python >= 3.11 with venv; then run make again." >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
