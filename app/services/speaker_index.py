"""The project's speakers, read once for a bulk change (an import, a merge) and kept up to date as it adds some.

A speaker is found by the key of its name or of one of its aliases, as ``lookup.find_speaker`` compares them (its
own key wins over another's alias); a query and an ORM object per name cost more than the rest of importing a
short transcript.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import speaker_key
from app.models.schema import utc_now
from app.services.bulk import driver_sql, driver_value, time_storer

# ON CONFLICT DO NOTHING: a colleague importing a transcript with the same new speaker at the same moment made it.
_INSERT_SPEAKER = (
    "INSERT INTO speaker (guid, name, key, created_at, version) VALUES (?, ?, ?, ?, 1) ON CONFLICT DO NOTHING "
    "RETURNING id"
)
_SAME_SPEAKER = "SELECT id FROM speaker WHERE key = ? OR guid = ? ORDER BY key = ? DESC"
_INSERT_ALIAS = "INSERT INTO speaker_alias (speaker_id, name, key) VALUES (?, ?, ?)"


class SpeakerIndex:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_guid: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        for speaker_id, guid, key in driver_sql(session, "SELECT id, guid, key FROM speaker"):
            self.by_guid[guid] = self.by_key[key] = speaker_id
        self.by_alias = dict(driver_sql(session, "SELECT key, speaker_id FROM speaker_alias"))
        self.store_time = time_storer(session)

    def find(self, name: str) -> int | None:
        key = speaker_key(name)
        found = self.by_key.get(key)
        return found if found is not None else self.by_alias.get(key)

    def add(self, guid: str, name: str) -> int:
        """The new speaker's id; or, when a colleague has just added a speaker of this name, theirs (race-free:
        the INSERT does nothing, and the speaker is looked up by its key in the same transaction)."""
        key = speaker_key(name)
        made = driver_sql(self.session, _INSERT_SPEAKER, (guid, name, key, self.store_time(utc_now())))
        if made:
            speaker_id = made[0][0]
        else:  # by its key, or the same speaker (guid) brought in by a colleague's merge under another spelling
            speaker_id = driver_value(self.session, _SAME_SPEAKER, (key, guid, key))
        self.by_guid[guid] = self.by_key[key] = speaker_id
        return speaker_id

    def add_alias(self, speaker_id: int, alias: str) -> None:
        key = speaker_key(alias)
        driver_sql(self.session, _INSERT_ALIAS, (speaker_id, alias, key))
        self.by_alias[key] = speaker_id
