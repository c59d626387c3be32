"""The report's methods section, written from the project's own data: the workshop (date, place, duration,
phases) as the study's description says, the participants by institution (participants only), the transcription
rules, the coding procedure with the figures of the category system, the intercoder agreement when two coders
coded, and the rules and total of the dot vote."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import combinations

from app.analysis.agreement import agreement_of_data
from app.analysis.dataset import CODE, CODER, DOCUMENT, END, START, ProjectData
from app.analysis.priorities import institution_attribute, measures_parent, participant_flags, priority_ranking
from app.export.content import Paragraph, Section, Table
from app.export.vote_labels import vote_labels

_MONTHS = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def long_date(day: date, language: str) -> str:
    if language == "de":
        return f"{day.day}. {_MONTHS['de'][day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS['en'][day.month - 1]} {day.year}"


def _number(value: float | None, language: str, digits: int = 2) -> str:
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "de" else text


def methods_section(data: ProjectData, labels: dict[str, str], language: str) -> Section | None:
    """None for a project with nothing to say about yet: no description of the study, no documents."""
    words = vote_labels(language)
    study = data.votes.study
    if study.is_empty() and not data.documents:
        return None
    section = Section(words["methods"], 1)
    facts = []
    if study.title:
        facts.append(study.title)
    if study.date is not None:
        facts.append(f"{words['date']}: {long_date(study.date, language)}")
    if study.place:
        facts.append(f"{words['place']}: {study.place}")
    if study.duration_minutes is not None:
        facts.append(f"{words['duration']}: {words['minutes'].format(minutes=study.duration_minutes)}")
    workshop = Section(words["study"], 2)
    workshop.blocks += [Paragraph(fact) for fact in facts]
    if study.phases:
        workshop.blocks.append(Paragraph(f"{words['phases']}:"))
        workshop.blocks += [Paragraph(f"{n}. {phase}") for n, phase in enumerate(study.phases, start=1)]
    if study.is_empty():
        workshop.blocks.append(Paragraph(words["no_study"], note=True))
    section.blocks.append(workshop)
    section.blocks.append(_participants(data, words))
    if study.transcription_rules:
        section.blocks.append(Section(words["transcription"], 2, blocks=[Paragraph(study.transcription_rules)]))
    section.blocks.append(_coding(data, words, language))
    vote = _vote(data, words)
    if vote is not None:
        section.blocks.append(vote)
    return section


def _participants(data: ProjectData, words: dict[str, str]) -> Section:
    sub = Section(words["participants_by_institution"], 2)
    flags = participant_flags(data)
    attribute = institution_attribute(data)
    participants = [sid for sid, flag in zip(data.speaker_ids, flags.tolist()) if flag]
    others = len(data.speaker_ids) - len(participants)
    text = words["participants_total"] if others else words["participants_only"]
    sub.blocks.append(Paragraph(text.format(participants=len(participants), others=others)))
    if attribute is not None and participants:
        counts = Counter(data.attribute_of(sid, attribute) or words["without_institution"] for sid in participants)
        rows = [[name, count] for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
        sub.blocks.append(Table(words["participants_by_institution"], [words["institution"], words["participants"]],
                                rows, numeric={1}, widths=[11, 3]))
    return sub


def _coding(data: ProjectData, words: dict[str, str], language: str) -> Section:
    sub = Section(words["coding_procedure"], 2)
    study = data.votes.study
    if study.coding_procedure:
        sub.blocks.append(Paragraph(study.coding_procedure))
    data = data.per_coding()  # the report counts segments; the codings and their coders are counted here
    table = data.coding_table
    passages = len({tuple(row) for row in table[:, [DOCUMENT, CODE, START, END]].tolist()}) if len(table) else 0
    coders = sorted({int(c) for c in table[:, CODER].tolist()}) if len(table) else []
    sub.blocks.append(Paragraph(words["coding_facts"].format(
        codes=len(data.codes), top=len(data.children.get(None, [])), passages=passages, codings=len(table),
        coders=len(coders),
    )))
    if len(coders) >= 2:
        sub.blocks.append(_agreement(data, [data.coders[c] for c in coders], words, language))
    return sub


def _agreement(data: ProjectData, coders: list[str], words: dict[str, str], language: str) -> Section:
    """Coder names stay out: the report may go to partners; the agreement report names them."""
    sub = Section(words["agreement"], 3)
    reports = [agreement_of_data(data, a, b) for a, b in combinations(coders, 2)]
    reports = [report for report in reports if report.documents]
    if len(reports) == 1:
        overall = reports[0].overall
        sub.blocks.append(Paragraph(words["agreement_text"].format(
            documents=len(reports[0].documents), percent=_number(overall.percent, language, 1),
            kappa=_number(overall.kappa, language), alpha=_number(overall.alpha, language),
        )))
        both, passages = _coded_by_both(data, *reports[0].coders)
        sub.blocks.append(Paragraph(words["agreement_scope"].format(both=both, passages=passages), note=True))
    elif reports:
        shares = [r.overall.percent for r in reports if r.overall.percent is not None]
        mean = sum(shares) / len(shares) if shares else None
        sub.blocks.append(Paragraph(words["agreement_pairs"].format(pairs=len(reports),
                                                                    percent=_number(mean, language, 1))))
    return sub


def _coded_by_both(data: ProjectData, coder_a: str, coder_b: str) -> tuple[int, int]:
    """How many of the passages (document, code, span) the two coders coded both of them coded."""
    ids = {name: coder_id for coder_id, name in data.coders.items()}
    by_coder: dict[int, set[tuple]] = {ids[coder_a]: set(), ids[coder_b]: set()}
    for row in data.coding_table[:, [CODER, DOCUMENT, CODE, START, END]].tolist():
        if row[0] in by_coder:
            by_coder[row[0]].add(tuple(row[1:]))
    first, second = by_coder.values()
    return len(first & second), len(first | second)


def _vote(data: ProjectData, words: dict[str, str]) -> Section | None:
    study = data.votes.study
    parent = measures_parent(data)
    ranking = priority_ranking(data, parent) if parent is not None else []
    voted = [row for row in ranking if row.points is not None]
    if study.points_per_person is None and not voted:
        return None
    sub = Section(words["vote_rules"], 2)
    recorded = sum(row.points for row in voted)
    if study.points_per_person is not None:
        text = words["vote_rules_text"].format(per_person=study.points_per_person)
        if study.max_points_per_measure is not None:
            text += words["vote_max"].format(max=study.max_points_per_measure)
        if study.voters is not None:
            text += words["vote_voters"].format(voters=study.voters, total=study.total_points)
        sub.blocks.append(Paragraph(text + "."))
    if voted:
        sub.blocks.append(Paragraph(words["vote_recorded"].format(recorded=recorded, measures=len(voted))))
    if study.total_points is not None and voted and study.total_points != recorded:
        sub.blocks.append(Paragraph(words["vote_differs"].format(total=study.total_points, recorded=recorded),
                                    note=True))
    return sub
