"""The Stations and Programmes pages through the app (TestClient), on SQLite and PostgreSQL:
adding a station gives a code that enrolls, revoking stops a token, programmes made on the
page reach the region's stations by pull, bad input is named next to its field, viewers
cannot act, and nothing outside a user's region is found."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy.engine import Engine

from helpdesk.domain.common import new_id
from helpdesk.server import accounts, programmes
from tests.office.conftest import csrf_of, ensure_user, sign_in
from tests.server import support


@pytest.fixture(scope="module", autouse=True)
def people(engine: Engine) -> None:
    ensure_user(engine, "admin", "admin")
    ensure_user(engine, "admin-wh", "admin", "4201")
    ensure_user(engine, "viewer", "viewer", "4201")


def _post(client: support.Client, path: str, data: dict[str, str] | None = None,
          page: str = "/office/") -> object:
    token = csrf_of(client.get(page).text)
    return client.post(path, data={"csrf_token": token, **(data or {})},
                       follow_redirects=False)


def _pulled_programmes(client: support.Client, device: support.Device) -> list[dict[str, object]]:
    items = client.get("/v1/sync/pull", headers=device.auth).json()["items"]
    return [i["change"]["state"] for i in items
            if i["kind"] == "change" and i["change"]["entity"] == "programme"]


def test_a_station_added_on_the_page_enrolls_with_its_code_and_shows_its_sync(
        client: support.Client, engine: Engine) -> None:
    sign_in(client, "admin")
    added = _post(client, "/office/stations", {"name": "  页面站点 ", "region": "420111"})
    assert added.status_code == 200, added.text
    code = re.search(r'data-testid="enrollment-code">([A-Z0-9-]+)<', added.text)
    station_code = re.search(r'<span class="code">(420111-\d{3})</span> 页面站点', added.text)
    assert code and station_code
    assert 'src="data:image/png;base64,' in added.text  # the QR code, no other address
    listed = client.get("/office/stations").text
    assert f'data-testid="station-{station_code.group(1)}"' in listed and "等待登记" in listed

    # The file for a USB stick holds the code; only a live code of this station gives one.
    token = csrf_of(listed)
    path = f"/office/stations/{station_code.group(1)}/enrollment-file"
    file = client.post(path, data={"csrf_token": token, "enrollment_code": code.group(1)})
    assert file.status_code == 200 and "attachment" in file.headers["content-disposition"]
    assert json.loads(file.content)["code"] == code.group(1)
    assert client.post(path, data={"csrf_token": token, "enrollment_code": "AAAA-BBBB-CCCC"}
                       ).status_code == 404
    assert client.post(path, data={"enrollment_code": code.group(1)}).status_code == 403

    station_id, device_id = new_id(), new_id()
    enrolled = client.post("/v1/enroll", json={
        "protocol": 1, "code": code.group(1), "station_id": station_id,
        "device_id": device_id, "epoch": 1, "device_public_key": support.public_key()})
    assert enrolled.status_code == 200, enrolled.text
    device = support.Device(token=enrolled.json()["token"], station_id=station_id,
                            station_code=station_code.group(1), region="420111",
                            device_id=device_id)
    support.push(client, device, [device.aid(12_00)])
    row = re.search(rf'data-testid="station-{station_code.group(1)}">(.*?)</tr>',
                    client.get("/office/stations").text, re.S)
    assert row and "已登记" in row.group(1) and "从未" not in row.group(1)
    assert re.search("刚刚|[1-9] 分钟前", row.group(1)) and device_id[:8] in row.group(1)
    log = client.get("/office/audit").text
    assert "station_add" in log and "station_enrollment_file" in log


@pytest.mark.parametrize(("name", "region", "field", "says"), [
    ("X", "420111", "name", "站点名称为 2 至 120 个字"),
    ("长" * 300, "420111", "name", "站点名称为 2 至 120 个字"),  # past the input's maxlength
    ("好站点", "4201", "region", "不是地区"),
    ("好站点", "110101", "region", "不在您的管辖范围内"),
])
def test_a_bad_station_is_named_next_to_its_field_and_nothing_is_added(
        client: support.Client, engine: Engine, name: str, region: str, field: str,
        says: str) -> None:
    sign_in(client, "admin-wh")
    before = len(accounts.list_stations(engine))
    answer = _post(client, "/office/stations", {"name": name, "region": region})
    assert answer.status_code == 422
    shown = re.search(rf'data-testid="error-{field}">([^<]+)<', answer.text)
    assert shown and says in shown.group(1)
    assert len(accounts.list_stations(engine)) == before


def test_revoking_a_device_and_a_station_stops_their_tokens(
        client: support.Client, engine: Engine) -> None:
    first = support.enroll(client, engine, "420111", "撤销站点")
    second = support.second_device(client, engine, first)
    sign_in(client, "admin-wh")
    base = f"/office/stations/{first.station_code}"
    confirm = client.get(f"{base}/devices/{second.device_id}/revoke")
    assert confirm.status_code == 200 and 'data-testid="confirm"' in confirm.text
    done = _post(client, f"{base}/devices/{second.device_id}/revoke", page=base + "/revoke")
    assert done.status_code == 303
    assert client.get("/v1/sync/pull", headers=second.auth).status_code == 401
    assert client.get("/v1/sync/pull", headers=first.auth).status_code == 200
    assert _post(client, f"{base}/devices/{second.device_id}/revoke").status_code == 404
    assert _post(client, f"{base}/revoke").status_code == 303
    assert client.get("/v1/sync/pull", headers=first.auth).status_code == 401
    assert "已撤销" in client.get("/office/stations").text
    log = client.get("/office/audit").text
    assert "device_revoke" in log and "station_revoke" in log


def test_a_viewer_sees_stations_of_their_region_but_cannot_act(
        client: support.Client, engine: Engine) -> None:
    wuhan = support.enroll(client, engine, "420111", "武汉看得见")
    yichang = support.enroll(client, engine, "420502", "宜昌看不见")
    sign_in(client, "viewer")
    page = client.get("/office/stations").text
    assert "武汉看得见" in page and "宜昌看不见" not in page and "湖北省 武汉市 洪山区" in page
    assert 'data-testid="add-station"' not in page and "revoke" not in page
    assert client.get("/office/stations/new").status_code == 403
    assert _post(client, "/office/stations", {"name": "偷偷加", "region": "420111"}
                 ).status_code == 403
    assert _post(client, f"/office/stations/{wuhan.station_code}/revoke").status_code == 403
    assert client.get("/v1/sync/pull", headers=wuhan.auth).status_code == 200
    sign_in(client, "admin-wh")  # an admin of Wuhan: Yichang's station does not exist
    assert client.get(f"/office/stations/{yichang.station_code}/revoke").status_code == 404
    assert _post(client, f"/office/stations/{yichang.station_code}/revoke").status_code == 404
    assert client.get("/v1/sync/pull", headers=yichang.auth).status_code == 200


PROGRAMME = {"code": "page-2027", "name_zh": "页面项目", "name_en": "Page aid", "kind": "cash",
             "starts_on": "2027-01-01", "ends_on": "2027-12-31", "limit_per_family": "2",
             "budget": "1,000.50", "regions": "420111, 420102"}


def test_a_programme_made_on_the_page_reaches_the_regions_stations_and_edits_follow(
        client: support.Client, engine: Engine) -> None:
    here = support.enroll(client, engine, "420111", "收页面项目")
    there = support.enroll(client, engine, "420102", "也收页面项目")
    elsewhere = support.enroll(client, engine, "420502", "不收页面项目")
    sign_in(client, "admin-wh")
    assert _post(client, "/office/programmes", PROGRAMME).status_code == 303
    for device in (here, there):
        [got] = [p for p in _pulled_programmes(client, device) if p["code"] == "PAGE-2027"]
        assert (got["name_zh"], got["limit_per_family"], got["budget_fen"]) == (
            "页面项目", 2, 100_050)
    assert not [p for p in _pulled_programmes(client, elsewhere) if p["code"] == "PAGE-2027"]

    [mine] = [p for p in programmes.list_(engine, "420111") if p["code"] == "PAGE-2027"]
    form = client.get(f"/office/programmes/420111/{mine['id']}")
    assert form.status_code == 200 and 'value="1000.50"' in form.text
    edited = _post(client, f"/office/programmes/420111/{mine['id']}",
                   {**PROGRAMME, "name_zh": "页面项目（改）", "limit_per_family": "3"})
    assert edited.status_code == 303
    newest = [p for p in _pulled_programmes(client, here) if p["id"] == mine["id"]][-1]
    assert (newest["name_zh"], newest["limit_per_family"]) == ("页面项目（改）", 3)
    listed = client.get("/office/programmes").text
    assert listed.count("页面项目（改）") == 1 and listed.count(">页面项目<") == 1
    log = client.get("/office/audit").text
    assert "programme_add" in log and "programme_edit" in log


def test_spend_shows_against_the_budget(client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine, "420111", "花钱站点")
    [added] = programmes.add_to(engine, ["420111"], {
        "code": "SPEND-1", "name_zh": "花钱项目", "kind": "cash", "starts_on": "2026-01-01",
        "ends_on": "2026-12-31", "budget_fen": 1_000_00})
    device.extra.setdefault("known", set()).add(("programme", added.id))  # pulled, not pushed
    support.push(client, device, [device.aid(250_00, programme_id=added.id)])
    sign_in(client, "viewer")
    row = re.search(r'data-testid="programme-SPEND-1">(.*?)</tr>',
                    client.get("/office/programmes").text, re.S)
    assert row and "250.00" in row.group(1) and "25%" in row.group(1)
    assert "1,000.00" in row.group(1)
    assert 'href="/office/programmes/420111/' not in row.group(1)  # viewers do not edit


@pytest.mark.parametrize(("lang", "changes", "field", "says"), [
    ("zh_CN", {"code": "x"}, "code", "项目代码为 2 至 32 位"),
    ("en", {"code": "x"}, "code", "The programme code is 2-32"),
    ("zh_CN", {"ends_on": "2026-01-01"}, "ends_on", "结束日期不能早于开始日期"),
    ("zh_CN", {"budget": "-5"}, "budget", "金额不能是负数"),
    ("zh_CN", {"limit_per_family": "0"}, "limit_per_family", "数值太小"),
    ("zh_CN", {"name_zh": "长" * 300}, "name_zh", "最多 60 个字"),
    ("zh_CN", {"regions": "420111 999999"}, "regions", "999999"),
    ("zh_CN", {"regions": "110101"}, "regions", "不在您管辖范围内"),
    ("en", {"regions": ""}, "regions", "at least one region"),
])
def test_a_bad_programme_is_named_next_to_its_field_and_nothing_is_published(
        client: support.Client, engine: Engine, lang: str, changes: dict[str, str],
        field: str, says: str) -> None:
    sign_in(client, "admin-wh")
    client.get(f"/office/lang/{lang}")
    before = len(programmes.list_(engine))
    answer = _post(client, "/office/programmes", {**PROGRAMME, "code": "BAD-1", **changes})
    assert answer.status_code == 422
    shown = re.search(rf'data-testid="error-{field}">([^<]+)<', answer.text)
    assert shown and says in shown.group(1), answer.text
    assert len(programmes.list_(engine)) == before


def test_a_taken_code_is_refused_and_viewers_cannot_publish(
        client: support.Client, engine: Engine) -> None:
    sign_in(client, "admin-wh")
    first = _post(client, "/office/programmes", {**PROGRAMME, "code": "TWICE-1"})
    assert first.status_code == 303
    again = _post(client, "/office/programmes", {**PROGRAMME, "code": "TWICE-1"})
    assert again.status_code == 422 and "已有项目代码 TWICE-1" in again.text
    sign_in(client, "viewer")
    assert client.get("/office/programmes").status_code == 200
    assert client.get("/office/programmes/new").status_code == 403
    assert _post(client, "/office/programmes", {**PROGRAMME, "code": "VIEWER-1"}
                 ).status_code == 403
    [p] = [p for p in programmes.list_(engine, "420111") if p["code"] == "TWICE-1"]
    assert client.get(f"/office/programmes/420111/{p['id']}").status_code == 403
    sign_in(client, "admin-wh")
    assert client.get(f"/office/programmes/420502/{p['id']}").status_code == 404
    assert client.get(f"/office/programmes/420111/{new_id()}").status_code == 404


def test_stations_are_shown_a_hundred_at_a_time(client: support.Client,
                                               engine: Engine) -> None:
    ensure_user(engine, "viewer-yx", "viewer", "420222")  # 阳新县: these stations only
    for k in range(105):
        accounts.add_station(engine, f"阳新县第{k:03d}帮扶站", "420222")
    sign_in(client, "viewer-yx")

    def rows(page: str) -> list[str]:
        return re.findall(r'data-testid="station-(\d{6}-\d+)"', page)

    first = client.get("/office/stations").text
    assert len(rows(first)) == 100 and "第 1–100 个站点，共 105 个" in first
    assert 'data-testid="next-page"' in first and 'data-testid="previous-page"' not in first
    second = client.get("/office/stations?page=2").text
    assert len(rows(second)) == 5 and not set(rows(second)) & set(rows(first))
    assert 'data-testid="previous-page"' in second and 'data-testid="next-page"' not in second
    assert rows(client.get("/office/stations?page=x").text) == rows(first)
    assert client.get("/office/stations?page=999").status_code == 200
    odd = client.get("/office/stations", params={"synced": "<b>x</b>"})
    assert odd.status_code == 200 and rows(odd.text) == rows(first)  # an unknown filter: none
    assert "<b>x</b>" not in odd.text and 'data-testid="synced-filter"' not in odd.text
