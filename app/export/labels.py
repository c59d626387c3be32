"""The words a report is written in: German (the default for German projects) or English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "de": {
        "report": "Auswertungsbericht",
        "codebook": "Kategoriensystem",
        "quotes_of": "Zitate zum Code",
        "created": "Erstellt am",
        "documents": "Dokumente",
        "coders": "Codierende",
        "made_with": "Erstellt mit FocusCoder",
        "contents": "Inhalt",
        "toc_hint": "Das Inhaltsverzeichnis wird beim Öffnen in Word aktualisiert (sonst: Rechtsklick › Feld aktualisieren).",
        "basis": "Datengrundlage",
        "basis_text": "Ausgewertet wurden {documents} Dokument(e) mit {speakers} Sprecher:innen, {codes} Codes und {codings} Codierungen.",
        "document": "Dokument",
        "words": "Wörter",
        "turns": "Beiträge",
        "speakers": "Sprecher:innen",
        "speaker": "Sprecher:in",
        "codings": "Codierungen",
        "code": "Code",
        "definition": "Definition",
        "anchor": "Ankerbeispiel",
        "rule": "Kodierregel",
        "frequency": "Häufigkeit",
        "frequency_note": "Häufigkeit: Codierungen des Codes einschließlich seiner Subcodes.",
        "frequencies": "Codehäufigkeiten",
        "own": "Codierungen",
        "with_subcodes": "inkl. Subcodes",
        "frequencies_note": "Ein Code zählt einmal je Codierung; „inkl. Subcodes“ summiert die Codierungen aller untergeordneten Codes. Sprecher:innen: Personen, in deren Beiträgen der Code vorkommt.",
        "chart_frequencies": "Codierungen je Code (inkl. Subcodes)",
        "chart_top": "die {count} häufigsten von {total} Codes",
        "by_attribute": "Codierungen nach {attribute}",
        "no_value": "ohne Angabe",
        "no_speaker": "ohne Sprecher:in",
        "speaker_overview": "Sprecherübersicht",
        "share": "Redeanteil",
        "all_documents": "Alle Dokumente",
        "code_by_speaker": "Codes nach Sprecher:innen",
        "code_by_document": "Codes nach Dokumenten",
        "matrix_note": "Anzahl der Codierungen; eine Codierung, die Beiträge mehrerer Personen umfasst, zählt bei jeder.",
        "heatmap": "Codierungen je Code und Sprecher:in",
        "cooccurrence": "Überschneidungen von Codes",
        "cooccurrence_note": "Überlappend: Paare von Codierungen, die sich im Text überschneiden. Im selben Beitrag: Beiträge, in denen beide Codes vorkommen.",
        "code_a": "Code A",
        "code_b": "Code B",
        "overlapping": "überlappend",
        "same_turn": "im selben Beitrag",
        "priorities": "Priorisierung",
        "priorities_of": "Rangfolge: {parent}",
        "priorities_note": "Sortiert nach Zahl der Sprecher:innen und Institutionen, die den Punkt einbrachten, dann nach Codierungen und mittlerer Gewichtung.",
        "rank": "Rang",
        "institutions": "Institutionen",
        "mean_weight": "mittlere Gewichtung",
        "quotes": "Zitate",
        "quotes_shown": "{shown} von {total} Zitaten",
        "memo": "Memo",
        "coder": "codiert von",
        "paragraph": "Abs.",
        "no_codings": "keine Codierungen",
        "no_codes": "Das Projekt enthält noch keine Codes.",
        "no_documents": "Das Projekt enthält noch keine Dokumente.",
        "no_pairs": "Keine Codes überschneiden sich.",
        "page": "Seite",
        "of": "von",
        "figure": "Abbildung",
        "table": "Tabelle",
        "segments": "Codierte Segmente",
        "start": "Anfang",
        "end": "Ende",
        "time": "Zeitmarke",
        "weight": "Gewichtung",
        "text": "Text",
        "path": "Codepfad",
        "yes": "ja",
        "no": "nein",
    },
    "en": {
        "report": "Analysis report",
        "codebook": "Category system",
        "quotes_of": "Quotes of the code",
        "created": "Created on",
        "documents": "Documents",
        "coders": "Coders",
        "made_with": "Made with FocusCoder",
        "contents": "Contents",
        "toc_hint": "Word updates the table of contents when the file is opened (otherwise: right-click › Update field).",
        "basis": "Data",
        "basis_text": "Analysed: {documents} document(s) with {speakers} speakers, {codes} codes and {codings} codings.",
        "document": "Document",
        "words": "Words",
        "turns": "Turns",
        "speakers": "Speakers",
        "speaker": "Speaker",
        "codings": "Codings",
        "code": "Code",
        "definition": "Definition",
        "anchor": "Anchor example",
        "rule": "Coding rule",
        "frequency": "Frequency",
        "frequency_note": "Frequency: codings of the code including its sub-codes.",
        "frequencies": "Code frequencies",
        "own": "Codings",
        "with_subcodes": "incl. sub-codes",
        "frequencies_note": "A code counts once per coding; “incl. sub-codes” adds the codings of all codes below it. Speakers: people in whose turns the code occurs.",
        "chart_frequencies": "Codings per code (incl. sub-codes)",
        "chart_top": "the {count} most frequent of {total} codes",
        "by_attribute": "Codings by {attribute}",
        "no_value": "not given",
        "no_speaker": "no speaker",
        "speaker_overview": "Speakers",
        "share": "Share of talk",
        "all_documents": "All documents",
        "code_by_speaker": "Codes by speaker",
        "code_by_document": "Codes by document",
        "matrix_note": "Number of codings; a coding that spans turns of several people counts for each.",
        "heatmap": "Codings per code and speaker",
        "cooccurrence": "Code co-occurrence",
        "cooccurrence_note": "Overlapping: pairs of codings that overlap in the text. Same turn: turns in which both codes occur.",
        "code_a": "Code A",
        "code_b": "Code B",
        "overlapping": "overlapping",
        "same_turn": "same turn",
        "priorities": "Priorities",
        "priorities_of": "Ranking: {parent}",
        "priorities_note": "Sorted by the number of speakers and institutions who raised the point, then by codings and mean weight.",
        "rank": "Rank",
        "institutions": "Institutions",
        "mean_weight": "mean weight",
        "quotes": "Quotes",
        "quotes_shown": "{shown} of {total} quotes",
        "memo": "Memo",
        "coder": "coded by",
        "paragraph": "para.",
        "no_codings": "no codings",
        "no_codes": "The project has no codes yet.",
        "no_documents": "The project has no documents yet.",
        "no_pairs": "No codes overlap.",
        "page": "Page",
        "of": "of",
        "figure": "Figure",
        "table": "Table",
        "segments": "Coded segments",
        "start": "Start",
        "end": "End",
        "time": "Time",
        "weight": "Weight",
        "text": "Text",
        "path": "Code path",
        "yes": "yes",
        "no": "no",
    },
}


def labels_for(language: str | None) -> dict[str, str]:
    """The labels of ``language`` ("de", "en", or a longer tag such as "de-AT"); German when unknown."""
    key = (language or "de").split("-")[0].lower()
    return LABELS.get(key, LABELS["de"])


# Quotation marks: (outer opening, outer closing, inner opening, inner closing) per report language.
_MARKS = {"de": ("„", "“", "‚", "‘"), "en": ("“", "”", "‘", "’")}
# The double quotation marks a passage itself may hold: straight, English/German curly, low-9, reversed.
_DOUBLE_MARKS = frozenset('"“”„‟')
# After these (or at the very start) a double mark opens a quotation; anywhere else it closes one.
_BEFORE_OPENING = frozenset(" \t\n\u00a0([{/–—-")


def enclosed(text: str, language: str | None) -> str:
    """``text`` in the report language's quotation marks („…“ or “…”), the double marks inside it made single
    (‚…‘ or ‘…’), as a quotation within a quotation is written: a passage that holds „…“ itself (a participant
    quoting someone, or a passage coded with its quotation marks) must not show doubled marks („„…““).

    Which of an inner mark's pair it is follows from where it stands (after a space or at the start it opens),
    since “ closes in German and opens in English. Guillemets (»…«) differ from the outer marks and stay.
    """
    key = (language or "de").split("-")[0].lower()
    opening, closing, inner_opening, inner_closing = _MARKS.get(key, _MARKS["de"])
    if not _DOUBLE_MARKS.intersection(text):
        return f"{opening}{text}{closing}"
    chars = list(text)
    for index, char in enumerate(chars):
        if char in _DOUBLE_MARKS:
            opens = char == "„" or char == "‟" or index == 0 or text[index - 1] in _BEFORE_OPENING
            chars[index] = inner_opening if opens else inner_closing
    return f"{opening}{''.join(chars)}{closing}"
