"""Typed attributes (role, institution, age, session date ...) of speakers and documents."""

from __future__ import annotations

import math
import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Attribute, AttributeScope, AttributeType, AttributeValue, Project
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.lookup import get_document, get_speaker, insert_or_find

WHOLE_NUMBER = re.compile(r"[+-]?\d+")
_TRUE = {"true", "yes", "ja", "1", "wahr", "x"}
_FALSE = {"false", "no", "nein", "0", "falsch", ""}


def canonical_value(kind: AttributeType, value: str) -> str:
    """The stored form of a value: numbers as Python writes them, dates as ISO, booleans as true/false."""
    value = value.strip()
    if kind is AttributeType.TEXT:
        return value
    if kind is AttributeType.NUMBER:
        try:
            if WHOLE_NUMBER.fullmatch(value):  # stays exact, however long (a float keeps ~16 digits)
                return str(int(value))
            number = float(value.replace(",", "."))
        except ValueError:  # also: more digits than int() converts
            raise ServiceError(f"'{value}' is not a number.") from None
        if not math.isfinite(number):
            raise ServiceError(f"'{value}' is not a number.")
        return str(int(number)) if number.is_integer() else repr(number)
    if kind is AttributeType.DATE:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise ServiceError(f"'{value}' is not a date; write it as YYYY-MM-DD.") from None
    folded = value.casefold()
    if folded in _TRUE:
        return "true"
    if folded in _FALSE:
        return "false"
    raise ServiceError(f"'{value}' is not yes or no.")


def _find_attribute(session: Session, scope: AttributeScope, name: str, kind: AttributeType | None) -> Attribute | None:
    """The attribute of this name, if there is one; an attribute of another type than ``kind`` is an error."""
    attribute = session.scalars(
        select(Attribute).where(Attribute.scope == scope, Attribute.name == name)
    ).one_or_none()
    if attribute is not None and kind is not None and attribute.type is not kind:
        raise ServiceError(f"The attribute '{name}' holds {attribute.type.value} values, not {kind.value}.")
    return attribute


@repeatable
def set_attribute(
    project: Project,
    *,
    name: str,
    value: str | None,
    speaker: str | None = None,
    document: str | None = None,
    kind: AttributeType | None = None,
) -> ChangeSet:
    """Set (or, with ``value=None``, clear) a speaker's or a document's attribute; new attributes are created.

    Clearing a value that is not there changes nothing (an empty ChangeSet) and creates no attribute.
    """
    if (speaker is None) == (document is None):
        raise ServiceError("An attribute value belongs to either a speaker or a document.")
    name = name.strip()
    if not name:
        raise ServiceError("An attribute needs a name.")
    scope = AttributeScope.SPEAKER if speaker is not None else AttributeScope.DOCUMENT
    changes = ChangeSet()
    with project.transaction() as session:
        owner = get_speaker(session, speaker) if speaker is not None else get_document(session, document)
        owner_column = AttributeValue.speaker_id if speaker is not None else AttributeValue.document_id
        attribute = _find_attribute(session, scope, name, kind)
        row = None
        if attribute is not None:
            row = session.scalars(
                select(AttributeValue).where(AttributeValue.attribute_id == attribute.id, owner_column == owner.id)
            ).one_or_none()
        if value is None:
            if row is not None:
                session.delete(row)
                changes.updated.append(Ref(scope.value, owner.id))
            return changes
        if attribute is None:  # created on first use; race-free, so a colleague's same new attribute is one
            attribute_id, created = insert_or_find(
                session, Attribute.__table__, {"name": name, "scope": scope, "type": kind or AttributeType.TEXT},
                select(Attribute.id).where(Attribute.scope == scope, Attribute.name == name),
            )
            if created:
                changes.created.append(Ref("attribute", attribute_id))
            attribute = _find_attribute(session, scope, name, kind)  # a colleague's may be of another type
        stored = canonical_value(attribute.type, value)
        if row is None:
            owner_value = {"speaker_id" if speaker is not None else "document_id": owner.id}
            row_id, created = insert_or_find(
                session, AttributeValue.__table__, {"attribute_id": attribute.id, "value": stored, **owner_value},
                select(AttributeValue.id).where(AttributeValue.attribute_id == attribute.id, owner_column == owner.id),
            )
            row = None if created else session.get(AttributeValue, row_id)
        if row is not None:
            row.value = stored  # the value set a moment before, by us or by a colleague, is replaced
        changes.updated.append(Ref(scope.value, owner.id))
        return changes


def attribute_values(project: Project, *, scope: AttributeScope) -> dict[int, dict[str, str]]:
    """Every owner's values by owner id, then attribute name."""
    with project.reading() as session:
        owner = AttributeValue.speaker_id if scope is AttributeScope.SPEAKER else AttributeValue.document_id
        rows = session.execute(
            select(owner, Attribute.name, AttributeValue.value)
            .join(Attribute, Attribute.id == AttributeValue.attribute_id)
            .where(Attribute.scope == scope)
        ).all()
    values: dict[int, dict[str, str]] = {}
    for owner_id, name, value in rows:
        values.setdefault(owner_id, {})[name] = value
    return values
