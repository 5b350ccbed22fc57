"""Mentions: gazetteer names, NER entities, project and agreement noun phrases, and references that are safe
to resolve ("the two countries", "the company", "our country" in a quote whose speaker is known)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from graph.extract.gazetteer import _TITLE_RE, name_key, slug
from graph.extract.lexicon import (
    AGREEMENT_HEADS,
    COLLECTIVE_FIRMS,
    EVENT_HEADS,
    EVENT_NOUNS,
    FIRM_HEADS,
    FIRM_NOUNS,
    GENERIC_FIRM_WORDS,
    GROUP_REFS,
    KOREAN_SURNAMES,
    LEGAL_SUFFIXES,
    LOCATION_HEADS,
    NAME_STOP_MODIFIERS,
    ORG_HEADS,
    ORG_WORDS,
    PLACE_NOUNS,
    PRESIDENT_LIKE,
    PROJECT_HEADS,
    REFERENCE_NOUNS,
    ROLE_COMPLEMENTS,
    ROLE_NOUNS,
    SAY_VERBS,
    VAGUE_PROJECT_HEADS,
)
from graph.extract.names import (
    GENERIC_FIRST,
    LABEL_OF_CHUNK,
    TITLE_WORDS,
    label_by_head,
    person_shape,
    resolve_spans,
    token_runs,
)
from graph.extract.roles import role_targets
from graph.extract.state import DocState, Mention, add_mention, drop_mention, entity, report_pair
from graph.extract.syntax import SIGNING_VERBS, document_topic, expand, location_in
from graph.schema import ENTITY_LABELS


def context_country(st: DocState, span: Span) -> str | None:
    """The country a generic name belongs to: "Kazakhstan's Ministry of ...", "the Korean Ministry"."""
    sdoc = span.doc
    for t in span.root.children:
        if t.dep_ in ("poss", "amod", "compound", "nmod") and t.i < span.start:
            cid = country_of_token(st, t)
            if cid:
                return cid
    if span.start >= 2 and sdoc[span.start - 1].text in ("'s", "’s"):
        cid = country_of_token(st, sdoc[span.start - 2])
        if cid:
            return cid
    if span.start >= 1:
        cid = country_of_token(st, sdoc[span.start - 1])
        if cid:
            return cid
    for t in span.root.children:
        if t.dep_ == "prep" and t.lower_ == "of":
            for p in t.children:
                cid = country_of_token(st, p)
                if cid:
                    return cid
    return None


# what a country's own body is called in every country: "Ministry of ...", "Committee for ..."
_GENERIC_BODIES = frozenset({"ministry", "committee", "agency", "council", "service", "embassy", "office",
                             "department", "chamber", "cabinet"})


def _other_countrys(st: DocState, eid: str, span: Span, text: str) -> Mention | None:
    """'the Ministry of Economy and Finance of Uzbekistan': a generic body's name the gazetteer knows for one country
    is another country's body when the text says whose it is."""
    entry = st.gaz.entries.get(eid)
    if entry is None or entry.label != "Organization" or not entry.country or \
            entry.name.split()[0].lower() not in GENERIC_FIRST | _GENERIC_BODIES:
        return None
    country = _stated_country(st, span)
    if country is None or country == entry.country:
        return None
    oid = f"org:{country.split(':', 1)[1]}-{name_key(entry.name)}"
    entity(st, oid, "Organization", entry.name)
    st.entities[oid].properties["country"] = country
    return Mention((oid,), "Organization", span.start, span.end, text)


def _stated_country(st: DocState, span: Span) -> str | None:
    """The country a name's own words give it: "X of Uzbekistan" after it, "Uzbekistan's X" or "the Uzbek X" before
    it (read off the surface: a gazetteer name's span may not be a parse constituent)."""
    sdoc = span.doc
    k = span.end
    if k + 1 < len(sdoc) and sdoc[k].lower_ == "of":
        j = k + 2 if sdoc[k + 1].lower_ == "the" and k + 2 < len(sdoc) else k + 1
        cid = country_of_token(st, sdoc[j])
        if cid:
            return cid
    if span.start >= 2 and sdoc[span.start - 1].text in ("'s", "’s"):
        return country_of_token(st, sdoc[span.start - 2])
    if span.start >= 1:
        return country_of_token(st, sdoc[span.start - 1])
    return None


def country_of_token(st: DocState, tok: Token) -> str | None:
    if tok.ent_id_.startswith("country:"):
        return tok.ent_id_
    return st.gaz.demonym_of.get(tok.text.lower())


def collect_mentions(st: DocState) -> None:
    sdoc = st.sdoc
    gaz = st.gaz
    spans, abbreviations = resolve_spans(sdoc, gaz)
    sdoc.ents = spans
    for span in spans:
        # a span's id is read off its tokens: a typed name must not keep the id of a gazetteer piece inside it
        for tok in span:
            tok.ent_id_ = span.id_
    person_keys: dict[str, str] = {}  # surname / full-name key -> person id, for short references
    for ent in sdoc.ents:
        text = ent.text
        label = ent.label_
        eid = ent.ent_id_
        if label == "DEMONYM":
            add_mention(
                st,
                Mention(
                    (entity(st, eid, "Country", text),),
                    "Country",
                    ent.start,
                    ent.end,
                    text,
                    demonym=True,
                ),
            )
            continue
        if eid.startswith("ambig:"):
            country = context_country(st, ent)
            cands = gaz.by_key.get(eid[len("ambig:") :], [])
            pick = [c for c in cands if gaz.entries[c].country == country] if country else []
            if pick:
                eid = pick[0]
            else:
                first = gaz.entries[cands[0]]
                eid = f"{first.id.split(':')[0]}:{name_key(text)}"
                label = first.label
        if eid and eid.endswith("-companies") and any(e.start == ent.end and e.label_ != "DEMONYM"
                                                       for e in sdoc.ents):
            continue  # "the South Korean companies Hyundai Engineering Co. and LG International Corp.": those firms
        if eid:
            entry = gaz.entries.get(eid)
            label = entry.label if entry else label
            if label == "Person" and len(ent) == 1 and (other := _named_namesake(st, ent.start, text, eid)):
                add_mention(st, other)
                continue
            other = _other_countrys(st, eid, ent, text)
            if other is not None:
                add_mention(st, other)
                continue
            add_mention(
                st, Mention((entity(st, eid, label, text),), label, ent.start, ent.end, text)
            )
            if label == "Person":
                for n in (gaz.entries[eid].name, *gaz.entries[eid].aliases):
                    person_keys[name_key(n)] = eid
            continue
        m = ner_mention(st, ent, person_keys)
        if m is not None:
            add_mention(st, m)
    _acronyms(st, abbreviations)
    _known_as(st)
    _quoted_names(st)
    _titled_names(st)
    _country_mineral_firms(st)
    _short_names(st)
    _conjoined_names(st)
    _described_names(st)
    _repeated_names(st)
    _surnames_taken_for_places(st)
    _sites_by_name(st)
    _named_settlements(st)
    _kinds_of_place(st)
    _titled_occasions(st)
    _titled_projects(st)
    _described_bodies(st)
    local_governments(st)
    acting_places(st)
    branch_campuses(st)
    lowercase_ministries(st)
    lowercase_embassies(st)
    plural_ministries(st)
    the_capital(st)
    noun_phrase_mentions(st)
    _places_of_works(st)
    _named_descriptions(st)


def _place_id(st: DocState, name: str) -> str:
    """A place name's id: the one place the gazetteer knows by it, else one made from the name."""
    known = [i for i in st.gaz.lookup(name) if st.gaz.entries[i].label == "Location"]
    return known[0] if len(known) == 1 else f"location:{slug(name)}"


def _kinds_of_place(st: DocState) -> None:
    """'the Vakhsh valley', 'the Zarafshon river', 'the Kokhi Borbad palace': a capitalised name before a lower-case
    word for a kind of place is that place, whatever NER took the name for (a person, a body, nothing). Named with its
    kind, and known by the name alone too."""
    sdoc = st.sdoc
    for head in sdoc:
        if not head.is_lower or head.pos_ != "NOUN" or head.lemma_.lower() not in LOCATION_HEADS or head.i in st.at:
            continue
        names = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        if not names or names[-1].i != head.i - 1:
            continue
        start = names[-1].i
        while start > 0 and sdoc[start - 1].dep_ == "compound" and sdoc[start - 1].head.i in (head.i, start):
            start -= 1
        words = sdoc[start:head.i]
        if not all(t.pos_ == "PROPN" and t.is_title for t in words) or start == 0 or \
                sdoc[start - 1].lower_ not in ("the", "of", "in", "on", "at", "near"):
            continue
        typed = {id(m): m for t in words if (m := st.at.get(t.i)) is not None}
        if any(m.start < start or m.end > head.i or len(m.ids) != 1 or m.id in st.gaz.entries or
               m.label not in ("Person", "Firm", "Organization") for m in typed.values()):
            continue  # (a place, a known name, or a longer name: left as they are)
        for m in typed.values():
            drop_mention(st, m)
        name, short = sdoc[start:head.i + 1].text, words.text
        lid = entity(st, f"location:{slug(name)}", "Location", name)
        entity(st, lid, "Location", short)
        add_mention(st, Mention((lid,), "Location", start, head.i + 1, name))


def _places_of_works(st: DocState) -> None:
    """'a second cable plant in Saran', 'the plant near Asubulak': a capitalised name no one typed (NER took it for
    a body, or for nothing) after "in"/"near" on a project is the place the works stand in."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.dep_ != "prep" or tok.lower_ not in ("in", "near") or tok.head.i not in st.at or \
                st.at[tok.head.i].label != "Project":
            continue
        for p in (c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.is_title and c.is_alpha):
            start = p.i
            while start > tok.i + 1 and sdoc[start - 1].dep_ == "compound" and sdoc[start - 1].head.i == p.i and \
                    sdoc[start - 1].pos_ == "PROPN" and sdoc[start - 1].is_title:
                start -= 1
            end = p.i + 1
            typed = st.at.get(p.i)
            if typed is not None and typed.label in ("Firm", "Organization") and len(typed.ids) == 1 and \
                    typed.id not in st.gaz.entries and typed.end == p.i + 1 and tok.i < typed.start and \
                    sum(1 for m in st.mentions if typed.id in m.ids) == 1:
                start = typed.start  # (a name NER took for a body, named nowhere else: a place)
                drop_mention(st, typed)
            if any(t.i in st.at for t in sdoc[start:end]) or end < len(sdoc) and (
                    sdoc[end].text[:1].isupper() or sdoc[end].lower_ in ("'s", "’s", "of")) or \
                    any(t.lower_ in ORG_HEADS | FIRM_HEADS | LEGAL_SUFFIXES for t in sdoc[start:end]):
                continue  # (typed already, or a longer name, or the name of a body)
            name = sdoc[start:end].text
            lid = _place_id(st, name)
            add_mention(st, Mention((entity(st, lid, "Location", name),), "Location", start, end, name))


def _named_descriptions(st: DocState) -> None:
    """'the joint venture, named Daewoong Uzpharm', 'a company called Qazaq Korea Metals': the name after "named",
    "called" or "dubbed" on a body, project or event the text only described is that thing's name (not a person or
    another body NER guessed)."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lower_ not in ("named", "called", "dubbed") or tok.dep_ != "acl" or tok.head.i not in st.at:
            continue
        described = st.at[tok.head.i]
        if described.label not in ("Firm", "Organization", "Project", "Event") or len(described.ids) != 1 or \
                described.id in st.gaz.entries or not tok.head.is_lower:
            continue
        start = tok.i + 1
        end = start
        while end < len(sdoc) and (sdoc[end].text[:1].isupper() or sdoc[end].text in ("-", "&")) and \
                sdoc[end].pos_ in ("PROPN", "NOUN", "PUNCT", "CCONJ"):
            end += 1
        whole = st.at.get(start)
        if end == start or any((x := st.at.get(i)) is not None and (x.start < start or x.end > end)
                               for i in range(start, end)) or \
                whole is not None and whole.end == end and whole.id in st.gaz.entries:
            continue  # (nothing capitalised, a name that runs on, or one the reference data knows)
        name = sdoc[start:end].text
        for m in {id(x): x for i in range(start, end) if (x := st.at.get(i)) is not None}.values():
            drop_mention(st, m)
        nid = entity(st, f"{_PREFIX[described.label]}:{name_key(name)}", described.label, name)
        add_mention(st, Mention((nid,), described.label, start, end, name))
        _merge_into(st, described.id, nid)


_SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "settlement", "port"})


def _named_settlements(st: DocState) -> None:
    """'Ashgabat and the city of Mary', 'the town of Zyryanovsk': the name after "the city of" is a place, whatever NER
    takes it for (a person's name, nothing)."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lower_ not in _SETTLEMENT_NOUNS or tok.i < 1 or sdoc[tok.i - 1].lower_ != "the" or \
                tok.i + 2 >= len(sdoc) or sdoc[tok.i + 1].lower_ != "of":
            continue
        k = tok.i + 2
        end = k
        while end < len(sdoc) and end - k < 3 and sdoc[end].is_title and sdoc[end].is_alpha and \
                sdoc[end].pos_ == "PROPN":
            end += 1
        if end == k or end < len(sdoc) and sdoc[end].text[:1].isupper() and sdoc[end].is_alpha:
            continue
        inner = [m for m in st.mentions if k <= m.start < end or k < m.end <= end]
        if any(m.label in ("Location", "Country") for m in inner) or any(m.start < k or m.end > end for m in inner):
            continue  # (already a place, or a longer name)
        for m in inner:
            drop_mention(st, m)
        name = sdoc[k:end].text
        lid = _place_id(st, name)
        add_mention(st, Mention((entity(st, lid, "Location", name),), "Location", k, end, name))


_OCCASION_HEADS = frozenset({"days", "week", "weeks", "year", "month", "decade"})


def _titled_occasions(st: DocState) -> None:
    """'Days of Culture of the Republic of Korea will be held in Ashgabat', 'the Year of Korean Culture': a title-case
    "Days of", "Week of", "Year of" and its capitalised words name an occasion, an event (up to the first name NER or
    the gazetteer read: "Days of Culture")."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lower_ not in _OCCASION_HEADS or not tok.is_title or tok.i in st.at or tok.i + 2 >= len(sdoc) or \
                sdoc[tok.i + 1].lower_ != "of" or (tok.i > 0 and not tok.is_sent_start and
                                                   sdoc[tok.i - 1].lower_ not in ("the", "a", "of", "for", "during")):
            continue
        k = tok.i + 2
        end = k
        while end < len(sdoc) and sdoc[end].is_title and sdoc[end].is_alpha and end - k < 4 and (
                end not in st.at or st.at[end].label == "Sector" and st.at[end].end == end + 1):
            end += 1  # (a field's word is part of the name: "Days of Culture")
        if end == k:
            continue
        for m in [st.at[i] for i in range(k, end) if i in st.at]:
            drop_mention(st, m)
        name = sdoc[tok.i:end].text
        eid = f"event:{slug(name)}"
        add_mention(st, Mention((entity(st, eid, "Event", name),), "Event", tok.i, end, name))


# nouns that say a name is a body, not a person: "Arirang, a dance ensemble from Tashkent"
_BODY_DESCRIPTORS = frozenset({"ensemble", "troupe", "choir", "band", "orchestra", "association", "society", "club",
                               "foundation", "company", "firm", "university", "institute", "theatre", "theater",
                               "newspaper", "weekly", "magazine", "agency", "organisation", "organization", "group"})


def _described_bodies(st: DocState) -> None:
    """'Among the performers was Arirang, a dance ensemble from Tashkent': a name NER took for a person that an
    apposition right after its comma calls an ensemble, a company, a university ... is a body."""
    sdoc = st.sdoc
    for m in [m for m in st.mentions if m.label == "Person" and len(m.ids) == 1]:
        if m.end + 2 >= len(sdoc) or sdoc[m.end].text != "," or m.id in st.leads:
            continue
        root = sdoc[m.end - 1]
        appos = [c for c in root.children if c.dep_ == "appos" and c.i > m.end and c.tag_ == "NN" and
                 c.lemma_.lower() in _BODY_DESCRIPTORS and any(d.dep_ == "det" and d.lower_ in ("a", "an", "the")
                                                              for d in c.children)]
        if not appos:
            continue
        label = "Firm" if appos[0].lemma_.lower() in ("company", "firm") else "Organization"
        drop_mention(st, m)
        eid = f"{'firm' if label == 'Firm' else 'org'}:{slug(m.text)}"
        add_mention(st, Mention((entity(st, eid, label, m.text),), label, m.start, m.end, m.text))


_TITLE_JOINERS = frozenset({"for", "of", "on", "in", "and", "the", "to", "with"})


def _titled_projects(st: DocState) -> None:
    """'the Project for Strengthening Telemedicine Services in Naryn and Talas Regions': a capitalised "Project for"
    ("Programme on") and the title-case words after it are one project's name (NER takes pieces of it for a body:
    "Telemedicine Services"); the places it names stay places."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.text not in ("Project", "Programme", "Program") or tok.i + 2 >= len(sdoc) or \
                sdoc[tok.i + 1].lower_ not in ("for", "on", "of") or not sdoc[tok.i + 2].is_title:
            continue
        end = tok.i + 1
        while end < len(sdoc) and (sdoc[end].is_title and sdoc[end].is_alpha or sdoc[end].text == "-" or
                                   sdoc[end].lower_ in _TITLE_JOINERS and end + 1 < len(sdoc) and
                                   sdoc[end + 1].is_title):
            end += 1
        if end - tok.i < 3:
            continue
        name = sdoc[tok.i:end].text
        for m in [m for m in st.mentions if tok.i <= m.start < end and m.label != "Location"]:
            drop_mention(st, m)
        pid = f"project:{slug(name)}"
        add_mention(st, Mention((entity(st, pid, "Project", name),), "Project", tok.i, tok.i + 1, name))


def _surnames_taken_for_places(st: DocState) -> None:
    """'First Vice Minister Hong Sun-yeol ... The consultations were co-chaired by Hong and ...': a lone capitalised
    word NER took for a place or a body, that nothing else knows, and that is the surname of the one person the text
    has named in full before it, is that person."""
    people = [m for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and m.end - m.start >= 2]
    for m in [m for m in st.mentions if m.label in ("Location", "Firm", "Organization") and m.end - m.start == 1]:
        tok = st.sdoc[m.start]
        if not tok.is_title or tok.pos_ != "PROPN" or m.id in st.gaz.entries or st.gaz.lookup(tok.text):
            continue
        words = tok.lower_
        named = {p.id for p in people if p.end <= m.start and p.id in st.entities and
                 (st.entities[p.id].name.lower().split()[:1] == [words] or
                  st.entities[p.id].name.lower().split()[-1:] == [words])}
        if len(named) == 1:
            drop_mention(st, m)
            add_mention(st, Mention((named.pop(),), "Person", m.start, m.end, m.text))


# works named like sites ("the Surgil project", "the Kiyanly complex"), beside the sites' own nouns (SITE_HEADS)
_WORKS_HEADS = frozenset({"project", "plant", "complex"})


def _sites_by_name(st: DocState) -> None:
    """'the Upper Kairakty tungsten deposit ... Upper Kairakty holds reserves of ...': a proper name NER took for a
    person or a body, that the gazetteer does not know, and that is the proper-name part of exactly one site or
    project the text named before (its name that proper name, then lower-case words ending in a site noun), is that
    site."""
    for m in [m for m in st.mentions if m.label in ("Person", "Firm", "Organization") and len(m.ids) == 1
              and m.id not in st.gaz.entries]:
        span = st.sdoc[m.start:m.end]
        if not all(t.pos_ == "PROPN" and t.is_title for t in span) or st.gaz.lookup(m.text):
            continue
        words = [t.lower_ for t in span]
        found = set()
        for x in st.mentions:
            if x.end > m.start or x.label not in ("Location", "Project") or len(x.ids) != 1 or x.id not in st.entities:
                continue
            name = st.entities[x.id].name.split()
            rest = name[len(words):]
            if [w.lower() for w in name[:len(words)]] == words and rest and all(w.islower() for w in rest) and \
                    rest[-1] in SITE_HEADS | _WORKS_HEADS:
                found.add((x.id, x.label))
        if len(found) == 1:
            eid, label = found.pop()
            drop_mention(st, m)
            add_mention(st, Mention((eid,), label, m.start, m.end, m.text))


def _in_title_field(doc: Doc, start: int) -> bool:
    """Do the words at `start` continue the field of a title: "Minister of Labor, Social Security and Migration",
    "Minister of Investment, Industry and Trade"? Back over capitalised words, commas and "and" to "<title> of"."""
    k = start - 1
    saw_comma = False
    while k >= 1 and start - k <= 8:
        t = doc[k]
        if t.lower_ == "of" and doc[k - 1].lemma_.lower() in ROLE_NOUNS and doc[k - 1].lemma_.lower() not in \
                ("head", "chief", "member"):
            # (the words right after "of" a field's: "Labor," in "Minister of Labor, Social Security and ...")
            first = [x for x in doc[k + 1:start] if x.text != ","][:1]
            # ("Minister of Employment and Labor": with no comma, a field word itself right after "and")
            listed = saw_comma or doc[start - 1].lower_ == "and" and doc[start].lower_ in ROLE_COMPLEMENTS
            return listed and bool(first) and first[0].lower_ in ROLE_COMPLEMENTS
        if t.text == ",":
            saw_comma = True
        elif not (t.text[:1].isupper() or t.lower_ == "and"):
            return False
        k -= 1
    return False


_QUOTES = frozenset({'"', "“", "”", "«", "»", "'"})


def _quoted_names(st: DocState) -> None:
    """'the State Concern "Türkmenhimiýa"', 'JSC "Uzbekneftegaz"': a name made only of words that say what kind of
    firm follows, before a quoted name, is the quoted firm's descriptor, not a firm of its own."""
    for m in list(st.mentions):
        if m.label not in ("Firm", "Organization") or m.end + 1 >= len(st.sdoc) or \
                st.sdoc[m.end].text not in _QUOTES:
            continue
        words = [t.lower_.strip(".") for t in st.sdoc[m.start:m.end] if t.text not in ("-", ",")]
        named = st.at.get(m.end + 1)
        if words and all(w in GENERIC_FIRM_WORDS or w in GENERIC_FIRST for w in words) and named is not None and \
                named.label in ("Firm", "Organization") and named is not m:
            drop_mention(st, m)


_CALLED_ADVERBS = frozenset({"usually", "commonly", "also", "better", "widely", "often", "locally", "simply",
                             "generally", "formerly", "previously"})


