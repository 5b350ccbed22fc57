"""Arguments read off the dependency parse: what a token stands for, a verb's subjects and objects, and the
places, topics and parties a phrase names. The candidate ends of every relation come from here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span, Token

from graph.extract.lexicon import (
    AGREEMENT_HEADS,
    ESTABLISH_VERBS,
    FIRM_NOUNS,
    ORG_WORDS,
    PLACE_NOUNS,
    PLAN_VERBS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    SAY_VERBS,
    TRANSPARENT_NOUNS,
    UPGRADE_VERBS,
)
from graph.extract.state import DocState, Mention

_TOPIC_LABELS = ("Sector", "Mineral", "Project")
# verbs of putting one's name to a text ("signed", "concluded", "inked an agreement"): what the text says its signers do
SIGNING_VERBS = frozenset({"sign", "conclude", "ink"})



_STUDY_NOUNS = frozenset({"study", "research", "survey", "assessment", "analysis", "modernisation",
                          "modernization", "reconstruction", "rehabilitation", "renovation", "expansion"})


_LED_GROUPS = frozenset({"consortium", "group", "team", "alliance", "venture", "coalition", "syndicate", "delegation",
                         "mission"})


# people sent by a body: what they do, the body does through them ("delegates from Korea took part")
# "met with the management of Hyundai Engineering, LX International and KOGAS": the firms whose heads they are
_LEADERSHIP = frozenset({"management", "leadership", "board"})
_SENT_BY = frozenset({"representative", "delegate", "official", "envoy", "executive", "diplomat", "minister", "leader",
                      "head"})

# words that single out one item of a plural just named: "projects, first and foremost the Rogun plant"
_SINGLING_OUT = frozenset({"first", "and", "foremost", "notably", "especially", "particularly", "above", "all",
                           "chiefly", "mainly", "primarily", "most", "importantly",
                           "among", "them", "those", "these"})  # ("800 Korean firms, among them Samsung and LG")


# passive verbs whose "by" phrase is often a long list of titled people
_LISTED_AGENT_VERBS = frozenset({"attend", "sign", "witness", "inaugurate", "open", "chair", "co-chair", "join"})


def _verb_between(low: Token, high: Token) -> bool:
    """Is there a verb on the way up from `low` to its ancestor `high` (a clause of its own between them)?"""
    t = low
    while t.i != high.i and t.head.i != t.i:
        t = t.head
        if t.i != high.i and t.pos_ in ("VERB", "AUX"):
            return True
    return False


def _bracketed(st: DocState, tok: Token) -> bool:
    """Is the token inside brackets within its sentence?"""
    sent = tok.sent
    k = tok.i - 1
    while k >= sent.start and st.sdoc[k].text not in ("(", ")"):
        k -= 1
    if k < sent.start or st.sdoc[k].text != "(":
        return False
    j = tok.i + 1
    while j < sent.end and st.sdoc[j].text not in ("(", ")"):
        j += 1
    return j < sent.end and st.sdoc[j].text == ")"


_FIRM_PLURALS = frozenset({"company", "companies", "firm", "firms", "corporation", "corporations"})


def _names_noun_before(st: DocState, name: Token) -> Token | None:
    """The descriptor noun ("venture", "company") right before the comma that opens an apposition, when the parser
    hung the apposition further back: the noun it names."""
    m = st.at.get(name.i)
    if m is None or m.label not in ("Firm", "Organization") or name.dep_ != "appos" or m.start < 2 or \
            st.sdoc[m.start - 1].text != "," or m.end < len(st.sdoc) and st.sdoc[m.end].lower_ not in (".", ",", ";"):
        return None
    noun = st.sdoc[m.start - 2]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in FIRM_NOUNS or noun.i in st.at or noun.i == name.head.i:
        return None
    return noun


def expand(st: DocState, tok: Token, depth: int = 0) -> list[Mention]:
    """Entities an argument token stands for: itself, its conjuncts and appositions, and through
    transparent nouns ('a consortium of A, B and C', "Uzbekistan's economy", 'lithium deposits')."""
    out: list[Mention] = []
    seen: set[int] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in seen or len(seen) > 60:
            continue
        seen.add(t.i)
        m = st.at.get(t.i)
        if m is None and t.lemma_.lower() in ROLE_NOUNS and depth == 0 and t.dep_ in ("pobj", "nsubj", "nsubjpass",
                                                                                     "dobj", "conj"):
            # "attended by Minister of Investment, Industry and Trade Sardor Umarov, ... and LH President Kang": the
            # parser may make the title the argument and hang the names below it; the people titled are meant
            stack.extend(x for x in t.subtree if x.i in st.at and st.at[x.i].label == "Person"
                         and x.i == st.at[x.i].end - 1 and not _verb_between(x, t))
            # "held talks with the Vice Foreign Minister of Korea, Kim Jin-dong": the name after the title's comma,
            # wherever the parser hangs it
            r = t.right_edge.i
            if r + 2 < len(st.sdoc) and st.sdoc[r + 1].text == "," and (p := st.at.get(r + 2)) is not None and \
                    p.label == "Person" and p.start == r + 2:
                stack.append(st.sdoc[p.end - 1])
        if m is None and t.pos_ == "NOUN" and t.lemma_.lower() in FIRM_NOUNS | ORG_WORDS and t.i > 0 and \
                (named := st.at.get(t.i - 1)) is not None and named.end == t.i and \
                named.label in ("Firm", "Organization") and st.sdoc[t.i - 1].dep_ == "compound":
            # "owned by the Samruk-Kazyna fund", "the Hyundai group": the name before the descriptor
            stack.append(st.sdoc[t.i - 1])
        if m is None and t.pos_ == "NOUN" and t.lemma_.lower() in FIRM_NOUNS and t.i + 2 < len(st.sdoc) and \
                st.sdoc[t.i + 1].text == "," and (named := st.at.get(t.i + 2)) is not None and \
                named.start == t.i + 2 and _names_noun_before(st, st.sdoc[named.end - 1]) is t:
            # "51% of the joint venture, Kairakty Tungsten": the name after the comma is the venture's
            stack.append(st.sdoc[named.end - 1])
        if m is None and t.pos_ == "NOUN" and t.lemma_.lower() in FIRM_NOUNS and t.i + 1 < len(st.sdoc) and \
                (named := st.at.get(t.i + 1)) is not None and named.start == t.i + 1 and \
                named.label in ("Firm", "Organization"):
            # "with the state gas company Turkmengaz": the name after the descriptor, wherever the parser hangs it
            stack.append(st.sdoc[named.end - 1])
        if m is None and t.pos_ == "NOUN":
            # "a 49 percent stake in the venture, named Qazaq Korea Metals": the noun the name is given to
            stack.extend(st.sdoc[x.end - 1] for c in t.children if c.dep_ == "acl" and
                         c.lemma_.lower() in ("name", "call") for o in c.children if o.dep_ in ("oprd", "dobj")
                         and (x := st.at.get(o.i)) is not None and x.label in ("Firm", "Organization", "Project"))
        if m is None and t.lower_ in ("which", "whom") and t.dep_ == "pobj":
            # "Kazakhtelecom, in which Samruk-Kazyna holds a 52 percent stake": the relative pronoun is the noun
            # its clause describes
            rel = next((a for a in t.ancestors if a.dep_ == "relcl"), None)
            if rel is not None and rel.head.i != rel.i:
                stack.append(rel.head)
        if m is None and t.pos_ == "NOUN" and t.dep_ == "attr" and t.head.lemma_ == "be" and depth == 0:
            # "Korea Zinc is a zinc smelting company headquartered in Seoul", "Almaty is the largest city in
            # Kazakhstan": the attribute of a copula is its subject
            stack.extend(c for c in t.head.children if c.dep_ == "nsubj" and c.i in st.at
                         and st.at[c.i].label != "Country")
        if (m is None or m.ids[0].endswith("-companies")) and t.pos_ == "NOUN" and t.tag_ == "NNS":
            # "the country's priority projects, first and foremost the Rogun Hydroelectric Power Plant": the one
            # singled out after a comma is what the plural names (the parser rarely attaches it)
            k = t.i + 1
            if k < len(st.sdoc) and st.sdoc[k].text == ",":
                k += 1
                while k < len(st.sdoc) and st.sdoc[k].lower_ in _SINGLING_OUT:
                    k += 1
                if k > t.i + 2 and k < len(st.sdoc) and st.sdoc[k].lower_ in ("the", "a"):
                    k += 1
                if k > t.i + 2 and k in st.at and st.at[k].start == k:
                    stack.append(st.sdoc[st.at[k].end - 1])
        if m is None and t.pos_ == "NOUN":
            # "Some 100,000 Koryo-saram, descendants of Koreans deported ...": the parser makes the name a modifier
            # of the apposition that follows its comma; the name is what the phrase stands for
            stack.extend(c for c in t.children if c.dep_ in ("nmod", "compound") and c.i < t.i and c.i in st.at
                         and st.at[c.i].end < len(st.sdoc) and st.sdoc[st.at[c.i].end].text == ","
                         and st.at[c.i].label in ("Group", "Person", "Firm", "Organization", "Country"))
            # ("about 118,000 Koryo-saram, descendants of Koreans deported ...": or of a number that counts the
            # apposition, a community named right before its comma)
            g = st.at.get(t.i - 2) if t.i >= 2 and st.sdoc[t.i - 1].text == "," else None
            if g is not None and g.label == "Group" and g.end == t.i - 1 and t.left_edge.i <= g.start and \
                    t.lemma_.lower() in ("descendant", "member", "community", "people"):
                stack.append(st.sdoc[g.end - 1])
        if m is not None:
            if m not in out:
                out.append(m)
                # "the Export-Import Bank of Korea and Korea Trade Insurance Corporation": the parser may hang the
                # next item of a list on a word inside the name ("Korea") rather than on its head
                stack.extend(c for x in st.sdoc[m.start:m.end] if x.i != t.i for c in x.children
                             if c.dep_ == "conj" and not m.start <= c.i < m.end and c.i in st.at
                             and st.at[c.i].label == m.label)
                if m.label in ("Organization", "Firm"):
                    # "The Ministry of Energy of the Kyrgyz Republic and K-water signed": the parser joins the next
                    # party to a word inside the body's name; a firm and a body can be a pair of parties too ("the Main
                    # Department of Geology under the Government of Tajikistan and KORES signed")
                    stack.extend(c for x in st.sdoc[m.start:m.end] if x.i != t.i for c in x.children
                                 if c.dep_ == "conj" and not m.start <= c.i < m.end and c.i in st.at
                                 and st.at[c.i].label in ("Organization", "Firm"))
                    stack.extend(c for x in st.sdoc[m.start:m.end] for pr in x.children
                                 if pr.dep_ == "prep" and pr.lower_ in ("of", "under") and not m.start <= pr.i < m.end
                                 for q in pr.children if q.dep_ == "pobj" and q.i in st.at
                                 and st.at[q.i].label == "Country" for c in q.children
                                 if c.dep_ == "conj" and c.i in st.at and st.at[c.i].label in ("Organization", "Firm"))
            # "energy and supply chains" parsed as a modifier of "chains": a coordinated modifier is an item
            stack.extend(
                c
                for c in t.children
                if c.dep_ in ("nmod", "compound", "amod")
                and c.i in st.at
                and st.at[c.i] is not m
                and st.at[c.i].label == m.label
                and any(x.dep_ == "cc" for x in c.children)
            )
            if m.label == "Sector":
                # "Uzbekistan's textile industry": the country whose field it is is named too
                stack.extend(c for c in t.children if c.dep_ == "poss" and c.i in st.at
                             and st.at[c.i].label in ("Country", "Location"))
                # "the supply chain of key minerals", "the critical-minerals supply chain": a field of a
                # resource names the resource too
                stack.extend(
                    p
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.dep_ == "pobj" and p.i in st.at and st.at[p.i].label == "Mineral"
                )
                stack.extend(
                    c
                    for c in t.children
                    if c.dep_ in ("compound", "nmod") and c.i in st.at and st.at[c.i].label == "Mineral"
                )
        elif t.lemma_.lower() in PLACE_NOUNS and t.pos_ == "NOUN" and t.dep_ != "compound":
            # "in Kazakhstan's Almaty region", "the Chui region": a place noun named by a known place is that place
            stack.extend(c for c in t.children if c.dep_ == "compound" and c.i in st.at
                         and st.at[c.i].label in ("Location", "Country") and not st.at[c.i].demonym)
            # "the regions of Uzbekistan", "the city of Almaty" ("the cities of Samarkand and Gyeongju signed": their
            # administrations, mentions.acting_places)
            stack.extend(p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                         if p.dep_ == "pobj" and p.i in st.at and st.at[p.i].label in ("Location", "Country") or
                         p.dep_ == "pobj" and p.i in st.at and st.at[p.i].id.endswith("-administration"))
        elif t.lemma_.lower() in _STUDY_NOUNS:
            # "a feasibility study on the modernisation of the railway": the study is about the railway
            stack.extend(p for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "of", "for")
                         for p in c.children if p.dep_ == "pobj")
        elif t.pos_ == "NOUN" and t.i + 2 < len(st.sdoc) and st.sdoc[t.i + 1].text == ":":
            # "South Korean partners: KIGAM, SK ecoplant" / "four fields: energy, cars and medicine"
            out.extend(x for x in colon_list(st, t.i + 2) if x not in out)
        elif t.lemma_.lower() in ("delegation", "mission") and t.pos_ == "NOUN" and not any(
                c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head") for c in t.children):
            # "a delegation of the Korean National Assembly (headed by Speaker Woo)": its leader if the parser
            # hung "headed by" on the body, else the body it comes from
            of = [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for p in c.children
                  if p.dep_ == "pobj"]
            led = [p for o in of for c in o.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head")
                   for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            stack.extend(led or of)
        elif t.lemma_.lower() in _LED_GROUPS and any(c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head")
                                                    for c in t.children):
            # "a consortium led by Samsung Engineering and KEPCO": its leaders stand for it
            stack.extend(p for c in t.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                         for p in a.children if p.dep_ == "pobj")
        elif t.lemma_.lower() in _LED_GROUPS and t.pos_ == "NOUN" and t.i + 1 < len(st.sdoc) and \
                (leader := st.sdoc[t.i + 1]).lemma_.lower() in ("lead", "head") and leader.dep_ == "acl" and \
                leader.tag_ == "VBN":
            # ("Uzbekneftegaz and a Korean consortium led by Lotte Chemical and KOGAS": the parser may hang the
            # participle right after the group on another noun)
            stack.extend(p for a in leader.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj")
        elif (
            t.lemma_.lower() in TRANSPARENT_NOUNS or t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"
        ):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from") and (t.tag_ == "NNS" and
                                                                      t.lemma_.lower() in _SENT_BY or
                                                                      t.lemma_.lower() in _LEADERSHIP):
                    # "representatives of 50 Korean companies", "delegates from Korea", "officials from the Kazakh
                    # Foreign Ministry": the bodies they come from stand for them
                    # ("Ministers of the two countries signed five agreements": ministers act for their countries; not
                    # "the deputy foreign ministers of Kazakhstan and Kyrgyzstan", who are named by their posts)
                    stack.extend(p for p in c.children if p.dep_ == "pobj" and p.i in st.at
                                 and (st.at[p.i].label in ("Firm", "Organization") or
                                      st.at[p.i].label == "Country" and (t.lemma_.lower() == "minister" or
                                                                          t.lemma_.lower() == "leader" and
                                                                          t.tag_ == "NNS") and
                                      not any(x.dep_ in ("amod", "compound") for x in t.children)))
                if c.dep_ == "prep" and c.lower_ == "from" and t.lemma_.lower() in _FIRM_PLURALS:
                    # "companies from the two countries, including Daewoo International and TALCO": the parser may
                    # hang the list on the countries they come from
                    stack.extend(q for p in c.children if p.dep_ == "pobj" for x in p.children
                                 if x.dep_ == "prep" and x.lower_ == "including" for q in x.children
                                 if q.dep_ == "pobj")
                if (
                    c.dep_ == "prep"
                    and c.lower_ in ("of", "as", "including")
                    and (
                        t.lemma_.lower() in TRANSPARENT_NOUNS or t.lower_ in TRANSPARENT_NOUNS or c.lower_ != "of"
                    )
                ):
                    # (but "companies of the two countries" are firms, not the countries)
                    stack.extend(p for p in c.children if p.dep_ == "pobj" and not (
                        t.lemma_.lower() in _FIRM_PLURALS and p.i in st.at and st.at[p.i].label == "Country"))
                elif (
                    c.dep_ in ("compound", "poss", "amod", "nmod")
                    and c.i in st.at
                    and (t.lemma_.lower() in TRANSPARENT_NOUNS)
                    and (not st.at[c.i].demonym or t.lemma_.lower() in ("economy", "market"))
                ):
                    # ("the Kazakh economy" is Kazakhstan's, but "Korean companies" are not Korea)
                    stack.append(c)
        elif t.pos_ == "NUM" and t.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
            # "to three of the countries, A, B and C": the items of the list the number picks from
            stack.extend(p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj")
        elif t.pos_ == "VERB" and t.dep_ in ("pcomp", "pobj", "conj", "xcomp"):
            # gerund objects: "mining and processing lithium"
            stack.extend(c for c in t.children if c.dep_ == "dobj")
        for c in t.children:
            if c.dep_ == "appos" and m is not None and m.label == "Person" and c.i in st.at and \
                    st.at[c.i].label in ("Firm", "Organization", "Country"):
                continue  # "Lee Won-hee, Hyundai Motor Company": the person's affiliation, not another party
            if c.dep_ == "appos" and m is not None and m.label in ("Firm", "Organization") and \
                    c.lemma_.lower() in ("part", "subsidiary", "unit", "affiliate", "arm", "division", "member"):
                continue  # "Samsung C&T, part of the Samsung Group, built it": whose part it is, not a second party
            if c.dep_ == "appos" and m is not None and m.label in ("Firm", "Organization") and \
                    c.left_edge.i > 0 and st.sdoc[c.left_edge.i - 1].text == "(" and \
                    (c.i not in st.at or st.at[c.i].label != m.label):
                continue  # "Korea's Human Resources Development Service (HRD Korea)": a short name, not a party
            if c.dep_ == "appos" and c.i in st.at and c.right_edge.i + 1 < len(st.sdoc) and \
                    (nxt := st.sdoc[c.right_edge.i + 1]).tag_ in ("MD", "VBZ", "VBD", "VBP") and \
                    nxt.pos_ in ("AUX", "VERB") and c.right_edge.i == st.at[c.i].end - 1 and \
                    st.sdoc[c.left_edge.i - 1].text == ",":
                continue  # "a stake in Balkhash TPP JSC, Samsung C&T will hold 40%": the subject of a clause of its own
            if c.dep_ == "appos" and c.i not in st.at and c.lemma_.lower() in ROLE_NOUNS and m is None:
                continue  # "a delegation led by Kang, Vice Chairman of the KCCI": a title is no second party
            if c.dep_ == "appos" and c.i in st.at and _names_noun_before(st, c) is not None and any(
                    r.dep_ == "relcl" and r.i < c.i for r in t.children):
                continue  # "with Tau-Ken Samruk, which will hold 51% of the joint venture, Kairakty Tungsten": the
                # name after the clause names the venture at its end, not a second party
            if c.dep_ in ("conj", "appos"):
                if c.dep_ == "conj" and any(x.dep_ == "case" and x.text in ("'s", "’s") for x in c.children):
                    continue  # "KIGAM and Kazakhstan's Committee of Geology": the owner of the next item, not one
                if c.dep_ == "conj" and _bracketed(st, c) and not _bracketed(st, tok):
                    continue  # "The Export-Import Bank of Korea (Korea Eximbank, Chairman and President Yoon
                    # Hee-sung) said ...": a note in brackets, not a second party
                if c.dep_ == "conj" and c.right_edge.i + 1 < len(st.sdoc) and \
                        st.sdoc[c.right_edge.i + 1].lemma_.lower() in SAY_VERBS and \
                        st.sdoc[c.left_edge.i - 1].text == "," and \
                        not any(x.dep_ in ("nsubj", "nsubjpass") for x in st.sdoc[c.right_edge.i + 1].children):
                    continue  # "... in Kyzyltas Mining LLP, the holder of the licence, the Ministry said": the source
                    # of the report, whose verb the parser left without a subject
                stack.append(c)
            elif c.dep_ == "prep" and (c.lower_ in ("such", "like", "including") or c.lower_ == "as" and any(
                    x.lower_ == "such" for x in c.children)):
                # "Korean firms such as A and B": the parser may hang "such" on "as"
                stack.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "amod" and c.lower_ == "such":
                pass
        # "such ... as": "corporations as Samsung"
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "as" and any(x.lower_ == "such" for x in t.children):
                stack.extend(p for p in c.children if p.dep_ == "pobj")
    # relative pronoun subjects stand for the noun the clause hangs on
    return out


def surface_list(st: DocState, i: int) -> list[Mention]:
    """A list read off the surface where the parse splits it: 'X, the Y industry, Z and W'."""
    return colon_list(st, i, determiners=True)


def colon_list(st: DocState, i: int, determiners: bool = False) -> list[Mention]:
    """The mentions of a list that follows a colon: names separated by commas and 'and', nothing else."""
    out: list[Mention] = []
    sdoc = st.sdoc
    sent_end = sdoc[i].sent.end if i < len(sdoc) else i
    while i < sent_end:
        m = st.at.get(i)
        if m is not None:
            if m not in out:
                out.append(m)
            i = max(i + 1, m.end)
        elif sdoc[i].text == "," or sdoc[i].lower_ in ("and", "as", "well"):
            i += 1
        elif determiners and sdoc[i].lower_ in ("the", "a", "an") and i + 1 in st.at:
            i += 1
        elif determiners and sdoc[i].text == "(":
            # skip a parenthesis: "Southern Russia (around Volgograd), Russian Far East (...)"
            j = i
            while j < sent_end and sdoc[j].text != ")":
                j += 1
            if j >= sent_end:
                break
            i = j + 1
        else:
            break
    return out


def semicolon_items(st: DocState, i: int) -> list[Mention]:
    """The heads of a list whose items are separated by semicolons ('A, who headed X; B, then in charge of Y; and
    C, president of Z'): the name that opens each item."""
    sdoc = st.sdoc
    sent_end = sdoc[i].sent.end if i < len(sdoc) else i
    if not any(sdoc[j].text == ";" for j in range(i, sent_end)):
        return []
    out: list[Mention] = []
    start = i
    for j in range(i, sent_end + 1):
        if j == sent_end or sdoc[j].text == ";":
            k = start
            while k < j and sdoc[k].lower_ in ("and", ",", "the"):
                k += 1
            m = st.at.get(k)
            if m is not None and m not in out:
                out.append(m)
            start = j + 1
    return out


def _titled_after_and(found: list[Token]) -> list[Token]:
    """'by Health Minister A and KOICA President B': the name after "and" and its title (capitalised words)."""
    if not found:
        return []
    doc = found[0].doc
    k = found[0].i + 1
    if k >= len(doc) or doc[k].lower_ != "and":
        return []
    j = k + 1
    while j < len(doc) and j - k <= 8 and (doc[j].text[:1].isupper() or doc[j].text == "-" or
                                           doc[j - 1].text == "-" and not doc[j - 1].whitespace_):
        j += 1
    return [doc[j - 1]] if j - 1 > k and doc[j - 1].pos_ == "PROPN" else []


def agents_of(verb: Token) -> list[Token]:
    agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if agents:
        # "was attended by Kim Jin-hoon, ..., and by Kwon Hyuk-jun": a second "by" the parser coordinates with the verb
        agents += [p for a in verb.children if a.dep_ in ("conj", "prep") and a.lower_ == "by" and a.pos_ == "ADP"
                   for p in a.children if p.dep_ == "pobj"]
        # ... or with the first "by": "was attended by A and by B"
        agents += [p for a in verb.children if a.dep_ == "agent" for b in a.children
                   if b.dep_ == "conj" and b.lower_ == "by" and b.pos_ == "ADP" for p in b.children if p.dep_ == "pobj"]
    if not agents and any(c.dep_ == "auxpass" for c in verb.children):
        # "is owned and operated by Uz-Kor Gas Chemical": participles joined by "and" share the "by" phrase of the last
        agents = [p for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN" and c.i > verb.i and
                  not any(x.dep_ in ("nsubj", "nsubjpass", "auxpass") for x in c.children)
                  for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if not agents and any(c.dep_ == "auxpass" for c in verb.children):
        # "was signed Tuesday in Dushanbe by Kim Jae-hoon": the parser may hang the "by" phrase on the place
        agents = [q for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "on")
                  for p in c.children if p.dep_ == "pobj" for b in p.children
                  if b.dep_ in ("prep", "agent") and b.lower_ == "by" for q in b.children if q.dep_ == "pobj"]
        if not agents:
            # "... signed in Tashkent by Health Minister A and KOICA President B, who ...": a person's name the
            # parser took apart may leave the "by" phrase deeper under the place, and B off the list
            agents = [q for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "on")
                      for b in c.subtree if b.dep_ in ("prep", "agent") and b.lower_ == "by" and b.i < c.right_edge.i
                      and not any(a.pos_ in ("VERB", "AUX") for a in b.ancestors
                                  if c.left_edge.i <= a.i <= c.right_edge.i)  # (not "a ceremony attended by")
                      for q in b.children if q.dep_ == "pobj"][:1]
            agents += _titled_after_and(agents)
    if agents:
        # a misparsed list "signed by A, B and C" may hang B and C on the verb as conjuncts
        agents += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return agents


