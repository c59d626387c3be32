"""The analyses as full tables for spreadsheets (every code, pair and coding; nothing cut for the page), and
the coded segments for the .csv export."""

from __future__ import annotations

from app.analysis.cooccurrence import code_cooccurrence
from app.analysis.dataset import ProjectData
from app.analysis.frequencies import code_tree_frequencies
from app.analysis.matrices import Matrix, code_by_attribute, code_by_document, code_by_speaker
from app.analysis.priorities import institution_attribute, measures_parent, priority_ranking
from app.analysis.quotes import coded_segments
from app.analysis.speaker_overview import speaker_overview
from app.export.content import Table
from app.export.vote_labels import vote_labels_beside


def segments_table(data: ProjectData, labels: dict[str, str], *, memos: bool = True, coders: bool = True) -> Table:
    """One row per segment (a coded passage; several coders' codings of it are one): document, speaker, code
    path, text, start, end, time stamp, its coders (``coders``), weight (the highest), memo (``memos``)."""
    columns = [labels["document"], labels["speaker"], labels["path"], labels["text"], labels["start"],
               labels["end"], labels["time"], *([labels["coders"]] if coders else []), labels["weight"]]
    columns += [labels["memo"]] if memos else []
    rows = []
    for quote in coded_segments(data):
        row: list[object] = [quote.document, quote.speaker or "", quote.code, quote.text, quote.start, quote.end,
                             quote.time or "", *([quote.coder] if coders else []), quote.weight]
        if memos:
            row.append(quote.memo or "")
        rows.append(row)
    return Table(labels["segments"], columns, rows, numeric={4, 5, len(columns) - (2 if memos else 1)},
                 sheet=labels["sheet_segments"])


def statistics_tables(data: ProjectData, labels: dict[str, str], *, memos: bool = True,
                      coders: bool = True) -> list[Table]:
    """The workbook's sheets, each counting segments (coded passages), with short sheet names (Excel allows 31
    characters)."""
    data = data.segments()
    tables = []
    frequencies = code_tree_frequencies(data)
    tables.append(Table(
        labels["frequencies"],
        [labels["path"], labels["code"], labels["segments_own"], labels["segments_total"], labels["documents_own"],
         labels["documents_total"], labels["speakers_own"], labels["speakers_total"], labels["words_own"],
         labels["words_total"]],
        [[f.code, f.name, f.codings, f.total_codings, f.documents, f.total_documents, f.speakers,
          f.total_speakers, f.words, f.total_words] for f in frequencies],
        numeric=set(range(2, 10)), sheet=labels["frequencies"],
    ))
    totals = {f.code: f.total_codings for f in frequencies}
    tables.append(Table(
        labels["codebook"],
        [labels["path"], labels["definition"], labels["anchor"], labels["rule"], labels["frequency"]],
        [[c.path, c.definition, c.anchor_example, c.coding_rule, totals[c.path]] for c in data.codes.values()],
        numeric={4}, sheet=labels["codebook"],
    ))
    tables += _speaker_tables(data, labels)
    attribute = institution_attribute(data)
    tables.append(_matrix(code_by_speaker(data), labels["code_by_speaker"], labels, labels["no_speaker"],
                          labels["sheet_code_by_speaker"]))
    tables.append(_matrix(code_by_document(data), labels["code_by_document"], labels, "",
                          labels["sheet_code_by_document"]))
    if attribute:
        tables.append(_matrix(code_by_attribute(data, attribute), labels["by_attribute"].format(attribute=attribute),
                              labels, labels["no_value"], labels["sheet_by_attribute"].format(attribute=attribute)))
    found = code_cooccurrence(data)
    tables.append(Table(
        labels["cooccurrence"], [labels["code_a"], labels["code_b"], labels["overlapping"], labels["same_turn"]],
        [[p.code_a, p.code_b, p.overlapping, p.same_turn] for p in found.pairs], numeric={2, 3},
        sheet=labels["sheet_pairs"],
    ))
    for name, sheet, cells in ((labels["overlapping"], labels["sheet_overlapping"], found.overlapping),
                               (labels["same_turn"], labels["sheet_same_turn"], found.same_turn)):
        tables.append(Table(
            f"{labels['cooccurrence']} – {name}", [labels["code"], *found.codes],
            [[path, *row] for path, row in zip(found.codes, cells)], numeric=set(range(1, len(found.codes) + 1)),
            sheet=sheet,
        ))
    tables.append(_priorities(data, labels, attribute))
    tables.append(segments_table(data, labels, memos=memos, coders=coders))
    return tables


def _priorities(data: ProjectData, labels: dict[str, str], attribute: str | None) -> Table:
    """The measures as the dot vote ranked them, with their points; an unvoted measure has no rank or points."""
    words = vote_labels_beside(labels)
    parent = measures_parent(data)
    rows = []
    for row in priority_ranking(data, parent, attribute=attribute) if parent is not None else []:
        rows.append([parent, row.rank, row.code, row.points, row.share, row.speakers, row.institutions,
                     row.codings, row.proposed_by or "", row.documents])
    return Table(
        labels["priorities"],
        [labels["code"], labels["rank"], labels["path"], words["points"], words["share_of_points"],
         words["participants"], labels["institutions"], words["passages"], words["proposed_by"],
         labels["documents"]],
        rows, numeric={1, 3, 4, 5, 6, 7, 9}, percent={4},
    )


def _speaker_tables(data: ProjectData, labels: dict[str, str]) -> list[Table]:
    """Every speaker once, over all documents (its columns add up to the project's figures); with several
    documents, a second sheet of each document's speakers."""
    attribute = institution_attribute(data)
    overview = speaker_overview(data)
    speaker_ids = {name: sid for sid, name in data.speakers.items()}
    figures = [labels["turns"], labels["words"], labels["share"], labels["segments_col"]]

    def rows(shares, with_document: bool) -> list[list[object]]:
        return [[*([s.document] if with_document else []), s.speaker,
                 *([data.attribute_of(speaker_ids[s.speaker], attribute) or ""] if attribute else []),
                 s.turns, s.words, s.share, s.codings] for s in shares]

    first = 2 if attribute else 1
    tables = [Table(
        labels["speaker_overview"], [labels["speaker"], *([attribute] if attribute else []), *figures],
        rows([s for s in overview if s.document is None], False), numeric=set(range(first, first + 4)),
        percent={first + 2}, sheet=labels["sheet_speakers"],
    )]
    if len(data.documents) > 1:
        tables.append(Table(
            labels["sheet_speakers_by_document"],
            [labels["document"], labels["speaker"], *([attribute] if attribute else []), *figures],
            rows([s for s in overview if s.document is not None], True), numeric=set(range(first + 1, first + 5)),
            percent={first + 3}, sheet=labels["sheet_speakers_by_document"],
        ))
    return tables


def _matrix(matrix: Matrix, name: str, labels: dict[str, str], none_label: str, sheet: str) -> Table:
    """Codes × columns, each code's own segments, with Σ and Σ incl. sub-codes."""
    columns = [labels["path"], *[c if c is not None else none_label for c in matrix.columns], labels["sum_own"],
               labels["sum_total"]]
    rows = [[path, *cells, sum(cells), total]
            for path, cells, total in zip(matrix.rows, matrix.cells, matrix.subtree_totals())]
    return Table(name, columns, rows, numeric=set(range(1, len(columns))), sheet=sheet)