def _known_as(st: DocState) -> None:
    """'The State Republican Academic Korean Theatre of Musical Comedy (Russian: ...), usually called the Korean
    Theatre, is ...': the name after "called" or "known as" is another name of the body just named."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lower_ == "called":
            k = tok.i + 1
        elif tok.lower_ == "known" and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ == "as":
            k = tok.i + 2
        else:
            continue
        if k < len(sdoc) and sdoc[k].lower_ == "the":
            k += 1
        other = st.at.get(k)
        if other is None or other.start != k or len(other.ids) != 1 or \
                other.label not in ("Firm", "Organization", "Project", "Event", "Agreement"):
            continue
        j = tok.i - 1
        while j >= 0 and sdoc[j].lower_ in _CALLED_ADVERBS:
            j -= 1
        if j < 0 or sdoc[j].text != ",":
            continue
        j -= 1
        if sdoc[j].text == ")":  # past a parenthesis: "(Russian: ...)"
            while j >= 0 and sdoc[j].text != "(":
                j -= 1
            j -= 1
        named = st.at.get(j)
        if named is None or len(named.ids) != 1 or named.label != other.label or named.id == other.id:
            continue
        if other.id not in st.gaz.entries:
            entity(st, named.id, named.label, other.text)  # (an alias of the body named first)
            _merge_into(st, other.id, named.id)


def _titled_names(st: DocState) -> None:
    """'Kazakh Minister of Culture and Information Aida Balayeva': a person's name at the end of a title and its
    fields, which the name chunker swallowed with the title (or left to a field word), is a person."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lemma_.lower() not in ROLE_NOUNS or not tok.text[:1].isupper():
            continue
        found = None
        for b in range(tok.i + 3, min(len(sdoc), tok.i + 16) + 1):
            # each place the capitalised words stop ("... Aida Balayeva and"), the shortest person-shaped name
            # ending there
            if b < len(sdoc) and (sdoc[b].text[:1].isupper() or sdoc[b].text == "-" or
                                  sdoc[b - 1].text == "-" and not sdoc[b - 1].whitespace_):
                continue  # (capitalised, or the second half of a hyphenated given name: "In-chon")
            for n in (2, 3, 4):
                a = b - n
                if a > tok.i and sdoc[a - 1].text != "-" and person_shape(list(sdoc[a:b])) and \
                        not any(t.lemma_.lower() in ROLE_NOUNS for t in sdoc[a:b]) and \
                        not any((x := st.at.get(i)) is not None and x.label == "Country" for i in range(a, b)):
                    # (not "Minister Nizomiddin Zohidi": a title word is no part of a name; nor "Tajikistan
                    # Sirojiddin Aslov": the title's country is not either)
                    found = (a, b)
                    break
            if found or b < len(sdoc) and sdoc[b].lower_ not in ("of", "and", ",", "the"):
                break
        if found is None:
            continue
        a, b = found
        same = st.at.get(a)
        if same is not None and same.label == "Person" and (same.start, same.end) == (a, b):
            continue  # named already
        for held in {id(st.at[i]): st.at[i] for i in range(a, b) if i in st.at}.values():
            if held.label == "Sector" or held.label in ("Person", "Location") and a <= held.start and held.end <= b \
                    and (held.label == "Person" or held.end - held.start == 1):
                # (a field word; "Yoon" of "Yoon Jae-kwan", which the gazetteer knows as another Yoon's short name)
                drop_mention(st, held)
            elif held.end == b and held.start < a and (
                    held.label == "Person" and all(t.lower_ not in ROLE_NOUNS for t in sdoc[held.start:a]) or
                    held.label in ("Firm", "Organization") and held.start >= 2 and
                    sdoc[held.start - 1].lower_ == "of" and sdoc[held.start - 2].lemma_.lower() in ROLE_NOUNS):
                # "Geology Sherzod Tursunov", "National Economy Serik Zhumangarin": the title's last field taken
                # into the name
                drop_mention(st, held)
        if any(i in st.at for i in range(a, b)):
            continue
        text = sdoc[a:b].text
        pid = "person:" + name_key(text)
        add_mention(st, Mention((entity(st, pid, "Person", text),), "Person", a, b, text))


def _country_mineral_firms(st: DocState) -> None:
    """'the state-owned Tajik Antimony', 'Kazakh Uranium': a country's name and a capitalised mineral inside a
    sentence are a firm's name (as 'Korea Zinc' is), not a country and a mineral."""
    for m in list(st.mentions):
        x = st.at.get(m.end)
        if m.label != "Country" or x is None or x.label != "Mineral" or x.start != m.end or x.end - x.start != 1:
            continue
        tok = st.sdoc[x.start]
        if not tok.is_title or tok.is_sent_start or st.sdoc[m.start].is_sent_start and m.start == 0:
            continue
        nxt = st.sdoc[x.end] if x.end < len(st.sdoc) else None
        if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN":
            continue  # "Kazakh Uranium output" is still the mineral
        text = st.sdoc[m.start:x.end].text
        drop_mention(st, m)
        drop_mention(st, x)
        eid = f"firm:{name_key(text)}"
        add_mention(st, Mention((entity(st, eid, "Firm", text),), "Firm", m.start, x.end, text))


_LOCAL_BODIES = frozenset({"akimat", "akimiat", "khokimiyat", "hokimiyat", "administration", "government",
                           "municipality", "hakimlik", "hukumat"})
_LOCAL_WORDS = frozenset({"akimat", "akimiat", "khokimiyat", "hokimiyat", "hakimlik", "hukumat"})  # ("City Hukumat")
_LEVELS = frozenset({"city", "regional", "region", "district", "oblast", "province", "provincial", "municipal",
                     "velayat", "county"})


def local_governments(st: DocState) -> None:
    """'the Almaty region akimat', 'the Ansan city government', 'the Fergana regional khokimiyat': a place's own
    administration is a body of its own (not the place, not a person NER took the place's name for)."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lemma_.lower() not in _LOCAL_BODIES or not (tok.is_lower or tok.lower_ in _LOCAL_WORDS) or \
                tok.pos_ not in ("NOUN", "PROPN") or tok.i in st.at:
            continue
        after = st.at.get(tok.i + 2) if tok.i + 2 < len(sdoc) and sdoc[tok.i + 1].lower_ == "of" else None
        if tok.lower_ in _LOCAL_WORDS and after is not None and after.label == "Location" and \
                after.start == tok.i + 2 and len(after.ids) == 1:
            # "the akimat of Almaty", "the khokimiyat of Samarkand region": the place's administration
            text = sdoc[tok.i:after.end].text
            eid = f"org:{name_key(text)}"
            entity(st, eid, "Organization", text)
            add_mention(st, Mention((eid,), "Organization", tok.i, tok.i + 1, text))
            continue
        k = tok.i - 1
        level = False
        while k >= 0 and sdoc[k].lower_ in _LEVELS:
            k -= 1
            level = True
        if k < 0 or k == tok.i - 1 and not level and sdoc[k].lower_ in _LEVELS:
            continue
        place = st.at.get(k)
        if place is not None:
            ok = place.label == "Location" or level and place.label in ("Person", "Firm", "Organization") and \
                place.end - place.start == 1 and place.id not in st.gaz.entries
            if not ok or not k < place.end <= tok.i:
                continue
            start = place.start
        elif level and sdoc[k].pos_ == "PROPN" and sdoc[k].is_title and not sdoc[k].ent_type_ == "DATE":
            start = k
        else:
            continue
        text = sdoc[start:tok.i + 1].text
        key = name_key(text)
        if not key:
            continue
        if place is not None:
            drop_mention(st, place)
        eid = f"org:{key}"
        entity(st, eid, "Organization", text)
        add_mention(st, Mention((eid,), "Organization", start, tok.i + 1, text))


_CAMPUS_HEADS = frozenset({"university", "institute"})
_CENTRAL_ASIA = frozenset({"country:kazakhstan", "country:uzbekistan", "country:kyrgyzstan", "country:tajikistan",
                           "country:turkmenistan"})


def branch_campuses(st: DocState) -> None:
    """'Inha University in Tashkent, opened in 2014 with the support of Korea's Inha University': a university
    named with a Central Asian city after it is a campus of its own, not the Korean university it is named after
    (unless the name already says it is a Central Asian one: 'Kazakh National University in Almaty')."""
    sdoc = st.sdoc
    for m in list(st.mentions):
        if m.label != "Organization" or len(m.ids) != 1 or sdoc[m.end - 1].lemma_.lower() not in _CAMPUS_HEADS:
            continue
        if m.end + 1 >= len(sdoc) or sdoc[m.end].lower_ != "in":
            continue
        city = st.at.get(m.end + 1)
        if city is None or city.label != "Location" or city.start != m.end + 1 or len(city.ids) != 1:
            continue
        where = st.gaz.entries.get(city.id)
        own = st.gaz.entries.get(m.id)
        if where is None or where.country not in _CENTRAL_ASIA or own is not None and own.country in _CENTRAL_ASIA:
            continue
        if any(st.gaz.demonym_of.get(t.lower_) in _CENTRAL_ASIA or (x := st.at.get(t.i)) is not None and x is not m
               and x.label in ("Country", "Location") for t in sdoc[max(0, m.start - 1):m.end]):
            continue  # ("the Kazakh National Medical University in Almaty": a Central Asian university in its city)
        text = sdoc[m.start:city.end].text
        eid = f"org:{name_key(text)}"
        drop_mention(st, m)
        drop_mention(st, city)
        entity(st, eid, "Organization", text)
        add_mention(st, Mention((eid,), "Organization", m.start, city.end, text))


_PARTY_VERBS = frozenset({"sign", "agree", "conclude", "renew", "ink", "extend", "twin", "pledge"})
_PLACE_GROUPS = frozenset({"city", "region", "province", "county", "district", "municipality"})
# what a place pays with is its administration's budget: "the province would finance", "Gyeongju will allocate"
_PURSE_VERBS = frozenset({"finance", "fund", "allocate", "co-finance", "cofinance", "sponsor"})


def sister_places(verb: Token) -> bool:
    """Is the verb "be" with "sister (twin) cities / regions" for its complement?"""
    return verb.lemma_ == "be" and any(
        c.dep_ == "attr" and c.lemma_.lower() in _PLACE_GROUPS | {"town"} and
        any(x.lower_ in ("sister", "twin", "partner") for x in c.children) for c in verb.children)


def acting_places(st: DocState) -> None:
    """'Ulsan Metropolitan City and the Navoi regional khokimiyat agreed to ...', 'the cities of Samarkand and
    Gyeongju signed a memorandum': a city or region that signs or agrees is its administration, a body (the place
    itself cannot be a party). Not a capital ("Seoul and Astana agreed": the countries, read elsewhere)."""
    sdoc = st.sdoc
    for m in list(st.mentions):
        if m.label != "Location" or len(m.ids) != 1:
            continue
        entry = st.gaz.entries.get(m.id)
        if entry is not None and entry.metonym_for:
            continue
        tok = sdoc[m.end - 1]
        if tok.i != m.end - 1 or tok.pos_ != "PROPN" and tok.lemma_.lower() not in _PLACE_GROUPS:
            continue  # (a name, or a name and its kind of place: "Issyk-Kul region")
        end = m.end
        if tok.dep_ == "compound" and tok.head.i == m.end and tok.head.lemma_.lower() in _PLACE_GROUPS:
            tok = tok.head  # ("Issyk-Kul region": the name and the kind of place after it, one party)
            end = tok.i + 1
        while tok.dep_ == "conj":
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _PLACE_GROUPS and \
                tok.head.head.tag_ == "NNS":
            tok = tok.head.head  # "the cities of Samarkand and Gyeongju"
            while tok.dep_ == "conj":
                tok = tok.head
        verb = tok.head
        if tok.dep_ == "nsubj" and sister_places(verb):
            pass  # ("Gyeongsangbuk-do and Issyk-Kul region have been sister regions since 2019": a pair of places)
        elif tok.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _PARTY_VERBS | _PURSE_VERBS or \
                verb.lemma_.lower() in _PURSE_VERBS and m.id not in st.gaz.entries:
            continue  # (a place that pays: one the gazetteer knows, not a name NER took for a place)
        text = sdoc[m.start:end].text
        eid = f"org:{name_key(text)}-administration"
        drop_mention(st, m)
        entity(st, eid, "Organization", text)  # ("Gyeongju", the city as a party: its id says administration)
        add_mention(st, Mention((eid,), "Organization", m.start, end, text))
    for tok in sdoc:
        # "A delegation of North Gyeongsang Province visited Samarkand ... the province would finance the construction
        # of a training centre": "the province" that signs or pays is the last place named with that word in its
        # name, as its administration
        if tok.lemma_.lower() not in _PLACE_GROUPS or tok.tag_ != "NN" or tok.i in st.at or tok.dep_ != "nsubj" or \
                [c.lower_ for c in tok.children] != ["the"] or tok.head.pos_ != "VERB" or \
                tok.head.lemma_.lower() not in _PARTY_VERBS | _PURSE_VERBS:
            continue
        named = [m for m in st.mentions if m.start < tok.i and len(m.ids) == 1 and m.id in st.entities and
                 m.label in ("Location", "Organization") and any(
                     tok.lower_ in n.lower().replace("-", " ").split()
                     for n in (st.entities[m.id].name, *st.entities[m.id].aliases))]
        if not named or len({m.id for m in named[-3:]}) != 1:
            continue
        place = named[-1]
        if place.label == "Organization":
            add_mention(st, Mention(place.ids, "Organization", tok.i, tok.i + 1, tok.text))
            continue
        text = st.entities[place.id].name
        eid = f"org:{name_key(text)}-administration"
        entity(st, eid, "Organization", text)
        add_mention(st, Mention((eid,), "Organization", tok.i, tok.i + 1, tok.text))


def the_capital(st: DocState) -> None:
    """'an ITS project for the capital', 'opened the new Korean House in the capital': "the capital" is the capital
    city named last before it (the dateline's, as a rule); "the Kazakh capital", "the capital of Tajikistan": that
    country's. A capital is a place the gazetteer says stands for its country."""
    capitals, capital_ids = st.gaz.capitals, st.gaz.capital_ids
    last: str | None = None
    for tok in st.sdoc:
        m = st.at.get(tok.i)
        if m is not None:
            if m.label == "Location" and len(m.ids) == 1 and m.id in capital_ids:
                last = m.id
            continue
        if tok.lower_ != "capital" or tok.tag_ != "NN" or tok.dep_ in ("compound", "amod") or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        whose = [country_of_token(st, c) for c in tok.children if c.dep_ in ("amod", "compound", "poss")] + [
            country_of_token(st, p) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]
        if any(c.dep_ in ("amod", "compound", "poss") and country_of_token(st, c) is None for c in tok.children):
            continue  # "the authorised capital", "the company's capital": money, not a city
        named = [w for w in whose if w is not None]
        city = capitals.get(named[0]) if named else last
        in_sentence = {i for t in tok.sent if (x := st.at.get(t.i)) is not None and x.label == "Country"
                       for i in x.ids}
        if city is None or not named and in_sentence and st.gaz.entries[city].metonym_for not in in_sentence:
            continue  # ("Kazakhstan moved the capital in 1997", in a report from Dushanbe: not that capital)
        entity(st, city, "Location", st.gaz.entries[city].name)
        add_mention(st, Mention((city,), "Location", tok.i, tok.i + 1, tok.text))
        last = city


def _country_ministry(st: DocState, country: str, field_words: list[Token], before: int, *,
                      strict: bool = True) -> str:
    """That country's "Ministry of <Field>": the one of its ministries named before whose name has the field's words,
    else the gazetteer's of that name, else a new one. `strict`: only a ministry named with that country (one named
    without any may be either country's); otherwise one named without a country counts too."""
    field = " ".join(t.text for t in field_words)
    name = f"Ministry of {field.title()}"
    words = {t.lower_ for t in field_words}
    named = {m.id for m in st.mentions if m.start < before and m.label == "Organization" and len(m.ids) == 1
             and "ministry" in m.text.lower() and words <= set(re.findall(r"[a-z]+", m.text.lower()))
             and st.entities[m.id].properties.get("country", None if strict else country) == country}
    known = [i for i in st.gaz.lookup(name) if st.gaz.entries[i].label == "Organization"
             and st.gaz.entries[i].country == country]
    oid = named.pop() if len(named) == 1 else known[0] if len(known) == 1 else \
        f"org:{country.split(':', 1)[1]}-{name_key(name)}"
    if oid not in st.entities:
        entity(st, oid, "Organization", name)
    st.entities[oid].properties.setdefault("country", country)
    return oid


def lowercase_ministries(st: DocState) -> None:
    """'the Uzbek finance ministry', 'Kazakhstan's energy ministry': a country's ministry named by its field in lower
    case is that country's "Ministry of <Field>" (the gazetteer's, where it knows one of that name)."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lower_ != "ministry" or tok.i in st.at or tok.i < 2:
            continue
        k = tok.i - 1
        while k >= 0 and sdoc[k].is_lower and sdoc[k].is_alpha and sdoc[k].lower_ not in ("the", "a", "its", "and"):
            k -= 1
        if k == tok.i - 1 or k < 0:
            continue
        country = st.at.get(k)
        if country is None or country.label != "Country" or len(country.ids) != 1 or country.end != k + 1:
            continue
        # "the Kazakh industry ministry" after "Kazakhstan's Ministry of Industry and Construction": the one
        # ministry of that country named before whose name has the field's words
        oid = _country_ministry(st, country.id, list(sdoc[k + 1:tok.i]), k, strict=False)
        text = sdoc[country.start:tok.i + 1].text
        if text not in st.entities[oid].aliases and text != st.entities[oid].name:
            st.entities[oid].aliases.append(text)
        for j in range(k + 1, tok.i):
            inner = st.at.get(j)
            if inner is not None:
                drop_mention(st, inner)  # "finance" is the ministry's field here, not a sector the text names
        add_mention(st, Mention((oid,), "Organization", k + 1, tok.i + 1, sdoc[k + 1:tok.i + 1].text))


def plural_ministries(st: DocState) -> None:
    """'the two countries' health ministries signed a memorandum': each of the report's two countries' "Ministry of
    <Field>", one mention for both."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lower_ != "ministries" or tok.i in st.at or tok.i < 3:
            continue
        k = tok.i - 1
        while k >= 0 and sdoc[k].is_lower and sdoc[k].is_alpha and sdoc[k].lower_ not in ("the", "a", "their", "and"):
            k -= 1
        if k == tok.i - 1 or k < 1 or sdoc[k].text not in ("'", "’") or sdoc[k - 1].lower_ != "countries":
            continue  # ("the two countries' health ministries")
        pair = report_pair(st)
        if len(pair) != 2:
            continue
        field_words = list(sdoc[k + 1:tok.i])
        ids = tuple(_country_ministry(st, c, field_words, tok.i) for c in pair)
        for j in range(k + 1, tok.i):
            inner = st.at.get(j)
            if inner is not None:
                drop_mention(st, inner)
        add_mention(st, Mention(ids, "Organization", k + 1, tok.i + 1, sdoc[k + 1:tok.i + 1].text))


def lowercase_embassies(st: DocState) -> None:
    """'the Kazakh embassy in Seoul', "Uzbekistan's embassy": a country's embassy named in lower case is that
    country's "Embassy of <Country>" (the gazetteer's, where it knows one of that name); where it is, its phrase
    says."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lower_ not in ("embassy", "consulate") or tok.i in st.at or tok.i < 1:
            continue
        k = tok.i - 1
        if k >= 1 and sdoc[k].text in ("'s", "’s"):
            k -= 1
        country = st.at.get(k)
        start = country.start if country is not None else k
        if country is None and sdoc[tok.i - 1].lower_ == "its" and tok.dep_ == "dobj":
            # "South Korea opened its embassy in Dushanbe in 2007": the embassy of the country that opens it
            subjects = [st.at[c.i] for c in tok.head.children if c.dep_ == "nsubj" and c.i in st.at]
            country = subjects[0] if len(subjects) == 1 else None
            k = country.end - 1 if country is not None else k
            start = tok.i - 1
        if country is None or country.label != "Country" or len(country.ids) != 1 or country.end != k + 1 or \
                country.id not in st.gaz.entries:
            continue
        name = f"{tok.text.title()} of {st.gaz.entries[country.id].name}"
        known = [i for i in st.gaz.lookup(name) if st.gaz.entries[i].label == "Organization"]
        oid = known[0] if len(known) == 1 else f"org:{name_key(name)}"
        if oid not in st.entities:
            entity(st, oid, "Organization", name)
        st.entities[oid].properties.setdefault("country", country.id)
        add_mention(st, Mention((oid,), "Organization", tok.i, tok.i + 1, sdoc[start:tok.i + 1].text))


_NOT_BODY_TYPES = frozenset({"PERSON", "GPE", "DATE", "NORP", "LOC", "TIME", "MONEY", "CARDINAL", "ORDINAL",
                             "PERCENT"})


def _conjoined_names(st: DocState) -> None:
    """'KazAvtoZhol and the Korea Expressway Corporation concluded an agreement', 'Turkmenawtoyollary and Hyundai
    signed': a proper name NER left untyped, coordinated with a firm or body, is a firm or body of the same kind."""
    sdoc = st.sdoc
    for tok in sdoc:
        camel = any(ch.isupper() for ch in tok.text[1:]) and not tok.text.isupper()  # "KazAvtoZhol"
        if not (tok.tag_ == "NNP" or camel and tok.tag_ == "NN") or tok.i in st.at or \
                tok.dep_ in ("compound", "nmod") or tok.ent_type_ in _NOT_BODY_TYPES:
            continue
        if tok.dep_ == "conj":
            others = [tok.head]
        elif any(c.dep_ == "conj" for c in tok.children):
            others = [c for c in tok.children if c.dep_ == "conj"]
        else:
            continue
        kinds = {st.at[o.i].label for o in others if o.i in st.at and len(st.at[o.i].ids) == 1}
        if len(kinds) != 1 or not kinds <= {"Firm", "Organization"}:
            continue
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.tag_ == "NNP" and c.i not in st.at]
        start = min([c.i for c in words], default=tok.i)
        span = sdoc[start:tok.i + 1]
        if not all(t.text[:1].isupper() and t.is_alpha for t in span) or len(span.text) < 5 or \
                span[0].lower_ in ("the", "president", "minister") or span.root.lemma_.lower() in ROLE_NOUNS:
            continue
        before = sdoc[span.start - 1] if span.start > 0 else None
        after = sdoc[span.end] if span.end < len(sdoc) else None
        if before is not None and (before.lower_ == "of" or before.is_alpha and before.text[:1].isupper() and
                                   not before.is_sent_start) or \
                after is not None and (after.is_alpha and after.text[:1].isupper() or after.lower_ == "of") or \
                _in_title_field(sdoc, span.start):
            continue  # (a word of a longer name or title: "Minister of Trade, Industry and Energy")
        label = next(iter(kinds))
        eid = f"{'firm' if label == 'Firm' else 'org'}:{slug(span.text)}"
        add_mention(st, Mention((entity(st, eid, label, span.text),), label, span.start, span.end, span.text))


# nouns that describe a firm by its trade right before its name: "the Almaty confectionery maker Rakhat"
_TRADE_DESCRIPTORS = frozenset({"maker", "producer", "manufacturer", "carmaker", "automaker", "miner", "smelter",
                                "carrier", "lender", "insurer", "retailer", "distributor", "confectioner",
                                "steelmaker", "chipmaker", "shipbuilder", "developer", "contractor", "operator"})


