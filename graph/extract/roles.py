"""Persons and their roles: titles and appositions make LEADS, WORKS_FOR, REPRESENTS and ACCREDITED_TO."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from graph.extract.emit import add_fact, capital_country
from graph.extract.gazetteer import name_key, slug
from graph.extract.lexicon import (
    ENVOY_ROLES,
    FIRM_NOUNS,
    KOREAN_SURNAMES,
    LEAD_ROLES,
    PRESIDENT_LIKE,
    ROLE_COMPLEMENTS,
    ROLE_NOUNS,
)
from graph.extract.names import TITLE_WORDS
from graph.extract.registry import register, running
from graph.extract.state import DocState, Mention, entity, korean_by_name, report_pair
from graph.extract.syntax import document_topic, expand, subjects_of


def _capital(st: DocState, m: Mention) -> str | None:
    """The country a capital stands for ("Ambassador to Seoul"), as the gazetteer says (metonym_for)."""
    return capital_country(st, m.id) if m.label == "Location" and len(m.ids) == 1 else None


def role_targets(st: DocState, role: Token) -> tuple[list[str], list[str]]:
    """(organisations/countries the role belongs to, countries an envoy is posted to)."""
    of: list[str] = []
    to: list[str] = []
    # an envoy "in Seoul" or "at the embassy in Astana" is posted there: a place after "in"/"at" is where he is sent
    posted = ("to", "in", "at") if role.lemma_.lower() in ENVOY_ROLES else ("to",)
    words = [*role.children]
    if role.dep_ == "compound" and role.head.lower_ in TITLE_WORDS:
        words += [c for c in role.head.children if c.dep_ == "prep"]  # "Ambassador Extraordinary ... of X"
    for c in words:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in st.at:
            m = st.at[c.i]
            if m.label in ("Country", "Firm", "Organization"):
                of.append(m.id)
        elif c.dep_ in ("amod", "compound") and c.i < role.i and not any(
                (x := st.at.get(k)) is not None and x.label == "Person" for k in range(c.i + 1, role.i)):
            # "Kazakh Deputy Prime Minister": the parser hangs the country on the title's first word (not on another
            # person's title: "Tajik President Emomali Rahmon and Turkmen President Serdar Berdimuhamedov")
            of += [st.at[x.i].id for x in c.children if x.dep_ in ("poss", "amod", "compound", "nmod")
                   and x.i in st.at and st.at[x.i].label in ("Country", "Firm", "Organization")]
        elif c.dep_ == "prep" and c.lower_ in ("of", "to", "at", "in"):
            nxt = st.at.get(c.i + 1)
            if nxt is not None and nxt.label == "Country" and nxt.start == c.i + 1 and not nxt.demonym and \
                    not any(p.dep_ == "pobj" and p.i in st.at and st.at[p.i] is nxt for p in c.children):
                # "Ambassador to South Korea Sherali Rahmonzoda": the parser made the name the object of "to"
                (to if c.lower_ in posted else of).append(nxt.id)
            elif nxt is not None and c.lower_ in posted and nxt.start == c.i + 1 and \
                    (capital := _capital(st, nxt)) is not None:
                to.append(capital)  # "Ambassador to Seoul Alisher Abdusalomov"
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if c.lower_ == "of" and p.lemma_.lower() in ("board", "council") and p.i not in st.at:
                    # "chairman of the board of Qazgeology": the body whose board it is
                    p = next((q for x in p.children if x.dep_ == "prep" and x.lower_ == "of" for q in x.children
                              if q.dep_ == "pobj"), p)
                for m in expand(st, p):
                    if m.label in ("Country", "Firm", "Organization"):
                        (to if c.lower_ == "to" or c.lower_ in posted and m.label == "Country" else of).append(m.id)
                    elif c.lower_ in posted and (capital := _capital(st, m)) is not None:
                        to.append(capital)  # "Ambassador to Seoul", "ambassador in Seoul": the capital's country
                if c.lower_ == "of":
                    # "Ambassador of the Republic of Korea to the Kyrgyz Republic": "to" may hang on the country
                    to += [m.id for q in p.children if q.dep_ == "prep" and q.lower_ == "to"
                           for r in q.children if r.dep_ == "pobj" for m in expand(st, r) if m.label == "Country"]
    offices = [st.at[c.i].id for c in role.children if c.dep_ == "compound" and c.lemma_.lower() == "office"
               and c.i in st.at and st.at[c.i].label == "Organization"]
    if offices:
        # "KOICA Kyrgyzstan office director Yoon Seo-yeon": she heads the office, not KOICA or Kyrgyzstan
        of = offices
    if not of and not to and (nxt := st.at.get(role.i + 1)) is not None and nxt.label == "Person":
        # "KazPolyChem general director Daniyar Tiesov": a body's name, the title's lowercase words, the title and
        # the name, however the parser hangs them
        k = role.i - 1
        while k >= 0 and role.i - k <= 2 and role.doc[k].is_lower and role.doc[k].pos_ in ("ADJ", "NOUN") and \
                k not in st.at:
            k -= 1
        body = st.at.get(k)
        if body is not None and body.end == k + 1 and body.label in ("Firm", "Organization") and not body.demonym:
            of.append(body.id)
    if not of and not to and (before := st.at.get(role.i - 1)) is not None and before.end == role.i and \
            before.label == "Country" and len(before.ids) == 1:
        # "in the presence of Bozumbayev and South Korean Ambassador Kim Dae-sik": the country right before the
        # title, however the parser hangs it
        of.append(before.id)
    if not of and not to:
        # "Speaker of the Jogorku Kenesh Dastan Jumabekov": the parser makes the name the object of "of" and the
        # body's name its modifiers; the bodies named between "of" and the name
        for c in role.children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            for p in c.children:
                person = st.at.get(p.i)
                if p.dep_ == "pobj" and person is not None and person.label == "Person":
                    of += list(dict.fromkeys(st.at[k].id for k in range(c.i + 1, person.start) if k in st.at and
                                             st.at[k].label in ("Firm", "Organization") and not st.at[k].demonym))
    # "the Korean National Assembly": the role holder works for the assembly, not the country
    return of, to


# verbs that give their subject a role: "is the president", "serves as ambassador", "was appointed minister"
_ROLE_VERBS = frozenset({"be", "serve", "work", "act", "become", "remain", "appoint", "name", "elect", "join"})
_POST_VERBS = frozenset({"take", "hold", "assume", "accept", "occupy", "fill", "get", "receive"})
_POSTS = frozenset({"post", "position", "role", "job", "office", "seat"})
_SUBORDINATE = frozenset({"vice", "vice-", "deputy", "assistant", "acting", "first", "former", "associate"})
# heads of organisations beyond LEAD_ROLES: a director runs what he directs, a chief executive his firm
_PART_OF_BODY = frozenset({"country", "regional", "resident"})
_OFFICE_WORDS = frozenset({"office", "mission", "branch", "representation", "bureau"})
# parts of a firm a text may leave unnamed: "head of KT's global business division"
UNIT_NOUNS = frozenset({"division", "business", "department", "unit", "arm", "operations", "branch", "section",
                        "team", "office"})
_HEADS_OF_BODIES = frozenset({"director", "director-general", "rector", "ceo", "chief executive", "commander",
                              "secretary-general", "managing director", "general director"})


def _names_next(st: DocState, m: Mention, title: Token) -> bool:
    """'attended by Minister A, Ambassador of the Republic of Korea to the Kyrgyz Republic B, and ...': a title after a
    name's comma that runs on, with no comma of its own, into another person's name is that person's title."""
    sent_end = title.sent.end
    j = title.i + 1
    while j < sent_end and st.sdoc[j].text not in (",", ";") and st.sdoc[j].lower_ != "and":
        if j in st.at and st.at[j].label == "Person" and st.at[j] is not m:
            return True
        j += 1
    return False


