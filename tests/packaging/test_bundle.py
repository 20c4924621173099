"""The packaged app: built once with PyInstaller, then run as a station would run it.

Every run happens in a clean environment: PATH=/usr/bin:/bin, HOME and the XDG folders in a
temporary folder, offscreen Qt, no venv, no PYTHONPATH, the working folder empty. So the bundle
must carry everything itself (Qt plugins, translations, fonts, sqlcipher3, pypinyin's
dictionary), and the station's data must land in the user's folders, never beside the program.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpdesk.store import db as dbm
from helpdesk.store import keys, migrations
from helpdesk.store.keys.device_secrets import FileSecrets

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
OLD_STATION = Path(__file__).resolve().parent / "old-station"
PIN = "123456"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


@dataclass(frozen=True)
class Bundle:
    folder: Path  # the one-folder app as built
    archive: Path  # helpdesk-<version>-linux-<machine>.tar.gz

    @property
    def exe(self) -> Path:
        return self.folder / "helpdesk"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    if shutil.which("objdump") is None:
        pytest.fail("PyInstaller needs objdump: apt-get install binutils (.ci/setup-debian.sh)")
    out = tmp_path_factory.mktemp("package")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "pack.py"),
                           "--dist", str(out / "dist"), "--work", str(out / "build")],
                          capture_output=True, text=True, cwd=ROOT, timeout=1200)
    assert done.returncode == 0, done.stdout + done.stderr
    archive = Path(done.stdout.strip().splitlines()[-1])
    return Bundle(out / "dist" / "helpdesk", archive)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's home with its XDG folders, and an empty working folder beside it."""
    for sub in ("home/.local/share", "home/.config", "home/.cache", "runtime", "cwd"):
        (tmp_path / sub).mkdir(parents=True, mode=0o700)
    return tmp_path / "home"


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    # LANG: a desktop session always has a UTF-8 locale (without one Qt says so on stderr).
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(home.parent / "runtime"),
            "QT_QPA_PLATFORM": "offscreen", "HELPDESK_LANG": "en", **extra}


