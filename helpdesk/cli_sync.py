"""The station's sync commands (DESIGN.md "Commands"): enroll, sync, export-bundle,
import-bundle. Registered by `helpdesk.cli`, which signs in and turns a `KnownError` into a
message and exit status 1.
"""

from __future__ import annotations

import argparse
import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpdesk.errors import KnownError
from helpdesk.services import receipts, station_sync
from helpdesk.services.session import Session
from helpdesk.store import db as dbm
from helpdesk.sync import bundles, client

SignIn = Callable[[argparse.Namespace], Session]
Say = Callable[[str, str], None]


def add_commands(sub: Any, station_parser: Callable[..., Any], sign_in: SignIn,
                 say: Say) -> None:
    """Add the sync sub-commands; `station_parser` gives them --data-dir and --user."""
    def bound(fn: Callable[..., int]) -> Callable[[argparse.Namespace], int]:
        return lambda args: fn(args, sign_in, say)

    p = station_parser(sub, "enroll", "join a central server: online with a one-time code, "
                                      "or offline with an enrollment file", bound(cmd_enroll))
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--server", help="the server's address, e.g. https://sync.example.cn")
    how.add_argument("--file", help="an enrollment file from helpdesk-server station add")
    p.add_argument("--code", help="the one-time enrollment code (with --server)")
    p = station_parser(sub, "sync", "push and pull once, print what moved", bound(cmd_sync))
    p.add_argument("--server", help="the server's address, when the enrollment did not give "
                                    "it (an enrollment file without one)")
    p = station_parser(sub, "export-bundle", "offline sync: write the changes for the server "
                                             "to a file", bound(cmd_export_bundle))
    p.add_argument("file", help="bundle file to write (e.g. on a USB stick)")
    p = station_parser(sub, "import-bundle", "offline sync: read the server's answer file",
                       bound(cmd_import_bundle))
    p.add_argument("file", help="answer file from helpdesk-server import-bundle")


def _signer(s: Session) -> bundles.Signer:
    key = receipts.signing_key(s)
    assert key.private_key is not None, "signing_key returns this device's own key"
    return bundles.Signer(s.device, key.public_key, key.private_key)


def cmd_enroll(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    if args.server and not args.code:
        raise KnownError("no_code", "请用 --code 提供登记码",
                         "Give the enrollment code with --code")
    s = sign_in(args)
    try:
        if args.file:
            found = bundles.enroll_from_file(s.db, _read(args.file))
            say(f"已读取登记文件：站点 {found.station_code}（{found.station_name}）。"
                f"下一步：helpdesk export-bundle 文件，交给服务器导入",
                f"Enrollment file read: station {found.station_code} ({found.station_name}). "
                f"Next: helpdesk export-bundle FILE, for the server to import")
            return 0
        signer = _signer(s)
        with client.connect(args.server) as http:
            done = client.enroll(s.db, http, server_url=args.server, code=args.code,
                                 station_id=s.station.id, device=s.device,
                                 device_public_key=base64.b64encode(signer.public_key).decode())
        say(f"已登记到 {args.server}：站点编号 {done.station_code}",
            f"Enrolled with {args.server}: station {done.station_code}")
    finally:
        s.close()
    return 0


def cmd_sync(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    # The sign-in is audited and synced like any other (who unlocked the station's data and
    # when): it is written before the push and goes out with it, so nothing is left waiting.
    s = sign_in(args)
    try:
        found, pending = client.enrollment(s.db), bundles.pending_enrollment(s.db)
        if found is None and pending is None:
            raise client.SyncError("not_enrolled", "本站点尚未登记：先运行 helpdesk enroll",
                                   "This station has not enrolled: run helpdesk enroll first")
        url = args.server or (found.server_url if found else (pending or {}).get("server_url"))
        if not url:
            raise KnownError("no_server_url", "不知道服务器地址：请用 --server 提供",
                             "The server's address is not known: give it with --server")
        public = base64.b64encode(_signer(s).public_key).decode()
        with client.connect(url) as http:
            if found is None and pending is not None:  # enrolled by file, online at last
                client.enroll(s.db, http, server_url=url, code=pending["code"],
                              station_id=s.station.id, device=s.device,
                              device_public_key=public)
            elif url != (found.server_url if found else url):
                with dbm.immediate(s.db):
                    dbm.set_meta(s.db, client.META_URL, url)
            if dbm.meta(s.db, client.META_DEVICE) != s.device.id:
                client.register_device(s.db, http, device=s.device, device_public_key=public)
            pushed, pulled = client.sync_once(s.db, http)
        _report(say, pushed, pulled)
        skew = (pushed.skew_ms if pushed.batches else pulled.skew_ms) / 1000
        say(f"时钟偏差（服务器减本机）：{skew:+.1f} 秒",
            f"Clock skew (server minus this laptop): {skew:+.1f} s")
    finally:
        s.close()
    return 0


def cmd_export_bundle(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    s = sign_in(args)
    try:
        data, header = bundles.export(s.db, _signer(s), station_id=s.station.id)
    finally:
        s.close()
    _write(Path(args.file), data)
    c = header.counts
    extra_zh = "，含登记请求" if c["enrollment"] else ""
    extra_en = ", with the enrollment request" if c["enrollment"] else ""
    say(f"已写入 {args.file}：{c['changes']} 条变更，拉取位置 {c['cursor']}{extra_zh}"
        f"（已加密，只有服务器能打开）",
        f"Wrote {args.file}: {c['changes']} changes, pull cursor {c['cursor']}{extra_en} "
        f"(encrypted: only the server can open it)")
    return 0


def cmd_import_bundle(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    data = _read(args.file)  # read once; the file itself is never written
    s = sign_in(args)
    try:
        done = bundles.import_answer(s.db, data, station_id=s.station.id)
    finally:
        s.close()
    if done.enrolled:
        say(f"已登记：站点编号 {done.header.station_code}",
            f"Enrolled: station {done.header.station_code}")
    _report(say, done.pushed, done.pulled)
    if done.header.counts.get("more"):
        say("服务器还有更多内容：请再导出一次同步文件",
            "The server has more for this station: export another bundle")
    return 0


def _report(say: Say, pushed: client.PushReport, pulled: client.PullReport) -> None:
    say(f"推送：接受 {pushed.accepted}，已有 {pushed.already_had}，拒绝 {pushed.rejected}，"
        f"隔离 {pushed.quarantined}",
        f"Pushed: {pushed.accepted} accepted, {pushed.already_had} already had, "
        f"{pushed.rejected} rejected, {pushed.quarantined} quarantined")
    say(f"拉取：应用 {pulled.applied}，跳过 {pulled.skipped}，比对记录 {pulled.match_records}",
        f"Pulled: {pulled.applied} applied, {pulled.skipped} skipped, "
        f"{pulled.match_records} match records")


def _read(name: str) -> bytes:
    return station_sync.read_file(name)


def _write(path: Path, data: bytes) -> None:
    station_sync.write_file(path, data)
