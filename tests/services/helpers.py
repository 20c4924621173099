"""Small builders shared by the use-case tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from helpdesk.domain import idcard
from helpdesk.domain.families import Family
from helpdesk.services import families
from helpdesk.services.session import Session
from helpdesk.store import programmes

SIGNATURE = (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)


def family_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "head_name": "张三", "id_number": idcard.make("420111", date(1980, 5, 17), 123),
        "phone": "138 1234 5678", "address": "珞喻路 100 号", "region": "420111",
        "hukou": "rural", "employment": "rural_migrant", "reasons": ["illness", "wage_arrears"],
        "income_fen": "1200元", "insurance": ["medical"], "consent_date": date(2026, 11, 1)}
    data.update(overrides)
    return data


def register(session: Session, **overrides: Any) -> Family:
    return families.register_family(session, family_data(**overrides))


def programme_id(session: Session, prefix: str) -> str:
    today = session.today()  # demo.add_aid adds the campaigns of the last two years, closed
    found = next(p for p in programmes.all_(session.db)
                 if p.code.startswith(prefix) and p.open_on(today))
    return found.id


def cash_aid(session: Session, family_id: str, prefix: str = "SWN",
             amount: str = "500") -> dict[str, Any]:
    return {"family_id": family_id, "programme_id": programme_id(session, prefix),
            "kind": "cash", "amount_fen": amount, "signature_png": SIGNATURE}


def table_counts(session: Session) -> dict[str, int]:
    names = ("families", "members", "aid", "changes", "audit", "programmes", "volunteers",
             "signatures", "counters")
    return {n: session.db.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}