def find_person_roles(st: DocState) -> None:
    sdoc = st.sdoc
    for m in list(st.mentions):
        if m.label != "Person":
            continue
        root = sdoc[m.end - 1]
        roles: list[Token] = []
        # titles before the name: "President Yoon", "KT&G CEO Bang Kyung-man", "Kazakh President X"
        for c in root.children:
            if (
                c.dep_ in ("compound", "appos", "nmod")
                and c.lemma_.lower() in ROLE_NOUNS
                and c.i < m.start
            ):
                roles.append(c)
        if m.start > 0 and sdoc[m.start - 1].lemma_.lower() in ROLE_NOUNS:
            roles.append(sdoc[m.start - 1])
        # ("Ambassador to Uzbekistan Lee Jong-hwan and regional hokim Shavkat Abdurazakov": a title with another
        # person named between it and this one is that person's)
        roles = [r for r in roles if r.i > m.start or not any(
            k in st.at and st.at[k].label == "Person" and st.at[k] is not m for k in range(r.i + 1, m.start))]
        k = m.start - 1
        while k > 0 and m.start - k < 10 and sdoc[k].lemma_.lower() not in ROLE_NOUNS and (
                sdoc[k].lower_ in ROLE_COMPLEMENTS or sdoc[k].lower_ in ("and", ",", "of", "foreign", "the") or
                (sdoc[k].is_title or sdoc[k].is_upper and len(sdoc[k]) > 1) and
                not (k in st.at and st.at[k].label in ("Person", "Country", "Firm"))):
            # (a field in capitals: "Minister of Economic Development and Trade Zavqi Zavqizoda", "Vice Minister of
            # Science and ICT Oh Jin-seok", "Speaker of the Jogorku Kenesh Dastan Jumabekov")
            k -= 1
        if k < m.start - 2 and sdoc[k + 1].lower_ == "of" and sdoc[k].lemma_.lower() in ROLE_NOUNS:
            roles.append(sdoc[k])  # "Minister of Employment and Labor Lee Jung-sik": a title, its fields, a name
            if k >= 2 and sdoc[k - 1].lower_ == "and" and sdoc[k - 2].lemma_.lower() in ROLE_NOUNS and \
                    k - 2 not in st.at:
                # "Kazakhstan's Deputy Prime Minister and Minister of National Economy Nurlan Baibazarov": the title
                # before "and" is the same person's
                roles.append(sdoc[k - 2])
        k, groups = m.start - 1, 0
        accredited: list[Mention] = []
        if k > 1 and sdoc[k].text == "," and k - 1 in st.at and st.at[k - 1].label == "Country" and \
                sdoc[st.at[k - 1].start - 1].lower_ in ("to", "the", "of"):
            k -= 1  # "the Ambassador of the Republic of Korea to Uzbekistan, Jeon Hyun-woo": the same, with a comma
        while k > 0 and k in st.at and (st.at[k].label in ("Country", "Organization", "Firm") or _capital(
                st, st.at[k]) is not None) and not st.at[k].demonym:
            # "Tajikistan's Ambassador to South Korea Sherali Rahmonzoda", "Ambassador of the Republic of Korea to
            # Kyrgyzstan Kim Sang-wook": a title, its countries, then the name
            held = st.at[k]
            k = held.start - 1
            if k > 0 and sdoc[k].lower_ == "the":
                k -= 1
            if k <= 0 or sdoc[k].lower_ not in ("to", "of", "in"):
                break
            if sdoc[k].lower_ == "to" and held.label == "Country":
                accredited.append(held)
            k, groups = k - 1, groups + 1
        while groups and k > 0 and (sdoc[k].lower_ in TITLE_WORDS or sdoc[k].lower_ == "and") and \
                sdoc[k].lemma_.lower() not in ROLE_NOUNS:
            k -= 1  # "Ambassador Extraordinary and Plenipotentiary of ..."
        if groups and k > 1 and sdoc[k].lemma_.lower() not in ROLE_NOUNS:
            # "with the Minister of Foreign Affairs of the Republic of Korea, Kwon Jae-sung": the title's field
            # between the title and its country
            f = k
            while f > 1 and k - f < 8 and (sdoc[f].text[:1].isupper() or sdoc[f].lower_ in ("and", ",")) and \
                    sdoc[f].lemma_.lower() not in ROLE_NOUNS:
                f -= 1
            if f < k and sdoc[f].lower_ == "of" and sdoc[f - 1].lemma_.lower() in ROLE_NOUNS:
                k = f - 1
        if not groups and m.start >= 3 and sdoc[m.start - 1].text == "," and not roles:
            # "by the Minister of Labor, Social Security and Migration, Nurbek Sadykov": a title and its field, then
            # the name after a comma
            f = m.start - 2
            while f > 0 and m.start - f < 12 and (sdoc[f].text[:1].isupper() or sdoc[f].lower_ in ("and", ",", "of")) \
                    and not (sdoc[f].lower_ == "of" and sdoc[f - 1].lemma_.lower() in ROLE_NOUNS) and \
                    not (f in st.at and st.at[f].label == "Person"):
                f -= 1
            if f > 0 and sdoc[f].lower_ == "of" and sdoc[f - 1].lemma_.lower() in ROLE_NOUNS and f < m.start - 2:
                roles.append(sdoc[f - 1])
        if not groups and not roles and m.start >= 3 and sdoc[m.start - 1].text == "," and \
                sdoc[m.start - 2].lemma_.lower() in ROLE_NOUNS and m.start - 2 not in st.at and \
                (sdoc[m.start - 3].lower_ == "the" or (d := st.at.get(m.start - 3)) is not None and
                 d.label == "Country" and d.end == m.start - 2 and m.start >= 4 and sdoc[d.start - 1].lower_ == "the"):
            # "attended by Chairman ... Akylbek Japarov and the Korean Ambassador, Park Sang-jin": a definite title
            # right before the name's comma is the name's, however the parser coordinates them
            roles.append(sdoc[m.start - 2])
        if groups and k >= 0 and sdoc[k].lemma_.lower() in ROLE_NOUNS:
            roles.append(sdoc[k])
            if role_word(sdoc[k]) in ENVOY_ROLES:
                # "Korean Ambassador to the Kyrgyz Republic Kim Sang-wook": the country after "to", however the
                # parser hangs it
                for country in accredited:
                    add_fact(st, m.id, "ACCREDITED_TO", country.id, sdoc[k].sent)
        # "Astana office worker Medeya Kiyalova", "Tashkent resident Kim": a city before what a person does
        for c in root.children:
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == m.start - 1 and c.lemma_.lower() not in \
                    ROLE_NOUNS | FIRM_NOUNS:
                cities = [st.at[x.i] for x in c.subtree if x.i in st.at and st.at[x.i].label == "Location"
                          and x.i < c.i and x.i == c.left_edge.i]
                with running(st, "role:person-place", c):
                    for city in cities:
                        add_fact(st, m.id, "RESIDES_IN", city.id, c.sent)
        # appositions after the name: "X, Kazakhstan's ambassador to ..." ; "X, vice-president of Y"
        for c in root.children:
            if c.dep_ == "appos" and (c.lemma_.lower() in ROLE_NOUNS | {"vice"} or
                                      role_word(c) == "secretary-general") and not any(
                    k in st.at and st.at[k].label == "Person" and st.at[k] is not m for k in range(m.end, c.i)) and \
                    not _names_next(st, m, c):
                # (not when another person is named between: "X, Ambassador Y and Lee Min-ji, country director of
                # ...": the title is the nearer person's, wherever the parser hangs it)
                roles.append(c)
            elif c.dep_ == "conj" and c.lemma_.lower() in ROLE_NOUNS and c.left_edge.i == m.end + 1 and \
                    sdoc[m.end].text == "," and c.right_edge.i + 1 < len(sdoc) and \
                    sdoc[c.right_edge.i + 1].text in (",", ";") and c.i not in st.at:
                # "co-chaired by X, Uzbekistan's Deputy Prime Minister, and Y": a title between commas after a
                # name is its apposition, though the parser coordinates it with the name
                roles.append(c)
            elif c.dep_ == "appos" and c.lower_ in TITLE_WORDS:
                # "the new Ambassador Extraordinary and Plenipotentiary of the Republic of Korea"
                roles += [x for x in c.children if x.dep_ == "compound" and x.lemma_.lower() in ROLE_NOUNS]
        # "received the credentials of Lee Sang-woo, the new Ambassador ... of the Republic of Korea": a title right
        # after the name's comma is its apposition, wherever the parser hangs it
        k = m.end + 1
        if m.end < len(sdoc) and sdoc[m.end].text == "," and not any(
                c.dep_ == "appos" or c.dep_ == "conj" and c.i == k for c in root.children):
            while k < len(sdoc) and sdoc[k].lower_ in ("the", "new", "former", "then", "incoming", "outgoing"):
                k += 1
            titler = st.at.get(k)
            if titler is not None and titler.label == "Country" and titler.start == k and not titler.demonym and \
                    sdoc[titler.end - 1].lower_ in ("'s", "’s"):
                # "Shin Jae-hyun, South Korea's Ambassador to Kazakhstan, also attended": a country's title after
                # the name's comma, which the parser may make the verb's subject
                k = titler.end
            if k < len(sdoc) and (sdoc[k].is_lower or sdoc[k].lower_ in TITLE_WORDS) and \
                    sdoc[k].dep_ in ("compound", "amod") and \
                    sdoc[k].head.lemma_.lower() in ROLE_NOUNS and 0 < sdoc[k].head.i - k <= 2:
                k = sdoc[k].head.i  # "X, country director of ...", "X, Vice Chairman of ..."
            if k < len(sdoc) and sdoc[k].lemma_.lower() in ROLE_NOUNS and k not in st.at and \
                    not (k + 1 in st.at and st.at[k + 1].label == "Person") and \
                    not (sdoc[k].head.i in st.at and st.at[sdoc[k].head.i].label == "Person" and
                         st.at[sdoc[k].head.i] is not m and sdoc[k].head.i > k):
                roles.append(sdoc[k])
        # "X is the president of Y", "X serves as ambassador", "X, who serves as ...", "X worked as director of Y"
        verbs = [root.head] if root.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [c for c in root.children if c.dep_ == "relcl"]
        if m.end + 1 < len(sdoc) and sdoc[m.end].text == "," and sdoc[m.end + 1].lower_ == "who":
            verbs.append(sdoc[m.end + 1].head)  # "X, who serves as ...": the parser may hang the clause elsewhere
        for v in verbs:
            if v.lemma_ in _POST_VERBS:
                # "took up a post as director of X", "held the position of ambassador"
                posts = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in _POSTS]
                roles += [p for o in posts for c in [*o.children, *v.children] if c.dep_ == "prep"
                          and c.lower_ in ("as", "of") for p in c.children
                          if p.dep_ == "pobj" and p.lemma_.lower() in ROLE_NOUNS]
                continue
            if v.lemma_ not in _ROLE_VERBS:
                continue
            attrs = [c for c in v.children if c.dep_ in ("attr", "oprd") and c.lemma_.lower() in ROLE_NOUNS]
            roles += attrs
            topic = document_topic(st)
            for c in attrs:
                if topic is not None and not role_targets(st, c)[0] and _is_lead(role_word(c), topic.label) and \
                        v.lemma_ == "be":
                    # "Choi Dong-hyun ... has been chief executive since 2023" on a firm's reference page: of the
                    # page's subject
                    add_fact(st, m.id, "LEADS", topic.id, c.sent)
            roles += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                      if p.dep_ == "pobj" and p.lemma_.lower() in ROLE_NOUNS]
        # apposition the other way: "the President of Kazakhstan, Tokayev"
        if root.dep_ == "appos" and root.head.lemma_.lower() in ROLE_NOUNS and not (
                m.start > 0 and sdoc[m.start - 1].lemma_.lower() in ROLE_NOUNS and m.start - 1 > root.head.i):
            # (not "Ambassador Lee Jong-hwan and regional hokim Shavkat Abdurazakov": a name with a title of its
            # own is no apposition of the other's)
            roles.append(root.head)
        elif root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.lower_ in ("to", "of", "in") \
                and root.head.head.head.lemma_.lower() in ROLE_NOUNS and sdoc[m.start - 1].text == ",":
            # "the Korean ambassador to Kazakhstan, Koo Hong-seok": the parser hangs the name on the country
            roles.append(root.head.head.head)
        elif root.dep_ == "nmod" and root.head.lemma_.lower() in ROLE_NOUNS and m.end < len(sdoc) \
                and sdoc[m.end].text == "," and root.head.i > m.end:
            # "Kim Tae-hyo, first deputy director of the Office": the parser may hang the name on the title
            roles.append(root.head)
        if not roles and root.dep_ in ("appos", "conj") and _country_after_name(st, m) is not None:
            # "Foreign ministers Mukhtar Tileuberdi of Kazakhstan, Ruslan Kazakbaev of Kyrgyzstan and ...": a plural
            # title before a list of names, each with its own country, is every one's
            head = root.head
            while head.dep_ in ("appos", "conj") and head.i not in st.at:
                head = head.head
            while head.i in st.at and st.at[head.i].label == "Person" and head.dep_ in ("appos", "conj"):
                head = head.head
            holder = st.at.get(head.i)
            if holder is not None and holder.label == "Person" and _country_after_name(st, holder) is not None:
                roles += [c for c in head.children if c.dep_ == "compound" and c.tag_ == "NNS"
                          and c.lemma_.lower() in ROLE_NOUNS and c.i < holder.start]
        if not roles and root.dep_ in ("conj", "appos") and root.head.i in st.at and \
                st.at[root.head.i].label == "Person" and st.at[root.head.i] is not m:
            # "Presidents Shavkat Mirziyoyev and Moon Jae-in": a plural title before two names is both men's
            first = st.at[root.head.i]
            roles += [c for c in root.head.children if c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS") and
                      c.lemma_.lower() in PRESIDENT_LIKE and c.i < first.start and c.i == first.start - 1]
        if root.dep_ == "attr" and root.head.lemma_ == "be":
            # "The Kyrgyz Ambassador to Korea is Avazbek Atakhanov": the title the copula's subject names
            roles += [c for c in root.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in ROLE_NOUNS
                      and c.i not in st.at]
        seen: set[int] = set()
        for role in roles:
            if role.i in seen:
                continue
            seen.add(role.i)
            apply_role(st, m, role)
        _delegation_leader(st, m, roles)
        _bracketed_officer(st, m)
        if root.dep_ == "dobj" and root.head.lemma_.lower() in _ELECT_VERBS:
            _elected_as(st, m, root.head)
        else:
            _elected_as_surface(st, m)
        if not roles and m.end + 1 < len(sdoc) and sdoc[m.end].lower_ == "of" and sdoc[m.end].head.i == root.i:
            # "Park Min-jae of the Institute of Foreign Affairs and National Security": a person of a body works
            # for it
            body = st.at.get(m.end + 2 if sdoc[m.end + 1].lower_ == "the" else m.end + 1)
            if body is not None and body.label in ("Firm", "Organization") and len(body.ids) == 1 and \
                    body.start in (m.end + 1, m.end + 2):
                add_fact(st, m.id, "WORKS_FOR", body.id, root.sent)