# verbs whose object, not their subject, does what their infinitive says: "invited X to visit"
_OBJECT_CONTROL = frozenset({"invite", "ask", "urge", "encourage", "call", "allow", "help", "persuade", "request"})
# of those, the ones that only ask: what the one asked is to do is not done
_REQUESTS = frozenset({"ask", "invite", "urge", "encourage", "call", "persuade", "request"})


# verbs whose "to"-recipient does what their infinitive says: "granted a licence to X to mine"
_GRANT_TO = frozenset({"grant", "give", "award", "issue", "license"})
# verbs of giving money: the purpose they give it for ("lend $95 million to build a hospital") is done by the one who
# receives it, not by the one who gives it
MONEY_VERBS = frozenset({"lend", "finance", "fund", "co-finance", "cofinance", "allocate", "provide", "extend",
                         "grant", "donate", "disburse", "earmark", "pledge", "approve", "spend", "invest"})

# givers whose purpose clause is another's act (firms that "pledge" or "invest" money to build build it themselves)
_LENDING_VERBS = frozenset({"lend", "finance", "fund", "co-finance", "cofinance", "extend", "donate", "disburse",
                            "provide"})


def money_word(tok: Token) -> bool:
    """A loan, credit or grant, or an agreement on one ("a $60 million loan deal")."""
    words = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod"))}
    return bool(words & {"loan", "credit", "grant"})