def _described_names(st: DocState) -> None:
    """'Lotte Confectionery, which acquired 76% of the Almaty confectionery maker Rakhat in 2013': a capitalised name
    NER left untyped right after a noun of a firm's trade ("maker", "producer", "carrier") is that firm."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lemma_.lower() not in _TRADE_DESCRIPTORS or tok.tag_ != "NN" or not tok.is_lower or \
                tok.i + 1 >= len(sdoc):
            continue
        k = tok.i + 1
        while k < len(sdoc) and k not in st.at and sdoc[k].tag_ in ("NNP", "NNPS") and sdoc[k].is_title and \
                sdoc[k].is_alpha and sdoc[k].ent_type_ not in _NOT_BODY_TYPES:
            k += 1
        if k == tok.i + 1 or k - tok.i > 4 or k < len(sdoc) and (k in st.at or sdoc[k].text[:1].isupper()):
            continue  # (no name there, or a longer one NER or the gazetteer already read)
        if not any(c.dep_ == "det" for c in tok.children) and not any(
                c.dep_ in ("amod", "compound") for c in tok.children):
            continue  # ("maker Rakhat" with nothing before: not a description)
        span = sdoc[tok.i + 1:k]
        if span.root.lemma_.lower() in ROLE_NOUNS or len(span.text) < 3:
            continue
        eid = f"firm:{slug(span.text)}"
        add_mention(st, Mention((entity(st, eid, "Firm", span.text),), "Firm", span.start, span.end, span.text))


def _repeated_names(st: DocState) -> None:
    """'... South Korea's LS MnM. ... and LS MnM, the copper-smelting arm of LS Group, the remaining 49 percent': a
    name the document gave a firm, body or person stands for it wherever the same words come again, though NER
    missed them there."""
    sdoc = st.sdoc
    text = sdoc.text
    names: dict[str, Mention] = {}
    for m in st.mentions:
        if m.label not in ("Firm", "Organization", "Person") or len(m.ids) != 1 or m.demonym:
            continue
        words = [t.text for t in sdoc[m.start:m.end]]
        if not words or not words[0][:1].isupper() or len("".join(words)) < 4 or \
                (len(words) == 1 and not words[0].isupper() and (m.label == "Person" or len(words[0]) < 6)):
            continue  # (one-word names only as acronyms or long firm names: "Turkmenawtoyollary")
        names.setdefault(sdoc[m.start:m.end].text, m)
        if m.label == "Firm" and len(words) >= 2 and words[-1].lower().rstrip(".") in LEGAL_SUFFIXES:
            # "KazPolyChem LLP ... KazPolyChem is 60 percent owned by": the name without its legal form
            short = sdoc[m.start:m.end - 1].text
            if len(short) >= 5 and (len(words) > 2 or not short.islower()):
                names.setdefault(short, m)
    for name in sorted(names, key=len, reverse=True):
        m = names[name]
        for hit in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            span = sdoc.char_span(hit.start(), hit.end())
            if span is None:
                continue
            inside = {id(st.at[k]): st.at[k] for k in range(span.start, span.end) if k in st.at}
            if inside and len(span) >= 2 and all(
                    (x.label in ("Country", "Location", "Sector", "Mineral") or
                     x.label in ("Firm", "Organization") and x.start == span.start and
                     m.label in ("Firm", "Organization")) and span.start <= x.start and
                    x.end <= span.end and x.end - x.start < len(span) for x in inside.values()):
                # "Mobis Kazakhstan LLP ... Mobis Kazakhstan will be run by": the firm's name again, not its country
                # ("Shinhan Bank Kazakhstan CEO Park Jin-woo": nor its group and its country)
                for x in inside.values():
                    drop_mention(st, x)
            elif inside:
                continue
            if span.end < len(sdoc) and sdoc[span.end].text[:1].isupper() and sdoc[span.end].is_alpha and \
                    sdoc[span.end].lemma_.lower() not in ROLE_NOUNS:
                continue  # (a longer name that begins with these words; not "Turkmenawtoyollary Chairman X")
            if len(span) == 1 and not name.isupper() and span[0].is_sent_start and \
                    not any(ch.isupper() for ch in name[1:]):
                continue  # (a capitalised first word; "KazPolyChem" is a name wherever it stands)
            add_mention(st, Mention(m.ids, m.label, span.start, span.end, m.text))

def _short_names(st: DocState) -> None:
    """'At present Rakhat operates two plants': a lone capitalised word NER left out that is a word of exactly one
    firm or body named before (see _short_name) is a short name of it."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.pos_ != "PROPN" or tok.i in st.at or tok.ent_type_ or not tok.is_title or \
                any(0 <= j < len(sdoc) and sdoc[j].pos_ == "PROPN" for j in (tok.i - 1, tok.i + 1)):
            continue
        m = _short_name(st, tok.text, tok.i) or _surname(st, tok)
        if m is not None:
            add_mention(st, m)


def _surname(st: DocState, tok: Token) -> Mention | None:
    """'Berdimuhamedow, for his part, invited Lee': a lone surname NER left out, of exactly one person named in
    full before, is that person."""
    key = name_key(tok.text)
    if len(key) < 3 or st.gaz.lookup(tok.text):
        return None
    found = {m.id for m in st.mentions if m.label == "Person" and m.start < tok.i and len(m.ids) == 1
             and (m.id.endswith("-" + key) or m.id.startswith(f"person:{key}-"))}
    if len(found) != 1:
        return None
    return Mention((found.pop(),), "Person", tok.i, tok.i + 1, tok.text)


def _acronyms(st: DocState, abbreviations: dict[str, Span]) -> None:
    """'X (ABBR)': ABBR is X's alias, and stands for X wherever the document uses it."""
    for abbr, span in abbreviations.items():
        owner = st.at.get(span.end - 1)
        if owner is None or len(owner.ids) != 1:
            continue
        eid = owner.id
        known = [i for i in st.gaz.lookup(abbr) if st.gaz.entries[i].label in ("Organization", "Firm")]
        if eid not in st.gaz.entries and owner.label in ("Organization", "Firm") and len(known) == 1 and \
                known[0] != eid:
            # "the Kazakhstan Electricity Grid Operating Co. (KEGOC)": a full name the gazetteer does not know, and
            # the acronym it does, are one body (the known one)
            _merge_into(st, eid, known[0])
            continue
        if eid not in st.gaz.entries and owner.label in ("Organization", "Firm") and abbr.isupper() and len(abbr) >= 3:
            # an acronym is the handle other documents use alone ("EDCF"): it keys the entity, so that the full
            # name here and the acronym elsewhere are one node (the name stays the full one)
            new_id = f"{eid.split(':', 1)[0]}:{slug(abbr)}"
            if new_id not in st.entities:
                _rekey(st, eid, new_id)
                eid = new_id
        entity(st, eid, owner.label, abbr)
        if " " in abbr:  # "HRD Korea"
            for a, end in token_runs(st.sdoc, abbr):
                if all(i not in st.at for i in range(a, end)):
                    add_mention(st, Mention((eid,), owner.label, a, end, abbr))
            continue
        n = abbr.count("-") * 2 + 1  # "K-water" is three tokens
        first = abbr.split("-")[0]
        for tok in st.sdoc:
            if tok.text == first:
                end = tok.i + n
                if end <= len(st.sdoc) and st.sdoc[tok.i:end].text == abbr and \
                        all(i not in st.at for i in range(tok.i, end)):
                    add_mention(st, Mention((eid,), owner.label, tok.i, end, abbr))


def _rekey(st: DocState, old: str, new: str) -> None:
    """Give an entity another id, in the entity table and in every mention (before any fact exists)."""
    ent = st.entities.pop(old)
    st.entities[new] = ent.model_copy(update={"id": new})
    for m in st.mentions:
        if old in m.ids:
            m.ids = tuple(new if i == old else i for i in m.ids)


def _merge_into(st: DocState, old: str, new: str) -> None:
    """Two ids found to be one entity: every mention of the old one names the new one."""
    if new not in st.entities:
        _rekey(st, old, new)
        return
    st.entities.pop(old, None)
    for m in st.mentions:
        if old in m.ids:
            m.ids = tuple(dict.fromkeys(new if i == old else i for i in m.ids))


# Which gazetteer labels a span of each NER or chunk label may be (firms and bodies are easily confused)
_COMPATIBLE: dict[str, tuple[str, ...]] = {
    "PERSON": ("Person",), "KG_PERSON": ("Person",), "ORG": ("Firm", "Organization"),
    "KG_ORG": ("Organization", "Firm"), "KG_FIRM": ("Firm", "Organization"), "GPE": ("Country", "Location"),
    "LOC": ("Location",), "KG_LOCATION": ("Location",), "KG_EVENT": ("Event",), "EVENT": ("Event",),
    "KG_PROJECT": ("Project",), "KG_AGREEMENT": ("Agreement",), "FAC": ("Project", "Location"),
}


# nouns that make a proper name before them a site ("the Kandym gas field", "the Jerooy deposit", "the Kumtor mine"),
# and that head a definite description of one ("the deposit")
SITE_HEADS = frozenset({"field", "deposit", "mine", "block", "prospect"})
_ROMAN = re.compile(r"[IVX]{1,4}")
_SITE_RESOURCES = frozenset({"gas", "oil", "gold", "copper", "uranium", "coal", "silver", "zinc", "iron", "lithium",
                             "tungsten", "condensate", "oil-and-gas", "gas-condensate", "ore", "tantalum", "molybdenum",
                             "antimony", "nickel", "cobalt", "lead", "tin", "manganese", "chromium", "titanium",
                             "vanadium", "beryllium", "niobium", "rare-earth", "polymetallic", "bauxite", "potash",
                             "phosphate", "fluorite", "graphite", "aluminium", "aluminum", "platinum", "mercury"})


def _site_end(doc: Doc, end: int) -> int | None:
    """Where a site named by the words before `end` ends: past an optional resource word and a site noun."""
    k = end
    if k + 1 < len(doc) and doc[k].lower_ == "rare" and doc[k + 1].lower_ in ("earth", "earths"):
        k += 2  # "the Kundybai rare earth deposit"
    elif k < len(doc) and doc[k].lower_ in _SITE_RESOURCES:  # whatever the tagger says ("tungsten" as a verb)
        k += 1
        if k + 1 < len(doc) and doc[k].lower_ in ("and", "-") and doc[k + 1].lower_ in _SITE_RESOURCES:
            k += 2  # "the Bakennoye lithium and tantalum deposit", "the Bakennoye lithium-tantalum deposit"
    if k < len(doc) and doc[k].lemma_.lower() in SITE_HEADS and doc[k].tag_ == "NN" and doc[k].is_lower:
        return k + 1
    return None


def _site_mention(st: DocState, start: int, end: int) -> Mention:
    """'The Kandym gas field': a site of its own, a place (the gazetteer's entry when it knows the name)."""
    text = st.sdoc[start:end].text
    lid = _place_id(st, text)
    return Mention((entity(st, lid, "Location", text),), "Location", start, end, text)


def _new_agreement(st: DocState, tok: Token, head: str, name: str, doc_key: str) -> str:
    """A document's next agreement of the kind `head` names ("memorandum-2"), mentioned at `tok`; its id."""
    st.agreement_counts[head] += 1
    aid = f"agreement:{doc_key}:{slug(head)}-{st.agreement_counts[head]}"
    entity(st, aid, "Agreement", name)
    add_mention(st, Mention((aid,), "Agreement", tok.i, tok.i + 1, name))
    return aid


def _described_before(st: DocState, tok: Token, name: str) -> str | None:
    """A definite description of two or more words ("the wind farm", "the gas chemical complex") whose words all
    stand, in order, in the name of a project the document named before: the last such project."""
    words = name.lower().split()
    if len(words) < 2:
        return None
    found = [m for m in st.mentions if m.label == "Project" and len(m.ids) == 1 and m.end <= tok.i and
             m.id in st.entities and any(
                 (have := n.lower().split()) and
                 any(have[k : k + len(words)] == words for k in range(len(have) - len(words) + 1))
                 for n in (st.entities[m.id].name, *st.entities[m.id].aliases))]
    return max(found, key=lambda m: m.start).id if found else None


def _short_project(st: DocState, tok: Token) -> str | None:
    """A project called by its proper name and head alone ("the Kiyanly plant"): the one project, known to the
    gazetteer or named earlier in the document, whose name begins with that proper name and ends with that head."""
    words = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod", "nummod")]
    if len(words) != 1 or words[0].pos_ != "PROPN" or words[0].i != tok.i - 1:
        return None
    first, head = words[0].lower_, tok.lower_
    names = [(e.id, (e.name, *e.aliases)) for e in st.gaz.entries.values() if e.label == "Project"]
    names += [(e.id, (e.name, *e.aliases)) for e in st.entities.values() if e.label == "Project"]
    found = {i for i, ns in names if any(len(n.split()) > 2 and n.lower().split()[0] == first
                                         and n.lower().split()[-1] == head for n in ns)}
    # "the Kyzylorda plant" after "a gas-fired power plant in Kyzylorda": the one plant placed there
    found |= {e.id for e in st.entities.values() if e.label == "Project" and e.id.endswith("-" + slug(words[0].text))
              and e.name.lower().split()[-1:] == [head]}
    found |= {m.id for m in st.mentions if m.label == "Project" and len(m.ids) == 1 and m.end <= tok.i
              and st.sdoc[m.end - 1].lower_ == head and any(
                  c.dep_ == "prep" and c.lower_ in ("in", "near", "at") and any(
                      p.dep_ == "pobj" and p.text == words[0].text for p in c.children)
                  for c in st.sdoc[m.end - 1].children)}
    if len(found) != 1:
        return None
    pid = found.pop()
    known = st.gaz.entries.get(pid)
    if known is not None:
        entity(st, pid, "Project", known.name)
    return pid


_BODY_TYPES = frozenset({"ORG", "KG_FIRM", "KG_ORG", "Firm", "Organization"})


def _named_namesake(st: DocState, start: int, text: str, known: str) -> Mention | None:
    """'Vice Minister Yoon said ...' after 'Vice Minister of the Interior Yoon Sang-hoon': a lone surname is the
    person of that surname the text named in full (the one titled the same way, else the last), not a known person
    who shares it; None when that is the known person anyway."""
    doc = st.sdoc
    key = name_key(text)
    named = [m for m in st.mentions if m.label == "Person" and m.start < start and len(m.ids) == 1 and
             m.end - m.start >= 2 and (m.id.startswith(f"person:{key}-") or m.id.endswith("-" + key))]
    titled = [m for m in named if start > 1 and doc[start - 1].lemma_.lower() in ROLE_NOUNS and any(
        doc[k].lower_ == doc[start - 1].lower_ and doc[k - 1].lower_ == doc[start - 2].lower_
        for k in range(max(1, m.start - 8, doc[m.start].sent.start + 1), m.start)
        if not any(x.label == "Person" and k < x.start < m.start for x in st.mentions))]
    pick = (titled or named)[-1] if named else None
    if pick is None or pick.id == known:
        return None
    return Mention(pick.ids, "Person", start, start + 1, text)


