"""Programmes (/office/programmes): the office's central programmes in the user's region
scope with spend against budget; admins create and edit them (name, code, kind, dates, cap
per family, budget, regions) through the same functions as `helpdesk-server programme add`
(`server.programmes`), validated by the domain's Programme model, errors next to their field
in the user's language. A programme is a change in its region's order: the region's stations
get it, or its new state, at their next pull.

Spend is read from the monthly summaries kept at ingest (`summaries.spend`), never from a
scan of the aid rows.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from helpdesk.domain import regions
from helpdesk.domain.errors import Invalid
from helpdesk.domain.money import format_fen, parse_fen
from helpdesk.server import programmes, summaries
from helpdesk.server import storage as st
from helpdesk.server.office import audit, users, web

router = APIRouter(prefix=web.PREFIX + "/programmes")
FIELDS = ("code", "name_zh", "name_en", "kind", "starts_on", "ends_on", "limit_per_family",
          "budget", "regions")
# Long enough that the domain model, not the form parser, names an over-long field.
Text = Annotated[str, Form(max_length=10_000)]


def _spend(request: Request, session: users.Session) -> dict[tuple[str, str], int]:
    """Fen given (voided aid left out) per (region, programme code) in the user's scope."""
    with st.read(web.engine(request)) as conn:
        return summaries.spend(conn, session.user.region)


@router.get("", response_class=HTMLResponse)
def programme_list(request: Request, session: web.Viewer) -> HTMLResponse:
    spent = _spend(request, session)
    rows = []
    for p in programmes.list_(web.engine(request)):
        if not session.user.sees(p["region"]):
            continue
        fen = spent.get((p["region"], p["code"]), 0)
        budget = p.get("budget_fen")
        rows.append({**p, "region_name": regions.display(p["region"]), "spent_fen": fen,
                     "share": min(100, round(100 * fen / budget)) if budget else None,
                     "over": bool(budget is not None and fen > budget)})
    rows.sort(key=lambda r: (r["region"], r["code"]))
    return web.render(request, "programmes.html", session=session, programmes=rows)


def _form(request: Request, session: users.Session, values: dict[str, str],
          programme: dict[str, Any] | None = None, errors: dict[str, str] | None = None,
          status: int = 200) -> HTMLResponse:
    return web.render(request, "programme_form.html", status=status, session=session,
                      v=values, programme=programme, errors=errors or {})


def _values(programme: dict[str, Any]) -> dict[str, str]:
    budget = programme.get("budget_fen")
    return {"code": programme["code"], "name_zh": programme["name_zh"],
            "name_en": programme.get("name_en", ""), "kind": programme["kind"],
            "starts_on": programme["starts_on"], "ends_on": programme["ends_on"],
            "limit_per_family": str(programme["limit_per_family"]),
            "budget": "" if budget is None else format_fen(budget).replace(",", ""),
            "regions": programme["region"]}


def _data(values: dict[str, str]) -> dict[str, Any]:
    """The form as the domain model's input; Invalid (field "budget") for a bad amount."""
    budget = values["budget"].strip()
    try:
        fen = parse_fen(budget) if budget else None
    except Invalid as err:
        raise err.for_field("budget") from None
    return {"code": values["code"], "name_zh": values["name_zh"].strip(),
            "name_en": values["name_en"].strip(), "kind": values["kind"],
            "starts_on": values["starts_on"], "ends_on": values["ends_on"],
            "limit_per_family": values["limit_per_family"] or "1", "budget_fen": fen}


def _errors(request: Request, err: Invalid) -> dict[str, str]:
    zh = web.lang(request) == "zh_CN"
    found: dict[str, str] = {}
    for p in err.problems:
        field = {"budget_fen": "budget"}.get(p.field, p.field)
        found.setdefault(field if field in FIELDS else "code", p.zh if zh else p.en)
    return found


@router.get("/new", response_class=HTMLResponse)
def new_programme(request: Request, session: web.Admin) -> HTMLResponse:
    return _form(request, session, {f: "" for f in FIELDS} | {
        "kind": "cash", "limit_per_family": "1", "regions": session.user.region})


@router.post("", response_class=HTMLResponse)
def add(request: Request, session: web.Admin, code: Text = "", name_zh: Text = "",
        name_en: Text = "", kind: Text = "", starts_on: Text = "", ends_on: Text = "",
        limit_per_family: Text = "", budget: Text = "", regions: Text = "") -> Response:
    values = {"code": code, "name_zh": name_zh, "name_en": name_en, "kind": kind,
              "starts_on": starts_on, "ends_on": ends_on,
              "limit_per_family": limit_per_family, "budget": budget, "regions": regions}
    wanted = [r for r in re.split(r"[\s,，、;；]+", regions) if r]
    engine = web.engine(request)
    try:
        outside = [r for r in wanted if not session.user.sees(r.strip())]
        if outside:
            raise Invalid("region_scope", f"不在您管辖范围内的地区：{' '.join(outside)}",
                          f"Outside your region: {' '.join(outside)}", "regions")
        added = programmes.add_to(engine, wanted, _data(values))
    except Invalid as err:
        return _form(request, session, values, errors=_errors(request, err), status=422)
    audit.record(engine, session.user.name, "programme_add", added[0].code,
                 " ".join(wanted))
    return RedirectResponse(f"{web.PREFIX}/programmes", status_code=303)


def _programme(request: Request, session: users.Session, region: str,
               programme_id: str) -> dict[str, Any]:
    web.in_scope(session, region)
    found = programmes.get(web.engine(request), region, programme_id)
    if found is None:
        raise web.Denied(404)
    return {**found, "region": region}


@router.get("/{region}/{programme_id}", response_class=HTMLResponse)
def edit_form(request: Request, region: str, programme_id: str,
              session: web.Admin) -> HTMLResponse:
    programme = _programme(request, session, region, programme_id)
    return _form(request, session, _values(programme), programme)


@router.post("/{region}/{programme_id}", response_class=HTMLResponse)
def edit(request: Request, region: str, programme_id: str, session: web.Admin,
         name_zh: Text = "", name_en: Text = "", kind: Text = "", starts_on: Text = "",
         ends_on: Text = "", limit_per_family: Text = "", budget: Text = "") -> Response:
    programme = _programme(request, session, region, programme_id)
    values = {**_values(programme), "name_zh": name_zh, "name_en": name_en, "kind": kind,
              "starts_on": starts_on, "ends_on": ends_on,
              "limit_per_family": limit_per_family, "budget": budget}
    engine = web.engine(request)
    try:
        programmes.edit(engine, region, programme_id, _data(values))
    except Invalid as err:
        return _form(request, session, values, programme, _errors(request, err), 422)
    audit.record(engine, session.user.name, "programme_edit", programme["code"], region)
    return RedirectResponse(f"{web.PREFIX}/programmes", status_code=303)