def purpose_clauses(head: Token) -> list[Token]:
    """Infinitival purpose clauses of a verb or noun: "to build a hospital", "to improve health services"."""
    return [c for c in head.children if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.pos_ == "VERB"
            and c.i > head.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def purpose_targets(st: DocState, head: Token) -> list[Mention]:
    """What money is given for, read off its purpose clause: the projects it names and the country it is spent
    in ("a grant to improve health services in Tajikistan's Khatlon region")."""
    out: list[Mention] = []
    for clause in purpose_clauses(head):
        for t in clause.subtree:
            m = st.at.get(t.i)
            if m is not None and m not in out and len(m.ids) == 1 and not m.demonym and \
                    m.label in ("Project", "Country"):
                out.append(m)
    return out
_GO_TO = frozenset({"go", "fall", "pass"})  # "the contract has gone / fallen / passed to A": A received it

# verbs whose object did what their "for"-clause says: "thanked Y for visiting"
_THANK_VERBS = frozenset({"thank", "praise", "congratulate", "commend", "credit", "blame", "criticise", "criticize",
                          "honour", "honor", "reward", "fine", "punish"})


_INANIMATE = frozenset({"Location", "Country", "Project", "Sector", "Mineral", "Agreement", "Event", "Firm",
                        "Organization"})


_MADE_THINGS_VERBS = frozenset({"build", "construct", "erect", "finance", "fund", "commission", "complete", "design",
                                "equip", "operate", "run"})
_FUNDED_VERBS = frozenset({"finance", "fund", "sponsor", "bankroll"})


_PART_OF_NOUNS = frozenset({"subsidiary", "unit", "affiliate", "division", "arm", "part", "member"})


def named_before_comma(st: DocState, tok: Token) -> Mention | None:
    """The firm or body named right before the comma that opens the phrase or clause `tok` heads, on the surface:
    "X (ABBR), an agency ...", "X (ABBR), which ..."."""
    sdoc = st.sdoc
    k = tok.left_edge.i - 1
    if k < 1 or sdoc[k].text != ",":
        return None
    k -= 1
    if sdoc[k].text == ")":
        while k > 0 and sdoc[k].text != "(":
            k -= 1
        k -= 1
    m = st.at.get(k)
    return m if m is not None and m.end == k + 1 and m.label in ("Organization", "Firm") and len(m.ids) == 1 \
        else None


# what works do, never their place: "the complex in the Balkan velayat, which produces polyethylene"
_WORKS_VERBS = frozenset({"produce", "manufacture", "make", "refine", "smelt", "generate"})


def _relative_head(st: DocState, clause: Token) -> list[Mention]:
    """What a relative clause is about. "such corporations as Samsung, Hyundai and Kia, which operate in ...": the
    whole list (the verb agrees with a plural); "Sung Yun-mo, who headed MOTIE; Beibut Atamkulov, ...": only its
    own noun (a singular verb, or list items set apart by semicolons)."""
    head = clause.head
    own = st.at.get(head.i)
    near = named_before_comma(st, clause)
    if (own is None or own.label in ("Agreement", "Mineral", "Sector")) and near is not None and \
            head.i < near.start and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who")
                                        for c in clause.children):
        # "a long-term contract to supply natural uranium to Korea Hydro & Nuclear Power (KHNP), which already buys
        # about a fifth of its uranium from Kazakhstan": the parser hung the clause on a common noun further back;
        # the body named right before its comma is what it is about
        return [near]
    if own is not None and own.label in ("Firm", "Organization") and head.dep_ == "pobj" and \
            head.head.lower_ == "of" and head.head.head.dep_ == "appos" and \
            head.head.head.lemma_.lower() in _PART_OF_NOUNS and head.head.head.head.i in st.at and \
            st.at[head.head.head.head.i].label in ("Firm", "Organization") and clause.left_edge.i > 0 and \
            st.sdoc[clause.left_edge.i - 1].text == ",":
        # "Daedong Precision Uzbekistan, a wholly owned subsidiary of Daedong Precision, which will invest $34
        # million": the clause after the apposition is about the firm the apposition describes
        return [st.at[head.head.head.head.i]]
    if own is not None and own.label == "Location" and head.dep_ == "pobj" and \
            clause.lemma_.lower() in _WORKS_VERBS | {"commission"} and \
            any(c.lower_ in ("which", "that") for c in clause.children):
        # "the Kiyanly gas chemical complex on the Caspian coast in the Balkan velayat, which was commissioned in 2018
        # and produces polyethylene": the works the places are of, not the last place
        t = head
        while t.dep_ == "pobj" and t.head.lower_ in ("in", "on", "at", "near") and t.head.head.i != t.head.i:
            t = t.head.head
            works = st.at.get(t.i)
            if works is not None and works.label == "Project":
                return [works]
            # ("built the complex on the Caspian coast": or the works of the verb the places hang on)
            done = [st.at[c.i] for c in t.children if t.pos_ == "VERB" and c.dep_ in ("dobj", "nsubjpass")
                    and c.i in st.at and st.at[c.i].label == "Project"]
            if done:
                return done[:1]
    if own is not None and own.label in _INANIMATE and any(c.lower_ == "who" for c in clause.children):
        # "Koryoin, ethnic Koreans whose families settled across Central Asia, who live in Uzbekistan": "who" is
        # never a place or a thing; the parser hung the clause on the nearest noun, the people come before it
        people = [st.at[t.i] for t in head.sent if t.i < own.start and t.i in st.at
                  and st.at[t.i].label in ("Group", "Person")]
        return people[-1:]
    if own is None and head.dep_ == "appos" and head.head.i in st.at and st.at[head.head.i].label == "Person":
        # "Hee-Sung Yoon, a vice president of Eximbank who also heads ...": the clause on the title is about the
        # person the title describes
        return [st.at[head.head.i]]
    if own is not None and own.label == "Location" and clause.lemma_.lower() in _MADE_THINGS_VERBS:
        # "the Cholpon-Ata resort complex on the shore of Lake Issyk-Kul, which is being built by ...": a place is
        # not built; the project the place phrase hangs on is
        t = head
        for _ in range(4):
            if t.head.i == t.i:
                break
            t = t.head
            if t.i in st.at and (st.at[t.i].label == "Project" or clause.lemma_.lower() in _FUNDED_VERBS and
                                 st.at[t.i].label in ("Organization", "Firm")):
                # ("the Korean Education Centre in Tashkent, which is funded by the Ministry of Education": a
                # place is not funded; the body the place phrase hangs on is)
                return [st.at[t.i]]
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    singular = clause.tag_ == "VBZ" or bool(auxes & {"is", "was", "has"}) or clause.lower_ in ("is", "was", "has")
    plural = clause.tag_ == "VBP" or bool(auxes & {"are", "were", "have"}) or clause.lower_ in ("are", "were", "have")
    if own is not None and (singular or not plural and ";" in head.sent.text):
        return [own]
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if own is not None and first is not head and first.i in st.at and clause.left_edge.i > 0 and \
            st.sdoc[clause.left_edge.i - 1].text == ",":
        # "Hyundai Engineering and LX International, which built the plant": set off by a comma after a list, the
        # clause is about the whole list, though the parser hangs it on the last item
        return expand(st, first)
    return expand(st, head)


