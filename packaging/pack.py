"""Builds the Linux bundle: PyInstaller's one folder, then a .tar.gz that runs where unpacked.

    .venv/bin/python packaging/pack.py [--dist dist] [--work build]

Writes <dist>/helpdesk/ (the folder PyInstaller made, plus the desktop entry, the icon and
install-desktop-entry.sh) and <dist>/helpdesk-<version>-linux-x86_64.tar.gz, whose one top
folder helpdesk-<version>/ is that folder. Prints the archive's path. `make package` runs it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

INSTALL_SCRIPT = r"""#!/bin/sh
# Adds Helpdesk to the desktop's application menu, pointing at this folder (run it again
# after moving the folder). Nothing is installed elsewhere; the station's data stays in
# ~/.local/share/helpdesk whatever folder the app runs from.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
sed -e "s|^Exec=helpdesk$|Exec=\"$here/helpdesk\"|" -e "s|^Icon=.*|Icon=$here/helpdesk.png|" \
    "$here/helpdesk.desktop" > "$apps/helpdesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Added $apps/helpdesk.desktop"
"""

README = """Helpdesk {version} for Linux (x86-64)

Run ./helpdesk from this folder: no installation is needed. ./install-desktop-entry.sh adds
it to the application menu. The station's data is kept in ~/.local/share/helpdesk (never in
this folder), so a newer version can replace this folder; on its first start it backs the
station file up beside it (station.db.before-<change>) and then upgrades it.

Commands: ./helpdesk --help (for example ./helpdesk demo opens a demo station).
Needs a desktop with X11 or Wayland, glibc 2.35 or newer (Debian 12, Ubuntu 22.04 or later),
fontconfig and CUPS, as every desktop has.
"""


def version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on packaging/helpdesk.spec; returns the one-folder app."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work),
                    str(HERE / "helpdesk.spec")], check=True, cwd=ROOT)
    return dist / "helpdesk"


def add_linux_files(folder: Path, ver: str) -> None:
    entry = (HERE / "helpdesk.desktop").read_text(encoding="utf-8")
    if "\nIcon=" not in entry:
        entry = entry.replace("\nExec=", "\nIcon=helpdesk\nExec=", 1)
    (folder / "helpdesk.desktop").write_text(entry, encoding="utf-8")
    shutil.copy2(HERE / "icons" / "helpdesk.png", folder / "helpdesk.png")
    script = folder / "install-desktop-entry.sh"
    script.write_text(INSTALL_SCRIPT, encoding="utf-8")
    script.chmod(0o755)
    (folder / "README.txt").write_text(README.format(version=ver), encoding="utf-8")


def archive(folder: Path, ver: str) -> Path:
    """The folder as helpdesk-<version>/ in a .tar.gz, owned by root, links kept as links."""
    machine = {"AMD64": "x86_64"}.get(platform.machine(), platform.machine())
    target = folder.parent / f"helpdesk-{ver}-linux-{machine}.tar.gz"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"helpdesk-{ver}", filter=normalise)
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dist", type=Path, default=ROOT / "dist")
    ap.add_argument("--work", type=Path, default=ROOT / "build")
    args = ap.parse_args(argv)
    ver = version()
    folder = build(args.dist.resolve(), args.work.resolve())
    add_linux_files(folder, ver)
    print(archive(folder, ver))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