_ELECT_VERBS = frozenset({"elect", "appoint", "name", "choose", "nominate"})


_DELEGATION_NOUNS = frozenset({"delegation", "team", "mission"})


def _delegation_leader(st: DocState, m: Mention, roles: list[Token]) -> None:
    """'a delegation of North Gyeongsang Province, led by Governor Kim Kwan-yong', 'a delegation of the National
    Assembly headed by Deputy Speaker Joo Seung-yong': a titled person leading a body's delegation holds that title
    in the body (heads it, or works for it with a deputy's title)."""
    root = st.sdoc[m.end - 1]
    agent = root.head
    verb = agent.head
    if root.dep_ != "pobj" or agent.dep_ != "agent" or verb.lemma_.lower() not in ("lead", "head") or \
            verb.dep_ != "acl" or verb.head.lemma_.lower() not in _DELEGATION_NOUNS:
        return
    titles = [r for r in roles if r.i < m.start and not role_targets(st, r)[0]]
    bodies = [st.at[p.i] for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
              if p.dep_ == "pobj" and p.i in st.at and st.at[p.i].label in ("Organization", "Firm")
              and len(st.at[p.i].ids) == 1]
    if not titles or len(bodies) != 1:
        return
    titles = [max(titles, key=lambda r: r.i)]  # ("Deputy Speaker": the title's last word, with what changes it)
    word = role_word(titles[0])
    with running(st, "role:person-title", titles[0]):
        add_fact(st, m.id, "LEADS" if _is_lead(word, bodies[0].label, _name(st, bodies[0].id)) else "WORKS_FOR",
                 bodies[0].id, titles[0].sent)


def _bracketed_officer(st: DocState, m: Mention) -> None:
    """'The Export-Import Bank of Korea (Korea Eximbank, Chairman and President Yoon Hee-sung) said ...': a title
    and a name in the brackets after a body's name are its officer's."""
    sdoc = st.sdoc
    k = m.start - 1
    while k > 0 and m.start - k < 8 and sdoc[k].text not in ("(", ")"):
        k -= 1
    if k <= 0 or sdoc[k].text != "(" or m.end >= len(sdoc) or sdoc[m.end].text != ")":
        return
    body = st.at.get(k - 1)
    roles = [t for t in sdoc[k + 1:m.start] if t.lemma_.lower() in ROLE_NOUNS]
    if body is None or body.label not in ("Firm", "Organization") or len(body.ids) != 1 or not roles:
        return
    word = role_word(roles[-1])
    if word in ENVOY_ROLES:
        return
    add_fact(st, m.id, "LEADS" if _is_lead(word, body.label, _name(st, body.id)) else "WORKS_FOR", body.id,
             sdoc[m.start].sent)


def _elected_as_surface(st: DocState, m: Mention) -> None:
    """The same read off the surface where the parser scatters the clause ("The Association of Koreans of Kazakhstan
    (AKK), the main organization of ..., elected businessman Vladimir Kan as its new president"): "elected [a noun]
    <name> as its/the [new] <title>", the body the sentence opens with electing."""
    sdoc = st.sdoc
    k = m.start - 1
    if k >= 0 and sdoc[k].is_lower and sdoc[k].pos_ == "NOUN":
        k -= 1  # "businessman"
    if k < 0 or sdoc[k].lemma_.lower() not in _ELECT_VERBS or m.end + 2 >= len(sdoc) or sdoc[m.end].lower_ != "as":
        return
    j = m.end + 1
    poss = sdoc[j].lower_ in ("its", "their")
    while j < len(sdoc) and j - m.end < 5 and sdoc[j].lemma_.lower() not in ROLE_NOUNS:
        j += 1
    if j >= len(sdoc) or sdoc[j].lemma_.lower() not in ROLE_NOUNS or not poss:
        return
    sent = sdoc[k].sent
    bodies = [x for x in st.mentions if sent.start <= x.start < k and x.label in ("Firm", "Organization")
              and len(x.ids) == 1]
    if not bodies or bodies[0].start != sent.start + (1 if sdoc[sent.start].lower_ == "the" else 0):
        return  # only the body the sentence opens with
    word = role_word(sdoc[j])
    add_fact(st, m.id, "LEADS" if _is_lead(word, bodies[0].label, _name(st, bodies[0].id)) else "WORKS_FOR",
             bodies[0].id, sent)