def ner_mention(st: DocState, ent: Span, person_keys: dict[str, str]) -> Mention | None:
    gaz = st.gaz
    label = ent.label_
    if len(ent) == 1 and ent.text in ("KRW", "UZS") and ent.start > 0 and (
            ent.doc[ent.start - 1].like_num or ent.doc[ent.start - 1].lower_ in ("million", "billion", "trillion")):
        return None  # "80 billion won", read as "80 billion KRW" by the parser: a currency, not a firm
    # drop leading determiners/titles from the span ("the Republic of Korea", "President Yoon")
    start = ent.start
    typed = label in LABEL_OF_CHUNK and LABEL_OF_CHUNK[label] != "Person"  # "King Sejong Institute" keeps "King"
    while start < ent.end - 1 and (
        ent.doc[start].lower_ in ("the", "a", "an") or ent.doc[start].lower_ in ROLE_NOUNS and not typed
    ):
        start += 1
    end = ent.end
    if end - start > 1 and ent.doc[end - 1].text in ("'s", "’s"):
        end -= 1
    doc = ent.doc
    if all(t.lower_ in TITLE_WORDS or t.lower_ in ROLE_NOUNS or t.lower_ == "and" for t in doc[start:end]):
        return None  # "Ambassador Extraordinary and Plenipotentiary": words of a title, not names
    if label == "ORG" and not gaz.lookup(ent.text) and (
            start > ent.start and doc[start - 1].lower_ in ROLE_NOUNS and doc[start].lower_ in ("of", "for")
            or end < len(doc) and doc[end].lower_ in ROLE_NOUNS
            and all(t.lower_ in ROLE_COMPLEMENTS or t.lower_ in ("and", "foreign", ",") for t in doc[start:end])):
        # "Minister of Employment", "Kyrgyzstan's Labour Minister": a title and its field, not a body's name
        return None
    if label == "ORG" and not gaz.lookup(ent.text) and _in_title_field(doc, start):
        return None  # "the Minister of Labor, Social Security and Migration, Nurbek Sadykov": the field's words
    if label == "ORG" and not gaz.lookup(ent.text) and start >= 2 and doc[start - 1].lower_ == "of" and \
            doc[start - 2].lemma_.lower() == "minister" and not any(t.lower_ in ("ministry", "ministries")
                                                                     for t in doc[start:end]):
        return None  # "Minister of Digital Development Talantbek Imanov": a minister's field, not a firm
    if label == "PERSON" and end - start >= 2 and doc[end - 1].lower_ in ROLE_NOUNS and \
            doc[end - 2].lower_ not in ROLE_NOUNS and doc[end - 2].is_title and not doc[end - 1].is_lower:
        # "Daebo Minerals CEO Jung Sung-hoon": a name and a title after it are a body and its officer's title
        end -= 1
        label = "ORG"
    if label in ("PERSON", "KG_PERSON"):
        # "KEPCO CEO Kim Dong-cheol": NER may stop inside a hyphenated given name; the name runs to its end
        if doc[end - 1].text == "-" and end < len(doc) and doc[end].is_alpha and not doc[end - 1].whitespace_:
            end += 1
        elif end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
                not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower:
            end += 2
    while end - start > 1 and ent.doc[end - 1].is_lower and \
            ent.doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX"):
        end -= 1  # "with Uzbekenergo on grid modernisation": NER took the preposition into the name
    if label != "PERSON":
        # "signed a memorandum with Kazakhtelecom on data centres": a preposition and common words after a name
        # are the clause's, not the name's
        cut = next((k for k in range(start + 1, end) if doc[k].pos_ == "ADP" and doc[k].is_lower and
                    doc[k].lower_ != "of" and all(t.is_lower or t.is_punct for t in doc[k + 1:end])), None)
        if cut is not None:
            end = cut
    if label in ("ORG", "PRODUCT", "GPE", "LOC", "FAC", "NORP", "PERSON", "EVENT") and end - start <= 3 and \
            all(t.pos_ == "PROPN" for t in doc[start:end]) and (site := _site_end(doc, end)) is not None:
        return _site_mention(st, start, site)  # "the Kandym gas field" is a place, not a firm named Kandym
    if label in ("ORG", "PRODUCT", "PERSON", "EVENT", "NORP", "FAC") and end < len(doc) and end - start <= 3 and \
            doc[end].lemma_.lower() in _REGION_NOUNS and doc[end].is_lower and not gaz.lookup(ent.text) and \
            all(t.pos_ == "PROPN" for t in doc[start:end]):
        return _site_mention(st, start, end + 1)  # "in Lebap province": a region, whatever NER took the name for
    if label in ("ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "KG_FIRM", "KG_ORG") and end < len(doc) and \
            end - start <= 4 and doc[end].is_lower and doc[end].tag_ == "NN" and \
            doc[end].lemma_.lower() in _SCHEME_NOUNS and not gaz.lookup(ent.text) and \
            all(t.pos_ == "PROPN" for t in doc[start:end]) and \
            label_by_head(doc[end - 1], list(doc[start:end])) is None:
        # "launched the Fresh Partnership programme": the name of a programme, not of a firm
        return _named(st, doc[start:end + 1], "Agreement", doc[start:end + 1].text)
    span = ent.doc[start:end]
    text = _TITLE_RE.sub("", span.text) if label == "PERSON" else span.text
    if not text.strip():
        return None
    ids = [i for i in gaz.lookup(text) if gaz.entries[i].label in _COMPATIBLE.get(label, ENTITY_LABELS)]
    if len(ids) == 1 and (other := _other_countrys(st, ids[0], span, text)) is not None:
        return other
    if len(ids) == 1 and end - start == 1 and gaz.entries[ids[0]].label == "Person":
        other = _named_namesake(st, start, text, ids[0])
        if other is not None:
            return other
    if len(ids) == 1:
        # a known name ("Astana Group" is not Astana: the gazetteer entry must be of a kind the span can be)
        entry = gaz.entries[ids[0]]
        return Mention((entity(st, entry.id, entry.label, text),), entry.label, start, end, text)
    if start > 1 and label in LABEL_OF_CHUNK and LABEL_OF_CHUNK[label] in ("Firm", "Organization") and \
            doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() == "minister":
        return None  # "Minister of Industry and Construction": a title's field, not a firm named after it
    if label == "PERSON" and doc[start].is_lower:
        return None  # "of Land": NER took a title's field for a name
    if label == "ORG" and not any(t.text[:1].isupper() for t in doc[start:end]) and not gaz.lookup(text):
        return None  # "1 million tonnes of methanol a year": a name has a capital letter somewhere
    if end - start == 1 and label != "PERSON" and not gaz.lookup(text) and doc[start].is_title and any(
            k.endswith("-" + name_key(text)) or k.startswith(name_key(text) + "-") for k in person_keys):
        label = "PERSON"  # "Park, who also met ...": the surname of a person named before, not a "park" project
    if label in LABEL_OF_CHUNK:
        kind = LABEL_OF_CHUNK[label]
        if kind == "Person":
            label = "PERSON"
        else:
            return _named(st, span, kind, text)
    if (label in ("PERSON", "FAC", "PRODUCT") or label in ("GPE", "LOC") and not gaz.lookup(text)) and (
        span.root.head.lemma_.lower() in FIRM_NOUNS
        and span.root.dep_ in ("appos", "compound")
        and span.root.head.pos_ == "NOUN" and not span.root.head.ent_type_  # not "Hyundai Motor Group, Chung ..."
        or any((c.lemma_.lower() in FIRM_NOUNS or c.lower_ in FIRM_NOUNS) and not c.ent_type_ and (
            c.dep_ == "appos" or c.dep_ in ("compound", "amod") and c.i < span.start) for c in span.root.children)
        # ("Uzbekistan's state automobile concern Uzavtoprom set up ...": or right after it, wherever the parser
        # hangs the two)
        or start > 0 and doc[start - 1].lemma_.lower() in FIRM_NOUNS and doc[start - 1].is_lower and
        doc[start - 1].pos_ == "NOUN" and not doc[start - 1].ent_type_
    ):
        # ("the state holding Baiterek": the tagger may read "holding" as a participle)
        # "the company GL Ralpha", "the developer Hanil Resort Development", "Turkmentelecom, the state
        # telecommunications company": a firm, whatever NER says
        label = "ORG"
    elif (label in ("LOC", "GPE") or label == "PERSON" and end - start == 1 and not span.root.is_sent_start and
          not any(k.startswith(name_key(text) + "-") or k.endswith("-" + name_key(text)) for k in person_keys)) and \
            not gaz.lookup(text) and any(
            x.ent_type_ in (_BODY_TYPES if label != "PERSON" else ("KG_FIRM", "KG_ORG")) or
            label == "PERSON" and x.ent_id_ and x.ent_type_ not in ("PERSON", "KG_PERSON", "Person")
            for x in (*(c for c in span.root.children if c.dep_ == "conj"),
                      *((span.root.head,) if span.root.dep_ == "conj" else ()))):
        label = "ORG"  # "signed by KEPCO and Uzbekenergo": what is coordinated with a firm, NER did not know, is one
    elif label in ("PERSON", "ORG") and not gaz.lookup(text) and any(
            c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS and not c.ent_type_ for c in span.root.children):
        label = "GPE"  # "Turkmenabat, Turkmenistan's second city": what a city is named is a place
    elif label == "ORG" and len(span) == 1 and not gaz.lookup(text) and span.root.dep_ == "pobj" and \
            span.root.head.lower_ in ("in", "near") and span.root.head.head.lemma_.lower() in _PLACING_VERBS:
        label = "GPE"  # "KEPCO is headquartered in Naju": where something is based or held is a place
    elif label == "ORG" and not gaz.lookup(text) and (any(
        c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS | {"vice"} for c in span.root.children
    ) or start > 0 and span.doc[start - 1].lemma_.lower() in ROLE_NOUNS):
        # "Chung-Soo Kim, vice-president of Samsung C&T", "Foreign Minister Murat Nurtleu": a role holder is a person
        label = "PERSON"
    if label in ("ORG", "GPE", "LOC") and " " not in text.strip() and not gaz.lookup(text) and \
            any(k.endswith("-" + name_key(text)) for k in person_keys):
        label = "PERSON"  # "Kudaiberdiev was among ...": the surname of a person named before, whatever NER says
    if label == "PERSON" and start >= 2 and doc[start - 1].lower_ == "of" and \
            doc[start - 2].lemma_.lower() in ROLE_NOUNS and not any(k.startswith(name_key(text)) for k in person_keys):
        label = "ORG"  # "the Chairman of Barqi Tojik, Sherali Rahimzoda": what a title is "of" is a body
    if label == "PERSON" and end - start >= 2 and span.doc[start].is_upper and len(doc[start].text) >= 2 and \
            span.doc[start].is_alpha and span.doc[start].lower_ not in KOREAN_SURNAMES:
        label = "ORG"  # "LS MnM", "GS E&C": a name that opens with an acronym is a firm's, not a person's
    if label == "PERSON" and key_known_body(st, text) is not None:
        body = st.entities[key_known_body(st, text) or ""]
        # "Kazakhtelecom, in which ...": a name the document has already given a firm or body is that firm's,
        # whatever NER takes it for here
        return Mention((body.id,), body.label, start, end, text)
    if label == "PERSON" and end - start == 1 and not any(
            k == name_key(text) or k.endswith("-" + name_key(text)) or k.startswith(name_key(text) + "-")
            for k in person_keys) and (short := _short_name(st, text, start)) is not None:
        # "Artel, chaired by Oybek Karimov, ...": one word that is the short name of a firm named before (Artel
        # Electronics) and of no person is that firm, whatever NER takes it for
        return short
    if label == "PERSON":
        key = name_key(text)
        pid = person_keys.get(key)
        if pid is None:
            # a surname alone refers to the person named in full earlier ("Tokayev")
            for k, v in person_keys.items():
                if k.endswith("-" + key) or k.startswith(key + "-"):
                    pid = v
                    break
        if pid is None:
            pid = "person:" + key
            person_keys[key] = pid
            parts = key.split("-")
            if len(parts) > 1:
                person_keys.setdefault(parts[-1], pid)
        return Mention((entity(st, pid, "Person", text),), "Person", start, end, text)
    if label == "ORG" and (short := _short_name(st, text, start)) is not None:
        return short
    if label == "ORG" and not gaz.lookup(text) and f"location:{name_key(text)}" in st.entities and \
            st.entities[f"location:{name_key(text)}"].label == "Location":
        # "The plant in the Ayni district ... Daler Juma, who visited Ayni on Monday": a bare name the document has
        # already given a place is that place, whatever NER takes it for here
        place = st.entities[f"location:{name_key(text)}"]
        return Mention((place.id,), "Location", start, end, text)
    if label == "ORG":
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
        kind = "Organization" if words & ORG_WORDS else "Firm"
        prefix = "org" if kind == "Organization" else "firm"
        key = name_key(text)
        if not key or key.isdigit():
            return None
        eid = f"{prefix}:{key}"
        return Mention((entity(st, eid, kind, text),), kind, start, end, text)
    if label in ("GPE", "LOC", "ORG"):
        short = _short_name(st, text, start)
        if short is not None:
            return short
    if label in ("GPE", "LOC"):
        key = name_key(text)
        if not key:
            return None
        return Mention(
            (entity(st, f"location:{key}", "Location", text),), "Location", start, end, text
        )
    if label == "NORP":
        cid = gaz.demonym_of.get(text.lower())
        if cid:
            return Mention(
                (entity(st, cid, "Country", text),), "Country", start, end, text, demonym=True
            )
    if label == "EVENT":
        key = name_key(text)
        if key:
            return Mention((entity(st, f"event:{key}", "Event", text),), "Event", start, end, text)
    return None


def key_known_body(st: DocState, text: str) -> str | None:
    """The id of the one firm or body of the document so far whose name or alias is `text`, if any."""
    key = name_key(text)
    found = {e.id for e in st.entities.values() if e.label in ("Firm", "Organization")
             and key in {name_key(n) for n in (e.name, *e.aliases)}}
    return found.pop() if len(found) == 1 else None


# words any body's name may hold: a field, a kind of body or firm
_GENERIC_NAME_WORDS = ROLE_COMPLEMENTS | GENERIC_FIRM_WORDS | ORG_WORDS | ORG_HEADS | FIRM_HEADS


def _short_name(st: DocState, text: str, start: int) -> Mention | None:
    """'Rakhat' after 'LOTTE Rakhat': a one-word name that is a word of exactly one firm or body named before in
    the document is a short name of it, not another entity."""
    if " " in text.strip() or len(text) < 4 or not text[:1].isupper():
        return None
    word = text.lower()
    if word in _GENERIC_NAME_WORDS:
        return None  # ("Minister of Trade, Industry and Energy": no short name of the Chamber of ... and Industry)
    found = {m.id: m for m in st.mentions if m.start < start and m.label in ("Firm", "Organization", "Project")
             and len(m.ids) == 1 and m.id not in st.gaz.entries and word in m.text.lower().split()
             and len(m.text.split()) > 1}
    if len(found) != 1:
        return None
    m = next(iter(found.values()))
    return Mention((m.id,), m.label, start, start + 1, text)


_PREFIX = {"Organization": "org", "Firm": "firm", "Event": "event", "Project": "project", "Agreement": "agreement",
           "Location": "location"}


def _named(st: DocState, span: Span, kind: str, text: str) -> Mention | None:
    """A typed name chunk as an entity. A generic organisation name ("Ministry of Energy", "National Security
    Office") is told apart by the country the sentence gives it ("the Kyrgyz Ministry of ...")."""
    key = name_key(text)
    if not key or key.isdigit():
        return None
    if kind == "Agreement" and all(t.lemma_.lower() in AGREEMENT_HEADS or t.lower_ in ("of", "understanding")
                                   for t in span):
        return None  # "a Memorandum of Understanding": the common noun capitalised, one per document like any other
    if kind == "Organization" and span[0].lower_ == "government" and len(span) > 2 and span[1].lower_ == "of":
        # "the Government of Turkmenistan" stands for the country, like "the Turkmen government"
        rest = span[2:] if span[2].lower_ != "the" else span[3:]
        found = [i for i in st.gaz.lookup(rest.text) if st.gaz.entries[i].label == "Country"] if len(rest) else []
        if len(found) == 1:
            state = st.gaz.entries[found[0]]
            return Mention((entity(st, state.id, "Country", state.name),), "Country", span.start, span.end, text)
    if kind in ("Organization", "Firm", "Project"):
        # "Electric Power Plants" after "Electric Power Plants OJSC": the body named before without its legal form,
        # whatever the head word would make of it
        same = {e.id: e.label for e in st.entities.values() if e.label in ("Firm", "Organization")
                and name_key(e.name) == key and e.name != text}
        if len(same) == 1:
            eid, label = same.popitem()
            return Mention((eid,), label, span.start, span.end, text)
    country = context_country(st, span) if kind in ("Organization", "Firm") else None
    first = span[0].lower_
    generic = first in GENERIC_FIRST or label_by_head(span[0], [span[0]]) == kind
    eid = f"{_PREFIX[kind]}:{country.split(':', 1)[1]}-{key}" if country and generic else f"{_PREFIX[kind]}:{key}"
    m = Mention((entity(st, eid, kind, text),), kind, span.start, span.end, text)
    before = span.doc[span.start - 1] if span.start else None
    if country and generic and before is not None and before.is_title and before.lower_ in st.gaz.demonym_of:
        entity(st, eid, kind, f"{before.text} {text}")  # "the Uzbek Agency for Atomic Energy" is a name it goes by
    if country and "country" not in st.entities[eid].properties:
        st.entities[eid].properties["country"] = country
    return m


_CURRENCY_WORDS = frozenset({"dollar", "dollars", "won", "tenge", "euro", "euros", "som", "somoni", "manat", "sum",
                             "yuan", "rouble", "roubles", "ruble", "rubles"})


def np_name(head: Token) -> tuple[str, int]:
    """Name of a project/agreement noun phrase: contiguous modifiers left of the head, plus the head."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in ("amod", "compound", "nmod") and child.right_edge.i == start - 1 and child.i < start - 1 and \
                any(c.dep_ == "cc" for c in child.children) and all(
                    c.dep_ in ("cc", "conj") and c.pos_ in ("CCONJ", "NOUN", "ADJ", "PROPN") for c in child.rights):
            start = child.i  # "a urea and ammonia plant": coordinated modifiers name it together
            continue
        if child.i != start - 1 and not (child.i == start - 2 and head.doc[start - 1].is_punct):
            break
        k = child.i
        while k >= 2 and head.doc[k - 1].text == "-":
            k -= 2
        if k != child.i and (head.doc[k].like_num or head.doc[k].text[:1].isdigit()):
            break  # "a 240-megawatt wind farm", "the 18,000-square-metre facility": a size, not part of the name
        if child.text[:1].isdigit() or child.i >= 1 and head.doc[child.i - 1].text[:1].isdigit() and \
                not head.doc[child.i - 1].text[-1:].isalpha():
            # "a 1,000 MW solar park", "a 500 km road": a measure, not part of the name; "a 300MW solar power plant":
            # the measure in one word, the name after it
            break
        if child.ent_type_ == "MONEY" or child.lower_ in _CURRENCY_WORDS:
            break  # "a 5 million US dollar grant project": the amount, not part of the name
        if (
            child.dep_ in ("compound", "amod", "nmod")
            and child.ent_type_ not in ("ORDINAL", "CARDINAL")
            and child.lower_ not in NAME_STOP_MODIFIERS
        ):
            # a compound brings its own modifiers: "a combined cycle power plant"
            start = np_name(child)[1] if child.dep_ == "compound" else child.i
        else:
            break
    doc = head.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and \
            not doc[start - 1].whitespace_ and doc[start - 2].is_alpha and \
            not (start >= 3 and doc[start - 3].like_num):  # but "1,000-megawatt" is a size, not a name
        start -= 2  # "combined-cycle power plant", "Turkmen-Korean business forum"
    return doc[start : head.i + 1].text, start


# Nouns whose "of"-complement is a thing built: "the construction of X", "the modernisation of X"
_BUILT_NOUNS = frozenset({"construction", "building", "erection", "modernisation", "modernization", "reconstruction",
                          "expansion", "rehabilitation", "renovation", "upgrade", "upgrading", "electrification"})


_PROGRAMME_NOUNS = frozenset({"project", "programme", "program"})
_SCHEME_NOUNS = frozenset({"programme", "program", "initiative"})
# premises a body gets when they are new: built, opened, financed like any project
_NEW_PREMISES = frozenset({"building", "campus", "headquarters", "premises"})
# a part of a line works, named by the line's words before it: "the Bishkek-Kara-Balta road section"
_PART_NOUNS = frozenset({"section", "stretch", "segment"})
# a firm named only by what it is, where stakes are held in it ("the joint venture", "the project company")
_VENTURE_NOUNS = frozenset({"venture", "company", "vehicle", "spv", "enterprise"})
_STAKE_NOUNS = frozenset({"stake", "share", "shareholding", "percent", "%", "interest"})


def _shares_held_in(sdoc: Doc, tok: Token) -> bool:
    """'a project company in which K-water holds 60 percent': shares in the noun are given right after it."""
    k = tok.i + 1
    if k + 1 >= len(sdoc) or sdoc[k].lower_ not in ("in", "of") or sdoc[k + 1].lower_ != "which":
        return False
    if tok.dep_ == "appos" or tok.left_edge.i > 0 and sdoc[tok.left_edge.i - 1].text == ",":
        return False  # "Balkan Methanol, a joint venture in which ...": the named firm, read by the stake frame
    return any(t.lower_ in ("percent", "%") for t in sdoc[k + 2:min(len(sdoc), k + 12, tok.sent.end)])


def _named_after(st: DocState, tok: Token) -> bool:
    """'the venture, Qazaq Tungsten Resources', 'the venture, named Qazaq Korea Metals': a name follows."""
    for j in range(tok.i + 1, min(tok.i + 5, len(st.sdoc))):
        m = st.at.get(j)
        if m is not None and m.label == "Firm":
            return j > tok.i + 1
        if st.sdoc[j].text not in (",", "(", "named", "called", "known", "as"):
            return False
    return False


# what a text says is paid for without being a thing built or run: money itself, its parts, and pronoun-like nouns
_NOT_FUNDED = frozenset({"loan", "credit", "grant", "sum", "amount", "cost", "money", "fund", "budget", "share",
                         "remainder", "rest", "balance", "part", "portion", "half", "percent", "tranche", "deal",
                         "one", "other", "company", "firm", "group", "government", "country", "side", "party"})


_OCCASION_NOUNS = frozenset({"opening", "inauguration", "groundbreaking"})


def _occasion_of_named(tok: Token) -> bool:
    """'the opening of the Expo 2012 Yeosu Korea', 'the opening of the forum': the occasion of a named thing or of an
    event is that thing's, not an event of its own (where 'the opening of the plant' is)."""
    if tok.lemma_.lower() not in _OCCASION_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.lemma_.lower() in EVENT_NOUNS) for p in c.children)
        for c in tok.children)


def _staged_as(st: DocState, tok: Token) -> str | None:
    """'The opening was staged as a ceremony', 'the forum was held as a hybrid event': the event the subject names."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "as" or tok.head.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((st.at[c.i].id for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in st.at
                 and st.at[c.i].label == "Event"), None)


def _paid_for(verb: Token) -> bool:
    """'is financed by', 'will be funded by', 'was paid for by', 'is co-financed by'."""
    lemma = verb.lemma_.lower()
    if lemma in ("finance", "fund", "co-finance", "cofinance", "sponsor", "bankroll", "underwrite"):
        return True
    return lemma == "pay" and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
# people of a country, counted or described as a group ("Uzbek citizens", "Kyrgyz workers")
_PEOPLE_NOUNS = frozenset({"citizen", "national", "worker", "labourer", "laborer", "migrant", "employee"})
# (and the Central Asian words for them: "Balkan velayat", "Fergana viloyat", "Almaty oblysy", "Ak bugday etrap")
_REGION_NOUNS = frozenset({"region", "province", "oblast", "district", "governorate", "velayat", "viloyat", "oblys",
                           "oblysy", "etrap", "tuman", "rayon"})
_SIGN_VERBS = frozenset({"sign", "ink", "initial"})
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "last", "latter", "former"})
# what may be signed without being an agreement: "signed his name", "signed it", a number of documents counted
_NOT_SIGNED = frozenset({"name", "it", "them", "this", "that", "which", "number", "total", "package", "set",
                         "series", "range", "raft", "batch", "pair", "couple",
                         # a kind of firm or body the parser took for the object ("signed a memorandum with DBK, a
                         # unit of the state holding Baiterek")
                         "unit", "subsidiary", "affiliate", "company", "firm", "corporation", "operator", "agency"})
_PLACING_VERBS = frozenset({"locate", "base", "headquarter", "situate", "hold", "publish", "register", "live",
                            "reside", "born"})
_DESCRIBED_FIRM_HEADS = frozenset({"company", "corporation", "firm", "concern", "enterprise", "operator", "producer",
                                   "manufacturer", "maker"})


def costed(tok: Token) -> bool:
    """Does a sum of money modify the noun ("a $10 million programme", "a 5 billion won project")?"""
    return any(t.ent_type_ == "MONEY" or t.tag_ == "$" for c in tok.lefts for t in c.subtree)


_FUNDING_VERBS = frozenset({"fund", "finance", "co-finance", "sponsor", "bankroll"})
_ALLOCATING_VERBS = frozenset({"allocate", "earmark", "provide", "spend", "pledge", "grant", "give", "commit", "pay"})


def _funded_object(tok: Token) -> bool:
    """'will fund a new Korean studies programme', 'allocated $3 million for a COVID-19 response programme': a
    programme described by its words that someone pays for."""
    if not any(c.dep_ in ("compound", "amod") and c.lower_ != "new" for c in tok.children):
        return False
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _FUNDING_VERBS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _ALLOCATING_VERBS


def _purpose(tok: Token) -> Token | None:
    """The verb of the noun's purpose clause ("a programme to improve air quality"), if any."""
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


_UNIT_REFERENCES = frozenset({"unit", "subsidiary", "affiliate"})
# money given for a purpose, and the verbs of a purpose that make or improve a thing
_PURPOSED_MONEY = frozenset({"grant", "loan", "credit"})
_IMPROVING_VERBS = frozenset({"build", "construct", "modernise", "modernize", "upgrade", "rehabilitate", "renovate",
                              "reconstruct", "expand", "equip", "introduce", "install", "establish", "digitise",
                              "digitize", "launch", "create"})


def granted_for(tok: Token) -> Token | None:
    """The grant or loan noun a noun is given for: "a grant for a telemedicine link" (a "for" phrase on the money
    noun), "a grant to modernise the water supply" (the object of a purpose clause on it); None otherwise."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _PURPOSED_MONEY and \
            tok.head.head.pos_ == "NOUN":
        return tok.head.head
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in _IMPROVING_VERBS or \
            not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in _PURPOSED_MONEY and verb.head.pos_ == "NOUN":
        return verb.head
    if verb.dep_ == "advcl":
        # ("will provide a $4.5 million grant to modernise ...": the parser may hang the purpose on the verb)
        money = [c for c in verb.head.children if c.dep_ == "dobj" and c.lemma_.lower() in _PURPOSED_MONEY
                 and c.pos_ == "NOUN" and c.i < verb.i]
        return money[0] if len(money) == 1 else None
    return None


def _introduced(st: DocState, tok: Token, lemma: str | frozenset[str]) -> Mention | None:
    """The firm the text introduced, shortly before `tok`, by a noun of the same kind with its name beside it: "a
    special purpose company, Jizzakh Solar LLC", "a joint venture, Qazaq Korea Metals"."""
    found: Mention | None = None
    # (a bank's unit may be named like a body: "its local subsidiary, Hana Bank Uzbekistan")
    kinds = ("Firm", "Organization") if lemma is _UNIT_REFERENCES else ("Firm",)
    lemmas = {lemma} if isinstance(lemma, str) else set(lemma)
    if "company" in lemmas:
        lemmas.add("venture")  # "the joint venture Samarkand Silk ... a 60 percent stake in the company"
    for t in st.sdoc[max(0, tok.i - 200):tok.i]:
        if t.lemma_.lower() not in lemmas or t.pos_ != "NOUN":
            continue
        m = st.at.get(t.i + 1)
        if m is not None and m.start == t.i + 1 and m.label == "Firm" and len(m.ids) == 1 and t.is_lower and \
                t.dep_ == "compound" and t.lemma_.lower() == "venture":
            found = m  # ("the joint venture Samarkand Silk": the name right after the noun)
        for c in t.children:
            m = st.at.get(c.i)
            if c.dep_ == "appos" and m is not None and m.label in kinds and len(m.ids) == 1:
                found = m
        if t.dep_ == "appos" and t.lemma_.lower() == "venture" and (named := st.at.get(t.head.i)) is not None and \
                named.label in kinds and \
                len(named.ids) == 1 and named.end == t.head.i + 1 and \
                any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            # "Kundybai Rare Metals LLP, a joint venture set up in 2022": the name the noun describes (not "Daebo
            # Minerals, a Korean mining company": a kind of firm, not a venture introduced)
            found = named
        if t.dep_ == "attr" and t.head.lemma_ == "be":
            # "Uz-Kor Gas Chemical is a joint venture of ...": the copula's subject
            subj = [st.at[c.i] for c in t.head.children if c.dep_ == "nsubj" and c.i in st.at]
            if subj and subj[0].label == "Firm" and len(subj[0].ids) == 1:
                found = subj[0]
        m = st.at.get(t.i + 2) if t.i + 2 < tok.i and t.nbor().text == "," else None
        if m is not None and m.start == t.i + 2 and m.label == "Firm" and len(m.ids) == 1 and \
                any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            found = m  # (the parser may not hang the name on the noun)
    return found


def _project_at(st: DocState, tok: Token, name: str, doc_key: str) -> str:
    """A project the noun at `tok` names (an unnamed one: its id from its name and its place, or its document),
    as a mention there; its id."""
    loc = location_in(st, tok)
    pid = f"project:{slug(name)}-{loc.split(':', 1)[1]}" if loc else f"project:{doc_key}:{slug(name)}"
    entity(st, pid, "Project", name)
    add_mention(st, Mention((pid,), "Project", tok.i, tok.i + 1, name))
    return pid


