"""The analyses, checked against figures counted by hand (a small small_workshop) and against plain Python over a
seeded random study: every figure is recounted here from what the test itself put into the project."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.analysis.cooccurrence import code_cooccurrence
from app.analysis.dataset import Selection, load
from app.analysis.frequencies import code_frequencies, code_tree_frequencies
from app.analysis.matrices import code_by_attribute, code_by_document, code_by_speaker
from app.analysis.priorities import priority_ranking
from app.analysis.quotes import coded_segments, quotes
from app.analysis.speaker_overview import speaker_overview
from app.analysis.word_index import WordCounter, separator_positions, word_positions
from app.analysis.words import count_words
from app.services import ServiceError

# The study fixtures (new_project, small_workshop, random_study) come from tests/fixtures/study.py.


# --- by hand ------------------------------------------------------------------------------------------------


def test_tree_frequencies_by_hand(small_workshop):
    project, _ = small_workshop
    rows = {row.code: row for row in code_tree_frequencies(project)}
    assert list(rows) == ["Sprache", "Sprache/Kurse", "Anerkennung", "Maßnahmen", "Maßnahmen/Mentoring",
                          "Maßnahmen/Kurse", "Leer"]
    assert (rows["Sprache"].codings, rows["Sprache"].words) == (1, 1)
    assert (rows["Sprache"].total_codings, rows["Sprache"].total_words, rows["Sprache"].total_speakers) == (2, 8, 1)
    assert (rows["Maßnahmen"].codings, rows["Maßnahmen"].total_codings, rows["Maßnahmen"].total_speakers) == (0, 2, 2)
    # "das A und O.\nYilmaz: Ohne": 4 + 2 words; it touches Anna's and Yilmaz's turns
    assert (rows["Maßnahmen/Kurse"].words, rows["Maßnahmen/Kurse"].speakers) == (6, 2)
    assert (rows["Leer"].codings, rows["Leer"].total_codings, rows["Leer"].documents) == (0, 0, 0)


def test_breakdowns_by_hand(small_workshop):
    project, _ = small_workshop
    by_speaker = {(r.code, r.group): (r.codings, r.words) for r in code_frequencies(project, by="speaker")}
    # the label "Yilmaz: " lies outside both turns: Anna's part has 4 words, Yilmaz's 1
    assert by_speaker[("Maßnahmen/Kurse", "Anna")] == (1, 4)
    assert by_speaker[("Maßnahmen/Kurse", "Yilmaz")] == (1, 1)
    by_institution = {(r.code, r.group): r.codings for r in code_frequencies(project, by="attribute",
                                                                             attribute="Institution")}
    assert by_institution == {("Sprache", "IHK"): 1, ("Sprache/Kurse", "IHK"): 1, ("Anerkennung", "Jobcenter"): 1,
                              ("Maßnahmen/Mentoring", "IHK"): 1, ("Maßnahmen/Kurse", "IHK"): 1,
                              ("Maßnahmen/Kurse", "Jobcenter"): 1}
    matrix = code_by_speaker(project)
    assert matrix.columns == ["Moderatorin", "Anna", "Yilmaz"]
    assert matrix.cells[matrix.rows.index("Maßnahmen/Kurse")] == [0, 1, 1]
    # "Maßnahmen" has no codings of its own: it stays, as the parent its sub-codes are shown under; "Leer" goes.
    shown = matrix.without_empty_rows()
    assert shown.rows == ["Sprache", "Sprache/Kurse", "Anerkennung", "Maßnahmen", "Maßnahmen/Mentoring",
                          "Maßnahmen/Kurse"]
    assert shown.row_totals()[3] == 0 and shown.subtree_totals()[3] == 1 + 2
    assert shown.subtree_totals()[0] == shown.row_totals()[0] + shown.row_totals()[1]
    assert code_by_document(project).cells[0] == [1]
    assert code_by_attribute(project, "Institution").columns == ["IHK", "Jobcenter", "Uni"]


def test_cooccurrence_by_hand(small_workshop):
    project, _ = small_workshop
    found = code_cooccurrence(project)
    pairs = {(p.code_a, p.code_b): (p.overlapping, p.same_turn) for p in found.pairs}
    assert pairs == {
        ("Sprache", "Sprache/Kurse"): (1, 1),
        ("Sprache", "Maßnahmen/Kurse"): (0, 1),  # "Sprachkurs" ends before "das A und O."
        ("Sprache/Kurse", "Maßnahmen/Kurse"): (1, 1),
        ("Anerkennung", "Maßnahmen/Kurse"): (1, 1),
    }
    i, j = found.codes.index("Sprache"), found.codes.index("Sprache/Kurse")
    assert found.overlapping[i][j] == found.overlapping[j][i] == 1 and found.overlapping[i][i] == 0


def test_priority_ranking_by_hand(small_workshop):
    project, _ = small_workshop
    ranking = priority_ranking(project, "Maßnahmen")
    assert [(r.rank, r.name, r.points, r.speakers, r.institutions, r.codings, r.proposed_by) for r in ranking] == [
        (1, "Kurse", None, 2, 2, 1, "Anna"),  # no vote: by support alone
        (2, "Mentoring", None, 1, 1, 1, "Anna"),
    ]
    assert priority_ranking(project) == ranking  # "Maßnahmen" is found by its name
    with pytest.raises(ServiceError):
        priority_ranking(project, "Gibt es nicht")


def test_speaker_overview_by_hand(small_workshop):
    project, parsed = small_workshop
    rows = {(r.document, r.speaker): r for r in speaker_overview(project)}
    total = sum(count_words(parsed.turn_text(t)) for t in parsed.turns)
    anna = rows[("Workshop", "Anna")]
    assert (anna.turns, anna.words, anna.codings) == (2, 7 + 3, 4)
    assert anna.share == pytest.approx(10 / total)
    assert rows[(None, "Yilmaz")].codings == 2


def test_quotes_by_hand(small_workshop):
    project, parsed = small_workshop
    found = quotes(project, "Maßnahmen", with_subcodes=True, with_context=True)
    assert [q.code for q in found] == ["Maßnahmen/Mentoring", "Maßnahmen/Kurse"]
    mentoring = found[0]
    assert (mentoring.speaker, mentoring.text, mentoring.weight, mentoring.paragraph) == (
        "Anna", "Die brauchen Begleitung.", 50, 5)
    assert mentoring.time == "0:00:51"  # the fourth turn: 3 × 17 s
    assert found[1].speaker == "Anna, Yilmaz" and found[1].before == "Der Sprachkurs ist "
    assert quotes(project, "Sprache", with_context=True)[0].after == " ist das A und O."
    assert [q.code for q in quotes(project, per_code=1)] == [
        "Sprache", "Sprache/Kurse", "Anerkennung", "Maßnahmen/Mentoring", "Maßnahmen/Kurse"]


def test_selection_narrows_codes_documents_and_speakers(small_workshop):
    project, _ = small_workshop
    data = load(project, Selection(codes=("Maßnahmen",), speakers=("Yilmaz",)))
    assert [c.path for c in data.codes.values()] == ["Maßnahmen", "Maßnahmen/Mentoring", "Maßnahmen/Kurse"]
    assert list(data.speakers.values()) == ["Yilmaz"]
    assert [(r.code, r.group, r.codings) for r in code_frequencies(data, by="speaker")] == [
        ("Maßnahmen/Kurse", "Yilmaz", 1)]
    for wrong in (Selection(codes=("Nope",)), Selection(documents=("Nope",)), Selection(speakers=("Nope",))):
        with pytest.raises(ServiceError):
            load(project, wrong)


def test_empty_project(new_project):
    project = new_project()
    assert code_tree_frequencies(project) == []
    assert code_frequencies(project, by="speaker") == []
    assert code_cooccurrence(project).pairs == []
    assert speaker_overview(project) == [] and coded_segments(project) == []
    assert code_by_speaker(project).cells == []


# --- against plain Python on a random study -----------------------------------------------------------------


def _touched(model, name, start, end):
    return [t for t in model.turns[name] if t.start < end and t.end > start]


def test_random_study_frequencies_match_plain_python(random_study):
    project, model = random_study
    data = load(project)
    own, words, docs, speakers = Counter(), Counter(), defaultdict(set), defaultdict(set)
    by_speaker, by_document = Counter(), Counter()
    for name, code, start, end, _ in model.codings:
        text = model.texts[name]
        own[code] += 1
        words[code] += count_words(text[start:end])
        docs[code].add(name)
        by_document[(code, name)] += 1
        touched = _touched(model, name, start, end)
        speakers[code].update(t.speaker for t in touched)
        parts = defaultdict(int)
        for turn in touched:
            parts[turn.speaker] += count_words(text[max(start, turn.start):min(end, turn.end)])
        for speaker, count in (parts.items() if touched else [(None, count_words(text[start:end]))]):
            by_speaker[(code, speaker, "codings")] += 1
            by_speaker[(code, speaker, "words")] += count
    for row in code_tree_frequencies(data):
        subtree = [c for c in model.codes if c == row.code or c.startswith(row.code + "/")]
        assert (row.codings, row.words, row.documents, row.speakers) == (
            own[row.code], words[row.code], len(docs[row.code]), len(speakers[row.code]))
        assert row.total_codings == sum(own[c] for c in subtree)
        assert row.total_words == sum(words[c] for c in subtree)
        assert row.total_speakers == len(set().union(*(speakers[c] for c in subtree)))
    for row in code_frequencies(data, by="speaker"):
        assert (row.codings, row.words) == (by_speaker[(row.code, row.group, "codings")],
                                            by_speaker[(row.code, row.group, "words")])
    assert sum(r.codings for r in code_frequencies(data, by="speaker")) == sum(
        v for k, v in by_speaker.items() if k[2] == "codings")
    assert {(r.code, r.group): r.codings for r in code_frequencies(data, by="document")} == dict(by_document)


def test_random_study_matrices_cooccurrence_priorities_match_plain_python(random_study):
    project, model = random_study
    data = load(project)
    speaker_cells, overlapping, same_turn = Counter(), Counter(), Counter()
    codes_in_turn = defaultdict(set)
    for name, code, start, end, _ in model.codings:
        for speaker in {t.speaker for t in _touched(model, name, start, end)} or {None}:
            speaker_cells[(code, speaker)] += 1
        for turn in _touched(model, name, start, end):
            codes_in_turn[(name, turn.start)].add(code)
    for a, b in combinations(model.codings, 2):
        if a[0] == b[0] and a[1] != b[1] and a[2] < b[3] and b[2] < a[3]:
            overlapping[frozenset((a[1], b[1]))] += 1
    for present in codes_in_turn.values():
        for pair in combinations(sorted(present), 2):
            same_turn[frozenset(pair)] += 1
    matrix = code_by_speaker(data)
    for code, cells in zip(matrix.rows, matrix.cells):
        assert cells == [speaker_cells[(code, speaker)] for speaker in matrix.columns]
    found = code_cooccurrence(data)
    for i, a in enumerate(found.codes):
        for j, b in enumerate(found.codes):
            expected = (0, 0) if a == b else (overlapping[frozenset((a, b))], same_turn[frozenset((a, b))])
            assert (found.overlapping[i][j], found.same_turn[i][j]) == expected
    for row in priority_ranking(data, "Maßnahmen"):
        mine = [c for c in model.codings if c[1] == row.code]
        who = {t.speaker for c in mine for t in _touched(model, c[0], c[2], c[3])}
        assert row.codings == len({c[:4] for c in mine}) and row.speakers == len(who)  # passages, not codings
        assert row.institutions == len({model.institution[s] for s in who if s in model.institution})
    segments = coded_segments(data)
    assert len(segments) == len(model.codings)
    assert sorted((s.document, s.code, s.start, s.end, s.weight) for s in segments) == sorted(model.codings)
    assert all(s.text == model.texts[s.document][s.start:s.end] for s in segments)


def test_random_study_speaker_overview_matches_plain_python(random_study):
    project, model = random_study
    talk = Counter()
    for name, turns in model.turns.items():
        for turn in turns:
            talk[(name, turn.speaker)] += count_words(model.texts[name][turn.start:turn.end])
    for row in speaker_overview(project):
        if row.document is not None:
            assert row.words == talk[(row.document, row.speaker)]
            total = sum(v for (doc, _), v in talk.items() if doc == row.document)
            assert row.share == pytest.approx(row.words / total)
            assert row.turns == sum(1 for t in model.turns[row.document] if t.speaker == row.speaker)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab ÄÖ-'’.\n1ü")), max_size=60),
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8),
)
def test_word_counter_counts_like_count_words(text, spans):
    starts, ends = word_positions(str(hash(text)), text)
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans]
    # By the text of each cut word's part, and by the kept separator positions (no text looked at).
    for counter in (WordCounter(lambda a, b: text[a:b], starts, ends),
                    WordCounter(None, starts, ends, separators=separator_positions(str(hash(text)), text))):
        counted = counter.count([a for a, _ in spans], [b for _, b in spans]).tolist() if spans else []
        assert counted == [count_words(text[a:b]) for a, b in spans]


def test_a_selection_of_coders_counts_only_their_codings(random_study):
    project, model = random_study
    everyone = {row.code: row.codings for row in code_frequencies(project)}
    lena = {row.code: row.codings for row in code_frequencies(load(project, Selection(coders=("Lena",))))}
    murat = {row.code: row.codings for row in code_frequencies(load(project, Selection(coders=("Murat",))))}
    assert sum(lena.values()) + sum(murat.values()) == sum(everyone.values()) == len(model.codings)
    assert 0 < sum(lena.values()) < len(model.codings)
    with pytest.raises(ServiceError):
        load(project, Selection(coders=("Niemand",)))
