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
from app.analysis.speaker_labels import speaker_labels, with_speaker_names
from app.analysis.speaker_overview import speaker_overview
from app.export import charts
from app.export.content import Chart, Paragraph, QuoteBlock, Report, Section, Table
from app.export.labels import enclosed, labels_for
from app.export.methods import methods_section
from app.export.vote_labels import vote_labels
from app.models import Project

MOST_PAIRS = 30  # co-occurring pairs listed in the report (the spreadsheet has all)
MOST_CHILD_CHARTS = 3  # charts of sub-codes: for the largest top-level codes (the table has every figure)


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
    # "partner": a report to hand out: no memos, no coders' names, speakers by ``speaker_label``;
    # "internal": everything, for the research team.
    audience: str = "internal"
    speaker_label: str = "name"  # how speakers are named (speaker_labels.SPEAKER_LABELS)
    # The table of contents' page numbers from LibreOffice's layout (when installed; it takes some seconds)
    page_numbers: bool = False

    def selection(self) -> Selection:
        return Selection(codes=self.codes, documents=self.documents, speakers=self.speakers, coders=self.coders)

    @property
    def partner(self) -> bool:
        return self.audience == "partner"

    @property
    def shows_memos(self) -> bool:
        return self.memos and not self.partner

    @property
    def shows_coders(self) -> bool:
        return not self.partner


AUDIENCES = ("partner", "internal")


def report_data(project: Project | ProjectData, options: ReportOptions) -> ProjectData:
    """The segments a report counts, its speakers named as ``options`` say."""
    data = as_data(project, options.selection())
    labels = labels_for(options.language or data.language)
    return with_speaker_names(data, speaker_labels(data, options.speaker_label, unknown=labels["person"]))


def build_report(project: Project | ProjectData, options: ReportOptions = ReportOptions()) -> Report:
    data = report_data(project, options)
    report = _report_frame(data, options, subtitle_key="report")
    labels = report.labels
    frequencies = code_tree_frequencies(data)
    report.sections = [
        _basis(data, labels),
        _methods(data, labels, options),
        _frequencies(data, frequencies, labels, options),
        _speakers(data, labels, options),
        *_matrices(data, labels, options),
        _cooccurrence(data, labels),
        _priorities(data, labels, options),
        _quotes_section(data, frequencies, labels, options),
        # Last, as an appendix: its landscape pages would otherwise break the results apart (and leave the page
        # before them nearly empty).
        _codebook(data, frequencies, labels),
    ]
    report.sections = [section for section in report.sections if section is not None]
    return report


def build_codebook(project: Project | ProjectData, options: ReportOptions = ReportOptions()) -> Report:
    data = report_data(project, options)
    report = _report_frame(data, options, subtitle_key="codebook")
    report.with_contents = False
    report.sections = [_codebook(data, code_tree_frequencies(data), report.labels)]
    return report


def build_code_quotes(
    project: Project | ProjectData, code: str, options: ReportOptions = ReportOptions()
) -> Report:
    """The quotes of one code (with its sub-codes), all of them unless ``quotes_per_code`` says otherwise."""
    data = report_data(project, options)
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
        if len(data.coding_table) and options.shows_coders else [],
        audience=options.audience,
        sections=[],
    )


def _basis(data: ProjectData, labels: dict[str, str]) -> Section:
    section = Section(labels["basis"], 1)
    section.blocks.append(Paragraph(labels["basis_text"].format(
        documents=len(data.documents), speakers=len(data.speakers), codes=len(data.codes),
        codings=len(data.coding_table),
    )))
    section.blocks.append(Paragraph(labels["segment_note"], note=True))
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
                                labels["speakers"], labels["segments_col"]], rows, numeric={1, 2, 3, 4}))
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
        rows, numeric={4}, depths=[code.depth for code in data.codes.values()], landscape=True,
    ))
    section.blocks.append(Paragraph(labels["frequency_note"], note=True))
    return section