def _elected_as(st: DocState, m: Mention, verb: Token) -> None:
    """'The Association of Koreans of Kazakhstan elected Vladimir Kan as its new president', 'Samsung C&T named Kim
    as head of its Astana office': the role the "as" phrase gives, of the body it names or, for "its", of the one
    who elects."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "as":
            continue
        for role in c.children:
            if role.dep_ != "pobj" or role.lemma_.lower() not in ROLE_NOUNS:
                continue
            of, _to = role_targets(st, role)
            if not of and any(x.dep_ == "poss" and x.lower_ in ("its", "their") for x in role.children):
                subjects, passive = subjects_of(st, verb)
                of = [x.id for x in subjects if x.label in ("Firm", "Organization") and len(x.ids) == 1] \
                    if not passive else []
            word = role_word(role)
            for org in dict.fromkeys(of):
                label = st.entities[org].label if org in st.entities else ""
                add_fact(st, m.id, "LEADS" if _is_lead(word, label, _name(st, org)) else "WORKS_FOR", org, role.sent)


def pronoun_roles(st: DocState) -> None:
    """'Its director, Lee Sang-min': a title whose owner is a possessive pronoun is read once the pronouns are
    resolved (after the other roles, which the resolution itself reads)."""
    sdoc = st.sdoc
    for m in list(st.mentions):
        if m.label != "Person":
            continue
        root = sdoc[m.end - 1]
        roles = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS]
        if root.dep_ == "appos" and root.head.lemma_.lower() in ROLE_NOUNS:
            roles.append(root.head)
        for role in roles:
            if any(c.dep_ == "poss" and c.pos_ == "PRON" and c.i in st.at for c in role.children):
                apply_role(st, m, role)


_STATE_WORDS = frozenset({"state", "national", "government", "state-owned", "state-run", "government-owned",
                          "publicly-owned", "public"})


def firm_countries(st: DocState) -> None:
    """A firm described by a noun phrase: "Turkmenhimiya, Turkmenistan's state-owned chemical company", "the
    state-run gas company Turkmengas", "Hyundai Engineering, a South Korean contractor". The country it belongs
    to: the firm is located there, and owned by it when the phrase says state-owned, state-run or national; a field
    named in the phrase ("oil and gas company") is one it operates in."""
    for m in st.mentions:
        if m.label not in ("Firm", "Organization"):
            continue
        root = st.sdoc[m.end - 1]
        nouns = [c for c in root.children if c.dep_ in ("appos", "compound") and c.lemma_.lower() in FIRM_NOUNS]
        # "AMMC, Uzbekistan's state-owned copper and gold producer": the parser may head the phrase with its first
        # field word and hang the firm noun on it as a conjunct; the phrase is the field word's
        scope: dict[int, Token] = {}
        for c in root.children:
            if c.dep_ == "appos" and c.lemma_.lower() not in FIRM_NOUNS and c.i in st.at and \
                    st.at[c.i].label in ("Mineral", "Sector"):
                for n in c.conjuncts:
                    if n.i > c.i and n.lemma_.lower() in FIRM_NOUNS and n.dep_ == "conj":
                        nouns.append(n)
                        scope[n.i] = c
        if root.dep_ in ("appos", "compound") and root.head.lemma_.lower() in FIRM_NOUNS:
            nouns.append(root.head)
        if m.start > 0 and st.sdoc[m.start - 1].lemma_.lower() in FIRM_NOUNS and st.sdoc[m.start - 1] not in nouns:
            nouns.append(st.sdoc[m.start - 1])  # "the gas company Turkmengas" parsed with the name as a compound
        for n in nouns:
            later = [c for c in root.children if c.dep_ == "conj" and root.i < c.i < n.i and c.i in st.at]
            # "by POSCO International and Tau-Ken Samruk, the national mining company of Kazakhstan": the phrase
            # describes the last of the list
            owner = st.at[later[-1].i] if later else m
            if owner.label not in ("Firm", "Organization") or len(owner.ids) != 1:
                continue
            top = scope.get(n.i, n)
            countries = [st.at[c.i] for c in top.subtree
                         if c.i in st.at and c.i < n.i and st.at[c.i].label == "Country"
                         and c.dep_ in ("poss", "amod", "compound", "nmod") and top.i in (c.head.i, c.head.head.i)]
            # "Tau-Ken Samruk, the national mining company of Kazakhstan"
            countries += [x for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                          if p.dep_ == "pobj" for x in expand(st, p) if x.label == "Country" and not x.demonym]
            if len({c.id for c in countries}) > 1 and n.lemma_.lower() == "venture":
                countries = []  # "the Uzbek-Korean joint venture Samarkand Silk": of both, located in neither
            words = {c.lower_ for c in top.subtree if c.i < n.i}
            state = bool(words & _STATE_WORDS) or any(
                c.lower_ == "state" and c.head.lemma_ in ("own", "run") for c in top.subtree if c.i < n.i)
            sent = n.sent
            if state and not countries and n.dep_ == "appos" and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in n.children):
                # "Turkmentelecom, the state telecommunications company", in a report on Korea and Turkmenistan:
                # the state is the firm's own, its name says which
                entry = st.gaz.entries.get(owner.id)
                cid = entry.country if entry is not None and entry.country else None
                if cid is None and korean_by_name(owner.text):
                    cid = "country:south-korea"
                elif cid is None:
                    # (a non-Korean name: the other country the report names most, or else the one its paragraph
                    # names last before it)
                    para = st.sdoc.text.rfind("\n", 0, st.sdoc[owner.start].idx)
                    named = [x.id for x in st.mentions if x.label == "Country" and len(x.ids) == 1
                             and x.id != "country:south-korea" and x.end <= owner.start
                             and st.sdoc[x.start].idx > para]
                    counts = Counter(x.id for x in st.mentions if x.label == "Country" and len(x.ids) == 1
                                     and x.id != "country:south-korea")
                    ranked = counts.most_common(2)
                    clear = bool(ranked) and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
                    cid = ranked[0][0] if clear else named[-1] if named else None
                if cid is not None and cid in st.entities:
                    add_fact(st, cid, "OWNS", owner.id, sent)
            for country in countries:
                if owner.label == "Firm":
                    add_fact(st, owner.id, "LOCATED_IN", country.id, sent)
                if state:
                    add_fact(st, country.id, "OWNS", owner.id, sent)
            fields = [st.at[c.i] for c in top.subtree if c.i in st.at and c.i < n.i and st.at[c.i].label == "Sector"]
            for f in fields:
                add_fact(st, owner.id, "OPERATES_IN", f.id, sent)
            if n.lemma_.lower() in _PRODUCER_NOUNS:
                # "Kazakhstan's copper producer Zhezkazgantsvetmet": the minerals the phrase names are its products
                for c in top.subtree:
                    x = st.at.get(c.i)
                    if x is not None and c.i < n.i and x.label == "Mineral" and len(x.ids) == 1:
                        add_fact(st, owner.id, "PRODUCES", x.id, sent)
        if m.label == "Firm" and len(m.ids) == 1 and root.pos_ == "PROPN":
            # "Japan's Toyo Engineering", "Kazakhstan's copper producer Zhezkazgantsvetmet": a country's firm is
            # located there
            for c in root.children:
                x = st.at.get(c.i)
                if c.dep_ == "poss" and x is not None and x.label == "Country" and not x.demonym and len(x.ids) == 1:
                    add_fact(st, m.id, "LOCATED_IN", x.id, root.sent)
        if not nouns:
            _surface_apposition(st, m)
        _state_owned(st, m)


_PRODUCER_NOUNS = ("producer", "miner", "smelter", "refiner")


def _state_owned(st: DocState, m: Mention) -> None:
    """'a contract from state-owned Uzbekneftegaz': a firm called state-owned belongs to its own country, as the
    reference data or the document gives it, or, in a report on Korea and one other country, as its name does."""
    sdoc = st.sdoc
    k = m.start
    if k >= 2 and sdoc[k - 1].lower_ == "the":
        k -= 1
    while k >= 2 and m.start - k < 3 and sdoc[k - 1].is_lower and sdoc[k - 1].pos_ in ("NOUN", "ADJ") and \
            sdoc[k - 1].lower_ not in ("owned", "run", "state"):
        k -= 1  # "the state-owned operator Kyrgyztelecom", "the state-owned power utility Barqi Tojik"
    words = " ".join(t.lower_ for t in sdoc[max(0, k - 3):k]).replace(" - ", "-")
    # ("Qazgeology, which is wholly owned by the state": the same, said after the name)
    owned_after = m.end + 2 < len(sdoc) and sdoc[m.end].text == "," and sdoc[m.end + 1].lower_ in ("which", "that") \
        and re.match(r"^, (?:which|that) (?:is|was|has been|remains) (?:wholly |fully |entirely )?owned by the "
                     r"(?:state|government)\b", sdoc[m.end:min(len(sdoc), m.end + 10)].text.lower()) is not None
    if not (words.endswith(("state-owned", "state-run", "state owned", "state run")) or owned_after) or \
            len(m.ids) != 1 or m.label not in ("Firm", "Organization"):
        return
    entry = st.gaz.entries.get(m.id)
    ent = st.entities.get(m.id)
    country = (entry.country if entry is not None else None) or (ent.properties.get("country") if ent else None)
    pair = report_pair(st)
    if not country and len(pair) == 2 and "country:south-korea" in pair:
        # "state-owned Barqi Tojik" in a report on Korea and Tajikistan: a Korean name's state is Korea, any other
        # the other country's
        other = next(c for c in pair if c != "country:south-korea")
        country = "country:south-korea" if korean_by_name(m.text) else other
    if country and country in st.entities:
        add_fact(st, country, "OWNS", m.id, sdoc[m.start].sent)


def _surface_apposition(st: DocState, m: Mention) -> None:
    """'Almalyk Mining and Metallurgical Company (AMMC), Uzbekistan's state-owned copper and gold producer' read
    off the surface where the parser made the phrase a conjunct of the name: ", <Country>'s [state-owned] ...
    <firm noun>" up to the next comma or the sentence's end. The firm is located in that country (a firm), owned
    by it when the phrase says state-owned, and produces the minerals a "producer" phrase names."""
    sdoc = st.sdoc
    k = m.end
    if k + 2 < len(sdoc) and sdoc[k].text == "(" and sdoc[k + 2].text == ")":
        k += 3  # "(AMMC)"
    if k >= len(sdoc) or sdoc[k].text != "," or len(m.ids) != 1:
        return
    country = st.at.get(k + 1)
    if country is None or country.label != "Country" or country.demonym or country.start != k + 1 or \
            country.end + 1 >= len(sdoc) or sdoc[country.end].lower_ not in ("'s", "’s"):
        return
    j = country.end + 1
    end = min(len(sdoc), j + 8, sdoc[k].sent.end)
    noun = next((t for t in sdoc[j:end] if t.lemma_.lower() in FIRM_NOUNS and t.pos_ == "NOUN"), None)
    if noun is None or any(t.text in (",", ";", "(", ")") or t.pos_ == "VERB" and t.dep_ not in ("amod",)
                           for t in sdoc[j:noun.i]):
        return
    phrase = sdoc[j:noun.i]
    sent = noun.sent
    if m.label == "Firm":
        add_fact(st, m.id, "LOCATED_IN", country.id, sent)
    if {t.lower_ for t in phrase} & _STATE_WORDS or any(t.lower_ == "state" for t in phrase):
        add_fact(st, country.id, "OWNS", m.id, sent)
    for t in phrase:
        x = st.at.get(t.i)
        if x is None or len(x.ids) != 1:
            continue
        if x.label == "Sector":
            add_fact(st, m.id, "OPERATES_IN", x.id, sent)
        elif x.label == "Mineral" and noun.lemma_.lower() in _PRODUCER_NOUNS:
            add_fact(st, m.id, "PRODUCES", x.id, sent)


def role_word(role: Token) -> str:
    """The role a role noun names, with the words that change it: "vice-president", "prime minister", "chief
    executive" (a head), "deputy director" (not a head)."""
    word = role.lemma_.lower()
    doc = role.doc
    lefts = {c.lower_ for c in role.lefts} | ({doc[role.i - 1].lower_} if role.i > 0 else set())
    if role.i >= 2 and doc[role.i - 1].text == "-":
        lefts.add(doc[role.i - 2].lower_)
    if role.lower_.startswith("vice") or (word == "president" and lefts & {"vice", "vice-"}):
        return "vice-president"
    if word in ("executive", "officer") and "chief" in lefts:
        return "chief executive"
    if lefts & _SUBORDINATE - {"former", "first"} or ("first" in lefts and word in ("deputy", "vice")):
        return "deputy " + word
    if word == "minister" and "prime" in lefts:
        return "prime minister"
    if word in ("director", "head", "manager", "representative") and lefts & _PART_OF_BODY:
        return "country " + word  # "KOICA country director X": heads the body's office in one country, not the body
    if word == "director" and "executive" in lefts:
        return "executive director"  # a board member of a bank or agency, not its head
    if word == "secretary" and role.i + 1 < len(doc) and doc[role.i + 1].lower_ == "general" or \
            word == "general" and "secretary" in lefts:
        return "secretary-general"  # "Lee Wook-heon, Secretary General of the Secretariat": its head
    return word


