"""Noun frames: a relation stated by a noun rather than a verb ("a $10 million loan from Eximbank to Uzbekistan",
"a 95.57 percent stake in LOTTE Rakhat", "won the contract for the plant", "the opening of the factory").

Each frame is data (`noun_frames` in graph/data/lexicon.json): the relation the noun states, which of the noun's
dependents give the agent (the possessor, a compound name, a prepositional phrase) and which give the target, and
the verbs whose subject is the agent when the noun is their object ("Eximbank extended a loan ..."). One
interpreter reads every frame; the registry names each frame's rule `noun-frame:<noun>`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.emit import add_facts, funder_kind, lender_named
from graph.extract.lexicon import (
    AGREEMENT_HEADS,
    MEETING_NOUNS,
    NOUN_FRAMES,
    PROJECT_HEADS,
    NounFrame,
)
from graph.extract.mentions import granted_for
from graph.extract.quantities import is_sum
from graph.extract.registry import register
from graph.extract.state import DocState, Mention, report_pair
from graph.extract.syntax import (
    STAGE_VERBS,
    document_topic,
    expand,
    is_planned,
    leaders_as_countries,
    objects_of,
    purpose_targets,
    subjects_of,
    surface_list,
)

_ACTOR_LABELS = ("Country", "Firm", "Organization", "Person", "Group")


def _is_actor(st: DocState, m: Mention) -> bool:
    """Can the mention give or take money: a body, a country or a person, or a capital standing for its country
    ("Seoul pledged $7 million in aid")."""
    if m.label in _ACTOR_LABELS:
        return True
    entry = st.gaz.entries.get(m.id) if len(m.ids) == 1 and m.label == "Location" else None
    return entry is not None and entry.metonym_for is not None


def _pp(st: DocState, head: Token, preps: frozenset[str]) -> list[Mention]:
    return [m for c in head.children if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj" for m in expand(st, p)]


def _governing_verb(tok: Token) -> Token | None:
    """The verb the noun is the object (or passive or 'belongs' subject) of: "extended a loan", "won the
    contract", "the contract was awarded", "a stake ... belongs to", "pledged $2 billion in loans", "was built
    with funding from"."""
    for c in tok.children:
        if c.dep_ == "relcl" and any(x.dep_ == "dobj" and x.lower_ in ("which", "that") for x in c.children):
            return c  # "a 2009 tender, which a consortium led by A and B won"
    t = tok
    for _ in range(4):
        if t.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "nsubj") and t.head.pos_ in ("VERB", "AUX"):
            return t.head
        if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent") and t.head.head.pos_ in ("VERB", "AUX"):
            return t.head.head
        if t.dep_ in ("pobj", "prep", "conj", "appos", "compound") and t.head.i != t.i:
            t = t.head
            continue
        return None
    return None


def _under_with(tok: Token, verb: Token) -> bool:
    """Is the noun inside a "with" phrase of the verb ("provide X with loans", "with $100 million in loans")?"""
    t = tok
    for _ in range(5):
        if t.head.i == verb.i:
            # ("provide Uzbekistan with up to 500 million U.S. dollars in concessional loans": the parser may hang
            # "in loans" on the verb beside the "with" phrase)
            return t.lower_ == "with" or t.lower_ == "in" and t.dep_ == "prep" and t.i > verb.i and any(
                c.dep_ == "prep" and c.lower_ == "with" and verb.i < c.i < t.i for c in verb.children)
        t = t.head
    return False


def paragraph_project(st: DocState, sent: Span) -> list[Mention]:
    """The one project named in a sentence's paragraph before it (none when the paragraph names several)."""
    text = st.doc.text
    start = text.rfind("\n\n", 0, sent.start_char) + 1
    found = {m.id: m for m in st.mentions if m.label == "Project" and len(m.ids) == 1
             and start <= st.sdoc[m.start].idx < sent.start_char}
    return list(found.values()) if len(found) == 1 else []


def recent_project(st: DocState, sent: Span) -> list[Mention]:
    """The one project named in a sentence's paragraph before it; when the paragraph up to the sentence's end names
    no project at all, the one project the paragraph before names ("The project, worth $420 million, ... \n\n ADB
    and KEXIM will provide loans of $150 million and $120 million"); none when either names several."""
    found = paragraph_project(st, sent)
    text = st.doc.text
    start = text.rfind("\n\n", 0, sent.start_char) + 1
    if found or start <= 0 or any(m.label == "Project" and start <= st.sdoc[m.start].idx < sent.end_char
                                  for m in st.mentions):
        return found
    before = text.rfind("\n\n", 0, start - 1) + 1
    named = {m.id: m for m in st.mentions if m.label == "Project" and len(m.ids) == 1
             and before <= st.sdoc[m.start].idx < start}
    return list(named.values()) if len(named) == 1 else []


def document_project(st: DocState, sent: Span) -> list[Mention]:
    """The one project the document names before the sentence (none when it names several)."""
    found = {m.id: m for m in st.mentions if m.label == "Project" and len(m.ids) == 1 and m.start < sent.start}
    return list(found.values()) if len(found) == 1 else []


def lead_project(st: DocState) -> list[Mention]:
    """The project the report's first paragraph names first: what a news report is about."""
    text = st.doc.text
    first = [m for m in sorted(st.mentions, key=lambda m: m.start) if m.label == "Project" and len(m.ids) == 1]
    if not first:
        return []
    lead = text.find("\n\n", st.sdoc[0].idx + 1)
    return first[:1] if lead < 0 or st.sdoc[first[0].start].idx < lead else []


# passive verbs whose agent is the frame's agent whatever the frame: "the loan was made / done by X"
_NEUTRAL_PASSIVES = frozenset({"make", "do", "perform", "conduct", "execute", "implement", "carry", "undertake"})


# firms a stake is held in, when the text does not name them ("the project company", "the joint venture")
_STAKE_HOLDERS = frozenset({"company", "venture", "firm", "enterprise", "spv", "entity", "vehicle", "partnership"})
# what a budget is kept in: "from the state budget", "from Korea's coffers"
_PURSES = frozenset({"budget", "coffers", "treasury", "purse", "reserves"})


