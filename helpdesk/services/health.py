"""Is there a station in this folder, whole? And what an SQLite or disk error means to the user.

A station is two files: the database and the key file that opens it. Neither alone is of use,
and neither may ever be deleted or overwritten because the other is missing: a folder holding
one without the other is refused by every command, first run included, with the way back.
"""

from __future__ import annotations

from helpdesk import paths as pathsmod
from helpdesk.errors import KnownError
from helpdesk.store import db as dbm


class HalfStation(KnownError):
    """One of the station's two files is there without the other; nothing was changed."""

    def __init__(self, paths: pathsmod.Paths) -> None:
        db, kf = paths.database, paths.key_file
        newest = dbm.newest_backup(db)
        zh_restore = (f"或恢复整个备份：helpdesk restore {newest}" if newest else
                      f"或用 helpdesk restore 恢复 {paths.backups} 中的备份")
        en_restore = (f"or restore a whole backup: helpdesk restore {newest}" if newest else
                      f"or restore a backup from {paths.backups} with helpdesk restore")
        if db.exists():
            super().__init__(
                "key_file_missing",
                f"{paths.data_dir} 中有站点数据库 {db.name}，但没有打开它的密钥文件 {kf.name}。"
                f"未做任何改动。请把密钥文件放回 {kf}（从保存处或备份文件夹中复制），"
                f"{zh_restore}。恢复码只能与密钥文件一起使用。",
                f"{paths.data_dir} holds the station database {db.name} but not the key file "
                f"{kf.name} that opens it. Nothing was changed. Put the key file back at {kf} "
                f"(from where it was saved, or from a backup folder), {en_restore}. The "
                "recovery code works only together with the key file.")
        else:
            super().__init__(
                "database_missing",
                f"{paths.data_dir} 中有密钥文件 {kf.name}，但没有站点数据库 {db.name}。"
                f"未做任何改动。请把数据库放回 {db}，{zh_restore}。"
                f"若要新建站点，请先把 {kf.name} 移到别处保存。",
                f"{paths.data_dir} holds the key file {kf.name} but not the station database "
                f"{db.name}. Nothing was changed. Put the database back at {db}, {en_restore}. "
                f"To set up a new station instead, first move {kf.name} somewhere safe.")


def station_exists(paths: pathsmod.Paths) -> bool:
    """True for a whole station, False for none; HalfStation for one file without the other."""
    db, kf = paths.database.exists(), paths.key_file.exists()
    if db != kf:
        raise HalfStation(paths)
    return db


def explain(err: BaseException, paths: pathsmod.Paths) -> KnownError | None:
    """What an SQLite or OS error from the station's database means to the user (the disk is
    full, the file is damaged: restore the newest backup), or None if it is a bug."""
    return dbm.translated(err, paths.database)
