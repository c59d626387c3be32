"""Typed attributes of speakers and documents, stored in one canonical form per type."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models import AttributeScope, AttributeType
from app.services import ServiceError, set_attribute
from app.services.attributes import attribute_values, canonical_value

NUMBER, DATE, BOOLEAN, TEXT = AttributeType.NUMBER, AttributeType.DATE, AttributeType.BOOLEAN, AttributeType.TEXT


def values(db) -> list[tuple]:
    return db.rows(
        "SELECT a.scope, a.name, a.type, coalesce(s.name, d.name), v.value FROM attribute_value v "
        "JOIN attribute a ON a.id = v.attribute_id LEFT JOIN speaker s ON s.id = v.speaker_id "
        "LEFT JOIN document d ON d.id = v.document_id ORDER BY v.id"
    )


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        (TEXT, "  Jobcenter Nord ", "Jobcenter Nord"),
        (TEXT, "", ""),
        (NUMBER, "42", "42"),
        (NUMBER, " 3.0 ", "3"),
        (NUMBER, "1,5", "1.5"),  # German decimal comma
        (NUMBER, "-0,25", "-0.25"),
        (NUMBER, "1e3", "1000"),
        (NUMBER, "0.1", "0.1"),
        (DATE, "2024-03-12", "2024-03-12"),
        (DATE, " 2024-03-12 ", "2024-03-12"),
        (BOOLEAN, "ja", "true"),
        (BOOLEAN, "Yes", "true"),
        (BOOLEAN, "WAHR", "true"),
        (BOOLEAN, "x", "true"),
        (BOOLEAN, "1", "true"),
        (BOOLEAN, "nein", "false"),
        (BOOLEAN, "False", "false"),
        (BOOLEAN, "0", "false"),
    ],
)
def test_canonical_forms(kind, typed, stored):
    assert canonical_value(kind, typed) == stored


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        (NUMBER, "zweiundvierzig", "not a number"),
        (NUMBER, "", "not a number"),
        (NUMBER, "1.000,5", "not a number"),
        (NUMBER, "nan", "not a number"),
        (NUMBER, "inf", "not a number"),
        (NUMBER, "1e400", "not a number"),
        (DATE, "12.03.2024", "YYYY-MM-DD"),
        (DATE, "2024-02-30", "YYYY-MM-DD"),
        (DATE, "", "YYYY-MM-DD"),
        (BOOLEAN, "vielleicht", "not yes or no"),
    ],
)
def test_values_of_the_wrong_type_are_refused(kind, typed, message):
    with pytest.raises(ServiceError, match=message):
        canonical_value(kind, typed)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_a_canonical_number_is_canonical_again_and_keeps_its_value(number):
    stored = canonical_value(NUMBER, repr(number))
    assert canonical_value(NUMBER, stored) == stored
    assert float(stored) == number
    assert canonical_value(NUMBER, repr(number).replace(".", ",")) == stored


@given(st.dates())
def test_a_canonical_date_is_iso(day):
    assert canonical_value(DATE, day.isoformat()) == day.isoformat()


# --- through the service -------------------------------------------------------------------------------------------


def test_set_attribute_creates_the_attribute_and_the_value(project, workshop, db):
    changes = set_attribute(project, name=" Institution ", value="IHK", speaker="Dr. Anna Weber")
    assert changes.ids("speaker", of="updated") == [2]
    assert changes.ids("attribute") == [1]  # a new attribute is named too
    assert values(db) == [("speaker", "Institution", "text", "Dr. Anna Weber", "IHK")]
    again = set_attribute(project, name="Institution", value="Jobcenter", speaker="Herr Yilmaz")
    assert again.ids("attribute") == []


def test_set_attribute_stores_typed_values(project, workshop, db):
    set_attribute(project, name="Alter", value="52", speaker="Dr. Anna Weber", kind=NUMBER)
    set_attribute(project, name="Alter", value="38,5", speaker="Herr Yilmaz")  # the type is the attribute's
    set_attribute(project, name="Datum", value="2024-03-12", document="Workshop 1", kind=DATE)
    set_attribute(project, name="Protokolliert", value="ja", document="Workshop 1", kind=BOOLEAN)
    assert values(db) == [
        ("speaker", "Alter", "number", "Dr. Anna Weber", "52"),
        ("speaker", "Alter", "number", "Herr Yilmaz", "38.5"),
        ("document", "Datum", "date", "Workshop 1", "2024-03-12"),
        ("document", "Protokolliert", "boolean", "Workshop 1", "true"),
    ]
    assert attribute_values(project, scope=AttributeScope.SPEAKER) == {2: {"Alter": "52"}, 3: {"Alter": "38.5"}}
    assert attribute_values(project, scope=AttributeScope.DOCUMENT) == {
        1: {"Datum": "2024-03-12", "Protokolliert": "true"}}


def test_setting_again_replaces_the_value(project, workshop, db):
    set_attribute(project, name="Rolle", value="Teilnehmerin", speaker="Dr. Anna Weber")
    set_attribute(project, name="Rolle", value="Expertin", speaker="dr. anna weber")
    assert values(db) == [("speaker", "Rolle", "text", "Dr. Anna Weber", "Expertin")]


def test_a_wrong_value_or_type_is_refused_and_nothing_is_written(project, workshop, db):
    set_attribute(project, name="Alter", value="52", speaker="Dr. Anna Weber", kind=NUMBER)
    before = db.dump()
    for kwargs, message in [
        ({"name": "Alter", "value": "alt", "speaker": "Herr Yilmaz"}, "not a number"),
        ({"name": "Alter", "value": "2024-01-01", "speaker": "Herr Yilmaz", "kind": DATE}, "holds number values"),
        ({"name": "Seit", "value": "letztes Jahr", "speaker": "Herr Yilmaz", "kind": DATE}, "YYYY-MM-DD"),
        ({"name": "  ", "value": "x", "speaker": "Herr Yilmaz"}, "needs a name"),
        ({"name": "Rolle", "value": "x", "speaker": "Niemand"}, "no speaker"),
        ({"name": "Ort", "value": "x", "document": "Workshop 9"}, "no document"),
        ({"name": "Ort", "value": "x"}, "either a speaker or a document"),
        ({"name": "Ort", "value": "x", "speaker": "Herr Yilmaz", "document": "Workshop 1"}, "either a speaker"),
    ]:
        with pytest.raises(ServiceError, match=message):
            set_attribute(project, **kwargs)
    assert db.dump() == before  # no half-created attribute "Seit" either


def test_clearing_a_value(project, workshop, db):
    set_attribute(project, name="Rolle", value="Moderation", speaker="Moderatorin")
    set_attribute(project, name="Rolle", value="Expertin", speaker="Dr. Anna Weber")
    changes = set_attribute(project, name="Rolle", value=None, speaker="Moderatorin")
    assert changes.ids("speaker", of="updated") == [1]
    assert values(db) == [("speaker", "Rolle", "text", "Dr. Anna Weber", "Expertin")]
    assert db.count("attribute") == 1  # the attribute itself stays


def test_clearing_what_is_not_there_changes_nothing(project, workshop, db):
    set_attribute(project, name="Rolle", value="Expertin", speaker="Dr. Anna Weber")
    before = db.dump()
    assert not set_attribute(project, name="Rolle", value=None, speaker="Moderatorin")
    assert not set_attribute(project, name="Unbekannt", value=None, speaker="Moderatorin")
    assert db.dump() == before  # and no attribute "Unbekannt" was made up
    with pytest.raises(ServiceError, match="no speaker"):
        set_attribute(project, name="Rolle", value=None, speaker="Niemand")


def test_speaker_and_document_attributes_are_separate(project, workshop, db):
    set_attribute(project, name="Ort", value="Nürnberg", speaker="Herr Yilmaz")
    set_attribute(project, name="Ort", value="2", document="Workshop 1", kind=NUMBER)
    assert db.rows("SELECT scope, name, type FROM attribute ORDER BY id") == [
        ("speaker", "Ort", "text"), ("document", "Ort", "number")]
    set_attribute(project, name="Ort", value=None, document="Workshop 1")
    assert values(db) == [("speaker", "Ort", "text", "Herr Yilmaz", "Nürnberg")]


@given(st.integers())
def test_a_whole_number_is_kept_exactly_however_long(number):
    assert canonical_value(NUMBER, str(number)) == str(number)
    assert canonical_value(NUMBER, f" +{number} " if number >= 0 else str(number)) == str(number)


def test_a_number_with_too_many_digits_is_refused_not_crashed():
    with pytest.raises(ServiceError, match="not a number"):
        canonical_value(NUMBER, "9" * 5000)


@given(kind=st.sampled_from(list(AttributeType)), typed=st.text())
def test_any_typed_text_is_stored_or_refused_with_a_service_error(kind, typed):
    try:
        stored = canonical_value(kind, typed)
    except ServiceError:
        return
    assert canonical_value(kind, stored) == stored  # the stored form is already canonical
