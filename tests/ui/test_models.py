"""The search model: qtmodeltester, lazy fetching, stale answers dropped."""

from __future__ import annotations

from dataclasses import dataclass

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from helpdesk.ui.models.families import FAMILY_ID, PAGE, FamilySearchModel


@dataclass(frozen=True)
class Hit:
    family_id: str
    head_name: str
    why: str


def fake_search(total: int):  # type: ignore[no-untyped-def]
    calls: list[tuple[str, int]] = []

    def search(query: str, limit: int) -> list[Hit]:
        calls.append((query, limit))
        return [Hit(f"id-{i}", f"王{i}", "name") for i in range(min(total, limit))]

    return search, calls


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    search, _ = fake_search(120)
    model = FamilySearchModel(search)
    qtmodeltester.check(model)
    model.set_query("王")
    qtmodeltester.check(model)
    model.set_query("")
    qtmodeltester.check(model)


def test_rows_are_fetched_lazily(qtbot: QtBot) -> None:
    search, calls = fake_search(120)
    model = FamilySearchModel(search)
    model.set_query("王")
    assert model.rowCount() == PAGE and model.canFetchMore(model.index(0, 0).parent())
    root = model.index(0, 0).parent()
    model.fetchMore(root)
    model.fetchMore(root)
    assert model.rowCount() == 120 and not model.canFetchMore(root)
    assert calls == [("王", PAGE), ("王", 2 * PAGE), ("王", 3 * PAGE)]
    assert model.data(model.index(119, 0), FAMILY_ID) == "id-119"
    assert model.data(model.index(0, 0)).startswith("王0")


def test_stale_answers_never_replace_newer_ones(qtbot: QtBot) -> None:
    search, _ = fake_search(3)
    model = FamilySearchModel(search)
    old = model.set_query("王")
    new = model.set_query("王小")
    assert not model.apply(old, "王", [Hit("stale", "旧", "name")])
    assert model.data(model.index(0, 0), FAMILY_ID) == "id-0"
    assert model.apply(new, "王小", [Hit("fresh", "王小明", "name")])
    assert model.rowCount() == 1 and model.family_id(0) == "fresh"
