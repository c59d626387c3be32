"""Intercoder agreement between two coders on the documents both of them coded.

Two levels of unit:

- **segment**: the passages either coder coded. A coding of one coder and a coding of the other form one unit
  when they overlap by at least ``min_overlap`` (overlap over union, MAXQDA's rule), whatever codes they carry;
  identical spans of one coder are one unit. For every code, each unit is a yes/no for each coder.
- **character**: every character is a unit. With ``include_uncoded=False`` (the default) only characters that at
  least one of the two coded count: uncoded text would otherwise inflate agreement (QualCoder's kappa is
  criticised for exactly that). With ``include_uncoded=True`` the whole text counts.

Per code and overall (the per-code tables added up) the report gives percentage agreement, Cohen's kappa and
Krippendorff's alpha, and lists every disagreement with both coders' passages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from app.analysis.agreement_stats import AgreementTable, intersection, merged, overlap_share
from app.analysis.dataset import ProjectData
from app.models import Coder, Coding, Document, Project
from app.services.changes import ServiceError
from app.services.lookup import code_paths

LEVELS = ("segment", "character")


@dataclass(frozen=True, slots=True)
class CodeAgreement:
    code: str
    table: AgreementTable


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One passage where the coders differ on one code; a side's text is empty where that coder did not code it."""

    document: str
    code: str
    start: int
    end: int
    text_a: str
    text_b: str


@dataclass(slots=True)
class AgreementReport:
    coders: tuple[str, str]
    level: str
    min_overlap: float
    include_uncoded: bool
    documents: list[str] = field(default_factory=list)
    codes: list[CodeAgreement] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def overall(self) -> AgreementTable:
        total = AgreementTable()
        for code in self.codes:
            total = total + code.table
        return total

    def as_json(self) -> dict:
        """The shape DESIGN.md gives for ``agreement --json``."""
        overall = self.overall
        return {
            "coders": list(self.coders),
            "overall": {"percent": _round(overall.percent, 2), "kappa": _round(overall.kappa, 4),
                        "alpha": _round(overall.alpha, 4)},
            "codes": [{"code": c.code, "percent": _round(c.table.percent, 2), "kappa": _round(c.table.kappa, 4)}
                      for c in self.codes],
        }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits) + 0.0  # + 0.0: no "-0.0"


def intercoder_agreement(
    project: Project,
    coder_a: str,
    coder_b: str,
    *,
    level: str = "segment",
    min_overlap: float = 0.5,
    include_uncoded: bool = False,
) -> AgreementReport:
    if level not in LEVELS:
        raise ServiceError(f"The level of agreement is 'segment' or 'character', not '{level}'.")
    if not 0 < min_overlap <= 1:
        raise ServiceError("The overlap share for matching codings lies between 0 (exclusive) and 1.")
    if coder_a == coder_b:
        raise ServiceError("Agreement needs two different coders.")
    report = AgreementReport((coder_a, coder_b), level, min_overlap, include_uncoded)
    with project.reading() as session:
        ids = []
        for name in (coder_a, coder_b):
            coder_id = session.scalar(select(Coder.id).where(Coder.name == name))
            if coder_id is None:
                raise ServiceError(f"There is no coder '{name}'.")
            ids.append(coder_id)
        paths = code_paths(session)
        rows = session.execute(
            select(Coding.document_id, Coding.coder_id, Coding.code_id, Coding.start, Coding.end)
            .where(Coding.coder_id.in_(ids))
        ).all()
        by_document: dict[int, list[tuple[int, str, int, int]]] = defaultdict(list)
        for document_id, coder_id, code_id, start, end in rows:
            by_document[document_id].append((0 if coder_id == ids[0] else 1, paths[code_id], start, end))
        shared = [d for d, codings in by_document.items() if {side for side, *_ in codings} == {0, 1}]
        documents = session.execute(
            select(Document.id, Document.name, Document.text).where(Document.id.in_(shared))
            .order_by(Document.position, Document.id)
        ).all()
    return _compared(report, by_document, [tuple(row) for row in documents])


