"""Station settings a head may change."""

from __future__ import annotations

import pytest

from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import session as sessions
from helpdesk.services import station, volunteers
from helpdesk.services.session import Session
from helpdesk.store import outbox
from tests.services.helpers import table_counts


def test_head_sets_the_cash_threshold(station_session: Session) -> None:
    s = station_session
    assert station.set_cash_threshold(s, "¥2,000") == 200_000
    assert s.station.cash_threshold_fen == 200_000
    change = outbox.for_entity(s.db, "station", s.station.id)[-1]
    assert change.fields == ("cash_threshold_fen",)
    s.close()
    again = sessions.sign_in(s.paths, "admin", "123456")
    try:
        assert again.station.cash_threshold_fen == 200_000
    finally:
        again.close()


def test_bad_amount_names_the_field_and_changes_nothing(station_session: Session) -> None:
    before = table_counts(station_session)
    with pytest.raises(InvalidInput) as err:
        station.set_cash_threshold(station_session, "一千")
    assert "cash_threshold_fen" in err.value.fields()
    assert table_counts(station_session) == before
    station_session.close()


def test_only_a_head_changes_it(station_session: Session) -> None:
    volunteers.add_volunteer(station_session, "王芳", "135790")
    station_session.close()
    v = sessions.sign_in(station_session.paths, "王芳", "135790")
    try:
        with pytest.raises(KnownError) as err:
            station.set_cash_threshold(v, "1")
        assert err.value.code == "head_only"
    finally:
        v.close()


@pytest.fixture
def station_session(paths, fast_kdf) -> Session:
    from tests.conftest import STATION

    s, _ = sessions.create_station(paths, STATION, head_name="admin", head_pin="123456",
                                   kdf=fast_kdf)
    return s
