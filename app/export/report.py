"""Assembling a report's content from the analyses: the full report, the codebook alone, one code's quotes.

The analyses read the project once (``load``); everything after that is plain rows, so the writers stay free of
queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from app.analysis.cooccurrence import code_cooccurrence
from app.analysis.dataset import CODE, ProjectData, Selection, as_data
from app.analysis.frequencies import CodeFrequency, code_tree_frequencies
from app.analysis.matrices import (
    Matrix,
    code_by_attribute,
    code_by_document,
    code_by_speaker,
)
from app.analysis.priorities import institution_attribute, measures_parent, priority_ranking
from app.analysis.quotes import Quote, quotes
from app.analysis.speaker_overview import speaker_overview
from app.export import charts
from app.export.content import Chart, Paragraph, QuoteBlock, Report, Section, Table
from app.export.labels import enclosed, labels_for
from app.export.methods import methods_section
from app.export.vote_labels import vote_labels
from app.models import Project

MOST_PAIRS = 30  # co-occurring pairs listed in the report (the spreadsheet has all)


@dataclass(frozen=True)
class ReportOptions:
    codes: tuple[str, ...] = ()  # code paths (with their sub-codes); empty: all
    documents: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()  # whose codings the report counts and quotes; empty: everyone's
    quotes_per_code: int | None = 5  # None: all
    memos: bool = True
    language: str | None = None  # "de" or "en"; None: the project's language
    priority_parents: tuple[str, ...] | None = None  # None: the measures (see analysis.priorities.measures_parent)
    with_context: bool = False  # quotes with the rest of their sentence
    charts: bool = True

    def selection(self) -> Selection:
        return Selection(codes=self.codes, documents=self.documents, speakers=self.speakers, coders=self.coders)


def build_report(project: Project | ProjectData, options: ReportOptions = ReportOptions()) -> Report:
    data = as_data(project, options.selection())
    report = _report_frame(data, options, subtitle_key="report")
    labels = report.labels
    frequencies = code_tree_frequencies(data)
    report.sections = [
        _basis(data, labels),
        _methods(data, labels, options),
        _codebook(data, frequencies, labels),
        _frequencies(data, frequencies, labels, options),
        _speakers(data, labels),
        *_matrices(data, labels, options),
        _cooccurrence(data, labels),
        _priorities(data, labels, options),
        _quotes_section(data, frequencies, labels, options),
    ]
    report.sections = [section for section in report.sections if section is not None]
    return report


def build_codebook(project: Project | ProjectData, options: ReportOptions = ReportOptions()) -> Report:
    data = as_data(project, options.selection())
    report = _report_frame(data, options, subtitle_key="codebook")
    report.with_contents = False
    report.sections = [_codebook(data, code_tree_frequencies(data), report.labels)]
    return report


def build_code_quotes(
    project: Project | ProjectData, code: str, options: ReportOptions = ReportOptions()
) -> Report:
    """The quotes of one code (with its sub-codes), all of them unless ``quotes_per_code`` says otherwise."""
    data = as_data(project, options.selection())
    report = _report_frame(data, options, subtitle_key="quotes_of")
    report.subtitle = f"{report.labels['quotes_of']} {enclosed(code, report.language)}"
    report.with_contents = False
    # Only the quotes shown are made (their text sliced, their context found); the total is counted.
    found = quotes(data, code, with_subcodes=True, with_context=options.with_context, limit=options.quotes_per_code)
    chosen = next(c for c in data.codes.values() if c.path == code)
    total = int(np.isin(data.coding_table[:, CODE], data.subtree(chosen.id)).sum())
    section = Section(code, 1)
    if chosen.definition:
        section.blocks.append(Paragraph(chosen.definition, note=True))
    _add_quotes(section, data, found, None, report.labels, options, total=total)
    report.sections = [section]
    return report


# --- the frame and the sections ------------------------------------------------------------------------


def _report_frame(data: ProjectData, options: ReportOptions, *, subtitle_key: str) -> Report:
    language = (options.language or data.language or "de").split("-")[0]
    labels = labels_for(language)
    return Report(
        title=data.name,
        subtitle=labels[subtitle_key],
        project=data.name,
        created=date.today(),
        language=language if language in ("de", "en") else "de",
        labels=labels,
        documents=[doc.name for doc in data.documents.values()],
        coders=sorted({data.coders[c] for c in data.coding_table[:, 3].tolist()}, key=str.casefold)
        if len(data.coding_table) else [],
        sections=[],
    )


def _basis(data: ProjectData, labels: dict[str, str]) -> Section:
    section = Section(labels["basis"], 1)
    section.blocks.append(Paragraph(labels["basis_text"].format(
        documents=len(data.documents), speakers=len(data.speakers), codes=len(data.codes),
        codings=len(data.coding_table),
    )))
    if not data.documents:
        section.blocks.append(Paragraph(labels["no_documents"]))
        return section
    turns, speakers = {}, {}
    for turn in data.turns:
        turns[turn.document_id] = turns.get(turn.document_id, 0) + 1
        if turn.speaker_id is not None:
            speakers.setdefault(turn.document_id, set()).add(turn.speaker_id)
    codings = {}
    for doc_id in data.coding_table[:, 1].tolist():
        codings[doc_id] = codings.get(doc_id, 0) + 1
    rows = [
        [doc.name, data.words.count_one(doc.offset, doc.offset + len(doc.text)), turns.get(doc.id, 0),
         len(speakers.get(doc.id, ())), codings.get(doc.id, 0)]
        for doc in data.documents.values()
    ]
    section.blocks.append(Table(labels["documents"], [labels["document"], labels["words"], labels["turns"],
                                labels["speakers"], labels["codings"]], rows, numeric={1, 2, 3, 4},
                                widths=[5.5, 2, 2, 2.9, 2.6]))
    return section


def _codebook(data: ProjectData, frequencies: list[CodeFrequency], labels: dict[str, str]) -> Section:
    section = Section(labels["codebook"], 1)
    if not data.codes:
        section.blocks.append(Paragraph(labels["no_codes"]))
        return section
    totals = {row.code: row.total_codings for row in frequencies}
    rows = [
        [code.name, code.definition, code.anchor_example, code.coding_rule, totals[code.path]]
        for code in data.codes.values()
    ]
    section.blocks.append(Table(
        labels["codebook"], [labels["code"], labels["definition"], labels["anchor"], labels["rule"],
                             labels["frequency"]],
        rows, numeric={4}, depths=[code.depth for code in data.codes.values()], widths=[4, 6.5, 5.5, 6.5, 2.3],
        landscape=True,
    ))
    section.blocks.append(Paragraph(labels["frequency_note"], note=True))
    return section


def _frequencies(
    data: ProjectData, frequencies: list[CodeFrequency], labels: dict[str, str], options: ReportOptions
) -> Section | None:
    if not data.codes:
        return None
    section = Section(labels["frequencies"], 1)
    rows = [[f.name, f.codings, f.total_codings, f.total_documents, f.total_speakers, f.total_words]
            for f in frequencies]
    section.blocks.append(Table(
        labels["frequencies"], [labels["code"], labels["own"], labels["with_subcodes"], labels["documents"],
                                labels["speakers"], labels["words"]],
        rows, numeric={1, 2, 3, 4, 5}, depths=[f.depth for f in frequencies], widths=[4.6, 2.6, 2.3, 2.5, 2.8, 1.9],
    ))
    section.blocks.append(Paragraph(labels["frequencies_note"], note=True))
    if options.charts and any(f.total_codings for f in frequencies):
        colors = {code.path: code.color for code in data.codes.values()}
        png, shown = charts.frequency_bars(
            [(f.code, f.total_codings, colors[f.code]) for f in frequencies], language=labels
        )
        caption = labels["chart_frequencies"]
        if shown < len(frequencies):
            caption += f" ({labels['chart_top'].format(count=shown, total=len(frequencies))})"
        section.blocks.append(Chart(png, caption))
    attribute = institution_attribute(data)
    if attribute is not None and len(data.coding_table):
        matrix = code_by_attribute(data, attribute).without_empty_rows()
        sub = _matrix_table(matrix, labels["by_attribute"].format(attribute=attribute), labels, labels["no_value"])
        section.blocks.append(Section(labels["by_attribute"].format(attribute=attribute), 2, blocks=[sub]))
    return section


def _speakers(data: ProjectData, labels: dict[str, str]) -> Section | None:
    if not data.speakers:
        return None
    section = Section(labels["speaker_overview"], 1)
    attribute = institution_attribute(data)
    shares = speaker_overview(data)
    several = len(data.documents) > 1
    columns = ([labels["document"]] if several else []) + [labels["speaker"]]
    columns += ([attribute] if attribute else []) + [labels["turns"], labels["words"], labels["share"], labels["codings"]]
    rows = []
    for share in shares:
        if share.document is None and not several:
            continue  # one document: its rows are the totals
        speaker_id = next(sid for sid, name in data.speakers.items() if name == share.speaker)
        row: list[object] = ([share.document or labels["all_documents"]] if several else []) + [share.speaker]
        if attribute:
            row.append(data.attribute_of(speaker_id, attribute) or "")
        row += [share.turns, share.words, share.share, share.codings]
        rows.append(row)
    first_figure = len(columns) - 4
    section.blocks.append(Table(
        labels["speaker_overview"], columns, rows, numeric=set(range(first_figure, len(columns))),
        percent={len(columns) - 2},
    ))
    return section


def _matrices(data: ProjectData, labels: dict[str, str], options: ReportOptions) -> list[Section]:
    if not len(data.coding_table) or not data.codes:
        return []
    sections = []
    if data.speakers:
        by_speaker = code_by_speaker(data).without_empty_rows()
        section = Section(labels["code_by_speaker"], 1)
        section.blocks.append(_matrix_table(by_speaker, labels["code_by_speaker"], labels, labels["no_speaker"]))
        section.blocks.append(Paragraph(labels["matrix_note"], note=True))
        if options.charts:
            section.blocks.append(Chart(charts.heat_map(by_speaker, labels), labels["heatmap"]))
        sections.append(section)
    if len(data.documents) > 1:
        by_document = _matrix_table(code_by_document(data).without_empty_rows(), labels["code_by_document"],
                                    labels, "")
        sections.append(Section(labels["code_by_document"], 1, blocks=[by_document]))
    return sections


def _matrix_table(matrix: Matrix, name: str, labels: dict[str, str], none_label: str) -> Table:
    columns = [labels["code"]] + [c if c is not None else none_label for c in matrix.columns] + ["Σ"]
    rows = [[path.rsplit("/", 1)[-1], *cells, sum(cells)] for path, cells in zip(matrix.rows, matrix.cells)]
    return Table(name, columns, rows, numeric=set(range(1, len(columns))), depths=matrix.depths,
                 small=len(columns) > 7, widths=[4.5] + [1.6] * (len(columns) - 1))


def _cooccurrence(data: ProjectData, labels: dict[str, str]) -> Section | None:
    if len(data.codes) < 2 or not len(data.coding_table):
        return None
    section = Section(labels["cooccurrence"], 1)
    found = code_cooccurrence(data)
    if not found.pairs:
        section.blocks.append(Paragraph(labels["no_pairs"]))
        return section
    rows = [[p.code_a, p.code_b, p.overlapping, p.same_turn] for p in found.pairs[:MOST_PAIRS]]
    section.blocks.append(Table(labels["cooccurrence"], [labels["code_a"], labels["code_b"], labels["overlapping"],
                                                         labels["same_turn"]], rows, numeric={2, 3},
                                widths=[5.5, 5.5, 2.5, 2.5]))
    section.blocks.append(Paragraph(labels["cooccurrence_note"], note=True))
    return section


def _priorities(data: ProjectData, labels: dict[str, str], options: ReportOptions) -> Section | None:
    """The measures as the dot vote ranked them (the measures parent, or the parents asked for)."""
    words = vote_labels(_language(data, options))
    parents = options.priority_parents
    if parents is None:
        parent = measures_parent(data)
        parents = (parent,) if parent is not None and data.children.get(
            next(c.id for c in data.codes.values() if c.path == parent)) else ()
    if not parents:
        return None
    section = Section(labels["priorities"], 1)
    for parent in parents:
        ranking = priority_ranking(data, parent)
        voted = [row for row in ranking if row.rank is not None]
        unvoted = [row for row in ranking if row.rank is None]
        by_vote = any(row.points is not None for row in ranking)
        with_institutions = any(row.institutions is not None for row in ranking)
        columns = [labels["rank"], words["measure"]]
        columns += [words["points"], words["share_of_points"]] if by_vote else []
        columns += [words["participants"]] + ([labels["institutions"]] if with_institutions else [])
        columns += [words["passages"]]
        rows = []
        for row in voted:
            cells: list[object] = [row.rank, row.name]
            cells += [row.points, row.share] if by_vote else []
            cells += [row.speakers] + ([row.institutions] if with_institutions else []) + [row.codings]
            rows.append(cells)
        sub = Section(labels["priorities_of"].format(parent=parent), 2)
        sub.blocks.append(Paragraph(words["priorities_by_vote" if by_vote else "priorities_by_support"], note=True))
        sub.blocks.append(Table(labels["priorities_of"].format(parent=parent), columns, rows,
                                numeric={0} | set(range(2, len(columns))), percent={3} if by_vote else set(),
                                # Wide enough for "Teilnehmende" and "Institutionen" unbroken in the header row.
                                widths=[1.3, 5.2] + ([1.7, 1.8] if by_vote else []) + [2.9] * (len(columns) - 2
                                                                                               - 2 * by_vote)))
        if unvoted:
            listed = "; ".join(f"{row.name} ({row.speakers} {words['participants']}, {row.codings} "
                               f"{words['passages']})" for row in unvoted)
            sub.blocks.append(Paragraph(f"{words['priorities_unvoted']} {listed}"))
        section.blocks.append(sub)
    return section


def _methods(data: ProjectData, labels: dict[str, str], options: ReportOptions) -> Section | None:
    return methods_section(data, labels, _language(data, options))


def _language(data: ProjectData, options: ReportOptions) -> str:
    language = (options.language or data.language or "de").split("-")[0]
    return language if language in ("de", "en") else "de"


def _quotes_section(
    data: ProjectData, frequencies: list[CodeFrequency], labels: dict[str, str], options: ReportOptions
) -> Section | None:
    if not data.codes:
        return None
    section = Section(labels["quotes"], 1, new_page=True)
    found = quotes(data, per_code=options.quotes_per_code, with_context=options.with_context)
    by_code: dict[str, list[Quote]] = {}
    for quote in found:
        by_code.setdefault(quote.code, []).append(quote)
    own = {f.code: f.codings for f in frequencies}
    # A top-level code is a sub-section (and in the table of contents); the codes below it one level lower.
    parent = section
    for code in data.codes.values():
        if code.depth == 0 or code.parent_id not in data.codes:
            parent = Section(code.name, 2)
            section.blocks.append(parent)
            target = parent
        else:
            target = Section(code.path.split("/", 1)[1].replace("/", " › "), 3)
            parent.blocks.append(target)
        if by_code.get(code.path) or not data.children.get(code.id):  # a parent's own quotes, if any
            _add_quotes(target, data, by_code.get(code.path, []), None, labels, options, total=own[code.path])
    return section


def _add_quotes(
    section: Section, data: ProjectData, found: list[Quote], limit: int | None, labels: dict[str, str],
    options: ReportOptions, total: int | None = None,
) -> None:
    total = len(found) if total is None else total
    if not total:
        section.blocks.append(Paragraph(labels["no_codings"]))
        return
    shown = found if limit is None else found[:limit]
    if len(shown) < total:
        section.blocks.append(Paragraph(labels["quotes_shown"].format(shown=len(shown), total=total), note=True))
    colors = {code.path: code.color for code in data.codes.values()}
    for quote in shown:
        section.blocks.append(QuoteBlock(
            text=quote.text.strip(),
            attribution=attribution(quote, labels),
            memo=quote.memo if options.memos else None,
            before=quote.before,
            after=quote.after,
            color=colors.get(quote.code, "#808080"),
        ))


def attribution(quote: Quote, labels: dict[str, str]) -> str:
    where = quote.time if quote.time is not None else f"{labels['paragraph']} {quote.paragraph}"
    parts = [quote.speaker or labels["no_speaker"], quote.document, where]
    line = ", ".join(parts)
    return f"{line} · {labels['coder']} {quote.coder}" if quote.coder else line