def _titled_people(st: DocState, verb: Token, found: list[Mention]) -> list[Mention]:
    """"Turkmenistan's Deputy Foreign Minister A and South Korea's Vice Minister of Trade B opened the event": the
    small parser hangs the second titled name inside the first title; every person named in a subject headed by a
    title, after an "and", is a subject too."""
    subs = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in ROLE_NOUNS]
    if not subs or not any(m.label == "Person" for m in found):
        return []
    tokens = list(subs[0].subtree)
    first = min(m.start for m in found if m.label == "Person")
    joined = [t.i for t in tokens if t.lower_ == "and" and t.i > first]
    if not joined:
        return []
    return [st.at[t.i] for t in tokens if t.i > joined[0] and t.i in st.at and st.at[t.i].label == "Person"
            and st.at[t.i] not in found and t.i == st.at[t.i].start]


def _listed_agents(st: DocState, verb: Token, found: list[Mention]) -> list[Mention]:
    """'The ceremony was attended by Minister of Health A, Ambassador of the Republic of Korea to the Kyrgyz Republic
    B, and KOICA Country Director C': the parser scatters a list of titled names after "by" beyond the agent's own
    subtree (which the listed-agent verbs read); on the surface, every person named after the "by" with no verb
    before them in the list is an agent too, whatever the verb."""
    by = [a for a in verb.children if a.dep_ == "agent" and a.lower_ == "by"]
    if not by or not any(m.label == "Person" for m in found):
        return []
    out: list[Mention] = []
    for t in verb.sent:
        if t.i <= by[0].i:
            continue
        m = st.at.get(t.i)
        if m is None and (t.pos_ in ("VERB", "AUX", "SCONJ") or t.text in (";", ":") or t.tag_ in ("WP", "WDT") or
                          t.pos_ == "ADP" and t.lower_ not in ("of", "to", "for", "among", "at")):
            break  # (not "... in the presence of X", "with X as his deputy", "after X approved"; a word of a name
            # the tagger takes for a verb, "Hong Hyun-sung", is no verb)
        if m is not None and m.label == "Person" and t.i == m.start and m not in found and m not in out:
            out.append(m)
    return out


def _witnessed(tok: Token, top: Token) -> bool:
    """Is the token inside an "in the presence of" (or "witnessed by") phrase below `top`?"""
    t = tok
    for _ in range(8):
        if t.i == top.i or t.head.i == t.i:
            return False
        if t.lemma_.lower() in ("presence", "witness") and t.i != tok.i:
            return True
        t = t.head
    return False


def subjects_of(st: DocState, verb: Token) -> tuple[list[Mention], bool]:
    """Subject entities of a verb (see _subjects_of), with the partners a subject brings "together with" it."""
    found, passive = _subjects_of(st, verb)
    if not found and any(c.dep_ == "auxpass" for c in verb.children):
        # "The Forum was launched in 2007 at the initiative of Korea": who took the initiative did it
        found = [m for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on") for p in c.children
                 if p.dep_ == "pobj" and p.lemma_.lower() == "initiative" for x in p.children
                 if x.dep_ == "prep" and x.lower_ == "of" for q in x.children if q.dep_ == "pobj"
                 for m in expand(st, q)]
        passive = passive or bool(found)
    if found and not passive:
        found += _titled_people(st, verb, found)
        found += _first_of_described_pair(st, verb, found)
    if not passive and verb.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                              for a in verb.children) and \
            verb.head.lemma_.lower() in ("set", "establish", "found", "create", "form") and verb.head.i < verb.i:
        # "agreed to set up a joint venture, Kensu Tungsten, to develop the deposit": the venture does what it is
        # set up for, with its founders
        found += [m for c in verb.head.children if c.dep_ == "dobj" and c.lemma_.lower() in ("venture", "company")
                  for m in expand(st, c) if m.label == "Firm" and m not in found]
    if found:
        # "hosted by the agency together with the city government": the agent's partner is an agent too
        heads = [verb, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))] if not passive else \
            [*agents_of(verb), *([verb] if agents_of(verb) else [])]
        # ("built in 2018 by A and B together with C": the parser may hang "together with" on the participle)
        for h in heads:
            for c in h.children:
                if c.lower_ in ("together", "along", "jointly") and c.dep_ == "advmod":
                    found += [m for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                              for q in p.children if q.dep_ == "pobj" for m in expand(st, q) if m not in found]
                elif c.dep_ == "prep" and c.lower_ == "with" and h.i + 1 < len(st.sdoc) and \
                        st.sdoc[c.i - 1].lower_ in ("together", "along", "jointly"):
                    found += [m for q in c.children if q.dep_ == "pobj" for m in expand(st, q) if m not in found]
    return found, passive


def _first_of_described_pair(st: DocState, verb: Token, found: list[Mention]) -> list[Mention]:
    """'In October KOGAS and the state concern Turkmengeologiya signed ...', 'Hyundai Engineering and Turkmen state gas
    firm Turkmengaz signed ...': when the second of two parties comes after a descriptor, the parser may hang the
    first elsewhere (on "In October", or as a modifier of the descriptor); the name before "and" is a subject too."""
    sdoc = st.sdoc
    named = [m for m in found if m.label in ("Firm", "Organization") and not m.demonym and m.end <= verb.i]
    if not named:
        return []
    m = min(named, key=lambda x: x.start)
    k = m.start - 1
    if k < 2 or not sdoc[k].is_lower or sdoc[k].lemma_.lower() not in FIRM_NOUNS | ORG_WORDS:
        return []
    # (back over the descriptor: common words, an article, a nationality)
    while k > m.start - 7 and k > 0 and sdoc[k].lower_ != "and" and (
            sdoc[k].is_lower and sdoc[k].pos_ in ("NOUN", "ADJ", "DET", "PUNCT") and sdoc[k].text != "," or
            k in st.at and st.at[k].demonym):
        k -= 1
    first = st.at.get(k - 1)
    if sdoc[k].lower_ != "and" or first is None or first.end != k or first.demonym or first in found or \
            first.label not in ("Firm", "Organization", "Country") or \
            first.start > 0 and sdoc[first.start - 1].lower_ in ("with", "between", "by", "of", "from", "to", "for"):
        return []
    return [first]


_PERMITS = frozenset({"licence", "license", "permit", "right", "concession", "mandate"})
_OBTAIN_VERBS = frozenset({"receive", "obtain", "win", "get", "secure", "hold", "acquire"})


_PLAN_NOUNS = frozenset({"proposal", "plan", "intention", "offer", "initiative", "idea", "proposition"})


def _clause_in_apposition(st: DocState, verb: Token) -> bool:
    """'under a framework arrangement the two governments signed in 2022': the parser takes the clause's subject
    for an apposition of the document and the verb for a participle on it. True when a verb reads so: a
    participle with no agent or auxiliary on a definite noun in apposition to a named agreement or project."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ == "appos" and head.i < verb.i and \
        head.head.i in st.at and st.at[head.head.i].label in ("Agreement", "Project") and head.i in st.at and \
        st.at[head.i].label in ("Country", "Firm", "Organization", "Person") and \
        any(c.dep_ in ("det", "poss", "nummod") for c in head.children) and \
        not any(c.dep_ in ("agent", "auxpass", "aux", "nsubj", "nsubjpass") for c in verb.children)


def _subject_before_participle(st: DocState, verb: Token) -> list[Mention]:
    """'the OKA, launched in June 2023 as an agency under the ministry, would give 1.5 billion won': the parser may
    take the participle between commas for the clause's verb, with the name as its subject, and leave the verb after
    the second comma without one; the name is that verb's subject."""
    first = min((c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i), default=verb.i)
    if first < 2 or st.sdoc[first - 1].text != "," or verb.head.i == verb.i:
        return []
    # (the participle that ends right before that comma, a sibling of the verb, set off by a comma from its subject)
    participle = next((c for c in verb.head.children if c.tag_ == "VBN" and c.dep_ in ("ccomp", "conj", "advcl")
                       and c.i < verb.i and c.right_edge.i in (first - 2, first - 1)), None)
    if participle is None or st.sdoc[participle.i - 1].text != ",":
        return []
    subject = next((x for x in participle.children if x.dep_ == "nsubj" and x.i < participle.i), None)
    if subject is None:
        return []
    return [m for m in expand(st, subject) if m.label in ("Country", "Firm", "Organization", "Person")]


def _names_after_fronted_phrase(st: DocState, verb: Token) -> list[Mention]:
    """'In the presence of Lee and Mirziyoyev, Korea Zinc and Uzbekistan's Almalyk MMC signed ...': after an opening
    phrase the parser may take the names before the verb into that phrase and leave the verb without a subject; the
    names between the phrase's comma and the verb (nothing else there) are its subject."""
    sdoc = st.sdoc
    if verb.pos_ != "VERB" or verb.dep_ != "ROOT" or any(c.dep_ in ("auxpass", "aux") for c in verb.children):
        return []
    comma = next((k for k in range(verb.i - 1, verb.sent.start, -1) if sdoc[k].text == ","), None)
    if comma is None or not any(c.dep_ == "prep" and c.i < comma for c in verb.children):
        return []
    found: list[Mention] = []
    k = comma + 1
    while k < verb.i:
        m = st.at.get(k)
        if m is not None and m.start == k and m.end <= verb.i:
            if not (m.end < verb.i and sdoc[m.end].lower_ in ("'s", "’s")) and not m.demonym:
                found.append(m)
            k = m.end
        elif sdoc[k].lower_ in ("and", ",", "the", "'s", "’s"):
            k += 1
        else:
            return []  # (words that are no names: not a list of names)
    return [m for m in found if m.label in ("Country", "Firm", "Organization", "Person")]


