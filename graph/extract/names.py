"""Names as a reader sees them: the full proper name a document writes, typed by its head word.

spaCy's small NER and the gazetteer each see part of a name: "Astana Group" is a city and a word, "Korean Economic
Development Cooperation Fund" a demonym and a sector, "Hee-Sung Yoon" a stranger and a former president's
surname. This stage reads name chunks off the surface (runs of capitalised words, with "of", "and", "for", "&" and
"the" inside), types each by its head word ("Fund" is an organisation, "Group" a firm, "Summit" an event,
"Plant" a project) or by the person-name shape (a Korean surname and a hyphenated given name, a Central Asian
patronymic ending), and decides, where chunks, gazetteer matches and NER entities overlap, which span is the
entity: the longer typed name wins over a gazetteer or NER piece inside it, unless what is left over is only a
legal suffix ("SK Ecoplant Co. Ltd." is SK ecoplant) or generic firm words ("Uzbekneftegaz National Holding Co."
is Uzbekneftegaz, with the full name as an alias).

It also drops page residue that the NER takes for names ("[5", "DeathsSeveral", "Politics 0", "Wikipedia") and
reads "X (ABBR)" so that ABBR becomes X's alias and stands for X wherever the document uses it again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import (
    AGREEMENT_NAME_HEADS,
    EVENT_HEADS,
    FIRM_HEADS,
    FIRM_NOUNS,
    FUNDER_WORDS,
    GENERIC_FIRM_WORDS,
    KOREAN_SURNAMES,
    LEGAL_SUFFIXES,
    LOCATION_HEADS,
    NAME_CONNECTORS,
    ORG_HEADS,
    PAGE_RESIDUE,
    PATRONYMIC_ENDINGS,
    PROJECT_NAME_HEADS,
    ROLE_COMPLEMENTS,
    ROLE_NOUNS,
)

# Our own entity labels on doc.ents, for spans this stage typed; mentions.py reads them like NER labels.
CHUNK_LABELS = {
    "Organization": "KG_ORG",
    "Firm": "KG_FIRM",
    "Event": "KG_EVENT",
    "Project": "KG_PROJECT",
    "Agreement": "KG_AGREEMENT",
    "Location": "KG_LOCATION",
    "Person": "KG_PERSON",
}
LABEL_OF_CHUNK = {v: k for k, v in CHUNK_LABELS.items()}

# Words of a title before a name ("Prime Minister", "Foreign Minister"): never part of the name
# First words that make an organisation's name generic: "National Security Office" exists in many countries
GENERIC_FIRST = frozenset({"national", "state", "central", "federal", "presidential", "supreme", "republican"})
TITLE_WORDS = frozenset({"prime", "foreign", "vice", "deputy", "first", "former", "acting", "mr", "mrs", "ms", "dr",
                         "extraordinary", "plenipotentiary"})
_GLUED = re.compile(r"[a-z][A-Z][a-z]")  # "DeathsSeveral": two words run together by a page's layout
_DIGIT_IN_NAME = re.compile(r"\d")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&\-]*[A-Z][A-Za-z&\-]*$")  # KOICA, MNRETS, KazMunayGas, E&C
_WEB_ADDRESS = re.compile(r"\w\.(?:com|net|org|info|uz|kz|kg|tj|tm|kr|ru|az)\b", re.IGNORECASE)
_SHORT_NAME = re.compile(r"^[A-Z][A-Za-z&\-]+$")  # "(KOICA)", "(Eximbank)", "(HPP)", "(K-water)"
_HYPHEN_GIVEN = re.compile(r"^[A-Z][a-z]+-[A-Za-z][a-z]+$")  # Seon-haeng, Bo-hyun, Hee-Sung


# NER labels that name things (the others are numbers, dates and amounts, never residue)
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
                          "LANGUAGE"})


_COMMON_NAME_WORDS = GENERIC_FIRM_WORDS | ORG_HEADS | FIRM_HEADS | EVENT_HEADS | LOCATION_HEADS | \
    frozenset({"government", "republic", "parliament", "program", "programme"})


@dataclass(frozen=True, slots=True)
class NameSpan:
    start: int
    end: int
    label: str  # a schema label
    head: int  # token index of the word that typed it


def is_residue(text: str) -> bool:
    """Page clutter that is not a name: citation marks, layout-glued words, menu words, numbers."""
    t = text.strip()
    if len(t) < 2 or not any(c.isalpha() for c in t):
        return True
    if any(c in t for c in "[]{}|=<>#@") or t.endswith(":") or _WEB_ADDRESS.search(t):
        return True  # (and a news site's address: "UzDaily.com" credits the report, it is no party to it)
    words = t.split()
    if _DIGIT_IN_NAME.search(t) and not re.search(r"[A-Za-z]\d|\d[A-Za-z]|\+", t):
        return True  # "Politics 0", "Wikipedia 12" (but "C5+K", "G20" stay)
    for w in words:
        for m in _GLUED.finditer(w):
            # "DeathsSeveral": a page's layout ran two words together, the second a common English word (but
            # "KazMunayGas" and "McDonald" are names)
            tail = re.match(r"[A-Z][a-z]+", w[m.start() + 1:])
            if tail and tail.group(0).lower() in STOP_WORDS:
                return True
    content = [w.lower().strip(".,") for w in words if w.lower() not in NAME_CONNECTORS]
    return bool(content) and all(w in PAGE_RESIDUE for w in content)


def _name_like(tok: Token) -> bool:
    t = tok.text
    if t and t[0].islower():
        return False  # most words: decided without touching the parse
    if not t or not t[0].isalpha():
        return t in ("&",) or bool(re.match(r"^[A-Z0-9][A-Za-z0-9&+.\-]*$", t) and any(c.isalpha() for c in t))
    if tok.is_sent_start and tok.pos_ not in ("PROPN",) and not tok.is_upper:
        return False  # "During", "The": capitalised because they open the sentence
    return t[0].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X", "NUM") or bool(_ACRONYM.match(t))


def _head_of(tokens: list[Token]) -> Token:
    """The word that says what a name names: the last word before 'of'/'for', else the last word."""
    for i, t in enumerate(tokens):
        if (t.lower_ in ("of", "for") or t.lower_ == "on" and tokens[i - 1].lemma_.lower() in _ON_NAMES) and i > 0:
            return tokens[i - 1]
    for t in reversed(tokens):
        if t.lower_.rstrip(".") not in LEGAL_SUFFIXES and t.text not in (",", "&", "-"):
            return t
    return tokens[-1]


def _typed_head(tokens: list[Token], countries: frozenset[str] = frozenset()) -> tuple[int, str, int] | None:
    """The head word that types a name, and its type: before an "of"/"for" complement, the last word that is a
    head word ("Ministry of Energy"); otherwise the last head word of the run ("Astana Group", or "National
    Assembly" in "National Assembly Woo Won-shik")."""
    cut = next((i for i, t in enumerate(tokens) if i > 0 and (t.lower_ in ("of", "for") or t.lower_ == "on" and
                                                              tokens[i - 1].lemma_.lower() in _ON_NAMES)),
               len(tokens))
    pre = tokens[:cut]
    for t in reversed(pre):
        if t is tokens[0] and cut == len(tokens) and len(tokens) > 1:
            break  # "Park Jung-heum": a head word that opens a name without "of" is not what types it
        if t is not pre[-1] and t.lower_ in KOREAN_SURNAMES:
            continue  # "President Park Geun-hye": a surname that looks like a head word
        if t is not pre[-1] and t.lower_.endswith(_ADJECTIVE_ENDINGS) and t.text[:1].isupper():
            continue  # "Kumho Industrial" is a firm, "the Almaty Industrial Zone" not: an adjective heads at the end
        label = label_by_head(t, tokens if cut < len(tokens) or t is pre[-1] else [t])
        if label is not None:
            if cut < len(tokens) and t is not pre[-1]:
                return None  # a head word inside a name that an "of" complement continues: unclear
            rest = pre[pre.index(t) + 1:]
            if rest and label == "Firm" and all(x.lower_.endswith(_ADJECTIVE_ENDINGS) and x.text[:1].isupper()
                                                 and x.lower_ not in KOREAN_SURNAMES for x in rest):
                return tokens[-1].i, label, t.i  # "Kyeryong Construction Industrial": an adjective ends the name
            if rest and len(rest) <= 2 and label in ("Firm", "Organization") and cut == len(tokens) and \
                    " ".join(x.text for x in rest).lower() in countries:
                # "Shinhan Bank Kazakhstan", "KDB Bank Uzbekistan": a group's unit named after its country
                return tokens[-1].i, label, t.i
            return (tokens[-1].i if cut < len(tokens) else t.i), label, t.i
    return None


def label_by_head(head: Token, tokens: list[Token]) -> str | None:
    word = head.lower_.rstrip(".")
    lemma = head.lemma_.lower()
    if any(t.lower_.rstrip(".") in LEGAL_SUFFIXES for t in tokens[1:]):
        return "Firm"
    if head.tag_ == "NNPS" and word == lemma and word.endswith("s") and (
            word[:-1] in ORG_HEADS or word.endswith("ies") and word[:-3] + "y" in ORG_HEADS):
        return "Organization"  # "King Sejong Institutes": the tagger leaves a plural proper noun unlemmatised
    for label, heads in (("Organization", ORG_HEADS), ("Firm", FIRM_HEADS), ("Event", EVENT_HEADS),
                         ("Project", PROJECT_NAME_HEADS), ("Agreement", AGREEMENT_NAME_HEADS),
                         ("Location", LOCATION_HEADS)):
        if word in heads or lemma in heads:
            if label == "Project" and head.tag_ in ("NNS", "NNPS") and head.text[:1].isupper() and \
                    word != lemma and len(tokens) >= 2:
                return "Firm"  # "Kazakhstan Nuclear Power Plants", "Uzbekistan Railways": a firm runs plural works
            if label == "Agreement" and lemma in ("system", "scheme") and any(
                    t.lower_ in ORG_HEADS or t.lemma_.lower() in ORG_HEADS for t in tokens if t is not head):
                return "Organization"  # "Yonsei University Health System" is a body, "Employment Permit System" not
            if label == "Agreement" and any(t.text == "&" for t in tokens):
                return "Firm"  # "LS Cable & System": an ampersand joins the words of a firm's name, not a scheme's
            return label
    if len(tokens) == 1 and head.text[:1].isupper() and len(word) > len("bank") + 2 and word.endswith("bank") and \
            word not in FUNDER_WORDS:
        # "Orienbank", "Kapitalbank", "Hamkorbank": a one-word bank's name ends in its head word (not "Eximbank",
        # which names whichever country's export-import bank the text means)
        return "Organization"
    return None


def person_shape(tokens: list[Token]) -> bool:
    """Two to four capitalised words shaped like a person's name: a Korean surname with a hyphenated given name
    ("Kim Bo-hyun", "Hee-Sung Yoon"), or a Central Asian patronymic ending ("Almassadam Satkaliyev")."""
    text = "".join(t.text + t.whitespace_ for t in tokens)
    parts = re.sub(r"\s*-\s*", "-", text).split()  # "Seon-haeng" is one given name
    if not 2 <= len(parts) <= 4 or not all(p[:1].isupper() for p in parts):
        return False
    if any(p.lower() in KOREAN_SURNAMES for p in (parts[0], parts[-1])) and any(_HYPHEN_GIVEN.match(p) for p in parts):
        return True
    return len(parts) in (2, 3) and any(p.lower().endswith(PATRONYMIC_ENDINGS) and len(p) > 5 for p in parts[1:])


def _heads_only_after(sdoc: Doc, j: int, end: int) -> bool:
    """Does the "and" at j join two firm-head words of one name ("Navoi Mining and Metallurgical Combinat"): a head
    word before it and nothing but head words after it, up to the end of the capitalised run?"""
    if j < 1 or sdoc[j - 1].lower_ not in FIRM_HEADS:
        return False
    k = j + 1
    while k < end and _name_like(sdoc[k]) and sdoc[k].lower_ in FIRM_HEADS:
        k += 1
    return k > j + 1 and (k == end or not _name_like(sdoc[k]))


_ADJECTIVE_ENDINGS = ("al", "ic", "ed", "ive", "ary", "ical", "an")


def _adjectives_before(sdoc: Doc, start: int, j: int) -> bool:
    """Is the run before the "and" at j only capitalised adjectives ("Republican Specialized Scientific and
    Practical Medical Centre"): words of one name, not a name of their own?"""
    words = [t for t in sdoc[start:j] if t.text not in ("-", ",")]
    return bool(words) and all(t.lower_.endswith(_ADJECTIVE_ENDINGS) and t.lower_ not in FIRM_HEADS | ORG_HEADS
                               and t.ent_type_ in ("", "ORG", "PERSON") for t in words)  # not "Kazakhstan and


def _spelled_by_acronym(sdoc: Doc, start: int, j: int, end: int) -> bool:
    """Does the acronym in brackets after the run take a letter from the words before the "and" at j ("Korea Land
    and Housing Corporation (LH)"): one name, not two? Not when those words are an acronym of their own ("KEPCO
    and Korea Hydro & Nuclear Power (KHNP)")."""
    k = j + 1
    while k < end and (_name_like(sdoc[k]) or sdoc[k].lower_ in ("of", "and", "&", "-")):
        k += 1
    if k + 2 >= end or sdoc[k].text != "(" or sdoc[k + 2].text != ")" or not sdoc[k + 1].text.isupper():
        return False
    abbr = sdoc[k + 1].text
    left = [t for t in sdoc[start:j] if t.text[:1].isupper()]
    if not left or any(t.text.isupper() for t in left):
        return False
    words = [t for t in sdoc[start:k] if t.text[:1].isupper()]
    # the acronym's letters in order over the words' initials, its first letter from before the "and"
    pos, first = 0, None
    for n, t in enumerate(words):
        if pos < len(abbr) and t.text[0] == abbr[pos]:
            first = n if first is None else first
            pos += 1
    return pos == len(abbr) and first is not None and first < len(left)


# nouns that describe a public body when they stand before its name ("the geological service Qazgeology")
_BODY_DESCRIPTORS = frozenset({"service", "agency", "authority", "institute", "fund", "regulator", "committee",
                               "inspectorate", "foundation"})


_BODY_KINDS = frozenset({"corporation", "corp", "company", "co", "group", "holding", "holdings", "agency", "bank",
                         "fund", "institute", "university", "foundation", "association", "service", "ltd", "llc",
                         "jsc", "llp", "plc", "inc", "center", "centre", "council", "committee", "commission"})


def _second_name_after(sdoc: Doc, start: int, j: int, end: int) -> bool:
    """Does the "and" at j join a body opened by its own head word ("Ministry of ...") to a second name of two or
    more capitalised words that ends in a head word of its own ("Korea Water Resources Corporation")?"""
    if label_by_head(sdoc[start], [sdoc[start]]) != "Organization":
        return False
    k = j + 1
    while k < end and _name_like(sdoc[k]) and sdoc[k].lower_ not in NAME_CONNECTORS:
        k += 1
    seg = list(sdoc[j + 1 : k])
    # (a head word that names a kind of body, not a field a ministry may be named for: "the Ministry of Industry
    # and New Technologies" is one name)
    return len(seg) >= 2 and label_by_head(seg[-1], seg) in ("Firm", "Organization") and \
        seg[-1].lower_.rstrip(".") in _BODY_KINDS


def _run_after(sdoc: Doc, j: int, end: int) -> int:
    k = j + 1
    while k < end and (_name_like(sdoc[k]) or sdoc[k].lower_ in ("of", "and", "&", "-")):
        k += 1
    return k


def _one_name(sdoc: Doc, start: int, j: int, end: int, joined: set[str]) -> bool:
    """Is the run across the "and" at j one name: spelled by the acronym after it ("Korea Land and Housing
    Corporation (LH)"), or a name the document spelled so before (the same words later, without the acronym)?"""
    text = sdoc[start : _run_after(sdoc, j, end)].text
    if _spelled_by_acronym(sdoc, start, j, end):
        joined.add(text)
        return True
    return text in joined


# plural nouns whose possessive sits inside a name: "National Children's Medical Center"
_GROUP_POSSESSORS = frozenset({"children", "women", "people", "workers", "veterans", "farmers", "youth", "men"})
# bodies named for their remit with "on": "Committee on Investments", "Commission on Trade and Economic Cooperation"
_ON_HEADS = frozenset({"committee", "commission", "council", "board"})
# ("an Agreement on the Promotion and Reciprocal Protection of Investments": an agreement named for its subject)
_ON_AGREEMENTS = frozenset({"agreement", "convention", "memorandum", "treaty", "protocol", "declaration", "accord"})
_ON_NAMES = _ON_HEADS | _ON_AGREEMENTS


def name_chunks(sdoc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised words within a sentence, joined by name connectors ("of", "and", "&", ...)."""
    out: list[tuple[int, int]] = []
    joined: set[str] = set()  # names across an "and" that an acronym showed to be one
    for sent in sdoc.sents:
        i = sent.start
        while i < sent.end:
            if not _name_like(sdoc[i]) or sdoc[i].text in ("&", "-"):
                i += 1
                continue
            start, j, has_of, comma_at, ands = i, i + 1, False, -1, 0
            while j < sent.end:
                t = sdoc[j]
                if _name_like(t) and not (t.is_sent_start and j != start):
                    j += 1
                    continue
                if t.text in ("'s", "’s") and sdoc[j - 1].lower_ in _GROUP_POSSESSORS and j + 1 < sent.end and \
                        _name_like(sdoc[j + 1]):
                    j += 1  # "National Children's Medical Center", "Women's Resource Centre": one name
                    continue
                if t.text in ("-", "&") and j + 1 < sent.end and not (t.text == "-" and sdoc[j - 1].whitespace_ and
                                                                      t.whitespace_) and (_name_like(sdoc[j + 1]) or (
                        t.text == "-" and not sdoc[j - 1].whitespace_ and not t.whitespace_ and sdoc[j + 1].is_alpha
                        and (sdoc[j + 1].tag_ not in ("VBN", "VBD", "VBG", "JJ") or j - 2 >= start and
                             sdoc[j - 2].lower_ in KOREAN_SURNAMES and sdoc[j + 1].is_lower))):
                    # "Samruk-Energy", "E&C", "K-water"; "Park Jong-won", whose "won" the tagger takes for a verb
                    j += 2
                    continue
                nxt = sdoc[j + 1] if j + 1 < sent.end else None
                connector = t.lower_ in NAME_CONNECTORS or t.lower_ == "on" and \
                    sdoc[j - 1].lemma_.lower() in _ON_NAMES and nxt is not None and \
                    nxt.ent_type_ not in ("DATE", "TIME")
                # ("the State Committee on Investment and State Property Management": a body named for its remit)
                on_the = t.lower_ == "on" and sdoc[j - 1].lemma_.lower() in _ON_AGREEMENTS and j + 2 < sent.end and \
                    _name_like(sdoc[j + 2])
                if connector and nxt is not None and (_name_like(nxt) or nxt.lower_ == "the" and (t.lower_ != "on" or
                                                                                                   on_the)):
                    if t.lower_ == "the" and (not has_of or sdoc[j - 1].lower_ not in ("of", "for", "on", "and")):
                        break  # (not "received at the Palace of the Nation the Special Envoy": "the" after a name)
                    if sdoc[j - 1].lower_.rstrip(".") in LEGAL_SUFFIXES:
                        break  # "built by Hyundai Engineering Co. for KazPolyChem LLP": a legal form ends a name
                    if t.lower_ == "for" and sdoc[start].ent_iob_ == "B" and \
                            sdoc[start].ent_type_ in ("Firm", "Organization") and \
                            all(sdoc[k].ent_iob_ == "I" for k in range(start + 1, j)):
                        break  # "built by Hyundai Engineering & Construction for Kia Qazaqstan": a known name is whole
                    if t.lower_ in ("of", "for") and all(x.ent_type_ == "Country" for x in sdoc[start:j]):
                        break  # "visiting Kyrgyzstan for the Kyrgyz-Korean Business Forum": a country is no name's head
                    if t.lower_ in ("of", "for", "on"):
                        has_of = True
                    elif t.lower_ == "and" and (nxt.lower_ == "the" or any(
                            k < sent.end and sdoc[k].text in ("'s", "’s") for k in (j + 2, j + 3))):
                        # "the Agency for Labour Migration and the HRD Service", "the Ministry of Digital
                        # Technologies and Korea's NIPA": "and the", "and X's" open a new name
                        break
                    elif t.lower_ == "and" and has_of and _second_name_after(sdoc, start, j, sent.end):
                        # "The Ministry of Energy of the Kyrgyz Republic and Korea Water Resources Corporation
                        # signed": a body named "X of Y" and a second name with its own head word are two names
                        break
                    elif t.lower_ == "and" and has_of and _fields_after(sdoc, j + 1, sent.end):
                        pass  # "Ministry of Oil and Gas Industry and Mineral Resources": the remit goes on
                    elif t.lower_ == "and" and has_of and nxt.ent_iob_ == "B" and \
                            nxt.ent_type_ in ("Firm", "Organization"):
                        break  # "The Ministry of Textile Industry and Daewoo International": a known firm after "and"
                    elif t.lower_ == "and" and not _heads_only_after(sdoc, j, sent.end) and \
                            not _adjectives_before(sdoc, start, j) and \
                            not _one_name(sdoc, start, j, sent.end, joined) and (
                            not has_of or ands or j - start >= 2 and (
                            person_shape(list(sdoc[j - 2:j])) or
                            j - start >= 4 and person_shape(list(sdoc[j - 4:j])))):
                        # "KIGAM and SK Ecoplant", "Ministry of Investment, Industry and Trade and KOTRA", "Minister
                        # of Energy Sungat Yessimkhanov and KEPCO Vice President Lee": a name ends a list item
                        break
                    if t.lower_ == "and":
                        ands += 1
                    j += 1
                    continue
                if t.text == "," and nxt is not None and nxt.lower_.rstrip(".") in LEGAL_SUFFIXES and \
                        sdoc[j - 1].lower_.rstrip(".") in LEGAL_SUFFIXES:
                    j += 1  # "Co., Ltd.": legal forms run on after a comma
                    continue
                if t.text == "," and has_of and nxt is not None and _name_like(nxt) and comma_at < 0:
                    comma_at = j  # "Ministry of Natural Resources, Ecology and ...": kept only if an "and" follows
                    j += 1
                    continue
                if t.text == "," and has_of and nxt is not None and _name_like(nxt) and \
                        nxt.lower_ in _REMIT_WORDS and sdoc[j - 1].lower_ in _REMIT_WORDS:
                    j += 1  # "Commission on Trade, Economic, Scientific and Technical Cooperation": a remit's list
                    continue
                break
            end = j
            while end > start and (sdoc[end - 1].lower_ in NAME_CONNECTORS or sdoc[end - 1].text in (",", "-", "&")):
                end -= 1
            if comma_at >= 0 and not any(sdoc[k].lower_ == "and" for k in range(comma_at, end)):
                end = comma_at
            if end > start:
                out.append((start, end))
            i = max(j, start + 1)
    return out


def _strip_leading(sdoc: Doc, start: int, end: int) -> int:
    while start < end and sdoc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start


def _generic(gaz: Gazetteer, span: Span) -> bool:
    """A gazetteer name that is only common words ("Business Council", "Intergovernmental Commission"): a longer
    proper name ending in it ("Korea-Central Asia Business Council") is another entity."""
    entry = gaz.entries.get(span.ent_id_)
    return entry is not None and any(a == a.lower() for a in entry.aliases)


_MINISTRY_HEADS = frozenset({"ministry", "committee", "agency"})
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "rep", "sen", "prof"})
_REMIT_WORDS = frozenset(ROLE_COMPLEMENTS) | {"economic", "scientific", "technical", "technological", "cultural",
                                              "humanitarian", "industrial", "financial", "social", "trade"}
_FIELD_WORDS = frozenset({"social", "protection", "population", "irrigation", "geology", "security", "digital",
                          "mineral", "oil", "gas", "subsoil", "natural", "urban", "reclamation", "land", "aerospace",
                          "relations", "youth", "family", "new", "technologies", "communication",
                          "telecommunications", "chemical", "petrochemical", "light", "heavy", "foreign", "external",
                          "economic", "national", "trade", "higher"})


def _after_titled_field(doc: Doc, start: int) -> bool:
    """Do the words before `start` close a title's fields: "Minister of Energy and Water Resources <start>"? Back
    over field words, "and" and commas to "<title> of"."""
    k = start - 1
    fields = 0
    while k >= 1 and start - k <= 8:  # (the title may open the sentence: "Minister of Science and ...")
        t = doc[k]
        if t.lower_ == "of":
            return fields > 0 and doc[k - 1].lower_ in ROLE_NOUNS
        if _field_word(t):
            fields += 1
        elif t.lower_ not in ("and", ","):
            return False
        k -= 1
    return False


_UNIT_NOUNS = frozenset({"subsidiary", "unit", "affiliate", "arm", "division", "daughter"})


def _described_as_unit(doc: Doc, end: int) -> bool:
    """Does an apposition right after the name call it a firm's unit: ", the group's credit card arm", ", a
    subsidiary of ..."?"""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for t in doc[end + 1:end + 8]:
        if t.text in (",", ".", ";") or t.pos_ in ("VERB", "AUX"):
            return False
        if t.lemma_.lower() in _UNIT_NOUNS and t.pos_ == "NOUN":
            return True
    return False


def _acronym_like(tok: Token) -> bool:
    """"KOMIPO", "KazPolyChem": a one-word name written in capitals or with capitals inside."""
    return tok.text.isupper() or any(ch.isupper() for ch in tok.text[1:])


def _fields_after(doc: Doc, k: int, end: int) -> bool:
    """Are the capitalised words from k to the end of the run (or to "of") all field words: "Mineral Resources"?"""
    n = 0
    while k < end and doc[k].text[:1].isupper() and doc[k].is_alpha:
        if not _field_word(doc[k]):
            return False
        n += 1
        k += 1
    return n > 0 and (k >= end or not doc[k].text[:1].isupper())


def _field_word(tok: Token) -> bool:
    """A capitalised word of a ministry's field: "Water", "Resources", "Social", "Protection"."""
    return tok.is_alpha and tok.text[:1].isupper() and (tok.lower_ in ROLE_COMPLEMENTS or tok.lower_ in _FIELD_WORDS)


def resolve_spans(sdoc: Doc, gaz: Gazetteer) -> tuple[list[Span], dict[str, Span]]:
    """The entity spans of the document: gazetteer matches, typed name chunks, person names and NER entities,
    overlaps decided as the module says; and the acronyms "X (ABBR)" introduces, each with X's span. The spans
    are for `doc.ents` (no overlaps)."""
    ents = [e for e in sdoc.ents if (e.label_ not in _NAME_LABELS or not is_residue(e.text)) and not (
        e.label_ == "Sector" and any(c.dep_ == "nummod" or c.like_num for c in e.root.children)) and not (
        e.label_ in ("Sector", "Mineral") and e.root.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("aux", "nsubj", "dobj", "nsubjpass", "auxpass") for c in e.root.children))]  # "to finance"
    # ("Asia-Plus has learned": a place joined by a hyphen to a capitalised word that names no place is a name of its
    # own, not the place; "Korea-Central Asia", "Tashkent-Samarkand" join two places)
    ents = [e for e in ents if not (e.label_ in ("Location", "Country") and e.end + 1 < len(sdoc) and
                                    sdoc[e.end].text == "-" and not sdoc[e.end - 1].whitespace_ and
                                    not sdoc[e.end].whitespace_ and sdoc[e.end + 1].is_title and
                                    not sdoc[e.end + 1].ent_type_ and not sdoc[e.end + 1].is_sent_start and
                                    sdoc[e.end + 1].lower_ not in ("based", "owned", "made", "run"))]
    gaz_spans = [e for e in ents if e.ent_id_ or e.label_ == "DEMONYM"]
    countries = frozenset(n.lower() for e in gaz.entries.values() if e.label == "Country" for n in (e.name, *e.aliases))
    ner_spans = [e for e in ents if not (e.ent_id_ or e.label_ == "DEMONYM")]
    chosen: list[Span] = []
    taken: set[int] = set()

    def free(a: int, b: int) -> bool:
        return not any(k in taken for k in range(a, b))

    def take(span: Span) -> None:
        chosen.append(span)
        taken.update(range(span.start, span.end))

    for g in [g for g in gaz_spans if g.label_ == "Organization" and sdoc[g.start].lemma_.lower() in _MINISTRY_HEADS
              and g.end + 1 < len(sdoc) and sdoc[g.end].lower_ == "and"]:
        # "Tajikistan's Ministry of Energy and Water Resources": the gazetteer knows a shorter ministry ("Ministry
        # of Energy"); field words after "and" go on with its name
        k, end = g.end, g.end
        while k < len(sdoc) and (sdoc[k].lower_ in ("and", ",") and k + 1 < len(sdoc) and _field_word(sdoc[k + 1])
                                 or _field_word(sdoc[k])):
            k += 1
            if _field_word(sdoc[k - 1]):
                end = k
        if end == g.end or any(x.start < end and g.end <= x.start and x.label_ not in ("Sector", "Mineral")
                               for x in gaz_spans if x is not g):
            continue
        gaz_spans = [x for x in gaz_spans if x is not g and not (g.end <= x.start and x.end <= end)]
        take(Span(sdoc, g.start, end, label=CHUNK_LABELS["Organization"], span_id=""))
    pending = [(a, b) for a, b in name_chunks(sdoc)]
    described: dict[str, str] = {}  # names a descriptor noun typed ("the geological service Qazgeology")
    while pending:
        a, b = pending.pop(0)
        if a > 0 and sdoc[a - 1].is_sent_start and sdoc[a - 1].is_title and sdoc[a - 1].is_alpha and any(
                e.start == a - 1 and e.end > a and e.label_ in ("ORG", "PERSON", "GPE", "FAC") for e in ner_spans):
            a -= 1  # "Inha University in Tashkent, ...": the tagger took the opening word for a common one
        a = _strip_leading(sdoc, a, b)
        if b - a < 1:
            continue
        label = None
        of_country = False
        of_at = next((k for k in range(a + 2, min(b - 1, a + 4)) if sdoc[k].lower_ == "of"), None)
        country_at = None if of_at is None else next(
            (g for g in gaz_spans if g.start == of_at + 1 and g.label_ == "Country" and g.end <= b), None)
        if of_at is not None and country_at is not None and (
                country_at.end == b or sdoc[country_at.end].lower_ in ("and", ",")) and \
                all(t.is_alpha and t.is_title and t.lower_ not in ROLE_NOUNS and label_by_head(t, [t]) is None
                    for t in sdoc[a:of_at]) and \
                not any(a <= g.start < of_at for g in gaz_spans):
            # "Abdulaziz Kamilov of Uzbekistan and Rashid Meredov of Turkmenistan": a person of a country, then
            # another name
            nxt = country_at.end
            while nxt < b and sdoc[nxt].lower_ in ("and", ","):
                nxt += 1
            if nxt < b:
                pending.insert(0, (nxt, b))
            b = of_at
            of_country = True
        for _ in range(2):
            toks = list(sdoc[a:b])
            split = _typed_head(toks, countries)
            if split is not None and split[0] + 1 < b and sdoc[b - 1].lower_.rstrip(".") not in LEGAL_SUFFIXES:
                # "Korean National Assembly Woo Won-shik": a typed name, then something else
                pending.insert(0, (split[0] + 1, b))
                b = split[0] + 1
                toks = list(sdoc[a:b])
            label = split[1] if split is not None else None
            if label in ("Organization", "Firm") and any(t.lower_ in ("of", "for") for t in toks):
                # "Chairman of the Cabinet of Ministers Adylbek Kasymaliev": a body's name, then a person's
                tail = next((k for k in range(max(a + 2, b - 4), b - 1) if person_shape(list(sdoc[k:b]))
                             and sdoc[k - 1].lower_ not in NAME_CONNECTORS), None)
                if tail is not None:
                    pending.insert(0, (tail, b))
                    b = tail
                    toks = list(sdoc[a:b])
            titles = [t.i for t in toks if t.lower_ in ROLE_NOUNS]
            if label is not None or not titles or titles[-1] + 1 >= b:
                break
            first_title = titles[0]
            while first_title > a and sdoc[first_title - 1].lower_ in TITLE_WORDS:
                first_title -= 1  # "Hanwha Energy Vice President": "Vice" belongs to the title
            if first_title > a and not any(sdoc[k].lower_ in NAME_CONNECTORS for k in range(a, first_title)) and \
                    not (a > 0 and sdoc[a - 1].lower_ in ("and", ",") and
                         all(_field_word(sdoc[k]) for k in range(a, first_title))):
                # (but "Industry and Construction Minister X": the last of a title's fields before it is no body)
                # "Hyundai Mobis President Lee Gyu-suk", "LG CNS CEO Kim Young-sub": the words before the title
                # are a name of their own (a body's, or nothing the chunk types: "Kazakh", "Foreign")
                pending.insert(0, (a, first_title))
            a = titles[-1] + 1  # "Kazakh Prime Minister Askar Mamin": the title is not part of the name
            while a < b and sdoc[a].lower_ in NAME_CONNECTORS:
                a += 1
            k = a
            while k < b and (_field_word(sdoc[k]) or sdoc[k].lower_ in ("and", ",") and k > a):
                k += 1
            state = next((g for g in gaz_spans if g.start == k + 1 and g.label_ == "Country" and g.end < b), None) \
                if k > a and k < b and sdoc[k].lower_ == "of" and sdoc[k - 1].lower_ not in ("and", ",") else None
            if state is not None:
                a = state.end  # "Minister of Industry and Construction of Kazakhstan Yersayin Nagaspayev": the
                # title's fields and country are no name (the holder's comes after them)
            elif k > a and sdoc[k - 1].lower_ not in ("and", ",") and 2 <= b - k <= 3 and \
                    all(t.is_alpha and t.is_title and not _field_word(t) for t in sdoc[k:b]) and \
                    any(t.lower_ == "and" for t in sdoc[a:k]) and \
                    not any(k <= g.start < b for g in gaz_spans):  # (not "... Construction Iran Sharkhan")
                a = k  # "Minister of Science and Higher Education Sayasat Nurbek": the fields, then the name
        if of_country and label is None and a > 0 and sdoc[a - 1].lemma_.lower() in ROLE_NOUNS:
            label = "Person"  # "Foreign ministers Mukhtar Tileuberdi of Kazakhstan, ...": the title's holder
        of_other = any(sdoc[k].lower_ == "of" and any(gaz.entries[i].label == "Country" and
                                                       i != gaz.demonym_of.get(sdoc[a].lower_)
                                                       for i in gaz.lookup(sdoc[k + 1 : b].text))
                       for k in range(a + 1, b - 1))
        if label in ("Organization", "Firm") and b - a > 2 and gaz.demonym_of.get(sdoc[a].lower_) and \
                not of_other and \
                (sdoc[a + 1].lower_ in GENERIC_FIRST or label_by_head(sdoc[a + 1], [sdoc[a + 1]]) == label):
            # "the Kyrgyz Ministry of ...": the demonym says whose ministry, it is not part of the name (but "the
            # Korean Theatre of Kazakhstan" is named so)
            a += 1
        toks = list(sdoc[a:b])
        group_first = any(g.start == a and g.end < b and g.label_ == "Firm" for g in gaz_spans)
        # ("Hyundai AutoEver": a known group's name, then a word of the unit's own, is no layout-glued residue)
        if is_residue(sdoc[a:b].text) and not (group_first and not is_residue(sdoc[a:b].text.split()[0])) or all(
                t.lower_.rstrip(".") in LEGAL_SUFFIXES | GENERIC_FIRM_WORDS or t.is_punct for t in toks):
            continue  # "Co. Ltd." alone: the name it ends is not capitalised, the NER may have it whole
        inside = [g for g in gaz_spans if a <= g.start and g.end <= b]
        if any((g.start, g.end) == (a, b) for g in inside) or any(
                g.start < b and a < g.end and not (a <= g.start and g.end <= b) for g in gaz_spans):
            continue  # the gazetteer knows this very name, or a name that reaches beyond the chunk
        local_unit = len(inside) == 2 and inside[0].start == a and inside[1].end == b and \
            (inside[1].label_ == "Country" or inside[1].label_ == "Location" and inside[1].start > inside[0].end) \
            and inside[0].label_ in ("Firm", "Organization") and \
            sdoc[inside[1].start - 1].lower_ not in NAME_CONNECTORS and \
            all(t.is_title and t.is_alpha for t in sdoc[inside[0].end:inside[1].start]) and \
            inside[1].start - inside[0].end <= 2  # ("Hyundai Trans Kazakhstan": a word of its own between)
        # ("Shinhan Bank Kazakhstan": a known group's local unit, named after its country, is a body of its own)
        if label is None and local_unit and (inside[1].start > inside[0].end or inside[0].label_ == "Firm"):
            label = LABEL_OF_CHUNK.get(inside[0].label_, inside[0].label_)  # "Hyundai Trans Kazakhstan": a local firm
        if split is not None and not local_unit and any(g.start <= split[2] < g.end and not _generic(gaz, g)
                                                        for g in inside):
            continue  # the head word belongs to a known name: "Korea-Central Asia K-Silk Road" is the initiative
        if a > 0 and sdoc[a - 1].lower_ in ("of", "and") and not inside and person_shape(toks) and \
                toks[0].lower_ in ROLE_COMPLEMENTS:
            # "Minister of Economy Daniyar Amangeldiev": the field word closing the title is not a first name
            pending.insert(0, (a + 1, b))
            continue
        if label is None and person_shape(toks) and not any(g.label_ != "Person" for g in inside):
            label = "Person"
        if label is None and b + 1 < len(sdoc) and sdoc[b].is_lower and sdoc[b].lemma_ in ROLE_NOUNS and \
                sdoc[b].lemma_ not in ("minister", "ambassador", "envoy", "consul", "president") and \
                sdoc[b + 1].text[:1].isupper() and len(toks) >= 2 and any(not gaz.lookup(t.text) for t in toks) and \
                not person_shape(toks) and all(t.text[:1].isupper() or t.text in ("-", "&") for t in toks):
            label = "Firm"  # "Khujand Pakhta director Rustam Nazarov": a name before an officer's title is a body's"
        if label is None and b - a >= 2 and _described_as_unit(sdoc, b) and not person_shape(toks) and \
                all(t.text[:1].isupper() and t.lower_ not in ROLE_NOUNS for t in toks if t.is_alpha) and \
                not any((g.start, g.end) == (a, b) for g in inside):
            label = "Firm"  # "Almaty Auto Components, a unit of the local Astana Motors group": a firm's unit
        if label is None and b - a == 1 and b + 1 < len(sdoc) and _ACRONYM.match(sdoc[a].text) and \
                sdoc[a].text.isupper() and sdoc[b].lemma_.lower() in ROLE_NOUNS and sdoc[b].is_title and \
                sdoc[b].lemma_.lower() not in ("minister", "ambassador", "envoy", "consul") and \
                sdoc[b + 1].text[:1].isupper() and not gaz.lookup(sdoc[a].text):
            label = "Firm"  # "NBK Governor Timur Suleimenov", "KIGAM President X": an acronym before a title
        if label is None and not inside and (a > 0 and sdoc[a - 1].lower_ in NAME_CONNECTORS | ROLE_NOUNS or
                                             a > 1 and sdoc[a - 2].lower_ in ROLE_NOUNS):
            # "Minister of Investment, Industry and Trade Laziz Kudratov": a title's complement, then the name
            tail = next((k for k in range(b - 2, max(a, b - 5), -1) if person_shape(list(sdoc[k:b]))
                         and sdoc[k].text[:1].isupper() and sdoc[k - 1].text not in ("-",)), None)
            if tail is not None:
                pending.insert(0, (tail, b))
                continue
        if label is None and not inside and 2 <= b - a <= 3 and _after_titled_field(sdoc, a) and \
                all(t.is_alpha and t.is_title and not gaz.lookup(t.text) for t in toks):
            label = "Person"  # "Minister of Energy and Water Resources Daler Juma": the name after a title's fields
        rest = list(sdoc[inside[0].end:b]) if inside else []
        if label is None and inside and inside[0].start == a and inside[0].end < b and person_shape(rest):
            pending.insert(0, (inside[0].end, b))  # "Ambassador to Korea Sharif Nazarzoda": a place, then a name
            continue
        if label is None and len(inside) == 1 and inside[0].start == a and inside[0].label_ == "Sector" and \
                a >= 2 and sdoc[a - 1].lower_ == "of" and sdoc[a - 2].lower_ in ROLE_NOUNS and 2 <= len(rest) <= 3 \
                and all(t.is_alpha and t.is_title and not gaz.lookup(t.text) for t in rest):
            # "Minister of Transport Azim Ibrohim": the field closing a title, then the name, of whatever shape
            a, toks, inside, label = inside[0].end, rest, [], "Person"
        elif label is None and len(inside) > 1 and inside[0].start == a and a >= 2 and sdoc[a - 1].lower_ == "of" \
                and sdoc[a - 2].lower_ in ROLE_NOUNS and all(g.label_ == "Sector" for g in inside) and all(
                    sdoc[k].lower_ in ("and", ",") for x, y in itertools.pairwise(inside)
                    for k in range(x.end, y.start)):
            # "Minister of Energy and Water Resources Daler Juma": several fields, then the name
            rest = list(sdoc[inside[-1].end:b])
            if 2 <= len(rest) <= 3 and all(t.is_alpha and t.is_title and not gaz.lookup(t.text) for t in rest):
                a, toks, inside, label = inside[-1].end, rest, [], "Person"
        if label is None and a > 0 and sdoc[a - 1].lower_ in ROLE_NOUNS and 1 < b - a <= 4 and \
                not inside and all(t.text[:1].isupper() for t in toks):
            label = "Person"  # "Foreign Minister Murat Nurtleu": the name after a title is a person's
        if label is None and b - a == 3 and sdoc[a + 1].text == "-" and not sdoc[a].whitespace_ and \
                not sdoc[a + 1].whitespace_ and sdoc[a].is_title and sdoc[b - 1].is_title and \
                inside and all(g.label_ in ("Sector", "Mineral") and g.start == b - 1 for g in inside) and \
                not gaz.lookup(sdoc[a].text):
            label = "Firm"  # "Samruk-Energy": a field word joined to a name by a hyphen is part of a firm's name
        if label is None and inside and inside[-1].label_ == "Country" and inside[-1].end == b and \
                inside[-1].start > a and len(inside) == 1 and sdoc[inside[-1].start - 1].lower_ not in \
                NAME_CONNECTORS and all(t.text[:1].isupper() and not gaz.demonym_of.get(t.lower_) and
                                        t.lower_ not in ROLE_NOUNS and t.lower_ not in TITLE_WORDS
                                        for t in sdoc[a:inside[-1].start] if t.text != "-") and \
                (sum(1 for t in sdoc[a:inside[-1].start] if t.text != "-") >= 2 or
                 inside[-1].start == a + 1 and len(sdoc[a]) >= 3 and _acronym_like(sdoc[a])) and \
                not person_shape(list(sdoc[a:inside[-1].start])):
            label = "Firm"  # "Daedong Precision Uzbekistan": a firm's local company carries the country's name
        if label is None and len(inside) == 1 and inside[0].label_ in ("Sector", "Mineral") and \
                inside[0].end == b and inside[0].start > a and sdoc[inside[0].start].is_title and \
                not sdoc[inside[0].start].is_sent_start and all(
                    (t.text[:1].isupper() or t.text == "-") and not gaz.lookup(t.text) and
                    not gaz.demonym_of.get(t.lower_) and t.lower_ not in ROLE_NOUNS and t.lower_ not in TITLE_WORDS
                    for t in sdoc[a:inside[0].start]):
            label = "Firm"  # "Qazaq Lithium", "Tau-Ken Lithium": a name, then a capitalised field word, is a firm
        if label is None and any(e.label_ == "ORG" and e.start == a for e in ner_spans) and b - a > 1 and \
                all(g.label_ in ("Sector", "Mineral") for g in inside):
            # the NER saw an organisation where the run starts ("Samruk-" of "Samruk-Energy")
            label = "Organization" if any(t.lower_ in ORG_HEADS for t in toks) else "Firm"
        if label is None and len(inside) >= 2 and inside[0].start == a and \
                gaz.entries.get(inside[0].ent_id_) is not None and gaz.entries[inside[0].ent_id_].label == "Firm" \
                and all(g.label_ in ("Sector", "Mineral") for g in inside[1:]) and inside[-1].end == b and \
                all(t.text[:1].isupper() and t.is_alpha and t.lower_ not in ROLE_NOUNS and t.lower_ not in TITLE_WORDS
                    and not gaz.demonym_of.get(t.lower_) for t in toks[inside[0].end - a:]):
            label = "Firm"  # "Hanwha Energy", "Samsung Electronics": a group's name, then capitalised field words
        if label is None and len(inside) == 1 and inside[0].start == a and inside[0].end < b and \
                gaz.entries.get(inside[0].ent_id_) is not None and gaz.entries[inside[0].ent_id_].label == "Firm" \
                and all(t.text[:1].isupper() and t.lower_ not in ROLE_NOUNS and t.lower_ not in TITLE_WORDS and
                        not gaz.demonym_of.get(t.lower_) for t in toks[inside[0].end - a:]):
            label = "Firm"  # "LOTTE Rakhat", "Daewoo Motors": a firm of its own that carries a group's name
        place_first = bool(inside) and all(g.label_ in ("Location", "Country") for g in inside) and b - a >= 2 and \
            inside[-1].end < b  # "the cotton company Khujand Pakhta", "the railway company Uzbekistan Temir Yullari"
        # "the Kyrgyz firm Kyrgyz Green Energy": a firm named after its country and its field
        place_first = place_first or len(inside) >= 2 and b - a >= 2 and \
            all(g.label_ in ("Location", "Country", "DEMONYM", "Sector", "Mineral") for g in inside) and \
            any(g.label_ in ("Location", "Country", "DEMONYM") for g in inside) and \
            any(g.label_ in ("Sector", "Mineral") for g in inside)
        if label is None and (not inside or place_first) and b - a <= 3 and a > 0 and sdoc[a - 1].is_lower and \
                sdoc[a - 1].pos_ == "NOUN" and (sdoc[a - 1].dep_ == "compound" or sdoc[b - 1].dep_ == "appos" and
                                          sdoc[b - 1].head.i == a - 1) and \
                all(t.is_title and t.is_alpha and t.lower_ not in ROLE_NOUNS for t in toks) and \
                not person_shape(toks):
            # "Kazakhstan's national geological service Qazgeology", "the state company Turkmenawtoyollary": the
            # noun before a name says what it names
            word = sdoc[a - 1].lemma_.lower()
            label = "Firm" if word in FIRM_NOUNS else "Organization" if word in _BODY_DESCRIPTORS else None
            if label is not None:
                described[sdoc[a:b].text] = label
        if label is None and not inside and sdoc[a:b].text in described:
            label = described[sdoc[a:b].text]  # "... chairman of the board of Qazgeology": the name described before
        if label is None:
            continue
        if inside and label == "Firm":
            # the gazetteer firm plus legal suffixes or generic firm words is that firm
            g = inside[0]
            rest = [t for t in toks if not g.start <= t.i < g.end]
            entry = gaz.entries.get(g.ent_id_)
            if len(inside) == 1 and entry is not None and entry.label == "Firm" and all(
                    t.lower_.rstrip(".") in LEGAL_SUFFIXES | GENERIC_FIRM_WORDS or t.is_punct for t in rest):
                take(Span(sdoc, a, b, label=g.label_, span_id=g.ent_id_))
                continue
        while label == "Person" and b - a > 2 and (sdoc[a].lower_ in ROLE_COMPLEMENTS or sdoc[a].lower_ in
                                                    ("affairs", "foreign") or
                                                    sdoc[a].lower_.rstrip(".") in _HONORIFICS or sdoc[a].text == "."):
            a += 1  # "Vice Minister of Foreign Affairs Kim Jina", "Dr. Lee Kyung-min": a title's word is not the name's
        if label == "Location" and len(inside) == 1 and inside[0].end == b:
            continue  # "Lake Balkhash", "Almaty Region": the gazetteer place itself
        if b - a == 1 and sdoc[a].is_sent_start and sdoc[a].lower_ in _COMMON_NAME_WORDS and not sdoc[a].is_upper:
            continue  # "Construction has been awarded to ...": a common word capitalised by its place names nothing
        if free(a, b):
            take(Span(sdoc, a, b, label=CHUNK_LABELS[label], span_id=""))
    for g in gaz_spans:
        if free(g.start, g.end):
            take(g)
    for e in ner_spans:
        if e.label_ == "PERSON" and _described_as_unit(sdoc, e.end):
            e = Span(sdoc, e.start, e.end, label="ORG")  # "Hana Card, the group's credit card arm": a firm
        if len(e) > 1 and e.label_ == "ORG" and e[-1].lower_ in ROLE_NOUNS and e[-1].is_title:
            # "CBU Governor Timur Ishmetov": the title is not the body's
            e = Span(sdoc, e.start, e.end - 1, label=e.label_)
        if not free(e.start, e.end):
            continue
        if len(e) == 1 and e.label_ in ("ORG", "GPE", "LOC", "FAC") and e[0].lower_ in _COMMON_NAME_WORDS:
            continue  # "the State program": a capitalised common word names nothing by itself
        if len(e) == 1 and e[0].lower_ in ("mou", "mous", "moa"):
            continue  # "signed an MOU": a memorandum, whatever NER takes the capitals for
        if e.label_ == "PERSON" and len(e) == 1 and _ACRONYM.match(e.text) and e.text.isupper():
            e = Span(sdoc, e.start, e.end, label="ORG")  # "EDCF" is no one's name
        if 0 < e.start and e.end < len(sdoc) and sdoc[e.start - 1].text == "(" and sdoc[e.end].text == ")" and \
                e.start > 1 and sdoc[e.start - 2].is_lower:
            continue  # "engineering, procurement and construction (EPC)": the acronym of common words
        if len(e) == 1 and e[0].is_upper and e[0].dep_ in ("compound", "nmod", "amod") and \
                e[0].head.pos_ == "NOUN" and e[0].head.lemma_.lower() in FIRM_NOUNS:
            continue  # "the Korean EPC contractor": a kind of firm, not a firm
        toks = list(e)
        if e.label_ == "PERSON":
            # the NER may take part of a name: widen to adjacent capitalised words of the same run
            a, b = e.start, e.end
            while a > e.sent.start and sdoc[a - 1].text[:1].isupper() and _name_like(sdoc[a - 1]) and \
                    sdoc[a - 1].i not in taken and not sdoc[a - 1].is_sent_start and \
                    sdoc[a - 1].lower_ not in ROLE_NOUNS and sdoc[a - 1].lower_ not in TITLE_WORDS and \
                    sdoc[a - 1].lower_ not in ROLE_COMPLEMENTS and sdoc[a - 1].lower_ not in _FIELD_WORDS and \
                    sdoc[a - 1].lower_.rstrip(".") not in _HONORIFICS:
                a -= 1  # (not a title's last field word: "Minister of Foreign Affairs Kim Jina")
            while b < e.sent.end and (sdoc[b].text[:1].isupper() and _name_like(sdoc[b]) or sdoc[b].text == "-") \
                    and b not in taken:
                b += 1
            if sdoc[b - 1].text == "-":
                b -= 1
            toks = list(sdoc[a:b])
            if label_by_head(_head_of(toks), toks) is None:
                take(Span(sdoc, a, b, label="PERSON"))
            continue
        take(e)
    chosen.sort(key=lambda s: s.start)
    chosen = _widen_to_acronym(sdoc, chosen)
    # "X (ABBR)": the acronym is X's alias, not an entity of its own, here and wherever it recurs
    abbrs = abbreviations(sdoc, chosen)
    owned = {abbr for _k, (_i, abbr) in abbrs.items()}
    # a short name of two words ("HRD Korea") is one name wherever it recurs: no span inside it ("Korea") stands
    shadowed = {k for abbr in owned if " " in abbr for a, b in token_runs(sdoc, abbr) for k in range(a, b)}
    keep = [s for s in chosen if (s.ent_id_ or s.text not in owned) and not any(k in shadowed for k in
                                                                                  range(s.start, s.end))]
    return keep, {abbr: chosen[k] for k, (_i, abbr) in abbrs.items()}


def token_runs(sdoc: Doc, text: str) -> list[tuple[int, int]]:
    """Where the words of `text` recur in the document, as token ranges."""
    words = text.split()
    n = len(words)
    return [(t.i, t.i + n) for t in sdoc if t.text == words[0] and t.i + n <= len(sdoc)
            and [x.text for x in sdoc[t.i:t.i + n]] == words]


_LINK_WORDS = frozenset({"of", "in", "for", "and", "the", "on", "&"})


def _initials(toks: Iterable[Token]) -> str:
    return "".join(t.text[0] for t in toks if t.text[:1].isupper())


def _widen_to_acronym(sdoc: Doc, spans: list[Span]) -> list[Span]:
    """'the Association of Koreans in Kazakhstan (AKK)': a name whose acronym spells words past its end takes
    those words in ('in Kazakhstan' belongs to the name, not to a place beside it). Only when the capitals of the
    widened name spell the acronym exactly and those of the name alone do not."""
    out = list(spans)
    for s in spans:
        if not _initials(s):
            continue  # ("$45 million and the Korea Development Bank (KDB)": a sum is no name to widen)
        j = s.end
        while j < min(len(sdoc), s.end + 5) and sdoc[j].text != "(" and (
                sdoc[j].lower_ in _LINK_WORDS or sdoc[j].text[:1].isupper()) and not sdoc[j].is_sent_start:
            j += 1
        if j == s.end or j + 2 >= len(sdoc) or sdoc[j].text != "(" or sdoc[j + 2].text != ")":
            continue
        abbr = sdoc[j + 1].text
        if not abbr.isupper() or not abbr.isalpha() or sdoc[j - 1].lower_ in _LINK_WORDS:
            continue
        if _initials(s).upper() == abbr or _initials(sdoc[s.start:j]) != abbr:
            continue
        label = s.label_
        if label in ("Country", "Location", "GPE", "LOC", "DEMONYM", "NORP"):
            # "Uzbekistan Temir Yullari (UTY)": a place's name widened to an acronym's names a body, not the place
            typed = label_by_head(_head_of(list(sdoc[s.start:j])), list(sdoc[s.start:j]))
            label = CHUNK_LABELS[typed] if typed in ("Firm", "Organization") else "ORG"
        wide = Span(sdoc, s.start, j, label=label, span_id="")
        out = [x for x in out if x is not s and not (x.start < j and x.end > s.end)]
        out.append(wide)
    return sorted(out, key=lambda x: x.start)


def abbreviations(sdoc: Doc, spans: list[Span]) -> dict[int, tuple[int, str]]:
    """'X (ABBR)': the index of each span followed by a parenthesised short name -> (index of its first token,
    the short name). A short name is one word ("KOICA", "Eximbank") or one hyphenated word ("K-water")."""
    out: dict[int, tuple[int, str]] = {}
    for k, s in enumerate(spans):
        i = s.end
        if i + 2 < len(sdoc) and sdoc[i].text == "(":
            j = i + 1
            while j < min(len(sdoc), i + 5) and sdoc[j].text != ")":
                j += 1
            if j >= len(sdoc) or sdoc[j].text != ")" or j == i + 1:
                continue
            inner = sdoc[i + 1:j]
            text = inner.text
            if (len(inner) == 1 or not any(t.whitespace_ for t in inner[:-1])) and _SHORT_NAME.match(text):
                out[k] = (i + 1, text)
            elif len(inner) == 2 and inner[0].is_alpha and inner[0].text.isupper() and len(inner[0]) >= 2 and \
                    inner[1].is_alpha and inner[1].is_title:
                out[k] = (i + 1, text)  # "(HRD Korea)": an acronym and a word, one short name
    return out
