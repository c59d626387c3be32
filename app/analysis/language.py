"""Which spaCy pipeline reads a document, and what language a document is in.

A trained pipeline (``de_core_news_sm``, ``en_core_web_sm``, or a larger one) is used when it is installed;
otherwise a blank pipeline with a sentencizer and the lemma lookup table from ``spacy-lookups-data``, so nothing is
ever downloaded. Pipelines are loaded once per process.

The lookup tables know inflected words, not German compounds: ``Kurse`` -> ``Kurs``, but ``Sprachkursen`` comes back
unchanged. ``Lemmatiser`` lemmatises such a compound by its longest known last part and puts the head back on
(``Sprach`` + ``Kursen`` -> ``Sprachkurs``). A word whose base form is not in the table (``Sprachkurs`` itself) is
left as it is, which is the same lemma, so every inflection meets. The head is never dropped, so
``Anerkennungsverfahren`` stays a word of its own and is no hit for ``Anerkennung``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.language import Language
from spacy.lookups import load_lookups

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
TRAINED = {"de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
           "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm")}

# A compound's last part and head are at least this long: shorter tails ("Ren", "Ung") match by accident.
MIN_TAIL = 4
MIN_HEAD = 3
_REGULAR_PLURALS = (("innen", "in"), ("ungen", "ung"), ("heiten", "heit"), ("keiten", "keit"),
                    ("schaften", "schaft"), ("nissen", "nis"), ("nisse", "nis"), ("tionen", "tion"),
                    ("täten", "tät"))


@dataclass
class Lemmatiser:
    """Lemmas from the lookup table, with German compounds and hyphenated words handled (see module doc)."""

    language: str
    table: Mapping[str, str]
    _known: dict[tuple[str, str], str] = field(default_factory=dict)

    def lemma(self, word: str, found: str | None = None) -> str:
        """The lemma of ``word``; ``found`` is what the pipeline already said (kept when it changed the word)."""
        cache_key = (word, found or word)
        known = self._known.get(cache_key)
        if known is None:
            known = self._known[cache_key] = self._lemma(word, found)
        return known

    def _lemma(self, word: str, found: str | None) -> str:
        if found and found != word:
            return found
        looked_up = self._look_up(word)
        if looked_up is not None:
            return looked_up
        head, hyphen, last = word.rpartition("-")
        if hyphen and head and last:  # "Sprachkurs-Teilnehmenden": the last part carries the inflection
            return f"{head}-{self.lemma(last)}"
        if self.language == "de":
            return self._regular_plural(word) or self._compound(word) or word
        return word

    @staticmethod
    def _regular_plural(word: str) -> str | None:
        # Derivational endings with one regular plural: safer than a last part found by chance
        # ("Arbeitgeberinnen" would otherwise end in "Rinnen" -> "Rinne").
        for plural, singular in _REGULAR_PLURALS:
            if word.endswith(plural) and len(word) > len(plural) + 2:
                return word[: len(word) - len(plural)] + singular
        return None

    def _look_up(self, word: str) -> str | None:
        table = self.table
        lemma = table.get(word)
        if lemma is None and word[:1].isupper():  # the first word of a sentence, or "Courses" in a title
            lemma = table.get(word.lower())
        return lemma

    def query_lemmas(self, word: str, found: str | None = None) -> set[str]:
        """The lemmas a typed search word may mean (casefolded): a German word typed in lower case may be a noun
        ("kurse" -> "kurs") or not ("sage" -> "sagen"), so both readings are searched."""
        lemmas = {self.lemma(word, found).casefold()}
        if self.language == "de" and word[:1].islower():
            lemmas.add(self.lemma(word[:1].upper() + word[1:]).casefold())
        return lemmas

    def _compound(self, word: str) -> str | None:
        for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):  # longest last part first
            tail = word[cut:]
            base = self.table.get(tail[:1].upper() + tail[1:])
            if base is not None:
                return word[:cut] + (base[:1].lower() + base[1:] if word[cut:cut + 1].islower() else base)
        return None


@dataclass(frozen=True)
class Pipeline:
    language: str
    name: str  # recorded with each index, e.g. "de_core_news_sm 3.8.0" or "blank de + lookups"
    nlp: Language
    lemmatiser: Lemmatiser


def trained_pipeline_name(language: str) -> str | None:
    """The installed trained pipeline for the language, if there is one."""
    return next((name for name in TRAINED.get(language, ()) if spacy.util.is_package(name)), None)


@cache
def lookup_table(language: str) -> Mapping[str, str]:
    """spaCy's word -> lemma table for the language (keyed by string hashes; ``get`` takes the word)."""
    try:
        return load_lookups(language, ["lemma_lookup"]).get_table("lemma_lookup")
    except (ValueError, OSError, KeyError):  # a language without lookup tables: lemmas are the words themselves
        return {}


@cache
def pipeline(language: str) -> Pipeline:
    """The pipeline for a language, loaded on first use and then kept (loading takes about a second)."""
    trained = trained_pipeline_name(language)
    if trained is not None:
        nlp = spacy.load(trained, exclude=["ner", "entity_ruler", "textcat"])
        name = f"{trained} {nlp.meta.get('version', '')}".strip()
    else:
        # The lookup lemmatizer is not added: Lemmatiser reads the same table once per distinct word, where the
        # component would look up every word of every turn (a third of the pipeline's time).
        nlp = spacy.blank(language)
        nlp.add_pipe("sentencizer")
        nlp.initialize()
        name = f"blank {language}" + (" + lookups" if lookup_table(language) else "")
    nlp.max_length = 50_000_000  # a turn is short; a document without turns is read in one piece
    return Pipeline(language, f"{name} (spaCy {spacy.__version__})", nlp, Lemmatiser(language, lookup_table(language)))


# --- language detection ---------------------------------------------------------------------------------------

_MARKERS = {
    "de": set("der die das und ist nicht ich wir sie es ein eine auch mit zu den dem von dass auf sich für "
              "aber wie noch wenn oder bei im haben sind".split()),
    "en": set("the and is not we they it a an of to in that with for on this be are was have but or at "
              "you there so if".split()),
}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters: enough to decide, quick for a long transcript


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """German or English, by the commonest short words (and umlauts); ``default`` when the text does not say."""
    sample = text[:_SAMPLE]
    words = [word.lower() for word in _WORD.findall(sample)]
    scores = {language: sum(word in markers for word in words) for language, markers in _MARKERS.items()}
    scores["de"] += sum(sample.count(letter) for letter in "äöüßÄÖÜ") // 4
    best = max(scores, key=scores.get)
    if scores[best] == 0 or list(scores.values()).count(scores[best]) > 1:
        return default
    return best


def normalise_language(language: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """A language code we can read ("de-DE" -> "de"); anything else becomes ``default``."""
    short = (language or "").split("-")[0].split("_")[0].lower()
    return short if short in LANGUAGES else default