# a purchase a verb of dealing completes or agrees ("completed the purchase of a 49 percent stake in ...")
_PURCHASE_NOUNS = frozenset({"purchase", "acquisition", "buyout"})
_DEAL_VERBS = frozenset({"complete", "finalise", "finalize", "close", "agree", "announce", "approve"})


# verbs of giving whose receiver may stand before the thing given ("gave the theatre a grant")
_DITRANSITIVE_GIVING = frozenset({"give", "offer", "grant", "lend", "award", "send", "pay", "promise", "hand"})


def purse_owners(st: DocState, tok: Token) -> list[Mention]:
    """Whose budget the money on `tok` comes from: "comes from Turkmenistan's state budget", "... from the state
    budget of Turkmenistan" (the owner before the purse, else after its "of"), "from Samruk-Energy's own funds" (the
    plural: not a fund that lends, "from the Economic Development Cooperation Fund")."""
    purses = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
              for p in c.children if p.dep_ == "pobj" and (p.lemma_.lower() in _PURSES or p.lower_ == "funds")]
    owners = [m for p in purses for x in p.children if x.dep_ in ("poss", "compound", "amod")
              for m in expand(st, x) if _is_actor(st, m)]
    return owners or [m for p in purses for x in p.children if x.dep_ == "prep" and x.lower_ == "of"
                      for q in x.children if q.dep_ == "pobj" for m in expand(st, q) if _is_actor(st, m)]
# what part of a cost is: "85 percent of this sum will be financed through a loan"
_SHARES_OF_COST = frozenset({"percent", "%", "share", "part", "portion", "sum", "cost", "amount", "rest",
                             "remainder", "balance", "half", "third", "quarter"})


def _stated_before(st: DocState, sent: Span, relation: str) -> list[Mention]:
    """The receivers of the last fact of this kind stated before the sentence (a loan, a grant): countries and bodies
    first, else the works."""
    earlier = [f for f in st.facts.values() if f.relation == relation and f.evidence is not None
               and f.evidence.start < sent.start_char]
    if not earlier:
        return []
    last = max(f.evidence.start for f in earlier if f.evidence is not None)
    ids = [f.object for f in earlier if f.evidence is not None and f.evidence.start == last]
    found = list({m.id: m for m in st.mentions if len(m.ids) == 1 and m.id in ids}.values())
    bodies = [m for m in found if m.label in ("Country", "Organization", "Firm")]
    return bodies or found


def _bank(st: DocState, m: Mention) -> bool:
    return len(m.ids) == 1 and lender_named(st, m.id)


def _loan_before(st: DocState, sent: Span) -> bool:
    """Does the sentence, or one of the three before it, speak of a loan or credit?"""
    sents = list(st.sdoc.sents)
    k = next(i for i, s in enumerate(sents) if s.start == sent.start)
    return any(t.lemma_.lower() in ("loan", "credit", "lend") for s in sents[max(0, k - 3):k + 1] for t in s)