def run(exe: Path, home: Path, *args: str, timeout: float = 180,
        **env: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(exe), *args], env=clean_env(home, **env), cwd=home.parent / "cwd",
                          capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_version_comes_from_pyproject(bundle: Bundle, home: Path) -> None:
    assert run(bundle.exe, home, "--version").stdout.strip() == f"helpdesk {VERSION}"
    venv = subprocess.run([sys.executable, "-m", "helpdesk", "--version"], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    assert venv.stdout.strip() == f"helpdesk {VERSION}"
    assert bundle.archive.name == f"helpdesk-{VERSION}-linux-x86_64.tar.gz"


def test_demo_data_then_a_receipt_pdf_read_back(bundle: Bundle, home: Path,
                                                tmp_path: Path) -> None:
    station = tmp_path / "station"
    before = files_under(bundle.folder)
    # demo-data registers families: their pinyin keys need pypinyin's dictionary
    made = run(bundle.exe, home, "demo-data", "--families", "50", "--aid", "20",
               "--data-dir", str(station))
    assert "Added 50 families and 20 aid records" in made.stdout
    pdf = tmp_path / "receipt.pdf"
    saved = run(bundle.exe, home, "receipt", "pdf", "--last", "-o", str(pdf), "--user", "admin",
                "--data-dir", str(station), HELPDESK_PIN=PIN)
    receipt_no = re.search(r"Saved receipt (\S+):", saved.stdout)
    assert receipt_no, saved.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert receipt_no.group(1) in text and "领取凭证" in text  # the bundled CJK font
    # QtPdf renders the PDF and zxing-cpp reads the signed QR code back
    verdict = run(bundle.exe, home, "verify-receipt", "--pdf", str(pdf), "--data-dir",
                  str(station), HELPDESK_PIN=PIN)
    assert verdict.stdout.startswith(f"valid: receipt {receipt_no.group(1)}")
    assert json.loads(run(bundle.exe, home, "totals", "--json", "--data-dir", str(station),
                          HELPDESK_PIN=PIN).stdout)["aid_count"] == 20
    assert files_under(bundle.folder) == before  # nothing written beside the program


def test_demo_window_opens_and_stays_open_without_a_traceback(bundle: Bundle,
                                                              home: Path) -> None:
    before = files_under(bundle.folder)
    made = run(bundle.exe, home, "demo", "--no-window")
    assert "300 families; 600 aid" in made.stdout
    # the demo station is in the user's data folder (platformdirs), not beside the program
    assert (home / ".local" / "share" / "helpdesk-demo" / "station.db").is_file()
    # packaging/launcher.py's benchmark hook: quits once the sign-in window is painted
    shown = run(bundle.exe, home, "demo", HELPDESK_BENCH_T0=str(time.time()))
    assert "HELPDESK_SHOWN" in shown.stderr
    proc = subprocess.Popen([str(bundle.exe), "demo"], env=clean_env(home),
                            cwd=home.parent / "cwd", stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)  # a real process, not Qt's event loop: nothing to wait on
        assert proc.poll() is None, "the demo window closed by itself"
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
    assert files_under(bundle.folder) == before


def test_unpacked_archive_runs_where_it_is_unpacked(bundle: Bundle, home: Path,
                                                   tmp_path: Path) -> None:
    target = tmp_path / "usb stick"  # a space in the path, as on many USB sticks
    with tarfile.open(bundle.archive) as tar:
        tar.extractall(target, filter="tar")
    (folder,) = target.iterdir()
    assert folder.name == f"helpdesk-{VERSION}"
    assert run(folder / "helpdesk", home, "--version").stdout.strip() == f"helpdesk {VERSION}"
    run(folder / "helpdesk", home, "demo", "--no-window")
    assert (home / ".local" / "share" / "helpdesk-demo" / "station.db").is_file()
    # the menu entry points at this folder
    subprocess.run([str(folder / "install-desktop-entry.sh")], env=clean_env(home), check=True,
                   capture_output=True)
    entry = (home / ".local" / "share" / "applications" / "helpdesk.desktop").read_text("utf-8")
    assert f'\nExec="{folder}/helpdesk"\n' in entry
    assert f"\nIcon={folder}/helpdesk.png\n" in entry and (folder / "helpdesk.png").is_file()


def test_old_station_is_backed_up_then_migrated(bundle: Bundle, home: Path) -> None:
    # Where an installed app finds a station: the user's data and config folders.
    data = home / ".local" / "share" / "helpdesk"
    config = home / ".config" / "helpdesk"
    shutil.copytree(OLD_STATION / "data", data)
    (data / "station.db.old").rename(data / "station.db")  # kept so: .gitignore has *.db
    shutil.copytree(OLD_STATION / "config", config)
    key = master_key(data, config)
    old = dbm.connect(data / "station.db", key)
    released = [m.name for m in migrations.migrations.applied(old)]
    old.conn.close()
    newest = [m.name for m in migrations.migrations._migrations]
    pending = [name for name in newest if name not in released]
    assert pending, "the old station must have something to migrate"

    totals = run(bundle.exe, home, "totals", "--json", HELPDESK_PIN=PIN)
    assert json.loads(totals.stdout) == json.loads((OLD_STATION / "totals.json").read_text())
    aside = data / f"station.db.before-{pending[0]}"
    assert [p.name for p in data.glob("station.db.before-*")] == [aside.name]
    copy = dbm.connect(aside, key)  # the copy is the old file, untouched and still encrypted
    assert [m.name for m in migrations.migrations.applied(copy)] == released
    assert copy.execute("SELECT count(*) FROM families").fetchone()[0] == 30
    copy.conn.close()
    migrated = dbm.connect(data / "station.db", key)
    assert [m.name for m in migrations.migrations.applied(migrated)] == released + pending
    migrated.conn.close()
    run(bundle.exe, home, "totals", "--json", HELPDESK_PIN=PIN)  # nothing left to migrate
    assert [p.name for p in data.glob("station.db.before-*")] == [aside.name]


def master_key(data: Path, config: Path) -> bytes:
    keyfile = keys.KeyFile.load(data / "station.keys.json")
    holder = next(h for h in keyfile.holders() if h.name == "admin")
    return keyfile.unlock(holder.id, PIN, FileSecrets(config)).master_key


def test_leaves_out_what_the_station_does_not_use(bundle: Bundle) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    pyz = CArchiveReader(str(bundle.exe)).open_embedded_archive("PYZ.pyz")
    tops = {name.split(".")[0] for name in pyz.toc}
    assert {"helpdesk", "PySide6", "sqlcipher3", "pypinyin", "zxingcpp", "segno", "argon2",
            "cryptography", "keyring", "httpx", "openpyxl", "python_calamine",
            "rapidfuzz"} <= tops  # spreadsheets in and out (roster import, 台账 export)
    assert not tops & {"fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "psycopg",
                       "pytest", "hypothesis", "fontTools", "tkinter", "rich"}
    assert not any(name.startswith("helpdesk.server") for name in pyz.toc)
    files = files_under(bundle.folder)
    for unused in ("WebEngine", "Quick", "Qml", "Qt3D", "Multimedia", "tests/"):
        assert not [f for f in files if unused in f], unused
    for needed in ("platforms/libqxcb.so", "platforms/libqoffscreen.so",
                   "platforms/libqwayland.so", "printsupport/libcupsprintersupport.so",
                   "lib/libQt6Pdf.so.6", "lib/libQt6Charts.so.6", "translations/qtbase_zh_CN.qm",
                   "resources/i18n/helpdesk_zh_CN.qm", "resources/fonts/HelpdeskSansSC-Regular.otf",
                   "resources/styles/app.qss", "pypinyin/phrases_dict.json"):
        assert [f for f in files if f.endswith(needed)], needed


def test_every_library_finds_its_dependencies(bundle: Bundle) -> None:
    """What the spec left out (GTK's stack, QtQuick, …) is needed by nothing that stayed."""
    internal = bundle.folder / "_internal"
    env = {"PATH": "/usr/bin:/bin",
           "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    missing = {}
    for path in [bundle.exe, *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        # Wayland's client libraries come with a Wayland desktop; this machine has none.
        lost = [line.split()[0] for line in out.splitlines()
                if "not found" in line and not line.strip().startswith("libwayland-")]
        if lost:
            missing[path.name] = lost
    assert not missing