def _topic(tok: Token) -> str:
    """'a project on the early diagnosis of cardiovascular diseases', 'a programme for rural schools': what an
    unnamed programme is about, as its words ("on ..." with the "of" phrases that complete it); "" if none."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "for") and c.i == tok.i + 1:
            pobj = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
            if pobj is None:
                return ""
            end = pobj.i
            for t in pobj.subtree:
                if t.i > end and all(a.i <= pobj.i or a.dep_ != "prep" or a.lower_ == "of"
                                     for a in (t, *t.ancestors) if a.i > pobj.i):
                    end = t.i
            return tok.doc[c.i : end + 1].text
    return ""


# words for any kind of agreement: "the document", "the deal" after "a memorandum on ..." is that memorandum
_GENERIC_AGREEMENT_WORDS = frozenset({"document", "deal", "accord", "pact", "text"})

# kinds of event a definite noun names for itself: "the forum" is no earlier ceremony
_EVENT_KINDS = frozenset({"forum", "summit", "conference", "festival", "exhibition", "expo", "fair", "congress",
                          "olympiad", "competition", "concert", "tournament", "contest", "marathon", "workshop",
                          "seminar", "symposium"})


def noun_phrase_mentions(st: DocState) -> None:
    """Projects ('a power plant ... in Turkestan', 'the Balkhash project'), agreements ('a second memorandum')
    and events ('its 35th anniversary', 'the launch ceremony') as entities."""
    sdoc = st.sdoc
    last: dict[str, str] = {}  # head lemma -> last id, for definite references ("the memorandum")
    seen_agreements: dict[str, list[str]] = {}  # head lemma -> this document's agreements of that kind, in order
    last_project: str | None = None
    last_event: tuple[str, int] | None = None  # (id, sentence start), for "the jubilee", "the event"
    last_agreement: str | None = None  # the agreement named last, of any kind, for "the document"
    doc_key = slug(st.doc.id.split(":", 1)[-1])
    described: dict[str, set[str]] = {}  # unnamed programmes -> the words of what they are for
    for tok in sdoc:
        if tok.i in st.at and st.at[tok.i].label in ("Firm", "Organization") and len(st.at[tok.i].ids) == 1 and \
                st.at[tok.i].id not in st.gaz.entries and tok.i == st.at[tok.i].start and \
                (named := st.sdoc[st.at[tok.i].start:st.at[tok.i].end]).root.dep_ in ("dobj", "nsubjpass") and \
                named.root.head.lemma_.lower() in _SIGN_VERBS and named.root.lemma_.lower() not in ORG_HEADS | \
                FIRM_HEADS and not any(t.lower_.rstrip(".") in LEGAL_SUFFIXES for t in named) and len(named) <= 6 and \
                (named.root.head.i < named.start if named.root.dep_ == "dobj" else named.root.head.i >= named.end):
            # "The Record of Discussions (R/D) for the project was signed in Bishkek": what is signed is a document,
            # whatever NER took its capitalised name for
            drop_mention(st, st.at[tok.i])
        if tok.i in st.at:
            if st.at[tok.i].label == "Project":
                last_project = st.at[tok.i].id
            elif st.at[tok.i].label == "Event":
                last_event = (st.at[tok.i].id, tok.sent.start)
            elif st.at[tok.i].label == "Agreement" and len(st.at[tok.i].ids) == 1 and \
                    st.at[tok.i].text.lower().split()[-1:] and \
                    st.at[tok.i].text.lower().split()[-1] in AGREEMENT_HEADS | {"mou", "memorandum"}:
                last_agreement = st.at[tok.i].id  # (a document signed, not a scheme or programme)
            continue
        if tok.pos_ not in ("NOUN", "PROPN") and not (tok.lower_ in _ORDINALS and tok.pos_ == "ADJ") and \
                not (tok.lower_ == "one" and tok.pos_ in ("NUM", "PRON")):
            continue
        lemma = tok.lemma_.lower()
        definite = any(
            c.lower_ in ("the", "this", "that", "its", "their")
            for c in tok.children
            if c.dep_ in ("det", "poss")
        )
        if lemma in _VENTURE_NOUNS and tok.pos_ == "NOUN" and tok.tag_ == "NN" and (
                tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of") and (
                    tok.head.head.lemma_.lower() in _STAKE_NOUNS or any(
                        c.dep_ == "dobj" and c.lemma_.lower() in _STAKE_NOUNS for c in tok.head.head.children))
                or _shares_held_in(sdoc, tok)) and \
                (definite or _shares_held_in(sdoc, tok) or
                 any(c.lower_ in ("joint", "project", "special-purpose", "purpose") for c in tok.children)) and \
                not _named_after(st, tok):
            # "POSCO International will hold a 49 percent stake in the venture", "51 percent of the project
            # company": a firm the text does not name is still the one the stakes are held in, one per document
            subject = [st.at[c.i] for c in tok.head.children if c.dep_ == "nsubj" and c.i in st.at] \
                if tok.dep_ == "attr" and tok.head.lemma_ == "be" else []
            if len(subject) == 1 and subject[0].label == "Firm" and len(subject[0].ids) == 1:
                # "Kundybai Rare Metals is a joint venture in which KOMIR holds 29 percent": the firm it is said to be
                add_mention(st, Mention(subject[0].ids, "Firm", tok.i, tok.i + 1, tok.text))
                continue
            intro = _introduced(st, tok, lemma)
            if intro is not None:
                # "... by a special purpose company, Jizzakh Solar LLC. KOMIPO will hold a 60% stake in the
                # company": the one the text introduced with that noun
                add_mention(st, Mention(intro.ids, intro.label, tok.i, tok.i + 1, tok.text))
                continue
            name, start = np_name(tok)
            if lemma == "venture" and any(c.lower_ == "joint" for c in tok.children):
                name = "joint venture"  # what the firm is, in the words of the text ("the joint venture")
            fid = f"firm:{doc_key}:{'venture' if lemma == 'venture' else slug(name)}"
            entity(st, fid, "Firm", name)
            add_mention(st, Mention((fid,), "Firm", tok.i, tok.i + 1, name))
            continue
        if lemma in EVENT_HEADS and tok.tag_ == "NN" and definite and last_event is not None and \
                tok.sent.start - last_event[1] < 400 and not any(c.dep_ in ("amod", "compound", "poss")
                                                                 for c in tok.children) and \
                lemma in st.entities[last_event[0]].name.lower().split():
            # "The 17th meeting of the Kazakh-Korean Intergovernmental Commission was held in Astana. The meeting was
            # co-chaired by ...", "The third Korea-Central Asia Next Generation Dialogue was held ... The dialogue was
            # co-organised by ...": the event just named
            add_mention(st, Mention((last_event[0],), "Event", tok.i, tok.i + 1, tok.text))
            last_event = (last_event[0], tok.sent.start)
            continue
        meeting_of_body = lemma == "meeting" and tok.tag_ == "NN" and (any(
            c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.like_num) for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(p.i in st.at and st.at[p.i].label == "Organization"
                                                          for p in c.subtree) for c in tok.children))
        # ("the tenth meeting of the Uzbek-Korean Intergovernmental Commission": a body's numbered meeting is an
        # event of its own, where a bare "meeting" is not)
        # ("the Kazakhstan-Korea Business Council meeting": a meeting named by its body is an event too)
        body_meeting = lemma == "meeting" and tok.tag_ == "NN" and tok.i - 1 in st.at and \
            st.at[tok.i - 1].label == "Organization" and st.at[tok.i - 1].end == tok.i and \
            st.at[tok.i - 1].start < tok.i - 1
        meeting_of_body = meeting_of_body or body_meeting
        lower_propn = tok.pos_ == "PROPN" and tok.tag_ == "NNP" and tok.is_lower
        # (a lowercase "congress" the tagger took for a name)
        round_table = lemma == "table" and any(c.lower_ == "round" and c.i == tok.i - 1 for c in tok.children)
        # ("a round table organised by KCCI": the roundtable in two words)
        if (lemma in EVENT_NOUNS or meeting_of_body or round_table) and (tok.pos_ == "NOUN" or lower_propn) and \
                not _occasion_of_named(tok) and (
                tok.tag_ == "NN" or lower_propn or tok.tag_ == "NNS" and any(
                c.dep_ in ("compound", "amod") and c.i == tok.i - 1 for c in tok.children)):
            # (plural too when a modifier says which: "three business forums", then "the most recent took place")
            name, start = np_name(tok)
            if body_meeting:
                name = sdoc[st.at[tok.i - 1].start:tok.i + 1].text
            elif meeting_of_body:
                # "tenth meeting of the Uzbek-Korean Intergovernmental Commission on Trade and Economic Cooperation"
                body = max((st.at[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.subtree if p.i in st.at and st.at[p.i].label == "Organization"),
                           key=lambda m: m.end)
                first = min(c.i for c in tok.children if c.dep_ == "amod")
                name = sdoc[first:body.end].text
            recent = last_event is not None and tok.sent.start - last_event[1] < 400
            owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in tok.children)
            of_event = [st.at[c.i].id for c in tok.children if c.dep_ == "poss" and c.i in st.at and
                        st.at[c.i].label == "Event"]
            staged_as = _staged_as(st, tok)
            if of_event:
                eid = of_event[0]  # "the UN General Assembly's 80th session" is the Assembly's meeting
            elif staged_as is not None:
                eid = entity(st, staged_as, "Event", name)  # "the opening was staged as a ceremony": one event
            elif definite and not owned and recent and start == tok.i and last_event is not None and not (
                    lemma in _EVENT_KINDS and lemma not in st.entities[last_event[0]].name.lower().split()):
                # "the jubilee", "the ceremony": the event just named (not "the forum" after "the opening ceremony":
                # a forum, summit or festival is one only where the event named was one)
                eid = last_event[0]
            else:
                st.agreement_counts["event:" + lemma] += 1
                eid = f"event:{doc_key}:{lemma}-{st.agreement_counts['event:' + lemma]}"
                entity(st, eid, "Event", name)
            last_event = (eid, tok.sent.start)
            add_mention(st, Mention((eid,), "Event", tok.i, tok.i + 1, name))
            continue
        if lemma in SITE_HEADS and tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.is_lower and tok.i not in st.at:
            k = tok.i - 1
            if k >= 2 and sdoc[k - 1].lower_ in ("-", "and") and sdoc[k].lower_ in _SITE_RESOURCES and \
                    sdoc[k - 2].lower_ in _SITE_RESOURCES:
                k -= 3  # "the Kyzyltas copper-gold deposit", "the Kuru-Tegerek gold and copper deposit"
            elif k >= 0 and sdoc[k].lower_ in _SITE_RESOURCES:
                k -= 1
            elif k >= 1 and sdoc[k].lower_ in ("earth", "earths") and sdoc[k - 1].lower_ == "rare":
                k -= 2  # "the Kundybai rare earth deposit"
            if k >= 0 and k in st.at and st.at[k].label == "Person" and st.at[k].start == k and st.at[k].end == k + 1 \
                    and sdoc[k].is_title and (k == 0 or sdoc[k - 1].lower_ == "the"):
                drop_mention(st, st.at[k])  # ("the Kundybai ... deposit": a site's name NER took for a person's)
            first = k
            while first >= 0 and sdoc[first].pos_ == "PROPN" and (sdoc[first].is_title or
                                                                  _ROMAN.fullmatch(sdoc[first].text)) and \
                    first not in st.at:  # ("the Kutessay II rare earth deposit": a numbered site)
                first -= 1
                if first >= 1 and sdoc[first].text == "-" and not sdoc[first].whitespace_ and \
                        not sdoc[first - 1].whitespace_ and sdoc[first - 1].is_title:
                    first -= 1  # "the Zhaksy-Tau deposit": a hyphenated name
            if first < k and k - first <= 3 and _site_end(sdoc, k + 1) == tok.i + 1:
                # "the Jerooy deposit", "the Boguty tungsten deposit": a site NER did not know, named by the words
                # before its noun (a mineral word inside the name is part of it)
                inners = {st.at[j].start: st.at[j] for j in range(k + 1, tok.i) if j in st.at}  # (each mention once)
                for inner in list(inners.values()):
                    if inner.label in ("Mineral", "Sector") and inner.start > k and inner.end <= tok.i:
                        drop_mention(st, inner)  # ("gold and copper", "oil and gas": the resources it is named by)
                add_mention(st, _site_mention(st, first + 1, tok.i + 1))
                continue
        if lemma in _REGION_NOUNS and tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.is_lower:
            names = [c for c in tok.children if c.i < tok.i and (c.dep_ == "compound" and c.pos_ == "PROPN" or
                                                                  c.dep_ == "amod" and c.tag_ in ("JJ", "NNP"))]
            if names and all(c.i not in st.at and c.is_title for c in names) and \
                    names[-1].i == tok.i - 1 and not any(c.dep_ == "compound" and c.i in st.at for c in tok.children):
                # "the Kashkadarya region": a place NER did not know, named by the word before "region"
                start = min(c.i for c in names)
                name = sdoc[start : tok.i + 1].text
                lid = f"location:{slug(name)}"
                entity(st, lid, "Location", name)
                add_mention(st, Mention((lid,), "Location", start, tok.i + 1, name))
                continue
            city = st.at.get(tok.i - 1)
            compass = city is not None and city.label == "Country" and city.start > 0 and \
                sdoc[city.start - 1].lower_ in ("east", "west", "north", "south") and sdoc[city.start - 1].is_title
            if city is not None and (city.label == "Location" or compass) and len(city.ids) == 1 and \
                    tok.i not in st.at and city.end == tok.i and city.id in st.gaz.entries:
                # "East Kazakhstan region": a region named after its country and a point of the compass
                start = city.start - 1 if compass else city.start
                name = sdoc[start : tok.i + 1].text
                entry = st.gaz.entries[city.id]
                if name_key(name) not in {name_key(n) for n in (entry.name, *entry.aliases)}:
                    # "the Almaty region" is the region around the city, not the city (unless the gazetteer says
                    # the name stands for both, as for Turkestan)
                    drop_mention(st, city)
                    lid = f"location:{slug(name)}"
                    entity(st, lid, "Location", name)
                    add_mention(st, Mention((lid,), "Location", start, tok.i + 1, name))
                    continue
        if lemma in _PEOPLE_NOUNS and tok.tag_ == "NNS" and tok.pos_ == "NOUN":
            # "7,400 Uzbek citizens", "Kyrgyz nationals working in Korea": a country's people abroad are a group
            nations = [st.at[c.i] for c in tok.children if c.dep_ in ("amod", "compound") and c.i == tok.i - 1
                       and c.i in st.at and st.at[c.i].demonym and len(st.at[c.i].ids) == 1]
            people = sdoc[nations[0].start:nations[0].end].text if nations else ""
            if not nations:
                # "more than 6,000 citizens of Kyrgyzstan work in Korea": the same group as "Kyrgyz citizens"
                nations = [st.at[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and
                           c.i == tok.i + 1 for p in c.children if p.dep_ == "pobj" and p.i in st.at and
                           st.at[p.i].label == "Country" and len(st.at[p.i].ids) == 1 and not st.at[p.i].demonym
                           and st.at[p.i].id in st.gaz.entries
                           and st.gaz.entries[st.at[p.i].id].demonyms]
                people = st.gaz.entries[nations[0].id].demonyms[0] if nations else ""
            if nations:
                name = f"{people} {tok.text}"
                gid = f"group:{slug(nations[0].id.split(':', 1)[1] + '-' + tok.lemma_.lower())}"
                entity(st, gid, "Group", name)
                add_mention(st, Mention((gid,), "Group", tok.i, tok.i + 1, name))
                continue
        if lemma == "office" and tok.pos_ == "NOUN" and (
                tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ROLE_NOUNS
                or tok.dep_ == "compound" and tok.head.lemma_.lower() in ROLE_NOUNS):
            # "Lim So Yeon, country director of the KOICA office in the Kyrgyz Republic", "director of KOICA's
            # Uzbekistan office", "KOICA Kyrgyzstan office director Yoon Seo-yeon": the office a person heads is a
            # body of its own, named by its owner and its place
            # (in a flat title, "KOICA Kyrgyzstan office director", the owner and place are the office's siblings)
            near = [*tok.children, *(c for c in tok.head.children if c.dep_ == "compound" and c.i < tok.i)] \
                if tok.dep_ == "compound" else list(tok.children)
            owners = [st.at[c.i] for c in near if c.dep_ in ("compound", "poss") and c.i in st.at
                      and st.at[c.i].label in ("Organization", "Firm") and len(st.at[c.i].ids) == 1]
            owners += [st.at[x.i] for c in tok.children if c.dep_ == "compound" and c.i in st.at
                       and st.at[c.i].label in ("Country", "Location") for x in c.children
                       if x.dep_ in ("compound", "poss") and x.i in st.at and len(st.at[x.i].ids) == 1
                       and st.at[x.i].label in ("Organization", "Firm")]
            places = [st.at[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                      if p.dep_ == "pobj" and p.i in st.at and st.at[p.i].label in ("Location", "Country")]
            places += [st.at[c.i] for c in near if c.dep_ == "compound" and c.i in st.at
                       and st.at[c.i].label in ("Country", "Location") and not st.at[c.i].demonym]
            if len(owners) == 1 and len(places) == 1:
                first, stop = min(owners[0].start, places[0].start), max(tok.i + 1, places[0].end)
                name = sdoc[first:stop].text
                oid = f"org:{slug(name)}"
                entity(st, oid, "Organization", name)
                add_mention(st, Mention((oid,), "Organization", tok.i, tok.i + 1, name))
                continue
        if lemma in _DESCRIBED_FIRM_HEADS and tok.pos_ == "NOUN" and tok.dep_ != "appos":
            owner = [c for c in tok.children if c.dep_ == "poss" and c.i in st.at and st.at[c.i].label == "Country"
                     and not st.at[c.i].demonym]
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
            named_next = tok.i + 1 in st.at and st.at[tok.i + 1].label in ("Firm", "Organization")
            first = st.at[owner[0].i].start if owner else tok.i
            named_before = first >= 2 and sdoc[first - 1].text == "," and (x := st.at.get(first - 2)) is not None \
                and x.label in ("Firm", "Organization")  # "Tau-Ken Samruk, Kazakhstan's national mining company"
            if owner and mods and not named_next and not named_before and \
                    not any(c.dep_ == "appos" for c in tok.children):
                # "Turkmenistan's state-run chemical corporation": a firm described by its owner and trade, when the
                # text gives no name
                name = sdoc[st.at[owner[0].i].start : tok.i + 1].text
                fid = f"firm:{slug(name)}"
                entity(st, fid, "Firm", name)
                add_mention(st, Mention((fid,), "Firm", tok.i, tok.i + 1, name))
                continue
        joint = lemma in ("statement", "declaration", "communique") and any(
            c.lower_ in ("joint", "bilateral") for c in tok.children)  # "a joint statement" is signed
        if lemma in AGREEMENT_HEADS or tok.lower_ == "memoranda" or joint:
            head = "memorandum" if lemma in ("memoranda", "mou") else lemma
            if any(
                c.dep_ == "compound" and c.i in st.at and st.at[c.i].label == "Agreement"
                for c in tok.children
            ) or (tok.dep_ == "appos" and tok.head.i in st.at and st.at[tok.head.i].label == "Agreement"):
                continue  # "the TIPF, a non-binding agreement": the same agreement again
            kinds = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i}
            same_kind = [i for i in seen_agreements.get(head, []) if kinds and
                         kinds <= {w.lower() for w in st.entities[i].name.split()}]
            if definite and same_kind:
                aid = same_kind[-1]  # "a loan agreement and a grant agreement ... The loan agreement was signed"
            elif definite and not kinds and head in _GENERIC_AGREEMENT_WORDS and head not in last and \
                    last_agreement is not None:
                aid = last_agreement  # "... signed a memorandum on critical minerals. The document is meant to ..."
            elif definite and head in last:
                aid = last[head]
            else:
                st.agreement_counts[head] += 1
                aid = f"agreement:{doc_key}:{head}-{st.agreement_counts[head]}"
                last[head] = aid
            name, start = np_name(tok)
            last_agreement = aid
            if aid in st.entities and st.entities[aid].name.lower() != name.lower() and head not in last:
                add_mention(st, Mention((aid,), "Agreement", tok.i, tok.i + 1, name))
                continue  # (the agreement named before keeps its name)
            entity(st, aid, "Agreement", name)
            if aid not in seen_agreements.setdefault(head, []):
                seen_agreements[head].append(aid)
            add_mention(st, Mention((aid,), "Agreement", tok.i, tok.i + 1, name))
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in st.at and (tok.lower_ in _ORDINALS and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or tok.lower_ == "one" and (any(
                c.dep_ == "prep" and c.lower_ == "on" for c in tok.children) or tok.dep_ == "nsubjpass" and
                tok.head.lemma_.lower() in _SIGN_VERBS | {"conclude"})):
            # "K-water signed two memoranda. The first, signed by ..., commits ...; the second was concluded
            # between ...": each ordinal is one of the documents the plural named just before
            # (within the three sentences before: "The first, signed by ..., commits ..." can be long)
            plural = [m for m in st.mentions if m.label == "Agreement" and m.start < tok.i and
                      (sdoc[m.end - 1].tag_ == "NNS" or sdoc[m.end - 1].lower_ == "memoranda") and
                      sum(1 for t in sdoc[sdoc[m.end - 1].sent.start:tok.sent.start] if t.is_sent_start) <= 3]
            if plural:
                head = sdoc[plural[-1].end - 1].lemma_.lower()
                head = "memorandum" if head in ("memoranda", "mou") else head
                st.agreement_counts[head] += 1
                aid = f"agreement:{doc_key}:{slug(head)}-{st.agreement_counts[head]}"
                entity(st, aid, "Agreement", f"{tok.lower_} {head}")
                add_mention(st, Mention((aid,), "Agreement", tok.i, tok.i + 1, tok.text))
                continue
        if lemma in ("programme", "program", "plan") and tok.tag_ == "NN" and tok.i not in st.at and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.lemma_.lower() in
                                                             ("cooperation", "partnership") for p in c.children)
                for c in tok.children):
            # "a new long-term programme of technological and industrial partnership covering ...", "a plan of
            # cooperation for 2014-2016": a programme of cooperation is a document the parties draw up, an agreement
            of_ = next(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of")
            pobj = next(p for p in of_.children if p.dep_ == "pobj")
            name, start = np_name(tok)
            name = sdoc[start : pobj.i + 1].text  # (up to "partnership", not what follows it)
            last[lemma] = _new_agreement(st, tok, lemma, name, doc_key)
            continue
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _SIGN_VERBS and \
                not tok.like_num and tok.lemma_.lower() not in _NOT_SIGNED and tok.is_alpha and len(tok) > 1 and \
                not (tok.i > 0 and sdoc[tok.i - 1].text == "-" and not sdoc[tok.i - 1].whitespace_):
            # (not a piece of a hyphenated word the parser took for an object: "covering e-government")
            # "signed a Record of Discussions", "signed a letter of intent": what is signed is an agreement
            name, start = np_name(tok)
            ofs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" and not p.like_num and p.i not in st.at]
            if ofs:
                name = sdoc[start : ofs[0].i + 1].text
            last[lemma] = _new_agreement(st, tok, lemma, name, doc_key)
            continue
        if lemma == "letter" and tok.pos_ == "NOUN" and tok.i not in st.at and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "intent" for p in c.children)
                for c in tok.children):
            # "a letter of intent that Kim Woo-choong and Islam Karimov signed": a letter of intent is an agreement,
            # whatever verb it is the object of
            name, start = np_name(tok)
            of_ = next(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of")
            name = sdoc[start : next(p for p in of_.children if p.lower_ == "intent").i + 1].text
            last[lemma] = _new_agreement(st, tok, lemma, name, doc_key)
            continue
        if tok.pos_ == "NOUN" and tok.i not in st.at and funded_by(st, tok) is not None and not any(
                c.dep_ == "prep" and c.lower_ == "of" and any(p.i in st.at for p in c.children) for c in tok.children):
            # "K-water carried out a KOICA-funded master plan for water resources": what a body funds is a project
            name, start = np_name(tok)
            last_project = _project_at(st, tok, name, doc_key)
            continue
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.i not in st.at and lemma not in _NOT_FUNDED and \
                lemma not in _PEOPLE_NOUNS and granted_for(tok) is not None and any(
                    c.dep_ in ("compound", "amod") and c.lower_ != "new" and c.i not in st.at for c in tok.children):
            # "a $5 million grant for a telemedicine link", "a grant to modernise the water supply of Hissar
            # district": what a grant or loan is given for (a thing made, improved or brought in) is a project
            name, start = np_name(tok)
            last_project = _project_at(st, tok, name, doc_key)
            continue
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lemma_.lower() in _BUILT_NOUNS and not definite:
            # "the construction of a pharmaceutical university": what is built is a project, whatever its head
            name, start = np_name(tok)
            last_project = _project_at(st, tok, name, doc_key)
            continue
        if lemma in ("plan", "study") and tok.tag_ == "NN" and tok.i not in st.at and any(
                c.dep_ == "compound" and c.lower_ in ("master", "feasibility") for c in tok.children) and \
                (not definite or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
                    m.label == "Project" and st.sdoc[m.end - 1].lemma_.lower() == lemma
                    for m in st.mentions if m.start < tok.i)):
            # "KOICA earlier funded an e-government master plan for Turkmenistan": a plan drawn up is a project
            # ("KOICA had earlier paid for the e-government master plan": also a definite one named first there)
            name, start = np_name(tok)
            last_project = _project_at(st, tok, name, doc_key)
            continue
        if lemma == "project" and tok.tag_ == "NN" and definite and tok.i not in st.at and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower for c in tok.children) and all(
                c.dep_ in ("det", "poss") or c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower and
                not list(c.children) for c in tok.lefts):
            # (only "the lithium project": not "the four-year project", "the second Korean-funded transport
            # project", which describe one named elsewhere)
            # "loans for the lithium project": the project named before whose name has the words, else one of its
            # own, named by what it is about
            about = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            earlier = list(dict.fromkeys(m.id for m in st.mentions if m.label == "Project" and len(m.ids) == 1
                                         and m.start < tok.i and all(w in st.entities[m.id].name.lower().split()
                                                                     for w in about)))
            if len(earlier) == 1:
                last_project = earlier[0]
                add_mention(st, Mention((earlier[0],), "Project", tok.i, tok.i + 1, tok.text))
            elif not earlier:
                name, start = np_name(tok)
                last_project = _project_at(st, tok, name, doc_key)
            continue
        if lemma == "project" and tok.tag_ == "NN" and not definite and tok.i not in st.at and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower for c in tok.children) and not any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            # "a drinking water project in the Chimbay district": a project named by what it does
            name, start = np_name(tok)
            last_project = _project_at(st, tok, name, doc_key)
            continue
        if lemma in _NEW_PREMISES and tok.pos_ == "NOUN" and tok.i not in st.at and any(
                c.dep_ == "amod" and c.lower_ == "new" for c in tok.children):
            # "the new building of the Korean Education Centre was opened": new premises are a project (a thing
            # built and opened), named with whose they are
            whose = next((st.at[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj" and p.i in st.at
                          and st.at[p.i].label in ("Organization", "Firm")), None)
            name = np_name(tok)[0] + (f" of {whose.text}" if whose is not None else "")
            last_project = _project_at(st, tok, name, doc_key)
            continue
        if tok.dep_ == "nsubjpass" and tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.i not in st.at and \
                lemma not in PROJECT_HEADS and lemma not in _NOT_FUNDED and _paid_for(tok.head) and \
                any(c.dep_ == "agent" for c in tok.head.children) and \
                not any(c.dep_ == "poss" for c in tok.children) and \
                not (lemma == "project" and definite and last_project and
                     not any(c.dep_ in ("compound", "amod") and c.i < tok.i for c in tok.children)):
            # (not "The joint venture is building a knitting and dyeing factory ... the project is financed in part
            # by a loan": "the project" is the last one named, below)
            # "The feasibility study is financed by the Korean Ministry of ...", "The renovation was funded by ...":
            # what someone is said to pay for is a project, whatever its head word
            name, start = np_name(tok)
            last_project = _project_at(st, tok, name, doc_key)
            continue
        if lemma in PROJECT_HEADS and tok.pos_ == "NOUN" and not any(
                c.dep_ == "compound" and c.lemma_.lower() in ("credit", "loan", "grant") for c in tok.children) and \
                not (tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in FIRM_NOUNS):
            # (but "a credit line" is money, not a line built; "the state railway company" is a firm's kind)
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in _PART_NOUNS and tok.head.i not in st.at and \
                    tok.head.tag_ == "NN":
                # "the Bishkek-Kara-Balta road section, built by Daewoo E&C": the section is the works, named with
                # the road's words
                name, start = np_name(tok.head)
                last_project = _project_at(st, tok.head, name, doc_key)
                continue
            name, start = np_name(tok)
            left = tok.left_edge.i
            firm_desc = left >= 2 and sdoc[left - 1].text == "," and (x := st.at.get(left - 2)) is not None and \
                x.label in ("Firm", "Organization") and not any(t.pos_ in ("VERB", "AUX") for t in sdoc[left:tok.i]) \
                or tok.dep_ == "appos" and tok.head.i in st.at and st.at[tok.head.i].label in ("Firm", "Organization")
            place_desc = tok.dep_ == "appos" and (x := st.at.get(tok.head.i)) is not None and \
                x.label == "Location" and (lemma in VAGUE_PROJECT_HEADS or any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(p.i in st.at and st.at[p.i].label == "Location"
                                                                  for p in c.children) for c in tok.children))
            if firm_desc or place_desc:
                # "Korea Zinc Co., the world's largest zinc smelter": what the firm is, not a project; "Bokhtar, the
                # administrative center of Khatlon region": what the place is
                continue
            if start == tok.i and (lemma in VAGUE_PROJECT_HEADS or tok.tag_ == "NNS") and not (
                    definite and tok.tag_ == "NN" and last_project and any(
                        n.lower().split()[-1:] == [tok.lower_]
                        for pid_ in {last_project, *(m.id for m in st.mentions if m.label == "Project" and
                                                     len(m.ids) == 1 and m.start < tok.i and
                                                     tok.sent.start - m.start < 80)}
                        for n in (st.entities[pid_].name, *st.entities[pid_].aliases))):
                # a bare "zone"/"line" is too vague to be a project, bare "two plants" are not one; but "the
                # complex" right after "the Surgil gas chemical complex" is that complex (by any of its names:
                # "the Kiyanly gas chemical complex", known as the Kiyanly Polymer Plant), or a sentence after it
                # with other works named between ("a smart farm complex ... 120 million som for engineering
                # networks. The complex will be built by ...")
                continue
            if definite and tok.tag_ == "NN" and all(k in st.at and st.at[k].demonym for k in range(start, tok.i)) \
                    and not (last_project and any(
                    n.lower().split()[-1:] == [tok.lower_] for n in (st.entities[last_project].name,
                                                                      *st.entities[last_project].aliases))) and all(
                    c.dep_ in ("det", "poss") or c.i in st.at and st.at[c.i].demonym for c in tok.lefts):
                # "Seoul National University Hospital signed ... The Korean hospital is no newcomer to Kazakhstan":
                # the one body named before whose name ends in the noun, when no project was named so
                bodies = {m.id: m for m in st.mentions if m.start < tok.i and m.label in ("Organization", "Firm")
                          and len(m.ids) == 1 and st.entities[m.id].name.lower().split()[-1:] == [tok.lower_]}
                if len(bodies) == 1:
                    body = bodies.popitem()[1]
                    add_mention(st, Mention(body.ids, body.label, tok.i, tok.i + 1, tok.text))
                    continue
            same = [st.at[c.i] for c in tok.head.children if c.dep_ == "nsubj" and c.i in st.at
                    and st.at[c.i].label == "Project"] if tok.dep_ == "attr" and tok.head.lemma_ == "be" else []
            if not same and _ranked(tok):
                # "the largest single EDCF project in the sector", "the best-equipped hospital in the valley", "its own
                # plants in Korea": a superlative or "own" ranks or owns, it does not name one works
                continue
            if same:
                pid = last_project = same[0].id  # "The Balkhash plant is a planned coal-fired power station near"
            elif definite and start == tok.i and last_project:
                pid = last_project
                if not _headed(st, last_project, tok.lower_):
                    # "a 300MW solar power plant ... with a battery energy storage system ... the plant will supply
                    # all of its electricity": the last project whose name has the noun, where the last one named
                    # does not
                    same_head = [m.id for m in st.mentions if m.label == "Project" and len(m.ids) == 1 and
                                 m.start < tok.i and _headed(st, m.id, tok.lower_)]
                    pid = last_project = same_head[-1] if same_head else last_project
            elif definite and tok.tag_ == "NN" and (prior := _described_before(st, tok, name)) is not None:
                pid = last_project = prior  # "the wind farm" after "a 150-megawatt wind farm near Zhanatas"
            elif (short := _short_project(st, tok)) is not None:
                pid = last_project = short  # "the Kiyanly plant" after (or for) "the Kiyanly Polymer Plant"
            else:
                loc = location_in(st, tok)
                base = slug(name)
                pid = f"project:{base}-{loc.split(':', 1)[1]}" if loc else f"project:{doc_key}:{base}"
                entity(st, pid, "Project", name)
                last_project = pid
            add_mention(st, Mention((pid,), "Project", tok.i, tok.i + 1, name))
        elif lemma == "project" and tok.tag_ == "NN" and any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children) and not _ranked(tok):
            # "the Balkhash project", "the Rogun project": a project named after its place or owner; the one
            # known project whose name begins with that place, when there is one
            name, start = np_name(tok)
            words = " ".join(c.text for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN").lower()
            known = {e.id for e in st.gaz.entries.values() if e.label == "Project"
                     and any(n.lower().startswith(words + " ") for n in (e.name, *e.aliases))}
            pid = known.pop() if len(known) == 1 else f"project:{slug(name)}"
            entity(st, pid, "Project", name)
            if tok.dep_ == "appos":
                # "a power station near Lake Balkhash, the Balkhash project": the project just described
                t = tok.head
                for _ in range(3):
                    prev = st.at.get(t.i)
                    if prev is not None and prev.label == "Project":
                        if prev.id != pid and prev.id not in st.gaz.entries:
                            _merge_into(st, prev.id, pid)
                        break
                    t = t.head
            last_project = pid
            if any(i in st.at for i in range(start, tok.i)):
                start = tok.i  # "the Balkhash project" whose place is already a mention of its own
            add_mention(st, Mention((pid,), "Project", start, tok.i + 1, name))
        elif lemma in _PROGRAMME_NOUNS and tok.tag_ == "NN" and not definite and not any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children) and (
                costed(tok) or _purpose(tok) is not None or _topic(tok) or _funded_object(tok)):
            # "a $10 million programme to improve air quality in Kyrgyzstan", "a project to modernise schools": an
            # unnamed programme with a price or a purpose is a project of its own
            purpose = _purpose(tok)
            name = np_name(tok)[0]
            if purpose is None and _topic(tok):
                name += " " + _topic(tok)  # "a project on the early diagnosis of cardiovascular diseases"
            if purpose is not None:
                said = [t for t in purpose.subtree if t.i >= purpose.i and
                        not (t.dep_ == "prep" and t.head.i != purpose.i) and
                        all(a.dep_ != "prep" or a.i == purpose.i for a in t.ancestors
                            if a.i > purpose.i and a.i < t.i) and t.dep_ != "punct"]
                while said and said[-1].pos_ in ("ADP", "DET", "CCONJ"):
                    said.pop()  # "to digitise land registry services in [Shymkent]": the place is not named here
                name += " to " + " ".join(t.text for t in said)
            pid = f"project:{doc_key}:{slug(name)}"
            entity(st, pid, "Project", name)
            last_project = pid
            add_mention(st, Mention((pid,), "Project", tok.i, tok.i + 1, name))
            if purpose is not None:
                described[pid] = {t.lemma_.lower() for c in purpose.children if c.dep_ == "dobj"
                                  for t in (c, *(x for x in c.children if x.dep_ in ("compound", "amod")))
                                  if t.pos_ in ("NOUN", "PROPN", "ADJ")}
        elif (
            lemma == "project"
            and definite
            and last_project
            and not any(c.dep_ in ("compound", "amod") and c.i < tok.i for c in tok.children)
        ):
            # "the project": the last project named (also "the project, worth 98 billion tenge, ...": what follows
            # the noun does not say which project)
            add_mention(st, Mention((last_project,), "Project", tok.i, tok.i + 1, tok.text))
    _described_to_named(st, described)


def _described_to_named(st: DocState, described: dict[str, set[str]]) -> None:
    """'A $10 million programme to improve air quality in Kyrgyzstan ... The "Air Quality Improvement Project in the
    Kyrgyz Republic"': an unnamed programme is the one named project of its document whose name holds every word
    of what the programme is for."""
    for pid, words in described.items():
        if not words:
            continue
        named = [e.id for e in st.entities.values() if e.label == "Project" and e.id != pid and e.id not in described
                 and words <= {w.strip('"\'').lower() for w in e.name.split()}]
        if len(named) == 1:
            _merge_into(st, pid, named[0])


# Nouns that refer back to a firm ("the company", "the builder") or to a body by its head word ("the centre",
# "the ministry", "the agency"): the nearest earlier name of that kind, within a few sentences.
_FIRM_REFERENCES = frozenset({"company", "firm", "corporation", "builder", "contractor", "developer", "operator",
                              "manufacturer", "maker", "producer", "carmaker", "automaker", "confectioner", "lender",
                              "insurer", "conglomerate", "group", "enterprise", "unit", "subsidiary", "affiliate"})
_LENDER_HEADS = frozenset({"lender", "bank", "eximbank", "insurer"})
# nouns of a firm's trade that refer back only with the firm's nation: "the Korean smelter", "the Kazakh miner"
_TRADE_REFERENCES = frozenset({"smelter", "miner", "refiner", "trader", "supplier", "buyer", "investor", "partner",
                               "utility", "steelmaker", "shipbuilder", "chipmaker"})
_SPELLINGS = {"centre": "center", "center": "centre", "organisation": "organization", "programme": "program"}
_REACH = 4  # sentences back


def age_references(st: DocState) -> None:
    """'Hur Seon-haeng arrived in Tashkent in 1992 ... the 58-year-old is still in the city': "the N-year-old" is
    the person named last, within a few sentences."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.lower_ != "old" or tok.i in st.at or not any(c.dep_ == "det" and c.lower_ == "the"
                                                             for c in tok.children):
            continue
        if not any(c.lemma_.lower() == "year" and any(x.like_num for x in c.children) for c in tok.children):
            continue
        people = [m for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and m.end <= tok.i
                  and tok.sent.start - sdoc[m.start].sent.start <= 400]
        if people:
            person = max(people, key=lambda m: m.start)
            add_mention(st, Mention(person.ids, "Person", tok.i, tok.i + 1, tok.text))