def _subjects_of(st: DocState, verb: Token) -> tuple[list[Mention], bool]:
    """Subject entities of a verb, climbing through xcomp/pcomp chains; (mentions, passive)."""
    if verb.dep_ == "acl" and _clause_in_apposition(st, verb):
        return expand(st, verb.head), False
    invitation = verb.head if verb.dep_ == "acl" else next(
        (c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None) if verb.dep_ in ("advcl", "xcomp") \
        else None
    if invitation is not None and invitation.lemma_.lower() in ("invitation", "call", "request") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in verb.children) and any(
            c.dep_ == "prep" and c.lower_ == "to" and c.i < verb.i
            for c in (*invitation.children, *(verb.head.children if invitation is not verb.head else ()))):
        # "Kim conveyed an invitation from President Lee to Rahmon to attend the summit": an invitation passed on to
        # someone is not yet done by anyone (not by the one who conveys it; "Lee accepted Tokayev's invitation to
        # attend": the one who accepts does it)
        return [], False
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _PLAN_NOUNS and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        # "a proposal by Hyundai E&C to build a plant", "Hyundai's plan to build": whose proposal it is
        owners = [m for c in verb.head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                  for p in c.children if p.dep_ == "pobj" for m in expand(st, p)]
        owners += [m for c in verb.head.children if c.dep_ == "poss" and c.i in st.at for m in [st.at[c.i]]]
        if owners:
            return owners, False
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in AGREEMENT_HEADS and verb.head.dep_ == "dobj" and \
            verb.head.head.lemma_.lower() in SIGNING_VERBS and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        # "Korea Zinc and AMMC signed a $620 million agreement to build a plant": the signers are to do what the
        # agreement is for
        return _subjects_of(st, verb.head.head)
    if verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in _PERMITS and verb.head.dep_ == "dobj" and \
            verb.head.head.lemma_.lower() in _OBTAIN_VERBS and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                   for a in verb.children):
        # "Mirae Mining received a licence to explore for lithium": who holds the licence does what it allows
        return _subjects_of(st, verb.head.head)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lemma_.lower() in ("capable", "able") \
            and verb.head.head.dep_ == "amod" and verb.head.head.head.i in st.at:
        # "a plant capable of producing 1.15 million tonnes of urea": the thing the adjective describes does it
        return expand(st, verb.head.head.head), False
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":
        # "President Lee held talks with President Tokayev": the parser may take "held" for a modifier of the noun
        # and hang the subject on it
        subs = [s for c in verb.children if c.dep_ == "amod" and c.tag_ in ("VBN", "VBD") and c.i < verb.i
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            return [m for x in subs for m in expand(st, x)], False
        # "Some 175,000 Koryo-saram live in Uzbekistan": an unknown name before a verb makes the parser read
        # "saram live" as one noun; the name it took for a modifier is the subject
        named = [st.at[c.i] for c in verb.children if c.dep_ == "compound" and c.i < verb.i and c.i in st.at
                 and st.at[c.i].end == verb.i]
        if named:
            return named, False
    agents = agents_of(verb)
    if agents:
        found = [m for a in agents for m in expand(st, a)]
        if verb.lemma_.lower() in _LISTED_AGENT_VERBS:
            # "attended by Minister A, Ambassador of Korea to Uzbekistan B and C, country director of ...": everyone
            # named in the "by" phrase, however the parser scatters a list of titled people
            found += [st.at[x.i] for a in agents for x in a.subtree if x.i in st.at and st.at[x.i].label == "Person"
                      and x.i == st.at[x.i].end - 1 and st.at[x.i] not in found and not _verb_between(x, a)
                      and not _witnessed(x, a)]
        if verb.lemma_.lower() != "witness":
            # "signed by A and B in the presence of Mayor C": those in whose presence it was done did not do it
            found = [m for m in found if not _witnessed(st.sdoc[m.end - 1], verb)]
        return found + _listed_agents(st, verb, found), True
    inverted = _inverted_subjects(st, verb)
    if inverted:
        return inverted, False
    t: Token = verb
    for _ in range(6):
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if not subs and t is verb and (before := _subject_before_participle(st, verb)):
            return before, False
        if not subs and t is verb and (fronted := _names_after_fronted_phrase(st, verb)):
            return fronted, False
        if not subs and t is verb:
            # "Vice Minister Cho Tae-yul visited Dushanbe": the parser may take the title for an adverb of the verb
            # and hang the name on it; the titled person is the subject
            titled = [st.at[x.i] for c in t.children if c.dep_ == "npadvmod" and c.i < t.i and
                      c.lemma_.lower() in ROLE_NOUNS for x in c.children
                      if x.dep_ == "appos" and x.i in st.at and st.at[x.i].label == "Person"]
            if titled:
                return titled, False
        if subs:
            s = subs[0]
            if (
                s.lower_ in ("it", "he", "she", "they")
                and t.dep_ in ("ccomp", "conj")
                and t.head.lemma_.lower() in SAY_VERBS | {"confirm", "accept", "agree", "promise"}
            ):
                # "KT&G announced that it had completed ...": the pronoun is the announcer
                t = t.head
                continue
            if len(subs) > 1 and all(x.dep_ == "nsubj" for x in subs):
                # the parser sometimes gives "A and B" as two subjects instead of a conjunction
                return [m for x in subs for m in expand(st, x)], False
            if s.lower_ in ("which", "who", "that") and t.dep_ == "relcl":
                return _relative_head(st, t), False
            if s.lower_ in ("himself", "herself", "itself", "themselves") and s.i >= 3 and \
                    st.sdoc[s.i - 1].dep_ == "aux" and st.sdoc[s.i - 2].lower_ in ("who", "which") and \
                    st.sdoc[s.i - 3].text == "," and s.i - 4 in st.at:
                # "Mirziyoyev, who had himself visited Seoul": the parser takes the intensifier for the subject and
                # the relative pronoun for the auxiliary's; the clause is about the name before the comma
                return [st.at[s.i - 4]], False
            if t.dep_ == "relcl" and s.lower_ in ("both", "all", "each", "most", "many", "some", "several") and any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in ("which", "whom") for p in c.children)
                    for c in s.children):
                # "Samsung C&T and Hyundai E&C, both of which operate in the country": the list the clause is on
                # (the list right before the comma, where the parser hangs the clause on a noun before it:
                # "support for Korean companies doing business there, including A and B, both of which operate")
                return _list_before(st, s.i - 1) or expand(st, t.head), False
            if s.lower_ in ("it", "they") and t.dep_ == "relcl" and t is verb:
                # "the akimat cancelled a memorandum that it had signed with K-eco", "LH will build homes under an
                # agreement it signed with the khokimiyat": the pronoun is the subject of the clause the noun is in
                v = t.head
                while v.dep_ in ("dobj", "pobj", "prep", "conj", "appos") and v.head.i != v.i:
                    v = v.head
                    if v.pos_ in ("VERB", "AUX"):
                        found, passive = _subjects_of(st, v)
                        if found and passive and s.lower_ == "it" and len({i for m in found for i in m.ids}) == 1:
                            # "The park will be developed by LH under an agreement it signed with the khokimiyat":
                            # the one agent of a passive is who "it" is
                            return found, False
                        return (found, False) if found and not passive else ([], False)
                return [], False
            prior = s.i - 2
            if prior > 0 and st.sdoc[prior].text == ")":
                # ("the Korea International Cooperation Agency (KOICA), which also financed ...": past the brackets)
                opening = next((k for k in range(prior - 1, max(0, prior - 8), -1) if st.sdoc[k].text == "("), None)
                prior = opening - 1 if opening is not None else prior
            if s.lower_ in ("which", "who") and s.i >= 2 and st.sdoc[s.i - 1].text == "," \
                    and prior in st.at:
                # "the Center ..., which operates under ...": a relative clause the parser hung elsewhere is
                # about the name just before it
                return [st.at[prior]], False
            if s.dep_ == "nsubjpass" and t is not verb and verb.dep_ == "xcomp" and not any(
                    c.dep_ == "auxpass" for c in verb.children):
                # "Yoon was scheduled to make state visits": the subject of a passive raising verb does
                # the active verb it governs
                return expand(st, s), False
            if s.dep_ == "nsubjpass":
                agents = [
                    p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                ]
                if not agents and t is not verb:
                    agents = [
                        p for a in t.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                    ]
                return [m for a in agents for m in expand(st, a)], True
            found = expand(st, s)
            return _surface_coordinated(st, found) + found, False
        if t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX") and t.head.i in st.at and \
                st.at[t.head.i].label in ("Firm", "Organization", "Country", "Person") and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.head.children):
            # "POSCO International plans to invest ...": the tagger took the name for a verb and "plans" for its
            # object; the name is the subject
            return [st.at[t.head.i]], False
        if t.dep_ == "conj" and t.head.i != t.i and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("percent", "%", "stake", "share") and any(
                    p.dep_ == "prep" and any(w.lower_ in ("which", "whom") for w in p.children) for p in c.children)
                for c in t.head.children):
            # "Kazatomprom, 75 percent of which is held by Samruk-Kazyna, signed the deal": the verb the parser
            # joined to the relative clause belongs to the name before the comma
            firsts = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in st.at]
            return (expand(st, firsts[0]) if firsts else []), False
        if t.dep_ in ("xcomp", "pcomp", "prep", "acomp", "conj", "advcl", "ccomp") and t.head.i != t.i:
            if t.dep_ == "relcl":
                break
            if t.dep_ == "pcomp" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in _THANK_VERBS:
                # "X thanked Y for visiting Kyrgyzstan": Y visited, not X
                objs = [c for c in t.head.head.children if c.dep_ == "dobj"]
                if objs:
                    return [m for o in objs for m in expand(st, o)], False
            if t.dep_ in ("xcomp", "advcl") and t.head.lemma_.lower() in _OBJECT_CONTROL:
                # "Lee invited Tokayev to pay a visit": the one invited does what follows, not the inviter (and
                # when the invitee is a pronoun left unresolved, nobody known does it); "urged Korean businesses
                # to invest": asked to, not done
                if t.head.lemma_.lower() in _REQUESTS and t is verb:
                    return [], False
                objs = [c for c in t.head.children if c.dep_ == "dobj"]
                if objs:
                    return [m for o in objs for m in expand(st, o)], False
            if t.dep_ in ("xcomp", "advcl") and t is verb and (t.head.lemma_.lower() in _LENDING_VERBS or any(
                    o.dep_ == "dobj" and money_word(o) for o in t.head.children)) and \
                    any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
                # "Eximbank will lend Uzbekistan $95 million to build a hospital": the lender does not build it
                return [], False
            if t.dep_ in ("xcomp", "advcl") and t.head.lemma_.lower() in _GRANT_TO:
                # "granted a licence to Kumtor Gold Company to mine gold": the recipient mines it
                recipients = [p for c in t.head.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                              for p in c.children if p.dep_ == "pobj"]
                if recipients:
                    return [m for r in recipients for m in expand(st, r)], False
            t = t.head
            continue
        if t.dep_ in ("dobj", "attr") and t.pos_ == "NOUN" and t is not verb and t.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "prep" and c.i > t.i or c.dep_ == "xcomp" and c.i > t.i and c.pos_ == "VERB"
                        for c in t.children):
            # ("announced plans to build a plant": the parser hangs the infinitive on the noun)
            # "A and B expressed interest in cooperating in ...": the subject of the clause that owns the noun
            t = t.head
            continue
        if t.dep_ == "acl" and t.head.lemma_.lower() in ("invitation", "invite", "call", "appeal", "request") and \
                t.head.head.lemma_.lower() not in ("accept", "take"):
            # "extended an invitation to Tokayev to visit Seoul": invited to, not done (but "Lee accepted Tokayev's
            # invitation to attend the summit": the one who accepts does it)
            return [], False
        if (
            t.dep_ == "acl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            and t.head.dep_ in ("dobj", "attr")
            and t.head.head.pos_ in ("VERB", "AUX")
        ):
            # "We express readiness to continue cooperation": the subject of the clause that owns the noun
            if t.head.head.lemma_.lower() in _GRANT_TO:
                # "Kyrgyzstan granted a license to mine gold (to Kumtor)": the one it is granted to does it, the
                # grantor does not
                recipients = [p for c in t.head.head.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                              for p in c.children if p.dep_ == "pobj"]
                recipients += [c for c in t.head.head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
                return [m for r in recipients for m in expand(st, r)], False
            t = t.head.head
            continue
        if t.dep_ == "relcl":
            return _relative_head(st, t), False
        if t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and (
                t.head.dep_ == "nsubjpass" and t.head.head.lemma_.lower() in _GRANT_TO
                or t.head.dep_ == "nsubj" and t.head.head.lemma_.lower() in _GO_TO):
            # "a contract to build the plant was awarded to A", "... has gone to A": whoever receives it builds
            recipients = [p for c in t.head.head.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                          for p in c.children if p.dep_ == "pobj"]
            if recipients:
                return [m for r in recipients for m in expand(st, r)], False
        if t.dep_ == "acl":
            agents = [
                p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
            ]
            if agents:
                return [m for a in agents for m in expand(st, a)], True
            if t.tag_ == "VBG" and t is verb:
                # "ethnic Koreans living in the post-Soviet states": a present participle's doer is its noun
                return expand(st, t.head), False
        break
    # passive with agent but no expressed subject: "signed by KIGAM, ..."
    agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if not agents and t.dep_ == "ROOT":
        fronted = _fronted_subjects(st, t)
        if fronted:
            return fronted, False
        if t.tag_ in ("VBP", "VBZ", "VBD"):
            # "About 100,000 Koryo-saram live in ...": the small model may read a plural name before a finite
            # verb as a compound of the verb and leave it without a subject; the name is the subject
            named = [st.at[c.i] for c in t.children if c.dep_ == "compound" and c.i < t.i and c.i in st.at]
            if named:
                return named[-1:], False
    return [m for a in agents for m in expand(st, a)], True


def _mention_root(st: DocState, m: Mention) -> Token:
    """The token of a mention whose head lies outside it: where the parser hangs the mention."""
    span = st.sdoc[m.start:m.end]
    return next((t for t in span if not m.start <= t.head.i < m.end or t.head.i == t.i), span.root)


def _list_before(st: DocState, comma: int) -> list[Mention]:
    """The names listed right before a comma, of one kind ("A, B and C,"): read off the surface, last first."""
    sdoc = st.sdoc
    if comma < 1 or sdoc[comma].text != "," or comma - 1 not in st.at:
        return []
    found = [st.at[comma - 1]]
    k = found[0].start
    while k >= 2 and sdoc[k - 1].lower_ in (",", "and") and k - 2 in st.at and \
            st.at[k - 2].label == found[0].label and st.at[k - 2] not in found:
        found.append(st.at[k - 2])
        k = found[-1].start
    return found if len(found) >= 2 else []


def _surface_coordinated(st: DocState, found: list[Mention]) -> list[Mention]:
    """'KOMIR and Tau-Ken Samruk have agreed': a hyphenated name can break the parse so that the first item of the
    subject is left as a root of its own; on the surface it is "X and" right before the subject."""
    if not found:
        return []
    first = min(found, key=lambda m: m.start)
    k = first.start
    sdoc = st.sdoc
    while k >= 3 and sdoc[k - 1].is_lower and sdoc[k - 1].pos_ in ("NOUN", "ADJ") and \
            sdoc[k - 1].dep_ in ("compound", "amod", "nmod") and k <= sdoc[k - 1].head.i < first.end:
        k -= 1  # "KEPCO and Kazakhstan's grid operator KEGOC": a description before the name is part of the item
    if k >= 2 and sdoc[k - 1].text in ("'s", "’s") and k - 2 in st.at and st.at[k - 2].label == "Country":
        k = st.at[k - 2].start  # "A and South Korea's Ministry of Science": the possessive opens the second item
    if k < 2 or sdoc[k - 1].lower_ != "and" or k - 2 not in st.at:
        return []
    prev = st.at[k - 2]
    root, head = _mention_root(st, prev), _mention_root(st, first)
    bodies = ("Firm", "Organization")
    if prev in found or not (prev.label == first.label or prev.label in bodies and first.label in bodies) or \
            root.sent.start != sdoc[k].sent.start:
        return []
    # the first item left as a root of its own, or hung inside the second ("nmod" of its head)
    if root.dep_ != "ROOT" and not (root.dep_ in ("nmod", "compound", "poss") and root.head.i == head.i) and not (
            root.dep_ == "conj" and root.head.pos_ == "NOUN" and root.head.i < root.i and not (
                root.head.i in st.at and st.at[root.head.i].label in ("Firm", "Organization", "Country", "Person"))):
        # (or hung as a conjunct on a noun before it: "Under another memorandum, KEPCO and ...")
        return []
    return [prev]


def _inverted_subjects(st: DocState, verb: Token) -> list[Mention]:
    """'Signing the agreement were Minister A and CEO B', 'Attending the ceremony were A, B and C': a participle
    opening the sentence, then a form of "be", then who did it (the parser makes them objects of the participle)."""
    if verb.tag_ != "VBG" or verb.i != verb.sent.start:
        return []
    be = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" and c.i > verb.i]
    if not be and verb.dep_ in ("nsubj", "csubj") and verb.head.lemma_ == "be" and verb.head.i > verb.i:
        be = [verb.head]  # ("Attending were ...": the parser may make the participle the subject of "were")
    if not be or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < be[0].i for c in verb.children):
        return []
    after = [c for h in (verb, be[0]) for c in h.children if c.i > be[0].i and c.dep_ in ("dobj", "attr", "nsubj")]
    found: list[Mention] = []
    for c in sorted(after, key=lambda x: x.i):
        found += [m for m in expand(st, c) if m.label in ("Person", "Country", "Firm", "Organization")
                  and m not in found]
    # the parser scatters a long list: everyone named after the verb "be" is in it
    for t in verb.sent:
        m = st.at.get(t.i)
        if t.i > be[0].i and m is not None and m.label == "Person" and m not in found:
            found.append(m)
    if any(m.label == "Person" for m in found):
        # "Attending were Kim Min-soo, Samsung C&T; Park Ji-sung, POSCO": a firm beside a person is affiliation
        found = [m for m in found if m.label == "Person"]
    return found