def _frequencies(
    data: ProjectData, frequencies: list[CodeFrequency], labels: dict[str, str], options: ReportOptions
) -> Section | None:
    if not data.codes:
        return None
    section = Section(labels["frequencies"], 1)
    # Segments both ways; words, documents and speakers with the sub-codes (each code's own: the .xlsx).
    rows = [[f.name, f.codings, f.total_codings, f.total_words, f.total_documents, f.total_speakers]
            for f in frequencies]
    section.blocks.append(Table(
        labels["frequencies"], [labels["code"], labels["segments_own"], labels["segments_total"],
                                labels["words_total"], labels["documents_total"], labels["speakers_total"]],
        rows, numeric={1, 2, 3, 4, 5}, depths=[f.depth for f in frequencies],
    ))
    section.blocks.append(Paragraph(labels["frequencies_note"], note=True))
    if options.charts and any(f.total_codings for f in frequencies):
        section.blocks += _frequency_charts(data, frequencies, labels)
    attribute = institution_attribute(data)
    if attribute is not None and len(data.coding_table):
        matrix = code_by_attribute(data, attribute).without_empty_rows()
        title = labels["by_attribute"].format(attribute=attribute)
        sub = _matrix_table(matrix, title, labels, labels["no_value"], attribute[:1].upper())
        section.blocks.append(Section(title, 2, blocks=[sub, Paragraph(labels["matrix_note"], note=True)]))
    return section


def _frequency_charts(data: ProjectData, frequencies: list[CodeFrequency],
                      labels: dict[str, str]) -> list[Chart | Paragraph]:
    """Bars of the top-level codes, then of the sub-codes of the (at most ``MOST_CHILD_CHARTS``) largest top-level
    codes that have three or more with segments: each series holds siblings only (a parent's bar would hold its
    children's again), each bar a code with its sub-codes. A note says which are drawn when not all are."""
    by_id = {code_id: f for code_id, f in zip(data.codes, frequencies)}
    colors = {code.path: code.color for code in data.codes.values()}
    series = [(labels["chart_top_level"], data.children.get(None, []))]
    parents = [code_id for code_id in data.children.get(None, [])
               if sum(1 for c in data.children.get(code_id, []) if by_id[c].total_codings) >= 3]
    drawn = sorted(parents, key=lambda c: -by_id[c].total_codings)[:MOST_CHILD_CHARTS]
    for code_id in (c for c in parents if c in drawn):  # in the tree's order
        children = [c for c in data.children.get(code_id, []) if by_id[c].total_codings]
        series.append((labels["chart_children"].format(parent=data.codes[code_id].name), children))
    found: list[Chart | Paragraph] = []
    for title, members in series:
        bars = [(by_id[c].name, by_id[c].total_codings, colors[by_id[c].code]) for c in members]
        with_codings = sum(1 for _, count, _ in bars if count)
        if not with_codings:
            continue
        png, shown = charts.frequency_bars(bars, language=labels)
        caption = f"{labels['chart_frequencies']}: {title}"
        if shown < with_codings:
            caption += f" ({labels['chart_top'].format(count=shown, total=with_codings)})"
        found.append(Chart(png, caption, description=charts.bars_description(bars, shown, labels)))
    if len(drawn) < len(parents):
        found.append(Paragraph(labels["charts_children_shown"].format(
            count=len(drawn), total=len(parents), codes=", ".join(data.codes[c].name for c in parents if c in drawn)),
            note=True))
    return found


def _speakers(data: ProjectData, labels: dict[str, str], options: ReportOptions) -> Section | None:
    if not data.speakers:
        return None
    section = Section(labels["speaker_overview"], 1)
    attribute = institution_attribute(data)
    shares = speaker_overview(data)
    several = len(data.documents) > 1
    # Speakers named by role and institution carry the institution in their label already.
    attribute = None if options.speaker_label == "role_institution" else attribute
    columns = ([labels["document"]] if several else []) + [labels["speaker"]]
    columns += ([attribute] if attribute else []) + [labels["turns"], labels["words"], labels["share"],
                                                     labels["segments_col"]]
    ids = {name: sid for sid, name in data.speakers.items()}
    rows = []
    for share in shares:
        if share.document is None and not several:
            continue  # one document: its rows are the totals
        row: list[object] = ([share.document or labels["all_documents"]] if several else []) + [share.speaker]
        if attribute:
            row.append(data.attribute_of(ids[share.speaker], attribute) or "")
        row += [share.turns, share.words, share.share, share.codings]
        rows.append(row)
    first_figure = len(columns) - 4
    section.blocks.append(Table(
        labels["speaker_overview"], columns, rows, numeric=set(range(first_figure, len(columns))),
        percent={len(columns) - 2},
    ))
    section.blocks.append(Paragraph(labels["speaker_note"], note=True))
    return section