def agreement_of_data(data: ProjectData, coder_a: str, coder_b: str, *, min_overlap: float = 0.5) -> AgreementReport:
    """``intercoder_agreement`` at the segment level over data already loaded (a report's selection)."""
    data = data.per_coding()  # each coder's own codings, also where both coded one passage (one segment)
    report = AgreementReport((coder_a, coder_b), "segment", min_overlap, False)
    sides = {coder_id: (0 if name == coder_a else 1) for coder_id, name in data.coders.items()
             if name in (coder_a, coder_b)}
    by_document: dict[int, list[tuple[int, str, int, int]]] = defaultdict(list)
    for _id, document_id, code_id, coder_id, start, end, _weight in data.codings:
        if coder_id in sides:
            by_document[document_id].append((sides[coder_id], data.codes[code_id].path, start, end))
    documents = [(doc.id, doc.name, doc.text) for doc in data.documents.values()
                 if {side for side, *_ in by_document.get(doc.id, ())} == {0, 1}]
    return _compared(report, by_document, documents)


def _compared(report: AgreementReport, by_document: dict[int, list[tuple[int, str, int, int]]],
              documents: list[tuple[int, str, str]]) -> AgreementReport:
    """The report filled in from both coders' codings (side 0 or 1, code path, start, end) by document, over
    ``documents`` (id, name, text: those both coded, in their order)."""
    tables: dict[str, AgreementTable] = defaultdict(AgreementTable)
    codes = sorted({code for d, _, _ in documents for _side, code, *_ in by_document[d]})
    for document_id, name, text in documents:
        report.documents.append(name)
        compare = _by_segment if report.level == "segment" else _by_character
        for code, table in compare(report, name, text, by_document[document_id], codes).items():
            tables[code] = tables[code] + table
    report.codes = [CodeAgreement(code, tables[code]) for code in codes]
    return report


def _by_character(report: AgreementReport, name: str, text: str, codings, codes: list[str]) -> dict:  # noqa: ANN001
    spans: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for side, code, start, end in codings:
        spans[side, code].append((start, end))
    anything = merged([(start, end) for _side, _code, start, end in codings])
    universe = len(text) if report.include_uncoded else sum(end - start for start, end in anything)
    tables = {}
    for code in codes:
        a, b = merged(spans[0, code]), merged(spans[1, code])
        both = sum(end - start for start, end in intersection(a, b))
        a_len, b_len = sum(e - s for s, e in a), sum(e - s for s, e in b)
        either = a_len + b_len - both
        tables[code] = AgreementTable(both, a_len - both, b_len - both, universe - either)
        for start, end in merged(a + b):  # each passage either coded with this code, where they differ
            part_a, part_b = intersection(a, [(start, end)]), intersection(b, [(start, end)])
            if part_a != part_b:
                report.disagreements.append(Disagreement(name, code, start, end, _passages(text, part_a),
                                                         _passages(text, part_b)))
    return tables


def _by_segment(report: AgreementReport, name: str, text: str, codings, codes: list[str]) -> dict:  # noqa: ANN001
    codings = sorted(codings, key=lambda c: (c[2], c[3]))
    parent = list(range(len(codings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (side_i, _code_i, start_i, end_i) in enumerate(codings):
        for j in range(i + 1, len(codings)):
            side_j, _code_j, start_j, end_j = codings[j]
            if start_j >= end_i:
                break  # sorted by start: no later coding overlaps this one
            same_span = (start_i, end_i) == (start_j, end_j)
            share = overlap_share((start_i, end_i), (start_j, end_j))
            if same_span or (side_i != side_j and share >= report.min_overlap):
                parent[root(j)] = root(i)
    units: dict[int, list[int]] = defaultdict(list)
    for i in range(len(codings)):
        units[root(i)].append(i)
    tables = {code: AgreementTable() for code in codes}
    for members in units.values():
        for code in codes:
            a = [(codings[i][2], codings[i][3]) for i in members if codings[i][0] == 0 and codings[i][1] == code]
            b = [(codings[i][2], codings[i][3]) for i in members if codings[i][0] == 1 and codings[i][1] == code]
            cell = AgreementTable(int(bool(a and b)), int(bool(a and not b)), int(bool(b and not a)),
                                  int(not a and not b))
            tables[code] = tables[code] + cell
            if bool(a) != bool(b):
                spans = [(codings[i][2], codings[i][3]) for i in members]
                report.disagreements.append(Disagreement(
                    name, code, min(s for s, _ in spans), max(e for _, e in spans),
                    _passages(text, merged(a)), _passages(text, merged(b)),
                ))
    return tables


def _passages(text: str, spans: list[tuple[int, int]]) -> str:
    return " […] ".join(text[start:end] for start, end in spans)