def _is_lead(word: str, target_label: str, target_name: str = "") -> bool:
    if word.startswith("deputy ") or word == "vice-president":
        return False
    if word.startswith("country "):
        return bool(set(target_name.lower().split()) & _OFFICE_WORDS)  # of "the KOICA office in Kyrgyzstan": its head
    if word == "minister":
        return target_label == "Organization"  # heads a ministry; works for a country
    if word == "prime minister":
        return True
    return word in LEAD_ROLES or word in _HEADS_OF_BODIES


def _name(st: DocState, eid: str) -> str:
    return st.entities[eid].name if eid in st.entities else ""


def _field_key(st: DocState, words: str) -> str:
    """A ministry's field as a key: "Ministry of Energy of Kazakhstan", "Kazakhstan's Ministry of Energy" and the
    title "Minister of Energy" all give "energy"."""
    key = slug(words)
    _head, found, rest = key.partition("ministry-of-")
    if found:
        key = rest
    for c in st.gaz.country_slugs:
        for suffix in (f"-of-the-{c}", f"-of-{c}"):
            if key.endswith(suffix):
                key = key[: -len(suffix)]
    return key


def _country_of_name(st: DocState, person: Mention) -> str | None:
    """Whose official a person of a report on Korea and one other country is, when the title does not say: Korea's
    for a Korean name (a Korean surname first), the other country's for any other name; None in other reports."""
    pair = report_pair(st)
    if len(pair) != 2 or "country:south-korea" not in pair or person.label != "Person":
        return None
    known = st.entities.get(person.id) if len(person.ids) == 1 else None
    words = (known.name if known is not None else person.text).split()  # "Vice Minister Kim": Kim Jina, named before
    korean = len(words) >= 2 and words[0].lower() in KOREAN_SURNAMES
    if korean:
        return "country:south-korea"
    # "Uzbekistan was represented by Bobir Islamov, Minister of Mining Industry and Geology" in a report that names
    # a third country more: the one other country his own sentence names
    sent = st.sdoc[person.start].sent
    named = {i for m in st.mentions if m.label == "Country" and sent.start <= m.start < sent.end for i in m.ids
             if i != "country:south-korea"}
    if len(named) == 1:
        return named.pop()
    return next(c for c in pair if c != "country:south-korea")


def _ministry_of_title(st: DocState, role: Token, of: list[str] | None = None,
                       person: Mention | None = None) -> str | None:
    """'Minister of Health and Social Protection of Population', 'Energy Minister': the one ministry of that field
    the document names, if it names one. Failing that, a title of the form "Minister of <Field>" whose country
    the title gives ("Kazakhstan's Minister of Industry and Construction", "Minister of Trade and Integration of
    Kazakhstan", "Vice Minister of Foreign Affairs of the Republic of Korea") names the ministry itself: that
    country's "Ministry of <Field>" (the gazetteer's, where it knows the country's ministry of that name)."""
    if role.lemma_.lower() != "minister":
        return None
    doc = role.doc
    k = role.i + 1
    country: str | None = None
    if k < len(doc) and doc[k].lower_ == "of":
        # the title's words as written (the parser often splits a long field: "of Health and Social Protection")
        k += 1
        end = k
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ in ("and", "of", ",")) and \
                not (end in st.at and st.at[end].label in ("Country", "Person", "Firm")) and \
                not (doc[end].lower_ == "and" and doc[end - 1].text == ",") and \
                not (end > k and doc[end].lower_ in ROLE_NOUNS):
            # (up to a name, a title or ", and": "Taalaibek Ibraev, Minister of Energy, and Hanwha Energy Vice
            # President Choi Jae-won")
            end += 1
        stop = st.at.get(end)
        if stop is not None and stop.label == "Country" and not stop.demonym and stop.start == end and \
                doc[end - 1].lower_ in ("of", "the"):
            country = stop.id  # "... of Kazakhstan", "... of the Republic of Korea"
        while end > k and doc[end - 1].lower_ in ("and", "of", ",", "the"):
            end -= 1
        words = doc[k:end].text
    else:
        before = [c for c in role.lefts if c.dep_ == "compound" and c.lower_ in ROLE_COMPLEMENTS]
        spelled = _field_spelled_before(st, role)
        if spelled is not None:
            return spelled
        if not before:
            return _reporting_ministry(st, role, person) or _only_ministry(st, role, person)
        words = " ".join(c.text for c in before)
    key = _field_key(st, words)
    if not key:
        return None
    found = {e.id for e in st.entities.values() if e.label == "Organization" and e.name.lower().find("ministry") >= 0
             and _field_key(st, e.name) == key}
    if len(found) == 1 and person is not None and not any(c.startswith("country:") for c in of or ()):
        # "Finance Minister Koo Yun-cheol" where the document named only the Uzbek finance ministry: not his, when
        # his name says he is the other country's
        theirs = st.entities[next(iter(found))].properties.get("country")
        mine = _country_of_name(st, person)
        if theirs and mine and theirs != mine:
            found = set()
    if len(found) == 1:
        return found.pop()
    if found or doc[role.i + 1].lower_ != "of" or not words[:1].isupper():
        return None
    if country is None:
        countries = {c for c in of or () if c.startswith("country:")}
        country = countries.pop() if len(countries) == 1 else None
    if country is None and person is not None:
        # "Deputy Minister of Health Asilbek Nurmatov" in a report on Korea and Uzbekistan: the title does not say
        # whose ministry; a Korean name's is Korea's, another name's the other country's
        country = _country_of_name(st, person)
    if country is None:
        return None  # whose ministry, neither the title nor the report says
    name = f"Ministry of {words}"
    known = [i for i in st.gaz.lookup(name) if st.gaz.entries[i].label == "Organization"
             and st.gaz.entries[i].country == country]
    oid = known[0] if len(known) == 1 else f"org:{country.split(':', 1)[1]}-{name_key(name)}"
    entity(st, oid, "Organization", name)
    st.entities[oid].properties.setdefault("country", country)
    return oid


def _ministries(st: DocState) -> list[str]:
    return [e.id for e in st.entities.values() if e.label == "Organization" and e.name.startswith("Ministry of ")]


def _field_spelled_before(st: DocState, role: Token) -> str | None:
    """'Investment, Industry and Trade Minister Laziz Kudratov' after 'the Ministry of Investment, Industry and
    Trade': the one ministry named in the text whose field, as written, stands right before "Minister"."""
    before = role.doc[max(role.sent.start, role.i - 12):role.i].text.lower()
    found = set()
    for oid in _ministries(st):
        field = st.entities[oid].name[len("Ministry of "):]
        field = re.split(r" of (?:the )?[A-Z]", field)[0].lower()
        if len(field.split()) >= 3 and before.endswith(field):
            found.add(oid)
    return found.pop() if len(found) == 1 else None


_BARE_MINISTER_MODS = frozenset({"minister", "the", "former", "then", "acting"})


_REPORT_VERBS = frozenset({"say", "announce", "report", "state", "note", "add"})