def definite_references(st: DocState) -> None:
    """'The company's chief executive', 'who directs the centre', 'the agency has worked in Kyrgyzstan': a
    definite noun (or "its"/"this") that names the kind of an entity named shortly before stands for it. Runs
    before roles, so that titles find their organisation."""
    sdoc = st.sdoc
    sent_of = {s.start: k for k, s in enumerate(sdoc.sents)}
    topic = document_topic(st)
    topic_words = {w.lower() for w in re.findall(r"[A-Za-z]+", st.entities[topic.id].name)} if topic else set()
    seen: list[tuple[int, Mention]] = []  # (sentence number, mention) in document order
    subjects: set[str] = set()  # ids named as a clause's subject: what the text is about
    sent_no = -1
    for tok in sdoc:
        if tok.is_sent_start or tok.i == 0:
            sent_no = sent_of.get(tok.i, sent_no)
        m = st.at.get(tok.i)
        if m is not None:
            if tok.i == m.start and m.label in ("Firm", "Organization") and len(m.ids) == 1:
                seen.append((sent_no, m))
            if m.label in ("Firm", "Organization") and len(m.ids) == 1 and tok.dep_ in ("nsubj", "nsubjpass"):
                subjects.add(m.id)
            continue
        if tok.lower_ == "ministry" and field_ministry(st, tok):
            continue
        capital = tok.pos_ == "PROPN" and tok.tag_ == "NNP" and tok.is_title and not tok.is_sent_start and not any(
            c.dep_ in ("compound", "nmod", "amod", "poss") for c in tok.children)
        if not (tok.pos_ == "NOUN" and tok.tag_ == "NN" or capital):
            continue  # ("the Secretariat", capitalised as the house style does for a body named before)
        lemma = tok.lemma_.lower()
        if lemma == "venture" and tok.tag_ == "NN" and tok.dep_ in ("nsubj", "nsubjpass", "poss") and \
                any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            # "... set up a joint venture, Kundybai Rare Metals LLP. ... the venture will sell its entire output to
            # POSCO International": the venture the text introduced by name
            intro = _introduced(st, tok, "venture")
            unnamed = f"firm:{slug(st.doc.id.split(':', 1)[-1])}:venture"
            if intro is not None:
                add_mention(st, Mention(intro.ids, intro.label, tok.i, tok.i + 1, tok.text))
            elif unnamed in st.entities:
                # (or the one unnamed venture the text's stakes are held in: "will hold a 49 percent stake in the
                # venture ... The venture plans to build a plant")
                add_mention(st, Mention((unnamed,), "Firm", tok.i, tok.i + 1, tok.text))
            continue
        firm_ref = lemma in _FIRM_REFERENCES or lemma in _TRADE_REFERENCES
        if not firm_ref and lemma not in ORG_HEADS:
            continue
        named = [st.at[c.i] for c in tok.children if c.dep_ in ("compound", "amod", "appos", "nmod") and c.i in st.at]
        # "the Korean builder": a firm reference may say whose firm it is
        nation = named[0].id if (firm_ref or lemma in _LENDER_HEADS) and len(named) == 1 and named[0].demonym and \
            len(named[0].ids) == 1 else None  # ("the Korean bank": the Korean one named before)
        if nation is None and lemma in _TRADE_REFERENCES:
            continue  # ("the supplier", "the partner": of no nation, any party)
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children) and nation is None:
            # "the project company", "the trading house": a kind of firm, not the firm named before (but "the Korean
            # trading company": the Korean firm named before, described by its trade)
            continue
        if _ranked(tok):
            continue  # "the best-equipped hospital in the valley": a superlative ranks, it does not refer back
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        if not dets & {"the", "this", "its", "that"} or named and nation is None:
            continue  # "the Kazakh ministry", "the company KazMunayGas": named right there
        if tok.dep_ in ("compound", "nmod") and tok.head.i in st.at:
            continue
        if tok.dep_ == "appos" and (named_by := st.at.get(tok.head.i)) is not None and \
                named_by.label in ("Firm", "Organization") and len(named_by.ids) == 1:
            # "LG CNS, the Korean company that built the data center": the noun describes the name it stands beside,
            # not the last Korean company named before
            add_mention(st, Mention(named_by.ids, named_by.label, tok.i, tok.i + 1, tok.text))
            continue
        if lemma in _UNIT_REFERENCES:
            # "a local subsidiary, Hana Fintech Uzbekistan LLC ... The unit is headed by": the one the text
            # introduced as a unit, not the firm named most
            intro = _introduced(st, tok, _UNIT_REFERENCES)
            if intro is not None:
                add_mention(st, Mention(intro.ids, intro.label, tok.i, tok.i + 1, tok.text))
            continue
        words = {lemma, _SPELLINGS.get(lemma, lemma)}
        candidates: list[tuple[int, int, Mention]] = []
        far: dict[str, Mention] = {}  # those named earlier than the reach
        for order, (k, m) in enumerate(seen):
            if sent_no - k > _REACH:
                far[m.id] = m
                continue
            name_words = {w.lower() for w in re.findall(r"[A-Za-z]+", st.entities[m.id].name)} if \
                m.id in st.entities else set()
            if nation is not None and entity_country(st, m.id) != nation:
                continue
            if lemma == "group" and not _a_group(st, m.id):
                continue  # "the group's parts affiliate": a group, not the carmaker named last
            if firm_ref and m.label == "Firm" or not firm_ref and words & name_words or \
                    lemma in _LENDER_HEADS and m.label == "Organization" and name_words & _LENDER_HEADS:
                # ("the Korean lender": a bank the gazetteer types as a body)
                candidates.append((sum(1 for _k, x in seen if x.id == m.id), order, m))
        if not candidates and far:
            # "The Ministry of Health said ... [five sentences on] ... a memorandum signed with the ministry": further
            # back than the reach, the one entity of that kind the text has named at all
            fits = [m for m in far.values() if m.id in st.entities and (nation is None or entity_country(st, m.id) ==
                    nation) and (firm_ref and m.label == "Firm" or not firm_ref and words & {
                        w.lower() for w in re.findall(r"[A-Za-z]+", st.entities[m.id].name)})]
            kinds = [m for m in far.values() if m.id in st.entities and (firm_ref and m.label == "Firm" or words & {
                w.lower() for w in re.findall(r"[A-Za-z]+", st.entities[m.id].name)})]
            if len(fits) == 1 and len(kinds) == 1 and lemma != "group":
                candidates = [(1, 0, fits[0])]
        if not candidates and topic is not None and not firm_ref and words & topic_words:
            # "In 2019 the theatre and the National Theater of Korea signed ...", paragraphs after a reference page
            # named its subject: the page's subject
            candidates = [(1, 0, topic)]
        verb = tok
        for _ in range(4):  # ("invested $18 million in the company": the phrase may hang on the amount)
            if verb.dep_ not in ("pobj", "prep", "dobj", "dative") or verb.head.i == verb.i:
                break
            verb = verb.head
        own = {i for c in verb.children if c.dep_ == "nsubj" and c.i in st.at for i in st.at[c.i].ids} \
            if verb.pos_ in ("VERB", "AUX") and verb.i != tok.i else set()
        if own and any(m.id not in own for _n, _o, m in candidates):
            # "Daehan Fibers has invested $18 million in the company": the object is another firm than the
            # clause's subject (which would be "itself")
            candidates = [c for c in candidates if c[2].id not in own]
        if nation is not None and len({c[2].id for c in candidates if seen[c[1]][0] == sent_no}) == 1:
            # "TALCO and POSCO International signed a memorandum under which TALCO will supply aluminium to the Korean
            # trading company": the one firm of that nation its own sentence names
            candidates = [c for c in candidates if seen[c[1]][0] == sent_no]
        if firm_ref and nation is None and topic is not None and topic.label == "Firm" and \
                tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == tok.sent.start and \
                (tok.sent.start == 0 or "\n" in sdoc[tok.sent.start - 1].text + sdoc[tok.sent.start - 1].whitespace_):
            # "KazKor Lithium LLP is a mining company ... [a new paragraph] The company was founded in March 2021,
            # three months after Sungwon Materials and Tau-Ken Samruk signed ...": on a reference page, "the company"
            # opening a paragraph is the page's subject
            candidates = [(1, 0, topic)]
        if candidates:
            # the one the text is about (named most often so far, a subject before an object: "Uz-Kor Gas
            # Chemical is a joint venture between A and B ... The company operates"), then the nearest
            m = max(candidates, key=lambda c: (c[0], c[2].id in subjects, c[1]))[2]
            add_mention(st, Mention((m.id,), m.label, tok.i, tok.i + 1, tok.text))


def _a_group(st: DocState, eid: str) -> bool:
    """Is the firm a group: named so ("Shinhan Financial Group"), or the parent the gazetteer gives other firms?"""
    ent = st.entities.get(eid)
    if ent is None:
        return False
    if any("group" in n.lower().split() for n in (ent.name, *ent.aliases)):
        return True
    # ("Daewoo Group Chairman Kim Woo-choong ... the group plans to build": named a group in this text)
    return eid in st.gaz.parents or any(eid in m.ids and len(m.ids) == 1 and "group" in m.text.lower().split()
                                        for m in st.mentions)


def _headed(st: DocState, pid: str, noun: str) -> bool:
    """Whether one of a project's names has the noun as a word ("plant": "the Kiyanly polymer plant"; "hospital":
    "the Osh Regional Clinical Hospital Modernization Project")."""
    e = st.entities[pid]
    return any(noun in n.lower().split() for n in (e.name, *e.aliases))


def _ranked(tok: Token) -> bool:
    """'the largest single EDCF project', 'the best-equipped hospital', 'its own plants': a superlative ranks and
    "own" owns; neither names one works."""
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ == "own" for c in tok.children if c.dep_ in ("amod", "advmod")
               for t in c.subtree)


def _measure(tok: Token) -> bool:
    """'420-square-kilometre', '1,200-hectare': a size before a noun, which names no other thing."""
    words = list(tok.subtree)
    return any(ch.isdigit() for w in words for ch in w.text) and all(
        w.pos_ != "PROPN" and (w.like_num or w.is_punct or any(ch.isdigit() for ch in w.text) or
                               w.lower_ in _MEASURE_WORDS) for w in words)


_MEASURE_WORDS = frozenset({"square", "kilometre", "kilometer", "km", "hectare", "metre", "meter", "mile", "acre",
                            "year", "some", "about"})


def definite_sites(st: DocState) -> None:
    """'The Boguty tungsten deposit lies in Almaty region. The deposit, which is estimated to hold ...': "the
    deposit" (field, mine) with nothing naming it stands for the last site of that kind named shortly before."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.i in st.at or tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in SITE_HEADS or \
                not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) or \
                any(c.dep_ in ("compound", "amod", "nmod") and not _measure(c) for c in tok.children):
            continue
        sites = {m.id: m for m in st.mentions if m.label == "Location" and len(m.ids) == 1 and m.end <= tok.i and
                 tok.i - m.end < 120 and sdoc[m.end - 1].lemma_.lower() == tok.lemma_.lower()}
        if len(sites) == 1:
            m = next(iter(sites.values()))
            add_mention(st, Mention(m.ids, "Location", tok.i, tok.i + 1, tok.text))


_SCHEME_HEADS = frozenset({"programme", "program", "scheme", "system", "initiative"})


def definite_schemes(st: DocState) -> None:
    """'Uzbekistan joined the programme in 2006': "the programme" (scheme, system, initiative) with nothing naming it
    stands for the one programme-like agreement named before it (the Employment Permit System)."""
    sdoc = st.sdoc
    for tok in sdoc:
        if tok.i in st.at or tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in _SCHEME_HEADS or \
                not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) or \
                any(c.dep_ in ("compound", "amod", "nmod", "prep") for c in tok.children):
            continue
        named = {m.id: m for m in st.mentions if m.label == "Agreement" and len(m.ids) == 1 and m.end <= tok.i
                 and m.id in st.entities and st.entities[m.id].name.split()[-1].lower() in _SCHEME_HEADS}
        if len(named) == 1:
            m = next(iter(named.values()))
            add_mention(st, Mention(m.ids, "Agreement", tok.i, tok.i + 1, tok.text))


def entity_country(st: DocState, eid: str) -> str | None:
    """The country a firm or place belongs to, as the gazetteer or the document's own words say."""
    entry = st.gaz.entries.get(eid)
    if entry is not None and entry.country:
        return entry.country
    ent = st.entities.get(eid)
    country = ent.properties.get("country") if ent is not None else None
    return country if isinstance(country, str) else None