def _fronted_subjects(st: DocState, verb: Token) -> list[Mention]:
    """A subject the parser joined to a fronted phrase: in "On top of the budget, A and B had pledged loans" the
    small model makes A a conjunct (or, "On the sidelines of the forum, A and B signed", an apposition) of "budget"
    after the comma and leaves the verb without a subject. The names that follow the comma are the subject."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for obj in (c for c in prep.subtree if c.dep_ == "pobj"):
            conj = [c for c in obj.children if c.dep_ in ("conj", "appos") and c.i > obj.i]
            if not conj or st.sdoc[conj[0].left_edge.i - 1].text != ",":
                continue
            first = conj[0]
            names = [first, *(c for c in first.subtree if c.dep_ == "conj")]
            if all(n.i in st.at for n in names):
                return [st.at[n.i] for n in names]
    return []


def objects_of(
    st: DocState, verb: Token, preps: Iterable[str] = ("in", "into", "to", "with", "on", "for", "at")
) -> tuple[list[Mention], dict[str, list[Mention]]]:
    direct: list[Mention] = []
    by_prep: dict[str, list[Mention]] = {}
    for c in verb.children:
        worth = c.dep_ in ("oprd", "acomp", "advmod", "advcl") and c.lower_ == "worth"  # "yarn worth $50m to X"
        if (c.dep_ in ("dobj", "npadvmod", "prep") or worth) and (
                c.like_num or c.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or c.lower_ == "worth"
                or any(x.like_num or x.ent_type_ == "MONEY" for x in c.children)):  # "500 billion won"
            # "invested $500 million in X", "loans worth $300 million to Kyrgyzstan": phrases hang on the amount
            # (or on the last of several: "$500 million in loans and $1 billion in credits to Uzbekistan")
            for p in [x for a in (c, *c.conjuncts) for x in a.children]:
                if p.dep_ == "prep" and p.lower_ in preps:
                    by_prep.setdefault(p.lower_, []).extend(
                        m for q in p.children if q.dep_ == "pobj" for m in expand(st, q))
        if c.dep_ == "dative" and c.pos_ == "ADP":
            # "lend $100 million to Uzbekistan": the parser's dative is a prepositional phrase
            by_prep.setdefault(c.lower_, []).extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p))
        elif c.dep_ in ("dobj", "attr", "dative", "oprd"):
            direct.extend(expand(st, c))
        elif c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and verb.tag_ == "VBN" and any(
                x.dep_ == "auxpass" for x in verb.children) and any(x.dep_ == "agent" for x in verb.children):
            # ("KazPolyChem is 60 percent owned by UCC": the parser may call a passive's subject a plain subject)
            direct.extend(expand(st, c))
        elif c.dep_ == "auxpass" and verb.tag_ == "VBN" and any(x.dep_ == "agent" for x in verb.children) and \
                not any(x.dep_ in ("nsubj", "nsubjpass") for x in verb.children):
            # (or hang the subject on the passive's auxiliary)
            direct.extend(m for x in c.children if x.dep_ == "nsubj" for m in expand(st, x))
        elif c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                # "provides for exchanging information, joint exploration ...": a gerund object too
                if p.dep_ == "pobj" or p.dep_ == "pcomp" and p.tag_ == "VBG":
                    by_prep.setdefault(c.lower_, []).extend(expand(st, p))
        elif c.dep_ == "prt" and c.lower_ in ("in", "to"):
            pass
        elif "to" in preps and c.dep_ in ("advcl", "xcomp") and c.i > verb.i and c.i in st.at and \
                st.at[c.i].label in ("Country", "Firm", "Organization", "Project") and \
                any(x.dep_ == "aux" and x.lower_ == "to" and x.i == st.at[c.i].start - 1 for x in c.children):
            # "KEXIM will lend $650 million to Turkmengaz": the tagger may take a name after "to" for a verb
            by_prep.setdefault("to", []).append(st.at[c.i])
    if not direct and agents_of(verb):
        # "The project was to be carried out by a consortium": the climbed subject is the object
        t = verb
        for _ in range(3):
            subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subs and t.dep_ == "relcl" and all(x.lower_ in ("which", "that") for x in subs):
                # "the Balkhash plant, which is to be built by a consortium of A and B": what the clause is about
                direct.extend(_relative_head(st, t))
                break
            if subs:
                direct.extend(m for x in subs for m in expand(st, x))
                break
            if t is verb and t.dep_ in ("relcl", "acl") and t.tag_ == "VBN" and t.head.i < t.i and \
                    any(x.dep_ == "auxpass" for x in t.children):
                # "a Korean-Uzbek vocational college in Namangan, to be financed by KOICA": a passive infinitive on
                # a noun has that noun for its object
                direct.extend(_relative_head(st, t) if t.head.i in st.at and st.at[t.head.i].label == "Location"
                              else expand(st, t.head))
                break
            if t is verb and t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i < t.i and t.head.i not in st.at and \
                    t.head.dep_ == "appos" and t.head.head.i in st.at and \
                    st.at[t.head.head.i].label in ("Firm", "Organization", "Project"):
                # "Hyundai Trans Kazakhstan, the Almaty plant owned by Astana Motors": a participle on a description in
                # apposition to a name is about the name
                direct.append(st.at[t.head.head.i])
                break
            if t is not verb and t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i < t.i and verb.tag_ == "VBN" and \
                    verb.dep_ == "conj" and verb.head.i == t.i:
                # "The association, founded in 1990 and headed since 2011 by businessman Eduard Lim, ...": a second
                # participle joined to one on a noun describes that noun too
                direct.extend(expand(st, t.head))
                break
            if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
                break
            t = t.head
    if verb.dep_ == "relcl" and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("which", "that", "whom")
                                    for c in verb.children):
        # "the Kungrad soda plant, which Hyundai Engineering built in 2018": the relative pronoun object is the
        # noun the clause hangs on (or, for a place it hangs on, the project the place describes: _relative_head)
        direct.extend(_relative_head(st, verb) if verb.head.i in st.at and st.at[verb.head.i].label == "Location"
                      else expand(st, verb.head))
    elif verb.dep_ == "relcl" and verb.head.i < verb.i and verb.head.i in st.at and \
            any(c.dep_ == "nsubj" for c in verb.children) and not any(
                c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "advmod", "mark") or
                c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children) and \
            not any(t.tag_ in ("WDT", "WP", "WRB", "WP$") for t in st.sdoc[verb.head.i + 1:verb.i]):
        # "under a framework arrangement the two governments signed in 2022", "the plant Hyundai built": a
        # relative clause with no pronoun has the noun it hangs on for its object
        direct.extend(expand(st, verb.head))
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        # "Uzbekistan, where Korean firms run 900 joint ventures": where the clause happens is its noun
        by_prep.setdefault("in", []).extend(m for m in expand(st, verb.head) if m.label in ("Country", "Location"))
    if verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.head.lemma_ == "be" and \
            any(a.dep_ == "agent" for a in verb.children):
        # "The forum was co-organised by KOTRA and ...": the parser reads the hyphenated participle as an adjective
        # of "was"; it is a passive whose subject is what is done
        direct.extend(m for c in verb.head.children if c.dep_ == "nsubj" for m in expand(st, c))
    if verb.dep_ == "acl" and _clause_in_apposition(st, verb):
        direct.extend(expand(st, verb.head.head))
    elif verb.dep_ == "acl" and not direct and (any(c.dep_ in ("mark", "dobj") and c.lower_ in ("that", "which")
                                                    for c in verb.children) and
                                                any(c.dep_ == "nsubj" for c in verb.children) or
                                                verb.tag_ == "VBN" and verb.head.i not in st.at and
                                                verb.head.dep_ == "pobj"):
        # ("a memorandum of understanding on digital cooperation signed in Seoul by A and B": a participle hung
        # on the last noun of the document's name)
        # "a memorandum of understanding on critical minerals cooperation that the governments of A and B signed":
        # the parser hangs the relative clause on the last noun of the phrase; its object is the named thing the
        # phrase begins with
        t = verb.head
        for _ in range(7):
            if t.i in st.at and st.at[t.i].label in ("Agreement", "Project", "Event"):
                direct.extend(expand(st, t))
                break
            if t.dep_ not in ("pobj", "prep", "compound") or t.head.i == t.i:
                break
            t = t.head
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i in st.at:
        # "a Forum was held, attended by both presidents": a participle clause's head is its object
        direct.extend(expand(st, verb.head))
    elif verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and agents_of(verb) and \
            (built := _project_before_comma(st, verb)) is not None:
        # "appreciated the work of the gas chemical complex at Kiyanly in the Balkan velayat, built in 2018 by A
        # and B": the parser hangs the participle on the wrong noun or on the verb; what it describes is the
        # project right before its comma (after any phrases placing it)
        direct.append(built)
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "pobj" and \
            verb.head.head.lower_ in ("on", "for", "about") and verb.head.head.head.i in st.at and \
            st.at[verb.head.head.head.i].label == "Agreement":
        # "a framework agreement on grant aid signed by KOICA and the Ministry ...": the parser hangs the participle
        # on the agreement's topic; what is signed is the agreement
        direct.extend(expand(st, verb.head.head.head))
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lower_ in ("percent", "%") and \
            verb.head.head.lemma_ == "be":
        # "Sughd Korea Textile is 60 percent owned by Gyeongnam Textile": the parser hangs the participle on the
        # share; what is owned is the copula's subject
        direct.extend(m for c in verb.head.head.children if c.dep_ == "nsubj" for m in expand(st, c))
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lower_ in ("itself", "themselves") and \
            verb.head.head.dep_ == "relcl":
        # "Samruk-Energy, which is itself wholly owned by Samruk-Kazyna": the parser hangs the participle on
        # "itself"; what is owned is what the relative clause is about
        direct.extend(_relative_head(st, verb.head.head))
    elif verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.lemma_ == "be" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        # "The centrepiece was a memorandum ..., concluded between A and B": a participle after a copula's
        # complement describes the complement; "Signed in 2020, the deal is ...": one before it, the subject
        deps = ("attr",) if verb.i > verb.head.i else ("nsubj",)
        direct.extend(m for c in verb.head.children if c.dep_ in deps and (c.i < verb.i) == (verb.i > verb.head.i)
                      for m in expand(st, c))
    return direct, by_prep


_PLACING_WORDS = frozenset({"in", "at", "near", "on", "of", "the", "a", "an", "outside", "along", "across"})


def _project_before_comma(st: DocState, verb: Token) -> Mention | None:
    """The project named right before the comma that opens a participle clause, with only place phrases ("at
    Kiyanly in the Balkan velayat") between it and the comma; None when something else stands there."""
    k = verb.left_edge.i - 1
    if k < 1 or st.sdoc[k].text != "," or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                                              for c in verb.children):
        return None
    t = k - 1
    while t >= verb.sent.start:
        m = st.at.get(t)
        if m is not None and m.label == "Project":
            return m
        if m is not None and m.label in ("Location", "Country") and not m.demonym:
            t = m.start - 1
            continue
        if m is None and st.sdoc[t].lower_ in _PLACING_WORDS:
            t -= 1
            continue
        return None
    return None


