"""Why the server refused or set aside one of the station's changes, in words.

The server answers a refusal with a reason code (`helpdesk.server.rules`, `ingest`); the
station stores the code in `changes.sync_detail` and shows it here in the user's language,
with what to do about it. `fix` names the action the review page offers besides "dismiss":
"family" opens the family the change belongs to, "programmes" the programme list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Refusal:
    zh: str
    en: str
    fix: str = ""  # "" | family | programmes

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


_INVALID = Refusal(
    "服务器认为这条记录的内容不符合规则，没有收下。请打开相关记录核对并重新保存；若无需保留，可忽略此条。",
    "The server found this record's content against the rules and did not take it. Open the "
    "record, check it and save it again; if it is not needed, dismiss this.", "family")

REFUSALS: dict[str, Refusal] = {
    "other_station": Refusal(
        "这条记录属于另一个站点，本站不能修改它。本站的修改不会上传，请忽略此条。",
        "This record belongs to another station, which alone may change it. The change stays "
        "here only: dismiss this."),
    "entity_mismatch": Refusal(
        "记录的编号与其内容不一致，数据可能已损坏。请忽略此条，并在需要时重新录入。",
        "The record's number does not match its content; the data may be damaged. Dismiss "
        "this and enter it again if needed."),
    "invalid_family": Refusal(
        "家庭记录不完整，或合并的目标家庭无效。请打开该家庭核对后重新保存或重新合并。",
        "The family record is incomplete, or the family it was merged into is not valid. Open "
        "the family, check it and save or merge it again.", "family"),
    "invalid_aid": Refusal(
        "发放记录不符合规则（例如作废信息不完整）。请打开该家庭核对这笔发放。",
        "The aid record is against the rules (for example an incomplete void). Open the family "
        "and check this aid.", "family"),
    "op_not_allowed": Refusal(
        "服务器不接受对这类记录的这种操作。这条修改不会上传，请忽略此条。",
        "The server does not allow this operation on this kind of record. The change will not "
        "be sent: dismiss this."),
    "unknown_family": Refusal(
        "服务器上还没有这户家庭：它的登记可能尚未被服务器收下，或是在另一台设备上登记的。请先同步，"
        "再打开该家庭核对；必要时重新录入。",
        "The server does not have this family yet: its registration may not have been taken, "
        "or it was registered on another device. Sync first, then open the family and check "
        "it; enter it again if needed.", "family"),
    "unknown_aid": Refusal(
        "服务器上没有要作废的这笔发放（它的发放记录尚未被收下）。请打开该家庭核对。",
        "The server does not have the aid this voids (the aid itself was not taken). Open the "
        "family and check it.", "family"),
    "unknown_programme": Refusal(
        "服务器上没有这个项目，或它不属于本站和本地区。请在项目页核对项目后重新发放。",
        "The server does not know this programme, or it is not this station's or region's. "
        "Check the programme on the Programmes page and give the aid again.", "programmes"),
    "aid_exists": Refusal(
        "这笔发放已在服务器上。发放记录不能修改，只能作废后重新发放。请打开该家庭核对。",
        "The server already has this aid. Aid is never edited: void it and give it again. "
        "Open the family to check.", "family"),
    "aid_altered": Refusal(
        "作废时发放内容被改动了，服务器只接受原样作废。请打开该家庭核对这笔发放。",
        "The aid's content changed when it was voided; the server only takes a void of the "
        "aid as given. Open the family and check this aid.", "family"),
    "close_altered": Refusal(
        "这次日结已在服务器上，日结的清点内容不能修改，只能由站长重新打开这一天后重新日结。请忽略此条。",
        "The server already has this day close; what was counted cannot be changed, only the "
        "day reopened by a station head and closed again. Dismiss this."),
    "invalid_close": Refusal(
        "日结记录不符合规则（例如合计与各面额不符、差额没有原因）。请由站长重新打开这一天后重新日结，"
        "并忽略此条。",
        "The day close is against the rules (for example a total that does not match the "
        "counts, or a difference without a reason). A station head reopens the day to close it "
        "again; dismiss this."),
    "audit_exists": Refusal(
        "这条操作日志已在服务器上，日志只能追加、不能修改。无需处理，可忽略此条。",
        "The server already has this log entry; the log is only ever added to. Nothing to do: "
        "dismiss this."),
    "office_programme": Refusal(
        "这个项目由总工会统一管理，站点不能修改。请在项目页查看总工会的版本，并忽略此条。",
        "This programme is managed by the union office; a station cannot change it. See the "
        "office's version on the Programmes page and dismiss this.", "programmes"),
    "other_device": Refusal(
        "这笔发放记录写明由另一台设备录入，与发送它的设备不符，服务器没有收下。请忽略此条，必要时重新发放。",
        "This aid says it was given on another device than the one that sent it, so the server "
        "did not take it. Dismiss this and give the aid again if needed."),
    "bad_hlc": Refusal(
        "这条修改的时间标记无法识别。请检查本机的日期和时间，必要时重新录入后忽略此条。",
        "This change's time stamp cannot be read. Check this computer's date and time, enter "
        "the change again if needed, and dismiss this."),
    "device_seq_taken": Refusal(
        "本机这条修改的序号已被另一条修改占用（常见于从备份恢复后），服务器已将其隔离。请联系总工会管理员核对；"
        "核对后可忽略此条。",
        "Another change already holds this change's number on this device (often after a backup "
        "was restored); the server set it aside. Ask the union office's administrator to check, "
        "then dismiss this."),
    "different_content": Refusal(
        "服务器已收到同一编号、但内容不同的修改，已将这条隔离待查。请联系总工会管理员核对；核对后可忽略此条。",
        "The server already has a change with this number but different content, and set this "
        "one aside. Ask the union office's administrator to check, then dismiss this."),
}

_UNKNOWN = Refusal(
    "服务器没有收下这条修改。请检查后重新录入；若无需保留，可忽略此条。",
    "The server did not take this change. Check it and enter it again; if it is not needed, "
    "dismiss this.")


def refusal(code: str) -> Refusal:
    """The words for a reason code; `invalid_<entity>` codes share one, unknown codes a
    general one (the code itself is never shown in the text)."""
    if code in REFUSALS:
        return REFUSALS[code]
    if code.startswith("invalid_"):
        return _INVALID
    return _UNKNOWN


def explain(code: str, lang: str) -> str:
    return refusal(code).text(lang)
