#!/usr/bin/env bash
# A real print queue for the receipt printing test: CUPS with cups-pdf, queue `HelpdeskPDF`.
# Idempotent: installs only missing packages, starts cupsd only when it is not running, adds the
# queue only when it is missing. Jobs land as PDF files in $HOME/PDF (cups-pdf's default).
# Needs root (or passwordless sudo); otherwise says what to run and exits 0, so the printing
# test skips outside CI (and fails in CI, where CI is set).
set -euo pipefail
QUEUE=HelpdeskPDF
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
packages=(cups printer-driver-cups-pdf poppler-utils zbar-tools)

if ! command -v dpkg >/dev/null 2>&1; then
    echo "cups.sh: not Debian/Ubuntu; install CUPS and cups-pdf, then add a queue $QUEUE" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "cups.sh needs root: run 'sudo bash .ci/cups.sh' for the printing test" >&2
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "cups.sh: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

if ! pgrep -x cupsd >/dev/null 2>&1; then
    echo "cups.sh: starting cupsd" >&2
    "${sudo[@]}" /usr/sbin/cupsd
fi
for _ in $(seq 1 50); do
    lpstat -r >/dev/null 2>&1 && break
    sleep 0.1
done

if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    echo "cups.sh: adding the queue $QUEUE" >&2
    "${sudo[@]}" lpadmin -p "$QUEUE" -v cups-pdf:/ -E -P "$PPD"
fi
lpstat -p "$QUEUE" >&2