def _reporting_ministry(st: DocState, role: Token, person: Mention | None) -> str | None:
    """'The Ministry of Trade, Industry and Energy said First Vice Minister Yoon Chang-ho will lead a delegation':
    a minister with no field ("Foreign Minister" has one), in what a ministry says, is that ministry's (not when his
    name says he is another country's)."""
    if person is None or any(c.lower_ not in TITLE_WORDS - {"foreign", "prime"} for c in role.lefts
                             if c.dep_ in ("compound", "amod")):
        return None
    for verb in role.ancestors:
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _REPORT_VERBS:
            said = [st.at[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in st.at]
            found = [m.id for m in said if m.label == "Organization" and len(m.ids) == 1 and
                     "ministry" in st.entities[m.id].name.lower().split()]
            theirs = st.entities[found[0]].properties.get("country") if found else None
            mine = _country_of_name(st, person)
            return found[0] if found and not (theirs and mine and theirs != mine) else None
    return None


def _only_ministry(st: DocState, role: Token, person: Mention | None) -> str | None:
    """'Minister Ulugbek Tashkentov said', with no field: the one ministry of his country the text names (his
    country from his name in a report on Korea and one other country)."""
    if person is None or person.start != role.i + 1 or any(c.lower_ not in _BARE_MINISTER_MODS
                                                            for c in role.lefts) or role.i > 0 and \
            role.doc[role.i - 1].lower_ in ("prime", "vice", "deputy", "first", "foreign"):
        return None
    mine = _country_of_name(st, person)
    if mine is None:
        return None
    def country(oid: str) -> object:
        entry = st.gaz.entries.get(oid)
        stated = entry.country if entry is not None and entry.country else st.entities[oid].properties.get("country")
        key = slug(st.entities[oid].name)
        named = [c for c in st.gaz.country_slugs if key.endswith((f"-of-{c}", f"-of-the-{c}"))]
        # ("Ministry of Health of Turkmenistan"; "... of the Kyrgyz Republic": the country that name is one of)
        ids = [i for i in st.gaz.lookup(named[0]) if st.gaz.entries[i].label == "Country"] if named else []
        return stated or (ids[0] if ids else f"country:{named[0]}" if named else None)

    held = {f.object for f in st.facts.values() if f.subject == person.id and f.relation in ("LEADS", "WORKS_FOR")
            and f.object in st.entities and st.entities[f.object].name.startswith("Ministry of ")}
    if held:
        # "Minister of Health A ... 'Patients no longer travel', Minister A said": the ministry his full title gave
        return held.pop() if len(held) == 1 else None
    # (of those named before the title, where there are any: "... signed by Minister B" is not of a ministry the text
    # names only after)
    before = {m.id for m in st.mentions if m.start < role.i and len(m.ids) == 1}
    ministries = [oid for oid in _ministries(st) if oid in before] or _ministries(st)
    theirs = [oid for oid in ministries if country(oid) == mine]
    if not theirs:
        # (a ministry whose country the text does not state, when it names no other of unknown country)
        theirs = [oid for oid in ministries if country(oid) is None]
    return theirs[0] if len(theirs) == 1 else None


def _country_after_name(st: DocState, m: Mention) -> str | None:
    """"Mukhtar Tileuberdi of Kazakhstan": the country stated right after a person's name."""
    sdoc = st.sdoc
    k = m.end + 1
    if m.end >= len(sdoc) or sdoc[m.end].lower_ != "of":
        return None
    if k < len(sdoc) and sdoc[k].lower_ == "the":
        k += 1
    country = st.at.get(k)
    if country is None or country.label != "Country" or country.demonym or country.start != k or \
            len(country.ids) != 1:
        return None
    return country.id


def apply_role(st: DocState, m: Mention, role: Token) -> None:
    of, to = role_targets(st, role)
    ministry = _ministry_of_title(st, role, of, m)
    stated = _country_after_name(st, m) if role.i < m.start else None
    if stated is not None and ministry is not None and \
            st.entities[ministry].properties.get("country") not in (None, stated):
        ministry = None  # "Foreign Minister X of Kazakhstan": not the ministry of another country the text named
    if stated is not None and not any(o.startswith("country:") for o in of):
        of.append(entity(st, stated, "Country", st.gaz.entries[stated].name))
    if ministry is not None and ministry not in of:
        # "Saida Umarzoda, Tajikistan's Minister of Health": the minister of the ministry the document names
        of.append(ministry)
    # the role noun may itself be inside a compound chain: "South Korean Foreign Minister Cho"
    for c in role.head.children if role.dep_ == "compound" else ():
        if (
            c.i != role.i
            and c.i < role.i
            and c.i in st.at
            and st.at[c.i].label in ("Country", "Firm", "Organization")
        ):
            of.append(st.at[c.i].id)
    word = role_word(role)
    sent = role.sent
    entry = st.gaz.entries.get(m.id)
    if not of and entry is not None and entry.country and word in PRESIDENT_LIKE:
        # "President Yoon Suk Yeol": the gazetteer knows whose president he is
        country = st.gaz.entries[entry.country]
        of.append(entity(st, country.id, country.label, country.name))
    if not any(o.startswith("country:") for o in of) and role.lemma_.lower() == "minister" and \
            word != "prime minister":
        # "Foreign Minister Sirojiddin Muhriddin", "Energy Minister Nurbek Asanaliev" in a report on Korea and one
        # other country: a minister works for a country; a Korean name's is Korea, another name's the other one
        # (only when no body is named: "Minister of Energy Taalaibek Ibraev" works for the ministry, which is the
        # country's; the gold's convention)
        cid = _country_of_name(st, m)
        if cid is not None and cid not in of and not any(
                o in st.entities and st.entities[o].label == "Organization" for o in of):
            of.append(entity(st, cid, "Country", st.gaz.entries[cid].name))
    # "Ahn Chang-yong, head of KT's global business division": who heads a unit the text does not name works for
    # the firm whose unit it is
    for owner in dict.fromkeys(
            st.at[x.i].id for c in role.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
            if p.dep_ == "pobj" and p.i not in st.at and p.lemma_.lower() in UNIT_NOUNS for x in p.children
            if x.dep_ == "poss" and x.i in st.at and st.at[x.i].label in ("Firm", "Organization")):
        if owner not in of:
            add_fact(st, m.id, "WORKS_FOR", owner, role.sent)
    for org in dict.fromkeys(of):
        label = st.entities[org].label if org in st.entities else ""
        if word.startswith("country ") and label == "Country":
            continue  # "KOICA's country director in Uzbekistan": works there, for the agency
        if word in ENVOY_ROLES:
            add_fact(st, m.id, "REPRESENTS", org, sent)
        elif _is_lead(word, label, _name(st, org)):
            add_fact(st, m.id, "LEADS", org, sent)
            if org.startswith("country:") and word in PRESIDENT_LIKE | {"king", "queen", "premier"}:
                st.leads.setdefault(m.id, org)
        else:
            add_fact(st, m.id, "WORKS_FOR", org, sent)
        key = "president" if word in PRESIDENT_LIKE else word
        persons = st.person_roles.setdefault((key, org), [])
        if m.id not in persons:
            persons.append(m.id)
    j = role.right_edge.i + 1
    if word in ENVOY_ROLES and not to and j + 1 < len(st.sdoc) and st.sdoc[j].lower_ == "to":
        # "Ambassador of the Republic of Korea to the Kyrgyz Republic" with "to" parsed onto the clause's verb
        k = j + 2 if st.sdoc[j + 1].lower_ == "the" else j + 1
        if k < len(st.sdoc) and k in st.at and st.at[k].label == "Country" and not st.at[k].demonym:
            to.append(st.at[k].id)
    for target in dict.fromkeys(to):
        if word in ENVOY_ROLES:
            add_fact(st, m.id, "ACCREDITED_TO", target, sent)
    if word in ENVOY_ROLES:
        for org in of:
            persons = st.person_roles.setdefault(("ambassador", org), [])
            if m.id not in persons:
                persons.append(m.id)



register("role:person-title", stage="role", confidence=0.9,
         description="titles and appositions: 'President X', 'X, CEO of Y', 'X, ambassador of A to B'",
         examples=(
             ("South Korean President Yoon Suk Yeol spoke.", [("Yoon Suk Yeol", "LEADS", "South Korea")]),
             ("Kazakhstan will send more students to Korea. Minister of Science and Higher Education Sayasat "
              "Nurbek visited Seoul.", [("Sayasat Nurbek", "LEADS", "Ministry of Science and Higher Education")]),
             ("The summit was attended by Tajik President Emomali Rahmon and Turkmen President Serdar "
              "Berdimuhamedov.", [("Serdar Berdimuhamedow", "LEADS", "Turkmenistan"),
                                  ("Emomali Rahmon", "LEADS", "Tajikistan")]),
             ("Foreign Minister of Tajikistan Sirojiddin Aslov held a telephone conversation with Yun Byung-se.",
              [("Sirojiddin Aslov", "WORKS_FOR", "Tajikistan")]),
             ("Minister of Industry and Construction of Kazakhstan Yersayin Nagaspayev visited Seoul.",
              [("Yersayin Nagaspayev", "LEADS", "Ministry of Industry and Construction"),
               ("Yersayin Nagaspayev", "WORKS_FOR", "Kazakhstan")]),
             ("Presidents Kassym-Jomart Tokayev and Lee Jae-myung spoke by phone.",
              [("Lee Jae-myung", "LEADS", "South Korea"), ("Kassym-Jomart Tokayev", "LEADS", "Kazakhstan")]),
             ("The deal was signed by Ahn Chang-yong, head of KT's global business division.",
              [("Ahn Chang-yong", "WORKS_FOR", "KT")]),
             ("Kyrgyzstan and South Korea renewed the memorandum. It was signed in Seoul by the Minister of Labor, "
              "Social Security and Migration, Nurbek Sadykov, and the Korean Minister of Employment and Labor, Jeong "
              "Hee-soo.", [("Nurbek Sadykov", "LEADS", "Ministry of Labor, Social Security and Migration")]),
             ("The Export-Import Bank of Korea (Korea Eximbank, Chairman and President Yoon Hee-sung) said on "
              "Wednesday that it had concluded a loan agreement.",
              [("Yoon Hee-sung", "LEADS", "Export-Import Bank of Korea")]),
             ("The deal was signed by Khujand Pakhta director Rustam Nazarov.",
              [("Rustam Nazarov", "LEADS", "Khujand Pakhta")]),
             ("It was signed by the Chairman of Barqi Tojik, Sherali Rahimzoda, and the KHNP chief.",
              [("Sherali Rahimzoda", "LEADS", "Barqi Tojik")]),
             ("The Association of Koreans of Kazakhstan (AKK), the main organization of the country's ethnic Korean "
              "community, elected businessman Vladimir Kan as its new president at its congress in Almaty on Saturday.",
              [("Vladimir Kan", "LEADS", "Association of Koreans of Kazakhstan")]),
             ("The Association of Koreans of Kazakhstan (AKK) elected businessman Vladimir Kan as its new president.",
              [("Vladimir Kan", "LEADS", "Association of Koreans of Kazakhstan")]),
             ("Aizhan Tokonova, a researcher at the National Institute for Strategic Studies of the Kyrgyz Republic "
              "(NISS), and Park Min-jae of the Institute of Foreign Affairs and National Security (IFANS) took part.",
              [("Aizhan Tokonova", "WORKS_FOR", "National Institute for Strategic Studies of the Kyrgyz Republic"),
               ("Park Min-jae", "WORKS_FOR", "Institute of Foreign Affairs and National Security")]),
             ("The Korea-Central Asia Cooperation Forum Secretariat held a dialogue. Lee Wook-heon, Secretary General "
              "of the Secretariat, spoke.",
              [("Lee Wook-heon", "LEADS", "Korea-Central Asia Cooperation Forum Secretariat")]),
             ("Foreign ministers Mukhtar Tileuberdi of Kazakhstan, Ruslan Kazakbaev of Kyrgyzstan and Abdulaziz "
              "Kamilov of Uzbekistan took part.",
              [("Mukhtar Tileuberdi", "WORKS_FOR", "Kazakhstan"), ("Ruslan Kazakbaev", "WORKS_FOR", "Kyrgyzstan"),
               ("Abdulaziz Kamilov", "WORKS_FOR", "Uzbekistan")]),
             ("Korea chaired the forum. Kazakhstan and Uzbekistan joined it. Kazakhstan pitched projects to Korea. "
              "Uzbekistan was represented by Bobir Islamov, Minister of Mining Industry and Geology.",
              [("Bobir Islamov", "LEADS", "Ministry of Mining Industry and Geology")]),
             ("Kazakh Deputy Prime Minister Serik Zhumangarin spoke.",
              [("Serik Zhumangarin", "WORKS_FOR", "Kazakhstan")]),
             ("Kim Min-soo, chairman of Samsung C&T, spoke.", [("Kim Min-soo", "LEADS", "Samsung C&T")]),
             ("Kazakhstan's national geological service Qazgeology signed a deal. Almas Nurbekov, chairman of the "
              "board of Qazgeology, said so.", [("Almas Nurbekov", "LEADS", "Qazgeology")]),
             ("Shinhan Bank Kazakhstan, the wholly owned Kazakh subsidiary of South Korea's Shinhan Bank, will open "
              "four branches. The deal was signed by Shinhan Bank Kazakhstan CEO Park Jin-woo.",
              [("Park Jin-woo", "LEADS", "Shinhan Bank Kazakhstan")]),
             ("At Tuesday's ceremony, Prime Minister Olzhas Bektenov cut the ribbon together with Park Ki-tae, "
              "executive vice president of Hyundai Mobis, and Astana Motors chairman Nurlan Smagulov. Minister of "
              "Industry and Construction Yersaiyn Nagaspayev and Shin Jae-hyun, South Korea's Ambassador to "
              "Kazakhstan, also attended the ceremony.",
              [("Shin Jae-hyun", "REPRESENTS", "South Korea"), ("Shin Jae-hyun", "ACCREDITED_TO", "Kazakhstan")]),
             ("The contract was signed in the presence of Bozumbayev and South Korean Ambassador Kim Dae-sik.",
              [("Kim Dae-sik", "REPRESENTS", "South Korea")]),
             ("The document was signed at a ceremony attended by Chairman of the Cabinet of Ministers Akylbek Japarov "
              "and the Korean Ambassador, Park Sang-jin.", [("Park Sang-jin", "REPRESENTS", "South Korea")]),
             ("Kazakhstan's Deputy Prime Minister and Minister of National Economy Nurlan Baibazarov spoke.",
              [("Nurlan Baibazarov", "WORKS_FOR", "Kazakhstan")]),
             ("The delegation met Gurbanguly Berdimuhamedov, Chairman of the Halk Maslahaty of Turkmenistan.",
              [("Gurbanguly Berdimuhamedow", "LEADS", "Halk Maslahaty")]),
             ("Toraga of the Jogorku Kenesh Nurlanbek Shakiev is on an official visit to the Republic of Korea.",
              [("Nurlanbek Shakiev", "LEADS", "Jogorku Kenesh")]),
             ("The Kyrgyz Ambassador to Korea is Avazbek Atakhanov.",
              [("Avazbek Atakhanov", "REPRESENTS", "Kyrgyzstan"),
               ("Avazbek Atakhanov", "ACCREDITED_TO", "South Korea")]),
             ("KazPolyChem LLP, the project company, signed a contract. The contract was signed in the capital by "
              "KazPolyChem general director Daniyar Tiesov and Samsung Engineering CEO Choi Sung-an.",
              [("Daniyar Tiesov", "LEADS", "KazPolyChem LLP")]),
             ("The Ministry of Economic Development and Trade signed it. The document was signed by Minister of "
              "Economic Development and Trade Zavqi Zavqizoda and Choi Yoon-jung.",
              [("Zavqi Zavqizoda", "LEADS", "Ministry of Economic Development and Trade")]),
             ("The plant was opened by Hyundai Mobis President Lee Gyu-suk and LG CNS CEO Kim Young-sub.",
              [("Lee Gyu-suk", "LEADS", "Hyundai Mobis"), ("Kim Young-sub", "LEADS", "LG CNS")]),
             ("The licence was handed over by NBK Governor Timur Suleimenov.", [("Timur Suleimenov", "LEADS", "NBK")]),
             ("The document was signed by Taalaibek Ibraev, Minister of Energy, and Hanwha Energy Vice President Choi "
              "Jae-won.", [("Choi Jae-won", "WORKS_FOR", "Hanwha Energy")]),
             ("It was signed by Kyrgyzstan's Minister of Agriculture and Water Resources Bakyt Torobaev.",
              [("Bakyt Torobaev", "LEADS", "Ministry of Agriculture and Water Resources")]),
             ("A delegation of the National Assembly of the Republic of Korea headed by Deputy Speaker Joo Seung-yong "
              "visited Bishkek.", [("Joo Seung-yong", "WORKS_FOR", "National Assembly")]),
             ("Kyrgyzstan and South Korea held talks in Bishkek. Speaker of the Jogorku Kenesh Dastan Jumabekov "
              "received the delegation.", [("Dastan Jumabekov", "LEADS", "Jogorku Kenesh")]),
             ("Kazakhstan and South Korea held talks in Astana. The document was signed by Minister Nurlan Tokenov and "
              "Korea's Vice Minister of Science and ICT Oh Jin-seok.",
              [("Oh Jin-seok", "WORKS_FOR", "Ministry of Science and ICT")]),
             ("According to the Ministry of Investment, Industry and Trade, trade between Uzbekistan and South Korea "
              "grew. Some 1,100 Korean companies operate in Uzbekistan, Investment, Industry and Trade Minister Laziz "
              "Kudratov told the forum.", [("Laziz Kudratov", "LEADS", "Ministry of Investment, Industry and Trade")]),
             ("Woosong University will open a campus in Samarkand, the Ministry of Higher Education, Science and "
              "Innovation announced. South Korea and Uzbekistan are partners. \"Samarkand is becoming a tourism "
              "capital,\" Minister Ulugbek Tashkentov said.",
              [("Ulugbek Tashkentov", "LEADS", "Ministry of Higher Education, Science and Innovation")]),
             ("Park Sung-ho came to Bishkek in 1995. Today the 61-year-old is in the city as director of the Korean "
              "Education Center.", [("Park Sung-ho", "LEADS", "Korean Education Center")]),
             ("Tajikistan's Ambassador to South Korea Sherali Rahmonzoda said his country is keen to grow.",
              [("Sherali Rahmonzoda", "REPRESENTS", "Tajikistan"),
               ("Sherali Rahmonzoda", "ACCREDITED_TO", "South Korea")]),
             ("Kazakhstan's ambassador to South Korea, Nurgali Arystanov, spoke.",
              [("Nurgali Arystanov", "REPRESENTS", "Kazakhstan"),
               ("Nurgali Arystanov", "ACCREDITED_TO", "South Korea")]),
             ("The ceremony was attended by the Korean ambassador to Kazakhstan, Koo Hong-seok.",
              [("Koo Hong-seok", "REPRESENTS", "South Korea"), ("Koo Hong-seok", "ACCREDITED_TO", "Kazakhstan")]),
             ("The deal was signed by Korea's Minister of Employment and Labor Lee Jung-sik.",
              [("Lee Jung-sik", "WORKS_FOR", "South Korea")]),
             ('"Clean water is a basic right," Ambassador of the Republic of Korea to Kyrgyzstan Kim Sang-wook said.',
              [("Kim Sang-wook", "REPRESENTS", "South Korea"), ("Kim Sang-wook", "ACCREDITED_TO", "Kyrgyzstan")]),
             ("Uzbek Ambassador to Seoul Alisher Abdusalomov said in an interview that trade grew.",
              [("Alisher Abdusalomov", "REPRESENTS", "Uzbekistan"),
               ("Alisher Abdusalomov", "ACCREDITED_TO", "South Korea")]),
             ("The Human Resources Development Service of Korea (HRD Korea) runs the test. HRD Korea President Lee "
              "Woo-jin signed the deal.", [("Lee Woo-jin", "LEADS", "Human Resources Development Service of Korea")]),
             ("In October a Turkmengas delegation led by its chairman Guychmyrat Hojamyradov visited Seoul.",
              [("Guychmyrat Hojamyradov", "LEADS", "Turkmengas")]),
             ("The building was opened by Kazakh Minister of Culture and Information Aida Balayeva and South Korean "
              "Minister of Culture, Sports and Tourism Yu In-chon.", [("Aida Balayeva", "WORKS_FOR", "Kazakhstan"),
                                                                     ("Yu In-chon", "WORKS_FOR", "South Korea")]),
             ("The agreement was signed by Korean Ambassador to the Kyrgyz Republic Kim Sang-wook.",
              [("Kim Sang-wook", "ACCREDITED_TO", "Kyrgyzstan")]),
             ("Tajik President Emomali Rahmon received First Vice Minister of Foreign Affairs of the Republic of Korea "
              "Hong Sun-yeol.", [("Hong Sun-yeol", "WORKS_FOR", "South Korea")]),
             ("KazKor Lithium LLP is a mining company headquartered in Ust-Kamenogorsk. Choi Dong-hyun has been chief "
              "executive since 2023.", [("Choi Dong-hyun", "LEADS", "KazKor Lithium LLP")]),
             ("Chairman of the Cabinet of Ministers Adylbek Kasymaliev visited Seoul.",
              [("Adylbek Kasymaliev", "LEADS", "Cabinet of Ministers")]),
             ("Lee Jong-hwan, the new Ambassador Extraordinary and Plenipotentiary of the Republic of Korea, "
              "presented his credentials.", [("Lee Jong-hwan", "REPRESENTS", "South Korea")]),
             ("The session was co-chaired by Otabek Nurmatov, Uzbekistan's Deputy Prime Minister, and Park Sung-hoon, "
              "Korea's First Vice Minister of Economy and Finance.", [("Otabek Nurmatov", "WORKS_FOR", "Uzbekistan")]),
             ("Tajikistan and South Korea agreed to expand trade. Foreign Minister Sirojiddin Muhriddin met Korean "
              "Foreign Minister Cho Tae-yul in Seoul.", [("Sirojiddin Muhriddin", "WORKS_FOR", "Tajikistan")]),
             ("Kazakhstan's Minister of Industry and Construction, Marat Yessenov, visited Seoul on Monday.",
              [("Marat Yessenov", "LEADS", "Ministry of Industry and Construction")]),
             ("Uzbekistan and South Korea signed a grant agreement in Tashkent. It was signed by Deputy Minister of "
              "Health Asilbek Nurmatov.", [("Asilbek Nurmatov", "WORKS_FOR", "Ministry of Health")]),
             ("Park Sung-hoon, First Vice Minister of Economy and Finance of the Republic of Korea, spoke at the "
              "forum.",
              [("Park Sung-hoon", "WORKS_FOR", "Ministry of Economy and Finance")]),
             ("The Ministry of Energy of Kazakhstan hosted the talks. Energy Minister Almasadam Satkaliyev said the "
              "plant would be built by 2028.", [("Almasadam Satkaliyev", "LEADS", "Ministry of Energy")]),
             ("The Ministry of Health and Social Protection of Population of Tajikistan will run it. The agreement was "
              "signed by Saida Umarzoda, Tajikistan's Minister of Health and Social Protection of Population.",
              [("Saida Umarzoda", "LEADS", "Ministry of Health and Social Protection of Population of Tajikistan")]),
             ("Kyrgyzstan's own ambassador in Seoul, Aidar Beishenaliev, attended the ceremony.",
              [("Aidar Beishenaliev", "ACCREDITED_TO", "South Korea"),
               ("Aidar Beishenaliev", "REPRESENTS", "Kyrgyzstan")]),
             ("President Sadyr Japarov received the credentials of Lee Sang-woo, the new Ambassador Extraordinary and "
              "Plenipotentiary of the Republic of Korea to the Kyrgyz Republic.",
              [("Lee Sang-woo", "REPRESENTS", "South Korea"), ("Lee Sang-woo", "ACCREDITED_TO", "Kyrgyzstan")]),
             ("An agreement was signed on Monday by Jung Min-ho, country director of the KOICA office in Dushanbe.",
              [("Jung Min-ho", "LEADS", "KOICA office in Dushanbe")]),
             ("The centre was inaugurated by KOICA Kyrgyzstan office director Yoon Seo-yeon.",
              [("Yoon Seo-yeon", "LEADS", "KOICA Kyrgyzstan office")]),
             ("The ceremony was attended by Lee Min-ji, country director of KOICA's Uzbekistan office.",
              [("Lee Min-ji", "LEADS", "KOICA's Uzbekistan office")]),
             ("The ceremony was attended by Health Minister Asilbek Khudoyberdiyev, Ambassador of the Republic of "
              "Korea to Uzbekistan Park Jong-seok and Lee Min-ji, country director of KOICA's Uzbekistan office.",
              [("Lee Min-ji", "LEADS", "KOICA's Uzbekistan office")]),
             ("Kang Sung-ho, commissioner of the Overseas Koreans Agency, opened the festival.",
              [("Kang Sung-ho", "LEADS", "Overseas Koreans Agency")]),
             ("Yuri Tsoi, who is also a member of the Senate, opened the festival.",
              [("Yuri Tsoi", "WORKS_FOR", "Senate")]),
             ("The Korean Education Center in Bishkek opened in 1994. Its director, Lee Sang-min, said demand had "
              "tripled.", [("Lee Sang-min", "LEADS", "Korean Education Center")]),
         ))
register("role:person-place", stage="role", confidence=0.7,
         description="a city before what a person does: 'Astana office worker X', 'Tashkent resident X'",
         examples=(("One guest, Astana office worker Medeya Kiyalova, said she was proud.",
                    [("Medeya Kiyalova", "RESIDES_IN", "Astana")]),))
register("role:firm-of-country", stage="role", confidence=0.8,
         description="a firm described by a noun phrase: its country, state ownership, field, what it produces",
         examples=(("KazMunayGas, Kazakhstan's national oil and gas company, signed the deal.",
                    [("KazMunayGas", "LOCATED_IN", "Kazakhstan"), ("Kazakhstan", "OWNS", "KazMunayGas"),
                     ("KazMunayGas", "OPERATES_IN", "oil and gas")]),
                   ("Kyrgyzstan and South Korea held talks. KT will lay a cable for the state-owned operator "
                    "Kyrgyztelecom.", [("Kyrgyzstan", "OWNS", "Kyrgyztelecom")]),
                   ("The contract was signed with Turkmenhimiya, Turkmenistan's state-owned chemical company.",
                    [("Turkmenistan", "OWNS", "Turkmenhimiya")]),
                   ("Turkmenistan and Korea are partners. Turkmenistan buys cars from Korea. The loan goes to "
                    "Turkmentelecom, the state telecommunications company.",
                    [("Turkmenistan", "OWNS", "Turkmentelecom")]),
                   ("KIGAM signed a deal with Kazakhstan's national exploration company Qazgeology, which is wholly "
                    "owned by the state.", [("Kazakhstan", "OWNS", "Qazgeology")]),
                   ("Almalyk Mining and Metallurgical Company (AMMC), Uzbekistan's state-owned copper and gold "
                    "producer, sold the stake.", [("Uzbekistan", "OWNS", "Almalyk Mining and Metallurgical Company")]),
                   ("POSCO signed the deal with Almalyk Mining and Metallurgical Company (AMMC), Uzbekistan's "
                    "state-owned copper and gold producer.",
                    [("Uzbekistan", "OWNS", "Almalyk Mining and Metallurgical Company"),
                     ("Almalyk Mining and Metallurgical Company", "PRODUCES", "copper")]),
                   ("A joint venture is to be set up by POSCO International and Tau-Ken Samruk, the national mining "
                    "company of Kazakhstan.", [("Kazakhstan", "OWNS", "Tau-Ken Samruk")]),
                   ("Hyundai Engineering, a South Korean engineering contractor, signed it.",
                    [("Hyundai Engineering", "LOCATED_IN", "South Korea")]),
                   ("Turkmenistan's state concern Turkmenhimiya has awarded the contract.",
                    [("Turkmenistan", "OWNS", "Turkmenhimiya")]),
                   ("Uzbekistan welcomed the deal: Hyundai Engineering won a contract from state-owned Uzbekneftegaz.",
                    [("Uzbekistan", "OWNS", "Uzbekneftegaz")]),
                   ("The plant will be built by Samsung C&T with Japan's Chiyoda Corporation.",
                    [("Chiyoda Corporation", "LOCATED_IN", "Japan")]),
                   ("KORES will buy ore from Uzbekistan's gold miner Navoi Mining and Metallurgical Company.",
                    [("Navoi Mining and Metallurgical Company", "LOCATED_IN", "Uzbekistan"),
                     ("Navoi Mining and Metallurgical Company", "PRODUCES", "gold")])))