def field_ministry(st: DocState, tok: Token) -> bool:
    """'the Kazakh industry ministry', 'Uzbekistan's energy ministry': a country and a field word before
    "ministry" stand for the one ministry of that country whose name holds the field (a known name only)."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "poss", "compound", "nmod") and c.i < tok.i]
    mods += [x for c in mods for x in c.children if x.dep_ in ("amod", "compound") and x.i < c.i]
    country = next((cid for c in mods for cid in [country_of_token(st, c)] if cid), None)
    fields = {c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < tok.i}
    if not country or not fields:
        return False
    found = {
        e.id for e in st.gaz.entries.values()
        if e.label == "Organization" and e.country == country and e.name.lower().startswith("ministry")
        and fields <= {w.lower() for w in re.findall(r"[A-Za-z]+", e.name)}
    }
    if len(found) != 1:
        return False
    eid = found.pop()
    add_mention(st, Mention((entity(st, eid, "Organization", tok.text),), "Organization", tok.i, tok.i + 1,
                            tok.text))
    return True


_GROUP_NOUNS = frozenset(n for _w, n in GROUP_REFS)  # "the two countries", "both governments"


_FUNDED = frozenset({"funded", "financed", "sponsored", "backed", "supported"})


def funded_by(st: DocState, noun: Token) -> Mention | None:
    """The body in a compound "<body>-funded" that modifies the noun ("a KOICA-funded master plan", "an
    EDCF-financed hospital"), if there is one."""
    doc = noun.doc
    if noun.i < 3 or not any(doc[k].lower_ in _FUNDED for k in range(max(0, noun.i - 3), noun.i)):
        return None  # (most nouns: decided without walking the parse)
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in _FUNDED and c.i < noun.i and c.i >= 2 and \
                st.sdoc[c.i - 1].text == "-":
            body = st.at.get(c.i - 2)
            if body is not None and body.label in ("Firm", "Organization") and len(body.ids) == 1 and \
                    body.end == c.i - 1:
                return body
    return None


def _persons_body(st: DocState, tok: Token, kind: str) -> str | None:
    """The body of a kind ("ministry") that the person named last before the word (in its sentence or the one
    before) leads or works for, as the titles say."""
    sent = tok.sent
    lo = st.sdoc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    people = [m for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and lo <= m.start < tok.i]
    for person in reversed(people):
        bodies = {f.object for f in st.facts.values() if f.subject == person.id and f.relation in ("LEADS", "WORKS_FOR")
                  and f.object in st.entities and kind in st.entities[f.object].name.lower().split()}
        if len(bodies) == 1:
            return bodies.pop()
        if bodies:
            return None
    return None


def _under_between(root: Token) -> bool:
    """Is the name a party of a "between" phrase (its object, or a conjunct of it)?"""
    x = root
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    return x.dep_ == "pobj" and x.head.lower_ == "between"


def _pair_just_named(st: DocState, tok: Token) -> tuple[str, ...]:
    """The two countries the sentence before a "the two countries" (and its own words before it) name by name, when
    they name exactly two; () otherwise."""
    sent = tok.sent
    prev = st.sdoc[sent.start - 1].sent if sent.start > 0 else None
    start = prev.start if prev is not None else sent.start
    named = tuple(dict.fromkeys(i for m in st.mentions if start <= m.start < tok.i and m.label == "Country"
                                and not m.demonym and len(m.ids) == 1 for i in m.ids))
    return named if len(named) == 2 else ()


def _korea_and_one(st: DocState) -> tuple[str, ...]:
    """A report that names one country by name and Korea only through its bodies or cities ("the Korea Eximbank",
    "Seoul"): that country and Korea, for "the two governments"; () otherwise."""
    named = {i for m in st.mentions if m.label == "Country" for i in m.ids}
    if len(named) != 1 or "country:south-korea" in named:
        return ()
    korean = any(entity_country(st, i) == "country:south-korea" for m in st.mentions
                 if m.label in ("Firm", "Organization", "Location") for i in m.ids)
    if not korean:
        return ()
    entity(st, "country:south-korea", "Country", st.gaz.entries["country:south-korea"].name)
    return (*named, "country:south-korea")


def _last_signers(st: DocState, tok: Token) -> tuple[str, ...]:
    """The bodies or countries that signed something in the sentence before `tok`'s, or the one before that,
    within its paragraph: the subjects of "sign" (with the one signed "with"), two or more of them."""
    sents = [s for s in st.sdoc.sents if s.end <= tok.sent.start][-2:]
    paragraph = st.doc.text.rfind("\n\n", 0, tok.sent.start_char)
    for sent in reversed(sents):
        if sent.start_char < paragraph:
            break
        for verb in sent:
            if verb.lemma_.lower() not in SIGNING_VERBS or verb.pos_ != "VERB":
                continue
            heads = [c for c in verb.children if c.dep_ == "nsubj"]
            heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                      if p.dep_ == "pobj"]
            ids = tuple(dict.fromkeys(
                st.at[t.i].ids[0] for h in heads for t in h.subtree if t.i in st.at and len(st.at[t.i].ids) == 1
                and st.at[t.i].label in ("Firm", "Organization", "Country") and not st.at[t.i].demonym
                and t.dep_ in ("nsubj", "conj", "pobj", "appos") and st.at[t.i].id in st.entities))
            if len(ids) >= 2:
                return ids
    return ()


def resolve_references(st: DocState) -> None:
    """Role references, group references, 'the company', 'our country' in a quote: only where safe."""
    sdoc = st.sdoc
    pair = report_pair(st)
    st.pair = pair
    groups = pair or _korea_and_one(st)
    # role references first: a quote's speaker may be "the President of Kazakhstan"
    for tok in sdoc:
        lemma = tok.lemma_.lower()
        if (
            tok.i not in st.at
            and tok.pos_ in ("NOUN", "PROPN")
            and (lemma in ROLE_NOUNS or lemma in ("head", "diplomat", "envoy"))
        ):
            mods = {
                c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "amod", "predet", "poss")
            }
            persons = role_reference(st, tok, lemma, mods)
            if persons:
                add_mention(st, Mention(tuple(persons), "Person", tok.i, tok.i + 1, tok.text))
            elif pair and len(pair) == 2 and lemma == "minister" and tok.tag_ == "NNS" and mods & {"two", "both"}:
                # "signed by the two finance ministers" in a two-country text, the ministers not named: they act
                # for their countries
                add_mention(st, Mention(pair, "Country", tok.i, tok.i + 1, tok.text))
    speakers = quote_speakers(st)
    last_agreement: str | None = None
    last_own: str | None = None  # the last agreement of the document's own (not a named one like the Paris Agreement)
    last_country: tuple[str, int] | None = None  # (id, sentence start) of the last country named by its name
    for tok in sdoc:
        if tok.i in st.at and st.at[tok.i].start == tok.i == st.at[tok.i].end - 1 and tok.is_title and \
                st.at[tok.i].label in ("Organization", "Firm") and tok.lower_[:-1] in _GROUP_NOUNS and \
                tok.i > 0 and sdoc[tok.i - 1].lower_ in ("two", "both"):
            drop_mention(st, st.at[tok.i])  # ("signed between the two Governments": a capital makes no body's name)
        if tok.i in st.at:
            if st.at[tok.i].label == "Agreement":
                last_agreement = st.at[tok.i].id
                if st.at[tok.i].id.count(":") >= 2:  # "agreement:<document>:memorandum-1", not a named one
                    last_own = st.at[tok.i].id
            m = st.at[tok.i]
            if m.label == "Country" and len(m.ids) == 1 and not m.demonym:
                if not (last_country is not None and last_country[1] == tok.sent.start and
                        (sdoc[m.end - 1].lower_ in ("'s", "’s") or
                         m.end < len(sdoc) and sdoc[m.end].lower_ in ("'s", "’s"))):
                    # ("Lee described Kazakhstan as South Korea's largest trading partner ... operate in the
                    # country": a possessive owner after a country named in the same sentence is not the one meant)
                    last_country = (m.id, tok.sent.start)
            elif m.label == "Location" and len(m.ids) == 1 and tok.i == m.start and \
                    sdoc[m.end - 1].dep_ in ("pobj", "compound") and \
                    (where := entity_country(st, m.id)) is not None and where in st.gaz.entries:
                entity(st, where, "Country", st.gaz.entries[where].name)
                # ("... visited the Bishkek Korean Education Centre ... About 17,000 ethnic Koreans live in the
                # country": a city named since as a place says which country; not "Seoul's grant", the capital
                # acting for its country)
                last_country = (where, tok.sent.start)
            continue
        lemma = tok.lemma_.lower()
        if tok.tag_ == "NNPS" and lemma.endswith("s") and lemma[:-1] in _GROUP_NOUNS:
            lemma = lemma[:-1]
        if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        # modifiers matter only to the few nouns below; children are slow to walk, so only for those
        mods = (
            {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "amod", "predet", "poss")}
            if lemma in REFERENCE_NOUNS else set()
        )
        if lemma == "party" and tok.tag_ == "NNS" and tok.dep_ in ("nsubj", "nsubjpass") and \
                [c.lower_ for c in tok.children] == ["the"] and (signers := _last_signers(st, tok)):
            # "KORES and the State Agency for Geology signed a memorandum ... The parties also agreed to jointly study
            # the deposit": the parties of the agreement signed just before
            add_mention(st, Mention(signers, st.entities[signers[0]].label, tok.i, tok.i + 1, tok.text))
            continue
        if lemma in ("side", "party") and tok.tag_ == "NNS" and mods & {"two", "both"}:
            # "signed between Korea's Ministry of Trade, Industry and Energy and Uzbekistan's Ministry of Mining
            # Industry and Geology, under which the two sides will ...": the two bodies the sentence named as the
            # parties before
            named = [m for m in st.mentions if tok.sent.start <= m.start < tok.i and len(m.ids) == 1 and
                     m.label in ("Firm", "Organization") and _under_between(sdoc[m.start:m.end].root)]
            ids = tuple(dict.fromkeys(m.id for m in named))
            if len(ids) != 2:
                # "Rustam Emomali, Chairman of the Dushanbe City Hukumat, received a delegation of the Seoul
                # Metropolitan Government ..., and the two sides signed": the two bodies the sentence named before,
                # when it names no country
                before = [m for m in st.mentions if tok.sent.start <= m.start < tok.i and len(m.ids) == 1]
                named = [m for m in before if m.label in ("Firm", "Organization")]
                ids = tuple(dict.fromkeys(m.id for m in named))
                if any(m.label == "Country" and not m.demonym for m in before):
                    ids = ()
            if len(ids) == 2:
                add_mention(st, Mention(ids, named[0].label, tok.i, tok.i + 1, tok.text))
                continue
        if groups and lemma in _GROUP_NOUNS:
            if any((w, lemma) in GROUP_REFS for w in mods) or lemma in ("side", "government") and \
                    mods in ({"the"}, {"their"}) and tok.tag_ == "NNS":
                # "both sides", "the two countries", and a bare plural "the sides agreed", "the governments also
                # signed" in a two-country text; where the sentence before names two other countries, and only
                # those, those two ("South Korea established diplomatic relations with Uzbekistan in 1992. Trade
                # between the two countries ..." in a report that names Kazakhstan more)
                last = _pair_just_named(st, tok)
                add_mention(st, Mention(last or groups, "Country", tok.i, tok.i + 1, tok.text))
                continue
        if lemma in ("state", "country", "nation", "republic") and tok.tag_ == "NNS" and tok.i not in st.at and \
                any(c.dep_ == "nummod" and c.lower_ == "five" for c in tok.children) and (
                any(c.dep_ in ("amod", "compound") and c.lower_ == "asian" for c in tok.children) or
                len({i for m in st.mentions if m.label == "Country" for i in m.ids} & _CENTRAL_ASIA) >= 3):
            # "trade with the five states", "the leaders of the five Central Asian countries": the five Central Asian
            # states, each
            for member in sorted(_CENTRAL_ASIA):
                entity(st, member, "Country", st.gaz.entries[member].name)
            add_mention(st, Mention(tuple(sorted(_CENTRAL_ASIA)), "Country", tok.i, tok.i + 1, tok.text))
            continue
        if groups and lemma == "partner" and tok.tag_ == "NNS" and {c.lower_ for c in tok.children} == {"the"} and \
                tok.dep_ in ("nsubj", "nsubjpass") and len(groups) == 2 and not any(
                m.label in ("Firm", "Organization") for m in st.mentions
                if sdoc[max(tok.sent.start - 1, 0)].sent.start <= m.start < tok.sent.end):
            # "Lee expressed the hope that the partners could broaden their cooperation" in a two-country text whose
            # sentence (and the one before) names no firm or body: the two countries (not a venture's partners)
            add_mention(st, Mention(groups, "Country", tok.i, tok.i + 1, tok.text))
            continue
        if lemma in ORG_HEADS and tok.tag_ == "NN" and any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                                          for c in tok.children):
            # "Uzbekistan was represented by Bobir Islamov, Minister of Mining Industry and Geology. His ministry
            # signed a memorandum ...": the body of that kind the person named last leads or works for
            body = _persons_body(st, tok, lemma)
            if body is not None:
                add_mention(st, Mention((body,), st.entities[body].label, tok.i, tok.i + 1, tok.text))
                continue
        if lemma == "capital" and tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss"
                                                           for c in tok.children):
            # "arrived in the Kazakh capital", "Kazakhstan's capital": the country's capital city
            owners = [st.at[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                      and c.i in st.at and st.at[c.i].label == "Country" and len(st.at[c.i].ids) == 1]
            cities = [e.id for e in st.gaz.entries.values() if owners and e.label == "Location" and
                      e.metonym_for == owners[0].id]
            if len(cities) == 1:
                entry = st.gaz.entries[cities[0]]
                add_mention(st, Mention((entity(st, entry.id, "Location", entry.name),), "Location", tok.i,
                                        tok.i + 1, tok.text))
                continue
        if lemma in ("republic", "country", "nation", "state") and tok.tag_ in ("NN", "NNP") and tok.i >= 3 and \
                sdoc[tok.i - 2].lower_ == "central" and sdoc[tok.i - 1].lower_ == "asian" and \
                sdoc[tok.i - 3].lower_ == "the" and tok.i not in st.at:
            # "Korea mainly exports electronics to the Central Asian republic": the one Central Asian country of a
            # report about it and Korea
            others = [i for i in (pair or ()) if i != "country:south-korea"]
            if len(others) == 1:
                add_mention(st, Mention((others[0],), "Country", tok.i, tok.i + 1, tok.text))
                continue
        if lemma == "country" and tok.tag_ == "NN" and mods == {"the"} and last_country is not None and \
                tok.sent.start - last_country[1] <= 400 and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "poss"):
            # "Kazakhstan welcomes Korean firms. ... Korean investment in the country reached $8 billion": the
            # country last named by its name (a demonym is not one)
            meant = last_country[0]
            if meant == "country:south-korea" and pair and len(pair) == 2 and meant in pair and any(
                    t.lower_ in ("korean", "korea's") and t.i < tok.i for t in tok.sent):
                # ("trade between Uzbekistan and South Korea reached $2.2 billion, and Korean companies have invested
                # in the country's chemical industry": where Korean firms act, "the country" is the other one)
                meant = next(i for i in pair if i != meant)
            add_mention(st, Mention((meant,), "Country", tok.i, tok.i + 1, tok.text))
            continue
        if tok.lower_ in ("we", "us") and tok.i in speakers and speakers[tok.i] in st.leads:
            # a head of state speaking for his country
            add_mention(
                st, Mention((st.leads[speakers[tok.i]],), "Country", tok.i, tok.i + 1, tok.text)
            )
            continue
        if (
            tok.lower_ == "it"
            and tok.dep_ in ("nsubj", "nsubjpass")
            and last_agreement
            and tok.head.lemma_.lower() in ("provide", "cover", "envisage", "include", "stipulate", "aim")
        ):
            # "It provides for ...": what provides for things is the agreement just named
            add_mention(st, Mention((last_agreement,), "Agreement", tok.i, tok.i + 1, tok.text))
            continue
        if (
            tok.lower_ == "it"
            and last_own
            and tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in _SIGN_VERBS | {"conclude", "ratify"}
        ):
            # "... signed an agreement on climate change cooperation, in line with the Paris Agreement. It was signed
            # by ...": what is signed is the document's own agreement just named, not one it names in passing
            add_mention(st, Mention((last_own,), "Agreement", tok.i, tok.i + 1, tok.text))
            continue
        if lemma in COLLECTIVE_FIRMS and tok.tag_ in ("NNS", "NNPS") and not (
                (x := st.at.get(tok.i + 1)) is not None and x.start == tok.i + 1 and x.label in ("Firm", "Organization")
                or any(c.dep_ == "appos" and c.i in st.at for c in tok.children)):
            # (not "the South Korean companies Hyundai Engineering Co. and LG International Corp.": the firms named)
            cid = collective_country(st, tok)
            if cid:
                entry = st.gaz.entries[cid]
                demonym = entry.demonyms[0] if entry.demonyms else entry.name
                fid = (
                    "firm:korean-companies"
                    if cid == "country:south-korea"
                    else f"firm:{slug(demonym)}-companies"
                )
                entity(st, fid, "Firm", f"{demonym} companies")
                add_mention(st, Mention((fid,), "Firm", tok.i, tok.i + 1, tok.text))
                continue
        if lemma in ("country", "state") and "our" in mods and tok.i in speakers:
            country = st.leads.get(speakers[tok.i])
            if country:
                add_mention(st, Mention((country,), "Country", tok.i, tok.i + 1, tok.text))
            continue
    plural_pronouns(st)
    head_of_state(st)
    the_two(st)
    its_leader(st)
    singular_pronouns(st)


# People who act for their country: "Tajik officials held talks", "the Kazakh government", "the Korean side"
_ACTS_FOR_COUNTRY = frozenset({"official", "government", "delegation", "side", "authority", "leadership",
                               "administration", "diplomat", "representative", "negotiator", "cabinet", "state"})