def _matrices(data: ProjectData, labels: dict[str, str], options: ReportOptions) -> list[Section]:
    if not len(data.coding_table) or not data.codes:
        return []
    sections = []
    if data.speakers:
        by_speaker = code_by_speaker(data).without_empty_rows()
        section = Section(labels["code_by_speaker"], 1)
        section.blocks.append(_matrix_table(by_speaker, labels["code_by_speaker"], labels, labels["no_speaker"],
                                            labels["key_speaker"]))
        section.blocks.append(Paragraph(labels["matrix_note"], note=True))
        if options.charts:
            # Long names (role and institution) as the table's short keys: turned and cut, they could not be read.
            keyed = any(len(c or labels["no_speaker"]) > 24 for c in by_speaker.columns)
            keys = [f"{labels['key_speaker']}{n}" for n in range(1, len(by_speaker.columns) + 1)] if keyed else None
            parts = charts.heat_maps(by_speaker, labels, keys)
            for number, (png, description) in enumerate(parts, start=1):
                caption = labels["heatmap"]
                if len(parts) > 1:
                    caption += f" ({labels['part_of'].format(part=number, parts=len(parts))})"
                if keys:
                    caption += f"; {labels['heatmap_keys'].format(last=keys[-1])}"
                section.blocks.append(Chart(png, caption, description=description))
        sections.append(section)
    if len(data.documents) > 1:
        by_document = _matrix_table(code_by_document(data).without_empty_rows(), labels["code_by_document"],
                                    labels, "", labels["key_document"])
        sections.append(Section(labels["code_by_document"], 1, blocks=[
            by_document, Paragraph(labels["matrix_note"], note=True)]))
    return sections


def _matrix_table(matrix: Matrix, name: str, labels: dict[str, str], none_label: str, key: str) -> Table:
    """Codes (the tree, parents kept) × columns: each code's own segments, then their sum and the sum with its
    sub-codes. ``key``: the letter of the short headers (S1, S2 ...) used when the names do not fit."""
    columns = [labels["code"]] + [c if c is not None else none_label for c in matrix.columns]
    columns += [labels["sum_own"], labels["sum_total"]]
    keys = [labels["code"]] + [f"{key}{n}" for n in range(1, len(matrix.columns) + 1)] + [labels["sum_own"], "Σ+"]
    rows = [[path.rsplit("/", 1)[-1], *cells, sum(cells), total]
            for path, cells, total in zip(matrix.rows, matrix.cells, matrix.subtree_totals())]
    return Table(name, columns, rows, numeric=set(range(1, len(columns))), depths=matrix.depths,
                 small=len(columns) > 10, keys=keys)


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
            attribution=attribution(quote, labels, with_coders=options.shows_coders),
            memo=quote.memo if options.shows_memos else None,
            before=quote.before,
            after=quote.after,
            color=colors.get(quote.code, "#808080"),
        ))


def attribution(quote: Quote, labels: dict[str, str], *, with_coders: bool = True) -> str:
    """Who said it, where, and (``with_coders``: the internal report) who coded it."""
    where = quote.time if quote.time is not None else f"{labels['paragraph']} {quote.paragraph}"
    parts = [quote.speaker or labels["no_speaker"], quote.document, where]
    line = ", ".join(parts)
    return f"{line} · {labels['coder']} {quote.coder}" if quote.coder and with_coders else line