def read_frame(st: DocState, sent: Span, tok: Token, frame: NounFrame) -> None:
    relation = frame.relation
    agents: list[Mention] = []
    compound_only = False
    for c in tok.children:
        if c.dep_ == "poss" and "poss" in frame.agent or c.dep_ in ("compound", "nmod", "amod") and \
                "compound" in frame.agent:
            found = [m for m in expand(st, c) if _is_actor(st, m) and not m.demonym]
            compound_only = bool(found) and (compound_only or not agents) and c.dep_ != "poss"
            agents += found
    agents += [m for m in _pp(st, tok, frame.agent) if _is_actor(st, m)]
    if "from" in frame.agent:
        # "loans from the Export-Import Bank of Korea, the Japan Bank for International Cooperation (JBIC) and a group
        # of commercial banks": the list after "from", read off the surface where the parser splits it
        # (only where the surface list opens with the phrase's own first name: not "from Korea's EDCF")
        for c in tok.children:
            for p in (p for p in c.children if c.dep_ == "prep" and c.lower_ == "from" and p.dep_ == "pobj"):
                lenders, own = surface_list(st, p.left_edge.i), expand(st, p)
                if len(lenders) > 1 and own and lenders[0] is own[0]:
                    # (not an owner in an apposition: "from the EDCF, Korea's concessional lending fund, and ...")
                    agents += [m for m in lenders if _is_actor(st, m) and m not in agents and not any(
                        t.lower_ in ("'s", "’s") for t in st.sdoc[m.end - 1:m.end + 1])]
    # "the loan, provided by the Export-Import Bank of Korea on concessional terms": the participle's agent
    agents += [m for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in frame.agent_verbs
               for m in _pp(st, c, frozenset({"by"})) if _is_actor(st, m) and m not in agents]
    # ("a loan of 210 billion sum provided by Asakabank": the parser may hang the participle on the amount)
    agents += [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
               if p.dep_ == "pobj" and is_sum(p) for a in p.children if a.dep_ == "acl" and a.tag_ == "VBN" and
               a.lemma_.lower() in frame.agent_verbs for m in _pp(st, a, frozenset({"by"}))
               if _is_actor(st, m) and m not in agents]
    targets = _pp(st, tok, frame.target)
    if frame.relation == "OPERATES_IN":
        # "KOICA's Tajikistan office", "its Kazakh subsidiary": the place named before the noun is where the owner
        # works, not a second owner
        places = [st.at[c.i] for c in tok.children if c.dep_ in ("compound", "amod") and c.i in st.at
                  and st.at[c.i].label in ("Country", "Location")]
        if places:
            agents = [m for m in agents if m not in places]
            targets = targets or places
    if not targets and frame.relation == "BUILDS":
        # "the Shymkent refinery upgrade carried out by a consortium led by SK E&C": the works named before the noun
        targets = [st.at[c.i] for c in tok.children if c.dep_ == "compound" and c.i in st.at
                   and st.at[c.i].label == "Project"]
    if not targets and relation in ("GRANTS_AID_TO", "LENDS_TO"):
        # "a $4.5 million grant to modernise the water supply of Hissar district": what the purpose clause improves
        targets = [st.at[x.i] for x in sent if x.dep_ == "dobj" and x.i in st.at and st.at[x.i].label == "Project"
                   and granted_for(x) is tok]
    if not targets and relation == "HOLDS_STAKE_IN":
        # "holds 70% of its shares", "60 percent of the company's equity": whose shares they are
        targets = [st.at[x.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                   for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ("share", "stake", "equity",
                                                                                     "capital")
                   for x in p.children if x.dep_ == "poss" and x.i in st.at]
    if not targets:
        # "the fourth EDCF loan extended to Kyrgyzstan": the participle's "to"/"for" phrase
        targets = [m for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and
                   c.lemma_.lower() in frame.agent_verbs for m in _pp(st, c, frame.target - {"with"})]
    if not targets:
        # "loans worth $3.5 billion for the plant": the phrase may hang on the amount inside the noun phrase
        targets = [m for t in tok.subtree if t.dep_ == "prep" and t.lower_ in frame.target and t.head.i != tok.i
                   and t.head.pos_ in ("NUM", "ADJ", "SYM") for p in t.children if p.dep_ == "pobj"
                   for m in expand(st, p)]
    if not agents:
        # "loans worth $500 million from Korea's EDCF": the phrase may hang on the amount
        agents = [m for t in tok.subtree if t.dep_ == "prep" and t.lower_ in frame.agent and t.lower_ != "poss"
                  and t.head.i != tok.i and t.head.pos_ in ("NUM", "ADJ", "SYM") for p in t.children
                  if p.dep_ == "pobj" for m in expand(st, p) if _is_actor(st, m)]
    if not agents:
        # "the construction of the plant by Samsung C&T": the parser may hang the agent on the target
        agents = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in frame.target for p in c.children
                  for m in _pp(st, p, frame.agent - {"poss", "compound"}) if _is_actor(st, m)]
    if not agents and "by" in frame.agent and tok.dep_ == "dobj" and any(
            c.dep_ in ("nsubj", "csubj") for c in tok.head.children):
        # "Kazakhstan pitched the development of the Kundybay deposit in Kostanay region by Tau-Ken Samruk": an
        # active verb has no agent of its own, so the parser's "by" on it belongs to its object
        agents = [m for m in _pp(st, tok.head, frozenset({"by"})) if _is_actor(st, m)]
    verb = _governing_verb(tok)
    deal = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for", "about") else None
    if deal is not None and deal.pos_ in ("VERB", "AUX"):
        # "approved an agreement with X on a loan": the parser may hang the topic on the verb
        deal = next((c for c in deal.children if c.dep_ == "dobj" and c.lemma_.lower() in AGREEMENT_HEADS), None)
    if deal is not None and deal.lemma_.lower() in AGREEMENT_HEADS and frame.relation in ("LENDS_TO", "FINANCES") \
            and not agents:
        # "approved an agreement with the Korea Eximbank on a $45 million loan for the plant": the one the
        # agreement is with gives the money, not the one who approves or signs it
        agents = [m for m in _pp(st, deal, frozenset({"with"})) if _is_actor(st, m)]
        if agents:
            verb = None
    if deal is None and not agents and frame.relation == "LENDS_TO" and tok.dep_ == "compound" and \
            tok.head.lemma_.lower() in AGREEMENT_HEADS and tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB":
        # "Kazakhmys has signed a $450 million loan agreement with KDB and Shinhan Bank": the banks the borrower
        # signs with lend, to the one who signs with them
        signing = tok.head.head
        banks = [m for m in _pp(st, tok.head, frozenset({"with"})) + _pp(st, signing, frozenset({"with"}))
                 if _is_actor(st, m) and _bank(st, m)]
        signers, passive = subjects_of(st, signing)
        signers = [m for m in signers if _is_actor(st, m) and m.label != "Person"]
        if banks and signers and not passive and not any(_bank(st, m) for m in signers):
            agents = [m for k, m in enumerate(banks) if m not in banks[:k]]
            targets = [*signers, *(t for t in targets if t not in signers)]
            verb = None
    if verb is not None and (tok.dep_ == "nsubj" or tok.dep_ == "pobj" and tok.head.lower_ == "as" and
                             tok.head.head.i == verb.i) and verb.lemma_.lower() in ("come", "flow") and \
            frame.relation in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO"):
        # ("24 billion tenge came as a loan from the Development Bank of Kazakhstan": the same)
        # "Financing will come from the Export-Import Bank of Korea and K-SURE": who it comes from gives it, for
        # the project the text is about
        agents = agents or [m for m in _pp(st, verb, frozenset({"from"})) if _is_actor(st, m)]
        # "the remainder comes from Turkmenistan's state budget": whose budget it is gives it
        agents = agents or purse_owners(st, verb)
        targets = targets or paragraph_project(st, sent) or document_project(st, sent)
        if frame.relation == "FINANCES" and _loan_before(st, sent) and (
                tok.lemma_.lower() in ("money", "fund") or
                agents and all(len(a.ids) == 1 and funder_kind(st, a.id) == "funder" for a in agents)):
            # "... rebuilt under a $96 million loan. The money will come from the EDCF", "Co-financing comes from
            # the ADB, whose board approved the loan": the money is that loan
            relation = "LENDS_TO"
    if verb is not None:
        lemma = verb.lemma_.lower()
        if frame.relation == "HOLDS_STAKE_IN" and lemma in _DEAL_VERBS and any(
                a.lemma_.lower() in _PURCHASE_NOUNS and a.i < tok.i and verb.i < a.i for a in tok.ancestors):
            # "Hana Financial Group has completed the purchase of a 49 percent stake in Tolov Plus": who completes a
            # purchase acquires
            lemma = "acquire"
        if lemma in frame.agent_verbs and (not agents or compound_only):
            # "the Export-Import Bank of Korea has approved a $40 million EDCF loan": the subject that gives
            # it is a lender too, beside the fund the noun is named after
            subjects, passive = subjects_of(st, verb)
            if not passive:
                agents += [m for m in subjects if _is_actor(st, m) and m not in agents]
                funders = [m for m in agents if len(m.ids) == 1 and funder_kind(st, m.id) is not None]
                if frame.relation in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO") and funders and len(agents) > 1 \
                        and lemma in ("sign", "conclude", "ink", "approve"):
                    # "Eximbank and Uzbekistan's Ministry of Finance signed a loan agreement": the bank lends, the
                    # ministry borrows
                    agents = funders
        if lemma in frame.agent_verbs and frame.relation == "LENDS_TO" and agents and lemma not in (
                "sign", "conclude", "ink", "approve", "consider"):
            # "the Export-Import Bank of Korea extended a $94 million loan from the EDCF": the bank that extends a
            # fund's loan lends it too
            subjects, passive = subjects_of(st, verb)
            if not passive:
                agents += [m for m in subjects if len(m.ids) == 1 and funder_kind(st, m.id) == "funder"
                           and m not in agents]
        if lemma in frame.agent_verbs and frame.relation in ("LENDS_TO", "GRANTS_AID_TO", "FINANCES") and agents:
            # "Seoul has provided grants worth $38 million to Kazakhstan through KOICA": the agency the money goes
            # through gives it too
            agents += [m for t in verb.subtree if t.dep_ == "prep" and t.lower_ in ("through", "via") and
                       (t.head.i == verb.i or t.head.pos_ not in ("VERB", "AUX"))
                       for p in t.children if p.dep_ == "pobj" for m in expand(st, p)
                       if len(m.ids) == 1 and funder_kind(st, m.id) is not None and m not in agents]
        if lemma in frame.agent_verbs:
            targets += _pp(st, verb, frame.target)
            if _under_with(tok, verb):
                # "provide Kyrgyzstan with $100 million in loans": the verb's object receives them
                targets += [m for c in verb.children if c.dep_ in ("dobj", "dative") for m in expand(st, c)
                            if _is_actor(st, m)]
            if tok.dep_ == "dobj" and tok.head.i == verb.i and lemma in _DITRANSITIVE_GIVING and \
                    frame.relation in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO"):
                # "will give the theatre a grant of 350 million won": the one given to, before what is given
                # (the parser may take both for objects)
                targets += [m for c in verb.children if c.dep_ in ("dative", "dobj") and c.pos_ != "ADP" and c.i < tok.i
                            for m in expand(st, c) if (_is_actor(st, m) or m.label == "Project") and
                            m not in targets]
            # "provide EDCF loans worth $300 million to Kyrgyzstan": a phrase may hang on the amount
            _direct, lifted = objects_of(st, verb, frame.target)
            targets += [m for p in frame.target for m in lifted.get(p, []) if m not in targets]
        if lemma in frame.target_verbs:
            # "Uzbekistan received a loan from Eximbank": the receiver is the target, the giver may hang on the verb
            subjects, _passive = subjects_of(st, verb)
            targets += subjects
            agents = agents or [m for m in _pp(st, verb, frame.agent) if _is_actor(st, m)]
        if tok.dep_ == "pobj" and tok.head.lower_ == "with" and not agents and \
                lemma in ("finance", "fund", "co-finance", "cofinance", "support"):
            # "the ADB is to finance a sewerage component with a $15 million loan to the Kyrgyz government": who
            # finances with a loan lends it
            subjects, passive = subjects_of(st, verb)
            agents = [m for m in subjects if _is_actor(st, m)] if not passive else []
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "financed with a loan from the EDCF and a grant from KOICA": the grant too
        if first.dep_ == "pobj" and first.head.lower_ in ("with", "through", "by", "under") and not targets:
            # "the hospital was built with funding from KOICA": what the funding paid for is the verb's patient
            targets = [m for c in verb.children if c.dep_ in ("nsubjpass", "dobj") for m in expand(st, c)]
            if not targets and any(c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in _SHARES_OF_COST
                                   for c in verb.children):
                # "Eighty-five percent of this sum will be financed through a loan from ...": of the project the
                # paragraph is about
                targets = recent_project(st, sent)
            if not targets and (verb.dep_ == "acl" and verb.tag_ == "VBN" or verb.dep_ == "relcl" and any(
                    c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in verb.children)):
                # "the hospital, built with a $30 million grant from KOICA, ...": the noun the participle describes
                # ("the ITS project, which will be funded by a grant from KOICA": or the relative clause)
                head = verb.head
                targets = [m for m in expand(st, head) if m.label == "Project"]
                while not targets and verb.dep_ == "relcl" and head.dep_ == "pobj" and head.head.head.pos_ in (
                        "NOUN", "PROPN"):
                    # ("an ITS project for the capital, which will be funded by ...": the parser may hang the
                    # clause on the last noun of the project's phrase)
                    head = head.head.head
                    targets = [m for m in expand(st, head) if m.label == "Project"]
                pron = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP")), None)
                before = st.at.get(pron.i - 2) if pron is not None and pron.i >= 2 and \
                    st.sdoc[pron.i - 1].text == "," else None
                if before is not None and before.label in ("Location", "Country") and before.start >= 2 and \
                        st.sdoc[before.start - 1].lower_ in ("in", "at"):
                    before = st.at.get(before.start - 2)  # (past the place it stands in: "the School in Ashgabat")
                if not targets and before is not None and before.label in ("Project", "Organization") and \
                        len(before.ids) == 1 and frame.relation == "GRANTS_AID_TO":
                    # "the Turkmen-Korean Friendship School in Ashgabat, which was opened in 2012 with the
                    # assistance of KOICA": the name right before the clause's comma, wherever the parser hangs it
                    targets = [before]
            elif not targets and verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i > verb.head.i and \
                    st.sdoc[verb.i - 1].text == "," and not any(c.dep_ in ("nsubj", "nsubjpass", "mark")
                                                              for c in verb.children):
                # "is building a greenhouse complex in Rudaki, financed with a $12 million loan from the EDCF": the
                # parser hangs the participle on the main verb; it describes the works that verb acts on
                targets = [m for c in verb.head.children if c.dep_ == "dobj" for m in expand(st, c)
                           if m.label == "Project"]
            elif not targets and (verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.i == verb.sent.start and
                                  not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)) and (
                    verb.dep_ == "advcl" and verb.i < verb.head.i or verb.dep_ == "ROOT" and verb.i == verb.sent.start):
                # (an opening participle the tagger takes for a past tense: "Implemented from 2017 to 2021 with a
                # KOICA grant of US$6.5 million, the project connected ...")
                # "Funded entirely by a KOICA grant, the project will run until 2029": the main clause's subject
                # (the parser may make the opening participle the root and the clause hang below it)
                comma = next((t.i for t in verb.sent if t.i > tok.i and t.text == ","), None)
                if comma is not None:
                    targets = [m for t in verb.sent if t.i > comma and t.dep_ in ("nsubj", "nsubjpass")
                               for m in expand(st, t) if m.label == "Project"][:1]
            agents = agents or [m for m in _pp(st, verb, frame.agent) if _is_actor(st, m)]
        if lemma in frame.belongs_verbs and not agents:
            # "a 95.57 percent stake in LOTTE Rakhat belongs to Lotte Group"
            agents = [m for m in _pp(st, verb, frozenset({"to"})) if _is_actor(st, m)]
        if tok.dep_ == "nsubjpass" and not agents and (lemma in frame.agent_verbs or lemma in frame.target_verbs
                                                        or lemma in _NEUTRAL_PASSIVES):
            # "the construction was completed by X" (X built it); not "its construction was financed by X"
            agents = [m for a in verb.children if a.dep_ == "agent" for p in a.children for m in expand(st, p)]
            if not agents and frame.relation in ("LENDS_TO", "GRANTS_AID_TO", "FINANCES"):
                # "The loan is provided from the Economic Development Cooperation Fund": who it comes from
                agents = [m for m in _pp(st, verb, frozenset({"from"})) if _is_actor(st, m)]
                if agents and not targets and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                    # "The Government of Korea will provide Tajikistan with a $48 million loan ... The loan will be
                    # extended from Korea's EDCF": the one the loan stated before goes to
                    targets = _stated_before(st, sent, frame.relation)
                targets = targets or (paragraph_project(st, sent) or document_project(st, sent) if agents else [])
        if frame.relation == "BUILDS" and (lemma in ("award", "grant", "give") and tok.dep_ == "nsubjpass"
                                           or lemma in ("go", "fall", "pass") and tok.dep_ == "nsubj"):
            # "the contract was awarded to A, B and C", "the contract for the plant went to A"
            agents = [m for m in _pp(st, verb, frozenset({"to"})) if _is_actor(st, m)]
        if lemma in ("award", "grant", "give") and tok.dep_ == "dobj" and frame.relation == "BUILDS" and \
                not any(c.dep_ == "auxpass" for c in verb.children):
            # "Turkmenhimiya has awarded a contract for the plant to Hyundai Engineering": the one it goes to builds
            winners = [m for m in _pp(st, verb, frozenset({"to"})) if _is_actor(st, m)]
            winners += [m for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for m in expand(st, c)
                        if _is_actor(st, m)]
            if winners:
                agents = winners
                contract = st.at.get(tok.i)
                awarders = [m for m in subjects_of(st, verb)[0] if m.label in ("Firm", "Organization", "Country")
                            and not m.demonym and m not in winners]
                if contract is not None and contract.label == "Agreement" and awarders:
                    # the one who awards a contract and the one it goes to are its two parties
                    add_facts(st, awarders + winners, "SIGNS", [contract], sent, modality="signed")
                    add_facts(st, awarders, "PARTNERS_WITH", winners, sent)
        if lemma in ("award", "grant", "give") and tok.dep_ == "dobj" and frame.relation == "BUILDS" and \
                any(c.dep_ == "auxpass" for c in verb.children):
            # "Hyundai Engineering has been awarded a contract": the passive subject won it
            agents = [m for c in verb.children if c.dep_ == "nsubjpass" for m in expand(st, c)
                      if _is_actor(st, m)]
    if agents and not targets and verb is not None and tok.dep_ == "nsubj" and \
            verb.lemma_.lower() in ("finance", "fund", "pay", "cover", "support"):
        # "the loan ... will finance a water project in Bukhara": what it pays for
        targets = [m for c in verb.children if c.dep_ == "dobj" for m in expand(st, c) if m.label == "Project"]
    if agents and not targets and frame.relation == "HOLDS_STAKE_IN" and verb is not None and \
            verb.dep_ == "relcl" and any(p.lower_ == "which" for c in verb.children if c.dep_ == "prep"
                                         for p in c.children):
        # "Balkan Methanol, a joint venture in which A, B and C hold 70, 15 and 15 percent": the venture the
        # clause hangs on, or the firm it describes
        head = verb.head
        targets = [m for m in expand(st, head) if m.label in ("Firm", "Project")] or (
            [st.at[head.head.i]] if head.dep_ == "appos" and head.head.i in st.at and
            st.at[head.head.i].label in ("Firm", "Project") else [])
    if agents and not targets and frame.relation == "HOLDS_STAKE_IN" and any(t.lower_ == "respectively"
                                                                             for t in sent):
        # "Within the consortium, KOGAS, Lotte Chemical and STX Energy hold 22.5%, 24.5% and 3%, respectively",
        # on a page about the joint venture: stakes in the page's subject
        topic = document_topic(st)
        targets = [topic] if topic is not None and topic.label == "Firm" else []
    if frame.relation == "HOLDS_STAKE_IN" and verb is not None and tok.dep_ == "dobj" and \
            verb.lemma_.lower() in ("give", "grant", "hand", "transfer", "offer"):
        # "The deal gives Korea Zinc a 45 percent stake in the venture": the one it is given to holds it
        given = [m for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for m in expand(st, c)
                 if _is_actor(st, m)]
        agents = given or agents
    if frame.relation == "HOLDS_STAKE_IN" and not targets and agents and any(
            c.dep_ == "prep" and c.lower_ in ("in", "of") and any(p.lower_ == "it" for p in c.children)
            for c in tok.children):
        # "KDB set up KDB Bank Uzbekistan in 2006 and still holds an 84.4 percent stake in it": "it" is the one firm
        # the sentence named before, other than the holder
        named = {m.id: m for m in st.mentions if m.label in ("Firm", "Organization") and len(m.ids) == 1
                 and sent.start <= m.start < tok.i and m.id not in {a.id for a in agents if len(a.ids) == 1}}
        targets = list(named.values()) if len(named) == 1 else []
    if frame.relation == "HOLDS_STAKE_IN" and not targets:
        # "a stake in the venture, Qazaq Tungsten Resources": the name after the comma, however the parser hangs it
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for q in c.children:
                    r = q.right_edge.i
                    if q.dep_ == "pobj" and q.lemma_.lower() in _STAKE_HOLDERS and r + 2 < len(st.sdoc) and \
                            st.sdoc[r + 1].text == "," and (x := st.at.get(r + 2)) is not None and \
                            x.label == "Firm" and x.start == r + 2:
                        targets.append(x)
    if not targets and frame.relation == "HOLDS_STAKE_IN" and verb is not None and \
            verb.lemma_.lower() in ("hold", "keep", "retain", "own", "control", "have"):
        # "a joint venture in which A holds 51 percent and B holds 49 percent", "a 49 percent stake in Tolov Plus
        # from its founder, who keeps 36 percent": a share with no holding named is of what the sentence has
        # already given a stake in (one thing only)
        k = verb.i
        while k > sent.start and not (st.sdoc[k].lower_ == "which" and st.sdoc[k - 1].lower_ in ("in", "of")):
            k -= 1
        listed = k > sent.start + 1 and all(
            t.i in st.at and _is_actor(st, st.at[t.i]) or t.is_punct or t.pos_ == "CCONJ" or t.lower_ == "each"
            # ("in which Daewoo Corp., the group's trading arm, and Uzbekistan's state-run automotive company
            # Uzavtoprom each hold": an apposition or a description of a listed name is part of its item)
            or any(a.dep_ == "appos" and k < a.i < verb.i for a in (t, *t.ancestors))
            or t.dep_ in ("compound", "amod", "det", "poss", "case") and k < t.head.i < verb.i
            for t in st.sdoc[k + 1 : verb.i])
        if listed:
            # "in which Korea Gas Corp. (KOGAS), Lotte Chemical and GS E&C hold 22.5, 24.5 and 3 percent": every
            # body of the list between "which" and the verb holds, however the parser broke the clause
            # (they alone: a broken parse may lend the verb the subjects of the main clause)
            # (not a country whose firm the item describes: "Uzbekistan's state-run automotive company Uzavtoprom")
            agents = list({st.at[t.i].id: st.at[t.i] for t in st.sdoc[k + 1 : verb.i] if t.i in st.at and not (
                st.at[t.i].label == "Country" and st.sdoc[st.at[t.i].start:st.at[t.i].end].root.dep_ == "poss")
                           }.values())
        if k > sent.start + 1 and (verb.i - k <= 12 or listed or
                                   any(a.i == verb.i for a in st.sdoc[k - 1].ancestors)):
            # (a long list of holders may stand between: "in which A and a consortium led by B and C each hold")
            # ("a project company in which KOMIPO holds 60 percent": the noun before "in which", or the firm it
            # stands beside)
            noun = st.sdoc[k - 2]
            if noun.text == "," and k > sent.start + 2:
                noun = st.sdoc[k - 3]  # ("Uz-Kor Gas Chemical, in which ...": the name before the comma)
            # ("the Surgil complex, a project in which KOGAS, Lotte Chemical and GS E&C hold ...": the project)
            targets = [m for m in expand(st, noun) if m.label in ("Firm", "Project")]
            h = noun
            for _ in range(4 if noun.dep_ == "appos" else 0):
                # ("the Surgil complex on the Ustyurt Plateau, a project in which ...": the parser may hang the
                # apposition on the place after the name)
                h = h.head
                if h.i in st.at and st.at[h.i].label in ("Firm", "Project"):
                    targets = targets or [st.at[h.i]]
                    break
            if not targets and noun.dep_ == "appos" and st.sdoc[noun.left_edge.i - 1].text == ",":
                # (or on the surface: the name the apposition follows, past a place it stands on or in)
                j = noun.left_edge.i - 2
                while j > sent.start and (j in st.at and st.at[j].label == "Location" or
                                          st.sdoc[j].pos_ in ("ADP", "DET") and j not in st.at):
                    j -= 1
                if j in st.at and st.at[j].label in ("Firm", "Project"):
                    targets = [st.at[j]]
        if not targets:
            held = {f.object for f in st.facts.values() if f.relation == "HOLDS_STAKE_IN" and f.evidence is not None
                    and f.evidence.start == sent.start_char}
            if not held and tok.dep_ == "dobj" and any(t.lower_ == "respectively" for t in sent):
                # "KORES and LS-Nikko Copper will hold 30 percent and 10 percent respectively": shares in what the
                # text gave a stake in a sentence or two before (one thing only)
                held = {f.object for f in st.facts.values() if f.relation == "HOLDS_STAKE_IN" and
                        f.evidence is not None and 0 < sent.start_char - f.evidence.start <= 800}
            if len(held) == 1:
                targets = [m for m in st.mentions if m.id in held and len(m.ids) == 1 and m.start < tok.i][:1]
    if frame.relation == "HOLDS_STAKE_IN":
        # "in which Uzbekneftegaz holds 51%, Lotte Chemical 30% and KOGAS 19%": a name followed straight by a share of
        # its own is a holder the verb is left out for (the parser may make it an apposition of the venture), not
        # what the shares are in
        sdoc = st.sdoc
        targets = [t for t in targets if not (t.end + 1 < len(sdoc) and sdoc[t.end].like_num and
                                              sdoc[t.end + 1].lower_ in ("%", "percent"))]
    unnamed_firm = frame.relation == "HOLDS_STAKE_IN" and any(
        c.dep_ == "prep" and c.lower_ in ("of", "in") and p.dep_ == "pobj" and p.i not in st.at and
        p.lemma_.lower() in _STAKE_HOLDERS for c in tok.children for p in c.children)
    if agents and not targets and not unnamed_firm and \
            frame.relation in ("BUILDS", "LENDS_TO", "FINANCES", "HOLDS_STAKE_IN"):
        # (not "51 percent of the project company": a stake in a firm the text does not name is not the project's)
        # "The Balkhash project dates back to a 2009 tender, which a consortium ... won", "The project was
        # carried out by a consortium ..., with the Kazakh state holding 25 percent": the project the sentence
        # is about
        t = tok
        while not targets and t.head.i != t.i:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                targets = [m for c in t.children if c.dep_ in ("nsubj", "nsubjpass") for m in expand(st, c)
                           if m.label == "Project"]
    if agents and not targets and frame.relation == "BUILDS" and verb is not None:
        whose = [c for c in tok.children if c.dep_ == "poss" and c.lower_ == "whose"]
        if whose and verb.dep_ == "relcl":
            # "a national cancer centre in Bishkek, whose construction was completed by Hyundai E&C": what "whose"
            # stands for
            h = verb.head
            for _ in range(3):  # (the parser may hang the clause on the place after the name)
                targets = [m for m in expand(st, h) if m.label == "Project"]
                if targets or h.head.i == h.i:
                    break
                h = h.head
    if agents and not targets and frame.relation in ("LENDS_TO", "FINANCES") and verb is not None and \
            (verb.lemma_.lower() in frame.agent_verbs or verb.lemma_.lower() in ("include", "comprise", "involve")):
        # ("Financing included loans of $500 million from the ADB")
        # "... the plant would have met 9% of demand. Korea Eximbank and K-Sure had pledged loans worth $3.5
        # billion": money pledged for nothing named goes to the one project its paragraph (or, when the paragraph
        # opens with it, the paragraph before) is about
        targets = recent_project(st, sent)
    if agents and not any(t.label == "Project" for t in targets) and \
            frame.relation in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO") and \
            verb is not None and tok.dep_ == "dobj" and tok.head.i == verb.i:
        # "The sides discussed an Export-Import Bank of Korea loan of $28 million for the construction of a waste
        # processing plant", "the Kyrgyz delegation secured a $120 million loan from KEXIM for the road": the parser
        # may hang the money's "for" phrase on the verb that has the money as object
        targets += [m for m in _pp(st, verb, frozenset({"for"})) if m.label == "Project" and m not in targets]
    if agents and not targets and frame.relation in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO") and \
            tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.tag_ == "VBN":
        # "a 250-bed hospital built with a $100 million loan from the Export-Import Bank of Korea", "The school was
        # renovated with a grant from KOICA": what was built or done with the money
        done = tok.head.head
        thing = done.head if done.dep_ in ("acl", "relcl") else next(
            (c for c in done.children if c.dep_ == "nsubjpass"), None)
        if thing is not None and thing.i not in st.at and thing.dep_ == "appos":
            thing = thing.head  # "the National Children's Medical Center, a 250-bed hospital built with ..."
        targets = [m for m in expand(st, thing) if m.label in ("Project", "Organization")] if thing is not None \
            else []
    if agents and frame.relation in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO"):
        # "KOICA will provide a $6.8 million grant to improve health services in Tajikistan's Khatlon region": the
        # purpose says what it pays for and where (a project it names, beside whoever receives the money)
        purpose = purpose_targets(st, tok) or (purpose_targets(st, verb) if verb is not None else [])
        targets += [m for m in purpose if m not in targets and (not targets or m.label == "Project")]
        # "KOICA has provided grants worth about $70 million to Tajikistan, including a vocational training centre
        # in Khujand and a water supply system in Kulob": the projects the money is said to include
        targets += [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "including" for p in c.children
                    if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Project" and m not in targets]
    if agents and not any(t.label in ("Country", "Organization", "Firm", "Project", "Location") for t in targets) \
            and frame.relation == "GRANTS_AID_TO" and len(st.pair) == 2 and \
            "country:south-korea" in st.pair and any(funder_kind(st, a.id) == "donor" for a in agents) and \
            all(funder_kind(st, a.id) == "donor" or a.id == "country:south-korea" for a in agents) and \
            not any(t.lemma_.lower() in PROJECT_HEADS | {"project", "programme", "program"}
                    for t in sent if t.i > tok.i):
        # "KOICA has provided grants worth more than $90 million" in a text about Korea and Kyrgyzstan: Korea's aid
        # agency gives to the other country of the pair
        other = next(c for c in st.pair if c != "country:south-korea")
        targets = [m for m in st.mentions if m.id == other and len(m.ids) == 1][:1]
    if agents and not any(t.label == "Project" for t in targets) and frame.relation == "BUILDS":
        # "won a $265 million contract to build a section of the Mary-Serhetabat highway" (the parser may hang the
        # purpose on the verb: "won a contract last year from Uzbekneftegaz to expand the Shurtan complex")
        targets += [m for m in purpose_targets(st, tok) or (
            purpose_targets(st, verb) if verb is not None and tok.dep_ == "dobj" and tok.head.i == verb.i else [])
            if m.label == "Project"]
    if agents and not targets and frame.relation == "BUILDS" and (
            any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or
            tok.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ in ("det", "poss") for c in tok.children)):
        # ("Construction, carried out by the Korean contractor Kolon Global, began in August 2018": the same)
        # "... for the reconstruction of the Yavan-2 plant. The reconstruction will be carried out by KHNP together
        # with Barki Tojik": the works the text has named, on its project
        targets = paragraph_project(st, sent) or document_project(st, sent)
        if verb is not None:
            agents += [m for m in subjects_of(st, verb)[0] if m not in agents and _is_actor(st, m)]
    if agents and not targets and frame.relation == "HOLDS_STAKE_IN":
        # "KOSPO owns 60 percent of the project company, Zhanatas Wind Energy LLP": the parser hangs the company's
        # name on the share
        targets = [m for c in tok.children if c.dep_ == "appos" for m in expand(st, c)
                   if m.label in ("Firm", "Project")]
    if agents and not targets and frame.relation == "HOLDS_STAKE_IN" and any(
            c.lower_ in ("remaining", "other", "rest", "balance") for c in tok.subtree if c.i < tok.i):
        # "KOMIR will hold 49 percent of Qazaq Lithium, with the remaining 51 percent owned by Tau-Ken Samruk": the
        # rest of the same thing
        held = {k[2] for k in st.facts if k[1] == "HOLDS_STAKE_IN" and k[3] == sent.start_char}
        targets = [m for m in st.mentions if m.id in held and len(m.ids) == 1 and sent.start <= m.start < sent.end]
        targets = list({m.id: m for m in targets}.values())
    if frame.relation == "LAUNCHES":
        if not targets:
            # "the laying of a symbolic first stone for the Balkhash power plant"
            targets = [st.at[t.i] for t in tok.subtree if t.i in st.at and st.at[t.i].label == "Project"]
        if not agents and verb is not None and verb.lemma_.lower() in frame.agent_verbs:
            # "a teleconference with President Nazarbayev marked the laying of ...": who took part
            agents = [m for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in MEETING_NOUNS
                      for m in _pp(st, c, frozenset({"with"})) if m.label == "Person"]
    if frame.relation == "BUILDS" and tok.lemma_.lower() in ("order", "contract") and agents:
        # "won a $200 million order from Uzbekistan Railways": who orders from the winner is supplied by it
        buyers = [m for m in _pp(st, tok, frozenset({"from"})) if m.label in ("Firm", "Organization", "Country")
                  and not m.demonym and m not in agents]
        add_facts(st, agents, "SUPPLIES", buyers, sent)
    stage = frame.stage
    if frame.relation == "BUILDS":
        # "suspended construction of", "won the contract for": the stage the governing verb reports
        stage = STAGE_VERBS.get(verb.lemma_.lower()) if verb is not None else None
        if frame.noun == "contract":
            stage = "contracted"
    elif frame.relation in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO"):
        stage = "planned" if verb is not None and verb.lemma_.lower() in ("pledge", "promise", "plan", "consider") \
            else "financed"
    if relation in ("GRANTS_AID_TO", "LENDS_TO", "FINANCES"):
        # "Ambassador Oh Seung-ho handed over humanitarian assistance": an envoy gives for the country he represents
        envoys = {k[0]: k[2] for k in st.facts if k[1] == "REPRESENTS" and k[2].startswith("country:")}
        agents = [next((m for m in st.mentions if m.id == envoys[a.id] and len(m.ids) == 1), a)
                  if a.label == "Person" and a.id in envoys else a for a in agents]
        # "Yoon also pledged $50 million in grant aid to Kyrgyzstan": a head of state gives for his country
        agents = leaders_as_countries(st, agents)
    targets = [t for t in targets if t not in agents]
    if relation == "GRANTS_AID_TO" and agents and not targets and verb is not None and \
            verb.lemma_.lower() in frame.agent_verbs and tok.dep_ == "dobj" and \
            all(a.id == "country:south-korea" or funder_kind(st, a.id) == "donor" for a in agents if len(a.ids) == 1) \
            and not any(c.dep_ == "prep" and c.lower_ == "for" for c in (*tok.subtree, *verb.children)):
        # (not a grant for a purpose of its own: "provided a grant of $3 million for stage equipment")
        # "Since 1992, the Korean government has provided grant aid worth more than $50 million through KOICA" in a
        # report on Korea and one other country: Korea's aid given to no one named goes to that country
        pair = report_pair(st)
        receivers = [p for p in pair if p != "country:south-korea"] if "country:south-korea" in pair else []
        if len(receivers) == 1:
            targets = [m for m in st.mentions if m.id == receivers[0] and len(m.ids) == 1 and not m.demonym][:1]
    if frame.relation == "OPERATES_IN" and verb is not None and tok.dep_ == "dobj" and tok.head.i == verb.i and \
            verb.lemma_.lower() in ("open", "establish", "set", "launch") and (
                is_planned(verb) or any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in verb.children)):
        # "The bank plans to open a branch in Samarkand in 2027", "will open a branch campus in Samarkand": not there
        # yet
        return
    if agents and frame.relation in ("LENDS_TO", "GRANTS_AID_TO") and not any(
            t.label in ("Country", "Organization", "Firm", "Project") for t in targets):
        # "a $500 million EDCF credit line for Uzbek infrastructure": money for a country's sector goes to that country
        heads = [tok, tok.head] if tok.dep_ == "compound" else [tok]
        targets = targets + [st.at[x.i] for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                             for p in c.children if p.dep_ == "pobj" and p.i in st.at and st.at[p.i].label == "Sector"
                             for x in p.children if x.dep_ in ("amod", "compound") and x.i in st.at
                             and st.at[x.i].label == "Country" and len(st.at[x.i].ids) == 1]
    bought = verb is not None and verb.lemma_.lower() in ("acquire", "buy", "purchase")
    if frame.relation == "HOLDS_STAKE_IN" and verb is not None and bought and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(t.ent_type_ == "MONEY" for t in c.subtree)
            for c in verb.children):
        # "POSCO Holdings bought a 40 percent stake in the Bakennoye project for $210 million": an investment too
        add_facts(st, agents, "INVESTS_IN", [t for t in targets if t.label in ("Project", "Firm")], sent)
    add_facts(st, agents, relation, targets, sent, modality=stage)


for _frame in {f.noun: f for f in NOUN_FRAMES.values()}.values():
    register(f"noun-frame:{_frame.noun}", stage="noun", confidence=_frame.confidence,
             description=f"'{_frame.noun}' states {_frame.relation}", examples=_frame.examples)