def country_metonymy(st: DocState) -> None:
    """'Tajik officials', 'the Kazakh government', 'Korea's delegation': they stand for the country."""
    for m in [m for m in st.mentions if m.label == "Organization" and m.end - m.start == 2 and len(m.ids) == 1]:
        first, head = st.sdoc[m.start], st.sdoc[m.end - 1]
        country = st.gaz.demonym_of.get(first.lower_)
        if head.lower_ == "government" and country is not None and country in st.gaz.entries:
            # "The Korean Government will also provide a grant": capitalised, still the country's government
            drop_mention(st, m)
            entity(st, country, "Country", st.gaz.entries[country].name)
            add_mention(st, Mention((country,), "Country", m.start, m.end, m.text))
    for tok in st.sdoc:
        if tok.i in st.at or tok.pos_ != "NOUN" or tok.lemma_.lower() not in _ACTS_FOR_COUNTRY:
            continue
        if tok.lemma_.lower() == "diplomat" and tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the"
                                                                         for c in tok.children):
            continue  # "the Korean diplomat was received by ...": the envoy named before (a role reference)
        if any(c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head") and any(a.dep_ == "agent" for a in c.children)
               for c in tok.children):
            continue  # "the Korean delegation headed by Prime Minister Han": its leader stands for it (expand)
        owners = [st.at[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in st.at
                  and st.at[c.i].label == "Country" and len(st.at[c.i].ids) == 1]
        owners += [st.at[x.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" for x in (p, *(p.conjuncts if tok.tag_ == "NNS" else ()))
                   if x.i in st.at and st.at[x.i].label == "Country"] if not owners else []
        ids = tuple(dict.fromkeys(i for m in owners if len(m.ids) == 1 for i in m.ids))
        if tok.tag_ == "NNS" and len(ids) >= 2:
            # "the governments of Kazakhstan and South Korea signed": the countries named
            add_mention(st, Mention(ids, "Country", tok.i, tok.i + 1, tok.text))
            continue
        if not owners and tok.lemma_.lower() == "government" and tok.tag_ == "NN" and \
                tok.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # "Kyrgyzstan joined the EPS in 2007, after the government signed a memorandum": the one country the
            # sentence named before it
            before = {st.at[t.i].id: st.at[t.i] for t in tok.sent if t.i < tok.i and t.i in st.at
                      and st.at[t.i].label == "Country" and len(st.at[t.i].ids) == 1 and not st.at[t.i].demonym}
            owners = list(before.values()) if len(before) == 1 else []
        if len(owners) == 1 and len(owners[0].ids) == 1:
            # "the Kazakh government", "the government of Uzbekistan"
            add_mention(st, Mention(owners[0].ids, "Country", tok.i, tok.i + 1, tok.text))
        elif not owners and tok.lemma_.lower() == "delegation" and tok.tag_ == "NN":
            # "Japarov later met the Hanwha delegation", "held talks with a Samsung Engineering delegation": a firm's
            # or body's delegation stands for it
            bodies = {st.at[c.i].id: st.at[c.i] for c in tok.children if c.dep_ in ("compound", "poss", "nmod")
                      and c.i in st.at and st.at[c.i].label in ("Firm", "Organization") and len(st.at[c.i].ids) == 1}
            if len(bodies) == 1:
                body = next(iter(bodies.values()))
                add_mention(st, Mention(body.ids, body.label, tok.i, tok.i + 1, tok.text))


_GUEST_VERBS = frozenset({"arrive", "visit", "come"})
_HOST_VERBS = frozenset({"receive", "welcome", "greet", "host"})


def singular_pronouns(st: DocState) -> None:
    """'He', 'his', 'she', 'her' stand for the person the text last named as a clause's subject, within the
    paragraph; 'it' and 'its' as a subject or possessor stand for the firm or body that was the previous
    sentence's subject. Nothing else: a pronoun whose antecedent is unclear stays unresolved."""
    sdoc = st.sdoc
    text = st.doc.text
    last_person: tuple[str, int] | None = None  # (id, paragraph start)
    prior_person: tuple[str, int] | None = None  # the one named as a subject before the last
    last_guest: tuple[str, int] | None = None  # the last person said to arrive or visit, or to be received
    last_org: tuple[str, str, int] | None = None  # (id, label, sentence start)
    prev_sent_start = -1
    topic = document_topic(st)
    for sent in sdoc.sents:
        para = text.rfind("\n\n", 0, sent.start_char)
        subject_org: tuple[str, str] | None = None
        for tok in sent:
            m = st.at.get(tok.i)
            if m is not None:
                if m.label == "Person" and len(m.ids) == 1 and tok.dep_ in ("nsubj", "nsubjpass") or \
                        m.label == "Person" and len(m.ids) == 1 and last_person is None:
                    if last_person is not None and last_person[0] != m.id:
                        prior_person = last_person
                    last_person = (m.id, para)
                received = tok.head if tok.dep_ == "appos" else tok  # ("received the Minister ..., Won Hee-ryong")
                if m.label == "Person" and len(m.ids) == 1 and tok.i == m.end - 1 and (
                        tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _GUEST_VERBS or
                        received.dep_ == "dobj" and received.head.lemma_.lower() in _HOST_VERBS):
                    last_guest = (m.id, para)
                if m.label in ("Firm", "Organization", "Project", "Event") and len(m.ids) == 1 and \
                        tok.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ == "conj" for c in tok.children):
                    subject_org = (m.id, m.label)  # (not one of a list: "A, B and C hold ..." is no "it")
                continue
            low = tok.lower_
            opens_paragraph = tok.i == sent.start and (tok.i == 0 or "\n" in sdoc[tok.i - 1].whitespace_ or
                                                       "\n" in sdoc[tok.i - 1].text)
            if low in ("he", "his", "she", "her", "him") and tok.dep_ in ("nsubj", "nsubjpass", "poss", "dobj") \
                    and last_person is not None and (last_person[1] == para or opens_paragraph) and not (
                        # "Japarov ... invited him": an object pronoun is not its own clause's subject
                        tok.dep_ == "dobj" and any(st.at.get(c.i) is not None and last_person[0] in st.at[c.i].ids
                                                   for c in tok.head.children if c.dep_ == "nsubj")
                        or tok.dep_ == "dobj" and tok.head.dep_ == "conj" and any(
                            st.at.get(c.i) is not None and last_person[0] in st.at[c.i].ids
                            for c in tok.head.head.children if c.dep_ == "nsubj")):
                # within the paragraph; a paragraph opening with "He"/"His" continues the person of the one before
                add_mention(st, Mention((last_person[0],), "Person", tok.i, tok.i + 1, tok.text))
            elif low in ("him", "her") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HOST_VERBS and \
                    last_person is not None and last_person[1] == para and prior_person is not None and \
                    prior_person[1] == para and any(st.at.get(c.i) is not None and last_person[0] in st.at[c.i].ids
                                                    for c in tok.head.children if c.dep_ == "nsubj"):
                # "Won Hee-ryong arrived in Ashgabat. President Berdimuhamedov received him": the one named before
                # the host
                add_mention(st, Mention((prior_person[0],), "Person", tok.i, tok.i + 1, tok.text))
                last_guest = (prior_person[0], para)
            elif low == "guest" and tok.tag_ == "NN" and last_guest is not None and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                # "The guest also met Hero-Arkadag Gurbanguly Berdimuhamedov": the one who came or was received
                # (in any paragraph of the report)
                add_mention(st, Mention((last_guest[0],), "Person", tok.i, tok.i + 1, tok.text))
            elif low in ("it", "its") and tok.dep_ in ("nsubj", "nsubjpass", "poss") and last_org is not None and \
                    last_org[2] == prev_sent_start and not any(
                        st.at.get(t.i) is not None and st.at[t.i].label in ("Firm", "Organization", "Project")
                        for t in sent if t.i < tok.i):
                # "The facility will rise in Turkmenabat. It is designed to turn out ...": the firm, body or
                # project the sentence before was about (and, as this one's subject, the one the next is about)
                add_mention(st, Mention((last_org[0],), last_org[1], tok.i, tok.i + 1, tok.text))
                if tok.dep_ in ("nsubj", "nsubjpass") and subject_org is None:
                    subject_org = (last_org[0], last_org[1])
            elif low == "it" and tok.dep_ in ("nsubj", "nsubjpass") and subject_org is not None and \
                    subject_org[1] in ("Firm", "Organization") and tok.head.dep_ in ("advcl", "relcl", "ccomp") and \
                    len({i for t in sent if t.i < tok.i and (x := st.at.get(t.i)) is not None and
                         x.label in ("Firm", "Organization", "Project", "Country") for i in x.ids}) == 1:
                # "Hanwha first showed interest in 2021, when it signed a memorandum with the ministry": in a clause
                # below the main one, the main clause's subject, when it is the one firm or body named before
                add_mention(st, Mention((subject_org[0],), subject_org[1], tok.i, tok.i + 1, tok.text))
            elif low == "it" and tok.dep_ in ("nsubj", "nsubjpass") and tok.i == sent.start and topic is not None:
                # "It works closely with the Association of Koreans": a sentence opening with "it" on a reference
                # page, with no subject just before to refer to, is about the page's subject
                add_mention(st, Mention((topic.id,), topic.label, tok.i, tok.i + 1, tok.text))
                if subject_org is None:
                    subject_org = (topic.id, topic.label)
            elif low == "its" and tok.dep_ == "poss" and subject_org is not None and \
                    tok.head.lemma_.lower() in ("share", "stake", "equity", "capital") and \
                    tok.head.dep_ == "pobj" and tok.head.head.lower_ in ("of", "in") and \
                    (whose := _shares_owner(st, sent, tok, subject_org, last_org, prev_sent_start)) is not None:
                # "KazKor Lithium was set up in 2023. Sungwon Materials holds 70% of its shares", "It is a subsidiary
                # of Sungwon Materials, which holds 70% of its shares": no firm holds shares in itself; the firm the
                # sentence (or the one before) is about, other than the holder named just before
                add_mention(st, Mention((whose[0],), whose[1], tok.i, tok.i + 1, tok.text))
            elif low == "its" and tok.dep_ == "poss" and subject_org is not None and \
                    subject_org[1] not in ("Project", "Event") and \
                    len({i for t in sent if t.i < tok.i and (x := st.at.get(t.i)) is not None and
                         x.label in ("Firm", "Organization", "Project") for i in x.ids}) == 1:
                # "LX International runs a cluster through its wholly owned subsidiary": the clause's own subject,
                # when it is the one firm or body named before the pronoun
                add_mention(st, Mention((subject_org[0],), subject_org[1], tok.i, tok.i + 1, tok.text))
        if subject_org is not None:
            last_org = (subject_org[0], subject_org[1], sent.start)
        elif last_org is not None and last_org[2] != sent.start:
            last_org = (last_org[0], last_org[1], -2)  # only the sentence right after
        prev_sent_start = sent.start


def _shares_owner(st: DocState, sent: Span, tok: Token, subject_org: tuple[str, str],
                  last_org: tuple[str, str, int] | None, prev_sent_start: int) -> tuple[str, str] | None:
    """Whose shares "its shares" are, when the holder is the firm named nearest before the pronoun: the sentence's
    subject if that is another firm, else the firm the sentence before was about."""
    before = [m for t in sent if t.i < tok.i and (m := st.at.get(t.i)) is not None and t.i == m.start
              and m.label in ("Firm", "Organization") and len(m.ids) == 1]
    if not before:
        return None
    holder = before[-1].id
    if subject_org[0] != holder:
        return subject_org
    if last_org is not None and last_org[2] == prev_sent_start and last_org[0] != holder:
        return last_org[0], last_org[1]
    return None


def plural_pronouns(st: DocState) -> None:
    """'they' opening a sentence stands for the plural subject of the previous sentence of the same
    paragraph ("Many Korean companies are investing ... Moreover, they contribute ..."); nothing else."""
    sdoc = st.sdoc
    text = st.doc.text
    for tok in sdoc:
        if tok.i in st.at or not (
            tok.lower_ == "they"
            and tok.dep_ in ("nsubj", "nsubjpass")
            or tok.lower_ == "their"
            and tok.dep_ == "poss"
        ):
            continue
        sent = tok.sent
        if sent.start == 0 or any(t.dep_ in ("nsubj", "nsubjpass") for t in sent if t.i < tok.i):
            continue
        prev = sdoc[sent.start - 1].sent
        if "\n" in text[prev.start_char : sent.start_char]:
            continue  # another paragraph
        root = prev.root
        subs = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root.pos_ in (
            "VERB",
            "AUX",
        ) else []
        if not subs:
            continue
        # the parser sometimes gives "A and B" as two subjects
        ants = [m for x in (subs if len(subs) > 1 else subs[:1]) for m in expand(st, x) if not m.demonym]
        plural = subs[0].tag_ in ("NNS", "NNPS") or len({i for m in ants for i in m.ids}) >= 2
        labels = {m.label for m in ants}
        if not ants or not plural or len(labels) != 1:
            continue
        ids = tuple(dict.fromkeys(i for m in ants for i in m.ids))
        add_mention(st, Mention(ids, ants[0].label, tok.i, tok.i + 1, tok.text))


def its_leader(st: DocState) -> None:
    """'a Turkmengas delegation led by its chairman X': "its" in the phrase that says who leads a group is the body
    the group is named after."""
    for tok in st.sdoc:
        if tok.lower_ != "its" or tok.dep_ != "poss" or tok.i in st.at:
            continue
        agent = tok.head.head if tok.head.dep_ == "pobj" else None
        led = agent.head if agent is not None and agent.dep_ == "agent" else None
        if led is None or led.dep_ != "acl" or led.lemma_.lower() not in ("lead", "head"):
            continue
        owners = [st.at[c.i] for c in led.head.children if c.dep_ in ("compound", "nmod", "poss") and c.i in st.at
                  and st.at[c.i].label in ("Firm", "Organization") and len(st.at[c.i].ids) == 1]
        if len(owners) == 1:
            add_mention(st, Mention(owners[0].ids, owners[0].label, tok.i, tok.i + 1, tok.text))


_THE_TWO_WORDS = frozenset({"two", "both", "partners", "companies", "firms", "presidents", "leaders", "co-chairs",
                            "cochairs", "co-chairmen", "ministers", "chairs", "speakers", "mayors", "governors",
                            "ambassadors", "premiers"})


_PARTNERSHIP_WORDS = frozenset({"venture", "partner", "partnership", "consortium", "agreement", "memorandum", "deal",
                                "contract", "shareholder"})


def _coordinated_pair(st: DocState, sent: Span) -> tuple[str, str] | None:
    """The one pair of firms or bodies a sentence joins with "and" ("a joint venture of Qazgeology and LS MnM",
    "KORES and LS-Nikko Copper signed ..."), when the sentence speaks of a venture, a deal or a partnership."""
    if not any(t.lemma_.lower() in _PARTNERSHIP_WORDS for t in sent):
        return None
    heads = {st.sdoc[m.end - 1].i: m for m in st.mentions if m.label in ("Firm", "Organization") and len(m.ids) == 1
             and sent.start <= m.start < sent.end and m.text[:1].isupper()}
    pairs = {(heads[t.head.i].id, m.id) for t, m in ((st.sdoc[i], m) for i, m in heads.items())
             if t.dep_ == "conj" and t.head.i in heads and heads[t.head.i].id != m.id}
    return pairs.pop() if len(pairs) == 1 else None


def _two_firms(st: DocState, sent: Span) -> list[str]:
    """The firms and bodies a sentence names, leaving out a unit named after a firm beside it ("LG Electronics H&A
    Solution Company" beside "LG Electronics") and one referred to by a common noun ("the venture")."""
    firms = list(dict.fromkeys(m.id for m in st.mentions if m.label in ("Firm", "Organization") and
                               len(m.ids) == 1 and sent.start <= m.start < sent.end))
    if len(firms) > 2:
        named = {m.id for m in st.mentions if len(m.ids) == 1 and sent.start <= m.start < sent.end and
                 m.text[:1].isupper()}
        names = {f: st.entities[f].name for f in firms}
        firms = [f for f in firms if f in named and not any(
            g != f and names[f].startswith(names[g] + " ") for g in firms)]
    if len(firms) > 2:
        # "KORES and LS-Nikko Copper have bought a stake in Kyzyltas Mining": the sentence's coordinated subjects
        subjects = list(dict.fromkeys(
            m.id for m in st.mentions if m.id in firms and sent.start <= m.start < sent.end and
            (root := st.sdoc[m.end - 1]).dep_ in ("nsubj", "nsubjpass", "conj") and
            (root.dep_ != "conj" or root.head.dep_ in ("nsubj", "nsubjpass") or root.head.head.dep_ == "nsubj")))
        if len(subjects) == 2:
            return subjects
    return firms


def head_of_state(st: DocState) -> None:
    """'The Head of State cut the ribbon', 'the head of state received X' in a state agency's report: the leader of a
    country the report named first (state media call their own president so), once it has been named."""
    sdoc = st.sdoc
    for tok in sdoc[1:-2]:
        if not (tok.lower_ == "head" and sdoc[tok.i + 1].lower_ == "of" and sdoc[tok.i + 2].lower_ == "state" and
                sdoc[tok.i - 1].lower_ == "the" and not any(i in st.at for i in range(tok.i, tok.i + 3))):
            continue
        if tok.i + 3 < len(sdoc) and sdoc[tok.i + 3].pos_ == "PROPN":
            continue  # "the Head of State Rustam Emomali": named right there
        leader = min((m for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and m.end <= tok.i
                      and m.id in st.leads), key=lambda m: m.start, default=None)
        if leader is not None:
            add_mention(st, Mention(leader.ids, "Person", tok.i, tok.i + 3, sdoc[tok.i:tok.i + 3].text))


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10}


def the_two(st: DocState) -> None:
    """'Lee held a phone call with Tokayev and the two agreed to ...', 'Both said ...': "the two" or "both" as a
    subject stands for the two people named before it in the sentence (or, failing that, in the sentence before,
    within the paragraph), when exactly two are named."""
    sdoc = st.sdoc
    text = st.doc.text
    for tok in sdoc:
        if tok.lower_ not in _THE_TWO_WORDS or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue  # (most words: decided without walking the parse)
        partners = tok.lower_ == "partners" and tok.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ == "the"
                                                                          for c in tok.children) or \
            tok.lemma_.lower() in ("company", "firm") and tok.tag_ == "NNS" and any(
                c.lower_ in ("two", "both") for c in tok.children if c.dep_ in ("nummod", "det", "predet"))
        leaders = tok.lemma_.lower() in ("president", "leader", "co-chair", "cochair", "co-chairman", "minister",
                                         "chair", "speaker", "mayor", "governor", "ambassador", "premier") and \
            tok.tag_ in ("NNS", "NNPS") and any(
            c.lower_ in ("two", "both", "the") for c in tok.children if c.dep_ in ("nummod", "det", "predet"))
        if leaders and tok.i in st.at and st.at[tok.i].start == tok.i and st.at[tok.i].end == tok.i + 1 and \
                st.at[tok.i].label in ("Firm", "Organization"):
            drop_mention(st, st.at[tok.i])  # "the Presidents signed": NER may take the capitalised role for a name
        if tok.i in st.at or tok.dep_ not in ("nsubj", "nsubjpass") or not (
                tok.lower_ == "two" and any(c.lower_ == "the" for c in tok.children) or tok.lower_ == "both" or
                partners or leaders):
            continue
        sent = tok.sent
        if partners:
            # "Korea Zinc and Tau-Ken Samruk set up a joint venture. The partners plan to build ...": the two firms
            # or bodies the sentence before named; "the two companies" may look further back, to the nearest of the
            # three sentences before that names two
            if sent.start == 0:
                continue
            new_paragraph = "\n" in text[sdoc[sent.start - 1].sent.start_char:sent.start_char]
            prev = sdoc[sent.start - 1].sent
            found = False
            for _ in range(0 if tok.lower_ == "partners" and new_paragraph else 1 if tok.lower_ == "partners" else 3):
                firms = _two_firms(st, prev)
                if len(firms) == 2:
                    add_mention(st, Mention(tuple(firms), st.entities[firms[0]].label, tok.i, tok.i + 1, tok.text))
                    found = True
                    break
                if prev.start == 0:
                    break
                prev = sdoc[prev.start - 1].sent
            if not found and tok.lower_ == "partners":
                # "... a joint venture of Qazgeology and LS MnM ... [paragraphs on] ... the partners intend to build a
                # concentrator": the nearest pair of firms named as partners, coordinated ("A and B") in a sentence
                # that speaks of a venture, a deal or a partnership
                prev = sdoc[sent.start - 1].sent
                for _ in range(8):
                    pair = _coordinated_pair(st, prev)
                    if pair:
                        add_mention(st, Mention(pair, st.entities[pair[0]].label, tok.i, tok.i + 1, tok.text))
                        break
                    if prev.start == 0:
                        break
                    prev = sdoc[prev.start - 1].sent
            continue
        people = list(dict.fromkeys(m.id for m in st.mentions if m.label == "Person" and len(m.ids) == 1
                                    and sent.start <= m.start < tok.i))
        if not people and leaders and tok.lemma_.lower() in ("co-chair", "cochair", "co-chairman", "chair"):
            # "The commission was co-chaired by A and B. ... Following the meeting, the co-chairs signed the
            # protocol": the two people named where the text said who chaired
            chaired = [t.sent for t in sdoc[:sent.start] if t.lower_.startswith(("co-chair", "cochair"))
                       or t.lemma_.lower() == "chair" and t.pos_ == "VERB"]
            people = list(dict.fromkeys(m.id for s_ in chaired for m in st.mentions if m.label == "Person" and
                                        len(m.ids) == 1 and s_.start <= m.start < s_.end))
            if len(people) == 2:
                add_mention(st, Mention(tuple(people), "Person", tok.i, tok.i + 1, tok.text))
            continue
        count = next((_COUNT_WORDS.get(c.lower_) for c in tok.children if c.dep_ == "nummod"), None)
        if not people and leaders and count is not None and count > 2:
            # "Lee hosted the summit. Attending were President A of Kazakhstan, ... and President E of Turkmenistan.
            # ... The six leaders adopted the Seoul Declaration": as many leaders of countries as the text has
            # named before, when it has named exactly that many
            named = list(dict.fromkeys(m.id for m in st.mentions if m.label == "Person" and len(m.ids) == 1
                                       and m.start < tok.i and m.id in st.leads))
            if len(named) == count:
                add_mention(st, Mention(tuple(named), "Person", tok.i, tok.i + 1, tok.text))
            continue
        if not people and leaders and sent.start > 0:
            # "President X held talks with President Y. ... Following the talks, the Presidents signed": the
            # nearest of the three sentences before that names people, in the paragraph or not
            prev = sdoc[sent.start - 1].sent
            for _ in range(3):
                people = list(dict.fromkeys(m.id for m in st.mentions if m.label == "Person" and len(m.ids) == 1
                                            and prev.start <= m.start < prev.end))
                if people or prev.start == 0:
                    break
                prev = sdoc[prev.start - 1].sent
            if len(people) == 2:
                add_mention(st, Mention(tuple(people), "Person", tok.i, tok.i + 1, tok.text))
            continue
        if not people and sent.start > 0:
            prev = sdoc[sent.start - 1].sent
            if "\n" not in text[prev.start_char:sent.start_char]:
                people = list(dict.fromkeys(m.id for m in st.mentions if m.label == "Person" and len(m.ids) == 1
                                            and prev.start <= m.start < prev.end))
        if len(people) == 2:
            add_mention(st, Mention(tuple(people), "Person", tok.i, tok.i + 1, tok.text))


def collective_country(st: DocState, tok: Token) -> str | None:
    """'Korean companies', 'companies with Korean capital' -> the country whose firms they are."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i in st.at and st.at[c.i].label == "Country":
            return st.at[c.i].id
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if p.lemma_ in ("capital", "investment", "participation"):
                    for a in p.children:
                        if a.i in st.at and st.at[a.i].label == "Country":
                            return st.at[a.i].id
    return None


def role_reference(st: DocState, tok: Token, lemma: str, mods: set[str]) -> list[str]:
    # a role noun that already names its holder ("President Yoon", "X, ambassador") is not a reference
    if tok.dep_ in ("compound", "appos") and tok.head.i in st.at and st.at[tok.head.i].label == "Person":
        return []
    if any(c.dep_ == "appos" and c.i in st.at and st.at[c.i].label == "Person" for c in tok.children):
        return []
    key = "president" if lemma in PRESIDENT_LIKE else "ambassador" if lemma in ("diplomat", "envoy") else lemma
    if (("both" in mods or "two" in mods or "the" in mods) and key == "president") and tok.tag_ in (
        "NNS",
        "NNPS",
    ):
        persons = [
            p for (r, _o), ps in st.person_roles.items() if r == "president" for p in ps if p in st.leads
        ]
        persons = list(dict.fromkeys(persons))
        return persons if len(persons) == 2 else []
    of, _to = role_targets(st, tok)
    # "a Kyrgyz head of state": the head noun carries the demonym
    if not of and lemma == "head":
        return []
    for org in of:
        persons = st.person_roles.get((key, org), [])
        if len(persons) == 1:
            return persons
    countries = [o for o in of if o.startswith("country:")]
    if countries and "the" in mods and tok.tag_ == "NN" and lemma in ("minister", "ambassador"):
        # "Uzbek Foreign Minister Bakhtiyor Saidov ... The Uzbek minister met ...": the one person the text has
        # titled a minister (of any field) of that country or of one of its ministries
        def whose(o: str) -> str | None:
            return o if o.startswith("country:") else \
                str(st.entities[o].properties.get("country")) if o in st.entities else None
        # ("Foreign Minister Park Jin and his Uzbek counterpart, Bakhtiyor Saidov": a counterpart holds the title too)
        persons = list(dict.fromkeys(p for (r, o), ps in st.person_roles.items()
                                     if (r.split()[-1:] == [key] or r == "counterpart")
                                     and whose(o) in countries for p in ps))
        if len(persons) == 1:
            return persons
    if countries and "the" in mods and tok.tag_ == "NN" and lemma in ("co-chair", "cochair", "co-chairman"):
        # "The committee is co-chaired by ... Rashid Meredov and Second Vice Minister of Foreign Affairs of the Republic
        # of Korea Choi Sung-jin ... Berdimuhamedov received the Korean co-chair": the one person named in a sentence
        # that says who co-chairs and titled as acting for that country
        sdoc = st.sdoc
        chaired = {t.sent.start for t in sdoc[:tok.sent.start] if t.lower_.startswith(("co-chair", "cochair"))}
        named = {m.ids[0] for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and m.end <= tok.i
                 and sdoc[m.start].sent.start in chaired}
        persons = list(dict.fromkeys(p for (_r, o), ps in st.person_roles.items()
                                     if (o if o.startswith("country:") else
                                         st.entities[o].properties.get("country") if o in st.entities else None)
                                     in countries for p in ps if p in named))
        if len(persons) == 1:
            return persons
    if lemma in ("diplomat", "envoy") and of and "the" in mods:
        # "the Korean diplomat": the one person the text has titled as acting for Korea (an envoy, a vice minister)
        persons = list(dict.fromkeys(p for (r, o), ps in st.person_roles.items() if o in of and r != "president"
                                     for p in ps))
        return persons if len(persons) == 1 else []
    if not of and "the" in mods and tok.tag_ == "NN" and key in ("ambassador", "president"):
        # "the ambassador held a meeting with ...": the one ambassador (president) the text has named
        persons = list(dict.fromkeys(p for (r, _o), ps in st.person_roles.items() if r == key for p in ps))
        return persons if len(persons) == 1 else []
    if not of and mods == {"the"} and tok.tag_ == "NN" and tok.dep_ in ("nsubj", "nsubjpass"):
        # "Energy Minister Kanat Bozumbayev opened the plant. The minister later held talks with ...": the one
        # person the last few sentences titled so
        sdoc = st.sdoc
        titled = [m.ids[0] for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and m.end <= tok.i
                  and tok.sent.start - sdoc[m.start].sent.start <= 600 and (
                      m.start > 0 and sdoc[m.start - 1].lemma_.lower() == lemma or any(
                          c.lemma_.lower() == lemma and c.dep_ in ("compound", "appos", "nmod")
                          for c in sdoc[m.end - 1].children))]
        titled = list(dict.fromkeys(titled))
        return titled if len(titled) == 1 else []
    return []


def quote_speakers(st: DocState) -> dict[int, str]:
    """Token index -> person who says it, for tokens inside quotes of a paragraph with one speaker."""
    text = st.doc.text
    out: dict[int, str] = {}
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        span = st.sdoc.char_span(para.start(), para.end(), alignment_mode="expand")
        if span is None or '"' not in para.group(0) and "“" not in para.group(0):
            continue
        speaker: str | None = None
        for tok in span:
            if tok.lemma_.lower() in SAY_VERBS:
                for c in tok.children:
                    if c.dep_ == "nsubj" and c.i in st.at and st.at[c.i].label == "Person":
                        speaker = st.at[c.i].id
        if speaker is None:
            continue
        inside = False
        for tok in span:
            if tok.text in ('"', "“", "”"):
                inside = not inside if tok.text == '"' else tok.text == "“"
            elif inside:
                out[tok.i] = speaker
    return out


