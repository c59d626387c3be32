"""The words of the report's priorities and methods sections (German and English), beside ``labels.py``."""

from __future__ import annotations

VOTE_LABELS: dict[str, dict[str, str]] = {
    "de": {
        "priorities_by_vote": "Sortiert nach den Punkten der Punktabfrage, bei Gleichstand nach der Zahl der "
                              "Teilnehmenden, die die Maßnahme einbrachten oder unterstützten, dann nach der Zahl "
                              "ihrer Institutionen. Gleiche Werte teilen sich einen Rang. Moderation und Protokoll "
                              "zählen nicht als Teilnehmende.",
        "priorities_by_support": "Für diese Maßnahmen ist keine Punktabfrage erfasst: sortiert nach der Zahl der "
                                 "Teilnehmenden, die sie einbrachten, dann nach der Zahl ihrer Institutionen.",
        "priorities_unvoted": "Ohne Abstimmung (nicht Teil der Punktabfrage):",
        "no_measures": "Es gibt keinen Code für die Maßnahmen (etwa „Maßnahmen“).",
        "measure": "Maßnahme",
        "points": "Punkte",
        "share_of_points": "Anteil",
        "participants": "Teilnehmende",
        "proposed_by": "eingebracht von",
        "passages": "Textstellen",
        "not_voted": "–",
        "methods": "Methodisches Vorgehen",
        "study": "Erhebung",
        "date": "Datum",
        "place": "Ort",
        "duration": "Dauer",
        "minutes": "{minutes} Minuten",
        "phases": "Ablauf",
        "participants_by_institution": "Teilnehmende nach Institution",
        "institution": "Institution",
        "without_institution": "ohne Angabe",
        "participants_total": "Es nahmen {participants} Personen teil; {others} weitere Person(en) moderierten "
                              "oder protokollierten und zählen nicht als Teilnehmende.",
        "participants_only": "Es nahmen {participants} Personen teil.",
        "transcription": "Transkription",
        "coding_procedure": "Codierung",
        "coding_facts": "Kategoriensystem mit {codes} Codes ({top} Hauptkategorien); {passages} codierte "
                        "Textstellen ({codings} Codierungen) von {coders} Codierenden.",
        "agreement": "Übereinstimmung der Codierenden",
        "agreement_text": "Zwei Codierende codierten {documents} Dokument(e) unabhängig: {percent} % "
                          "Übereinstimmung, Cohens Kappa {kappa}, Krippendorffs Alpha {alpha} (Einheit: "
                          "codierte Textstelle, Überlappung ab 50 %).",
        "agreement_scope": "Beide codierten {both} der {passages} Textstellen, die eine:r von ihnen codierte; "
                           "sind es wenige, teilten sie das Material auf, und die Werte sagen wenig.",
        "agreement_pairs": "{pairs} Paare von Codierenden codierten dieselben Dokumente: {percent} % "
                           "Übereinstimmung im Mittel.",
        "vote_rules": "Punktabfrage",
        "vote_rules_text": "Jede:r Teilnehmende erhielt {per_person} Punkte",
        "vote_max": ", höchstens {max} je Maßnahme",
        "vote_voters": "; {voters} Personen stimmten ab, zusammen {total} Punkte",
        "vote_recorded": "Erfasst sind {recorded} Punkte auf {measures} Maßnahmen.",
        "vote_differs": "Achtung: Nach den Regeln wären {total} Punkte zu vergeben gewesen, erfasst sind {recorded}.",
        "no_study": "Zur Erhebung sind keine Angaben erfasst (Datei › Angaben zur Studie).",
    },
    "en": {
        "priorities_by_vote": "Sorted by the points of the dot vote; on equal points by the number of participants "
                              "who raised or supported the measure, then by the number of their institutions. Equal "
                              "figures share a rank. Moderators and minute-takers do not count as participants.",
        "priorities_by_support": "No dot vote is recorded for these measures: sorted by the number of participants "
                                 "who raised them, then by the number of their institutions.",
        "priorities_unvoted": "Not voted on (not part of the dot vote):",
        "no_measures": "There is no code holding the measures (such as “Measures”).",
        "measure": "Measure",
        "points": "Points",
        "share_of_points": "Share",
        "participants": "Participants",
        "proposed_by": "raised by",
        "passages": "Passages",
        "not_voted": "–",
        "methods": "Methods",
        "study": "The workshop",
        "date": "Date",
        "place": "Place",
        "duration": "Duration",
        "minutes": "{minutes} minutes",
        "phases": "Phases",
        "participants_by_institution": "Participants by institution",
        "institution": "Institution",
        "without_institution": "not stated",
        "participants_total": "{participants} people took part; {others} more moderated or took the minutes and "
                              "are not counted as participants.",
        "participants_only": "{participants} people took part.",
        "transcription": "Transcription",
        "coding_procedure": "Coding",
        "coding_facts": "A category system of {codes} codes ({top} main categories); {passages} coded passages "
                        "({codings} codings) by {coders} coder(s).",
        "agreement": "Intercoder agreement",
        "agreement_text": "Two coders coded {documents} document(s) independently: {percent} % agreement, "
                          "Cohen's kappa {kappa}, Krippendorff's alpha {alpha} (unit: coded passage, 50 % "
                          "overlap).",
        "agreement_scope": "Both coded {both} of the {passages} passages either of them coded; when these are "
                           "few, they divided the material and the figures say little.",
        "agreement_pairs": "{pairs} pairs of coders coded the same documents: {percent} % agreement on average.",
        "vote_rules": "Dot vote",
        "vote_rules_text": "Each participant had {per_person} points",
        "vote_max": ", at most {max} on one measure",
        "vote_voters": "; {voters} people voted, {total} points in all",
        "vote_recorded": "{recorded} points on {measures} measures are recorded.",
        "vote_differs": "Note: by the rules {total} points were to be given; {recorded} are recorded.",
        "no_study": "Nothing is recorded about the workshop (File › Study details).",
    },
}


def vote_labels(language: str | None) -> dict[str, str]:
    key = (language or "de").split("-")[0].lower()
    return VOTE_LABELS.get(key, VOTE_LABELS["de"])


def vote_labels_beside(labels: dict[str, str]) -> dict[str, str]:
    """The vote labels in the language of the report ``labels`` (``labels.labels_for``'s)."""
    from app.export.labels import LABELS

    for language, known in LABELS.items():
        if known is labels or known.get("report") == labels.get("report"):
            return vote_labels(language)
    return vote_labels(None)