# The stage a verb reports of the project it governs (directly or through "construction of")
STAGE_VERBS: dict[str, str] = {
    "suspend": "suspended", "halt": "suspended", "freeze": "suspended", "stop": "suspended", "pause": "suspended",
    "postpone": "suspended", "delay": "suspended", "cancel": "cancelled", "abandon": "cancelled",
    "scrap": "cancelled", "terminate": "cancelled", "complete": "completed", "finish": "completed",
    "commission": "completed", "inaugurate": "completed", "open": "completed", "start": "under_construction",
    "begin": "under_construction", "launch": "under_construction", "resume": "under_construction",
    "continue": "under_construction", "announce": "announced", "unveil": "announced", "win": "contracted",
    "award": "contracted", "secure": "contracted", "finance": "financed", "fund": "financed",
}


_BEGINNING_NOUNS = frozenset({"establishment", "opening", "restoration", "resumption"})
_RAISING_NOUNS = frozenset({"upgrade", "upgrading", "elevation"})


def relations_milestone(sent: Span, trigger: Token | None) -> str | None:
    """The milestone of two countries' relations a sentence states (a modality of their PARTNERS_WITH fact):
    'established diplomatic relations in January 1992', 'relations, established in 1992' (relations_established);
    'elevated their ties to a strategic partnership', 'a joint statement establishing a comprehensive partnership'
    (relations_upgraded); 'the 30th anniversary of diplomatic relations' (relations_anniversary). Of several, the
    one nearest the word the fact was read from; None when the sentence states none."""
    found: list[tuple[int, str]] = []
    for t in sent:
        if t.lemma_.lower() not in RELATION_NOUNS or t.pos_ not in ("NOUN", "PROPN"):
            continue
        ties = t.lemma_.lower() in ("relation", "relations", "relationship", "tie", "ties")
        governors = [t.head] if t.dep_ in ("dobj", "nsubjpass", "nsubj") and t.head.i != t.i else []
        governors += [c for c in t.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i:
            governors.append(t.head.head)  # "the establishment of diplomatic relations"
        lemmas = {g.lemma_.lower() for g in governors}
        kind = None
        if lemmas & UPGRADE_VERBS or lemmas & _RAISING_NOUNS:
            kind = "relations_upgraded"
        elif lemmas & ESTABLISH_VERBS or lemmas & _BEGINNING_NOUNS:
            # diplomatic relations begin; a partnership established between countries that already had them is an
            # upgrade of those relations
            kind = "relations_established" if ties else "relations_upgraded"
        if any(a.lemma_.lower() == "anniversary" for a in t.ancestors) and (
                kind is None or not any(g.pos_ == "VERB" for g in governors)):
            kind = "relations_anniversary"  # "on the eve of the 15th anniversary of the establishment of ..."
        if kind is not None:
            found.append((t.i, kind))
    if not found:
        return None
    at = trigger.i if trigger is not None and sent.start <= trigger.i < sent.end else found[0][0]
    return min(found, key=lambda f: abs(f[0] - at))[1]


def modality_of(verb: Token, rel: str, planned: bool) -> str | None:
    if planned or rel == "PLANS_TO_BUILD":
        return "planned"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "shall", "to"}:
        return "planned"
    if rel == "SIGNS":
        return "signed"
    if rel in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO"):
        return "financed"
    if rel == "BUILDS":
        stage = STAGE_VERBS.get(verb.lemma_.lower())
        if stage is not None and stage not in ("announced", "financed"):
            return stage
        if verb.tag_ == "VBG" and aux & {"is", "are", "was", "were", "be", "being"}:
            return "under_construction"
        if verb.tag_ in ("VBD", "VBN"):
            return "completed"
    return None


def is_planned(verb: Token) -> bool:
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if to and verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in ("sign", "conclude", "ink", "agree"):
        # "signed a memorandum last month to set up a testing centre": what an agreement is for is intended; but
        # "signed a $1.9 billion contract with Turkmenhimiya to build a methanol plant": the contractor builds it
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in ("contract", "order") for c in verb.head.children)
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in AGREEMENT_HEADS and any(
            c.dep_ == "prep" and c.lower_ in ("under", "by") for c in verb.children) or any(
            c.lower_ == "whereby" for c in verb.children):
        # "an agreement under which Lotte Chemical will build a factory": what the agreement provides for
        return True
    if to and verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        # "the plant, which is to be built by a consortium": arranged, not yet done (but "was to be carried out
        # between 2010 and 2015": a past plan, told of what was done)
        return True
    if (verb.dep_ == "acl" or verb.dep_ == "relcl" and verb.left_edge.i > 0 and
            verb.doc[verb.left_edge.i - 1].text != ",") and to:
        # "signed an agreement to build a plant": intended, not done; but "won a contract to build a plant": the
        # contractor builds it ("a plant to be built by Tau-Ken Samruk": the parser may make the infinitive a
        # relative clause; not one set off by commas, "The project, to be carried out by UTY, will ...": who
        # carries out the works)
        return verb.head.lemma_.lower() not in ("contract", "tender", "order", "bid")
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("on", "for") and (
            verb.head.head.lemma_.lower() in AGREEMENT_HEADS - {"contract", "tender", "order", "bid"} or
            verb.head.head.lemma_.lower() in SIGNING_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in AGREEMENT_HEADS - {"contract", "tender", "order", "bid"}
                for c in verb.head.head.children)):
        # "signed a memorandum on building two data centres": what a memorandum is about is intended (the parser
        # may hang "on building" on the verb)
        return True
    t = verb
    for _ in range(4):
        # ("has agreed to form a joint venture with NMMC to build a plant": and up through a purpose clause)
        purpose = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and \
            t.head.dep_ == "xcomp"
        if t.dep_ not in ("xcomp", "pcomp", "prep", "acomp") and not purpose or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in PLAN_VERBS or t.lemma_.lower() in ("interested", "ready", "plan"):
            return True
    return False


def agreement_parties(st: DocState, agreement: Mention, subjects: list[Mention]) -> list[Mention]:
    if subjects:
        return subjects
    # "11 Kazakhstan-Korea agreements were signed": the parties are named on the agreement
    head = st.sdoc[agreement.start]
    return [
        st.at[c.i]
        for c in head.subtree
        if c.i in st.at
        and c.i < head.i
        and st.at[c.i].label in ("Country", "Firm", "Organization")
        and c.dep_ in ("compound", "nmod", "amod", "conj")
    ]


def mention_index(tok: Token) -> set[int]:
    # placeholder hook: "of"-complements are only followed when they are plain nouns
    return set() if tok.pos_ in ("NOUN",) else {tok.i}


def between(st: DocState, nouns: list[Token]) -> list[Mention]:
    out: list[Mention] = []
    heads = list(nouns)
    for n in nouns:
        heads += [
            p
            for c in n.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and p.i not in mention_index(p)
        ]
    for n in heads:
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "with"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(expand(st, p))
    return out


def expand_places(st: DocState, tok: Token) -> list[Mention]:
    out = [m for m in expand(st, tok) if m.label in ("Location", "Country") and not m.demonym]
    for t in tok.subtree:
        m = st.at.get(t.i)
        if m is not None and m.label in ("Location",) and m not in out:
            out.append(m)
    return out


def copula_subjects(st: DocState, tok: Token) -> list[Mention]:
    """'South Korea is among the largest investors in X' / 'South Korea is X's largest investor' / 'Korea has become
    one of the major donors of X'."""
    t = tok
    for _ in range(4):
        if t.dep_ in ("attr", "pobj", "prep") and t.head.i != t.i:
            t = t.head
            if t.lemma_ in ("be", "become", "remain"):
                subs = [c for c in t.children if c.dep_ == "nsubj"]
                return [m for s in subs for m in expand(st, s)]
        else:
            break
    return []


def doc_pair(st: DocState) -> list[Mention]:
    for m in st.mentions:
        if len(m.ids) == 2 and m.label == "Country":
            return [m]
    counts = Counter(m.id for m in st.mentions if m.label == "Country")
    top = [c for c, n in counts.most_common(2) if n >= 2]
    if len(top) == 2:
        return [Mention(tuple(top), "Country", 0, 0, "bilateral")]
    return []


def governing_subjects(st: DocState, tok: Token) -> list[Mention]:
    """Subjects of the verb a noun hangs on: 'X intends to expand cooperation with Y' -> X."""
    t = tok
    for _ in range(4):
        if t.dep_ in ("dobj", "pobj", "prep", "attr", "nsubjpass") and t.head.i != t.i:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                return subjects_of(st, t)[0]
        else:
            break
    return []


def topics_of(st: DocState, tok: Token) -> list[Mention]:
    """What a topic phrase is about: its own entities, else those of its complements
    ('partnership in critical minerals', 'securing and developing the supply chain')."""
    found = [m for m in expand(st, tok) if m.label in _TOPIC_LABELS]
    if found:
        # ("joint exploration of tungsten and rare earth metals": the parser may make the first of two coordinated
        # fields a modifier inside the second's phrase)
        first = min(m.start for m in found)
        found += [x for t in tok.subtree if t.i < first and (x := st.at.get(t.i)) is not None and x.start == t.i
                  and x.label in ("Sector", "Mineral") and x.end < len(st.sdoc) and
                  st.sdoc[x.end].lower_ in ("and", ",") and x not in found]
    if found or tok.i in st.at:
        return found
    found = _modifying_topics(st, tok)  # "a memorandum on hydropower cooperation"
    # ("a memorandum on establishing sister ties and cooperating in agriculture, tourism and vocational training": the
    # gerunds coordinated with the first)
    words = [tok, *(c for c in tok.conjuncts if c.tag_ == "VBG")] if tok.tag_ == "VBG" else [tok]
    for c in (c for w in words for c in w.children):
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on"):
            found += [
                m
                for p in c.children
                if p.dep_ == "pobj"
                for m in expand(st, p) + ([] if p.i in st.at else _modifying_topics(st, p))
                if m.label in _TOPIC_LABELS
            ]
        elif c.dep_ == "dobj":
            # ("on establishing a critical minerals supply chain partnership": the fields modifying the object)
            found += [m for m in expand(st, c) + ([] if c.i in st.at else _modifying_topics(st, c))
                      if m.label in _TOPIC_LABELS]
    return list({m.id: m for m in found}.values())


def _modifying_topics(st: DocState, tok: Token) -> list[Mention]:
    """The fields or minerals named as modifiers of a plain noun ("hydropower cooperation", "hydropower and mineral
    resources", where the parser makes the first field a modifier of the second's noun), with those coordinated."""
    found: list[Mention] = []
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
            for x in (c, *c.conjuncts):
                m = st.at.get(x.i)
                if m is not None and m.label in ("Sector", "Mineral") and m not in found:
                    found.append(m)
                    # ("a critical minerals supply chain partnership": and the field modifying that field)
                    found += [n for y in st.sdoc[m.start:m.end] for d in y.children
                              if d.dep_ in ("compound", "amod", "nmod") and d.i < m.start
                              and (n := st.at.get(d.i)) is not None and n.label in ("Sector", "Mineral")
                              and n not in found]
    return found


_EDGE_NOUNS = frozenset({"shore", "shores", "bank", "banks", "outskirts", "coast", "edge", "foot"})


def places_of(st: DocState, head: Token, extra: tuple[str, ...] = ("near",)) -> list[Mention]:
    preps = ("in", "at", *extra)
    pps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in preps]
    # "the resort complex on the shore of Lake Issyk-Kul", "a plant on the outskirts of Tashkent"
    pps += [x for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "at") for p in c.children
            if p.dep_ == "pobj" and p.lower_ in _EDGE_NOUNS for x in p.children
            if x.dep_ == "prep" and x.lower_ == "of"]
    if not pps and head.dep_ == "dobj":
        # the parser hangs the place on the verb: "set up a laboratory in Kazakhstan"
        pps = [
            c
            for c in head.head.children
            if c.dep_ == "prep" and c.lower_ in preps and c.i == head.right_edge.i + 1
        ]
    out: list[Mention] = []
    for pr in pps:
        for p in pr.children:
            if p.dep_ != "pobj":
                continue
            for x in p.subtree:
                mm = st.at.get(x.i)
                if (
                    mm is not None
                    and mm.label in ("Location", "Country")
                    and not mm.demonym
                    and mm not in out
                    and (x.i == p.i or x.dep_ in ("appos", "conj", "npadvmod") or x.head.i == p.i
                         # "near the town of Garabogaz", "in the city of Osh"
                         or x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.i == p.i
                         and p.lemma_.lower() in PLACE_NOUNS)
                ):
                    out.append(mm)
    if out and all(m.label == "Location" for m in out):
        # "King Sejong Institutes in Almaty, Nur-Sultan and Shymkent": the parser may join the later places of the
        # list to the noun instead of to the first place
        for c in head.children:
            if c.dep_ != "conj" or not pps or c.i < pps[0].i:
                continue
            for x in c.subtree:
                mm = st.at.get(x.i)
                if mm is not None and mm.label == "Location" and not mm.demonym and mm not in out and \
                        (x.i == c.i or x.dep_ == "conj"):
                    out.append(mm)
    return out


def location_in(st: DocState, head: Token) -> str | None:
    """A place the phrase itself states: 'plant in Turkestan', 'factory in Almaty, Kazakhstan'."""
    for t in head.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "near", "at") and t.i in st.at:
            m = st.at[t.i]
            if m.label in ("Location", "Country") and not m.demonym:
                return m.id
    if head.dep_ == "dobj":
        places = places_of(st, head)  # "set up a laboratory in Kazakhstan"
        return places[0].id if places else None
    return None

# -- persons and roles --------------------------------------------------------------------------------


def leaders_as_countries(st: DocState, mentions: list[Mention]) -> list[Mention]:
    """'The two presidents agreed to expand cooperation in energy': heads of state act for their countries."""
    out: list[Mention] = []
    for m in mentions:
        if m.label == "Person" and all(i in st.leads for i in m.ids):
            countries = tuple(dict.fromkeys(st.leads[i] for i in m.ids))
            out.append(Mention(countries, "Country", m.start, m.end, m.text))
        else:
            out.append(m)
    return out


_GOVERNMENT_ROLES = frozenset({"minister", "prime minister", "counterpart"})


def ministers_as_countries(st: DocState, mentions: list[Mention]) -> list[Mention]:
    """'Foreign Minister Park Jin and his Uzbek counterpart, Bakhtiyor Saidov, agreed to work together on critical
    minerals': ministers of two countries who agree to cooperate do so for their countries. Only when every one
    of them is a minister of a country and there are two countries."""
    out: list[Mention] = []
    for m in mentions:
        if m.label != "Person" or len(m.ids) != 1:
            return mentions
        countries = {o if o.startswith("country:") else st.entities[o].properties.get("country")
                     for (role, o), ps in st.person_roles.items() if role in _GOVERNMENT_ROLES and m.id in ps
                     and (o.startswith("country:") or o in st.entities)}
        countries.discard(None)
        if len(countries) != 1:
            return mentions
        out.append(Mention((str(countries.pop()),), "Country", m.start, m.end, m.text))
    return out if len({m.id for m in out}) >= 2 else mentions


def document_topic(st: DocState) -> Mention | None:
    """What a reference page is about: the body or firm its first sentence names as its subject ("The State
    Republican Academic Korean Theatre ... is a theatre in Almaty"), when that sentence defines it with "is". Read
    once, after the names are collected, and kept on the state (the rules that ask run once per sentence or role)."""
    if st.topic is not False:
        return st.topic  # type: ignore[return-value]
    st.topic = _read_topic(st)
    return st.topic


def _read_topic(st: DocState) -> Mention | None:
    for sent in st.sdoc.sents:
        if len(sent) < 8 or "\t" in sent.text or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue  # a title line, an infobox line
        # (the name that opens the sentence, which goes on with "is": the parser may not make it the subject)
        first = sent.start + 1 if sent[0].lower_ == "the" else sent.start
        m = st.at.get(first)
        if m is not None and m.start == first and m.label in ("Firm", "Organization") and len(m.ids) == 1 and \
                any(t.lemma_ == "be" for t in sent):
            return m
        return None
    return None
