"""Relation rules over the dependency tree: verb frames, noun frames and document-level passes."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from graph.extract.emit import add_fact, add_facts, lender_named
from graph.extract.frames import (
    document_project,
    funder_kind,
    lead_project,
    paragraph_project,
    purse_owners,
    read_frame,
    recent_project,
)
from graph.extract.gazetteer import name_key
from graph.extract.lexicon import (
    AGENT_NOUNS,
    AGREEMENT_HEADS,
    BUILD_VERBS,
    CO_VERBS,
    FIRM_NOUNS,
    JOINT_ACT_VERBS,
    KOREAN_SURNAMES,
    MEETING_NOUNS,
    NOUN_FRAMES,
    OUTPUT_UNITS,
    PARTICIPANT_NOUNS,
    PLACE_NOUNS,
    PLAN_VERBS,
    PROJECT_HEADS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    SAY_VERBS,
    SITE_VERBS,
    STAGE_NOUNS,
    VERB_REL,
    VERB_SLOTS,
    VISIT_NOUNS,
    NounFrame,
)
from graph.extract.mentions import SITE_HEADS, costed, entity_country, funded_by, sister_places
from graph.extract.quantities import _num, is_sum
from graph.extract.registry import RULES, register, running
from graph.extract.roles import UNIT_NOUNS
from graph.extract.state import DocState, Mention, add_mention, entity, korean_by_name, report_pair
from graph.extract.syntax import (
    SIGNING_VERBS,
    STAGE_VERBS,
    _relative_head,
    agents_of,
    agreement_parties,
    between,
    colon_list,
    copula_subjects,
    doc_pair,
    expand,
    expand_places,
    governing_subjects,
    is_planned,
    leaders_as_countries,
    location_in,
    ministers_as_countries,
    modality_of,
    money_word,
    named_before_comma,
    objects_of,
    places_of,
    purpose_targets,
    semicolon_items,
    subjects_of,
    surface_list,
    topics_of,
)
from graph.models import Evidence, Fact, Quantity

_POP_LINE = re.compile(
    r"^[ \t]*([A-Z][A-Za-z .'-]+?)[ \t]*(\d{1,3}(?:,\d{3})+|\d+)(?:\[\d+\])*[ \t]*$", re.M
)



_TALLY_VERBS = frozenset({"sell", "account", "hold", "own", "export", "import", "employ", "control", "produce",
                          "make", "represent", "total"})
_JOINT_TEXTS = frozenset({"statement", "declaration", "communique", "communiqué"})


def negated(verb: Token) -> bool:
    """'has not signed', 'never visited' (not 'not only signed ... but also'), 'no contract has been signed'."""
    for c in verb.children:
        if c.dep_ == "neg" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in ("only", "just", "least")):
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    return False


def relations(st: DocState, sent: Span) -> None:
    """Every rule of one sentence, in one pass over its words (each pass costs a Token object per word): verb and
    noun frames as they come, then the noun frames, participle compounds and hosts the pass collected."""
    frames: list[tuple[Token, NounFrame]] = []
    participles: list[Token] = []
    hosts: list[Token] = []
    agreed: list[Token] = []
    joined: list[Token] = []  # verbs done "together with" a body
    for tok in sent:
        if tok.pos_ == "VERB" and negated(tok):
            continue  # "no contract has been signed", "Samsung did not sign": nothing done
        lemma = tok.lemma_.lower()
        if lemma.startswith("co-") and tok.pos_ == "VERB":
            lemma = co_lemma(tok)  # "co-organised": the verb after "co-"
        tag = tok.tag_
        if tag == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.lower_ in NOUN_FRAMES and \
                not any(c.dep_ in ("dobj", "aux") for c in tok.children):
            # "Co-financing of $30 million comes from the ADB": a gerund the tagger took for a verb is the noun
            frames.append((tok, NOUN_FRAMES[tok.lower_]))
        if tag == "VBN":
            participles.append(tok)
        elif tag.startswith("NN"):
            if lemma in NOUN_FRAMES and tok.pos_ == "NOUN" and not (
                    tok.dep_ == "compound" and tok.head.lemma_.lower() in _NOT_MONEY_HEADS):
                # (not "export credit insurance", "a credit guarantee": cover for the money, not the money)
                frames.append((tok, NOUN_FRAMES[lemma]))
            elif tok.lower_ == "funds" and tok.pos_ == "NOUN":
                frames.append((tok, NOUN_FRAMES["money"]))  # "the funds come from the EDCF" (not "a fund")
            elif lemma in ("rest", "balance") and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("come", "flow") \
                    and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                # "DBK will lend 200 billion tenge, and the rest will come from Samruk-Energy's own funds": the rest
                # of a cost (not "the rest of the delegation came from Almaty") is money like the remainder
                frames.append((tok, NOUN_FRAMES["money"]))
            elif lemma in ("line", "facility", "tranche") and tok.pos_ == "NOUN":
                # "a $300 million credit line", "a loan facility": the kind of money is the compound's
                frames += [(tok, NOUN_FRAMES[c.lemma_.lower()]) for c in tok.children if c.dep_ == "compound"
                           and c.lemma_.lower() in NOUN_FRAMES and
                           NOUN_FRAMES[c.lemma_.lower()].relation in ("LENDS_TO", "GRANTS_AID_TO", "FINANCES")][:1]
            if lemma in ("host", "organizer", "organiser"):
                hosts.append(tok)
            if lemma == "charge" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                with running(st, "noun:in-charge-of", tok):
                    in_charge_rule(st, sent, tok)
            if lemma in STAGE_NOUNS and tok.dep_ in ("nsubj", "nsubjpass") and any(
                    c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its") for c in tok.children):
                with running(st, "noun:stage-restated", tok):
                    stage_restated(st, sent, lemma)
            if lemma in _TRADE_VERBS and tag == "NNS" and tok.dep_ == "compound" and tok.i - 1 in st.at:
                with running(st, "verb:mistagged-trade", tok):
                    mistagged_trade(st, sent, tok)
            if lemma == "commitment" and tok.pos_ == "NOUN":
                with running(st, "noun-frame:loan", tok):
                    lending_commitments(st, sent, tok)
            if lemma in ("consortium", "alliance") and tok.pos_ == "NOUN":
                with running(st, "noun:consortium", tok):
                    consortium_rule(st, sent, tok)
            if lemma in PARTICIPANT_NOUNS and tok.pos_ == "NOUN":
                with running(st, "noun:participants", tok):
                    participants_rule(st, sent, tok)
        if tok.lower_ == "under" and tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX"):
            with running(st, "verb:under-programme", tok):
                under_programme(st, sent, tok)
            with running(st, "verb:under-contract", tok):
                under_contract_with(st, sent, tok)
            with running(st, "document:agreement-topics", tok):
                under_agreement_topics(st, sent, tok)
        if tok.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX") and (any(
                c.dep_ == "prep" and c.lower_ in ("under", "by") and any(p.lower_ == "which" for p in c.children)
                for c in tok.children) or any(c.lower_ == "whereby" for c in tok.children)):
            with running(st, "document:agreement-topics", tok):
                under_which_topics(st, sent, tok)
        if tag.startswith("NN") and tok.pos_ == "NOUN" and (funder := funded_by(st, tok)) is not None:
            # "a KOICA-funded master plan", "A KOICA-funded modernisation of the Dushanbe Emergency Medical Centre"
            targets = [st.at[tok.i]] if tok.i in st.at else [
                st.at[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.i in st.at and st.at[p.i].label in ("Project", "Organization")][:1]
            with running(st, "verb:finance", tok):
                add_facts(st, [funder], "FINANCES", targets, sent)
        if lemma in SIGNING_VERBS and tok.pos_ == "VERB":
            with running(st, "verb:signed-in", tok):
                signed_in(st, sent, tok)
        if lemma in ("award", "give", "entrust", "assign") and tok.tag_ == "VBN" and any(
                c.dep_ == "nsubjpass" and (c.lemma_.lower() in _WORKS_AWARDED and c.i not in st.at or
                                           c.lemma_.lower() == "contract" and any(
                                               x.dep_ in ("compound", "nmod") and any(
                                                   y.lemma_.lower() in _WORKS_AWARDED | {"epc"}
                                                   for y in (x, *x.conjuncts)) for x in c.children))
                for c in tok.children):
            # (and "A 31 billion tenge construction contract was awarded to Hyundai Engineering", "The engineering,
            # procurement and construction (EPC) contract was awarded to Samsung C&T")
            with running(st, "verb:works-awarded", tok):
                works_awarded(st, sent, tok)
        if lemma in ("take", "bring") and tok.pos_ == "VERB" and (
                tok.dep_ == "relcl" and tok.head.lemma_.lower() in VISIT_NOUNS or
                any(c.dep_ == "nsubj" and c.lemma_.lower() in VISIT_NOUNS for c in tok.children)):
            # "a Central Asian tour that also took him to Kazakhstan and Uzbekistan": a trip takes its traveller there
            with running(st, "verb:visit", tok):
                trip_took(st, sent, tok)
        if lemma in ("pay", "make") and tok.pos_ == "VERB" and tok.dep_ == "relcl" and \
                tok.head.lemma_.lower() in VISIT_NOUNS and not any(c.dep_ == "dobj" and c.i > tok.i
                                                                   for c in tok.children):
            # "the state visit that President Sadyr Japarov will pay to Seoul": who pays the visit goes there
            people, passive = subjects_of(st, tok)
            with running(st, "verb:visit", tok):
                add_facts(st, [m for m in people if m.label in ("Person", "Country", "Organization", "Firm")
                               and not m.demonym and not passive],
                          "VISITS", [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                                     for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                                     if m.label in ("Country", "Location") and not m.demonym], sent)
        if lemma == "be" and tok.pos_ in ("AUX", "VERB") and any(c.dep_ == "acomp" and c.lower_ == "present"
                                                                 for c in tok.children):
            # "KOGAS President Lee Seung-hoon and Lotte Chemical CEO Huh Soo-young were also present": the people
            # present attend the one event their paragraph (or report) has named
            people = [m for m in subjects_of(st, tok)[0] if m.label == "Person"]
            with running(st, "verb:attend", tok):
                add_facts(st, people, "ATTENDS", _the_one_event(st, sent, sent.start_char) if people else [], sent)
        if lemma == "award" and tok.tag_ == "VBN" and tok.dep_ == "acl":
            with running(st, "verb:works-awarded", tok):
                project_awarded(st, sent, tok)
        if lemma in ("live", "reside") and tok.tag_ in ("VBP", "VBZ", "VBD") and tok.i > 0 and \
                (g := st.at.get(tok.i - 1) or _group_before_apposition(st, sent, tok)) is not None and \
                g.label == "Group" and (g.end == tok.i or st.sdoc[tok.i - 1].text == ","):
            with running(st, "verb:reside", tok):
                group_lives_in(st, sent, tok, g)
        if lemma in _BUSINESS_VERBS and tok.pos_ == "VERB" and any(
                c.dep_ == "dobj" and (c.i not in st.at or st.at[c.i].label == "Project") for c in tok.children):
            with running(st, "verb:operate", tok):
                business_places(st, sent, tok)
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            if lemma == "work" and any(c.lower_ == "together" for c in tok.children):
                lemma = "cooperate"  # "signed an agreement on working together in the oil and gas industries"
            elif lemma == "work" and any(c.dep_ == "prep" and c.lower_ == "with" and any(
                    p.i in st.at and st.at[p.i].label in ("Firm", "Organization", "Country") for p in c.children)
                    for c in tok.children):
                lemma = "cooperate"  # "KEPCO is working with Uzbekenergo on grid modernisation"
            elif lemma == "join" and any(c.dep_ == "dobj" and c.lower_ == "forces" for c in tok.children):
                lemma = "cooperate"  # "POSCO joined forces with Uzbekneftegaz"
            elif lemma == "exchange" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("view", "opinion")
                                             for c in tok.children):
                lemma = "talk"  # "Mirziyoyev and Lee exchanged views on regional issues"
            if lemma == "hand" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
                lemma = "deliver"  # "KOICA handed over medical equipment to the centre"
            if lemma == "put" and any(c.dep_ == "prep" and c.lower_ == "into" for c in tok.children) and any(
                    c.dep_ == "dobj" and is_sum(c) for c in tok.children):
                lemma = "invest"  # "Korean companies have put $1.1 billion into Kazakhstan's energy sector"
            if lemma == "pay" and any(c.dep_ == "auxpass" for c in tok.children) and any(
                    c.dep_ == "prep" and c.lower_ == "for" and not list(c.children) for c in tok.children):
                lemma = "finance"  # "The study will be paid for by the Ministry of Trade, Industry and Energy"
            elif lemma == "pay" and not any(c.dep_ in ("auxpass", "dobj") for c in tok.children) and any(
                    c.dep_ == "prep" and c.lower_ == "for" and c.i == tok.i + 1 and any(
                        p.dep_ == "pobj" and p.pos_ == "NOUN" and p.lemma_.lower() not in ("share", "stake", "shares")
                        for p in c.children) for c in tok.children):
                # "KOICA had earlier paid for the e-government master plan": who pays for a thing funds it (not
                # "paid $118 million for their shares", a price)
                lemma = "finance"
            if lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
                lemma = "produce"  # "the factory is expected to turn out 30,000 cars per year"
            if lemma in VERB_REL and VERB_REL[lemma] == "PRODUCES":
                products(st, tok)
            elif lemma in _GOODS_VERBS and tok.pos_ == "VERB":
                products(st, tok, supplied=True)
            if lemma in VERB_REL and lemma in _EVENT_VERBS and tok.pos_ == "VERB" and _event_subject(st, tok) and \
                    not any(c.dep_ == "dobj" for c in tok.children):
                # "the Business Forum, which opened in Almaty on Tuesday": where an event opens it takes place
                with running(st, "verb:event-place", tok):
                    place_rule(st, sent, tok)
            if lemma in ("receive", "accept") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("credential", "credentials") for c in tok.children):
                with running(st, "verb:present-credentials", tok):
                    credentials_rule(st, sent, tok)
            if lemma in ("hand", "present") and tok.tag_ == "VBN":
                with running(st, "verb:meet", tok):
                    handed_over(st, sent, tok)
            if lemma in ("start", "launch", "begin", "commence") and tok.pos_ == "VERB":
                with running(st, "verb:launch", tok):
                    production_start(st, sent, tok)
            if lemma in VERB_REL:
                with running(st, verb_rule_name(lemma), tok):
                    verb_rule(st, sent, tok, lemma)
            elif lemma == "issue" and any(c.dep_ == "dobj" and c.lemma_.lower() in _JOINT_TEXTS and
                                          any(x.lower_ == "joint" for x in c.children) for c in tok.children):
                # "the two leaders issued a joint statement": adopted it
                with running(st, verb_rule_name("adopt"), tok):
                    verb_rule(st, sent, tok, "adopt")
            elif lemma in _SUPPORT_VERBS:
                with running(st, "verb:projects-in", tok):
                    verb_rule(st, sent, tok, lemma)
            elif lemma in _GIVE_VERBS and tok.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and is_sum(c) for c in tok.children) and \
                    (not _framed_money(tok) or any(c.dep_ in ("dative", "dobj") and c.i in st.at and not is_sum(c)
                                                   for c in tok.children)):
                # ("Seoul would give Kazakhstan and Uzbekistan $2 million in humanitarian aid": the frame's noun
                # names no receiver, the verb's second object does)
                # "KOICA has pledged $8 million for the railway": a sum given (no loan or grant named) funds
                with running(st, "verb:provide-money", tok):
                    givers, passive = subjects_of(st, tok)
                    if not passive:
                        by_prep = objects_of(st, tok)[1]
                        # "South Korea has granted Kyrgyzstan $5 million": the one given to, before the sum
                        by_prep["to"] = by_prep.get("to", []) + [
                            m for c in tok.children if c.dep_ in ("dative", "dobj") and c.i in st.at
                            for m in expand(st, c) if m.label in ("Country", "Organization", "Firm")]
                        # (money given, granted or donated is aid, but what a bank or fund gives it lends or funds)
                        money_given(st, sent, givers, by_prep, aid=lemma in ("grant", "donate") or lemma == "give" and
                                    not any(len(g.ids) == 1 and funder_kind(st, g.id) == "funder" for g in givers))
            elif lemma in ("hold", "have", "conduct", "celebrate", "possess") and tok.pos_ == "VERB":
                with running(st, "verb:hold", tok):
                    hold_rule(st, sent, tok)
            elif lemma in _ASSEMBLE_VERBS and tok.pos_ == "VERB" and any(
                    c.dep_ == "prep" and c.lower_ == "for" for c in tok.children) and not _event_subject(st, tok):
                with running(st, "verb:gather-for", tok):
                    gathered_for(st, sent, tok)
            elif lemma in ("report", "answer", "belong", "operate") and tok.pos_ == "VERB" and any(
                    c.dep_ == "prep" and (c.lower_ == "to" and lemma in ("report", "answer") or c.lower_ == "under")
                    for c in tok.children):
                # "the Turkmenaragatnashyk Agency, which reports to the Ministry of Industry": a body under a body
                bodies, passive = subjects_of(st, tok)
                parents = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "under")
                           for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Organization"]
                if not passive and not any(c.dep_ == "dobj" for c in tok.children):
                    with running(st, "verb:operate-under", tok):
                        add_facts(st, [m for m in bodies if m.label in ("Organization", "Firm")], "SUBSIDIARY_OF",
                                  parents, sent)
            elif lemma == "cut" and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() == "ribbon"
                                                                for c in tok.children):
                # "At Tuesday's ceremony, Prime Minister Bektenov cut the ribbon together with Park Ki-tae": those
                # who cut the ribbon open the project the paragraph is about
                openers, passive = subjects_of(st, tok)
                # ("cut the ribbon at UzDaewoo Auto's car factory in Asaka": the works named there)
                ribbon_phrases = [*tok.children, *(g for o in tok.children if o.dep_ == "dobj" for g in o.children)]
                at = [m for c in ribbon_phrases if c.dep_ == "prep" and c.lower_ in ("at", "of")
                      for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Project"]
                if not passive:
                    with running(st, "verb:launch", tok):
                        add_facts(st, [m for m in openers if m.label in ("Person", "Firm", "Organization", "Country")],
                                  "LAUNCHES", at or paragraph_project(st, sent), sent)
            elif lemma == "belong" and tok.pos_ == "VERB":
                # "The facility belongs to Mobis Kazakhstan LLP": the one it belongs to owns it (a stake that
                # belongs to someone is the stake frame's)
                things, passive = subjects_of(st, tok)
                owners = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                          if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Firm", "Organization", "Country")]
                if not passive and not any(c.dep_ == "nsubj" and c.lemma_.lower() in NOUN_FRAMES and
                                           NOUN_FRAMES[c.lemma_.lower()].relation == "HOLDS_STAKE_IN"
                                           for c in tok.children):
                    with running(st, "verb:own", tok):
                        add_facts(st, owners, "OWNS", [m for m in things if m.label in ("Project", "Firm")], sent)
            elif lemma in ("import", "buy", "purchase", "order") and any(c.dep_ == "prep" and c.lower_ == "from"
                                                                        for c in tok.subtree) and not any(
                    c.dep_ == "dobj" and (c.lemma_.lower() in _SHARE_NOUNS or c.lower_ in ("percent", "%") and
                                          not _goods_share(st, c))
                    for c in tok.children):
                # (not "agreed to buy a 20 percent stake in Kiyanly Polymer from Turkmengaz": a stake is not goods)
                with running(st, "verb:import", tok):
                    import_rule(st, sent, tok)
            elif lemma == "be" and sister_places(tok):
                # "Gyeongsangbuk-do and Issyk-Kul region have been sister regions since 2019": their administrations
                # partner
                with running(st, "verb:cooperate", tok):
                    places, _passive = subjects_of(st, tok)
                    partner_group(st, sent, [m for m in places if m.label == "Organization" and len(m.ids) == 1])
            elif lemma == "be" and any(c.dep_ == "acomp" and c.lower_ in ("active", "present") for c in tok.children):
                # "POSCO International has been active in Uzbekistan since 1995": it operates there
                with running(st, "verb:operate", tok):
                    subjects, _passive = subjects_of(st, tok)
                    preps = [x for c in tok.children if c.dep_ == "acomp" for x in c.children if x.dep_ == "prep"]
                    preps += [x for x in tok.children if x.dep_ == "prep"]  # the parser may hang "in" on "be"
                    places = [m for x in preps if x.lower_ in ("in", "across") for q in x.children
                              if q.dep_ == "pobj" for m in expand(st, q)
                              if m.label in ("Country", "Location") and not m.demonym]
                    add_facts(st, [m for m in subjects if m.label in ("Firm", "Organization")], "OPERATES_IN",
                              places, sent)
            elif lemma == "be" and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                    p.lemma_.lower() in MEETING_NOUNS | {"meeting", "session", "forum", "summit", "talks"}
                    for p in c.children) for c in tok.children) and \
                    any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
                # "Oh Jae-hoon, who was in the Kazakh capital for the ninth meeting of the commission": a person who
                # is in a place for a meeting has come there
                with running(st, "verb:visit", tok):
                    subjects, _passive = subjects_of(st, tok)
                    k = tok.left_edge.i
                    if tok.dep_ == "relcl" and k >= 2 and st.sdoc[k].lower_ == "who" and st.sdoc[k - 1].text == "," \
                            and (named := st.at.get(k - 2)) is not None and named.label == "Person":
                        subjects = [named]  # ("A and Korea's Vice Minister B, who was in ...": B alone)
                    places = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for q in c.children
                              if q.dep_ == "pobj" for m in expand(st, q)
                              if m.label in ("Country", "Location") and not m.demonym]
                    add_facts(st, [m for m in subjects if m.label == "Person"], "VISITS", places, sent)
            elif lemma == "be" and any(c.dep_ == "prep" and c.lower_ == "under" and any(
                    p.lemma_.lower() in _WORKS_NOUNS for p in c.children) for c in tok.children):
                # "A 300-bed hospital is under construction in Dushanbe": where a project is being built, it lies
                with running(st, "verb:project-site", tok):
                    things = [m for c in tok.children if c.dep_ == "nsubj" for m in expand(st, c)
                              if m.label == "Project"]
                    places = [m for c in tok.children if c.dep_ == "prep" for x in c.subtree
                              if x.dep_ == "prep" and x.lower_ in ("in", "at") or x is c and c.lower_ in ("in", "at")
                              for q in x.children if q.dep_ == "pobj" for m in expand(st, q)
                              if m.label in ("Location", "Country") and not m.demonym]
                    add_facts(st, things, "LOCATED_IN", places, sent)
            elif lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
                with running(st, "verb:attend", tok):
                    verb_rule(st, sent, tok, "participate")
            elif lemma in ("schedule", "slate", "set", "plan") and tok.tag_ == "VBN" and tok.dep_ == "acl" and \
                    tok.head.i in st.at and st.at[tok.head.i].label == "Event":
                # "the Korea-Central Asia summit scheduled in Seoul": where an event is scheduled it takes place
                with running(st, "verb:take-place", tok):
                    place_rule(st, sent, tok)
            elif lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children):
                with running(st, "verb:take-place", tok):
                    place_rule(st, sent, tok)
            elif lemma in SITE_VERBS and any(c.dep_ == "nsubj" and c.i in st.at and st.at[c.i].label == "Project"
                                             for c in tok.children):
                # "The facility will rise in Turkmenabat": where a built thing rises or stands, it is located
                with running(st, "verb:project-site", tok):
                    place_rule(st, sent, tok)
            elif lemma in _GATHER_VERBS and (lemma != "bring" or any(c.lower_ == "together" for c in tok.children)) \
                    and _gathering_event(st, sent, tok) is not None:
                with running(st, "verb:event-gathers", tok):
                    event_gathers(st, sent, tok)
            elif tok.pos_ == "VERB" and _event_subject(st, tok):
                # "The Turkmen-Korean Business Forum gathered 200 companies in Ashgabat", "the summit opened in
                # Busan": where an event does what it does, it takes place
                with running(st, "verb:event-place", tok):
                    place_rule(st, sent, tok, through_object=True)
            elif lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
                # "plans to set up a battery plant": setting up a plant is building it
                with running(st, "verb:build", tok):
                    verb_rule(st, sent, tok, "build")
            elif lemma in ("present", "hand", "submit") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("credential", "credentials") for c in tok.children):
                # "presented his credentials to President X": an envoy accredited to X's country
                with running(st, "verb:present-credentials", tok):
                    credentials_rule(st, sent, tok)
            elif lemma in ("choose", "select", "pick"):
                with running(st, "verb:choose-for-visit", tok):
                    choose_rule(st, sent, tok)
            elif lemma in ("call", "urge") and tok.pos_ == "VERB":
                # "Tokayev called on South Korean companies to participate in ...": an invitation
                subjects, _ = subjects_of(st, tok)
                objs = [
                    m
                    for c in tok.children
                    if (c.dep_ == "prep" and c.lower_ == "on") or c.dep_ == "dobj"
                    for p in ([c] if c.dep_ == "dobj" else c.children)
                    for m in expand(st, p)
                ]
                if any(c.dep_ in ("xcomp", "advcl") for c in tok.children) or lemma == "urge":
                    with running(st, "verb:call-on", tok):
                        add_facts(st, subjects, "INVITES", objs, sent)
        if tok.pos_ == "VERB" and lemma not in ("meet", "hold", "host", "attend", "participate"):
            during_event(st, sent, tok)
        if lemma == "rich" and tok.dep_ == "acomp" and tok.head.lemma_ == "be":
            # "Uzbekistan is rich in gold, copper and uranium": what a place is rich in, it has reserves of
            with running(st, "noun:reserves", tok):
                places = [m for m in subjects_of(st, tok.head)[0] if m.label in ("Country", "Location")
                          and not m.demonym]
                add_facts(st, places, "HAS_RESERVES", [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                                                       for p in c.children if p.dep_ == "pobj"
                                                       for m in expand(st, p) if m.label == "Mineral"], sent)
        if tok.pos_ == "VERB" and lemma in _SHIP_VERBS and any(c.dep_ == "prep" and c.lower_ == "to"
                                                                for c in tok.children):
            with running(st, "verb:output-to", tok):
                output_to(st, sent, tok)
        if tok.pos_ == "VERB" and lemma not in ("sign", "agree", "meet", "talk", "hold", "cooperate", "partner") and \
                _together_with(st, tok):
            joined.append(tok)
        if tok.pos_ == "VERB" and lemma in ("buy", "purchase"):
            with running(st, "verb:output-bought", tok):
                output_bought(st, sent, tok)
        if tok.pos_ == "VERB" and lemma == "belong" and not any(c.dep_ == "nsubj" and c.lemma_.lower() in NOUN_FRAMES
                                                                for c in tok.children):
            # "Lotte Rakhat belongs to South Korea's Lotte Group": a firm that belongs to another is its subsidiary
            with running(st, "document:subsidiary-apposition", tok):
                parts, passive = subjects_of(st, tok)
                owners = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                          if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Firm", "Organization")]
                add_facts(st, [m for m in parts if m.label in ("Firm", "Organization")], "SUBSIDIARY_OF", owners, sent)
        if tok.pos_ == "VERB" and lemma in ("meet", "cover", "satisfy", "supply") and any(
                t.lemma_.lower() in ("demand", "need", "needs", "consumption", "requirement")
                for c in tok.children if c.dep_ == "dobj" for t in c.subtree):
            # "the plant would have met about 9% of Kazakhstan's total power demand": it supplies the one whose
            # demand it meets
            with running(st, "verb:supply", tok):
                suppliers, passive = subjects_of(st, tok)
                buyers = [st.at[x.i] for c in tok.children if c.dep_ == "dobj" for t in c.subtree
                          if t.lemma_.lower() in ("demand", "need", "needs", "consumption", "requirement")
                          for x in t.children if x.dep_ == "poss" and x.i in st.at]
                if not passive:
                    add_facts(st, [m for m in suppliers if m.label in ("Project", "Firm", "Country", "Organization")],
                              "SUPPLIES", [b for b in buyers if b.label in ("Country", "Location", "Firm")
                                           and not b.demonym], sent)
        if tok.pos_ == "VERB" and lemma in STAGE_VERBS and not any(c.dep_ == "nsubj" and c.i in st.at and
                                                                   st.at[c.i].label != "Project" for c in tok.children):
            with running(st, "verb:stage-of-project", tok):
                stage_without_actor(st, sent, tok)
        if tok.pos_ == "VERB" and lemma == "borrow":
            with running(st, "verb:borrow", tok):
                borrow_rule(st, sent, tok)
        if tok.pos_ == "VERB" and lemma == "contain":
            with running(st, "verb:contain-reserves", tok):
                contain_reserves(st, sent, tok)
        if tok.pos_ == "VERB" and lemma in _TRANSFORM_VERBS and _into_phrases(tok):
            with running(st, "verb:process-into", tok):
                process_into(st, sent, tok)
        if tok.pos_ == "VERB" and lemma in ("tell", "address", "brief") and any(
                c.dep_ in ("dobj", "dative") and c.i in st.at and st.at[c.i].label == "Event" for c in tok.children):
            # "Kudratov told the forum that ...", "Lee addressed the summit": a speaker at an event attends it
            speakers, passive = subjects_of(st, tok)
            with running(st, "verb:address-event", tok):
                add_facts(st, [] if passive else [m for m in speakers if m.label == "Person"], "ATTENDS",
                          [st.at[c.i] for c in tok.children if c.dep_ in ("dobj", "dative") and c.i in st.at
                           and st.at[c.i].label == "Event"], sent)
        if tok.pos_ == "VERB" and lemma in _STAKE_VERBS and any(
                c.dep_ == "dobj" and c.lower_ in ("percent", "%", "per") for c in tok.children):
            with running(st, "verb:percent-of", tok):
                percent_of(st, sent, tok)
        if tok.pos_ == "VERB" and lemma in ("account", "produce", "hold", "have") and any(
                t.lemma_.lower() in _SHARE_OF for c in tok.children if c.dep_ in ("prep", "dobj") for t in c.subtree):
            with running(st, "verb:share-of-output", tok):
                share_of_output(st, sent, tok)
        elif tok.pos_ == "VERB" and lemma in ("produce", "mine") and any(
                c.dep_ == "dobj" and c.lower_ in ("percent", "%", "third", "quarter", "half", "fifth", "share")
                for c in tok.children):
            # "Kazakhstan, which produces about 40 percent of the world's uranium": a share of a mineral's output
            with running(st, "verb:share-of-output", tok):
                share_of_mineral(st, sent, tok)
        if tok.pos_ == "VERB" and lemma in _STAKE_VERBS and _share_of_which(tok) is not None:
            with running(st, "verb:percent-of-which", tok):
                percent_of_which(st, sent, tok)
        if tok.pos_ == "VERB" and lemma == "represent" and any(c.dep_ == "auxpass" for c in tok.children):
            with running(st, "verb:attend", tok):
                represented_at(st, sent, tok)
        if tok.pos_ == "VERB" and lemma in ("agree", "reaffirm", "pledge", "vow", "confirm", "endorse") and \
                tok.dep_ in ("ROOT", "ccomp"):
            # "Lee Jae-myung and Shavkat Mirziyoyev agreed Friday to expand cooperation": leaders who agree with
            # each other met ("President Mirziyoyev and Lee confirmed an EDCF framework": or who confirm something
            # together; not two who sign a document, whom readers do not count as meeting)
            people, passive = subjects_of(st, tok)
            people = [m for m in people if m.label == "Person" and len(m.ids) == 1]
            if not passive and len({m.id for m in people}) == 2:
                with running(st, "verb:agree-together", tok):
                    add_facts(st, people[:1], "MEETS", people[1:], sent)
            if lemma == "agree":
                agreed.append(tok)
        if tok.pos_ == "VERB" and lemma in ("create", "establish", "form", "found", "institute") and any(
                c.dep_ == "dobj" and c.i in st.at and st.at[c.i].label == "Event" for c in tok.children):
            # "Korea and the five states would create a Korea-Central Asia Summit": who found a meeting together
            # take part in it
            founders, passive = subjects_of(st, tok)
            founders = [m for m in leaders_as_countries(st, founders) if m.label in ("Country", "Organization")
                        and not m.demonym]
            if not passive and len({i for m in founders for i in m.ids}) >= 2:
                with running(st, "verb:found-event", tok):
                    add_facts(st, founders, "ATTENDS", [st.at[c.i] for c in tok.children if c.dep_ == "dobj"], sent)
        if tok.pos_ == "VERB" and lemma in _FORM_VERBS and any(
                c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lemma_.lower() in ("venture", "consortium") and
                (any(x.lower_ == "joint" or x.lemma_.lower() == "consortium" for x in (c, *c.children)) or
                 any(x.dep_ == "prep" and x.lower_ == "with" for x in (*c.children, *tok.children)))
                for c in [*tok.children, *(tok.head.children if tok.dep_ == "xcomp" else ())]):
            # ("is to be set up by": the venture is the subject of "is")
            # "A joint venture ... is to be set up by POSCO International and Tau-Ken Samruk": who form a joint
            # venture together partner
            founders, _passive = subjects_of(st, tok)
            # ("formed a uranium exploration venture with Kazatomprom": the one it is formed with founds it too)
            heads = [tok, *(x for x in tok.children if x.dep_ == "dobj")]
            founders += [m for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                         for p in c.children if p.dep_ == "pobj" for m in expand(st, p)]
            founders = [m for m in founders if m.label in ("Firm", "Organization", "Country") and not m.demonym
                        and len(m.ids) == 1]
            if len({m.id for m in founders}) >= 2:
                with running(st, "verb:form-joint-venture", tok):
                    partner_group(st, sent, founders)
        if tok.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together")
                                      for c in tok.children) and \
                not (lemma in _TALLY_VERBS and not any(c.lower_ == "jointly" for c in tok.children)):
            # (not "Hyundai Motor and Kia together sold 68,400 vehicles": a sum of two, not a joint act)
            # "Korea Zinc and Tau-Ken Samruk agreed to jointly explore tungsten": who act jointly partner
            actors, passive = subjects_of(st, tok)
            actors = [m for m in leaders_as_countries(st, actors) if m.label in ("Firm", "Organization", "Country")
                      and not m.demonym]
            if not passive and len({i for m in actors for i in m.ids}) >= 2:
                with running(st, "verb:jointly", tok):
                    partner_group(st, sent, actors)
                    # "South Korea and Kyrgyzstan agreed to jointly develop rare earth elements": countries that
                    # work a field or mineral together cooperate in it
                    fields = [m for c in tok.children if c.dep_ == "dobj" for x in (c, *c.conjuncts)
                              for m in expand(st, x) if m.label in ("Sector", "Mineral")]
                    add_facts(st, [m for m in actors if m.label == "Country"], "COOPERATES_IN", fields, sent)
        if tok.lower_ == "home" and (tok.dep_ in ("attr", "advmod") and tok.head.lemma_ == "be" or
                                     tok.dep_ == "appos" and tok.head.i in st.at or _home_apposition(st, tok)):
            with running(st, "noun:home-to", tok):
                home_rule(st, sent, tok)
        if tok.pos_ in ("NOUN", "PROPN") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            noun_rule(st, sent, tok, lemma)
    for tok, frame in frames:
        with running(st, f"noun-frame:{frame.noun}", tok):
            read_frame(st, sent, tok, frame)
    for tok in sent:
        if tok.lemma_.lower() in ("own", "hold", "keep", "retain") and tok.tag_ == "VBG" and tok.dep_ == "pcomp" and \
                tok.head.lower_ == "with" and any(c.dep_ == "dobj" and c.lemma_.lower() in _REST_WORDS
                                                  for c in tok.children):
            with running(st, "noun-frame:stake", tok):
                rest_owner(st, sent, tok)
    for tok in joined:
        # (after the other rules, which may say more of how they work together: "jointly with", "cooperation with")
        with running(st, "verb:together-with", tok):
            together_with(st, sent, tok)
    for tok in agreed:
        # "Turkmenistan and South Korea have agreed to revive a project": parties agreeing with each other are
        # partners (after the other rules, which say more of how they work together)
        parties, passive = subjects_of(st, tok)
        # "Kazakhmys agreed with LS Cable & System on the supply of copper cathode": the one agreed with too
        parties += [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                    if p.dep_ == "pobj" for m in expand(st, p) if m not in parties]
        parties = [m for m in parties if m.label in ("Country", "Firm", "Organization") and len(m.ids) == 1
                   and not m.demonym]
        if not passive and len({m.id for m in parties}) >= 2:
            with running(st, "verb:agree-together", tok):
                partner_group(st, sent, parties)
    participle_compounds(st, sent, participles)
    contact_clause_signings(st, sent, participles)
    under_signed_agreement(st, sent)
    with running(st, "verb:sign", sent.root):
        signed_under_which(st, sent)
    with running(st, "noun:gapped-shares", sent.root):
        gapped_shares(st, sent)
    with running(st, "noun:in-presence-of", sent.root):
        in_presence_of(st, sent)
    with running(st, "verb:also-signed", sent.root):
        also_signed(st, sent)
    as_host(st, sent, hosts)
    funding_association(st, sent)


_SHIP_VERBS = frozenset({"export", "ship", "sell", "supply", "deliver"})
_OUTPUT_NOUNS = frozenset({"output", "production", "product"})


def output_to(st: DocState, sent: Span, verb: Token) -> None:
    """'Most of its output will be exported to Iran and Afghanistan', 'a spinning plant, 70 percent of whose output
    is to be exported to Turkey, Russia and South Korea': what makes the output supplies those it goes to (a passive
    whose subject is a share of something's output, or of the thing a relative clause names)."""
    v = verb
    while v.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        v = v.head  # "is to be exported": the subject is the copula's
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return
    makers: list[Mention] = []
    for s in (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")):
        for t in s.subtree:
            if t.lemma_.lower() in _OUTPUT_NOUNS:
                owners = [c for c in t.children if c.dep_ == "poss"]
                owners += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                           if p.dep_ == "pobj"]
                makers += [m for o in owners for m in ([st.at[o.i]] if o.i in st.at else expand(st, o))]
                if not owners and any(c.lower_ == "the" for c in t.children):
                    makers += paragraph_project(st, sent)  # "the output": of the one project the paragraph named
            if t.lower_ in ("which", "whose"):
                clause = next((a for a in t.ancestors if a.dep_ == "relcl"), None)
                if clause is not None:
                    makers += [m for m in expand(st, clause.head)]
                elif s.left_edge.i > sent.start and st.sdoc[s.left_edge.i - 1].text == ",":
                    # ("a plant in Khujand, most of whose output is ...": the parser may not make it a relative
                    # clause; it is about the thing named before its comma, past the place phrase)
                    before = [st.at[k] for k in range(sent.start, s.left_edge.i) if k in st.at
                              and st.at[k].label in ("Project", "Firm")]
                    makers += before[-1:]
    makers = [m for m in makers if m.label in ("Project", "Firm") and len(m.ids) == 1]
    heads = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
             if p.dep_ == "pobj"]
    heads += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
              if p.dep_ == "pcomp" for o in p.children if o.dep_ == "dobj"]  # "to neighbouring Iran"
    targets = [m for p in heads for m in expand(st, p)
               if m.label in ("Country", "Firm", "Organization") and not m.demonym and len(m.ids) == 1]
    add_facts(st, makers, "SUPPLIES", targets, sent)


def represented_at(st: DocState, sent: Span, verb: Token) -> None:
    """'Kazakhstan and Uzbekistan joined the MSP Forum ... Uzbekistan was represented by Bobir Islamov': at the one
    event the paragraph has named (in this sentence or before it), the one who represents a country or body there
    attends it."""
    represented = [m for c in verb.children if c.dep_ == "nsubjpass" for m in expand(st, c)
                   if m.label in ("Country", "Organization", "Firm")]
    people = [m for a in agents_of(verb) for m in expand(st, a) if m.label == "Person"]
    if not represented or not people:
        return
    add_facts(st, people, "ATTENDS", _the_one_event(st, sent, sent.end_char), sent)


def together_with(st: DocState, sent: Span, verb: Token) -> None:
    """'KOICA launched the project together with the Ministry of Energy': who acts together with a body partners
    with it."""
    doers, passive = subjects_of(st, verb)
    if passive:
        return
    bodies = ("Firm", "Organization", "Country")
    others = [m for m in _together_with(st, verb) if m.label in bodies and not m.demonym and len(m.ids) == 1]
    # (subjects_of may count those it is done with among the subjects)
    doers = [m for m in leaders_as_countries(st, doers) if m.label in bodies and not m.demonym and len(m.ids) == 1
             and m not in others]
    for d in doers:
        for o in others:
            if o.ids[0] != d.ids[0]:
                add_fact(st, d.ids[0], "PARTNERS_WITH", o.ids[0], sent, d, o)


def output_bought(st: DocState, sent: Span, verb: Token) -> None:
    """'Barqi Tojik will buy the entire output of the Fandarya plant', 'The plant will produce 180 GWh a year, all of
    which will be bought by NEHC': what makes the output supplies its buyer."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    makers: list[Mention] = []
    if passive:
        buyers = [m for a in agents_of(verb) for m in expand(st, a)]
        for s in (c for c in verb.children if c.dep_ == "nsubjpass"):
            for t in s.subtree:
                if t.lemma_.lower() in _OUTPUT_NOUNS:
                    makers += [st.at[c.i] for c in t.children if c.dep_ == "poss" and c.i in st.at]
                    makers += [m for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                               if p.dep_ == "pobj" for m in expand(st, p)]
                if t.lower_ == "which" and (clause := next((a for a in t.ancestors if a.dep_ == "relcl"), None)):
                    head = clause.head
                    if head.i in st.at:
                        makers.append(st.at[head.i])
                    elif head.dep_ == "dobj" and head.head.lemma_.lower() in _MAKE_VERBS:
                        makers += subjects_of(st, head.head)[0]  # "produce 180 GWh a year, all of which ..."
    else:
        buyers = subjects_of(st, verb)[0]
        for o in (c for c in verb.children if c.dep_ == "dobj"):
            if o.lemma_.lower() in _OUTPUT_NOUNS:
                makers += [st.at[c.i] for c in o.children if c.dep_ == "poss" and c.i in st.at]
                makers += [m for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                           if p.dep_ == "pobj" for m in expand(st, p)]
    makers = [m for m in makers if m.label in ("Project", "Firm") and len(m.ids) == 1]
    buyers = [m for m in buyers if m.label in ("Firm", "Organization", "Country") and not m.demonym
              and len(m.ids) == 1 and m not in makers]
    add_facts(st, makers, "SUPPLIES", buyers, sent)


_MAKE_VERBS = frozenset({"produce", "generate", "make", "yield", "output"})


_ORDINAL_WORD = re.compile(r"^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                           r"eleventh|twelfth|[a-z]+teenth|[a-z]+tieth|twenty-[a-z]+|thirty-[a-z]+)$")


def co_lemma(tok: Token) -> str:
    """The lemma of the verb in a "co-" form: "co-hosted" -> "host", "co-organised" -> "organise"."""
    word = tok.lower_[3:]
    for cut in (0, 1, 2, 3):
        stem = word[: len(word) - cut] if cut else word
        if stem in CO_VERBS:
            return stem
    return tok.lemma_.lower()


_VAGUE_OUTPUT = frozenset({"good", "goods", "product", "products", "output", "item", "items", "result", "results",
                           "revenue", "profit", "value", "job", "jobs", "waste"})


_GOODS_VERBS = frozenset({"supply", "deliver", "ship"})
_NOT_GOODS = frozenset({"engineer", "specialist", "expert", "worker", "staff", "teacher", "doctor", "personnel",
                        "service", "support", "assistance", "financing", "training", "consulting", "advice"})


def products(st: DocState, verb: Token, supplied: bool = False) -> None:
    """What a plant or firm turns out, counted: '350,000 tonnes of phosphate fertilizer', '30,000 cars per year'.
    A counted product no name covers becomes a sector of its own (the product), so that the production rule has
    an end to read; uncounted objects ('produces goods') stay nothing. `supplied`: what is supplied, delivered or
    shipped, counted or named by its kind ('supplied the diagnostic equipment', 'will supply cockpit modules')."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [x for o in objs for x in o.conjuncts]
    for o in objs:
        head: Token | None = None
        counted = any(c.dep_ == "nummod" for c in o.children)
        if o.lemma_.lower() in OUTPUT_UNITS or o.lower_ in OUTPUT_UNITS or counted and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in o.children):
            # "350,000 tonnes of fertilizer", "17 billion kilowatt-hours of electricity": the product follows "of"
            head = next((p for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), None)
        elif o.tag_ == "NNS" and counted:
            head = o
        elif supplied and o.tag_ in ("NN", "NNS") and o.pos_ == "NOUN" and o.lemma_.lower() not in _VAGUE_OUTPUT and \
                o.lemma_.lower() not in _NOT_GOODS and any(
                    c.dep_ in ("compound", "amod") and c.i == o.i - 1 and c.pos_ in ("NOUN", "ADJ") and
                    c.tag_ not in ("VB", "VBG", "VBN") for c in o.children):
            head = o  # "supplied the diagnostic equipment": goods named by their kind (not people or services)
        elif o.tag_ in ("NN", "NNS") and not any(c.dep_ in ("det", "poss", "nummod") for c in o.children) and \
                o.lemma_.lower() not in _VAGUE_OUTPUT and any(
                    m.label == "Project" for m in subjects_of(st, verb)[0]):
            head = o  # "The complex produces polyethylene and polypropylene": what a plant makes, uncounted
        if head is not None:
            product_sector(st, head)


# nouns that stand for a collection of what follows them, never a product themselves
_COLLECTION_NOUNS = frozenset({"list", "number", "range", "kind", "type", "variety", "set", "series", "host", "array"})


def product_sector(st: DocState, head: Token) -> Mention | None:
    """A product no name covers, as a sector of its own named by the noun and its modifiers ("denim fabric")."""
    if head.pos_ != "NOUN" or head.i in st.at or head.lemma_.lower() in _COLLECTION_NOUNS:
        return None  # ("supplying a long list of materials": a list is no product)
    mods = [c for c in head.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")
            and c.i + 1 == head.i or c.dep_ == "compound" and c.i + 2 == head.i]
    start = min([head.i, *(m.i for m in mods)])
    if any(i in st.at and st.at[i].label not in ("Mineral", "Sector") for i in range(start, head.i)):
        return None
    name = " ".join(t.lower_ for t in st.sdoc[start:head.i + 1])
    key = name_key(name)
    if not key:
        return None
    eid = f"sector:{key}"
    m = Mention((entity(st, eid, "Sector", name),), "Sector", head.i, head.i + 1, name)
    add_mention(st, m)
    return m


def _site_of(st: DocState, tok: Token) -> list[Mention]:
    """An unnamed deposit, field or mine: the mineral it is of ("a tungsten deposit" is a site of tungsten)."""
    if tok.i in st.at or tok.lemma_.lower() not in ("deposit", "field", "mine"):
        return []
    return [st.at[c.i] for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i in st.at
            and st.at[c.i].label == "Mineral"]


def agent_noun(st: DocState, sent: Span, tok: Token, relation: str) -> None:
    """'Kazakhstan is the world's largest producer of uranium', 'Kazatomprom, a producer of uranium', 'a major
    exporter of cotton': the one the noun describes does what it names to what follows 'of'."""
    goods = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
             if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Mineral", "Sector")]
    if relation == "DEVELOPS":
        # "Ingichka Tungsten, the developer of a tungsten deposit": a deposit, field or mine, or a mineral, is
        # developed (a resort or a plant a developer builds: not this rule's)
        goods = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" for m in expand(st, p) + _site_of(st, p) if m.label == "Mineral" or
                 m.label == "Location" and st.entities[m.id].name.lower().split()[-1:] in (["deposit"], ["field"],
                                                                                           ["mine"])]
    if not goods:
        return
    doers = copula_subjects(st, tok)
    if not doers and tok.dep_ == "appos":
        doers = [st.at[tok.head.i]] if tok.head.i in st.at else []
    if not doers:
        doers = [st.at[c.i] for c in tok.children if c.dep_ in ("compound", "poss") and c.i in st.at
                 and st.at[c.i].label in ("Firm", "Organization")]
    add_facts(st, [m for m in doers if m.label in ("Country", "Firm", "Organization", "Location", "Project")
                   and not m.demonym], relation, goods, sent)


_TRADERS = ("Country", "Firm", "Organization")
_COUNTRY_GROUPS = frozenset({"delegation", "side", "team", "mission", "group", "party"})
_SIGN_LEMMAS = frozenset(k for k, v in VERB_REL.items() if v == "SIGNS")


def import_rule(st: DocState, sent: Span, verb: Token) -> None:
    """'Korea imports uranium from Kazakhstan': the one it comes from supplies the goods and the buyer."""
    buyers, passive = subjects_of(st, verb)
    if passive:
        return
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    # ("imports more than 90 percent of its tungsten from China": the goods a share is of)
    objs += [p for c in objs if _goods_share(st, c) for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
             for p in x.children if p.dep_ == "pobj"]
    # "imports crude oil, uranium and ferroalloys from Kazakhstan": "from" may hang on the last of the goods
    heads = [verb, *objs, *(x for o in objs for x in o.conjuncts)]
    # ("will buy up to 15,000 tons of spodumene concentrate a year from Shalgiya Lithium": or on "concentrate", which
    # the tagger takes for a verb of its own, with no subject, under this one)
    heads += [c for c in verb.children if c.dep_ in ("advcl", "conj", "xcomp") and c.i > verb.i and
              c.tag_ in ("VB", "VBP", "VBZ") and not any(x.dep_ in ("nsubj", "nsubjpass", "aux", "mark")
                                                      for x in c.children)]
    sources = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
               if p.dep_ == "pobj"]
    sellers = [m for p in sources for m in expand(st, p) if m.label in _TRADERS and not m.demonym]
    # "bought copper concentrate from KAZ Minerals' Aktogay mine": the firm whose mine or plant it is sells
    sellers += [st.at[c.i] for p in sources for c in p.children if c.dep_ == "poss" and c.i in st.at
                and st.at[c.i].label == "Firm" and st.at[c.i] not in sellers
                and (p.lemma_.lower() in PROJECT_HEADS or p.i in st.at and st.at[p.i].label in ("Project", "Location"))]
    goods = [m for c in objs for m in expand(st, c) if m.label in ("Mineral", "Sector")]
    add_facts(st, sellers, "SUPPLIES", goods + [b for b in buyers if b.label in _TRADERS and not b.demonym], sent)


def _goods_share(st: DocState, tok: Token) -> bool:
    """Is a share ("90 percent", "79%") one of goods ("of its tungsten"), not of a company?"""
    return tok.lower_ in ("percent", "%") and any(
        x.dep_ == "prep" and x.lower_ == "of" and any(p.dep_ == "pobj" and p.i in st.at and
                                                      st.at[p.i].label in ("Mineral", "Sector") for p in x.children)
        for x in tok.children)


_TRADE_VERBS = frozenset({"export", "supply", "sell", "ship", "import"})


def mistagged_trade(st: DocState, sent: Span, tok: Token) -> None:
    """'Kazakhstan exports uranium to South Korea', 'POSCO International imports cotton from Uzbekistan': the small
    tagger reads the verb as a plural noun compounded with the goods. When a trader's name opens the clause right
    before it, the name is the subject, the noun's head the goods, and "to" / "from" the other side."""
    actor = st.at[tok.i - 1]
    first = st.sdoc[actor.start]
    if actor.label not in _TRADERS or actor.demonym or not (
            actor.start == sent.start or st.sdoc[actor.start - 1].text in (",", ";", ":")) or first.dep_ == "pobj":
        return
    goods_head = tok.head
    anchors = {goods_head.i, sent.root.i, *range(actor.start, actor.end)}
    other = {p.lower_: [m for q in p.children if q.dep_ == "pobj" for m in expand(st, q)
                        if m.label in _TRADERS and not m.demonym]
             for p in sent if p.dep_ == "prep" and p.lower_ in ("to", "from") and p.head.i in anchors}
    goods = [m for m in expand(st, goods_head) if m.label in ("Mineral", "Sector")]
    if tok.lemma_.lower() == "import":
        add_facts(st, other.get("from", []), "SUPPLIES", goods + [actor], sent)
    else:
        add_facts(st, [actor], "SUPPLIES", goods + other.get("to", []), sent)


_GATHER_VERBS = frozenset({"bring", "gather", "draw", "attract", "unite", "assemble"})


def _gathering_event(st: DocState, sent: Span, verb: Token) -> Mention | None:
    """The event that is the subject of a gathering verb: named, or "it"/"this" for the event just named in the
    sentence before, in the same paragraph."""
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if c.i in st.at:
            return st.at[c.i] if st.at[c.i].label == "Event" else None
        if c.lower_ in ("it", "this"):
            para = st.doc.text.rfind("\n\n", 0, sent.start_char)
            before = [m for m in st.mentions if m.start < sent.start and st.sdoc[m.start].idx > para
                      and st.sdoc[m.start].sent.end == sent.start]
            events = [m for m in before if m.label == "Event"]
            if events and not any(m.label == "Project" and m.start > events[-1].start for m in before):
                return events[-1]
    return None


def event_gathers(st: DocState, sent: Span, verb: Token) -> None:
    """'The forum brought together 300 companies', 'It brought together officials from both countries: A; B; C':
    who an event gathers attend it."""
    event = _gathering_event(st, sent, verb)
    if event is None:
        return
    guests = [m for c in verb.children if c.dep_ == "dobj" for m in expand(st, c)]
    colon = next((t.i for t in sent if t.i > verb.i and t.text == ":"), None)
    if colon is not None:
        guests += colon_list(st, colon + 1) + semicolon_items(st, colon + 1)
    add_facts(st, [m for m in guests if m.label in ("Person", "Firm", "Organization", "Country") and not m.demonym],
              "ATTENDS", [event], sent)
    place_rule(st, sent, verb, through_object=True)


def consortium_rule(st: DocState, sent: Span, tok: Token) -> None:
    """'A consortium of A, B and C', 'a consortium led by A and B', 'the consortium includes A, B and C': the
    members of a consortium partner."""
    members = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "between") for p in c.children
               if p.dep_ == "pobj" for m in expand(st, p)]
    if members:
        # "a consortium of A and the state-owned utility B": the parser may coordinate the second member with the
        # consortium itself
        members += [m for c in tok.children if c.dep_ == "conj" and (c.i in st.at or c.lemma_.lower() in FIRM_NOUNS)
                    for m in expand(st, c)]
    members += [m for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head", "form", "made")
                for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                for m in expand(st, p)]
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("include", "comprise", "consist", "bring", "unite"):
        verb = tok.head
        members += [m for c in verb.children if c.dep_ == "dobj" for m in expand(st, c)]
        members += [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj" for m in expand(st, p)]
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and any(c.dep_ == "prep" and c.lower_ == "with"
                                                              for c in tok.children):
        # "GS E&C will carry out the works in a consortium with Yooshin Engineering": the actor and its partners
        members += [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                    if p.dep_ == "pobj" for m in expand(st, p)]
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX"):
            actors, passive = subjects_of(st, verb)
            members += [] if passive else actors
    members = [m for m in members if m.label in ("Firm", "Organization") and not m.demonym]
    if len({i for m in members for i in m.ids}) < 2:
        # "a consortium of Hanwha Solutions and the Kyrgyz state-owned utility Electric Power Plants OJSC": the
        # parser may hang the second member elsewhere; every firm or body named in the "of" phrase
        members = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "between")
                   for m in _named_in(st, c) if m.label in ("Firm", "Organization")] or members
    if len({i for m in members for i in m.ids}) >= 2:
        partner_group(st, sent, members)


def in_charge_rule(st: DocState, sent: Span, tok: Token) -> None:
    """'Beibut Atamkulov, then in charge of the Ministry of Industry', 'X is in charge of Y': X leads Y."""
    prep = tok.head
    holder = prep.head
    own = [c for c in prep.children if c.dep_ == "nsubj"]  # in a list the parser may give "in" its own subject
    if own:
        people = [m for c in own for m in expand(st, c)]
    elif holder.pos_ in ("VERB", "AUX"):
        people, passive = subjects_of(st, holder)
        if passive:
            return
    else:
        people = expand(st, holder)
    people = [m for m in people if m.label == "Person"]
    led = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
           for m in expand(st, p) if m.label in ("Organization", "Firm") and not m.demonym]
    add_facts(st, people, "LEADS", led, sent)


_ATTENDER_LABELS = ("Person", "Organization", "Firm", "Country")


def participants_rule(st: DocState, sent: Span, tok: Token) -> None:
    """'Kudaiberdiev was among the participants', 'Guests included Cho Tae-ick and ...': they attend the event
    the sentence names, or failing that the one event the sentence before it in the paragraph names."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "among" else tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "among" and verb.lemma_ == "be":
        who = [m for c in verb.children if c.dep_ == "nsubj" for m in expand(st, c)]
    elif tok.dep_ == "nsubj" and verb.lemma_.lower() in ("include", "comprise"):
        # the people listed ("officials from the Kazakh Foreign Ministry" are not the ministry attending)
        who = list({st.at[t.i].id: st.at[t.i] for t in verb.subtree if t.i > verb.i and t.i in st.at
                    and st.at[t.i].label == "Person"}.values())
    else:
        return
    who = [m for m in who if m.label in _ATTENDER_LABELS and not m.demonym]
    events = _events_near(st, sent)
    if who and len({e.id for e in events}) == 1:
        add_facts(st, who, "ATTENDS", events[:1], sent)


def _the_one_event(st: DocState, sent: Span, upto: int) -> list[Mention]:
    """The one event the sentence's paragraph names before `upto` (a character offset), else the one the report names
    before it, when the paragraph names none; [] when the nearer of the two names several."""
    for start in (st.doc.text.rfind("\n\n", 0, sent.start_char) + 1, 0):
        named = {m.id: m for m in st.mentions if m.label == "Event" and len(m.ids) == 1
                 and start <= st.sdoc[m.start].idx < upto}
        if named:
            return list(named.values()) if len(named) == 1 else []
    return []


def _events_near(st: DocState, sent: Span) -> list[Mention]:
    """The events a sentence names; if none, those of the sentence before it in the same paragraph."""
    here = [m for m in st.mentions if m.label == "Event" and sent.start <= m.start < sent.end]
    if here or sent.start == 0:
        return here
    before = st.sdoc[sent.start - 1].sent
    if "\n\n" in st.sdoc.text[before.end_char:sent.start_char] or "\n\n" in before.text:
        return []
    return [m for m in st.mentions if m.label == "Event" and before.start <= m.start < before.end]


def as_host(st: DocState, sent: Span, candidates: list[Token]) -> None:
    """'..., with South Korea as host', 'Lee will act as host': the host of the sentence's event."""
    for tok in candidates:
        if tok.lemma_.lower() not in ("host", "organizer", "organiser") or tok.dep_ != "pobj" or \
                tok.head.lower_ != "as":
            continue
        hosts: list[Mention] = []
        prep = tok.head
        if prep.head.i in st.at and prep.head.dep_ == "pobj" and prep.head.head.lower_ == "with":
            hosts = [st.at[prep.head.i]]  # "with South Korea as host": the phrase hangs on the host's name
        elif prep.head.dep_ == "pobj" and prep.head.head.lower_ == "with":
            hosts = expand(st, prep.head)  # "with Lee as host" where "Lee" stands for a person named before
        elif prep.head.pos_ in ("VERB", "AUX") and any(c.lower_ == "with" for c in prep.head.children):
            # "held in Seoul, with South Korea as host": "with" and "as" both hang on the verb
            hosts = [m for c in prep.head.children if c.lower_ == "with" for p in c.children if p.dep_ == "pobj"
                     for m in expand(st, p)]
        elif prep.head.pos_ in ("VERB", "AUX"):
            hosts = subjects_of(st, prep.head)[0]
        events = [st.at[t.i] for t in sent if t.i in st.at and st.at[t.i].label == "Event"]
        with running(st, "noun:as-host", tok):
            add_facts(st, hosts, "HOSTS", events[:1], sent)


def _in_title(t: Token) -> bool:
    """Is the word the field of a title: "finance ministers", "Minister of Water Resources and Irrigation"?"""
    x = t
    for _ in range(4):
        if x.dep_ in ("compound", "amod", "nmod", "conj") and x.head.i != x.i:
            x = x.head
        elif x.dep_ == "pobj" and x.head.lower_ == "of":
            x = x.head.head
        else:
            break
        if x.lemma_.lower() in ROLE_NOUNS:
            return True
    return False


_DEVELOP_NOUNS = frozenset({"development", "exploration", "mining", "extraction", "prospecting"})


def loan_agreement(st: DocState, sent: Span, a: Mention, signers: list[Mention]) -> None:
    """'a $40 million loan agreement was signed between the Ministry of Finance and Korea Eximbank', 'an agreement on
    a credit line of $300 million': the bank that signs lends, the other side borrows."""
    head = st.sdoc[a.end - 1]
    if not (money_word(head) or any(c.dep_ == "compound" and money_word(c) for c in head.children) or any(
            c.dep_ == "prep" and c.lower_ in ("on", "for", "of") and money_word(p)
            for c in head.children for p in c.children if p.dep_ == "pobj")):
        return  # ("a loan agreement", "a credit line agreement", "an agreement on a credit line")
    # (one mention per party: "Korea Eximbank (Eximbank) and ...": the name and its abbreviation are one signer)
    signers = list({m.ids: m for m in signers}.values())
    lenders = [m for m in signers if len(m.ids) == 1 and funder_kind(st, m.id) == "funder"]
    # "Kazakhmys signed a loan agreement with KDB and Shinhan Bank": every bank the borrower signs with lends
    banks = [m for m in signers if len(m.ids) == 1 and lender_named(st, m.id)]
    if banks and len(banks) < len(signers):
        lenders = banks
    if len(lenders) == len(signers) > 1:
        # "Korea Eximbank and Turkmenistan's State Bank for Foreign Economic Affairs signed an agreement on a credit
        # line": between two banks, the Korean one lends
        korean = [m for m in lenders if _is_korean(st, m)]
        lenders = korean if len(korean) == 1 else []
    add_facts(st, lenders, "LENDS_TO", [m for m in signers if m not in lenders and m.label in
                                        ("Country", "Organization", "Firm")], sent)
    # "concluded a loan agreement with the Ministry of Finance to provide US$60 million for the Osh Regional Clinical
    # Hospital Modernization Project": the lender lends for the project the agreement covers
    projects = [Mention((f.object,), "Project", a.start, a.end, f.object) for f in st.facts.values()
                if f.relation == "COVERS" and f.subject == a.id and f.evidence is not None and
                f.evidence.start == sent.start_char and st.entities.get(f.object) is not None and
                st.entities[f.object].label == "Project"]
    add_facts(st, lenders, "LENDS_TO", projects, sent)


_BULLETS = ("-", "•", "*", "–", "—")


def _bullet_line(st: DocState, sent: Span) -> bool:
    """Does the sentence open a line that starts with a bullet ("- a memorandum between ...")?"""
    text = st.doc.text
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    return text[line_start:sent.start_char + 1].strip()[:1] in _BULLETS or sent.text.lstrip()[:1] in _BULLETS


def signed_lists(st: DocState) -> None:
    """'A package of documents was signed, including:' and then one line per document, '- a contract between A and
    B on ...': each listed document is signed by the parties it is between, who partner."""
    sents = list(st.sdoc.sents)
    listing = False
    signers: list[str] = []
    for sent in sents:
        lead = sent.text.rstrip().rstrip("-•*–— \n").endswith(":") and any(
            t.lemma_.lower() in _SIGN_LEMMAS | {"conclude", "exchange"} for t in sent)
        if lead:
            listing = True
            # ("the following documents were signed between the two Governments:": who the lead says signed them)
            signers = sorted({f.subject for f in st.facts.values() if f.relation == "SIGNS" and f.evidence is not None
                              and sent.start_char <= f.evidence.start < sent.end_char
                              and f.subject.startswith(("country:", "firm:", "org:"))})
            continue
        if not listing:
            continue
        if not _bullet_line(st, sent):
            listing = False
            continue
        for m in [st.at[t.i] for t in sent if t.i in st.at and st.at[t.i].label == "Agreement"
                  and st.at[t.i].end - 1 == t.i]:
            # ("a memorandum of understanding between A and B": the parser may hang "between" on "understanding")
            heads = [*st.sdoc[m.start:m.end]]
            heads += [q for t in heads for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for q in c.children if q.dep_ == "pobj"]
            preps = [c for t in heads for c in t.children if c.dep_ == "prep" and c.lower_ == "between"]
            parties = [p for c in preps for p in _named_in(st, c)
                       if p.label in ("Country", "Firm", "Organization") and not p.demonym]
            # ("a Memorandum of Understanding on cooperation in mineral resources between A and B": or on its topic)
            preps = preps or [t for t in st.sdoc[m.end:sent.end] if t.lower_ == "between"][:1]
            if len(ids_of(parties)) < 2 and preps:
                parties = listed_between(st, preps[0], sent)
            if len(ids_of(parties)) < 2:
                if not preps and len(signers) >= 2:
                    for signer in signers:  # "- a Convention for the Avoidance of Double Taxation;"
                        add_fact(st, signer, "SIGNS", m.id, sent, None, m, modality="signed")
                continue
            add_facts(st, parties, "SIGNS", [m], sent, modality="signed")
            partner_group(st, sent, parties)
            loan_agreement(st, sent, m, parties)


def listed_between(st: DocState, prep: Token, sent: Span) -> list[Mention]:
    """The bodies named after "between", read along the words up to what the document is on ("on", "for", "to"),
    save those inside another name ("under the ...", "named after ..."): the parser may scatter a long list."""
    parties: list[Mention] = []
    for t in st.sdoc[prep.i + 1:sent.end]:
        if parties and t.lower_ in ("on", "for", "to", ";", "worth"):
            break
        x = st.at.get(t.i)
        if x is None or t.i != x.start or x.label not in ("Country", "Firm", "Organization") or \
                x.demonym or len(x.ids) != 1 or x in parties:
            continue
        if any(st.sdoc[k].lower_ in ("under", "after", "of") for k in range(max(0, t.i - 2), t.i)):
            continue
        parties.append(x)
    return parties


def _is_korean(st: DocState, m: Mention) -> bool:
    """Is the body Korean: by the country the graph knows for it, or failing that by its name ("Korea Eximbank")."""
    ent = st.entities.get(m.id)
    entry = st.gaz.entries.get(m.id)
    country = (ent.properties.get("country") if ent is not None else None) or (entry.country if entry else None)
    if country:
        return country == "country:south-korea"
    return korean_by_name(m.text)


_WORKS_AWARDED = frozenset({"construction", "work", "works", "job", "building", "design", "engineering"})


def _contractors_signed_with(st: DocState, verb: Token, subjects: list[Mention]) -> list[Mention]:
    """'Turkmentelecom signed a contract with South Korea's KT Corporation to build a data centre', 'signed a
    memorandum with Korea's KT Corp on building two data centres': the client signs; the Korean firm it signs with
    builds (the purpose of a signing names the works; the contractor, in these reports, is the Korean party)."""
    signing = _SIGN_LEMMAS | {"conclude"}
    t, k = verb, 0
    while k < 5 and t.head.i != t.i and not (t.pos_ == "VERB" and t.lemma_.lower() in signing) and (
            t.dep_ in ("xcomp", "advcl", "acl", "pcomp", "pobj", "prep", "relcl", "conj") or
            t.dep_ == "dobj" and t.lemma_.lower() in AGREEMENT_HEADS):
        t, k = t.head, k + 1
    if t.pos_ != "VERB" or t.lemma_.lower() not in signing:
        return subjects
    heads = [t, *(c for c in t.children if c.dep_ == "dobj")]
    withs = [m for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
             if p.dep_ == "pobj" for m in expand(st, p)]
    firms = [m for m in withs if m.label == "Firm" and not m.demonym and len(m.ids) == 1]
    if firms and all(_is_korean(st, m) for m in firms) and not any(_is_korean(st, m) for m in subjects):
        return firms
    return subjects


def _contract_works(st: DocState, heads: tuple[Token, ...]) -> list[Mention]:
    """The works a contract is for: the projects its "for" phrases name ("a contract for a carbamide plant"), or
    the construction noun's ("for the construction of the Kiyanly complex")."""
    # ("a contract worth 1.96 billion manat for the construction of a plant": the parser may hang "for" on "worth")
    heads = (*heads, *(c for t in heads for c in t.children if c.lower_ == "worth" and c.dep_ in ("amod", "advmod")))
    fors = [c for t in heads for c in t.children if c.dep_ == "prep" and c.lower_ == "for"]
    works = [m for c in fors for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Project"]
    works += [m for c in fors for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in
              _WORKS_AWARDED | {"reconstruction", "modernisation", "modernization", "expansion"}
              for q in p.children if q.dep_ == "prep" and q.lower_ == "of" for r in q.children
              if r.dep_ == "pobj" for m in expand(st, r) if m.label == "Project" and m not in works]
    return works


def works_awarded(st: DocState, sent: Span, verb: Token) -> None:
    """'Construction has been awarded to POSCO E&C', 'The works were given to Kolon Global': the firm the works go
    to builds the project its paragraph is about."""
    firms = [m for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for p in c.children
             if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Firm", "Organization")]
    if firms:
        # (the paragraph before when the works open a paragraph: "... a plant in Chirchik.\n\nConstruction has been
        # awarded to POSCO E&C")
        # ("Construction has been awarded to POSCO E&C, and the project will be backed by loans": or the one project
        # the sentence itself names)
        own = {m.id: m for m in st.mentions if m.label == "Project" and len(m.ids) == 1
               and sent.start <= m.start < sent.end}
        # ("The EPC contract was awarded to Samsung C&T", paragraphs after the project the report is about)
        add_facts(st, firms, "BUILDS", paragraph_project(st, sent) or (list(own.values()) if len(own) == 1 else [])
                  or recent_project(st, sent) or document_project(st, sent) or lead_project(st), sent)


def trip_took(st: DocState, sent: Span, verb: Token) -> None:
    """'Yoon's trip is part of a Central Asian tour that also took him to Kazakhstan and Uzbekistan': the person the
    trip takes (a pronoun: the person the sentence named before it) visits the places it takes them to."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    people = [m for o in objs for m in expand(st, o) if m.label == "Person"]
    if not people and any(o.lower_ in ("him", "her") for o in objs):
        named = [m for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and sent.start <= m.start < verb.i]
        people = named[-1:]
    places = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
              if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Country", "Location") and not m.demonym]
    add_facts(st, people, "VISITS", places, sent)


def project_awarded(st: DocState, sent: Span, verb: Token) -> None:
    """'The Tashkent-Andijan toll expressway, a 290km PPP awarded in 2021 to A and B, ...', 'the Karabatan plant,
    awarded to X in 2015': the firms a project (or the apposition that describes it) was awarded to build it."""
    head = verb.head
    works = st.at.get(head.i)
    if (works is None or works.label != "Project") and head.dep_ == "appos":
        works = st.at.get(head.head.i)
    if works is None or works.label != "Project" or len(works.ids) != 1:
        return
    firms = [m for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for p in c.children
             if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Firm" and not m.demonym]
    add_facts(st, firms, "BUILDS", [works], sent)


def _group_before_apposition(st: DocState, sent: Span, verb: Token) -> Mention | None:
    """'Some 180,000 Koryo-saram, descendants of Koreans deported from the Russian Far East in 1937, live in ...': the
    community named before the one apposition between commas that ends right before the verb."""
    if verb.i < 3 or st.sdoc[verb.i - 1].text != ",":
        return None
    k = verb.i - 2
    while k > sent.start and st.sdoc[k].text not in (",", ";") and verb.i - k < 20:
        k -= 1
    if st.sdoc[k].text != "," or k - 1 not in st.at:
        return None
    group = st.at[k - 1]
    if group.label != "Group" or group.end != k or any(
            t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBP", "VBZ", "VBD") for t in st.sdoc[k + 1:verb.i - 1]):
        return None  # (an apposition has no finite verb of its own: not "X, who live ..., live")
    return group


_PART_WORDS = frozenset({"most", "many", "some", "half", "majority", "all", "several", "thousands", "others"})


def _shares_places(st: DocState, verb: Token) -> list[Mention]:
    """'live in Uzbekistan, most of them in Tashkent and the Tashkent region', 'live in the former Soviet Union,
    including about 180,000 in Uzbekistan and 110,000 in Kazakhstan', 'have settled in Korea, many of them in
    Goryeoin Village': the places a share of the community lives in, read off the phrase after the verb's own."""
    heads = [c for c in (*verb.children, *(x for s in verb.children if s.dep_ == "nsubj" for x in s.children))
             if c.i > verb.i and (c.lower_ in _PART_WORDS and c.dep_ in ("npadvmod", "appos", "nsubj", "dep") or
                                  c.dep_ == "prep" and c.lower_ == "including")]
    counts = [p for h in heads if h.lower_ == "including" for p in h.children if p.dep_ == "pobj" and p.like_num]
    counts += [x for p in counts for x in p.conjuncts if x.like_num]
    heads += [h for h in counts]
    return [m for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
            if p.dep_ == "pobj" for m in expand(st, p)]


_REST_WORDS = frozenset({"rest", "remainder", "balance"})


def rest_owner(st: DocState, sent: Span, verb: Token) -> None:
    """'Korea Zinc will hold a 60 percent stake in the joint venture, with the Uzbek company owning the rest': who
    owns the rest holds a stake in what the sentence's stake is in."""
    owners = [m for c in verb.children if c.dep_ == "nsubj" for m in expand(st, c)
              if m.label in ("Firm", "Organization", "Country") and not m.demonym and len(m.ids) == 1]
    targets = {f.object for f in st.facts.values() if f.relation == "HOLDS_STAKE_IN" and f.evidence is not None
               and sent.start_char <= f.evidence.start < sent.end_char}
    for m in owners:
        for t in sorted(targets):
            add_fact(st, m.id, "HOLDS_STAKE_IN", t, sent, om=None)


def group_lives_in(st: DocState, sent: Span, verb: Token, group: Mention) -> None:
    """'About 17,000 Koryo-saram live in Kyrgyzstan', read off the surface where the parser loses the clause (after
    a citation mark it may make "live" a modifier): a community named right before "live in" lives in the place
    named right after."""
    k = verb.i + 1
    if k >= len(st.sdoc) or st.sdoc[k].lower_ != "in":
        return
    k += 1
    if k < len(st.sdoc) and st.sdoc[k].lower_ == "the":
        k += 1
    place = st.at.get(k)
    if place is not None and place.label in ("Country", "Location") and not place.demonym and place.start == k:
        add_facts(st, [group], "RESIDES_IN", [place], sent)
        add_facts(st, [group], "RESIDES_IN", [m for m in _shares_places(st, verb)
                                               if m.label in ("Country", "Location") and not m.demonym], sent)


# what a firm does where it is active: "has sold appliances in Uzbekistan", "has run a clinic in Tashkent"
_BUSINESS_VERBS = frozenset({"sell", "run", "operate", "market", "distribute", "manage"})


def business_places(st: DocState, sent: Span, verb: Token) -> None:
    """'LG Electronics, which has sold appliances in Uzbekistan since 1998', 'POSCO International, which has operated
    cotton mills in Fergana and Bukhara', 'has run a clinic in Tashkent since 2022': a firm or body that sells,
    runs or operates something in a place is active there."""
    subjects, passive = subjects_of(st, verb)
    if passive:
        return
    doers = [m for m in subjects if m.label in ("Firm", "Organization") and not m.demonym]
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    places = [m for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "across")
              for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
              if m.label in ("Country", "Location") and not m.demonym]
    add_facts(st, doers, "OPERATES_IN", places, sent)


def _clause(tok: Token) -> Token:
    """The verb whose clause a token is in (the sentence root if none)."""
    t = tok
    for _ in range(30):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


# What an association may point at: resources (the question "which firms touch lithium" must not be blind to new
# wording). Projects are left out: a firm named beside a project is most often its builder or owner, which the
# typed rules read, and an untyped guess there costs more than it finds.
_ASSOCIATED = ("Mineral",)
_MEDIA_WORDS = frozenset({"news", "agency", "times", "herald", "daily", "post", "press", "bulletin", "journal",
                          "kazinform", "trend", "yonhap", "tass", "reuters"})


def _is_media(st: DocState, eid: str) -> bool:
    """A news outlet reporting is not a party to what it reports."""
    ent = st.entities.get(eid)
    return ent is not None and bool({w.lower() for w in ent.name.split()} & _MEDIA_WORDS)


def associations(st: DocState, sent: Span) -> None:
    """A firm or body and a mineral or project in one clause, with no typed fact between them: a low-confidence
    association, so that a question about a resource is not blind to wording no rule knows."""
    # firms only (a bank or institute named beside a resource most often finances or studies it, which typed rules
    # read), and not a collective ("Korean companies are interested in rare earths" ties no firm to them)
    actors = [m for m in st.mentions if sent.start <= m.start < sent.end and m.label == "Firm"
              and len(m.ids) == 1 and not _is_media(st, m.id) and not m.id.endswith("-companies")]
    things = [m for m in st.mentions if sent.start <= m.start < sent.end and m.label in _ASSOCIATED
              and len(m.ids) == 1]
    if not actors or not things:
        return
    related = {(s, o) for s, _r, o in st.triples} | {(o, s) for s, _r, o in st.triples}
    near: dict[str, set[str]] = {}
    for s, o in related:
        near.setdefault(s, set()).add(o)
    with running(st, "association:clause", sent.root):
        for a in actors:
            clause = _clause(st.sdoc[a.end - 1])
            for b in things:
                if near.get(a.id, set()) & near.get(b.id, set()) or any(
                        (a.id, "SIGNS", g.id) in st.triples and b.start in {t.i for t in st.sdoc[g.end - 1].subtree}
                        for g in st.mentions if g.label == "Agreement" and sent.start <= g.start < sent.end):
                    continue  # "KOMIR signed an MOU on critical minerals": linked through the memorandum already
                if (a.id, b.id) not in related and _clause(st.sdoc[b.end - 1]).i == clause.i and \
                        _described(st, sent, b) in (None, a.id):
                    add_fact(st, a.id, "ASSOCIATED_WITH", b.id, sent)


def _described(st: DocState, sent: Span, thing: Mention) -> str | None:
    """The firm a mineral's phrase describes when it sits in an apposition after that firm's name ("POSCO
    International and AMMC, the state-owned copper and gold producer": copper is AMMC's, not POSCO's)."""
    for m in st.mentions:
        if m.label in ("Firm", "Organization") and len(m.ids) == 1 and sent.start <= m.start and \
                m.end < thing.start and st.sdoc[m.end].text == "," and thing.start - m.end <= 8 and \
                not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.lower_ in ("which", "who", "that")
                        for t in st.sdoc[m.end:thing.start]):
            return m.id
    return None


_STAGE_NOUN_VERB = {"suspension": "suspend", "stoppage": "stop", "completion": "complete",
                    "commissioning": "commission", "cancellation": "cancel"}


def stage_restated(st: DocState, sent: Span, noun: str) -> None:
    """'Samsung Engineering has suspended construction of the Balkhash plant. The halt throws a question mark over
    the $2.2 billion plant': a stage named again, with the project, restates the facts that reported it (and what
    the later sentence adds, such as the project's price, comes with its evidence)."""
    stage = STAGE_VERBS.get(_STAGE_NOUN_VERB.get(noun, noun))
    projects = {m.id for m in st.mentions if sent.start <= m.start < sent.end and m.label == "Project"}
    if stage is None or not projects:
        return
    for f in list(st.facts.values()):
        if f.object in projects and f.modality == stage and f.evidence is not None and \
                f.evidence.start < sent.start_char:
            add_fact(st, f.subject, f.relation, f.object, sent, modality=stage, restates=True)


def stage_without_actor(st: DocState, sent: Span, verb: Token) -> None:
    """'Construction of the plant began in March 2024', 'the plant was commissioned in 2022', 'work on the plant was
    suspended last year': a stage stated with no one doing it is a stage of the project's building, by the
    builder the document named before."""
    stage = STAGE_VERBS.get(verb.lemma_.lower())
    if stage is None or stage in ("announced", "financed", "contracted") or agents_of(verb) or is_planned(verb) or \
            any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "to", "shall") for c in verb.children):
        return  # "is scheduled to be completed in 2027": a stage not reached
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subs and verb.dep_ in ("conj", "xcomp"):
        subs = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    projects: list[Mention] = []
    for s_ in subs:
        heads = [s_, *(p for c in s_.children if c.dep_ == "prep" and c.lower_ in ("of", "on")
                       for p in c.children if p.dep_ == "pobj")] \
            if s_.lemma_.lower() in ("construction", "work", "building", "works") else [s_]
        projects += [m for h in heads for m in expand(st, h) if m.label == "Project"]
    for p in projects:
        builders = {f.subject for f in st.facts.values() if f.object == p.id and f.relation in ("BUILDS",
                                                                                             "PLANS_TO_BUILD")
                    and f.evidence is not None and f.evidence.start < sent.start_char}
        for b in sorted(builders):
            add_fact(st, b, "BUILDS", p.id, sent, om=p, modality=stage, restates=True)


_STAKE_VERBS = frozenset({"hold", "own", "control", "acquire", "buy", "take", "retain", "keep"})


def _percent_targets(st: DocState, verb: Token) -> list[Mention]:
    return [m for c in verb.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"
            and p.lower_ in ("of", "in") for q in p.children if q.dep_ == "pobj" for m in expand(st, q)
            if m.label in ("Firm", "Organization", "Project")]


def percent_of(st: DocState, sent: Span, verb: Token) -> None:
    """'Lotte Chemical will hold 60 percent of Uz-Kor Gas Chemical, while Uzbekneftegaz will own the remaining 40
    percent': the remaining share, held in a clause of its own, is a stake in the same firm or project (the stake
    frame reads the first)."""
    if _percent_targets(st, verb):
        return  # "owns 51 percent of X": the stake frame reads it
    owners, passive = subjects_of(st, verb)
    if verb.dep_ == "relcl" and not passive and any(
            t.lower_ == "which" and t.head.lower_ == "in" for t in verb.subtree if t.i < verb.i):
        # "Uz-Kor Gas Chemical, in which Uzbekneftegaz and a Korean consortium each hold 50 percent", "Manas
        # International Airport OJSC, in which the state holds 86 percent": a stake in what the clause hangs on
        targets = [m for m in _relative_head(st, verb) if m.label in ("Firm", "Project")]
        state = _the_state(st, verb, targets)
        if not state and any(c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "which" for p in c.children)
                             for c in verb.children):
            return  # (the stake frame reads "in which" hung on the verb itself)
        owners += state
        add_facts(st, [m for m in owners if m.label in ("Firm", "Organization", "Country") and not m.demonym],
                  "HOLDS_STAKE_IN", [t for t in targets if t not in owners], sent)
        return
    if passive or verb.dep_ not in ("advcl", "conj") or verb.head.lemma_.lower() not in _STAKE_VERBS:
        return
    targets = _percent_targets(st, verb.head)
    add_facts(st, [m for m in owners if m.label in ("Firm", "Organization", "Country") and not m.demonym],
              "HOLDS_STAKE_IN", [t for t in targets if t not in owners], sent)


def _the_state(st: DocState, verb: Token, targets: list[Mention]) -> list[Mention]:
    """'the state holds 86 percent': "the state" as a holder is the country of what it holds a stake in."""
    found: list[Mention] = []
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() == "state" and c.tag_ == "NN" and c.i not in st.at and \
                [x.lower_ for x in c.children] == ["the"]:
            homes = {h for t in targets for h in [entity_country(st, t.id)] if h}
            pair = report_pair(st)
            if not homes and len(pair) == 2 and "country:south-korea" in pair:
                homes = set(pair) - {"country:south-korea"}  # (a firm of unknown country in a bilateral report)
            if len(homes) == 1 and (home := homes.pop()) != "country:south-korea":
                found.append(Mention((home,), "Country", c.i, c.i + 1, c.text))
    return found


_SHARE_WORDS = frozenset({"percent", "%", "stake", "share", "shares", "per"})
# words that put an amount on an agreement: "totalling $1.6 billion", "worth $300 million"
_AMOUNT_WORDS = frozenset({"total", "totalling", "totaling", "worth", "value", "valued", "amount", "amounting", "cost"})
_HELD_WORDS = frozenset({"own", "hold", "belong", "stay", "keep", "go", "remain", "retain"})


_IMPLEMENT_VERBS = frozenset({"implement", "carry", "execute", "run", "conduct"})
_PROJECT_WORDS = frozenset({"project", "programme", "program"})


def implemented_with(st: DocState) -> None:
    """'Under the four-year project, which will be implemented together with the United Nations Population Fund
    (UNFPA), ...', '... will be implemented together with the Ministry of Energy and Water Resources': a project
    carried out "together with" bodies, with no one said to carry it out, is its aid giver's, who partners with them.
    The giver is the one aid agency or lender the document names (a project's giver, where several are named)."""
    donors: dict[str, Mention] | None = None
    for verb in st.sdoc:
        lemma = verb.lemma_
        if lemma not in _IMPLEMENT_VERBS and lemma not in _PROJECT_WORDS:
            continue
        # ("A $7 million project with Tajikistan's Ministry of Health": a project's noun with its partner)
        noun = lemma in _PROJECT_WORDS and verb.pos_ == "NOUN"
        if not noun and (lemma not in _IMPLEMENT_VERBS or verb.pos_ != "VERB" or
                         not any(c.dep_ == "auxpass" for c in verb.children) or agents_of(verb)):
            continue
        withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
        withs += [w for c in verb.children if c.dep_ == "advmod" and c.lower_ in ("together", "jointly")
                  for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
        partners = [m for w in withs for p in w.children if p.dep_ == "pobj" for m in expand(st, p)
                    if m.label in ("Organization", "Firm") and not m.demonym and len(m.ids) == 1]
        if not partners:
            continue
        sent = verb.sent
        projects = [m for c in ([verb] if noun else verb.children) if noun or c.dep_ == "nsubjpass"
                    for m in expand(st, c) if m.label == "Project"]
        if not projects and verb.dep_ == "relcl":
            projects = [m for m in expand(st, verb.head) if m.label == "Project"]
        if donors is None:
            donors = {m.id: m for m in st.mentions if len(m.ids) == 1 and funder_kind(st, m.id) is not None}
        givers = {f.subject for f in st.facts.values() if f.relation in ("GRANTS_AID_TO", "FINANCES", "LENDS_TO")
                  and any(f.object == p.id for p in projects) and f.subject in donors}
        others = set(donors) - {m.id for m in partners}  # (not the partners themselves: "the UN Population Fund")
        if not givers and len(others) == 1:
            givers = others
        if len(givers) != 1:
            continue
        (giver,) = givers
        for m in partners:
            if m.id != giver:
                add_fact(st, giver, "PARTNERS_WITH", m.id, sent, donors[giver], m)


def _stakes(st: DocState) -> list[Fact]:
    """The document's stakes so far, in the order their sentences come."""
    return sorted((f for f in st.facts.values() if f.relation == "HOLDS_STAKE_IN" and f.evidence is not None),
                  key=lambda f: f.evidence.start if f.evidence else 0)


def _stake_just_stated(stakes: list[Fact], sents: list[Span], n: int) -> tuple[str, set[str]] | None:
    """What the stake stated last, in sentence n or the one before, is in, and who holds stakes in that."""
    sent = sents[n]
    lo = sents[n - 1].start_char if n else sent.start_char
    earlier = [f for f in stakes if f.evidence is not None and lo <= f.evidence.start <= sent.start_char]
    if not earlier:
        return None
    target = earlier[-1].object
    return target, {f.subject for f in stakes if f.object == target}


def remaining_shares(st: DocState) -> None:
    """'POSCO International will hold 49 percent of the venture and AMMC the remaining 51 percent', '... acquired 30
    percent of Sary-Arka Lithium. The remaining 70 percent stays with Tau-Ken Samruk': the body named nearest "the
    remaining N percent" holds a stake in what the stake just stated (in the sentence or the one before) is in."""
    stakes = _stakes(st)
    sents = list(st.sdoc.sents)
    for n, sent in enumerate(sents):
        for tok in sent:
            if not (tok.lower_ in ("remaining", "rest") and any(
                    x.lower_ in _SHARE_WORDS for x in st.sdoc[tok.i + 1: min(tok.i + 4, sent.end)]) or
                    tok.lower_ == "remainder" and any(x.lemma_.lower() in _HELD_WORDS
                                                      for x in st.sdoc[tok.i + 1: min(tok.i + 5, sent.end)])):
                continue  # ("with the remainder owned by Tau-Ken Samruk")
            stated = _stake_just_stated(stakes, sents, n)
            if stated is None:
                continue
            target, holders = stated
            verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
            if verb is not None and any(
                    c.dep_ == "nsubj" and c.i in st.at and st.at[c.i].id in holders and not any(
                        c.i < m.start < tok.i and m.label in ("Firm", "Organization") for m in st.mentions)
                    for c in verb.children):
                # "... and Astana Motors holds the remaining 70 percent": its holder is already known (not "A will
                # hold 49 percent and B the remaining 51 percent", where B is named after the verb's subject)
                continue
            if verb is not None and any(p.i in st.at and st.at[p.i].id in holders for a in verb.children
                                        if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
                continue  # ("the remaining 40 percent is held by Samruk-Energo, the power arm of Samruk-Kazyna")
            found = [m for m in st.mentions if sent.start <= m.start and m.end <= sent.end and len(m.ids) == 1
                     and m.label in ("Firm", "Organization") and m.id != target and m.id not in holders
                     and not m.demonym]
            if not found:
                continue
            nearest = min(found, key=lambda m: min(abs(m.start - tok.i), abs(m.end - 1 - tok.i)))
            add_fact(st, nearest.id, "HOLDS_STAKE_IN", target, sent, nearest)
    for n, sent in enumerate(sents):
        stated = _stake_just_stated(stakes, sents, n)
        if stated is None:
            continue
        target, holders = stated
        respectively = any(t.lower_ == "respectively" for t in sent)
        for m in st.mentions:
            if not (sent.start <= m.start and m.end <= sent.end) or len(m.ids) != 1 or m.id in holders or \
                    m.id == target or m.label not in ("Firm", "Organization") or m.demonym:
                continue
            after = st.sdoc[m.end:min(m.end + 3, sent.end)]
            gapped = len(after) >= 2 and after[0].like_num and after[1].lower_ in ("percent", "%", "per")
            # "in which KHNP holds 70 percent and the Tajik company Tojik Hydro Invest 30 percent": a name and a
            # share with the verb left out; "A and B hold 30 percent and 10 percent, respectively": the subjects
            listed = respectively and st.sdoc[m.start:m.end].root.dep_ in ("nsubj", "conj") and any(
                t.lemma_.lower() in _STAKE_VERBS for t in sent) and not any(
                t.dep_ == "prep" and t.lower_ in ("in", "of") and t.head.lower_ in ("percent", "%") for t in sent)
            if gapped or listed:
                add_fact(st, m.id, "HOLDS_STAKE_IN", target, sent, m)
    for n, sent in enumerate(sents):
        # "The seller was the EBRD, which sold part of its holding and retains 15 percent. Tolov Plus's founder Jasur
        # Rakhimov, who keeps 36 percent, ...": a share kept with nothing named it is of is a stake in what the
        # stake just stated is in (the one before it counted, so one such sentence may follow another)
        verbs = [v for v in sent if v.pos_ == "VERB" and v.lemma_.lower() in ("buy", "acquire", "purchase", "keep",
                                                                                "retain")]
        if not verbs:
            continue
        stated = _stake_just_stated(_stakes(st), sents, n)
        if stated is None:
            continue
        target, holders = stated
        for verb in verbs:
            if verb.lemma_.lower() in ("buy", "acquire", "purchase") and any(
                    c.dep_ == "nsubjpass" and c.lemma_.lower() in ("stake", "share", "holding") and c.i not in st.at
                    and [x.lower_ for x in c.children if x.dep_ == "det"] == ["the"] and not any(
                        p.dep_ == "prep" and p.lower_ in ("of", "in") for p in c.children) for c in verb.children):
                # "The stake was bought by Hana Card, the group's credit card arm": the stake just stated
                for m in [m for a in agents_of(verb) for m in expand(st, a)]:
                    if m.label in ("Firm", "Organization") and not m.demonym and len(m.ids) == 1 and m.id != target:
                        add_fact(st, m.id, "HOLDS_STAKE_IN", target, sent, m)
                continue
            # ("retains 25%", which the parser may make an adverb of the verb; "will keep a 24 percent stake")
            if verb.lemma_.lower() not in ("keep", "retain") or not any(
                    c.dep_ in ("dobj", "npadvmod") and (c.lower_ in ("percent", "%") or c.lemma_.lower() in (
                        "stake", "share", "holding") and any(x.lower_ in ("percent", "%") for x in c.subtree)) and
                    not any(p.dep_ == "prep" and p.lower_ in ("of", "in") for p in c.children)
                    for c in verb.children):
                continue
            keepers, passive = subjects_of(st, verb)
            if passive:
                continue
            for m in keepers:
                if m.label in ("Firm", "Organization", "Person") and not m.demonym and len(m.ids) == 1 and \
                        m.id != target and m.id not in holders:
                    add_fact(st, m.id, "HOLDS_STAKE_IN", target, sent, m)


_SHARE_NOUNS = frozenset({"stake", "share", "shares", "holding", "equity", "interest", "stakes"})


# what a share of the world's (or a country's) total is a share of: output makes a producer, reserves a holder
_OCCASION_WORDS = frozenset({"evening", "night", "day", "gathering", "gala", "occasion"})
_TRAVEL_VERBS = frozenset({"travel", "fly", "go", "come", "arrive", "head", "proceed", "move", "continue"})


_SHARE_OF = {"output": "PRODUCES", "production": "PRODUCES", "reserves": "HAS_RESERVES", "reserve": "HAS_RESERVES"}


def share_of_mineral(st: DocState, sent: Span, verb: Token) -> None:
    """'produces about 40 percent of the world's uranium': the producer produces the mineral the share is of."""
    doers, passive = subjects_of(st, verb)
    if passive:
        return
    minerals = [st.at[t.i] for c in verb.children if c.dep_ == "dobj" for t in c.subtree
                if t.i in st.at and st.at[t.i].label == "Mineral"]
    add_facts(st, [m for m in doers if m.label in ("Country", "Location", "Firm", "Organization", "Project")
                   and not m.demonym], "PRODUCES", minerals, sent)


def share_of_output(st: DocState, sent: Span, verb: Token) -> None:
    """'Kazakhstan, which accounts for about 40 percent of world uranium output', 'holds a fifth of the world's
    tungsten reserves': whoever has a share of a resource's output produces it, of its reserves holds them."""
    holders, passive = subjects_of(st, verb)
    if passive:
        return
    for c in verb.children:
        if not (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "for"):
            continue
        for t in c.subtree:
            rel = _SHARE_OF.get(t.lemma_.lower())
            if rel is None:
                continue
            minerals: list[Mention] = []
            for x in t.subtree:
                if x.i in st.at and st.at[x.i].label == "Mineral" and st.at[x.i] not in minerals:
                    minerals.append(st.at[x.i])
            owners = [m for m in holders if m.label in (("Country", "Location") if rel == "HAS_RESERVES" else
                                                         ("Country", "Location", "Firm", "Organization", "Project"))
                      and not m.demonym]
            add_facts(st, owners, rel, minerals, sent)


def _share_of_which(verb: Token) -> Token | None:
    """The "N percent of which" subject of a verb, if it has one (a relative clause the parser made a main one)."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("percent", "%", "stake", "share", "shares") and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(w.lower_ in ("which", "whom") for w in p.children)
                for p in c.children):
            return c
    return None


def percent_of_which(st: DocState, sent: Span, verb: Token) -> None:
    """'Kazatomprom, 75 percent of which is held by the sovereign fund Samruk-Kazyna': the holder named by "by"
    holds a stake in the name before the comma."""
    share = _share_of_which(verb)
    if share is None or share.left_edge.i < 2 or st.sdoc[share.left_edge.i - 1].text != ",":
        return
    owned = st.at.get(share.left_edge.i - 2)
    holders = [m for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
               for m in expand(st, p) if m.label in ("Firm", "Organization", "Country") and not m.demonym]
    if owned is not None and owned.label in ("Firm", "Organization", "Project"):
        add_facts(st, holders, "HOLDS_STAKE_IN", [owned], sent)


def _text_topic(st: DocState, sent: Span) -> Mention | None:
    """The firm the text is about so far: the one named (or referred to) most often before the sentence, at least
    twice and more often than any other."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in st.mentions:
        if m.start >= sent.start or m.label != "Firm" or len(m.ids) != 1:
            continue
        counts[m.id] = counts.get(m.id, 0) + 1
        first.setdefault(m.id, m)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return first[ranked[0][0]]


def during_event(st: DocState, sent: Span, verb: Token) -> None:
    """'Moon and Mirziyoyev agreed on a package during the summit', 'Yoon announced at the forum that ...', 'on the
    sidelines of the summit': who acts at an event attends it."""
    events = []
    # the parser may hang the phrase on the object: "agreed on a package of projects during the summit"
    objects = [o for c in verb.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ != "during"
               for o in ([c] if c.dep_ == "dobj" else c.children) if o.dep_ == "dobj" or o.dep_ == "pobj"]
    for c in [*verb.children, *(x for o in objects for x in o.children if x.lower_ == "during")]:
        if c.dep_ != "prep" or c.lower_ not in ("during", "at", "on"):
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if c.lower_ == "on" and p.lemma_.lower() in ("sideline", "margin", "margins"):
                p = next((q for x in p.children if x.dep_ == "prep" and x.lower_ == "of" for q in x.children
                          if q.dep_ == "pobj"), p)
            elif c.lower_ == "on":
                continue
            events += [m for m in expand(st, p) if m.label == "Event"]
    if not events:
        return
    actors, passive = subjects_of(st, verb)
    if passive:
        return
    with running(st, "verb:during-event", verb):
        # (people and firms: "Kazakhstan and Korea signed five documents at the 15th meeting of the commission" says
        # where two states signed, not that they attended, and a body that signs on a congress's sidelines is its
        # host's partner, not a guest)
        add_facts(st, [m for m in actors if m.label in ("Person", "Firm") and not m.demonym], "ATTENDS", events,
                  sent)


def _framed_money(verb: Token) -> bool:
    """Is what the verb gives a loan, grant or stake a noun frame reads ("provided a loan to X", "$100 million in
    EDCF loans", "provided X with a loan")?"""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    money = objs + [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                    if p.dep_ == "pobj"]
    return any(o.lemma_.lower() in NOUN_FRAMES for o in money) or any(
        p.lemma_.lower() in NOUN_FRAMES for o in [*money, verb] for c in o.children if c.lower_ == "in"
        for p in c.children)  # "$100 million in EDCF loans", "committed $300 million in loans" (on the verb)


def ids_of(mentions: list[Mention]) -> set[str]:
    return {i for m in mentions for i in m.ids}


def _contract_purpose(st: DocState, contract: Token) -> list[Mention]:
    """The project a contract is for, when the text says the work is done under it ("a system, which is being
    developed by X under a contract"): the subject of the verb the "under" phrase hangs on."""
    if contract.dep_ != "pobj" or contract.head.lower_ not in ("under", "through") or \
            contract.head.head.pos_ not in ("VERB", "AUX"):
        return []
    subjects, _passive = subjects_of(st, contract.head.head)
    direct, _by_prep = objects_of(st, contract.head.head)
    return [m for m in subjects + direct if m.label == "Project"]


def _under_loan_agreement(verb: Token) -> bool:
    """Is the verb the clause of a loan agreement ("a loan agreement (was concluded) under which X will provide")?"""
    if not any(c.dep_ == "prep" and c.lower_ in ("under", "by") and any(p.lower_ == "which" for p in c.children)
               for c in verb.children) and not any(c.lower_ == "whereby" for c in verb.children):
        return False
    return any(t.lemma_.lower() in ("loan", "credit") and t.dep_ == "compound" and
               t.head.lemma_.lower() in AGREEMENT_HEADS for t in verb.sent if t.i < verb.i)


def signed_in(st: DocState, sent: Span, verb: Token) -> None:
    """'The agreement was signed in Astana', 'signed a memorandum ... in Tashkent on June 13', 'the contract signed
    in Ashgabat': where a text is signed is where it is located (a city or a named place, not a country)."""
    texts = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        texts.append(verb.head)  # "the agreement signed in Tashkent"
    agreements = list({m.id: m for t in texts for m in expand(st, t) if m.label == "Agreement"}.values())
    # (the parser may hang "in Tashkent" on the text signed: "signed a memorandum of understanding in Tashkent")
    heads = [verb, *(t for t in texts if t.i in st.at and st.at[t.i].label == "Agreement" and t.dep_ == "dobj")]
    # (not a region of several countries: "its largest order in Central Asia")
    places = [m for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
              for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Location"
              and (m.id not in st.gaz.entries or st.gaz.entries[m.id].country)]
    add_facts(st, agreements, "LOCATED_IN", places, sent)


def money_given(st: DocState, sent: Span, givers: list[Mention], by_prep: dict[str, list[Mention]], *,
                aid: bool = False, lent: bool = False) -> None:
    """'KOICA will provide $7 million for a study of the railway', 'has pledged $8 million for a railway in
    Tajikistan': money given for something is funding; an aid agency's money given to a country is aid; money
    given under a loan agreement ("a loan agreement under which KDB will provide 100 billion won to DBK") is lent."""
    targets = by_prep.get("for", []) + by_prep.get("to", [])
    if lent and targets:
        add_facts(st, givers, "LENDS_TO", targets, sent)
        return
    if not targets:
        # "The Tajik government will contribute another 62 million somoni from the state budget": money given for
        # nothing named goes to the one project its paragraph is about
        targets = paragraph_project(st, sent)
    # (what is granted or donated is aid, whoever gives it)
    donors = [g for g in givers if len(g.ids) == 1 and (aid or funder_kind(st, g.id) == "donor")]
    countries = [t for t in targets if t.label in ("Country", "Organization") and not t.demonym]
    add_facts(st, [g for g in givers if g not in donors], "FINANCES", targets, sent)
    # (what an aid agency gives money for is aid: "KOICA had allocated $3 million for a COVID-19 response programme")
    add_facts(st, donors, "FINANCES", [t for t in targets if t not in countries and t.label != "Project"], sent)
    add_facts(st, donors, "GRANTS_AID_TO", countries + [t for t in targets if t.label == "Project"], sent)


def funding_association(st: DocState, sent: Span) -> None:
    """A body named as a funder (a bank, a fund, an aid agency) and the one priced project of its sentence, with no
    typed fact between them: "A $10 million programme to improve air quality in Kyrgyzstan was set in motion when
    KOICA and the ministry signed ...". The body funds the project (a guess, at low confidence); an aid agency
    funding a project in a country gives that country aid."""
    projects = {m.id: m for m in st.mentions if sent.start <= m.start < sent.end and m.label == "Project"
                and len(m.ids) == 1 and costed(st.sdoc[m.end - 1])}
    if len(projects) != 1:
        return
    (project,) = projects.values()
    funders = {m.id: m for m in st.mentions if sent.start <= m.start < sent.end and len(m.ids) == 1
               and funder_kind(st, m.id) is not None}
    if not funders or len(funders) > 2:
        return
    related = {(s, o) for s, _r, o in st.triples} | {(o, s) for s, _r, o in st.triples}
    with running(st, "association:funder", sent.root):
        for f in funders.values():
            if (f.id, project.id) in related:
                continue
            add_fact(st, f.id, "FINANCES", project.id, sent)
            place = location_in(st, st.sdoc[project.end - 1])
            if funder_kind(st, f.id) == "donor" and place is not None and place.startswith("country:"):
                add_fact(st, f.id, "GRANTS_AID_TO", place, sent)


def participle_compounds(st: DocState, sent: Span, candidates: list[Token]) -> None:
    """'KOICA-funded programme', 'Seoul-based firm', 'state-owned company', 'Korean-built plant': a name joined
    to a participle that modifies a noun states the participle's relation between the name and the noun."""
    for tok in candidates:
        if tok.tag_ != "VBN" or tok.dep_ not in ("amod", "compound"):
            continue
        head = tok.head
        if head.i not in st.at and head.dep_ in ("compound", "amod", "appos") and head.head.i in st.at:
            head = head.head  # "the Seoul-based firm Doosan Enerbility": the noun describes the name
        if head.i not in st.at:
            continue
        rel = VERB_REL.get(tok.lemma_.lower())
        if rel is None:
            continue
        names = [st.at[c.i] for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod", "nsubj")
                 and c.i in st.at and c.i < tok.i]
        if not names and tok.i >= 2 and st.sdoc[tok.i - 1].text == "-" and tok.i - 2 in st.at:
            names = [st.at[tok.i - 2]]
        if not names:
            continue
        thing = st.at[head.i]
        with running(st, "verb:participle-compound", tok):
            if rel == "LOCATED_IN":
                add_facts(st, [thing], rel, [n for n in names if n.label in ("Country", "Location")], sent)
            else:
                add_facts(st, names, rel, [thing], sent)


def contact_clause_signings(st: DocState, sent: Span, candidates: list[Token]) -> None:
    """'under a framework arrangement the two governments signed in 2022', 'a power purchase agreement Balykchy
    Solar signed with NEGK': a relative clause without "that" whose verb the parser hung on its subject as a
    participle; the subject signed the agreement named just before it (and partners the one it signed with)."""
    for tok in candidates:
        if tok.dep_ != "acl" or tok.lemma_.lower() not in _SIGN_LEMMAS or tok.head.i not in st.at or any(
                c.dep_ in ("agent", "dobj", "nsubjpass") for c in tok.children):
            continue
        signer = st.at[tok.head.i]
        before = tok.head.left_edge.i - 1
        if signer.label not in ("Country", "Firm", "Organization") or signer.demonym or before not in st.at or \
                st.at[before].label != "Agreement" or st.at[before].end != before + 1:
            continue
        others = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                  if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Country", "Firm", "Organization")
                  and not m.demonym]
        with running(st, "verb:sign", tok):
            add_facts(st, [signer, *others], "SIGNS", [st.at[before]], sent, modality="signed")
            partner_group(st, sent, [signer, *others])


def gapped_shares(st: DocState, sent: Span) -> None:
    """'Uz-Kor Gas Chemical, in which Uzbekneftegaz holds 50%, Lotte Chemical 24.5%, KOGAS 22.5% and GS E&R 3%': after
    a share held, each name followed straight by a share of its own holds it in the same thing (the verb left
    out); 'KEPCO will hold a 35% stake in the project company, Samsung C&T will hold 40% and Samruk-Energy, a
    subsidiary of Samruk-Kazyna, will hold 25%': and so does each name whose own clause holds a bare share."""
    # (the sentence's shares first: the facts are walked only where a share is named)
    first = next((t.i for t in sent if t.lower_ in ("%", "percent")), None)
    if first is None:
        return
    held = {(f.subject, f.object) for f in st.facts.values() if f.relation == "HOLDS_STAKE_IN" and
            f.evidence is not None and sent.start_char <= f.evidence.start < sent.end_char}
    targets = {o for _s, o in held}
    holders = {s_ for s_, _o in held}
    # (one thing held, or one thing by two names: "the project company Balkhash TPP JSC")
    if not targets or len(targets) > 2 or any((h, t) not in held for h in holders for t in targets):
        return
    sdoc = st.sdoc
    for t in sent:
        if t.i <= first or t.lower_ not in ("%", "percent") or t.i < 2 or not sdoc[t.i - 1].like_num:
            continue
        if t.i + 1 < sent.end and sdoc[t.i + 1].lower_ in ("of", "in", "stake", "share", "interest"):
            continue  # (a share of something named: the stake frames read it)
        k = t.i - 2
        if k in st.at and st.at[k].end == t.i - 1:
            m = st.at[k]
        else:
            # "..., Samsung C&T will hold 40%": a clause of the holder's own, with its verb
            while k > sent.start and sdoc[k].lower_ in ("a", "the", "another", "remaining"):
                k -= 1
            if sdoc[k].lemma_.lower() not in _HELD_WORDS | {"take", "have", "receive", "get"} or sdoc[k].pos_ != "VERB":
                continue
            k -= 1
            while k > sent.start and (sdoc[k].tag_ == "MD" or sdoc[k].lower_ in ("also", "still")):
                k -= 1
            if sdoc[k].text == ",":
                # ("Samruk-Energy, a subsidiary of Samruk-Kazyna, will hold 25%": past an apposition between commas)
                k = next((j - 1 for j in range(k - 1, max(sent.start, k - 10), -1) if sdoc[j].text == ","), sent.start)
            if k not in st.at or st.at[k].end != k + 1:
                continue
            m = st.at[k]
        if len(m.ids) != 1 or m.label not in ("Firm", "Organization", "Country") or m.demonym or m.id in holders \
                or m.id in targets:
            continue
        before = sdoc[m.start - 1] if m.start > 0 else None
        if before is None or before.text not in (",", "and"):
            continue  # (only a list: "..., Lotte Chemical 24.5%, KOGAS 22.5% and GS E&R 3%")
        for target in sorted(targets):
            add_fact(st, m.id, "HOLDS_STAKE_IN", target, sent)


def also_signed(st: DocState, sent: Span) -> None:
    """'The Presidents signed a Joint Statement ... Also signed were an intergovernmental agreement on healthcare, a
    memorandum between A and B, and a programme of cultural exchanges': documents signed "also", with no signer named,
    are signed by those who signed in the sentence before (the report's two countries, when that sentence's signers
    are its leaders); one that names its own parties ("between A and B") keeps them."""
    verb = sent.root
    if verb.lemma_.lower() not in _SIGN_LEMMAS or not any(c.dep_ == "auxpass" for c in verb.children) or \
            agents_of(verb) or not any(c.lower_ == "also" and c.dep_ == "advmod" for c in verb.children):
        return
    before = [s for s in st.sdoc.sents if s.end <= sent.start][-1:]
    if not before:
        return
    prev = before[0]
    signers = {st.leads.get(f.subject, f.subject) for f in st.facts.values() if f.relation == "SIGNS" and
               f.evidence is not None and prev.start_char <= f.evidence.start < prev.end_char}
    signers = {i for i in signers if i.startswith("country:")}  # (the presidents who signed: their countries)
    if not signers and any(t.lemma_.lower() in _SIGN_LEMMAS for t in prev) and len(st.pair) == 2:
        signers = set(st.pair)
    if len(signers) < 2:
        return
    signed = {f.object for f in st.facts.values() if f.relation == "SIGNS"}
    for m in [st.at[t.i] for t in sent if t.i > verb.i and t.i in st.at and st.at[t.i].label == "Agreement"
              and st.at[t.i].end - 1 == t.i and len(st.at[t.i].ids) == 1]:
        if m.id in signed or any(c.dep_ == "prep" and c.lower_ in ("between", "with")
                                 for c in st.sdoc[m.end - 1].children):
            continue  # (a memorandum between two named parties is theirs)
        for signer in sorted(signers):
            add_fact(st, signer, "SIGNS", m.id, sent, None, m, modality="signed")


def in_presence_of(st: DocState, sent: Span) -> None:
    """'The signing ceremony took place in Tashkent in the presence of Shavkat Mirziyoev, Prime Minister of
    Uzbekistan, and Kim Yong-hwan': the people in whose presence an event took place attend it."""
    for presence in sent:
        if presence.lower_ != "presence" or presence.dep_ != "pobj" or presence.head.lower_ != "in":
            continue
        verb = presence.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        events = [st.at[c.i] for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in st.at
                  and st.at[c.i].label == "Event"]
        people = [m for c in presence.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Person"]
        add_facts(st, people, "ATTENDS", events, sent)


def signed_under_which(st: DocState, sent: Span) -> None:
    """'Also signed were ... an MOU under which Seoul National University Hospital will help Ashgabat's International
    Medical Centre introduce telemedicine': an agreement the sentence says was signed, with no signer named, was
    signed by the bodies its clause says act under it (the one that acts, and the one it acts for or with), who
    partner."""
    if not any(t.lemma_.lower() in _SIGN_LEMMAS and t.pos_ in ("VERB", "AUX") for t in sent):
        return
    for under in sent:
        if under.lower_ not in ("under", "by") or under.dep_ != "prep" or under.head.dep_ != "relcl" or \
                not any(p.lower_ == "which" for p in under.children) or under.i < 1:
            continue
        # (the agreement right before the clause, wherever the parser hangs it)
        agreement = st.at.get(under.i - 1)
        if agreement is None or agreement.label != "Agreement" or len(agreement.ids) != 1 or \
                agreement.end != under.i or any(f.relation == "SIGNS" and f.object == agreement.id
                                                for f in st.facts.values()):
            continue
        clause = under.head
        subjects, passive = subjects_of(st, clause)
        bodies = [m for m in subjects if m.label in ("Firm", "Organization") and not m.demonym]
        # ("will help X introduce telemedicine": the one helped, however the parser hangs it)
        objects = [c for c in clause.children if c.dep_ in ("dobj", "dative")] + [
            x for c in clause.children if c.dep_ in ("ccomp", "xcomp") for x in c.children if x.dep_ == "nsubj"]
        others = [m for c in objects for m in expand(st, c)
                  if m.label in ("Firm", "Organization") and not m.demonym and m not in bodies]
        if passive or not bodies or not others:
            continue
        add_facts(st, bodies + others, "SIGNS", [agreement], sent, modality="signed")
        partner_group(st, sent, bodies + others)


def under_signed_agreement(st: DocState, sent: Span) -> None:
    """'Under a memorandum signed the same day, Kyung Hee University and the Samarkand institute agreed to set up ...',
    'Under an offtake agreement signed in Seoul in April, the venture will sell its output to POSCO International': an
    agreement whose signers go unsaid was signed by those who act under it (and by the one they sell or supply to,
    or act with)."""
    for tok in sent:
        agreement = st.at.get(tok.head.i)
        # (the tagger may take the participle for a past tense: "a memorandum signed the same day")
        if tok.dep_ != "acl" or tok.lemma_.lower() not in _SIGN_LEMMAS or agreement is None or \
                agreement.label != "Agreement" or any(c.dep_ == "agent" for c in tok.children):
            continue
        under = tok.head.head
        if tok.head.dep_ != "pobj" or under.lower_ != "under" or under.head.pos_ not in ("VERB", "AUX") or \
                under.i > under.head.i:
            continue  # (a fronted "Under ..., A and B agreed": not "KOICA will provide a grant, under an agreement")
        verb = under.head
        subjects, passive = subjects_of(st, verb)
        parties = [m for m in subjects if m.label in ("Country", "Firm", "Organization") and not m.demonym]
        if passive or not parties:
            continue
        # ("sell its output of rare earth concentrate to X": the tagger may make the goods a verb of their own)
        others = [m for v in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"))
                  for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with")
                  for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                  if m.label in ("Firm", "Organization") and not m.demonym and m not in parties]
        with running(st, "verb:sign", tok):
            add_facts(st, parties + others, "SIGNS", [agreement], sent, modality="signed")
            partner_group(st, sent, parties + others)


# nouns a money word may modify without being money itself: "export credit insurance", "a loan guarantee"
_NOT_MONEY_HEADS = frozenset({"insurance", "guarantee", "guarantees", "rating", "ratings", "card", "cards", "agency",
                              "risk", "policy"})


# verbs that give: with a loan or a sum as their object they state funding, not supply
_GIVE_VERBS = frozenset({"provide", "allocate", "pledge", "commit", "earmark", "give", "grant", "disburse", "extend",
                         "offer", "deliver", "contribute", "add"})


# verbs that state nothing typed of their own but whose unnamed projects place the actor ("has supported 25
# projects in Uzbekistan")
_SUPPORT_VERBS = frozenset({"support", "assist", "back", "oversee"})
# people of a country who go or work somewhere under a programme: their country takes part in it
_PEOPLE_NOUNS = frozenset({"worker", "citizen", "national", "migrant", "labourer", "laborer", "student", "employee"})
_PROGRAMME_WORDS = frozenset({"system", "programme", "program", "scheme", "initiative", "partnership"})


def under_programme(st: DocState, sent: Span, prep: Token) -> None:
    """'Kyrgyzstan has been sending workers to Korea under the Employment Permit System', '7,400 Uzbek citizens
    left for South Korea under the EPS': a country that acts under a programme, or whose people go or work under
    it, is a party to it (a programme or scheme, not a contract or loan: those have signers)."""
    programmes = [st.at[p.i] for p in prep.children if p.dep_ == "pobj" and p.i in st.at
                  and st.at[p.i].label == "Agreement" and len(st.at[p.i].ids) == 1
                  and st.entities[st.at[p.i].id].name.split()[-1].lower() in _PROGRAMME_WORDS | {"eps"}]
    if not programmes:
        return
    verb = prep.head
    subjects, passive = subjects_of(st, verb)
    parties = [m for m in subjects if m.label == "Country" and not m.demonym and not passive]
    people = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and
              c.lemma_.lower() in _PEOPLE_NOUNS]
    parties += [st.at[x.i] for c in people for x in c.children if x.dep_ in ("amod", "compound", "nmod", "poss")
                and x.i in st.at and st.at[x.i].label == "Country"]
    parties += [m for c in people for x in c.children if x.dep_ == "prep" and x.lower_ == "from" for p in x.children
                if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Country" and not m.demonym]
    parties = [Mention(m.ids, "Country", m.start, m.end, m.text) for m in parties if len(m.ids) == 1]
    add_facts(st, parties, "PARTY_TO", programmes, sent)


def under_agreement_topics(st: DocState, sent: Span, prep: Token) -> None:
    """'Under that memorandum, KOMIR and the National Geological Service will jointly explore for lithium, tungsten and
    rare earths', 'Under an agreement signed in October, K-water will build three small hydropower plants': an
    opening "under" an agreement says what the agreement provides for; it covers the fields, minerals and works
    the clause acts on (not its parties, not what the "under" phrase itself says)."""
    verb = prep.head
    if prep.i > verb.i or verb.dep_ != "ROOT":
        return
    agreements = [st.at[p.i] for p in prep.children if p.dep_ == "pobj" and p.i in st.at
                  and st.at[p.i].label == "Agreement" and len(st.at[p.i].ids) == 1]
    if not agreements:
        return
    skip = {t.i for t in prep.subtree} | {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                                          for t in c.subtree}
    add_facts(st, agreements, "COVERS", _clause_topics(st, verb, skip), sent)


# verbs of proposing, whose "that"-clause in the bare subjunctive is not yet anyone's act or plan
_PROPOSE_VERBS = frozenset({"propose", "suggest", "urge", "recommend", "ask", "insist", "demand"})


# what an agreement's clause does to works that the agreement then covers: builds, develops, runs them
_WORKS_DONE = BUILD_VERBS | {"develop", "build", "construct", "manage", "operate", "run"}


def _clause_topics(st: DocState, verb: Token, skip: set[int]) -> list[Mention]:
    """The fields and minerals a clause acts on (not those that only describe works it names: "build a unit capable
    of processing natural gas into polypropylene"), and the works it builds, develops or runs."""
    topics = list({m.id: m for t in verb.subtree if t.i not in skip and t.i > verb.i
                   and (m := st.at.get(t.i)) is not None and m.start == t.i
                   and m.label in ("Sector", "Mineral") and len(m.ids) == 1
                   and not any(a.i in st.at and st.at[a.i].label == "Project" or a.lower_ in ("capable", "able")
                               for a in t.ancestors if a.i > verb.i)}.values())
    works = [c for v in (verb, *(x for x in verb.children if x.dep_ == "xcomp"))
             if v.lemma_.lower() in _WORKS_DONE for c in v.children if c.dep_ == "dobj"]
    topics += [m for c in works for x in (c, *c.conjuncts) if (m := st.at.get(x.i)) is not None
               and m.label == "Project" and len(m.ids) == 1]
    return topics


def under_which_topics(st: DocState, sent: Span, verb: Token) -> None:
    """'an agreement under which Korea Airports Corporation will manage Issyk-Kul International Airport', 'a memorandum
    whereby KOMIR will explore for lithium': the clause is what the agreement provides for; it covers what the clause
    acts on."""
    agreement = st.at.get(verb.head.i)
    if agreement is None or agreement.label != "Agreement" or len(agreement.ids) != 1:
        return
    skip = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") or
            c.dep_ == "prep" and any(p.lower_ in ("which", "whom") for p in c.children) for t in c.subtree}
    add_facts(st, [agreement], "COVERS", _clause_topics(st, verb, skip), sent)


def under_contract_with(st: DocState, sent: Span, prep: Token) -> None:
    """'Korean Air ran the Navoi cargo hub under a management contract with Uzbekistan Airways': who acts under a
    contract (agreement, deal) with another partners it."""
    withs = [m for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in AGREEMENT_HEADS
             for c in p.children if c.dep_ == "prep" and c.lower_ == "with" for q in c.children if q.dep_ == "pobj"
             for m in expand(st, q) if m.label in ("Firm", "Organization", "Country") and not m.demonym]
    if not withs:
        return
    subjects, passive = subjects_of(st, prep.head)
    add_facts(st, [m for m in subjects if m.label in ("Firm", "Organization", "Country") and not m.demonym
                   and not passive and m not in withs], "PARTNERS_WITH", withs, sent)


_PRODUCTION_NOUNS = frozenset({"production", "operation", "operations", "output", "manufacturing", "assembly"})


def handed_over(st: DocState, sent: Span, verb: Token) -> None:
    """'The licence was handed to Hana Bank CEO Lee Ho-sung by CBU Governor Timur Ishmetov in Tashkent': who hands a
    thing to a person in person meets them."""
    givers = [m for p in agents_of(verb) for m in expand(st, p) if m.label == "Person"]
    takers = [m for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for p in c.children
              if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Person"]
    add_facts(st, givers, "MEETS", [t for t in takers if t not in givers], sent)


def lending_commitments(st: DocState, sent: Span, tok: Token) -> None:
    """'EDCF commitments to Uzbekistan have reached $723 million', 'the fund's total commitments to the country': a
    lending fund's or bank's commitments to a borrower are loans to it (not a country's "commitment to" anything)."""
    lenders = [st.at[c.i] for c in tok.children if c.dep_ in ("compound", "poss", "nmod") and c.i in st.at
               and len(st.at[c.i].ids) == 1 and funder_kind(st, st.at[c.i].id) == "funder"]
    borrowers = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                 if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Country", "Organization", "Firm", "Project")
                 and not m.demonym]
    add_facts(st, lenders, "LENDS_TO", borrowers, sent)


def production_start(st: DocState, sent: Span, verb: Token) -> None:
    """'Artel Electronics launched serial production of refrigerators at a new plant', 'it has started production
    at a cockpit module and bumper plant in Almaty': who starts production at a plant launches the plant."""
    subjects, passive = subjects_of(st, verb)
    output = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _PRODUCTION_NOUNS]
    if passive or not output:
        return
    plants = [m for x in [verb, *output] for c in x.children if c.dep_ == "prep" and c.lower_ in ("at", "in")
              for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Project"]
    add_facts(st, [m for m in subjects if m.label in ("Firm", "Organization")], "LAUNCHES", plants, sent)


_LED_GROUP_NOUNS = frozenset({"delegation", "mission"})
_DONE_RELS = frozenset({"FINANCES", "LENDS_TO", "GRANTS_AID_TO", "INVESTS_IN", "BUILDS"})
_TOPIC_VERBS = frozenset({"discuss", "consider", "explore", "negotiate", "study", "examine", "review", "debate"})


def _discussed(verb: Token) -> bool:
    """Is the verb inside what a verb of talks is about ("discussed the bank's participation in financing")?"""
    t = verb
    for _ in range(5):
        if t.dep_ not in ("pcomp", "pobj", "prep", "dobj") or t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ == "VERB" and t.lemma_.lower() in _TOPIC_VERBS:
            return True
    return False


_SITE_HEADS = frozenset({"deposit", "field", "mine", "site", "area", "block", "basin"})


def contain_reserves(st: DocState, sent: Span, verb: Token) -> None:
    """'The Maikhura tungsten deposit contains about 45,000 tons of tungsten trioxide', 'The deposit is estimated
    to contain 110,000 tonnes of lithium oxide as well as tantalum': a site holds the minerals it contains."""
    sites, passive = subjects_of(st, verb)
    sites = [m for m in sites if m.label == "Project" or m.label == "Location" and
             st.sdoc[m.end - 1].lemma_.lower() in _SITE_HEADS]
    minerals = [st.at[t.i] for c in verb.children if c.dep_ in ("dobj", "prep", "cc", "conj") for t in c.subtree
                if t.i in st.at and st.at[t.i].label == "Mineral"]
    if not passive:
        add_facts(st, sites, "HAS_RESERVES", list({m.id: m for m in minerals}.values()), sent)


_TRANSFORM_VERBS = frozenset({"process", "turn", "convert", "refine"})


def _into_phrases(verb: Token) -> list[Token]:
    """The "into" phrases of a verb of processing, on the verb or on its object ("process cotton into yarn")."""
    return [c for t in (verb, *(x for x in verb.children if x.dep_ == "dobj")) for c in t.children
            if c.dep_ == "prep" and c.lower_ == "into"]


def process_into(st: DocState, sent: Span, verb: Token) -> None:
    """'The plant will process 20,000 tonnes of cotton fibre a year into yarn and denim fabric', 'will turn natural
    gas into methanol': what is made is what the input becomes, not the input."""
    makers, passive = subjects_of(st, verb)
    if passive:
        return
    products: list[Mention] = []
    for p in (p for c in _into_phrases(verb) for p in c.children if p.dep_ == "pobj"):
        for x in (p, *p.conjuncts):
            if x.lemma_.lower() in OUTPUT_UNITS or x.lower_ in OUTPUT_UNITS:
                # "into 1 million tonnes of methanol": the product follows "of"
                x = next((q for c in x.children if c.dep_ == "prep" and c.lower_ == "of" for q in c.children
                          if q.dep_ == "pobj"), x)
            found = [m for m in expand(st, x) if m.label in ("Sector", "Mineral")]
            made = None if found or x.lemma_.lower() in _VAGUE_OUTPUT else product_sector(st, x)
            products += found + ([made] if made is not None else [])
    add_facts(st, [m for m in makers if m.label in ("Project", "Firm", "Organization")],
              "PRODUCES", list({m.id: m for m in products}.values()), sent)


# what an aid agency does with its projects: "KOICA has implemented / carried out 40 projects in Tajikistan"
_DONOR_WORKS_VERBS = frozenset({"implement", "carry", "execute", "realise", "realize"})


# what a signing not yet done hangs on: "ready to sign", "expects to sign", "plans to sign"
# (the lexicon's verbs of planning, but not "agree" or "decide": "agreed to sign" tells of a signing)
_NOT_YET_HEADS = (PLAN_VERBS - {"agree", "decide"}) | {"ready", "prepared", "willing"}


def verb_rule(st: DocState, sent: Span, verb: Token, lemma: str) -> None:
    rel = VERB_REL.get(lemma, "ATTENDS" if lemma == "participate" else "")
    if lemma in _TRANSFORM_VERBS and _into_phrases(verb):
        return  # "process cotton into yarn": the input is not a product (process_into reads it)
    if lemma in ("work", "act") and any(c.dep_ == "advmod" and c.lower_ in ("together", "jointly")
                                        for c in verb.children):
        rel = "PARTNERS_WITH"  # "agreed to work together on critical minerals": to cooperate
    elif lemma == "work" and any(c.dep_ == "prep" and c.lower_ == "with" and any(
            p.dep_ == "pobj" and p.i in st.at and st.at[p.i].label in ("Firm", "Organization", "Country")
            for p in c.children) for c in verb.children):
        rel = "PARTNERS_WITH"  # "the Korean Education Centre works closely with the association": it partners it
    if not rel and lemma not in _SUPPORT_VERBS:
        return
    if lemma in ("work", "live") and verb.dep_ in ("xcomp", "ccomp") and \
            verb.head.lemma_.lower() in ("allow", "permit", "enable", "let", "help", "encourage", "invite"):
        return  # "a memorandum allowing citizens of Kyrgyzstan to work in Korea": a permission, not work done
    if lemma == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return
    if rel == "OWNS" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in NOUN_FRAMES and
                             NOUN_FRAMES[c.lemma_.lower()].relation == "HOLDS_STAKE_IN" for c in verb.children):
        return  # "KOSPO owns 60 percent of the project company": a stake (the stake frame reads it), not the whole
    if rel in _DONE_RELS and _discussed(verb):
        return  # "discussed KDB's participation in financing the plant": a topic of talks, not money given
    if rel == "SIGNS" and verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in _NOT_YET_HEADS or any(
            c.dep_ == "acomp" and c.lemma_.lower() in _NOT_YET_HEADS for c in verb.head.children)
                                                    and verb.head.lemma_ == "be"):
        # "Kazatomprom was ready to sign a long-term contract", "Uzbekistan Railways expects to sign the contract by
        # the end of the year": nothing is signed yet
        return
    if rel == "OWNS" and (any(c.dep_ in ("npadvmod", "advmod") and c.lower_ in ("percent", "%") for c in verb.children)
                          or verb.dep_ == "acl" and verb.head.lower_ in ("percent", "%")):
        rel = "HOLDS_STAKE_IN"  # "Sughd Korea Textile is 60 percent owned by Gyeongnam Textile": a stake
    if rel == "OWNS" and verb.lower_.startswith("co-"):
        rel = "HOLDS_STAKE_IN"  # "Astana Motors co-owns Hyundai Trans Kazakhstan": a co-owner holds a share
    subjects, passive = subjects_of(st, verb)
    if rel == "OPERATES_IN" and not subjects and verb.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and any(x.lower_ == "whose" for x in c.children)
            for c in verb.children):
        # "KIGAM, whose geologists have worked in Kazakhstan since 2017": a body whose people work somewhere is
        # active there
        subjects = [m for m in expand(st, verb.head) if m.label in ("Firm", "Organization") and not m.demonym]
    direct, by_prep = objects_of(st, verb)
    if lemma == "study":
        # "agreed to jointly study the Kutessay II rare earth deposit": studying a site is exploring it (a study of
        # anything else is not development)
        direct = [m for m in direct if m.label == "Location" and st.sdoc[m.end - 1].lemma_.lower() in SITE_HEADS]
    if rel == "OWNS" and not passive and len({m.id for m in subjects if len(m.ids) == 1 and m.label in (
            "Firm", "Organization", "Country") and not m.demonym}) >= 2 and not any(
            c.lower_ == "respectively" for c in verb.children):
        # "LG Chem and UCC were to own the operating company in equal shares": two that own one thing each hold a
        # share of it, and partner
        rel = "HOLDS_STAKE_IN"
        partner_group(st, sent, [m for m in subjects if m.label in ("Firm", "Organization", "Country")
                                 and not m.demonym and len(m.ids) == 1])
    if rel == "FINANCES" and passive:
        # "was financed by a $50 million EDCF loan and by $15 million from Uzbekistan's state budget": a sum from a
        # budget is its owner's money
        subjects = subjects + [m for a in agents_of(verb) if a.i not in st.at for m in purse_owners(st, a)
                               if m not in subjects]
    if rel == "ATTENDS" and not passive:
        # "More than 100 executives attended the ceremony, among them KT&G CEO Bang Kyung-man": the parser hangs
        # the people singled out of the subject on the object
        # (or makes them a second object of the verb, after an "among them" of its own)
        marks = [c.i for t in (verb, *(o for o in verb.children if o.dep_ == "dobj" for a in o.children
                                       if a.dep_ == "appos" for o in (a,)))
                 for c in t.children if c.dep_ == "prep" and c.lower_ in ("among", "including")]
        singled = [m for o in verb.children if o.dep_ == "dobj" for a in [o, *o.children]
                   if (a.dep_ == "appos" or a is o) and marks and a.i > min(marks)
                   for m in expand(st, a) if m.label == "Person" and m not in subjects]
        # ("attended the forum, including Deputy Minister Laziz Kudratov": a phrase on the object)
        singled += [m for o in verb.children if o.dep_ == "dobj" for c in o.children
                    if c.dep_ == "prep" and c.lower_ in ("among", "including") for p in c.children
                    if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Person" and m not in subjects]
        subjects = subjects + singled
        direct = [m for m in direct if m not in singled]
        if not any(m.label == "Event" for m in direct + by_prep.get("in", [])) and any(
                p.lower_ == "it" for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                for p in c.children if p.dep_ == "pobj"):
            # "The first Tajik-Korean business forum was held in Dushanbe. More than 60 companies ... took part in
            # it": the one event the paragraph has named
            direct = direct + _the_one_event(st, sent, sent.start_char)
    if rel == "LEADS" and not passive and not any(c.dep_ == "advmod" and c.lower_ in ("previously", "formerly", "once")
                                                  for c in verb.children):
        # "Kim Yong-won, who heads Samsung Electronics' business in Central Asia": who heads a unit the text does not
        # name works for the firm whose unit it is
        owners = [st.at[x.i] for o in verb.children if o.dep_ == "dobj" and o.i not in st.at and
                  o.lemma_.lower() in UNIT_NOUNS for x in o.children if x.dep_ == "poss" and x.i in st.at and
                  st.at[x.i].label in ("Firm", "Organization")]
        add_facts(st, [m for m in subjects if m.label == "Person"], "WORKS_FOR", owners, sent)
    donor_works = rel == "BUILDS" and lemma in _DONOR_WORKS_VERBS and not passive and bool(subjects) and all(
        len(m.ids) == 1 and funder_kind(st, m.id) == "donor" for m in subjects)
    if donor_works:
        # "KOICA has implemented projects worth $25 million in Tajikistan, among them a vocational training centre":
        # the projects an aid agency carries out are its aid, not works it builds
        rel = "GRANTS_AID_TO"
        st.rule, st.confidence = "verb:aid-projects", RULES["verb:aid-projects"].confidence  # (until the verb's
        # own rule block ends)
    if rel in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO", "INVESTS_IN") and not passive:
        # "The ADB lent $45 million and the KDB $20 million for the project": a name after "and" with a sum of its
        # own and no verb does what the verb says, and what its phrases say it is for counts too
        for g in verb.children:
            if g.dep_ != "conj" or g.i not in st.at or st.at[g.i].label not in ("Firm", "Organization", "Country"):
                continue
            sums = [x for x in g.children if x.dep_ in ("appos", "dobj", "npadvmod") and is_sum(x)]
            if not sums:
                continue
            subjects = [*subjects, st.at[g.i]]
            for x in sums:
                for c in x.children:
                    if c.dep_ == "prep":
                        by_prep.setdefault(c.lower_, []).extend(m for p in c.children if p.dep_ == "pobj"
                                                                for m in expand(st, p))
    if lemma == "host" and not passive and subjects and all(
            m.label in ("Country", "Location") and not m.demonym for m in subjects):
        # "Uzbekistan hosts eight King Sejong Institutes": a place that hosts bodies or works (not events) has them
        with running(st, "verb:host", verb):
            add_facts(st, [m for m in direct if m.label in ("Organization", "Project")], "LOCATED_IN", subjects,
                      sent)
    if lemma == "register" and passive:
        # "More than 1,000 Korean companies are registered in Uzbekistan": firms registered in a place work there
        firms = [m for c in verb.children if c.dep_ == "nsubjpass" for m in expand(st, c) if m.label == "Firm"]
        places = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                  if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Country", "Location") and not m.demonym]
        with running(st, "verb:operate", verb):
            add_facts(st, firms, "OPERATES_IN", places, sent)
    if lemma in ("run", "operate", "manage") and not passive:
        # "The King Sejong Institute Foundation runs eight King Sejong Institutes in Uzbekistan": who runs a number of
        # things in a place works there
        counted = [c for c in verb.children if c.dep_ == "dobj" and (c.tag_ in ("NNS", "NNPS") or c.tag_ == "NN" and (
            c.lemma_.lower() in PROJECT_HEADS or c.lemma_.lower() in ("business", "operation", "network")))]
        # ("Korean Air, which ran the cargo hub at Navoi International Airport": a facility it runs)
        places = [m for x in [verb, *counted] for c in x.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                  for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                  if m.label in ("Country", "Location") and not m.demonym]
        if counted and places:
            with running(st, "verb:operate", verb):
                add_facts(st, [m for m in subjects if m.label in ("Firm", "Organization")], "OPERATES_IN", places,
                          sent)
    if not direct and not passive and not any(c.dep_ in ("dobj", "prep") for c in verb.children):
        # "It owns and operates the Ustyurt Gas Chemical Complex": coordinated verbs share the object
        direct = [m for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                  for m in objects_of(st, c)[0]][:3]
    if lemma in ("operate", "work", "function") and not direct:
        # "the Center for Employment of Citizens Abroad, which operates under the Ministry of Labor"
        parents = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"
                   for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Organization"]
        if parents:
            with running(st, "verb:operate-under", verb):
                add_facts(st, [m for m in subjects if m.label in ("Organization", "Firm")], "SUBSIDIARY_OF",
                          parents, sent)
            return
    if rel == "INVESTS_IN":
        # "have invested in the country's chemical and textile industries": in that country (in a report on Korea
        # and one other country, "the country" Korean firms invest in is the other one)
        pair = report_pair(st)
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for x in (x for p in c.children if p.dep_ == "pobj" for x in p.children if x.dep_ == "poss"):
                m = st.at.get(x.i)
                if x.lower_ == "country" and len(pair) == 2 and "country:south-korea" in pair:
                    other = next(i for i in pair if i != "country:south-korea")
                    m = Mention((other,), "Country", x.i, x.i + 1, x.text)
                if m is not None and m.label == "Country" and not m.demonym:
                    by_prep.setdefault("in", []).append(m)
    if rel == "INVESTS_IN" and not passive:
        # "Korean companies have invested about $70 million in the Kyrgyz economy": their country invests in that
        # country too
        homes = [Mention((cid,), "Country", m.start, m.end, m.text) for m in subjects
                     if m.label == "Firm" and len(m.ids) == 1 and m.id.endswith("-companies")
                     for cid in [_collective_country_id(st, m.id)] if cid is not None]
        with running(st, "verb:invest", verb):
            add_facts(st, homes, "INVESTS_IN", [m for p in ("in", "into") for m in by_prep.get(p, [])
                                                    if m.label == "Country"], sent)
    if (rel in ("VISITS", "LAUNCHES", "ATTENDS", "HOSTS") or lemma in ("open", "inaugurate")) and subjects:
        # "Daler Juma, who visited Ayni on Monday together with South Korea's Ambassador to Tajikistan, Kim
        # Sang-woo", "The festival was opened by Lim together with Jeon Myung-soo": the one it was done together with
        # did it too
        subjects = subjects + [m for m in _together_with(st, verb) if m not in subjects
                               and m.label in {s.label for s in subjects}]
    planned = is_planned(verb)
    if rel in ("BUILDS", "INVESTS_IN", "DEVELOPS") and verb.dep_ == "ccomp" and \
            verb.head.lemma_.lower() in _PROPOSE_VERBS and (verb.tag_ == "VB" or verb.tag_ == "VBP" and
                                                            verb.head.tag_ == "VBD") and \
            not any(c.dep_ == "aux" for c in verb.children):
        # "The head of the cabinet proposed that Korean companies build a solar plant": someone else's proposal (a
        # bare subjunctive), which the companies have neither done nor planned
        return
    if rel == "BUILDS" and subjects and not passive:
        subjects = _contractors_signed_with(st, verb, subjects)
    if rel == "BUILDS" and subjects and not passive and all(
            len(m.ids) == 1 and funder_kind(st, m.id) == "donor" for m in subjects) and direct and all(
            m.label == "Project" and "grant" in st.entities[m.id].name.lower().split() for m in direct
            if m.id in st.entities):
        # "KOICA is implementing a $5 million grant project to modernize the training center": an aid agency
        # carrying out its grant project gives the aid, it does not build
        rel = "GRANTS_AID_TO"
    elif rel == "BUILDS" and planned:
        rel = "PLANS_TO_BUILD"
    if lemma == "provide" and "for" in by_prep and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children) \
            and not any(c.dep_ == "dobj" and is_sum(c) for c in verb.children):
        rel, direct = "COVERS", direct + by_prep.pop("for")
    if lemma in ("establish", "open", "strengthen", "upgrade", "deepen"):
        obj_toks = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not any(
            o.lemma_.lower() in RELATION_NOUNS
            or any(x.lemma_.lower() in RELATION_NOUNS for x in o.conjuncts)
            for o in obj_toks
        ):
            if lemma in ("open", "establish"):
                # "Korea has opened King Sejong Institutes in Almaty, Nur-Sultan and Shymkent": a body opened in
                # places is in each of them
                places = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                          if p.dep_ == "pobj" for m in [*expand(st, p), *surface_list(st, p.i)]
                          if m.label in ("Location", "Country") and not m.demonym]
                with running(st, "verb:launch", verb):
                    add_facts(st, [o for o in direct if o.label == "Organization"], "LOCATED_IN",
                              list({m.id: m for m in places}.values()), sent)
                # "opened a factory", "established a joint venture": the opener launches it; "signed an agreement to
                # open a testing centre", "intends to open a training centre": a facility to be opened is planned
                with running(st, "verb:launch", verb):
                    add_facts(st, subjects, "LAUNCHES", [o for o in direct if o.label == "Event" or
                                                         o.label == "Project" and not planned], sent)
                with running(st, "verb:build", verb):
                    add_facts(st, subjects, "PLANS_TO_BUILD", [o for o in direct if o.label == "Project" and planned],
                              sent)
            # "both countries will strengthen the supply chain of key minerals"
            add_facts(
                st,
                subjects,
                "COOPERATES_IN",
                [o for o in direct if o.label in ("Sector", "Mineral")],
                sent,
            )
            return
        partner_group(st, sent, subjects + by_prep.get("with", []) + between(st, obj_toks))
        return
    if rel == "PARTNERS_WITH":
        # heads of state cooperate for their countries: "Tokayev and Yoon expressed interest in cooperating in"
        subjects = leaders_as_countries(st, subjects)
        partner_group(st, sent, subjects + leaders_as_countries(st, by_prep.get("with", []) + direct))
        add_facts(st, ministers_as_countries(st, subjects), "COOPERATES_IN", by_prep.get("in", []) +
                  by_prep.get("on", []), sent)
        return
    if rel == "HOSTS" and not passive:
        # "On October 18, Ashgabat hosted the sixth meeting of the ... Committee": a city that hosts an event is
        # where it took place
        cities = [st.at[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in st.at
                  and st.at[c.i].label == "Location" and len(st.at[c.i].ids) == 1]
        with running(st, "verb:hold", verb):
            add_facts(st, [o for o in direct if o.label == "Event"], "LOCATED_IN", cities, sent)
    if rel == "MEETS" and verb.dep_ == "relcl" and lemma == "meet" and not direct and verb.head.i in st.at and \
            st.at[verb.head.i].label in ("Event", "Organization"):
        # "the 15th meeting of the Intergovernmental Committee, which met in Astana": where the session was
        places = [m for m in by_prep.get("in", []) if m.label == "Location" and not m.demonym]
        h = verb.head
        session = st.at[h.head.head.i] if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.i in st.at \
            and st.at[h.head.head.i].label == "Event" else st.at[h.i]  # (the meeting "of" the committee)
        with running(st, "verb:hold", verb):
            add_facts(st, [session], "LOCATED_IN", places[:1], sent)
        return
    if rel == "MEETS":
        # "X met Y", "X met with Y"; "X discussed cooperation with Y": what is discussed is not a party
        people = subjects + ([] if lemma in ("discuss", "negotiate") else direct) + by_prep.get("with", [])
        if lemma in ("discuss", "negotiate") and not by_prep.get("with"):
            # "discussed the future of both projects with Korean Ambassador Cho Yong-chun": the parser may hang the
            # person discussed with on the last noun of what was discussed
            people += [m for c in verb.children if c.dep_ == "dobj" for t in c.subtree
                       if t.dep_ == "prep" and t.lower_ == "with" for p in t.children if p.dep_ == "pobj"
                       for m in expand(st, p) if m.label == "Person"]
        place = st.at.get(verb.head.i)
        if verb.dep_ == "relcl" and not passive and any(c.lower_ == "where" for c in verb.children) and \
                place is not None and place.label == "Location" and verb.head.dep_ == "pobj" and \
                verb.head.head.lower_ == "to" and verb.head.head.head.lemma_.lower() in _TRAVEL_VERBS:
            # "On Wednesday, the delegation travelled to Busan, where Shakiev met Mayor Park Heong-joon": the one who
            # met there had travelled there
            with running(st, "verb:visit", verb):
                add_facts(st, [m for m in subjects if m.label == "Person"], "VISITS", [place], sent)
        # "met ... on the sidelines of the UN General Assembly", "met at the summit": both attend it
        events = [m for m in by_prep.get("at", []) if m.label == "Event"]
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "at", "during"):
                for pobj in c.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in ("sideline", "margin", "margins"):
                        events += [
                            m
                            for x in pobj.children
                            if x.dep_ == "prep" and x.lower_ == "of"
                            for q in x.children
                            for m in expand(st, q)
                            if m.label == "Event"
                        ]
                    elif pobj.dep_ == "pobj" and c.lower_ == "during":
                        events += [m for m in expand(st, pobj) if m.label == "Event"]
        add_facts(st, [m for m in people if m.label == "Person"], "ATTENDS", events, sent)
        if not subjects and not passive and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return  # "the delegation met with Minister A and Prime Minister B": they met the delegation, not each other
        meet_group(
            st,
            sent,
            people,
            receive=lemma in ("receive", "host", "welcome"),
            host=subjects,
            guests=direct,
            verb=verb,
        )
        return
    if rel == "SIGNS":
        if verb.tag_ == "VBN" and (verb.dep_ in ("acl", "advcl") or verb.dep_ == "relcl" and passive) and \
                subjects and all(m.label == "Agreement" for m in subjects) and \
                not any(m.label == "Agreement" for m in direct):
            # "One memorandum came out of the trip, signed with Doosan Enerbility", "a memorandum that was signed
            # between A and B": the participle's "subject" is the agreement signed
            direct, subjects, passive = direct + subjects, [], True
        elif verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(m.label == "Agreement" for m in direct) and \
                not any(c.dep_ == "dobj" for c in verb.children):
            # "the memorandum on critical minerals signed between A and B": the parser hangs the participle on the
            # last noun of what the document is on; what is signed is the document that noun's phrase hangs on
            h = verb.head
            for _ in range(2):
                if h.dep_ != "pobj" or h.head.dep_ != "prep" or h.head.head.i not in st.at:
                    break
                h = h.head.head
                if st.at[h.i].label == "Agreement" and st.at[h.i].end - 1 == h.i:
                    direct, subjects, passive = [*direct, st.at[h.i]], [], True
                    break
        if verb.dep_ == "relcl" and not passive and not any(m.label == "Agreement" for m in direct):
            # "a memorandum on a waste-to-energy plant that it had signed with K-eco", "an agreement it signed
            # with the khokimiyat": what the relative clause hangs on (or the agreement that noun is part of)
            h = verb.head
            for _ in range(3):
                if h.i in st.at and st.at[h.i].label == "Agreement":
                    direct = [*direct, st.at[h.i]]
                    break
                if h.dep_ not in ("pobj", "prep") or h.head.i == h.i:
                    break
                h = h.head
        if verb.tag_ == "VBN" and verb.dep_ == "advcl" and passive and not direct and \
                verb.left_edge.i >= 2 and st.sdoc[verb.left_edge.i - 1].text == "," and \
                (prev := st.at.get(verb.left_edge.i - 2)) is not None and prev.label == "Agreement" and \
                st.sdoc[verb.left_edge.i - 2].dep_ == "pobj":
            # "Under the contract, signed on Tuesday by GKITS Chairman Bakyt Sharshembiev and ..., the Korean company
            # will build": the parser hangs the participle on the main verb; what it signs is the agreement before
            # its comma
            direct = [prev]
        elif verb.tag_ == "VBN" and passive and not direct and any(c.dep_ == "agent" for c in verb.children):
            # (or on the participle itself: "Under the contract, signed on Tuesday by ...")
            direct = [st.at[p.i] for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" and c.i < verb.i
                      for p in c.children if p.dep_ == "pobj" and p.i in st.at and st.at[p.i].label == "Agreement"]
        agreements = [m for m in direct if m.label == "Agreement"]
        subjects = [m for m in subjects if m.label != "Agreement"]  # an agreement signs nothing
        if agreements and not by_prep.get("with"):
            # "when it signed a memorandum on renewable energy with the Ministry of Energy and Water Resources": the
            # parser hangs the "with" on the agreement's topic; the body named there is the other side
            # ("Minister Ahn signed a memorandum on a supply chain partnership with Bobir Islamov": or on the
            # verb, after the agreement; a person who signs does so with a person)
            kinds = ("Country", "Firm", "Organization") + (
                ("Person",) if subjects and all(m.label == "Person" for m in subjects) else ())
            topics = [c for a in agreements for c in st.sdoc[a.end - 1].children] + [
                c for c in verb.children if c.i > max(a.end for a in agreements)]
            late = [m for c in topics if c.dep_ == "prep" and c.lower_ in ("on", "in") for p in c.children
                    if p.dep_ == "pobj" for w in p.children if w.dep_ == "prep" and w.lower_ == "with"
                    for q in w.children if q.dep_ == "pobj" for m in expand(st, q)
                    if m.label in kinds and not m.demonym]
            # ("signed loan agreements totalling US$1.6 billion with Uz-Kor Gas Chemical", "a contract worth $300
            # million with Uzbekistan Railways": or on the amount's word inside the agreement's phrase)
            late = late or [m for a in agreements for t in st.sdoc[a.end - 1].subtree
                            if t.dep_ == "prep" and t.lower_ == "with" and t.head.i != a.end - 1 and (
                                t.head.tag_ in ("VBG", "VBN") and t.head.lemma_.lower() in _AMOUNT_WORDS or
                                t.head.lower_ in _AMOUNT_WORDS or t.head.pos_ == "NUM")
                            for q in t.children if q.dep_ == "pobj" for m in expand(st, q)
                            if m.label in kinds and not m.demonym]
            if late:
                by_prep = {**by_prep, "with": late}
        if lemma == "adopt" and not passive:
            # "the two leaders adopted a joint declaration": they sign it, and the countries they lead are parties
            with running(st, "verb:announce", verb):
                add_facts(st, [m for m in leaders_as_countries(st, subjects) if m.label == "Country"], "PARTY_TO",
                          agreements, sent)
            if agreements and len(ids_of(subjects)) > 2:
                # "The six leaders adopted the Seoul Declaration": a declaration of many countries makes them parties
                # to it, not each the partner of every other, nor its leaders its signers
                return
        # "X concluded an agreement with Y": Y is a party too
        betweens = between(st, [st.sdoc[a.start] for a in agreements])
        parties = subjects + by_prep.get("with", []) + betweens
        clauses = [c for c in verb.children if c.dep_ == "ccomp"] if agreements else []
        for a in agreements:
            head = st.sdoc[a.start]
            clauses += [c for c in head.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")]
        # "An agreement was reached that South Korea will provide ..., and both countries will
        # strengthen the supply chain of key minerals": the clause names the parties and the content
        clause_parties: list[Mention] = []
        content: list[Mention] = []
        for c in clauses:
            for v in [c, *c.conjuncts]:
                clause_parties += [
                    m
                    for x in v.children
                    if x.dep_ == "nsubj"
                    for m in expand(st, x)
                    if m.label in ("Country", "Firm", "Organization") and not m.demonym
                ]
            content += [
                st.at[t.i]
                for t in c.subtree
                if t.i in st.at and st.at[t.i].label in ("Sector", "Mineral", "Project")
                # (not the field of a title: "signed by the two finance ministers", "Minister of Water Resources")
                and not _in_title(t)
            ]
        for a in agreements:
            signers = agreement_parties(st, a, subjects) or clause_parties
            own = [m for m in between(st, [st.sdoc[a.start]]) if m.label in ("Country", "Firm", "Organization")
                   and not m.demonym] if any(c.dep_ == "prep" and c.lower_ == "between"
                                             for c in st.sdoc[a.end - 1].children) else []
            if len(own) >= 2 and not ids_of(own) & ids_of(subjects):
                signers = own  # "the sides signed a protocol and an agreement between A and B": A and B sign that one
            if not signers and passive:
                # "The final contract was signed on Saturday with Turkmenhimiya": the party named signs it, and so
                # does the firm the text is about, the other side of a contract "signed with" someone
                signers = [m for m in by_prep.get("with", []) if m.label in ("Country", "Firm", "Organization")]
                actor = _acting_under(st, a, signers)
                if signers and actor is not None:
                    signers = [actor, *signers]
                    partner_group(st, sent, signers)
                topic = (_reporting_party(st, verb) or _text_topic(st, sent)) if actor is None else None
                if signers and topic is not None and topic.id not in {i for m in signers for i in m.ids}:
                    signers = [topic, *signers]
                    partner_group(st, sent, signers)
            if not signers:
                # "an agreement was signed between A and B", "a memorandum, concluded between A and B": both sign
                signers = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"
                           for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                           if m.label in ("Country", "Firm", "Organization") and not m.demonym]
                if len({i for m in signers for i in m.ids}) < 2:
                    # (the parser may make the list a modifier of a description after it)
                    signers = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"
                               for m in _named_in(st, c)] or signers
                parties += signers
            if not signers and passive:
                # "a deal between Hyundai Rotem and Uzbekistan Railways was signed": the parties it is between
                signers = [m for m in between(st, [st.sdoc[a.start]])
                           if m.label in ("Country", "Firm", "Organization") and not m.demonym]
            if not signers and passive and not by_prep.get("with") and not agents_of(verb) and \
                    verb.dep_ not in ("acl", "relcl") and any(c.dep_ == "auxpass" for c in verb.children):
                # (not "under a $1.4 billion contract signed in 2024": an earlier contract recalled in passing)
                # "A and B signed a memorandum on Monday. An agreement on a refinery was also signed", "Tokayev and
                # Lee held talks. Following the talks, a memorandum on critical minerals was signed": the signers of
                # the sentences just before, or the countries whose leaders met there
                earlier = {f.subject for f in st.facts.values() if f.relation == "SIGNS" and f.evidence is not None
                           and 0 < sent.start_char - f.evidence.start < 600 and f.object != a.id}
                if not earlier:
                    met = [f for f in st.facts.values() if f.relation == "MEETS" and f.evidence is not None
                           and 0 < sent.start_char - f.evidence.start < 600]
                    countries = {st.leads.get(p) for f in met for p in (f.subject, f.object)}
                    earlier = {c for c in countries if c} if None not in countries else set()
                if 0 < len(earlier) <= 3:
                    with running(st, "verb:also-signed", verb):
                        for sid in sorted(earlier):
                            add_fact(st, sid, "SIGNS", a.id, sent, om=a, modality="signed")
            scattered = [c for c in verb.children if c.dep_ == "agent" and c.lower_ == "between"]
            if scattered and len(ids_of(listed := listed_between(st, scattered[0], sent))) > len(ids_of(signers)) \
                    and ids_of(signers) <= ids_of(listed):
                # "an agreement signed in November 2025 between the university, the ministry and the regional
                # khokimiyat": the parser may take "between" for the agent and scatter the list after it
                signers = listed
                parties += signers
            if signers:
                # "X concluded an agreement with Y": Y signs it too
                # (and a person signs with a person: "Minister Ahn signed a memorandum with Bobir Islamov")
                signers = signers + [
                    m
                    for m in by_prep.get("with", []) + between(st, [st.sdoc[a.start]])
                    if m.label in ("Country", "Firm", "Organization") and not m.demonym or
                    m.label == "Person" and not passive and all(x.label == "Person" for x in signers)
                ]
            add_facts(st, signers, "SIGNS", [a], sent, modality="signed")
            add_facts(st, [a], "COVERS", content, sent)
            if st.sdoc[a.end - 1].lemma_.lower() in ("contract", "agreement", "deal") and any(
                    c.dep_ == "prep" and c.lower_ == "for" and any(p.dep_ == "pobj" and p.lemma_.lower() in
                                                                   ("supply", "delivery") for p in c.children)
                    for t in (verb, st.sdoc[a.end - 1]) for c in t.children):
                # "Hyundai Rotem and Uzbekistan Railways signed a contract for the supply of 42 high-speed train
                # cars": of the two sides of a supply contract, the Korean one supplies the other
                sides = list({m.id: m for m in signers if m.label in ("Firm", "Organization") and not m.demonym and
                              len(m.ids) == 1}.values())
                korean = [m for m in sides if _is_korean(st, m)]
                others = [m for m in sides if not _is_korean(st, m)]
                if len(korean) == 1 and others:
                    with running(st, "noun:supply-contract", verb):
                        add_facts(st, korean, "SUPPLIES", others, sent)
            with running(st, "noun:loan-agreement", verb):
                loan_agreement(st, sent, a, signers)
            if st.sdoc[a.end - 1].lemma_.lower() == "contract" and not passive:
                # "GS E&C has signed a $612 million EPC contract with Turkmenawtoyollary, Turkmenistan's state
                # road-building concern, for a new bridge": the parser hangs "for" on the verb; the firm that signs
                # a contract for works (not the client it is signed with) builds them
                works = _contract_works(st, (verb, st.sdoc[a.end - 1])) or _contract_works(st, tuple(
                    # ("with a consortium of A, B and C for the construction of ...": the parser may hang "for" on the
                    # last name of the list the contract is signed with)
                    x for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for x in c.subtree
                    if x.pos_ == "PROPN" and x.dep_ in ("pobj", "conj")))
                builders = [m for m in subjects if m.label == "Firm" and not m.demonym]
                # ("Uzbekistan Railways signed a contract for overhead lines", "Turkmenhimiya and the South Korean
                # company Hyundai Engineering signed a contract for a carbamide plant": a client signs too; only the
                # contractor builds, and in these reports that is the Korean firm)
                builders = [m for m in builders if _is_korean(st, m)]
                withs = by_prep.get("with", []) + [m for c in st.sdoc[a.end - 1].children if c.dep_ == "prep" and
                                                  c.lower_ == "with" for p in c.children if p.dep_ == "pobj"
                                                  for m in expand(st, p)]
                contractors = [m for m in withs if m.label == "Firm" and not m.demonym]
                if contractors and any(_is_korean(st, m) for m in contractors) and \
                        not any(_is_korean(st, m) for m in subjects):
                    # "Turkmenhimiya signed a contract with LG International and Hyundai Engineering for the
                    # construction of the Kiyanly complex": the client signs with the Korean contractors, who build
                    # ("with a consortium of South Korea's LG International and Hyundai Engineering and Japan's Toyo
                    # Engineering": with their foreign partners in the consortium)
                    builders = contractors
                if works and builders:
                    with running(st, "noun-frame:contract", verb):
                        add_facts(st, builders, "BUILDS", works, sent)
            # "signed an agreement ... on the development of the Kensu deposit", "a memorandum on joint exploration of
            # lithium": the parties develop what the agreement is about developing
            sites = [m for t in verb.subtree if t.i > a.start and t.lemma_.lower() in _DEVELOP_NOUNS
                     for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj" for m in expand(st, p)
                     if m.label in ("Mineral", "Project", "Location") and not m.demonym and
                     (m.label != "Location" or m.id not in st.gaz.entries)]
            if sites:
                with running(st, "noun:agreement-to-develop", verb):
                    add_facts(st, [m for m in signers if m.label in ("Firm", "Organization")], "DEVELOPS", sites,
                              sent)
        if not agreements and passive:
            # "The other two were concluded between the Export-Import Bank of Korea and the Ministry of Finance":
            # whatever the text calls what was signed, the two it was signed between partner
            # ("... between A and B, on a financing framework, and between C and D, on a rehabilitation centre": each
            # pair apart)
            for c in verb.subtree:
                if c.lower_ != "between" or not (c.dep_ == "prep" and c.head.i == verb.i or c.dep_ == "conj"):
                    continue
                between_pair = [m for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                                if m.label in ("Country", "Firm", "Organization") and not m.demonym]
                if len(ids_of(between_pair)) >= 2:
                    partner_group(st, sent, between_pair)
        if agreements or any(t.lemma_.lower() in AGREEMENT_HEADS for t in verb.children) or (
                len({i for m in parties if m.label != "Person" for i in m.ids}) >= 2
                and any(c.dep_ == "dobj" for c in verb.children)):
            # "KOICA and the ministry signed a Record of Discussions": whatever they signed, they partner
            others = parties[len(subjects) :]
            # heads of state sign for their countries: the countries partner, not the two people
            parties = [p for p in leaders_as_countries(st, parties) if p.label != "Person"]
            others = [p for p in leaders_as_countries(st, others) if p.label != "Person"]
            subjects = [p for p in leaders_as_countries(st, subjects) if p.label != "Person"]
            if len(subjects) == 1 and len(subjects[0].ids) == 1 and others:
                # "X signed a memorandum with A and B": X partners each; A and B are not said to partner
                add_facts(st, subjects, "PARTNERS_WITH", others, sent)
            elif len(ids_of(subjects)) >= 2 and betweens and not ids_of(subjects) & ids_of(betweens) and \
                    not by_prep.get("with"):
                # "the sides signed a protocol, as well as an agreement between Kazakh Invest and KOTRA": the
                # sides partner, and the two bodies the second agreement is between; not the sides with the bodies
                partner_group(st, sent, subjects)
                partner_group(st, sent, [p for p in leaders_as_countries(st, betweens) if p.label != "Person"])
            else:
                partner_group(st, sent, parties)
        return
    if rel == "LEADS":
        # "the Kyrgyz delegation was headed by X": X leads the delegation, not the country it stands for
        direct = [m for m in direct if not (m.label == "Country" and m.end - m.start == 1 and
                                            st.sdoc[m.start].lemma_.lower() in _COUNTRY_GROUPS)]
        groups = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _LED_GROUP_NOUNS]
        if groups:
            # "will lead a delegation of 20 firms, including Korea Zinc": he leads the delegation, not its members;
            # "... to Astana next week": and goes where he leads it
            places = [m for h in (verb, *groups) for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                      for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                      if m.label in ("Country", "Location") and not m.demonym]
            if not places:
                # (the parser may hang "to Astana" on the last name of a list of members)
                to = next((t for t in sent if t.i > groups[0].i and t.lower_ == "to" and t.i + 1 in st.at), None)
                places = [st.at[to.i + 1]] if to is not None and st.at[to.i + 1].label in ("Country", "Location") \
                    and not st.at[to.i + 1].demonym else []
            with running(st, "verb:visit", verb):
                add_facts(st, [m for m in subjects if m.label == "Person" and not passive], "VISITS", places, sent)
            # "led the Korean delegation to the forum", "The forum opened in Ashgabat. The Korean delegation was headed
            # by Minister Ahn Duk-geun": who heads a delegation to an event (or at the one event its paragraph has
            # named) attends it
            events = [m for h in (verb, *groups) for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "at")
                      for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Event"]
            events = events or _the_one_event(st, sent, sent.start_char)
            with running(st, "verb:attend", verb):
                add_facts(st, [m for m in subjects if m.label == "Person"], "ATTENDS", events, sent)
            return
        add_facts(st, subjects, rel, direct, sent)
        return
    if rel == "SUPPLIES" and lemma in _GIVE_VERBS:
        objs_toks = [c for c in verb.children if c.dep_ == "dobj"]
        if _framed_money(verb):
            return  # "provided a loan to X", "$100 million in EDCF loans": the loan frame says who lent to whom
        if any(is_sum(o) for o in objs_toks):
            # "provide a further $80 million from the Economic Development Cooperation Fund (EDCF)": money drawn from
            # a lending fund or bank is lent, by it too
            sources = [m for t in (verb, *objs_toks) for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                       if len(m.ids) == 1 and funder_kind(st, m.id) == "funder" and not passive]
            with running(st, "verb:provide-money", verb):
                money_given(st, sent, subjects + [m for m in sources if m not in subjects], by_prep,
                            lent=_under_loan_agreement(verb) or bool(sources))
            return
    if rel == "SUPPLIES":
        # "will ship 20,000 tons of copper concentrate a year to Korea Zinc's smelter": the tagger may take
        # "concentrate" for a verb and hang the "to" phrase on it; it is still the shipping's
        # ("sell its entire output of rare earth concentrate to POSCO International": or coordinate it with the verb)
        heads = [verb, *(x for x in verb.children if x.dep_ in ("xcomp", "advcl", "conj") and x.i > verb.i and
                         x.tag_ in ("VB", "VBP", "VBZ") and
                         not any(a.dep_ in ("aux", "nsubj", "mark") for a in x.children))]
        by_prep.setdefault("to", []).extend(
            m for h in heads[1:] for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
            for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m not in by_prep.get("to", []))
        # "supply modules to Hyundai Trans Kazakhstan's assembly line in Almaty": the firm whose works it is
        # receives them
        by_prep.setdefault("to", []).extend(
            st.at[x.i] for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
            if p.dep_ == "pobj" and p.i not in st.at or p.i in st.at and st.at[p.i].label == "Project"
            for x in p.children if x.dep_ == "poss" and x.i in st.at and st.at[x.i].label == "Firm")
        # "to supply natural uranium concentrate to KHNP": the parser may hang the receiver on the goods
        # ("handed over equipment worth $3.2 million to the centre": or on a word of the goods' phrase)
        by_prep.setdefault("to", []).extend(
            m for c in verb.children if c.dep_ == "dobj" for p in c.subtree if p.dep_ == "prep" and p.lower_ == "to"
            and p.head.i in (c.i, *(x.i for x in c.children if x.dep_ == "amod")) for q in p.children
            if q.dep_ == "pobj" for m in expand(st, q) if m not in by_prep.get("to", []))
    if subjects and all(m.label == "Agreement" for m in subjects) and verb.dep_ in ("acl", "relcl") and \
            verb.head.dep_ in ("dobj", "nsubjpass") and verb.head.head.lemma_.lower() in _SIGN_LEMMAS:
        # "ready to sign a contract to supply uranium to KHNP": who signs the contract does what it is for
        subjects, passive = subjects_of(st, verb.head.head)
        subjects = [m for m in subjects if m.label != "Agreement"]
    if lemma == "spend" and subjects and not passive and all(m.label == "Firm" for m in subjects):
        # "The joint venture plans to spend $210 million on a concentrator": a firm spending on its own works
        # invests in them
        rel = "INVESTS_IN"
        by_prep.setdefault("in", []).extend(by_prep.get("on", []))
    if rel == "SUPPLIES" and subjects and not passive and all(
            len(m.ids) == 1 and funder_kind(st, m.id) == "donor" for m in subjects):
        rel = "GRANTS_AID_TO"  # "KOICA delivered medical equipment to the ministry": an aid agency gives, not sells
    direct_slot, preps = VERB_SLOTS.get(rel, (True, ()))
    objs = (direct if direct_slot else []) + [m for p in preps for m in by_prep.get(p, [])]
    if rel == "OPERATES_IN" and lemma == "enter" and not passive and subjects and all(
            m.label in ("Firm", "Organization") and len(m.ids) == 1 and not m.id.endswith("-companies")
            for m in subjects):
        # (a firm or body named: people enter a country without settling there, "Korean companies entering
        # Central Asia" is a manner of speaking)
        # "Hana Financial first entered Uzbekistan in 2019", "Shinhan Bank entered the Kazakh market": the country
        # or place a firm enters (or whose market it enters) is where it works
        objs += [m for m in direct if m.label in ("Country", "Location") and not m.demonym and m not in objs]
        objs += [st.at[x.i] for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "market"
                 for x in c.children if x.dep_ in ("amod", "compound", "poss") and x.i in st.at
                 and st.at[x.i].label == "Country" and st.at[x.i] not in objs]
    if rel == "PARTY_TO" and lemma in ("approve", "ratify") and not passive:
        # "The Cabinet of Ministers has approved an agreement with the Korea Eximbank": the one it is with is a party
        # too (the agreement read below, among the objects)
        subjects = subjects + [m for c in [verb, *(x for x in verb.children if x.dep_ == "dobj")]
                               for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                               for q in p.children if q.dep_ == "pobj" for m in expand(st, q)
                               if m.label in ("Firm", "Organization", "Country") and m not in subjects]
    if rel == "SUPPLIES" and verb.dep_ == "acl" and verb.tag_ == "VBN" and agents_of(verb):
        # "will burn gas delivered by QazaqGaz", "will run on ethane supplied by Tengizchevroil": the goods the
        # participle describes
        goods = [m for m in expand(st, verb.head) if m.label in ("Mineral", "Sector")]
        made = None if goods or verb.head.lemma_.lower() in _VAGUE_OUTPUT else product_sector(st, verb.head)
        objs += [m for m in [*goods, *([made] if made is not None else [])] if m not in objs]
    if rel == "SUPPLIES":
        # "Turkmengas will supply it with 1.2 billion cubic metres of natural gas": what it is supplied with
        objs += [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and lemma == "supply"
                 for p in c.children if p.dep_ == "pobj"
                 for t in [p, *(q for x in p.children if x.dep_ == "prep" and x.lower_ == "of" for q in x.children)]
                 if t.i in st.at and st.at[t.i].label in ("Mineral", "Sector") for m in [st.at[t.i]] if m not in objs]
    if rel == "DEVELOPS" and lemma in ("explore", "prospect", "drill", "search", "look"):
        # "will jointly explore for rare earth elements and tungsten": what is sought is developed
        objs += [m for m in by_prep.get("for", []) if m.label == "Mineral" and m not in objs]
        # (the parser may take a mineral after "and" for a verb: read the list off the surface)
        objs += [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                 if p.dep_ == "pobj" for m in surface_list(st, p.left_edge.i) if m.label == "Mineral" and m not in objs]
        # "a licence to explore for lithium at the Jilau-Sharq prospect": the site where it is sought is developed
        objs += [m for m in by_prep.get("at", []) if m.label == "Location" and not m.demonym and len(m.ids) == 1
                 and m.id not in st.gaz.entries and st.sdoc[m.end - 1].lemma_.lower() in SITE_HEADS and m not in objs]
    if rel in ("FINANCES", "LENDS_TO") and any(o.label == "Agreement" for o in objs):
        # "developed by Samsung SDS under a contract financed by the Tajik government": money pays for what the
        # contract is for, not for the contract
        objs = [o for o in objs if o.label != "Agreement"] + [
            m for o in objs if o.label == "Agreement" for m in _contract_purpose(st, st.sdoc[o.end - 1])
            if m not in objs]
    if rel == "INVESTS_IN" and not objs and not passive and any(c.dep_ == "dobj" and is_sum(c) for c in verb.children) \
            and not any(c.dep_ == "prep" and c.lower_ in ("in", "into") for t in (verb, *verb.children)
                        for c in t.children):
        # "Hanwha had planned to invest about $280 million": a sum invested in nothing named goes to the paragraph's
        # one project
        objs = paragraph_project(st, sent)
    if rel in ("BUILDS", "PLANS_TO_BUILD") and verb.dep_ == "acl" and objs and \
            all(o.label == "Location" for o in objs) and verb.head.i in st.at:
        # "the gas chemical complex in Kiyanly, Balkan province, built by LG International and Hyundai Engineering":
        # a participle after the places a works stands in describes the works (past the places and commas before it)
        k = st.at[verb.head.i].start - 1
        while k > sent.start and (st.sdoc[k].text == "," or st.sdoc[k].lower_ in ("in", "at", "near") or
                                  k in st.at and st.at[k].label in ("Location", "Country")):
            k -= 1
        if k in st.at and st.at[k].label == "Project":
            objs = [st.at[k]]
    if rel in ("BUILDS", "PLANS_TO_BUILD") and not any(o.label == "Project" for o in objs) and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("work", "works", "construction")
            for c in verb.children):
        # "the work will be carried out by the Korea Rural Community Corporation", "K-water will carry out the
        # engineering works": the works of the one project its paragraph is about (or, when it names none, the one the
        # paragraph before names: "The complex will process ... \n\nConstruction was carried out by ...")
        objs = objs + recent_project(st, sent)
    if rel in ("LENDS_TO", "FINANCES") and passive and not objs and subjects and any(
            c.dep_ == "nsubjpass" and (is_sum(c) or c.lemma_.lower() in ("cost", "part", "rest", "remainder"))
            for c in verb.children):
        # "About $900 million of the cost will be financed by Kexim and K-Sure": a sum of a cost paid for nothing
        # named goes to the one project its paragraph is about ("Eximbank will lend $280 million for the plant, and
        # the remaining $140 million will be financed by Vnesheconombank": or its sentence's clause before)
        objs = paragraph_project(st, sent)
        if verb.dep_ == "conj" and verb.head.i < verb.i:
            clause_works = {m.id: m for m in st.mentions if m.label == "Project" and len(m.ids) == 1 and
                            sent.start <= m.start < verb.left_edge.i}
            objs = objs or (list(clause_works.values()) if len(clause_works) == 1 else [])
    if rel in ("LENDS_TO", "FINANCES", "GRANTS_AID_TO") and not passive:
        # "will lend Uzbekistan $95 million to build a children's hospital": what the money is for
        objs += [m for m in purpose_targets(st, verb) if m.label == "Project" and m not in objs]
        if not objs and rel == "LENDS_TO" and any(c.dep_ == "dobj" and is_sum(c) for c in verb.children):
            # "Financing will be arranged by KDB, which is to lend $180 million", "Korea Eximbank will lend $280
            # million": a sum lent for nothing named goes to the one project its paragraph is about
            objs = paragraph_project(st, sent)
    if rel in ("BUILDS", "FINANCES", "") and not any(o.label in ("Project", "Country", "Organization", "Firm")
                                                     for o in objs) or donor_works:
        # "implemented 40 projects in Tajikistan", "will spend $35 million on projects in Tajikistan": projects
        # left unnamed tell where the actor works
        generic = [c for c in verb.children if c.dep_ in ("dobj", "prep") and
                   any(t.lemma_.lower() in ("project", "programme", "program") and t.tag_ == "NNS" for t in c.subtree)]
        places = [m for c in generic for t in c.subtree if t.dep_ == "prep" and t.lower_ == "in"
                  and (t.head.pos_ not in ("VERB", "AUX") or not donor_works)
                  for p in t.children if p.dep_ == "pobj" for m in expand(st, p)
                  if m.label in ("Country", "Location") and not m.demonym]
        if generic and not places:
            # "KOICA has implemented more than 40 projects in Tajikistan": the place may hang on the verb
            places = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                      if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Country", "Location")
                      and not m.demonym]
        with running(st, "verb:projects-in", verb):
            add_facts(st, subjects, "OPERATES_IN", places, sent)
            # "KOICA has spent more than $60 million on grant projects in the country", "KOICA has implemented
            # projects worth $25 million in Tajikistan": an aid agency's projects in a country are aid to it
            add_facts(st, [m for m in subjects if len(m.ids) == 1 and funder_kind(st, m.id) == "donor"],
                      "GRANTS_AID_TO", [p for p in places if p.label == "Country"], sent)
    if not rel:
        return  # "supported 25 projects in Uzbekistan": no relation of its own
    if rel == "OPERATES_IN" and lemma in ("operate", "run", "own", "have", "manage"):
        # "Rakhat operates two plants, one in Almaty and one in Shymkent": where its facilities are, it operates
        facilities = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in PROJECT_HEADS]
        objs = objs + [p for f in facilities for n in [f, *(c for c in f.children if c.dep_ == "appos")]
                       for x in [n, *n.conjuncts] for p in places_of(st, x) if p not in objs]
        # "Lukoil operates the Kandym gas field", "the field is operated by Lukoil": a site it runs
        objs += [o for o in direct if o.label == "Location" and o not in objs
                 and st.sdoc[o.end - 1].lemma_.lower() in ("field", "deposit", "mine")]
    if rel == "PRODUCES" and not passive and not planned and not any(
            a.lemma_.lower() in PLAN_VERBS | {"start", "begin", "plan"} for a in verb.ancestors):
        # "Hyundai Trans Auto, which has assembled Hyundai cars in Almaty since 2020": a firm works where it makes
        # things
        places = [m for m in by_prep.get("in", []) if m.label in ("Location", "Country") and not m.demonym]
        places += [m for c in verb.children if c.dep_ == "dobj" for x in c.children if x.dep_ == "prep" and
                   x.lower_ == "in" for p in x.children if p.dep_ == "pobj" for m in expand(st, p)
                   if m.label in ("Location", "Country") and not m.demonym and m not in places]
        with running(st, "verb:operate", verb):
            add_facts(st, [m for m in subjects if m.label == "Firm"], "OPERATES_IN", places, sent)
    if rel == "RESIDES_IN":
        if lemma in ("move", "relocate", "emigrate", "migrate", "deport", "resettle"):
            objs = by_prep.get("to", [])
        if lemma in ("move", "relocate") and not passive and not any(
                c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ not in ("which", "that") for c in verb.children):
            # (not "It moved to Ushtobe": whom a pronoun stands for is less sure than a name)
            # "the weekly Koryo Ilbo, which moved to Almaty from Kyzylorda in 1978", "LOTTE Rakhat has decided to
            # relocate its factory to the Almaty region": a body, or the works it moves, is where it moves to
            places = [o for o in objs if o.label in ("Country", "Location") and not o.demonym]
            things = [d for d in direct if d.label == "Project"]
            with running(st, "verb:locate", verb):
                add_facts(st, things or [m for m in subjects if m.label in ("Firm", "Organization")], "LOCATED_IN",
                          places, sent)
        if not objs and lemma in ("live", "reside"):
            # "Kyrgyz citizens live and work in South Korea": the place hangs on the coordinated verb
            objs = [m for v in verb.conjuncts if v.i > verb.i for c in v.children if c.dep_ == "prep"
                    and c.lower_ == "in" for p in c.children if p.dep_ == "pobj" for m in expand(st, p)]
        if lemma in ("live", "reside", "settle") and not passive:
            objs = objs + _shares_places(st, verb)
        objs = [o for o in objs if o.label in ("Country", "Location") and not o.demonym]
        if passive and not subjects:
            subjects = [d for d in direct if d.label in ("Group", "Person")]  # "were deported to Central Asia"
        if not subjects and objs and any(c.dep_ == "nsubj" and c.like_num and any(
                d.lower_ in ("another", "other", "the") for d in c.children) for c in verb.children):
            # "Another 80,000 have settled in Korea": more of the community the text has just counted
            named = [m for m in st.mentions if m.label == "Group" and len(m.ids) == 1 and m.start < verb.i and
                     sent.start_char - st.sdoc[m.start].idx < 400]
            subjects = named[-1:]
    elif rel == "LOCATED_IN":
        if lemma == "publish" and not passive:
            return  # "Samsung published a report in Seoul" places nothing; "Kore Ilbo is published in Almaty" does
        # "X is located / based in Y", "the plant, located in Y", "Seoul-based X"
        if passive or not subjects:
            subjects = direct if direct else ([st.at[verb.head.i]] if verb.dep_ in ("acl", "amod") and
                                              verb.head.i in st.at else [])
            if not subjects and verb.dep_ == "acl" and verb.head.dep_ == "attr":
                # "Korea Zinc is a smelting company headquartered in Seoul": the copula's subject is placed
                subjects = expand(st, verb.head)
    elif rel == "LAUNCHES":
        # launching a programme or initiative is taking part in it; launching a plant or event is opening it (a
        # person, who is party to nothing, launches the programme)
        programmes = [o for o in objs if o.label == "Agreement"]
        add_facts(st, subjects, "PARTY_TO", programmes, sent)
        add_facts(st, [m for m in subjects if m.label == "Person"], "LAUNCHES", programmes, sent)
        objs = [o for o in objs if o.label != "Agreement"]
        # (an event or a facility opened in a place is there: "a vocational training centre ... was inaugurated in
        # Osh")
        add_facts(st, [o for o in objs if o.label == "Event" or o.label == "Project" and passive], "LOCATED_IN",
                  [p for p in by_prep.get("in", []) if p.label in ("Location", "Country") and not p.demonym], sent)
    elif rel == "HOSTS" and verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i > verb.head.i and \
            st.sdoc[verb.i - 1].text == "," and passive:
        # "More than 300 companies took part in the Uzbekistan-Korea Business Forum held in Tashkent on Tuesday,
        # co-organised by KOTRA and the Chamber of Commerce": a participle after the clause describes the one event
        # the clause names
        events = list({m.id: m for t in sent if t.i < verb.i and (m := st.at.get(t.i)) is not None
                       and m.label == "Event" and len(m.ids) == 1}.values())
        hosts = [m for m in subjects if m.label in ("Organization", "Firm", "Country", "Person") and not m.demonym]
        if len(events) == 1:
            add_facts(st, hosts, "HOSTS", events, sent)
        return
    elif rel == "HOSTS" and verb.tag_ == "VBN" and (verb.dep_ == "advcl" and verb.i < verb.head.i or
                                                     verb.i == sent.start and verb.dep_ == "ROOT"):
        # "Organised together with the Korean Cultural Centre, the two-day festival featured ...": the participle
        # describes the main clause's subject; who it was organised by or with hosts it (the parser may make the
        # opening participle the root and hang the main clause below it)
        if verb.dep_ == "advcl":
            events = [m for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for m in expand(st, c)
                      if m.label == "Event"]
        else:
            comma = next((t.i for t in sent if t.text == ","), sent.end)
            events = [m for t in sent if t.i > comma and t.dep_ in ("nsubj", "nsubjpass")
                      for m in expand(st, t) if m.label == "Event"][:1]
        hosts = [m for m in by_prep.get("with", []) + (subjects if passive else [])
                 if m.label in ("Organization", "Firm", "Country", "Person") and not m.demonym]
        # ("together with A in Almaty and B": every body named in the "with" phrase, however the parser splits it)
        hosts += [m for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "with" and
                  (c.head.i == verb.i or c.head.head.i == verb.i and c.head.lower_ in ("together", "jointly"))
                  for m in _named_in(st, c) if m.label in ("Organization", "Firm") and m not in hosts]
        add_facts(st, hosts, "HOSTS", events, sent)
        return
    elif rel == "HOSTS":
        events = [o for o in objs if o.label == "Event"]
        guests = [o for o in objs if o.label == "Person"]
        if guests:  # "Lee hosted Tokayev": host and guest meet; co-hosts of an event do not
            add_facts(st, subjects, "MEETS", guests, sent)
            meet_group(st, sent, [], receive=True, host=subjects, guests=guests, verb=verb)
        objs = events
        if events and not passive and (lemma.startswith("co-") or verb.lower_.startswith("co-")):
            # "KITA co-hosted a business forum with KOTRA": the one it is co-hosted with hosts it too
            subjects = subjects + [m for m in by_prep.get("with", []) if m.label in ("Organization", "Firm",
                                                                                    "Country") and not m.demonym]
    elif rel == "PARTY_TO" and lemma == "unveil":
        # "Yoon unveiled the K-Silk Road initiative": a person, who is party to nothing, launches it (a country or
        # body that unveils it is a party, below)
        with running(st, "verb:launch", verb):
            add_facts(st, [m for m in subjects if m.label == "Person"], "LAUNCHES",
                      [o for o in objs if o.label == "Agreement"], sent)
    elif rel == "ATTENDS" and lemma == "join" and any(o.label == "Agreement" for o in direct):
        # "Kyrgyzstan joined the EPS in 2007": who joins a programme or treaty is a party to it
        with running(st, "verb:join-programme", verb):
            add_facts(st, [m for m in subjects if m.label in ("Country", "Firm", "Organization") and not passive],
                      "PARTY_TO", [o for o in direct if o.label == "Agreement"], sent)
        return
    elif rel == "ATTENDS":
        objs = direct + by_prep.get("in", [])
        if lemma in ("participate", "join") and verb.dep_ != "xcomp":
            build_through(st, sent, verb, subjects)
        if lemma in ("chair", "co-chair"):
            # one chairs a forum by attending and leading it, and a council or a commission by leading it
            bodies = [o for o in objs if o.label in ("Organization", "Firm")]
            with running(st, "verb:lead", verb):
                add_facts(st, subjects, "LEADS", bodies + [o for o in objs if o.label == "Event"], sent)
            sessions = [b for b in bodies if b.id in st.entities and
                        _ORDINAL_WORD.match(st.entities[b.id].name.split()[0].lower())]
            if sessions and not passive:
                # "co-chaired the 6th Korea-Turkmenistan Joint Committee on Economic Cooperation in Seoul": a
                # numbered session of a body is held where the chairs met
                places = [m for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "in" and t.i > sessions[0].start
                          for p in t.children if p.dep_ == "pobj" for m in expand(st, p)
                          if m.label == "Location" and not m.demonym]
                with running(st, "verb:hold", verb):
                    add_facts(st, sessions, "LOCATED_IN", places[:1], sent)
            objs = [o for o in objs if o not in bodies]
            co = lemma == "co-chair" or verb.lower_.startswith("co-") or verb.i >= 2 and \
                st.sdoc[verb.i - 1].text == "-" and st.sdoc[verb.i - 2].lower_ == "co"
            people = [m for m in subjects if m.label == "Person" and len(m.ids) == 1]
            if co and not bodies and len({m.id for m in people}) == 2:
                # "the meeting was co-chaired by Minister A and Minister B": the two chairs met
                with running(st, "verb:meet", verb):
                    add_facts(st, people[:1], "MEETS", people[1:], sent)
        if not objs and verb.dep_ in ("advcl", "acl", "conj"):
            # "a Forum was held, attended by both presidents"
            objs = [
                m
                for c in verb.head.children
                if c.dep_ in ("nsubjpass", "nsubj")
                for m in expand(st, c)
                if m.label == "Event"
            ]
        if not objs and lemma == "participate" and not passive and not any(
                c.dep_ == "prep" and c.lower_ == "in" for c in verb.children) and not any(
                a.dep_ == "aux" and a.lower_ in ("will", "would", "to") for a in verb.children):
            # "The 14th Korea-Central Asia Cooperation Forum took place in Dushanbe ... Foreign ministers A, B and C
            # took part": what they took part in is the event the previous sentence of the paragraph names
            preceding = [m for m in st.mentions if m.label == "Event" and len(m.ids) == 1 and m.end <= sent.start
                       and sent.start - m.end <= 60 and "\n" not in st.sdoc[m.end:sent.start].text]
            objs = preceding[-1:]
        if not objs and lemma == "attend" and verb.tag_ == "VBG" and verb.i == sent.start and sent.start > 0 and \
                not any(c.dep_ == "dobj" for c in verb.children):
            # "Lee hosted the first Korea-Central Asia Summit in Seoul. [new paragraph] Attending were President A of
            # Kazakhstan, President B of Uzbekistan, ...": what they attended is the event of the sentence before
            k = sent.start - 1
            while k > 0 and st.sdoc[k].is_space:
                k -= 1  # (past the paragraph break)
            before = st.sdoc[k].sent
            objs = [m for m in st.mentions if m.label == "Event" and len(m.ids) == 1 and
                    before.start <= m.start < before.end][-1:]
        if not objs and lemma == "attend" and passive and sent.start > 0 and any(
                c.dep_ == "nsubjpass" and c.i not in st.at and c.lemma_.lower() in _OCCASION_WORDS and
                [d.lower_ for d in c.children if d.dep_ == "det"] == ["the"] for c in verb.children):
            # "... with a gala concert in Almaty. The evening was attended by the Minister of Culture A and ...": the
            # evening, night or day is the event the sentence before names
            before = st.sdoc[sent.start - 1].sent
            objs = [m for m in st.mentions if m.label == "Event" and len(m.ids) == 1 and
                    before.start <= m.start < before.end][-1:]
    if rel == "GRANTS_AID_TO" and lemma == "donate" and not passive and subjects and not any(
            o.label in ("Country", "Organization", "Project", "Firm") for o in objs) and all(
            m.label == "Country" and len(m.ids) == 1 and not m.demonym for m in subjects):
        # "Japarov thanked Seoul for its support during the pandemic, when Korea donated medical equipment": a
        # country's donation with no recipient named goes to the report's other country
        report = doc_pair(st)
        if report and len(report[0].ids) == 2 and all(m.id in report[0].ids for m in subjects):
            objs = [Mention(tuple(i for i in report[0].ids if i != subjects[0].id), "Country", verb.i, verb.i + 1,
                            verb.text)]
    modality = modality_of(verb, rel, planned)
    if rel == "VISITS":
        objs = [o for o in objs if o.label != "Person"]
        if lemma in ("visit", "tour", "inspect") and not passive:
            # "visited the works of POSCO in Pohang and KAIST in Daejeon": the places of what is visited are visited
            # (a firm's, a body's or a works'; the parser hangs each "in" on the object)
            objs += [m for c in verb.children if c.dep_ == "dobj" and not (
                c.i in st.at and st.at[c.i].label in ("Location", "Country")) for p in c.subtree
                if p.dep_ == "prep" and p.lower_ == "in" and (p.head.i == c.i or p.head.i in st.at and st.at[
                    p.head.i].label in ("Firm", "Organization", "Project")) for q in p.children if q.dep_ == "pobj"
                for m in expand(st, q) if m.label == "Location" and not m.demonym and m not in objs]
        # "Mirziyoyev would visit Seoul next year for the first Korea-Central Asia summit": he attends it
        with running(st, "verb:attend", verb):
            add_facts(st, [m for m in subjects if m.label == "Person"], "ATTENDS",
                      [m for m in by_prep.get("for", []) if m.label == "Event"], sent,
                      modality=modality_of(verb, "ATTENDS", planned))
        # "arrived in Dushanbe to take part in the Tajik-Korean Business Forum": the event is where he went
        events = [m for m in by_prep.get("for", []) if m.label == "Event"]
        events += [m for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in (
            "attend", "take", "participate", "join") for x in [c, *(q for q in c.children if q.dep_ == "prep")]
                   for q in x.children if q.dep_ in ("dobj", "pobj") for m in expand(st, q) if m.label == "Event"]
        cities = [o for o in objs if o.label == "Location" and not o.demonym and len(o.ids) == 1]
        if len(cities) == 1 and lemma in ("arrive", "travel", "come", "fly", "visit"):
            with running(st, "verb:hold", verb):
                add_facts(st, events, "LOCATED_IN", cities, sent)
    if rel in ("BUILDS", "PLANS_TO_BUILD") and subjects and not passive and any(o.label == "Project" for o in objs):
        # "Hyundai Engineering, which built the Kiyanly complex with LG International": a firm it built with builds
        subjects = subjects + [m for m in by_prep.get("with", []) + [
            x for c in verb.children if c.dep_ == "dobj" for q in c.children if q.dep_ == "prep" and q.lower_ == "with"
            for p in q.children if p.dep_ == "pobj" for x in expand(st, p)] if m.label == "Firm" and m not in subjects]
    add_facts(st, subjects, rel, objs, sent, modality=modality)
    if rel == "OPERATES_IN" and lemma == "work" and subjects and all(m.label == "Group" for m in subjects):
        # "some 20,000 Kyrgyz citizens work in Korea": people active in a country who also live there
        add_facts(st, subjects, "RESIDES_IN", [o for o in objs if o.label in ("Country", "Location")], sent)
    if rel == "BUILDS" and not passive and verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in verb.children):
        # "Hanwha Energy will build a solar power plant in Issyk-Kul region": a firm that will build it plans to
        # (and, where it holds the contract, is its builder: both facts)
        add_facts(st, subjects, "PLANS_TO_BUILD", [o for o in objs if o.label == "Project"], sent)
    if rel in ("BUILDS", "PLANS_TO_BUILD"):
        # the place where something is built: "build a plant in Astana"
        for p in [m for m in objs if m.label == "Project"]:
            for loc in by_prep.get("in", []) + by_prep.get("near", []):
                add_fact(st, p.id, "LOCATED_IN", loc.id, sent, p, loc)
    for p in [m for m in objs if m.label == "Project"]:
        loc_id = location_in(st, st.sdoc[p.start])
        if loc_id:
            add_fact(st, p.id, "LOCATED_IN", loc_id, sent, p)


def build_through(st: DocState, sent: Span, verb: Token, subjects: list[Mention]) -> None:
    """'participating in projects such as the construction of BAKAD and a power plant': taking part in
    the construction of a project is building it (not when merely invited or planned: 'to participate')."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return
    built: list[Mention] = []
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for t in c.subtree:
            if t.lemma_.lower() in ("construction", "building", "erection") and t.pos_ == "NOUN":
                built += [
                    m
                    for x in t.children
                    if x.dep_ == "prep" and x.lower_ == "of"
                    for p in x.children
                    if p.dep_ == "pobj"
                    for m in expand(st, p)
                    if m.label == "Project"
                ]
    add_facts(st, subjects, "BUILDS", built, sent, modality=modality_of(verb, "BUILDS", False))


def partner_group(st: DocState, sent: Span, parties: list[Mention]) -> None:
    ids: list[tuple[str, Mention]] = []
    for m in parties:
        if m.demonym and m.label == "Country" and len(parties) > 2:
            continue
        for i in m.ids:
            if i not in [x for x, _ in ids]:
                ids.append((i, m))
    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            add_fact(st, ids[a][0], "PARTNERS_WITH", ids[b][0], sent, ids[a][1], ids[b][1])


_PARTIES = ("Person", "Firm", "Organization", "Country")


def meet_group(
    st: DocState,
    sent: Span,
    people: list[Mention],
    *,
    receive: bool,
    host: list[Mention],
    guests: list[Mention],
    verb: Token,
) -> None:
    ids = list(dict.fromkeys(i for m in people if m.label in _PARTIES and not m.demonym for i in m.ids))
    firms = {i for m in people if m.label in ("Firm", "Organization") for i in m.ids}
    hosts = {i for m in host for i in m.ids}
    received = {i for m in guests for i in m.ids} - hosts
    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            if ids[a] in firms and ids[b] in firms and len(ids) > 2:
                continue  # "X met with the management of A, B and C": X met each; the firms did not meet each other
            if hosts and ids[a] in received and ids[b] in received:
                continue  # "the Head of State received A and B": each met him, not one another
            add_fact(st, ids[a], "MEETS", ids[b], sent)
    if receive:
        # "X received Y at the office in Yongsan, Seoul": the guest came to that place
        places = [
            m
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for p in c.children
            if p.dep_ == "pobj"
            for m in expand_places(st, p)
        ]
        add_facts(st, guests, "VISITS", places, sent)


def credentials_rule(st: DocState, sent: Span, verb: Token) -> None:
    """'Ambassador X presented his credentials to President Y': X is accredited to the country Y leads (or to the
    country named)."""
    if verb.lemma_.lower() in ("receive", "accept"):
        # "President Japarov received the credentials of Lee Sang-woo": the other way round
        to = [m for m in subjects_of(st, verb)[0] if m.label in ("Person", "Country")]
        envoys = [m for c in verb.children if c.dep_ == "dobj" for x in c.children if x.dep_ == "prep"
                  and x.lower_ in ("of", "from") for p in x.children if p.dep_ == "pobj" for m in expand(st, p)
                  if m.label == "Person"]
        if not envoys:
            # "received the credentials of the new Ambassador ... to the Kyrgyz Republic, Choi Seung-ho": the envoy
            # the sentence titles after the verb, wherever the parser hangs the name
            represents = {k[0] for k in st.facts if k[1] == "REPRESENTS"}
            envoys = list({m.id: m for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and
                           verb.i < m.start < sent.end and m.id in represents}.values())[:1]
    else:
        envoys = [m for m in subjects_of(st, verb)[0] if m.label == "Person"]
        to = [m for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for p in c.children
              if p.dep_ == "pobj" for m in expand(st, p)]
    countries: list[str] = []
    for m in to:
        if m.label == "Country":
            countries += list(m.ids)
        elif m.label == "Person":
            entry = st.gaz.entries.get(m.id)
            country = st.leads.get(m.id) or (entry.country if entry is not None and entry.country else None)
            if country:
                c = st.gaz.entries.get(country)
                countries.append(entity(st, country, "Country", c.name if c else country))
    for e in envoys:
        for cid in dict.fromkeys(countries):
            add_fact(st, e.id, "ACCREDITED_TO", cid, sent)
    # the envoy and the head of state he presents them to meet
    add_facts(st, envoys, "MEETS", [m for m in to if m.label == "Person" and m not in envoys], sent)


def hold_rule(st: DocState, sent: Span, verb: Token) -> None:
    """'X and Y held talks', 'X held a telephone conversation with Y', 'Turkmenistan has gas reserves',
    'an event was held in Y'."""
    subjects, passive = subjects_of(st, verb)
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and verb.dep_ == "amod" and verb.head.i > verb.i and verb.head.lemma_.lower() in MEETING_NOUNS:
        # "President Lee held phone talks with President Tokayev and agreed to ...": the parser may take "held" for
        # a modifier of the talks and the talks for the subject of the next verb
        objs = [verb.head]
        if not subjects and verb.head.dep_ == "appos" and verb.head.head.dep_ == "ROOT":
            # ("Presidents Shavkat Mirziyoyev and Moon Jae-in held talks ...": with no verb, the parser makes the
            # talks an apposition of the names)
            subjects = [m for m in expand(st, verb.head.head) if m.label in _PARTIES and not m.demonym]
            passive = passive and not subjects
    for o in objs:
        words = {
            o.lemma_.lower(),
            *(c.lemma_.lower() for c in o.children if c.dep_ in ("compound", "amod")),
        }
        others = between(st, [o]) if words & MEETING_NOUNS and not passive else []
        if words & MEETING_NOUNS and not passive and not others:
            # "held a meeting in Tashkent with a delegation of KOFOTI": the parser may hang "with" on the verb
            # (not "with Lee as host", who is no other party)
            others = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                      if p.dep_ == "pobj" and not any(x.lower_ == "as" for x in p.children) and not (
                          p.right_edge.i + 1 < len(st.sdoc) and st.sdoc[p.right_edge.i + 1].lower_ == "as")
                      for m in expand(st, p) if m.label in _PARTIES and not m.demonym]
        if words & MEETING_NOUNS and not passive:
            meet_group(st, sent, subjects + others, receive=False, host=[], guests=[], verb=verb)
        if o.lemma_.lower() in ("reserve", "reserves", "deposit"):
            minerals = [st.at[c.i] for c in o.subtree if c.i in st.at and st.at[c.i].label == "Mineral"]
            if not minerals:
                # "the Galkynysh field, which holds gas reserves of 13.1 trillion cubic meters": gas or oil
                # reserves are of natural gas or oil
                minerals = [_fuel_mention(st, c) for c in o.children if c.dep_ in ("compound", "amod")
                            and c.lower_ in _FUELS]
            add_facts(st, subjects, "HAS_RESERVES", minerals, sent)
        elif o.i in st.at and st.at[o.i].label == "Mineral" and verb.lemma_.lower() == "hold" and not passive:
            # "the block holds copper, nickel and cobalt, along with tantalum": a site or country holds the minerals
            # it names (not "the lender holds 30 percent")
            also = [w for c in verb.children if c.dep_ == "prep" and c.lower_ in ("along", "besides")
                    for w in c.subtree]
            minerals = [st.at[c.i] for c in (*o.subtree, *also) if c.i in st.at and st.at[c.i].label == "Mineral"]
            add_facts(st, [m for m in subjects if m.label in ("Location", "Project", "Country")], "HAS_RESERVES",
                      minerals, sent)
        elif (o.lemma_.lower() in OUTPUT_UNITS or o.lower_ in OUTPUT_UNITS or any(
                c.dep_ == "amod" and c.lower_ in OUTPUT_UNITS for c in o.children)) and verb.lemma_.lower() == "hold":
            # "the Zhaksy-Tau deposit holds an estimated 1.1 million tonnes of tungsten trioxide": a site holds
            # what lies in it
            minerals = [st.at[c.i] for c in o.subtree if c.i in st.at and st.at[c.i].label == "Mineral"]
            if not minerals:
                # "the Galkynysh field, which holds an estimated 26.2 trillion cubic meters of gas": gas or oil
                minerals = [_fuel_mention(st, p) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj" and p.lower_ in _FUELS]
            add_facts(st, [m for m in subjects if m.label in ("Location", "Project", "Country")], "HAS_RESERVES",
                      minerals, sent)
        events = [st.at[o.i]] if o.i in st.at and st.at[o.i].label == "Event" and not passive else []
        if events and subjects:
            # "the Republic of Korea held its yearly conference": one holder hosts it; "Yoon and Japarov held a
            # summit", "the two countries held a dialogue": the parties take part in it
            parties = [i for m in subjects for i in m.ids]
            # ("KOICA and the Ministry of Health held a completion ceremony": bodies that hold an occasion together,
            # not talks between them, host it)
            staged = o.lemma_.lower() not in _TALK_NOUNS | {"meeting", "dialogue", "summit", "session"} and \
                all(m.label in ("Organization", "Firm") and not m.demonym for m in subjects)
            add_facts(st, subjects, "HOSTS" if (len(parties) == 1 or staged) and subjects[0].label != "Person" and
                      not others else "ATTENDS", events, sent)
            # "Lee held a summit with visiting President Japarov": who it is held with takes part in it too
            add_facts(st, [m for m in others if m.label in ("Person", "Country") and not m.demonym], "ATTENDS",
                      events, sent)
            places = [m for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for p in c.children
                      if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Location", "Country")
                      and not m.demonym]
            if not places:
                # "held the first strategic dialogue between the two countries' foreign ministers in Seoul": the
                # place may hang on the last noun of the event's phrase
                places = [m for t in o.subtree if t.dep_ == "prep" and t.lower_ == "in" and t.i > o.i
                          for p in t.children if p.dep_ == "pobj" for m in expand(st, p)
                          if m.label in ("Location", "Country") and not m.demonym][:1]
            add_facts(st, events, "LOCATED_IN", places, sent)
    if passive or verb.dep_ in ("acl", "advcl") or any(c.dep_ == "nsubjpass" for c in verb.children) or \
            verb.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in verb.children):
        place_rule(st, sent, verb)


def _reporting_party(st: DocState, verb: Token) -> Mention | None:
    """'The Ministry of Energy said that a memorandum signed in 2024 with Hyosan Power had been cancelled': a body
    that reports on its own agreement "signed with" someone is its other party."""
    root = verb.sent.root
    if root.lemma_.lower() not in SAY_VERBS or root.i == verb.i:
        return None
    subjects = [st.at[c.i] for c in root.children if c.dep_ == "nsubj" and c.i in st.at
                and st.at[c.i].label in ("Firm", "Organization", "Country") and len(st.at[c.i].ids) == 1
                and not st.at[c.i].demonym]
    return subjects[0] if subjects else None


def _acting_under(st: DocState, agreement: Mention, signers: list[Mention]) -> Mention | None:
    """'KOWEPO will build the plant under an investment agreement signed with the Cabinet': the one who acts under
    an agreement "signed with" someone is its other signer."""
    head = st.sdoc[agreement.end - 1]
    if not signers or head.dep_ != "pobj" or head.head.lower_ not in ("under", "through", "within") or \
            head.head.head.pos_ not in ("VERB", "AUX"):
        return None
    actors, passive = subjects_of(st, head.head.head)
    actors = [m for m in actors if m.label in ("Firm", "Organization", "Country") and not m.demonym
              and len(m.ids) == 1 and m not in signers]
    return actors[0] if actors and not passive else None


# verbs of an event's course that also state relations of their own ("open" relations, "launch" a programme)
_EVENT_VERBS = frozenset({"open", "launch", "begin", "start", "close", "conclude", "kick"})


# verbs that bring a venture into being
_FORM_VERBS = frozenset({"set", "establish", "form", "create", "found", "launch", "register", "incorporate"})


def _event_subject(st: DocState, verb: Token) -> bool:
    """Is an event the verb's subject ("the summit opened", "the Forum, which opened ...") or, for "open", a
    project ("A Korean-language training center ... opened in Osh last October")?"""
    if any(c.dep_ == "nsubj" and c.i in st.at and (st.at[c.i].label == "Event" or st.at[c.i].label == "Project"
                                                   and verb.lemma_.lower() == "open") for c in verb.children):
        return True
    return verb.dep_ == "relcl" and verb.head.i in st.at and st.at[verb.head.i].label == "Event" and \
        any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in verb.children)


# what a project may be "under": works in progress
_WORKS_NOUNS = frozenset({"construction", "development", "implementation", "renovation", "reconstruction",
                          "rehabilitation", "modernisation", "modernization", "way"})


_ASSEMBLE_VERBS = frozenset({"gather", "assemble", "converge", "flock"})


def gathered_for(st: DocState, sent: Span, verb: Token) -> None:
    """'Koryoin gathered in Ansan over the weekend for the first Koryo-saram Culture Week', 'about 3,000 people
    gathered at Bishkek's Dinamo stadium for the Chuseok festival': the event is where they gathered for it (the
    place a venue is named after, "Bishkek's stadium", when the venue is no place the text names)."""
    events = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
              if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Event"]
    venues = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for p in c.children
              if p.dep_ == "pobj"]
    places = [m for p in venues for m in expand(st, p) if m.label in ("Location", "Country") and not m.demonym]
    places += [st.at[x.i] for p in venues if p.i not in st.at for x in p.children if x.dep_ == "poss"
               and x.i in st.at and st.at[x.i].label == "Location" and not st.at[x.i].demonym]
    add_facts(st, events, "LOCATED_IN", places[:1], sent)


def place_rule(st: DocState, sent: Span, verb: Token, *, through_object: bool = False) -> None:
    """'The forum was held in Dushanbe', 'the visit took place in Astana'; `through_object`: 'the forum brought
    together 100 companies in Ashgabat', where the parser hangs the place on the object."""
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and any(c.lower_ in ("which", "that") for c in subs):
        subs = [verb.head]  # "the Business Forum, which opened in Almaty"
    if verb.dep_ == "acl" or verb.dep_ == "relcl" and not subs:
        subs.append(verb.head)  # "the C5+K Summit to be held in Seoul", "the summit, to be held in Astana"
    elif not subs and verb.dep_ in ("advcl", "xcomp"):
        # the parser may hang "to be held in Seoul" on the verb: take the event named just before it
        before = [
            st.at[t.i] for t in sent if t.i < verb.i and t.i in st.at and st.at[t.i].label == "Event"
        ]
        if before:
            subs.append(st.sdoc[before[-1].start])
    things = [
        m for s in subs for m in expand(st, s) if m.label in ("Event", "Project", "Agreement")
    ]
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if not things and to is not None and to.i - 1 in st.at and st.at[to.i - 1].label == "Event" and \
            st.at[to.i - 1].end == to.i:
        # "preparations for the tenth Korea-Central Asia Cooperation Forum to be held in Seoul": the parser may hang
        # the infinitive on the sentence's verb; the event it follows is the one to be held
        things = [st.at[to.i - 1]]
    if not things and any(s.tag_ in ("JJS", "JJ") and s.lower_ in ("recent", "latest", "last", "first", "next",
                                                                    "previous") or any(
            c.lower_ in ("recent", "latest", "last", "first", "next", "previous") for c in s.children)
            for s in subs if s.i not in st.at):
        # "three business forums in three years; the most recent took place in Dushanbe": the events just named
        before = [st.at[t.i] for t in verb.sent if t.i < verb.i and t.i in st.at and st.at[t.i].label == "Event"]
        things = before[-1:]
    # "held at the Aray Banquet Hall in Astana": the hall and the city it names
    objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for p in c.children
            if p.dep_ == "pobj"]
    if through_object and not objs:
        objs = [p for d in verb.children if d.dep_ == "dobj" for c in d.children
                if c.dep_ == "prep" and c.lower_ in ("in", "at") for p in c.children if p.dep_ == "pobj"]
    objs += [q for p in objs for c in p.children if c.dep_ == "prep" and c.lower_ == "in" for q in c.children
             if q.dep_ == "pobj"]
    places = [m for p in objs for m in expand(st, p) if m.label in ("Location", "Country") and not m.demonym]
    add_facts(st, things, "LOCATED_IN", places, sent)


def choose_rule(st: DocState, sent: Span, verb: Token) -> None:
    """'X chose Kazakhstan for his first overseas visit'."""
    for_visit = any(
        c.dep_ == "prep" and c.lower_ == "for" and any(p.lemma_ == "visit" for p in c.children)
        for c in verb.children
    )
    if not for_visit:
        return
    subjects, _ = subjects_of(st, verb)
    direct, _ = objects_of(st, verb)
    add_facts(st, subjects, "VISITS", direct, sent)


_RECEIVED = {"loan": "LENDS_TO", "credit": "LENDS_TO", "investment": "INVESTS_IN", "aid": "GRANTS_AID_TO",
             "assistance": "GRANTS_AID_TO", "grant": "GRANTS_AID_TO", "oda": "GRANTS_AID_TO"}


def recipient_rule(st: DocState, sent: Span, tok: Token) -> None:
    """'Uzbekistan is the largest recipient of Korean official development assistance': the giver the aid, loans or
    investment are named after gives them to the recipient."""
    recipients = [m for m in copula_subjects(st, tok) if m.label in ("Country", "Firm", "Organization")]
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        for p in c.children:
            rel = _RECEIVED.get(p.lemma_.lower())
            if p.dep_ != "pobj" or rel is None:
                continue
            givers = [st.at[x.i] for x in p.children if x.dep_ in ("amod", "poss", "compound", "nmod")
                      and x.i in st.at and st.at[x.i].label in ("Country", "Organization", "Firm")]
            add_facts(st, givers, rel, recipients, sent)


def shareholder_rule(st: DocState, sent: Span, tok: Token) -> None:
    """'Lotte Chemical and KOGAS are shareholders in the Ustyurt complex', 'KOGAS, a shareholder of Uz-Kor Gas
    Chemical': who is a shareholder holds a stake in what it is a shareholder of."""
    holders = copula_subjects(st, tok)
    if not holders and tok.dep_ == "appos" and tok.head.i in st.at:
        holders = expand(st, tok.head)
    held = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
            for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Firm", "Project")]
    add_facts(st, [h for h in holders if h.label in ("Firm", "Organization", "Country") and not h.demonym],
              "HOLDS_STAKE_IN", held, sent)


_LICENCES = frozenset({"licence", "license", "permit", "concession"})
_LICENSED_WORK = frozenset({"exploration", "mining", "subsoil", "extraction", "prospecting", "development"})


def licence_rule(st: DocState, sent: Span, tok: Token) -> None:
    """'Sary-Arka Lithium, which holds the exploration licence for the Bakennoye deposit', 'received a mining
    licence for the Kutessay II deposit': who holds a licence to explore or mine a site or mineral develops it."""
    verb = tok.head
    if tok.dep_ != "dobj" or not any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _LICENSED_WORK
                                     for c in tok.children):
        return
    sites = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "at")
             for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Location", "Mineral")
             and not m.demonym]
    if verb.lemma_.lower() in ("grant", "issue", "award", "give"):
        # "The ministry has granted a six-year exploration licence for the Karaotkel block in the East Kazakhstan
        # region to Altai Rare Metals": whom it is granted to develops the site
        holders = [m for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                   for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Firm"]
        add_facts(st, holders, "DEVELOPS", [m for m in sites if m.label == "Location"], sent)
        return
    if verb.lemma_.lower() not in ("hold", "receive", "obtain", "win", "get", "secure", "acquire", "have"):
        return
    holders, passive = subjects_of(st, verb)
    if not passive:
        add_facts(st, [h for h in holders if h.label in ("Firm", "Organization")], "DEVELOPS", sites, sent)


def _home_apposition(st: DocState, tok: Token) -> bool:
    """Is "home" the start of an apposition to the place just before its comma ("Uzbekistan, home to ...")?"""
    place = st.at.get(tok.i - 2) if tok.i >= 2 and st.sdoc[tok.i - 1].text == "," else None
    return place is not None and place.label in ("Country", "Location") and not place.demonym and \
        place.end == tok.i - 1 and tok.i + 1 < len(st.sdoc) and st.sdoc[tok.i + 1].lower_ == "to"


def home_rule(st: DocState, sent: Span, tok: Token) -> None:
    """'Uzbekistan is home to about 175,000 ethnic Koreans', 'Almaty is home to the Korean Cultural Centre': who
    lives there, what is there."""
    places = [x for c in tok.head.children if c.dep_ == "nsubj" for x in expand(st, c)
              if x.label in ("Country", "Location") and not x.demonym] if tok.head.lemma_ == "be" else []
    if tok.dep_ == "appos":
        # "Uzbekistan, home to about 170,000 ethnic Koreans, ...": the place the apposition describes
        places = [x for x in expand(st, tok.head) if x.label in ("Country", "Location") and not x.demonym]
    elif _home_apposition(st, tok):
        places = [st.at[tok.i - 2]]  # (the same, however the parser hangs "home")
    there = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
             if p.dep_ == "pobj" for x in expand(st, p)]
    add_facts(st, [x for x in there if x.label == "Group"], "RESIDES_IN", places, sent)
    add_facts(st, [x for x in there if x.label in ("Organization", "Firm", "Project", "Event")], "LOCATED_IN",
              places, sent)


def _between_holders(tok: Token) -> list[Token]:
    """The meeting noun, and the participle that says it was held ("the summit held on June 14 between President
    Yoon and President Mirziyoyev": the parser hangs "between" on the participle)."""
    return [tok, *(c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in
                   ("hold", "conduct", "organise", "organize"))]


def meeting_between(st: DocState, sent: Span, tok: Token) -> None:
    """'at a meeting between Minister A and Ambassador B', 'a telephone conversation between A and B': the two
    met, whatever verb the meeting hangs on."""
    people = [m for t in _between_holders(tok) for c in t.children if c.dep_ in ("prep", "agent") and
              c.lower_ == "between" for p in c.children if p.dep_ == "pobj" for m in expand(st, p)]
    if len({i for m in people for i in m.ids}) >= 2:
        meet_group(st, sent, people, receive=False, host=[], guests=[], verb=tok)


_TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "consultation", "consultations"})


def talks_at(st: DocState, sent: Span, tok: Token) -> None:
    """'Chang unveiled the programme at talks with Davlatali Said', 'during negotiations with KOGAS, the minister
    ...': who acts at the talks and who the talks are with meet."""
    withs = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
             if p.dep_ == "pobj" for m in expand(st, p)
             if m.label in ("Person", "Country", "Firm", "Organization") and not m.demonym]
    if not withs:
        return
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    subjects, passive = subjects_of(st, verb)
    subjects = [m for m in subjects if m.label in ("Person", "Country", "Firm", "Organization") and not m.demonym
                and m not in withs]
    if subjects and not passive:
        meet_group(st, sent, subjects + withs, receive=False, host=[], guests=[], verb=verb)


def noun_rule(st: DocState, sent: Span, tok: Token, lemma: str) -> None:
    m = st.at.get(tok.i)
    if lemma in _TALK_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during", "in", "after",
                                                                          "following"):
        with running(st, "noun:talks-with", tok):
            talks_at(st, sent, tok)
    if lemma in MEETING_NOUNS and tok.tag_ == "NN" and lemma not in ("talk", "talks", "negotiation") and not (
            lemma in ("discussion", "conversation") and tok.dep_ == "nsubj") and \
            any(c.dep_ in ("prep", "agent") and c.lower_ == "between"
                for t in _between_holders(tok) for c in t.children):
        # (plural "talks between X and Y", and a conversation that is its clause's subject: noun:talks)
        with running(st, "noun:meeting-between", tok):
            meeting_between(st, sent, tok)
    if lemma in _LICENCES:
        with running(st, "noun:licence", tok):
            licence_rule(st, sent, tok)
    if lemma in ("shareholder", "co-owner", "co-founder"):
        with running(st, "noun:shareholder", tok):
            shareholder_rule(st, sent, tok)
    if lemma == "recipient":
        with running(st, "noun:recipient", tok):
            recipient_rule(st, sent, tok)
    if lemma in ("quota", "worker", "labourer", "laborer", "migrant") and tok.dep_ == "dobj" and \
            tok.head.lemma_.lower() in _HIRE_VERBS:
        with running(st, "noun:labour-quota", tok):
            labour_quota(st, sent, tok)
    if lemma == "signing" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _WITNESS_VERBS:
        with running(st, "noun:signing-witnessed", tok):
            signing_witnessed(st, sent, tok)
    if lemma == "invitation" and tok.dep_ in ("pobj", "dobj"):
        invitation_noun(st, sent, tok)
    if lemma in ("reserve", "reserves") and tok.tag_ == "NNS" and tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
        # "Drilling has put the Kyzyltas deposit's reserves at 1.4 million tonnes of copper and 52 tonnes of gold":
        # the possessor's reserves are of the minerals the clause goes on to give
        sites = [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at
                 and st.at[c.i].label in ("Location", "Project", "Country") and not st.at[c.i].demonym]
        minerals = [st.at[t.i] for t in tok.head.subtree if t.i > tok.i and t.i in st.at
                    and st.at[t.i].label == "Mineral" and t.i == st.at[t.i].start]
        if sites and minerals:
            with running(st, "noun:reserves", tok):
                add_facts(st, sites, "HAS_RESERVES", list({m.id: m for m in minerals}.values()), sent)
    if m is not None and m.label == "Event" and tok.i == m.end - 1 and len(m.ids) == 1:
        # "at its congress in Almaty on Saturday": an event is where its "in" phrase says
        places = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                  if p.dep_ == "pobj" for x in expand(st, p) if x.label == "Location" and not x.demonym]
        if places:
            with running(st, "verb:hold", tok):
                add_facts(st, [m], "LOCATED_IN", places[:1], sent)
    if m is not None and m.label in ("Project", "Organization") and tok.i == m.end - 1 and len(m.ids) == 1:
        # "Astana's new National Children's Rehabilitation Centre": a city's possessed body or works are in it
        places = [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at
                  and st.at[c.i].label == "Location" and len(st.at[c.i].ids) == 1]
        if places:
            with running(st, "document:project-places", tok):
                add_facts(st, [m], "LOCATED_IN", places, sent)
    if lemma in ("lender", "financier", "creditor") and tok.tag_ == "NNS" and tok.dep_ == "nsubj" and \
            tok.head.lemma_.lower() in ("include", "be"):
        # "Lenders to the second stage include the Export-Import Bank of Korea, which is to provide $800 million,
        # and the Development Bank of Kazakhstan": each one named lends to what they are lenders to
        lenders = [m for c in tok.head.children if c.dep_ in ("dobj", "attr") for m in expand(st, c)
                   if m.label in ("Firm", "Organization", "Country")]
        works = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "of") for p in c.children
                 if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Project", "Firm", "Country")]
        with running(st, "noun-frame:loan", tok):
            add_facts(st, lenders, "LENDS_TO" if lemma != "financier" else "FINANCES",
                      works or paragraph_project(st, sent), sent)
    if m is None and lemma in _SUBORDINATE_NOUNS and tok.dep_ != "appos" and any(
            c.dep_ == "prep" and c.lower_ == "under" for c in tok.children):
        # "the Human Resources Development Service of Korea (HRD Korea), an agency under the Ministry of Labor": an
        # apposition the parser did not attach
        body = named_before_comma(st, tok)
        parents = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "under" for p in c.children
                   if p.dep_ == "pobj" for x in expand(st, p) if x.label == "Organization"]
        if body is not None:
            with running(st, "verb:operate-under", tok):
                add_facts(st, [body], "SUBSIDIARY_OF", [x for x in parents if x.id != body.id], sent)
    if lemma in ("call", "visit") and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "pay":
        # "Ambassador Ahn paid a farewell call on Foreign Minister Saidov": the caller meets the one called on
        callers, passive = subjects_of(st, tok.head)
        called = [m for h in (tok, tok.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
                  for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Person"]
        if not passive:
            with running(st, "verb:meet", tok):
                add_facts(st, [m for m in callers if m.label == "Person"], "MEETS", called, sent)
    if m is None and tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.i in st.at and \
            st.at[tok.head.i].label in ("Firm", "Organization") and len(st.at[tok.head.i].ids) == 1:
        # "Arirang, a dance ensemble from Tashkent", "Kumtor, a gold miner based in Bishkek": where the body is from
        places = [x for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "in")
                  for p in c.children if p.dep_ == "pobj" for x in expand(st, p)
                  if x.label == "Location" and not x.demonym]
        places += [x for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("base", "headquarter")
                   for q in c.children if q.dep_ == "prep" and q.lower_ == "in" for p in q.children
                   if p.dep_ == "pobj" for x in expand(st, p) if x.label == "Location" and not x.demonym]
        with running(st, "noun:described-from-place", tok):
            add_facts(st, [st.at[tok.head.i]], "LOCATED_IN", places, sent)
    if m is not None and m.label in ("Organization", "Firm") and tok.i == m.end - 1 and len(m.ids) == 1:
        # "the Agency for External Labour Migration under the Ministry of Employment": a body under a body
        parents = [x for w in st.sdoc[m.start:m.end] for c in w.children if c.dep_ == "prep" and c.lower_ == "under"
                   for p in c.children if p.dep_ == "pobj" for x in expand(st, p)
                   if x.label == "Organization" and x.id != m.id]
        if parents:
            with running(st, "verb:operate-under", tok):
                add_facts(st, [m], "SUBSIDIARY_OF", parents, sent)
    if m is not None and m.label == "Group" and tok.i == m.end - 1:
        # "the Korean diaspora in Kazakhstan"
        places = [
            x
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("in", "across")
            for p in c.children
            if p.dep_ == "pobj"
            for x in expand(st, p) + surface_list(st, p.i)
            if x.label in ("Country", "Location") and not x.demonym
        ]
        with running(st, "noun:community-in-place", tok):
            add_facts(st, [m], "RESIDES_IN", places, sent)
    if m is None and any(
        c.lower_ == "joint" or c.dep_ == "compound" and any(x.lower_ == "joint" for x in c.children)
        for c in tok.children
    ):
        # "Uzbekistan's joint project portfolio with KOICA": a joint undertaking is a partnership
        owners = [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at]
        owners += governing_subjects(st, tok) if not owners else []
        if not owners and tok.dep_ == "dobj":
            # "Their agenda included joint projects": the owner of the subject
            owners = [
                st.at[x.i]
                for s_ in tok.head.children
                if s_.dep_ == "nsubj"
                for x in s_.children
                if x.dep_ == "poss" and x.i in st.at
            ]
        venture_of = [x for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "of")
                      for p in c.children if p.dep_ == "pobj" for x in expand(st, p)
                      if x.label in ("Country", "Firm", "Organization") and not x.demonym]
        if tok.lemma_.lower() == "venture" and not venture_of:
            # "a joint venture that Daewoo Corp. and Uzavtoprom set up in 1993": who the clause says set it up
            venture_of = [x for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _FOUND_VERBS
                          and not any(x.dep_ in ("nsubj", "nsubjpass") and x.tag_ in ("WDT", "WP")
                                      for x in c.children)
                          for x in subjects_of(st, c)[0] if x.label in ("Firm", "Organization") and not x.demonym]
        if tok.lemma_.lower() == "venture" and len({i for x in venture_of for i in x.ids}) >= 2:
            # "Uz-Kor Gas Chemical is a joint venture between Uzbekneftegaz and a consortium led by KOGAS and
            # Lotte Chemical", "Uz-Kor, a joint venture of A and B": the partners hold stakes in the venture
            named = copula_subjects(st, tok)
            if not named and tok.dep_ == "appos" and tok.head.i in st.at:
                named = [st.at[tok.head.i]]
            named += [st.at[c.i] for c in tok.children if c.dep_ == "appos" and c.i in st.at]
            ventures = [x for x in named if x.label == "Firm" and x not in venture_of]
            with running(st, "noun:joint-venture-of", tok):
                add_facts(st, venture_of, "HOLDS_STAKE_IN", ventures, sent)
                partner_group(st, sent, venture_of)
        owners = leaders_as_countries(st, owners)
        if tok.lemma_.lower() == "venture" and not venture_of:
            # "Uzbekneftegaz and KOGAS set up a joint venture, Uz-Kor Gas Chemical": its founders hold stakes
            named = [st.at[c.i] for c in tok.children if c.dep_ == "appos" and c.i in st.at
                     and st.at[c.i].label == "Firm"]
            with running(st, "noun:joint-venture-of", tok):
                add_facts(st, [o for o in owners if o.label in ("Country", "Firm", "Organization")
                               and o not in named], "HOLDS_STAKE_IN", named, sent)
        # "joint projects in four fields: energy, cars, ...": the owners cooperate in each field
        in_pps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on")]
        if not in_pps and tok.dep_ == "dobj":
            in_pps = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("in", "on")]
        fields = [
            x
            for c in in_pps
            for p in c.children
            if p.dep_ == "pobj"
            for x in expand(st, p)
            if x.label in ("Sector", "Mineral")
        ]
        with running(st, "noun:joint-undertaking", tok):
            add_facts(st, owners, "COOPERATES_IN", fields, sent)
        withs = [
            x
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children
            if p.dep_ == "pobj"
            # "with the Korea International Cooperation Agency (KOICA) and the Export-Import Bank of
            # Korea": the parser may split the list, its surface does not
            for x in expand(st, p) + surface_list(st, p.left_edge.i)
            if x.label in ("Country", "Firm", "Organization", "Person")
        ]
        with running(st, "noun:joint-undertaking", tok):
            if withs and owners:
                # each partner with the owner, not the partners with one another
                add_facts(st, owners, "PARTNERS_WITH", withs, sent)
            elif withs:
                partner_group(st, sent, withs)
            elif len({i for o in owners if o.label != "Person" for i in o.ids}) >= 2:
                # "Hyundai Motor and Astana Motors set up a joint venture": its owners partner
                partner_group(st, sent, [o for o in owners if o.label != "Person"])
    if m is not None and m.label == "Agreement" and tok.i == m.end - 1 and m.id in st.gaz.entries:
        # "South Korea's K-Silk Road strategy", "the Korea–Central Asia K-Silk Road Initiative": a named
        # programme's owner
        owners = [
            st.at[c.i]
            for t in st.sdoc[m.start : m.end]
            for c in t.children
            if c.i < m.start
            and c.i in st.at
            and st.at[c.i].label == "Country"
            and not st.at[c.i].demonym
            and c.dep_ in ("poss", "compound", "nmod")
        ]
        with running(st, "noun:programme-owner", tok):
            add_facts(st, owners, "PARTY_TO", [m], sent)
    if m is not None and m.label == "Agreement" and tok.i == m.end - 1 and not (
            tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in _SIGN_LEMMAS and tok.dep_ != "conj"):
        # (an agreement the parser coordinated with the signing verb is not that verb's object: read it here)
        parties = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "between" for p in c.children
                   if p.dep_ == "pobj" for x in expand(st, p) if x.label in ("Country", "Firm", "Organization")
                   and not x.demonym]
        if len({i for x in parties for i in x.ids}) < 2:
            # "a memorandum between the Ministry of Energy of Kazakhstan and KHNP": the parser may hang the second
            # party inside the first one's name; every body named in the phrase, not a country saying whose it is
            parties = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
                       for x in _named_in(st, c)]
        if len({i for x in parties for i in x.ids}) >= 2:
            # "Among them was an agreement between Uzbekneftegaz and KNOC": the two it is between signed it
            with running(st, "noun:agreement-between", tok):
                add_facts(st, parties, "SIGNS", [m], sent, modality="signed")
                partner_group(st, sent, parties)
            korean = [x for x in parties if x.label == "Firm" and _is_korean(st, x)]
            if lemma == "contract" and korean and len(korean) < len(parties):
                # "a $1.3 billion contract between the state concern Turkmengaz and Hyundai Engineering for a gas
                # processing plant": the client is a party too; the Korean contractor builds
                with running(st, "noun-frame:contract", tok):
                    add_facts(st, korean, "BUILDS", _contract_works(st, (tok,)), sent)
    if lemma == "signature" and tok.pos_ == "NOUN":
        with running(st, "noun:signatures", tok):
            signatures_noun(st, sent, tok)
    if lemma in ("reserve", "reserves") and tok.pos_ == "NOUN":
        with running(st, "noun:reserves", tok):
            reserves_noun(st, sent, tok)
    if lemma in _PRODUCT_WORKS and tok.tag_ == "NN" and tok.i in st.at and st.at[tok.i].label == "Project" and \
            tok.i - 1 in st.at and st.at[tok.i - 1].label in ("Mineral", "Sector") and \
            st.at[tok.i - 1].end == tok.i and st.sdoc[tok.i - 1].head.i == tok.i and \
            st.sdoc[tok.i - 1].dep_ in ("compound", "amod", "nmod") and \
            not any(w in st.at[tok.i - 1].id for w in ("power", "energy", "oil", "gas")):
        # "a 500,000-tonne polypropylene plant", "a copper smelter": works named by what they turn out make it (not
        # power plants, whose energy readers do not count as a product, nor plants a fuel feeds)
        with running(st, "noun:product-works", tok):
            add_facts(st, [st.at[tok.i]], "PRODUCES", [st.at[tok.i - 1]], sent)
    if lemma in _SITE_WORDS and tok.pos_ == "NOUN" and tok.i not in st.at:
        with running(st, "noun:reserves", tok):
            site_kind(st, sent, tok)
    if lemma in AGENT_NOUNS and tok.pos_ == "NOUN":
        with running(st, "noun:producer", tok):
            agent_noun(st, sent, tok, AGENT_NOUNS[lemma])
    if lemma == "developer" and tok.pos_ == "NOUN":
        with running(st, "noun:developer-of-site", tok):
            agent_noun(st, sent, tok, "DEVELOPS")
    if tok.pos_ == "NOUN" and (lemma in VISIT_NOUNS or lemma == "swing" and any(
            c.dep_ == "prep" and c.lower_ == "through" for c in (*tok.children, *tok.head.children))):
        # ("concluded a six-day swing through Turkmenistan, Kazakhstan and Uzbekistan")
        with running(st, "noun:visit", tok):
            visit_noun(st, sent, tok)
    elif lemma in ("investment", "investor") and not (
            tok.dep_ == "pobj" and tok.head.lower_ == "in" and
            tok.head.head.lemma_.lower() in ("interested", "interest")):
        # (not "Kyrgyzstan was interested in Korean investment in energy and mining": wanted, not made)
        with running(st, "noun:investment", tok):
            invest_noun(st, sent, tok, lemma)
    elif lemma in ("lender", "creditor", "donor") and (
            tok.dep_ == "attr" or tok.dep_ == "pobj" and tok.head.head.lower_ == "one"):
        # ("is Uzbekistan's largest lender", "has become one of the major donors of Tajikistan")
        with running(st, "noun:lender", tok):
            lender_noun(st, sent, tok, lemma)
    elif lemma in ("trade", "export", "import") or (
        lemma == "partner" and any(c.lower_ in ("trading", "trade") for c in tok.children)
    ) or lemma == "turnover" and not any(c.dep_ == "poss" for c in tok.children):
        # ("trade turnover between Kazakhstan and Korea", "turnover between the two countries"; not a firm's)
        with running(st, "noun:trade", tok):
            trade_noun(st, sent, tok, lemma)
    elif lemma in RELATION_NOUNS:
        with running(st, "noun:relations", tok):
            relation_noun(st, sent, tok)
    elif lemma in ("talk", "talks", "negotiation", "negotiations") and tok.tag_ in ("NNS", "NNPS") or \
            lemma in ("discussion", "consultation", "conversation") and tok.dep_ == "nsubj" or \
            lemma == "meeting" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        with running(st, "noun:talks-on-financing", tok):
            talks_on_financing(st, sent, tok)
        with running(st, "noun:talks", tok):
            talks_noun(st, sent, tok)


# verbs by which a country takes in foreign workers or sets quotas for them
_HIRE_VERBS = frozenset({"allot", "allocate", "set", "grant", "raise", "increase", "give", "take", "accept", "hire",
                         "employ", "receive", "admit", "invite", "recruit"})


def labour_quota(st: DocState, sent: Span, tok: Token) -> None:
    """'South Korea has allotted 3,300 quotas for the employment of Kyrgyz citizens', 'South Korea will take in up to
    8,500 workers from Uzbekistan': the country that gives the jobs supplies the workers' country with them (as the
    gold records labour quotas)."""
    employers, passive = subjects_of(st, tok.head)
    employers = [m for m in employers if m.label == "Country" and not m.demonym]
    origins: list[Mention] = []
    for t in tok.subtree:
        m = st.at.get(t.i)
        if m is not None and m.label == "Country" and m not in origins and m not in employers and (
                m.demonym or t.dep_ == "pobj" and t.head.lower_ in ("from", "for")):
            origins.append(m)
    if not passive and employers:
        add_facts(st, employers, "SUPPLIES", [m for m in origins if m.id not in {e.id for e in employers}], sent)


_WITNESS_VERBS = frozenset({"witness", "attend", "oversee", "observe", "watch", "hold", "preside"})


def signing_witnessed(st: DocState, sent: Span, tok: Token) -> None:
    """'The two leaders witnessed the signing of 14 documents, including an intergovernmental agreement on ...':
    heads of state who witness the signing of agreements sign them for their countries, which partner."""
    leaders, passive = subjects_of(st, tok.head)
    countries = [m for m in leaders_as_countries(st, leaders) if m.label == "Country" and not m.demonym]
    people = [m for m in leaders if m.label == "Person" and len(m.ids) == 1]
    if not passive and len({m.id for m in people}) >= 2:
        # "Lee and President Tokayev witnessed the signing": the leaders who witness it together meet
        meet_group(st, sent, people, receive=False, host=[], guests=[], verb=tok.head)
    if passive or len({i for m in countries for i in m.ids}) < 2:
        return
    agreements = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj" for a in expand(st, p) if a.label == "Agreement"]
    if agreements:
        add_facts(st, countries, "SIGNS", agreements, sent, modality="signed")
        partner_group(st, sent, countries)


_PARTY_LABELS = ("Person", "Country", "Organization", "Firm")


_SUBORDINATE_NOUNS = frozenset({"agency", "body", "unit", "office", "service", "department", "institute",
                                "centre", "center", "committee", "foundation", "company", "enterprise"})


def invitation_noun(st: DocState, sent: Span, tok: Token) -> None:
    """Who invites whom, said with the noun: 'At the invitation of President Tokayev, Lee paid a state visit',
    'Lee extended an invitation to Tokayev to visit Seoul', 'Lee accepted Tokayev's invitation to attend the
    summit'."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ == "pobj" and verb.pos_ == "NOUN" and verb.lemma_.lower() in VISIT_NOUNS and verb.dep_ == "pobj":
        # "Shakiev is on an official visit to Korea at the invitation of Speaker Kim": the visit's clause
        verb = verb.head.head
    own = [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at]
    if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "upon", "on") and verb.pos_ in ("VERB", "AUX"):
        rule = "verb:invite"
        hosts = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" for m in expand(st, p)] + own
        guests, passive = subjects_of(st, verb)
    elif tok.dep_ == "dobj" and verb.lemma_.lower() in ("accept", "receive", "take"):
        rule = "noun:invitation-accepted"
        # "accepted an invitation from President Lee to visit Seoul": the one it is from invites too
        hosts = own + [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                       if p.dep_ == "pobj" for m in expand(st, p)]
        guests, passive = subjects_of(st, verb)
    elif tok.dep_ == "dobj" and verb.lemma_.lower() in ("extend", "issue", "send", "give", "deliver", "convey",
                                                        "hand", "pass", "reiterate", "renew", "repeat",
                                                        "reaffirm"):
        rule = "verb:invite"
        hosts, passive = subjects_of(st, verb)
        guests = [m for h in (tok, verb) for c in h.children if c.dep_ in ("prep", "dative")
                  and c.lower_ == "to" for p in c.children if p.dep_ == "pobj" for m in expand(st, p)]
        # "Kim conveyed an invitation from President Lee to President Tokayev": the one it is from invites, the one
        # who conveys it only carries it
        senders = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                   if p.dep_ == "pobj" for m in expand(st, p)] + own
        if senders:
            hosts = senders
    else:
        return
    if not passive:
        with running(st, rule, tok):
            add_facts(st, [h for h in hosts if h.label in _PARTY_LABELS], "INVITES",
                      [g for g in guests if g.label in _PARTY_LABELS], sent)


def signatures_noun(st: DocState, sent: Span, tok: Token) -> None:
    """'The memorandum carried three signatures: those of A, of B and of C', 'the signatures of A and B on
    the agreement': whoever's signature an agreement bears signs it, and the signers partner."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "appos")]
    ofs = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of"]
    ofs += [x for c in ofs for x in c.conjuncts if x.lower_ == "of"]  # "of B and of C": the parser conjoins the "of"s
    signers = [
        m for c in ofs for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
        if m.label in ("Country", "Firm", "Organization", "Person") and not m.demonym
    ]
    agreements = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "under")
                  for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Agreement"]
    if not agreements and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("carry", "bear", "have", "receive"):
        agreements = [m for c in tok.head.children if c.dep_ == "nsubj" for m in expand(st, c)
                      if m.label == "Agreement"]
    if not agreements or not signers:
        return
    add_facts(st, signers, "SIGNS", agreements, sent, modality="signed")
    partner_group(st, sent, [p for p in leaders_as_countries(st, signers) if p.label != "Person"])


_MONEY_WORDS = frozenset({"money", "financing", "funding", "finance", "loan", "credit", "investment", "fund"})


def talks_on_financing(st: DocState, sent: Span, tok: Token) -> None:
    """'Tajik officials held talks with the Export-Import Bank of Korea on mobilising money for the Rogun plant':
    a bank or fund the talks are held with, on money for a project, is to finance it (as discussed, not done)."""
    funders = [m for m in between(st, [tok]) if len(m.ids) == 1 and funder_kind(st, m.id) is not None]
    if not funders:
        return
    heads = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
    topics = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "about")]
    words = [t for c in topics for t in c.subtree]
    if not any(t.lemma_.lower() in _MONEY_WORDS for t in words):
        return
    projects = [m for t in words if t.dep_ == "prep" and t.lower_ == "for" for p in t.children
                if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Project"]
    add_facts(st, funders, "FINANCES", projects, sent, modality="planned")


# verbs whose subject is a meeting and whose object is who took part: "the talks covered A and B"
_TALKS_WITH_VERBS = frozenset({"cover", "include", "involve", "feature", "bring", "gather", "unite"})


def talks_noun(st: DocState, sent: Span, tok: Token) -> None:
    """'the talks between X and Y'; 'During the negotiations' / 'the official talks in Astana' in an
    article about two countries whose two heads of state it names: the talks are theirs."""
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in ("hold", "have", "conduct"):
        return  # the hold rule reads these with their subjects
    people = [m for m in between(st, [tok]) if m.label == "Person"]
    people += [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at]
    if people and any(c.dep_ == "poss" and c.pos_ == "PRON" and c.i not in st.at for c in tok.children) and \
            tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "During his meeting with Tokayev, Lee Jae-myung praised ...": "his" is the clause's subject
        people += [m for m in subjects_of(st, tok.head.head)[0] if m.label == "Person" and m not in people]
    if people and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB" and \
            tok.head.head.lemma_.lower() in ("visit", "arrive", "travel", "come", "fly", "go", "head", "stop"):
        # "Ahn visited Astana for talks with Roman Sklyar": who came for the talks holds them
        people += [m for m in subjects_of(st, tok.head.head)[0] if m.label in _PARTIES and m not in people]
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _TALKS_WITH_VERBS:
        # "His talks covered Doosan Enerbility, KHNP and KEPCO": the talks' other parties
        others = [m for c in tok.head.children if c.dep_ in ("dobj", "attr") for m in expand(st, c)]
        for c in tok.head.children:
            if c.dep_ == "dobj" and c.i + 1 < len(st.sdoc) and st.sdoc[c.i + 1].text == ":":
                others += colon_list(st, c.i + 2)  # "covered the heavyweights of the sector: A, B and C"
            for x in c.subtree if c.dep_ == "dobj" else ():
                if x.text == ":" and x.i + 1 < len(st.sdoc):
                    others += colon_list(st, x.i + 1)
        if people and others:
            add_facts(st, people, "MEETS", [o for o in others if o.label in _PARTIES and not o.demonym], sent)
            return
        persons = [o for o in others if o.label == "Person"]
        if not people and len(persons) >= 2 and tok.head.lemma_.lower() in ("bring", "gather", "unite"):
            # "The discussion brought together A and B": they met
            meet_group(st, sent, persons, receive=False, host=[], guests=[], verb=tok)
            return
    if people:
        meet_group(st, sent, people, receive=False, host=[], guests=[], verb=tok)
        return
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or len(st.pair) != 2:
        return
    if any(c.dep_ in ("poss", "compound", "nmod") or c.dep_ == "prep" and c.lower_ in ("with", "between", "on")
           for c in tok.children):
        return
    leaders = list(st.leads.items())
    if len(leaders) == 2 and {c for _p, c in leaders} == set(st.pair):
        add_fact(st, leaders[0][0], "MEETS", leaders[1][0], sent)


_SITE_WORDS = frozenset({"deposit", "field", "mine"})
# works named by what they turn out
_PRODUCT_WORKS = frozenset({"plant", "factory", "smelter", "mill"})


def site_kind(st: DocState, sent: Span, tok: Token) -> None:
    """'the Upper Kairakty deposit, one of the world's largest tungsten deposits', 'Kensu is a tungsten deposit': a
    site said to be a deposit (field, mine) of a mineral holds that mineral."""
    minerals = [st.at[c.i] for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i in st.at
                and st.at[c.i].label == "Mineral"]
    if not minerals:
        return
    anchor = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
        tok.head.head.lower_ == "one" else tok
    sites: list[Mention] = []
    if anchor.dep_ == "appos":
        head = anchor.head
        if head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.i in st.at:
            head = head.head.head  # (past the place it lies in: "the Upper Kairakty deposit in Karaganda region, ...")
        sites = [st.at[head.i]] if head.i in st.at else []
    elif anchor.dep_ == "attr":
        sites = copula_subjects(st, anchor)
    add_facts(st, [m for m in sites if m.label in ("Location", "Project") and len(m.ids) == 1 and
                   st.entities[m.id].name.lower().split()[-1:] and
                   st.entities[m.id].name.lower().split()[-1] in _SITE_WORDS | {"deposits", "fields", "mines"}],
              "HAS_RESERVES", minerals, sent)


def reserves_noun(st: DocState, sent: Span, tok: Token) -> None:
    """'the reserves of the Galkynysh gas field', 'Kazakhstan's uranium reserves': the holder is the place
    named; the resource is named in the phrase or, for a field or mine, in the field's own name."""
    holders = [
        m
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
        for m in expand(st, p)
        if m.label in ("Location", "Country", "Project") and not m.demonym
    ]
    holders += [
        st.at[c.i]
        for c in tok.children
        if c.dep_ == "poss" and c.i in st.at and st.at[c.i].label in ("Location", "Country", "Project")
    ]
    # "proven reserves at the Kumkol field"
    holders += [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "in") for p in c.children
                if p.dep_ == "pobj" for m in expand(st, p) if m.label in ("Location", "Project") and not m.demonym]
    if not holders and any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
        # "the Kensu tungsten deposit in Issyk-Kul region, whose reserves are estimated at ...": the noun the
        # relative clause describes
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:
            holders = [m for m in expand(st, clause.head) if m.label in ("Location", "Country", "Project")
                       and not m.demonym][:1]
            # (a deposit placed in a region: the parser may hang the clause on the region)
            sites = [m for m in st.mentions if m.label == "Location" and len(m.ids) == 1 and
                     clause.head.i - 8 <= m.end - 1 < clause.head.i and
                     st.sdoc[m.end - 1].lemma_.lower() in ("deposit", "field", "mine")]
            holders = sites[-1:] or holders
    if not holders and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "terms":
        # "Turkmenistan ranks fourth in the world in terms of natural gas reserves": the one ranked
        t = tok.head.head
        while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            t = t.head
        holders = [m for c in t.children if c.dep_ == "nsubj" for m in expand(st, c)
                   if m.label in ("Country", "Location") and not m.demonym]
    if not holders:
        return
    minerals = [
        st.at[c.i]
        for c in tok.subtree
        if c.i in st.at and st.at[c.i].label == "Mineral" and c.i < tok.i
    ]
    # "reserves of gold", "reserves ... are put at 30 million tonnes of oil": the resource after the noun or in
    # what the clause says they amount to
    minerals += [st.at[c.i] for c in tok.subtree if c.i > tok.i and c.i in st.at and st.at[c.i].label == "Mineral"]
    if not minerals and tok.dep_ in ("nsubj", "nsubjpass"):
        minerals = [st.at[c.i] for x in tok.head.children if x.dep_ != tok.dep_ for c in x.subtree
                    if c.i in st.at and st.at[c.i].label == "Mineral"]
    for h in holders:
        found = list(minerals)
        if not found and h.label == "Location":
            # "the Kensu tungsten deposit": a site named for its resource holds it
            found = [st.at[i] for i in range(h.start, h.end) if i in st.at and st.at[i].label == "Mineral"]
            for t in st.sdoc[h.start:h.end]:
                mid = next((i for i in st.gaz.lookup(t.text) if st.gaz.entries[i].label == "Mineral"), None)
                if mid is not None and not found:
                    g = st.gaz.entries[mid]
                    entity(st, mid, g.label, g.name)
                    found.append(Mention((mid,), "Mineral", t.i, t.i + 1, g.name))
        if not found:
            entry = st.gaz.entries.get(h.id)
            words = set(re.findall(r"[a-z]+", entry.name.lower())) if entry else set()
            if words & {"field", "mine", "deposit"}:
                for w, mid in _FUELS.items():
                    if w in words and mid in st.gaz.entries:
                        g = st.gaz.entries[mid]
                        entity(st, mid, g.label, g.name)
                        found.append(Mention((mid,), "Mineral", h.start, h.end, g.name))
        add_facts(st, [h], "HAS_RESERVES", found, sent)


_FUELS = {"gas": "mineral:natural-gas", "oil": "mineral:oil"}


def _fuel_mention(st: DocState, tok: Token) -> Mention:
    """'gas' or 'oil' before a word of reserves or fields: the gazetteer's natural gas or oil, mentioned there."""
    g = st.gaz.entries[_FUELS[tok.lower_]]
    entity(st, g.id, g.label, g.name)
    return Mention((g.id,), "Mineral", tok.i, tok.i + 1, g.name)


# verbs whose subject makes the visit that is their object: "made a state visit to", "spent ... on a visit"
_VISIT_VERBS = frozenset({"make", "pay", "begin", "start", "end", "conclude", "complete", "wrap", "finish", "spend",
                          "undertake", "schedule", "be", "arrive", "come", "stay", "travel", "go"})


def visit_noun(st: DocState, sent: Span, tok: Token) -> None:
    visitors: list[Mention] = []
    places: list[Mention] = []
    # "the visit to Seoul in March 2025 of Prime Minister X": the parser hangs "of X" on the date
    on_dates = [c for t in tok.subtree if t.ent_type_ == "DATE" and t.i != tok.i for c in t.children
                if c.dep_ == "prep" and c.lower_ == "of"]
    # ("the visit to South Korea last month of Minister X": or on a date right after the phrase, hung on the verb)
    on_dates += [c for k in range(tok.right_edge.i + 1, min(tok.right_edge.i + 4, sent.end))
                 if st.sdoc[k].ent_type_ == "DATE" for c in st.sdoc[k].children
                 if c.dep_ == "prep" and c.lower_ == "of"]
    for c in [*tok.children, *on_dates]:
        if c.dep_ == "poss" and c.i in st.at:
            visitors.extend(expand(st, c))
        elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
            visitors.extend(
                m
                for p in c.children
                if p.dep_ == "pobj"
                for m in expand(st, p)
                if m.label == "Person"
            )
            if c.lower_ == "of" and tok.lemma_.lower() != "visit":
                # "a six-day tour of Turkmenistan, Kazakhstan and Uzbekistan": the places toured
                places.extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                              if m.label in ("Country", "Location") and not m.demonym)
        elif c.dep_ == "prep" and c.lower_ in ("through", "across") and tok.lemma_.lower() != "visit":
            places.extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p)
                          if m.label in ("Country", "Location") and not m.demonym)
        elif c.dep_ == "prep" and c.lower_ == "to":
            places.extend(
                m for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if not m.demonym
            )
            # ("the visit to Uzbekistan of Korean Prime Minister Lee Hae-chan": the parser may hang "of" on the place)
            visitors.extend(m for p in c.children if p.dep_ == "pobj" for x in p.children
                            if x.dep_ == "prep" and x.lower_ == "of" for q in x.children if q.dep_ == "pobj"
                            for m in expand(st, q) if m.label == "Person")
    verb = tok.head if tok.dep_ in ("dobj", "pobj", "nsubj", "ccomp") else None
    if verb is not None and tok.dep_ == "pobj":
        verb = verb.head  # "spent four days in Korea on an official visit"
    if verb is not None and verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in (
            "invite", "ask", "urge", "encourage", "call"):
        return  # "Mirziyoyev invited Lee to make a state visit to Uzbekistan": an invitation, not a visit
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        if not visitors and (verb.lemma_.lower() in _VISIT_VERBS or tok.dep_ == "pobj" and tok.head.lower_ in (
                "during", "on") and tok.head.head.i == verb.i and places):
            # ("met Ham Young-joo during a visit to Seoul": the subject of what was done during it visits)
            subjects, passive = subjects_of(st, verb)
            visitors = [m for m in subjects if m.label == "Person" and not passive]
        if not places and visitors:
            # (the parser may hang "through" on the verb: "ended a week-long swing through A and B")
            preps = ("to", "in") if tok.lemma_.lower() == "visit" else ("to", "in", "through", "across")
            places = [m for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                      for p in c.children if p.dep_ == "pobj" for m in expand(st, p) if not m.demonym]
    if visitors and not places and tok.lemma_.lower() == "visit" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in ("state", "official") for c in tok.children) and not any(
            c.lower_ in ("next", "upcoming", "planned", "future", "return", "forthcoming") for c in tok.children) and \
            not (tok.dep_ == "pobj" and tok.head.lower_ == "for") and \
            (verb is None or verb.lemma_.lower() not in ("invite", "plan", "prepare")):
        # "Tokayev's three-day state visit", in a report on Kazakhstan and Korea: a head of state's visit, its place
        # unsaid, is to the report's other country
        pair = doc_pair(st)
        for v in visitors:
            home = st.leads.get(v.id)
            if pair and home in pair[0].ids and len(pair[0].ids) == 2:
                other = next(i for i in pair[0].ids if i != home)
                with running(st, "noun:visit", tok):
                    add_facts(st, [v], "VISITS", [Mention((other,), "Country", tok.i, tok.i + 1, tok.text)], sent)
    places = [p for p in places if p.label in ("Country", "Location")]
    # (a country or its capital: a leader's "working trip to Sughd region" is a visit at home)
    dest = {_country_of_place(st, p.id) for p in places if len(p.ids) == 1 and (
        p.label == "Country" or (e := st.gaz.entries.get(p.id)) is not None and e.metonym_for is not None)} - {None}
    if visitors and len(dest) == 1 and all(_home(st, v.id) in dest for v in visitors if len(v.ids) == 1):
        # "Tokayev received Lee during his state visit to Astana": no one visits his own country; the visitor is the
        # one other person of the sentence who is not at home there
        others = [m for m in st.mentions if m.label == "Person" and len(m.ids) == 1 and sent.start <= m.start < sent.end
                  and m.id not in {v.id for v in visitors} and _home(st, m.id) not in (None, *dest)]
        visitors = others if len({m.id for m in others}) == 1 else []
    add_facts(st, visitors, "VISITS", places, sent)


def _home(st: DocState, pid: str) -> str | None:
    """The country a person leads, works for or represents, as the text has said so far."""
    if pid in st.leads:
        return st.leads[pid]
    return next((f.object for f in st.facts.values() if f.subject == pid and f.object.startswith("country:") and
                 f.relation in ("LEADS", "WORKS_FOR", "REPRESENTS")), None)


def _country_of_place(st: DocState, eid: str) -> str | None:
    return eid if eid.startswith("country:") else entity_country(st, eid)


# verbs that ask for or hope for what their object names: "called for Korean investment" states none
_REQUEST_VERBS = frozenset({"call", "seek", "attract", "invite", "urge", "welcome", "encourage", "need", "want",
                            "hope", "ask", "request", "court", "woo", "lure", "promote", "expect"})


def invest_noun(st: DocState, sent: Span, tok: Token, lemma: str) -> None:
    governor = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else tok.head
    if lemma == "investment" and tok.dep_ in ("dobj", "pobj") and governor.lemma_.lower() in _REQUEST_VERBS:
        return  # "Rahmon called for Korean investment in hydropower": asked for, not made
    sources: list[Mention] = []
    targets: list[Mention] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            sources.extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p))
        elif c.dep_ == "prep" and c.lower_ in ("in", "into"):
            targets.extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p))
        elif c.dep_ == "poss" and c.i in st.at and lemma == "investor":
            targets.append(st.at[c.i])
        elif c.dep_ in ("amod", "compound", "poss") and c.i in st.at and lemma == "investment":
            sources.append(st.at[c.i])
    if not targets and sources:
        # "investment by Korean companies in Uzbekistan's economy": the PP may hang on the investor
        for t in tok.subtree:
            if t.dep_ == "prep" and t.lower_ in ("in", "into") and t.head.i != tok.i:
                targets.extend(m for p in t.children if p.dep_ == "pobj" for m in expand(st, p))
                break
    if lemma == "investor":
        sources = copula_subjects(st, tok) + sources
    add_facts(st, sources, "INVESTS_IN", targets, sent)


def lender_noun(st: DocState, sent: Span, tok: Token, lemma: str) -> None:
    """'Korea is Uzbekistan's largest bilateral lender', 'Japan is the biggest donor to Tajikistan': the subject of
    the copula lends to (or gives aid to) the one named."""
    lenders = copula_subjects(st, tok)
    borrowers = [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at]
    borrowers += [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "for")
                  for p in c.children if p.dep_ == "pobj" for m in expand(st, p)]
    add_facts(st, lenders, "GRANTS_AID_TO" if lemma == "donor" else "LENDS_TO",
              [b for b in borrowers if b.label in ("Country", "Organization", "Firm", "Project") and not b.demonym
               and b not in lenders], sent)


def borrow_rule(st: DocState, sent: Span, verb: Token) -> None:
    """'Kyrgyzstan borrowed $50 million from the EDCF': who it is borrowed from lends to the borrower."""
    borrowers, passive = subjects_of(st, verb)
    lenders = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
               if p.dep_ == "pobj" for m in expand(st, p)]
    lenders += [m for c in verb.children if c.dep_ == "dobj" for x in c.subtree if x.dep_ == "prep"
                and x.lower_ == "from" for p in x.children if p.dep_ == "pobj" for m in expand(st, p)]
    if not passive:
        add_facts(st, [m for m in lenders if m.label in ("Country", "Organization", "Firm")], "LENDS_TO",
                  [b for b in borrowers if b.label in ("Country", "Organization", "Firm")], sent)


# verbs that give a figure its value: "trade reached $3.2 billion", "turnover stood at $95 million"
_FIGURE_VERBS = frozenset({"reach", "stand", "total", "amount", "grow", "rise", "increase", "exceed", "hit", "climb",
                           "top", "surpass", "jump", "double", "fall", "decline"})


def trade_noun(st: DocState, sent: Span, tok: Token, lemma: str) -> None:
    parties: list[Mention] = []
    if lemma == "partner":
        parties = copula_subjects(st, tok) + [
            st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at
        ]
    else:
        owners: list[Mention] = []
        others: list[Mention] = []
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in st.at:
                owners.append(st.at[c.i])
            elif c.dep_ == "prep" and c.lower_ == "between":
                owners.extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p))
            elif c.dep_ == "prep" and c.lower_ in ("to", "from", "with"):
                others.extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p))
        if lemma == "trade" and any(c.lower_ == "bilateral" for c in tok.children) and not owners + others:
            owners = doc_pair(st)
        elif lemma in ("trade", "turnover") and not owners + others and tok.dep_ == "nsubj" and \
                tok.head.lemma_.lower() in _FIGURE_VERBS:
            # "Turnover stood at $18 million in 2006 and reached $95 million last year" in a report on two
            # countries: theirs
            owners = doc_pair(st)
        if lemma == "trade" and not owners and others and all(
                m.label == "Country" and "country:south-korea" not in m.ids for m in others) and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) and (
                tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _FIGURE_VERBS or
                any(t.lower_ in ("korean", "korea's") for t in sent)) and \
                "country:south-korea" in st.entities:
            # "Korean figures show trade with the five states reached $10.7 billion" in a report on Korea: Korea's
            owners = [Mention(("country:south-korea",), "Country", tok.i, tok.i + 1, tok.text)]
        if owners and not others and lemma == "trade" and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            # "Korea's trade with the five Central Asian states reached $11.8 billion, of which Kazakhstan alone
            # accounted for $7.3 billion": a country the share clause names is a partner in the trade
            others = [m for t in sent if t.lemma_.lower() == "account" and any(
                          x.lower_ == "which" for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                          for x in c.children)
                      for c in t.children if c.dep_ == "nsubj" for m in expand(st, c) if m.label == "Country"]
        if owners and others and lemma in ("export", "import") and tok.tag_ == "NNS":
            # "Kazakhstan's exports of IT services to Korea": the exporter supplies the one it exports to
            sellers, buyers = (owners, others) if lemma == "export" else (others, owners)
            add_facts(st, [m for m in sellers if m.label in ("Country", "Firm", "Organization") and len(m.ids) == 1],
                      "SUPPLIES", [m for m in buyers if m.label in ("Country", "Firm", "Organization")
                                   and len(m.ids) == 1], sent)
            return
        if owners and others and lemma == "trade":
            # "Korea's trade with the five Central Asian states": the owner with each of them, not they with each other
            add_facts(st, [m for m in owners if m.label in ("Country", "Firm", "Organization")], "TRADES_WITH",
                      [m for m in others if m.label in ("Country", "Firm", "Organization")], sent)
            parties = owners if len(ids_of(owners)) >= 2 else []
        elif owners:
            parties = owners + others
        else:
            # "for export to China and Turkey": the places a trade goes to do not trade with each other
            parties = []
    ids = list(
        dict.fromkeys(i for m in parties if m.label in ("Country", "Firm", "Organization") for i in m.ids)
    )
    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            add_fact(st, ids[a], "TRADES_WITH", ids[b], sent)


def _fields_in(st: DocState, prep: Token) -> list[Mention]:
    """The fields a preposition's object lists: its items, and the items the parser hung inside it as modifiers
    ("in energy and critical minerals" parsed as "energy" modifying "minerals")."""
    out: list[Mention] = []
    for p in prep.children:
        if p.dep_ != "pobj":
            continue
        for m in expand(st, p):
            if m.label in ("Sector", "Mineral") and m not in out:
                out.append(m)
        for x in p.subtree:
            inner = st.at.get(x.i)
            if inner is not None and inner.label in ("Sector", "Mineral") and inner not in out and \
                    x.dep_ in ("nmod", "conj") and x.head.i in st.at and st.at[x.head.i].label in ("Sector", "Mineral"):
                out.append(inner)
            elif x.dep_ == "conj" and x.i not in st.at and x.lemma_.lower() in _USE_NOUNS:
                # "in energy, construction and the peaceful use of nuclear energy": the field a listed "use of",
                # "development of" names
                out += [m for c in x.children if c.dep_ == "prep" and c.lower_ == "of" for q in c.children
                        if q.dep_ == "pobj" for m in expand(st, q) if m.label in ("Sector", "Mineral") and m not in out]
    return out


_USE_NOUNS = frozenset({"use", "development", "processing", "production", "exploration", "extraction"})


def _together_with(st: DocState, verb: Token) -> list[Mention]:
    """The ones named after "together with" on the verb (a title's holder after its comma: "together with South
    Korea's Ambassador to Tajikistan, Kim Sang-woo")."""
    out: list[Mention] = []
    # "Severance Hospital launched a telemedicine link with the Istiklol Medical Complex": to open or run something
    # with a body is to do it together
    joint = verb.lemma_.lower() in JOINT_ACT_VERBS and any(c.dep_ == "dobj" for c in verb.children)
    # (the parser may hang the phrase on the thing opened)
    objects = [c for c in verb.children if c.dep_ == "dobj"] if joint else []
    for c in [*verb.children, *(x for o in objects for x in o.children)]:
        if not (c.dep_ == "prep" and c.lower_ == "with" and (
                joint or any(a.dep_ == "advmod" and a.lower_ == "together" for a in c.children) or
                c.i > 0 and st.sdoc[c.i - 1].lower_ == "together")):
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            found = expand(st, p)
            end = p.right_edge.i
            if not found and p.lemma_.lower() in ROLE_NOUNS and end + 2 < len(st.sdoc) and \
                    st.sdoc[end + 1].text == "," and (m := st.at.get(end + 2)) is not None and m.label == "Person":
                found = [m]
            out += found
    return out


def _collective_country_id(st: DocState, fid: str) -> str | None:
    """'firm:korean-companies' -> 'country:south-korea': the country whose firms a collective node stands for."""
    demonym = fid.split(":", 1)[1].rsplit("-companies", 1)[0].replace("-", " ")
    cid = "country:south-korea" if fid == "firm:korean-companies" else st.gaz.demonym_of.get(demonym)
    if cid is not None and cid not in st.entities:
        entity(st, cid, "Country", st.gaz.entries[cid].name)
    return cid


def _head_of_government(st: DocState, pid: str) -> bool:
    """Is the person titled prime minister (or premier) somewhere in the document?"""
    sdoc = st.sdoc
    return any(m.start >= 2 and sdoc[m.start - 2].lower_ == "prime" and sdoc[m.start - 1].lower_ == "minister" or
               m.start >= 1 and sdoc[m.start - 1].lower_ == "premier"
               for m in st.mentions if m.label == "Person" and pid in m.ids)


def _leaders_met(st: DocState, sent: Span, among: set[str]) -> list[Mention]:
    """The heads of state who met in the sentence (a MEETS fact between two of them), one of them in `among` if
    it is not empty: as country mentions, for a cooperation they agree on together."""
    out: dict[str, None] = {}
    for f in list(st.facts.values()):
        if f.relation != "MEETS" or f.evidence is None or not sent.start_char <= f.evidence.start < sent.end_char:
            continue
        pair = (f.subject, f.object)
        if among and not among & set(pair):
            continue
        countries = [st.leads.get(p) for p in pair]
        for k, p in enumerate(pair):
            other = countries[1 - k]
            ent = st.entities.get(p)
            if countries[k] is None and other and other != "country:south-korea" and ent is not None and \
                    ent.name.split()[0].lower() in KOREAN_SURNAMES and any(
                        f.subject == p and f.relation in ("LEADS", "WORKS_FOR") and f.object == "country:south-korea"
                        or f.subject == p and f.relation == "WORKS_FOR" and f.object.startswith("org:")
                        for f in st.facts.values()) | _head_of_government(st, p):
                # "Prime Minister Kim Min-seok met Kazakh President Tokayev and agreed to ...": a Korean head of
                # government meeting the other country's leader speaks for Korea
                countries[k] = entity(st, "country:south-korea", "Country", "South Korea")
        if all(countries) and countries[0] != countries[1]:
            out.update(dict.fromkeys(c for c in countries if c))
    return [Mention((c,), "Country", sent.start, sent.start + 1, st.entities[c].name) for c in out
            if c in st.entities] if len(out) >= 2 else []


def relation_noun(st: DocState, sent: Span, tok: Token) -> None:
    lemma = tok.lemma_.lower()
    if lemma in ("cooperation", "partnership", "partner"):
        subjects = governing_subjects(st, tok)
        if lemma == "partner":
            subjects = subjects or copula_subjects(st, tok)
        group = [m for m in subjects if len(m.ids) >= 2]
        if lemma == "cooperation" and tok.dep_ == "dobj" and len(ids_of(subjects)) <= 1 and all(
                m.label == "Person" for m in subjects):
            # "Lee held phone talks with Tokayev and agreed to expand cooperation in energy": the leaders who met
            # in the sentence agree together (and their countries cooperate)
            met = _leaders_met(st, sent, ids_of(subjects))
            if met:
                subjects = met
                group = []
        subjects = leaders_as_countries(st, subjects)
        if group and lemma != "partner":
            # "the two presidents agreed to expand cooperation": the cooperation is between them
            partner_group(st, sent, leaders_as_countries(st, group))
        withs: list[Mention] = []
        fields: list[Mention] = []
        for c in tok.children:
            if (
                c.dep_ == "prep"
                and (c.lower_ in ("with", "for") or c.lower_ == "of" and lemma == "partner")
                or c.dep_ == "poss"
                and lemma == "partner"
            ):
                targets = [c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"]
                if c.lower_ == "of":
                    # "a long-time partner of Samruk-Energy": the one named, not a possessor inside its name
                    withs.extend(st.at[p.i] for p in targets if p.i in st.at
                                 and st.at[p.i].label in ("Firm", "Organization", "Country"))
                else:
                    withs.extend(m for p in targets for m in expand(st, p))
            elif c.dep_ == "prep" and c.lower_ in ("in", "on"):
                fields.extend(_fields_in(st, c))
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            # "the development of cooperation with Turkmenistan in the energy, transport and healthcare sectors": the
            # parser may hang the fields on the noun the cooperation is "of"
            fields.extend(f for c in tok.head.head.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
                          and c.i > tok.i for f in _fields_in(st, c))
        add_facts(st, subjects, "PARTNERS_WITH", withs, sent)
        if lemma == "partner" and tok.tag_ == "NNS" and tok.dep_ == "attr" and not withs and \
                len({i for m in subjects for i in m.ids}) >= 2:
            # "Uzbekistan and South Korea are close partners": partners of each other
            partner_group(st, sent, subjects)
        if lemma == "partner":
            # "together with its partner, Yeoju Institute of Technology": the one whose partner it is
            named = [m for c in tok.children if c.dep_ == "appos" for m in expand(st, c)
                     if m.label in ("Country", "Firm", "Organization")]
            poss = [c for c in tok.children if c.dep_ == "poss"]
            owners = [st.at[c.i] for c in poss if c.i in st.at] or \
                ([m for m in subjects if m not in named] if any(c.pos_ == "PRON" for c in poss) else [])
            add_facts(st, owners, "PARTNERS_WITH", named, sent)
        if tok.dep_ == "dobj":
            # "expand cooperation in such areas as X": the PP hangs on the verb
            for c in tok.head.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "on", "as"):
                    fields.extend(_fields_in(st, c))
                elif c.dep_ == "prep" and c.lower_ == "with":
                    withs.extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p))
            add_facts(st, subjects, "PARTNERS_WITH", withs, sent)
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("cover", "include", "span", "encompass"):
                # "a programme of partnership covering X, the Y industry and Z"
                for o in c.children:
                    if o.dep_ == "dobj":
                        fields.extend(
                            m for m in surface_list(st, o.left_edge.i) if m.label in ("Sector", "Mineral")
                        )
        if fields:
            # "cooperation in critical minerals, supply chains and infrastructure": the parser may hang the later
            # items on the noun instead of the first; the fields conjoined to it after the first are items too
            first = min(f.start for f in fields)
            fields += [m for c in tok.conjuncts if c.i > first and c.i in st.at for m in expand(st, c)
                       if m.label in ("Sector", "Mineral") and m not in fields]
        parties = subjects + withs + between(st, [tok])
        instrument = tok.dep_ == "pobj" and tok.head.lower_ in ("through", "via", "under", "following", "after",
                                                               "despite", "thanks")
        if lemma != "partner" and not withs and not group and not instrument and \
                len({i for m in subjects if m.label != "Person" for i in m.ids}) >= 2:
            # "Moon and Mirziyoyev agreed to raise relations to a special strategic partnership", "Korea and
            # Kazakhstan will expand cooperation": the subjects are the partners
            partner_group(st, sent, [m for m in subjects if m.label != "Person"])
        if (
            not subjects
            and len(st.pair) == 2
            and len(withs) == 1
            and withs[0].label == "Country"
            and len(withs[0].ids) == 1
            and withs[0].id in st.pair
            and not withs[0].demonym
            and not any(c.dep_ in ("poss", "compound", "nmod", "amod") and c.i in st.at for c in tok.children)
        ):
            # "closer cooperation with Kyrgyzstan" in an article about Korea and Kyrgyzstan: the other
            # party is the other country of the pair
            other = [c for c in st.pair if c != withs[0].id]
            parties.append(Mention(tuple(other), "Country", tok.i, tok.i + 1, tok.text))
        if fields and not parties and tok.dep_ in ("pobj", "dobj") and tok.head.lower_ in (
                "including", "especially", "particularly", "notably", "include") and \
                tok.head.head.lemma_.lower() in RELATION_NOUNS:
            # "bilateral ties between Korea and Uzbekistan, including cooperation in critical minerals": the parties
            # of the relation the cooperation is part of
            parties = between(st, [tok.head.head])
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _TOPIC_VERBS and not between(st, [tok]):
            fields = []  # "the sides discussed cooperation in energy": a topic of talks, not cooperation under way
            # (but "discussed cooperation between Turkmenistan and South Korea in oil and gas": the noun names its
            # parties and fields itself)
        for p in parties:
            for i in p.ids:
                for f in fields:
                    add_fact(st, i, "COOPERATES_IN", f.id, sent, p, f)
    relation_noun_pair(st, sent, tok)


def relation_noun_pair(st: DocState, sent: Span, tok: Token) -> None:
    """'partnership between X and Y', 'the Kazakhstan–South Korea strategic partnership',
    'cooperation with X' (with the clause subject), 'relations between our states'."""
    parties: list[Mention] = []
    for c in tok.children:
        if c.dep_ in ("compound", "nmod", "amod") and c.i in st.at and st.at[c.i].label == "Country":
            parties.extend(expand(st, c))
        elif c.dep_ == "prep" and c.lower_ == "between":
            parties.extend(m for p in c.children if p.dep_ == "pobj" for m in expand(st, p))
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _ESTABLISH_VERBS:
            # "the relations of friendship that were established between Turkmenistan and South Korea in 1992": the
            # two the clause says they were established between
            parties.extend(m for b in c.children if b.dep_ == "prep" and b.lower_ == "between"
                           for p in b.children if p.dep_ == "pobj" for m in expand(st, p))
    if tok.lemma_.lower() in ("relation", "tie"):
        # "Tajikistan's relations with Korea were established in 1992": the possessor's with the other's
        owners = [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at and
                  st.at[c.i].label == "Country" and not st.at[c.i].demonym]
        withs = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                 if p.dep_ == "pobj" for m in expand(st, p) if m.label == "Country" and not m.demonym]
        if not owners and withs and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            # "Tajikistan values its relations with Korea": whose they are is the clause's subject
            owners = [m for m in leaders_as_countries(st, governing_subjects(st, tok))
                      if m.label == "Country" and not m.demonym and len(m.ids) == 1]
        elif not owners and withs and tok.dep_ == "dobj" and (owners := [
                m for m in leaders_as_countries(st, subjects_of(st, tok.head)[0])
                if m.label == "Country" and not m.demonym and len(m.ids) == 1 and m not in withs]):
            pass  # "South Korea established diplomatic relations with Uzbekistan": the subject's
        elif not owners and len(withs) == 1 and len(withs[0].ids) == 1 and len(st.pair) == 2 and \
                withs[0].id in st.pair and not any(c.dep_ in ("poss", "compound", "nmod", "amod") and c.i in st.at
                                                   for c in tok.children):
            # "the President noted that relations with Korea, established in 1992, have reached a good level" in a
            # text about Korea and Tajikistan: the other country's
            owners = [Mention(tuple(i for i in st.pair if i != withs[0].id), "Country", tok.i, tok.i + 1, tok.text)]
        if owners and withs:
            parties.extend(owners + withs)
    # a hyphenated pair is parsed as nmod chain: "Kazakhstan – South Korea partnership"
    for t in tok.lefts:
        for x in t.subtree:
            if (
                x.i in st.at
                and st.at[x.i].label == "Country"
                and st.at[x.i] not in parties
                and x.dep_ in ("nmod", "compound")
                and not st.at[x.i].demonym
            ):
                parties.append(st.at[x.i])
    if not parties and tok.lemma_.lower() in ("relation", "tie") and tok.dep_ == "pobj":
        # "Uzbekistan and the Republic of Korea are marking the 30th anniversary of diplomatic relations", "A and B
        # mark ten years since the establishment of diplomatic relations": the relations of the two who mark them
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_.lower() in _MARK_VERBS:
            marking, passive = subjects_of(st, verb)
            marking = [m for m in leaders_as_countries(st, marking) if m.label == "Country" and not m.demonym]
            if not passive and len(ids_of(marking)) >= 2:
                parties.extend(marking)
    countries = [m for m in parties if m.label in ("Country", "Firm", "Organization")]
    if len({i for m in countries for i in m.ids}) >= 2:
        partner_group(st, sent, countries)
    elif len(st.pair) == 2 and tok.lemma_.lower() == "relation" and \
            all(i in st.pair for m in countries for i in m.ids) and \
            (any(c.lower_ == "diplomatic" for c in tok.children) or countries) and (
                tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in _ESTABLISH_VERBS or
                any(c.dep_ == "acl" and c.lemma_.lower() in _ESTABLISH_VERBS for c in tok.children) or
                tok.i + 2 < len(st.sdoc) and st.sdoc[tok.i + 1].text == "," and st.sdoc[tok.i + 2].tag_ == "VBN" and
                st.sdoc[tok.i + 2].lemma_.lower() in _ESTABLISH_VERBS):
        # "Diplomatic relations were established on 28 January 1992", "the 30th anniversary of diplomatic
        # relations, established on Jan. 28, 1992", "relations with Korea, established in 1992" in a text about
        # two countries: theirs
        partner_group(st, sent, [Mention(tuple(st.pair), "Country", tok.i, tok.i + 1, tok.text)])


_ESTABLISH_VERBS = frozenset({"establish", "restore", "resume", "upgrade", "elevate"})
_MARK_VERBS = frozenset({"mark", "celebrate", "commemorate", "observe"})
# verbs by which partners bring a venture into being
_FOUND_VERBS = frozenset({"set", "establish", "found", "create", "form", "launch"})



def agreement_topics(st: DocState) -> None:
    """'agreements on critical minerals and on oil and gas', 'an agreement for the oil, gas and
    petrochemical industries', 'memoranda of understanding on A, on B and on C', 'an agreement ... to
    bring the Kiyanly Polymer Plant back into operation' -> the agreement COVERS each."""
    for m in st.mentions:
        if m.label not in ("Agreement", "Event"):
            continue
        head = st.sdoc[m.end - 1]
        if m.label == "Agreement" and m.end - m.start != 1 and head.lemma_.lower() not in AGREEMENT_HEADS:
            continue
        sent = head.sent
        signed = head.dep_ == "dobj" and head.head.lemma_.lower() in SIGNING_VERBS  # the object of "signed"
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "for", "about")]
        if not preps and signed:
            # "signed memoranda of understanding on A, on B and on C": the PPs may hang on the verb
            preps = [
                c
                for c in head.head.children
                if c.i > head.i and c.lower_ in ("on", "about") and c.dep_ in ("prep", "conj")
            ]
        # "a memorandum with Kazakhstan's geology committee on rare metals": the parser may hang the topic on the
        # partner named by "with" (on the agreement, or on the verb that signs it)
        withs = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
        if signed:
            withs += [c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "with"]
        preps += [x for w in withs for p in w.children if p.dep_ == "pobj" for x in p.children
                  if x.dep_ == "prep" and x.lower_ in ("on", "about") and x not in preps]
        # "memoranda of understanding on A", "a record of discussions on A": the PP hangs on the name's last word
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lower_ in ("understanding", "discussions"):
                        preps += [x for x in p.children if x.dep_ == "prep" and x.lower_ in ("on", "for")]
        # "a contract between Turkmengaz and Hyundai Engineering for the construction of X": or on the last party
        preps += [x for c in head.children if c.dep_ == "prep" and c.lower_ == "between" for p in c.children
                  if p.dep_ == "pobj" for q in (p, *p.conjuncts) for x in q.children
                  if x.dep_ == "prep" and x.lower_ in ("on", "for") and x not in preps]
        topics: list[Mention] = []
        seen: set[int] = set()
        while preps:
            pr = preps.pop()
            if pr.i in seen:
                continue
            seen.add(pr.i)
            preps += [c for c in pr.children if c.dep_ == "conj" and c.pos_ == "ADP"]
            for p in pr.children:
                if p.dep_ in ("pobj", "pcomp"):
                    topics += topics_of(st, p)
                    # "on A, on B and on C" is often parsed as PPs hanging on the object
                    preps += [
                        x for x in p.children if x.dep_ == "prep" and x.lower_ == pr.lower_ and x.i not in seen
                    ]
        # a purpose clause: "signed an agreement with X to bring the plant back into operation"
        clauses = [c for c in head.children if c.dep_ in ("acl", "relcl")]
        if signed:
            clauses += [c for c in head.head.children if c.dep_ in ("advcl", "xcomp")]
        for c in clauses:
            if c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                topics += [
                    x for d in c.children if d.dep_ == "dobj" for x in expand(st, d) if x.label == "Project"
                ]
                # "signed an MOU with Tau-Ken Samruk to explore the possibility of sourcing lithium and graphite":
                # the minerals the purpose names are what the agreement is about
                topics += [st.at[t.i] for t in c.subtree if t.i in st.at and st.at[t.i].label == "Mineral"
                           and t.i == st.at[t.i].start and not _in_title(t) and st.at[t.i] not in topics]
                # ("to jointly explore the Kuru-Tegerek gold and copper deposit": the minerals a site is named by)
                topics += [x for t in c.subtree if t.i in st.at and st.at[t.i].label == "Location"
                           and t.is_lower and t.pos_ == "NOUN" for x in _site_minerals(st, t) if x not in topics]
        if signed:
            # "signed an EPC contract on 12 March for a second polypropylene line": the works a text signed is for,
            # in a "for" phrase the parser hangs on the verb (works only: not "for $500 million", "for the region")
            topics += [x for c in head.head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > head.i
                       for p in c.children if p.dep_ == "pobj" for x in topics_of(st, p)
                       if x.label == "Project" and x not in topics]
        topics += [x for x in _listed_after(st, m) if x not in topics]
        topics += [x for x in _aims_of(st, m, head) if x not in topics]
        with running(st, "document:agreement-topics", head):
            add_facts(st, [m], "COVERS", topics, sent)  # (dated by the date nearest the agreement)


def _site_minerals(st: DocState, tok: Token) -> list[Mention]:
    """A mineral word inside a site's name ("gold" in "the Kuru-Tegerek gold and copper deposit"), as a mention of
    the mineral the gazetteer knows by that word (none for the site's own head word)."""
    if st.sdoc[st.at[tok.i].end - 1].lemma_.lower() not in SITE_HEADS:
        return []
    ids = [i for i in st.gaz.lookup(tok.text) if st.gaz.entries[i].label == "Mineral"]
    if len(ids) != 1:
        return []
    return [Mention((entity(st, ids[0], "Mineral", tok.text),), "Mineral", tok.i, tok.i + 1, tok.text)]


# verbs by which an agreement (their subject) states what it is for: "The memorandum aims to strengthen
# cooperation in lithium", "The document is meant to tighten cooperation in supplying ..., namely lithium, nickel"
_AIM_VERBS = frozenset({"aim", "seek", "intend", "mean", "design", "envisage", "focus", "target", "concern",
                        "address", "stipulate", "foresee", "commit"})


def _aims_of(st: DocState, m: Mention, head: Token) -> list[Mention]:
    """The fields and minerals an agreement, as the subject of a verb of aiming, says it is for: those in its
    complement (the cooperation it strengthens, the list after "namely" or "including")."""
    if m.label != "Agreement":
        return []
    # ("the Seoul Declaration, which commits the parties to deeper cooperation in critical minerals": or of a relative
    # clause on it)
    verbs = [c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in _AIM_VERBS and any(
        x.dep_ == "nsubj" and x.tag_ in ("WDT", "WP") for x in c.children)]
    # ("a joint statement that upgrades ties ... and commits both sides to work on critical minerals": or of a verb
    # coordinated with the clause's first)
    # (the tagger may take the relative "that" for a conjunction: a clause with no subject of its own)
    verbs += [v for c in head.children if c.dep_ == "relcl" and any(
        x.dep_ == "nsubj" and x.tag_ in ("WDT", "WP") or x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
              and not any(x.dep_ == "nsubj" and x.tag_ not in ("WDT", "WP") for x in c.children)
              for v in c.children if v.dep_ == "conj" and v.lemma_.lower() in _AIM_VERBS and v.pos_ == "VERB"
              and not any(x.dep_ == "nsubj" for x in v.children)]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _AIM_VERBS:
        verbs.append(head.head)
    # (not a field that only describes a project it envisages: "envisages a plant capable of producing urea")
    found = [st.at[t.i] for verb in verbs for t in verb.subtree if t.i in st.at and t.i == st.at[t.i].start
             and st.at[t.i].label in ("Sector", "Mineral") and t.i > verb.i and (
                 verb.dep_ in ("relcl", "conj") or not head.left_edge.i <= t.i <= head.right_edge.i)
             and not any(a.i in st.at and st.at[a.i].label == "Project" for a in t.ancestors if a.i > verb.i)]
    if found:
        # ("the Seoul Declaration, which commits the parties to cooperation in critical minerals, energy transition
        # and digital technologies": the parser may hang the rest of the clause's list on the agreement, as its
        # conjuncts)
        found += [st.at[t.i] for verb in verbs if verb.dep_ == "relcl" and verb.head.i == head.i
                  for c in head.children if c.dep_ == "conj" and c.i > verb.right_edge.i and c.pos_ == "NOUN"
                  and st.sdoc[c.left_edge.i - 1].text == "," for t in c.subtree
                  if t.i in st.at and t.i == st.at[t.i].start and st.at[t.i].label in ("Sector", "Mineral")]
    return found


_LISTING_WORDS = frozenset({"covering", "covers", "including", "spanning", "naming"})


def _listed_after(st: DocState, m: Mention) -> list[Mention]:
    """'a plan of cooperation for 2014-2016 covering urban transport, e-government and tourism', 'the protocol of
    the session, which provides for cooperation in gas chemistry, transport and logistics': the fields a
    participle or a "provides for cooperation in" clause lists right after the agreement, however the parser hangs
    them (up to the next named thing that is not a field)."""
    sdoc = st.sdoc
    if m.label != "Agreement":
        return []
    sent_end = sdoc[m.start].sent.end
    k = m.end
    of_phrase = m.end < sent_end and sdoc[m.end].lower_ == "of"  # "the protocol of the session, which ..."
    while k < min(sent_end, m.end + 10):
        t = sdoc[k]
        other = st.at.get(k)
        if t.text == ",":
            of_phrase = False
        if other is not None and other.label not in ("Sector", "Mineral") and other is not m and not of_phrase:
            return []
        if t.lower_ in _LISTING_WORDS:
            start = k + 1
            break
        if t.lemma_.lower() == "provide" and k + 1 < sent_end and sdoc[k + 1].lower_ == "for":
            start = k + 2
            while start < sent_end and sdoc[start].lower_ in ("cooperation", "joint", "work", "projects", "in", "on"):
                start += 1
            break
        k += 1
    else:
        return []
    out: list[Mention] = []
    for t in sdoc[start:sent_end]:
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":") or t.lower_ in ("as", "with", "between", "by"):
            break  # (the list ends at the next clause: "naming X and Y as priority areas")
        x = st.at.get(t.i)
        if x is not None and x.label not in ("Sector", "Mineral"):
            break  # ("14 documents, including an intergovernmental agreement on ...": documents, not fields)
        if x is not None and x not in out:
            out.append(x)
    return out




# a firm's role on a project, stated by a noun: "the EPC contractor for the plant", "selected as lender for"
_PROJECT_ROLES = {"contractor": "BUILDS", "builder": "BUILDS", "constructor": "BUILDS", "supplier": "SUPPLIES",
                  "investor": "INVESTS_IN", "lender": "LENDS_TO", "financier": "FINANCES"}


def project_roles(st: DocState) -> None:
    """'Samsung C&T has been selected as the EPC contractor for the Balkhash plant', 'Daewoo E&C, the general
    contractor of the project', 'KEXIM is the lender for the plant': the role noun's "for"/"of"/"on" project."""
    for m in st.mentions:
        if m.label not in ("Firm", "Organization", "Country") or len(m.ids) != 1:
            continue
        root = st.sdoc[m.start : m.end].root
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "A, B and C were selected as EPC contractors": each of the subjects
        if first.dep_ in ("nsubj", "nsubjpass"):
            verb = first.head
            nouns += [c for c in verb.children if c.dep_ in ("attr", "oprd")]
            nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                      if p.dep_ == "pobj"]
        for n in nouns:
            rel = _PROJECT_ROLES.get(n.lemma_.lower())
            if not rel:
                continue
            targets = [p for c in n.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "on", "to")
                       for q in c.children if q.dep_ == "pobj" for p in expand(st, q)
                       if p.label in ("Project", "Country", "Firm") and p.id != m.id and not (
                           c.lower_ == "of" and p.label == "Firm" and p.id in st.entities and
                           st.entities[p.id].name.split()[-1].lower() in _GROUP_WORDS)]
            # (not "the flagship lender of Shinhan Financial Group": a unit of its group, not its lender)
            if not targets and n.dep_ == "pobj" and n.head.lower_ == "as":
                # "will act as the general contractor on a turnkey basis for the carbamide plant": the parser may
                # hang the project on the verb or on a phrase after the noun
                targets = [p for c in n.head.head.subtree if c.i > n.i and c.dep_ == "prep" and c.lower_ == "for"
                           for q in c.children if q.dep_ == "pobj" for p in expand(st, q) if p.label == "Project"]
            if not targets and (any(c.lower_ in ("the", "general", "main", "lead") for c in n.children) or
                                n.dep_ == "pobj" and n.head.lower_ == "as" and
                                n.head.head.lemma_.lower() in ("select", "choose", "pick", "appoint", "hire", "name")):
                # ("A, B and C were selected as EPC contractors in 2011": for the project the paragraph is about)
                # "Hyundai Engineering will act as the general contractor on a turnkey basis": the contractor of
                # the one project its paragraph is about
                targets = paragraph_project(st, n.sent)
            add_facts(st, [m], rel, targets, n.sent)


# bodies that are units of a ministry or agency: "HRD Korea, an agency of the Korean labor ministry"
_UNIT_NOUNS = frozenset({"agency", "body", "department", "service", "institute", "enterprise", "organisation",
                         "organization"})
_PART_NOUNS = frozenset({"subsidiary", "unit", "affiliate", "arm", "division", "branch", "daughter", "part"})
# a body under a ministry or a firm of a group, named by what it is: "an agency of the labor ministry", "a body under
# the Ministry of Foreign Affairs", "the flagship lender of Shinhan Financial Group"
_BODY_UNIT_NOUNS = frozenset({"agency", "body", "service"})
_GROUP_UNIT_NOUNS = frozenset({"lender", "bank", "carrier", "company", "maker", "manufacturer", "producer", "firm"})
_GROUP_WORDS = frozenset({"group", "holding", "holdings"})


def signer_bodies(st: DocState) -> None:
    """'The contract was signed in Seoul by Kazatomprom chief executive Meirzhan Yussupov and KHNP president Whang
    Joo-ho': a person who signs, titled in that sentence as the head or staff of a firm or body, signs for it, and
    the bodies that sign one agreement partner."""
    facts = list(st.facts.values())
    roles = {(f.subject, f.evidence.start): f.object for f in facts if f.relation in ("LEADS", "WORKS_FOR")
             and f.evidence is not None and f.object.startswith(("firm:", "org:"))}
    by_agreement: dict[tuple[str, int], list[str]] = {}
    for f in facts:
        if f.relation != "SIGNS" or f.evidence is None or not f.subject.startswith("person:"):
            continue
        body = roles.get((f.subject, f.evidence.start))
        if body is None:
            continue
        sent = st.sdoc.char_span(f.evidence.start, f.evidence.end, alignment_mode="expand")
        if sent is None:
            continue
        add_fact(st, body, "SIGNS", f.object, sent, modality="signed")
        by_agreement.setdefault((f.object, f.evidence.start), []).append(body)
    for (_agreement, _start), bodies in by_agreement.items():
        if len(set(bodies)) == 2:
            a, b = sorted(set(bodies))
            sent = st.sdoc.char_span(_start, _start + 1, alignment_mode="expand")
            if sent is not None:
                add_fact(st, a, "PARTNERS_WITH", b, sent.sent)


def subsidiary_appositions(st: DocState) -> None:
    """'Lotte Rakhat, a subsidiary of Lotte Confectionery', "Korea Zinc's affiliate Kazzinc": the text names
    the parent."""
    for m in st.mentions:
        if m.label not in ("Firm", "Organization") or len(m.ids) != 1:
            continue
        root = st.sdoc[m.start : m.end].root
        for v in root.children:
            if v.dep_ == "appos" and v.lemma_.lower() == "venture":
                # "KazPolyChem LLP, a 51:49 joint venture between KazMunayGas and Caspian Petrochem Holding": its
                # founders hold stakes in it and partner
                # (every body named in the "between" phrase: the parser may scatter "A and B-based C")
                founders = list({x.id: x for c in v.children if c.dep_ == "prep" and c.lower_ in ("between", "of", "by")
                                 for t in c.subtree if t.i in st.at for x in [st.at[t.i]]
                                 if x.label in ("Firm", "Organization") and len(x.ids) == 1 and x.id != m.id}.values())
                with running(st, "document:joint-venture-apposition", v):
                    add_facts(st, founders, "HOLDS_STAKE_IN", [m], v.sent)
                    partner_group(st, v.sent, founders)
        nouns = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in _PART_NOUNS]
        for c in root.children:
            if c.dep_ != "appos" or c.lemma_.lower() in _PART_NOUNS:
                continue
            over = [p for x in c.children if x.dep_ == "prep" and x.lower_ in ("of", "under") for q in x.children
                    if q.dep_ == "pobj" for p in expand(st, q) if len(p.ids) == 1 and p.id != m.id]
            if c.lemma_.lower() in _BODY_UNIT_NOUNS and over and all(p.label == "Organization" for p in over) or \
                    c.lemma_.lower() in _GROUP_UNIT_NOUNS and over and all(
                        p.label == "Firm" and st.entities[p.id].name.split()[-1].lower() in _GROUP_WORDS for p in over
                        if p.id in st.entities):
                # "HRD Korea, an agency of the Korean labor ministry", "Shinhan Bank, the flagship lender of Shinhan
                # Financial Group": a body under a ministry, a firm of a group, is part of it
                nouns.append(c)
        if root.dep_ in ("appos", "compound") and root.head.lemma_.lower() in _PART_NOUNS:
            nouns.append(root.head)
        subj = root if root.dep_ == "nsubj" else root.head if root.dep_ == "appos" and root.head.dep_ == "nsubj" \
            else None
        if subj is not None and subj.head.lemma_ == "be":
            # "Kazzinc is a subsidiary of Glencore", "the seller, Altai Lithium LLP, is a unit of Tau-Ken Samruk":
            # the attribute of the copula
            nouns += [c for c in subj.head.children if c.dep_ == "attr" and c.lemma_.lower() in _PART_NOUNS]
        # "its subsidiary Samsung Engineering": the part noun compounds the name, the owner is the name's
        titled = [c for c in root.children
                  if c.dep_ == "compound" and c.lemma_.lower() in _PART_NOUNS and c.i < m.start]
        nouns += titled
        for n in nouns:
            owners = [*n.children, *(root.children if n in titled else ())]
            parents = [p for c in n.children if c.dep_ == "prep" and (
                c.lower_ == "of" or c.lower_ == "under" and n.lemma_.lower() in _BODY_UNIT_NOUNS)
                       for q in c.children if q.dep_ == "pobj" for p in expand(st, q)]
            parents += [st.at[c.i] for c in owners if c.dep_ == "poss" and c.i in st.at]
            if not parents and any(c.dep_ == "poss" and c.lower_ in ("its", "their") and c.i not in st.at
                                   for c in owners):
                # "Samsung C&T said its subsidiary Samsung Engineering", "Lotte and its affiliate Lotte Rakhat": the
                # firm named last before it in the sentence
                # (not one inside a relative clause that does not hold the pronoun: "LX International, which was
                # spun off from LG Corp., runs it through its subsidiary")
                before = [x for x in st.mentions if n.sent.start <= x.start < n.i
                          and x.label in ("Firm", "Organization") and len(x.ids) == 1 and x.id != m.id
                          and not _in_other_clause(st.sdoc[x.start], n)]
                parents = [max(before, key=lambda x: x.start)] if before else []
                # ("Hana Bank said it has obtained a licence from the CBU for its local subsidiary": the subject
                # of the clause "its" belongs to, not the body named last)
                clause = n.head
                while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                    clause = clause.head
                if clause.pos_ in ("VERB", "AUX"):
                    owner = [x for x in subjects_of(st, clause)[0] if x.label in ("Firm", "Organization")
                             and len(x.ids) == 1 and x.id != m.id]
                    if owner:
                        parents = owner[:1]
            parents = [p for p in parents if p.label in ("Firm", "Organization") and p.id != m.id]
            add_facts(st, [m], "SUBSIDIARY_OF", parents, n.sent)
            if any(c.lower_ in ("wholly", "fully", "100%") or c.lower_ == "owned" and any(
                    x.lower_ in ("wholly", "fully") for x in c.children) for c in n.subtree if c.i < n.i):
                # "a wholly owned subsidiary of Daedong Precision": the parent owns it outright
                add_facts(st, parents, "OWNS", [m], n.sent)
        _surface_part_of(st, m)  # (also where the parser found a part noun but hung its "of" phrase elsewhere)


def _surface_part_of(st: DocState, m: Mention) -> None:
    """'the Development Bank of Kazakhstan (DBK), part of the Baiterek holding', 'Kyzylorda Power Plant LLP, the
    project company of Samruk-Energy', read off the surface where the parser hangs the phrase elsewhere: a unit
    of the body named after "of"."""
    sdoc = st.sdoc
    k = m.end
    if k + 2 < len(sdoc) and sdoc[k].text == "(":
        close = next((x for x in range(k + 2, min(k + 6, len(sdoc))) if sdoc[x].text == ")"), None)
        if close is not None:
            k = close + 1  # "(DBK)", "(HRD Korea)"
    elif k < len(sdoc) and sdoc[k].text == ")" and m.start > 0 and sdoc[m.start - 1].text == "(":
        k += 1  # (the abbreviation itself: "(HRD Korea), an agency of ...")
    if k + 3 >= len(sdoc) or sdoc[k].text != "," or len(m.ids) != 1 or m.label not in ("Firm", "Organization"):
        return
    k += 1
    if sdoc[k].lower_ in ("a", "an", "the"):
        k += 1
    start = k
    while k < len(sdoc) and k - start < 5 and sdoc[k].lower_ not in ("of", "under") and (
            sdoc[k].is_lower and sdoc[k].is_alpha or sdoc[k].text == "-" and k > start):
        k += 1  # ("the copper-smelting arm of LS Group")
    if k - start < 1 or k + 1 >= len(sdoc) or sdoc[k].lower_ not in ("of", "under"):
        return
    noun = sdoc[k - 1]
    # ("KOMSCO, a state enterprise under the Ministry of Economy and Finance", "an organisation under Korea's
    # Ministry of Culture": a body "under" another is its unit, whatever noun describes it)
    kind = noun.lemma_.lower()
    if sdoc[k].lower_ == "of" and not (kind in _PART_NOUNS | _UNIT_NOUNS | _BODY_UNIT_NOUNS | _GROUP_UNIT_NOUNS or
                                       noun.lower_ == "company" and sdoc[k - 2].lower_ == "project"):
        return
    j = k + 1
    if sdoc[j].lower_ == "the":
        j += 1
    if j + 2 < len(sdoc) and sdoc[j].lower_ == "state" and sdoc[j + 1].lower_ in ("holding", "company", "fund") and \
            j + 2 in st.at:
        j += 2  # "a subsidiary of the state holding Baiterek"
    if j + 1 < len(sdoc) and j in st.at and st.at[j].label == "Country" and sdoc[st.at[j].end].text in ("'s", "’s"):
        j = st.at[j].end + 1  # "under Korea's Ministry of Culture, Sports and Tourism"
    elif j in st.at and st.at[j].label == "Country" and (st.at[j].text.endswith(("'s", "’s")) or st.at[j].demonym):
        j = st.at[j].end  # "of the Kyrgyz Ministry of Labor"
    parent = st.at.get(j)
    if parent is None or parent.label not in ("Firm", "Organization") or len(parent.ids) != 1 or parent.id == m.id:
        return
    if sdoc[k].lower_ == "of" and kind not in _PART_NOUNS | _UNIT_NOUNS and kind != "company":
        if kind in _BODY_UNIT_NOUNS and parent.label != "Organization":
            return  # (an agency of a body, not of a firm)
        if kind in _GROUP_UNIT_NOUNS and not (parent.label == "Firm" and parent.id in st.entities and
                                              st.entities[parent.id].name.split()[-1].lower() in _GROUP_WORDS):
            return  # (a lender of a group, not of anything)
    add_fact(st, m.id, "SUBSIDIARY_OF", parent.id, noun.sent)


def _inside_name(t: Token, phrase: Token) -> bool:
    """Is the token inside a modifier of another name in the phrase: "under the Cabinet of Ministers", "named
    after Yagshygeldi Kakayev"?"""
    x = t
    while x.i != phrase.i and x.head.i != x.i:
        if x.dep_ == "conj":
            return False  # "... under the Cabinet of Ministers of Turkmenistan and the Korea Railroad Corporation":
            # a name coordinated inside the modifier is the second party, wherever the parser hangs it
        if x.dep_ == "prep" and x.lower_ in ("under", "after") or x.dep_ in ("acl", "relcl"):
            return True
        x = x.head
    return False


def _named_in(st: DocState, phrase: Token) -> list[Mention]:
    """The countries, firms and bodies named in a phrase, save a country after "of" that says whose a body named
    there is ("the Ministry of Energy of Kazakhstan")."""
    found: list[Mention] = []
    for t in phrase.subtree:
        m = st.at.get(t.i)
        if m is None or t.i != m.start or m.label not in ("Country", "Firm", "Organization") or m.demonym or \
                len(m.ids) != 1 or any(m.id == x.id for x in found):
            continue
        if m.label == "Country" and t.i > 0 and st.sdoc[t.i - 1].lower_ in ("of", "the") and t.head.lower_ == "of" \
                and (owner := st.at.get(t.head.head.i)) is not None and owner is not m:
            continue
        if m.label == "Country" and (m.text.endswith(("'s", "’s")) or m.end < len(st.sdoc) and
                                     st.sdoc[m.end].text in ("'s", "’s")):
            continue  # "Tau-Ken Samruk, Kazakhstan's national mining company": whose it is, not a party
        if _inside_name(t, phrase):
            continue  # "the Agency of Transport under the Cabinet of Ministers": part of the agency's name
        found.append(m)
    return found


def _in_other_clause(tok: Token, other: Token) -> bool:
    """Is the token inside a relative or adverbial clause that does not hold `other`?"""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("relcl", "advcl", "acl") and other not in t.subtree:
            return True
        t = t.head
    return False


def campus_places(st: DocState) -> None:
    """'Inha University in Tashkent' (a campus named with its city, mentions.branch_campuses): it is in that city."""
    for m in st.mentions:
        if m.label != "Organization" or len(m.ids) != 1 or " in " not in m.text:
            continue
        head, _in, city = m.text.rpartition(" in ")
        if head.split()[-1].lower() not in ("university", "institute"):
            continue
        places = [i for i in st.gaz.lookup(city) if st.gaz.entries[i].label == "Location"]
        if len(places) == 1:
            entry = st.gaz.entries[places[0]]
            add_fact(st, m.ids[0], "LOCATED_IN", entity(st, entry.id, "Location", entry.name),
                     st.sdoc[m.start].sent)


# a place's own kind words: "North Gyeongsang Province", "Almaty region", "Sughd oblast"
_REGION_WORDS = frozenset({"province", "region", "oblast", "district", "county", "velayat", "viloyat", "prefecture",
                           "state", "territory"})


def places_in_places(st: DocState) -> None:
    """'Almaty, Kazakhstan', 'Gyeongju, North Gyeongsang Province', 'Yongsan, Seoul': a place followed by a comma and a
    country, a region or a city it lies in (not a list of places: 'Tashkent, Samarkand and Bukhara')."""
    sdoc = st.sdoc
    places = sorted((m for m in st.mentions if m.label in ("Location", "Country") and len(m.ids) == 1
                     and not m.demonym), key=lambda m: m.start)
    at_start = {m.start: m for m in places}
    for m in places:
        if m.label != "Location" or m.end + 1 >= len(sdoc) or sdoc[m.end].text != ",":
            continue
        big = at_start.get(m.end + 1)
        if big is None or big.id == m.id:
            continue
        after = sdoc[big.end] if big.end < len(sdoc) else None
        before = sdoc[m.start - 1] if m.start > 0 else None
        listed = after is not None and (after.lower_ in ("and", "or") or after.text == "," and big.end + 1 in
                                        at_start) or before is not None and before.text == "," and \
            any(x.end == m.start - 1 for x in places)
        if listed:
            continue
        region = big.label == "Country" or sdoc[big.end - 1].lower_ in _REGION_WORDS
        city = big.label == "Location" and big.id in st.gaz.entries and sdoc[m.start].pos_ == "PROPN" and \
            m.id not in st.gaz.entries  # "Yongsan, Seoul": a place the gazetteer does not know, in a city it does
        if region or city:
            add_fact(st, m.id, "LOCATED_IN", big.id, sdoc[m.start].sent, m, big)


def project_places(st: DocState) -> None:
    """'the tobacco factory in Almaty, Kazakhstan', 'the desulfurization facility at the Galkynysh gas
    field', 'set up a laboratory in Kazakhstan', 'King Sejong Institute in Tashkent': a project, event, body or
    place is located where its phrase places it; 'Turkmenabat, Turkmenistan's second city' and 'Rogun, one of
    the priority projects in Tajikistan' place it through an apposition."""
    done: set[str] = set()
    for m in st.mentions:
        if m.label not in ("Project", "Event", "Organization", "Location") or m.id in done or m.demonym:
            continue
        # the name's syntactic head: "Yeoju Institute of Technology in South Korea" hangs "in" on "Institute"
        head = st.sdoc[m.start : m.end].root
        # a plant near a lake or on a plateau is there; a city near a city is not, a forum "on" a place is about it
        near = ("near", "on") if m.label == "Project" else ()
        places = [p for p in places_of(st, head, near) if p.id != m.id and not m.start <= p.start < m.end]
        last = st.sdoc[m.end - 1]
        if not places and m.label == "Organization" and last.i != head.i and last.dep_ == "pobj" and \
                last.head.lower_ == "of" and m.start <= last.head.i:
            # "the Embassy of the Kyrgyz Republic in Seoul": the parser hangs the place on the name's last word
            places = [p for p in places_of(st, last) if p.id != m.id and p.start >= m.end]
        if m.label == "Project" and not places:
            # "a project to modernise the water supply of Karakol": the place its purpose names
            purposes = [c for c in head.children if c.dep_ in ("acl", "relcl")
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            places = [x for c in purposes for t in c.subtree if t.dep_ == "prep" and t.lower_ in ("in", "of")
                      for q in t.children if q.dep_ == "pobj" and q.i in st.at
                      for x in [st.at[q.i]] if x.label in ("Location", "Country") and not x.demonym][:1]
        if m.label == "Project" and not places and head.dep_ in ("dobj", "nsubjpass"):
            # "will build a plant with a capacity of 1.15 million tonnes near the town of Garabogaz": the parser may
            # hang the place on the capacity phrase
            places = [p for c in head.head.children if c.dep_ == "prep" and c.lower_ == "with" for q in c.children
                      if q.dep_ == "pobj" and q.lemma_.lower() in ("capacity", "output", "cost", "value")
                      for p in places_of(st, q, ("near",)) if p.id != m.id]
        if m.label == "Project" and not places:
            # "the heating network of Bishkek", "the water supply system of Khujand": a city's own facility
            places = [x for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for q in c.children
                      if q.dep_ == "pobj" and q.i in st.at for x in [st.at[q.i]]
                      if x.label == "Location" and not x.demonym][:1]
        # "Almaty is the largest city in Kazakhstan": the attribute of a copula is an apposition too
        attrs = [c for c in head.head.children if c.dep_ == "attr" and c.i not in st.at and c.pos_ == "NOUN"] \
            if head.dep_ == "nsubj" and head.head.lemma_ == "be" else []
        for n in [c for c in head.children if c.dep_ == "appos" and c.i not in st.at] + attrs + \
                ([head.head] if head.dep_ == "appos" and head.head.i not in st.at else []):
            # the appositive noun phrase: its possessor ("Turkmenistan's second city") or its own place PP
            if n.lemma_.lower() in PLACE_NOUNS:
                places += [st.at[c.i] for c in n.children if c.dep_ == "poss" and c.i in st.at
                           and st.at[c.i].label in ("Country", "Location")]
            places += [p for p in places_of(st, n) if p.id != m.id]
            places += [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                       for q in c.children for p in places_of(st, q) if p.id != m.id]
        # a deposit or field is no place of another site ("the Kutessay II deposit in Chui region and the
        # Trudovoye deposit in Issyk-Kul region": a list of two sites), where a plant may stand at a field
        if m.label == "Location":
            places = [p for p in places if not (p.label == "Location" and st.entities[p.id].name.lower().split()[-1:]
                                                in (["deposit"], ["field"]))]
        if places:
            done.add(m.id)
            with running(st, "document:project-places", head):
                # (dated by the date nearest the thing placed: "relations were established on January 31, 1992;
                # the Korean Embassy in Bishkek opened in 2007")
                add_facts(st, [m], "LOCATED_IN", places, head.sent)


def infobox_populations(st: DocState) -> None:
    """Wikipedia people infoboxes: 'Regions with significant populations', then 'Uzbekistan174,200[1]'.

    The group is the page's subject: the first Group the page names. Each country line is a residence
    fact whose evidence is the line itself (offsets exact)."""
    text = st.doc.text
    head = re.search(r"^[ \t]*Regions with significant populations[ \t]*$", text, re.M)
    groups = [m for m in st.mentions if m.label == "Group"]
    if head is None or not groups:
        return
    group = groups[0].id
    pos = head.end() + 1
    for line in text[pos:].split("\n"):
        m = _POP_LINE.match(line)
        if not m:
            break
        ids = st.gaz.lookup(m.group(1))
        if len(ids) == 1 and st.gaz.entries[ids[0]].label in ("Country", "Location"):
            start = pos + len(line) - len(line.lstrip())
            end = pos + len(line.rstrip())
            count = _num(m.group(2))
            q = Quantity(kind="count", value=count, unit="people", text=m.group(2))
            entity(st, ids[0], "Country", m.group(1))
            key = (group, "RESIDES_IN", ids[0], start)
            if key[:3] not in st.triples:
                st.triples.add(key[:3])
                st.facts[key] = Fact(
                    subject=group,
                    relation="RESIDES_IN",
                    object=ids[0],
                    quantities=[q],
                    rule="document:infobox-population",
                    confidence=RULES["document:infobox-population"].confidence,
                    evidence=Evidence(
                        doc_id=st.doc.id, sentence=text[start:end], start=start, end=end, date=st.doc.date,
                        date_source="document" if st.doc.date else None,
                    ),
                )
        pos += len(line) + 1




# -- the registry: names, confidences and examples of the rules in this module ---------------------------------

_VERB_RULE_BY_RELATION = {
    "INVESTS_IN": "verb:invest", "OPERATES_IN": "verb:operate", "SIGNS": "verb:sign", "DEVELOPS": "verb:develop",
    "SUPPLIES": "verb:supply", "PRODUCES": "verb:produce", "PARTNERS_WITH": "verb:cooperate",
    "TRADES_WITH": "verb:trade", "LEADS": "verb:lead", "VISITS": "verb:visit", "MEETS": "verb:meet",
    "ATTENDS": "verb:attend", "INVITES": "verb:invite", "RESIDES_IN": "verb:reside", "COVERS": "verb:cover",
    "PARTY_TO": "verb:announce", "BUILDS": "verb:build", "LENDS_TO": "verb:lend", "FINANCES": "verb:finance",
    "GRANTS_AID_TO": "verb:donate", "OWNS": "verb:own", "LAUNCHES": "verb:launch", "HOSTS": "verb:host",
    "LOCATED_IN": "verb:locate",
}
_RELATIONS_VERBS = frozenset({"establish", "open", "strengthen", "upgrade", "deepen"})


def verb_rule_name(lemma: str) -> str:
    if lemma in _RELATIONS_VERBS:
        return "verb:establish-relations"
    return _VERB_RULE_BY_RELATION[VERB_REL[lemma]]


for _name, _conf, _desc, _examples in (
    ("verb:invest", 0.85, "X invests in Y; investing in Y; in a country's industries", (
        ("Korean companies have invested about $70 million in the Kyrgyz economy since 1992.",
         [("South Korea", "INVESTS_IN", "Kyrgyzstan"), ("Korean companies", "INVESTS_IN", "Kyrgyzstan")]),
        ("Uzbekistan welcomes investors, Korea says. Korean companies such as Lotte Chemical and Daewoo International "
         "have invested in the country's chemical and textile industries.",
         [("Lotte Chemical", "INVESTS_IN", "Uzbekistan")]),
        ("LG Electronics and Artel signed an agreement to build a plant in Chirchik. The two companies will invest a "
         "combined US$145 million in the plant.", [("Artel", "INVESTS_IN", "plant")]),
        ("Samsung C&T will form a joint venture with Navoiyazot. Under the deal, signed by Samsung C&T Trading "
         "Division head Kim Min-su and Navoiyazot Chairman Bakhtiyor Ismoilov, Samsung C&T will hold 60 percent of "
         "the venture, to be called Navoi Green Chem. The two companies will invest $90 million in the plant.",
         [("Samsung C&T", "INVESTS_IN", "plant"), ("Navoiyazot", "INVESTS_IN", "plant")]),
        ("Among them is Daedong Precision Uzbekistan, a wholly owned subsidiary of Korean auto-parts maker Daedong "
         "Precision, which will invest $34 million in a brake-pad factory.",
         [("Daedong Precision Uzbekistan", "INVESTS_IN", "brake-pad factory")]),
        ("Hanwha Qcells announced plans to build a solar power plant in the Turkestan region. Hanwha had planned to "
         "invest about $280 million.", [("Hanwha", "INVESTS_IN", "solar power plant")]),
        ("Korean companies have put $1.1 billion into Kazakhstan's energy sector over the past five years.",
         [("Korean companies", "INVESTS_IN", "Kazakhstan")]),
        ("POSCO International plans to invest $300 million in a cotton processing cluster in Bukhara region.",
         [("POSCO International", "INVESTS_IN", "cotton processing cluster")]),
        ("Posco invested $1 billion in Kazakhstan in 2020.", [("POSCO", "INVESTS_IN", "Kazakhstan")]),
        ("South Korea had invested $8.6 billion in the Kazakh economy since 2005.",
         [("South Korea", "INVESTS_IN", "Kazakhstan")]),)),
    ("verb:works-awarded", 0.8, "'Construction has been awarded to X': X builds the paragraph's project; 'the road, "
     "awarded to X': X builds the road", (
        ("Hyundai Mobis opened a car components plant in Almaty on Tuesday. A 31 billion tenge construction contract "
         "was awarded in July 2023 to Hyundai Engineering.",
         [("Hyundai Engineering", "BUILDS", "car components plant")]),
        ("LG Electronics will build an air conditioner plant in Chirchik. Construction has been awarded to POSCO E&C.",
         [("POSCO E&C", "BUILDS", "air conditioner plant")]),
        ("LG Electronics will set up a plant near Tashkent.\n\nConstruction has been awarded to POSCO E&C, and the "
         "project will be backed by loans.", [("POSCO E&C", "BUILDS", "plant")]),
        ("KOMIPO signed a deal for a solar power plant in Jizzakh. It will come with a battery energy storage system."
         "\n\nADB will lend $150 million.\n\nThe engineering, procurement and construction (EPC) contract was "
         "awarded to Samsung C&T. Under the deal, the plant will supply its electricity to NEGU.",
         [("Samsung C&T", "BUILDS", "solar power plant")]),
        ("The Shymkent ring road, a 60km concession awarded last year to GS Engineering & Construction, opened in May.",
         [("GS Engineering & Construction", "BUILDS", "Shymkent ring road")]),
        ("The Nukus motorway, awarded to Hyundai Engineering & Construction in 2019, will open next year.",
         [("Hyundai Engineering & Construction", "BUILDS", "Nukus motorway")]),)),
    ("verb:operate", 0.8, "X operates / works / is active in Y; X sells / runs something in Y (people who work in a "
     "country also live there)", (
        ("The memorandum was signed with KIGAM, whose geologists have worked in Kazakhstan since 2017.",
         [("KIGAM", "OPERATES_IN", "Kazakhstan")]),
        ("About 4,000 Tajik citizens work in South Korea.",
         [("Tajik citizens", "RESIDES_IN", "South Korea"), ("Tajik citizens", "OPERATES_IN", "South Korea")]),
        ("About 4,000 citizens of Tajikistan currently work in the Republic of Korea.",
         [("Tajik citizens", "RESIDES_IN", "Republic of Korea")]),
        ("Lee described Kazakhstan as South Korea's largest trading partner in Central Asia and asked for continued "
         "support for Korean companies doing business there, including Samsung C&T and Hyundai Engineering & "
         "Construction, both of which operate in the country.",
         [("Samsung C&T", "OPERATES_IN", "Kazakhstan"), ("Hyundai Engineering & Construction", "OPERATES_IN",
                                                           "Kazakhstan")]),
        ("Some 800 Korean firms, among them Samsung Electronics and LG Electronics, operate in Kazakhstan.",
         [("Samsung Electronics", "OPERATES_IN", "Kazakhstan"), ("LG Electronics", "OPERATES_IN", "Kazakhstan")]),
        ("The King Sejong Institute Foundation runs eight King Sejong Institutes in Uzbekistan.",
         [("King Sejong Institute Foundation", "OPERATES_IN", "Uzbekistan")]),
        ("Hana Financial first entered Uzbekistan in 2019, and Shinhan Bank entered the Kazakh market in 2008.",
         [("Hana Financial", "OPERATES_IN", "Uzbekistan"), ("Shinhan Bank", "OPERATES_IN", "Kazakhstan")]),
        ("More than 1,000 Korean companies are registered in Uzbekistan today.",
         [("Korean companies", "OPERATES_IN", "Uzbekistan")]),
        ("Hyundai Trans Auto, which has assembled Hyundai cars in Almaty since 2020, will buy the parts.",
         [("Hyundai Trans Auto", "OPERATES_IN", "Almaty")]),
        ("LG Electronics, which has sold appliances in Uzbekistan since 1998, signed the deal.",
         [("LG Electronics", "OPERATES_IN", "Uzbekistan")]),
        ("Wooridul Spine Hospital, a Seoul-based private hospital chain, has run a clinic in Tashkent since 2022.",
         [("Wooridul Spine Hospital", "OPERATES_IN", "Tashkent")]),
        ("About 65,000 Uzbek citizens currently work in South Korea.",
         [("Uzbek citizens", "OPERATES_IN", "South Korea")]),
        ("Lotte operates in Uzbekistan.", [("Lotte", "OPERATES_IN", "Uzbekistan")]),
        ("The Kandym gas field is operated by Lukoil.", [("Lukoil", "OPERATES_IN", "Kandym gas field")]),
        ("POSCO International has been active in Uzbekistan since 1995.",
         [("POSCO International", "OPERATES_IN", "Uzbekistan")]),
        ("Kazakhstan, where Samsung C&T operates, is rich in uranium.",
         [("Samsung C&T", "OPERATES_IN", "Kazakhstan")]),)),
    ("verb:sign", 0.9, "X signs / concludes / renews an agreement (with Y): both sign it and partner", (
        ("Hyundai Rotem signed a contract worth $300 million with Uzbekistan Railways.",
         [("Uzbekistan Railways", "SIGNS", "contract"), ("Hyundai Rotem", "PARTNERS_WITH", "Uzbekistan Railways")]),
        ("Minister Ahn Duk-geun signed a memorandum of understanding on a critical minerals supply chain partnership "
         "with Bobir Islamov, Minister of Mining Industry and Geology of Uzbekistan.",
         [("Bobir Islamov", "SIGNS", "memorandum"), ("Ahn Duk-geun", "SIGNS", "memorandum")]),
        ("In the presence of Lee and Mirziyoyev, Korea Zinc and Uzbekistan's Almalyk Mining and Metallurgical "
         "Complex signed an agreement to build a tungsten plant.",
         [("Korea Zinc", "SIGNS", "agreement"), ("Almalyk Mining and Metallurgical Company", "SIGNS", "agreement")]),
        ("The leaders witnessed the signing of five documents. Also signed were a visa agreement and a memorandum "
         "under which the Korea Rural Community Corporation will help Uzbekistan's Ministry of Water Resources "
         "modernise canals.", [("Korea Rural Community Corporation", "SIGNS", "memorandum"),
                               ("Ministry of Water Resources", "SIGNS", "memorandum")]),
        ("Under a memorandum signed the same day, Kyung Hee University and the Samarkand State Institute of Foreign "
         "Languages agreed to set up a King Sejong Institute in Samarkand.",
         [("Kyung Hee University", "SIGNS", "memorandum"),
          ("Samarkand State Institute of Foreign Languages", "SIGNS", "memorandum")]),
        ("Under an offtake agreement signed in Seoul in April, Kundybai Rare Metals will sell its entire output of "
         "rare earth concentrate to POSCO International.", [("POSCO International", "SIGNS", "offtake agreement")]),
        ("Korea and Uzbekistan held talks in Seoul. Under a framework arrangement the two governments signed in 2022, "
         "Korea will lend up to $2 billion.",
         [("Korea", "SIGNS", "framework arrangement"), ("Uzbekistan", "SIGNS", "framework arrangement")]),
        ("KHNP has worked in Tajikistan since 2019, when it signed a memorandum on renewable energy with the "
         "Ministry of Energy and Water Resources.",
         [("Ministry of Energy and Water Resources", "SIGNS", "memorandum"),
          ("Korea Hydro & Nuclear Power", "PARTNERS_WITH", "Ministry of Energy and Water Resources")]),
        ("The 320-hectare park will be developed by Korea Land and Housing Corporation (LH) under an agreement it "
         "signed with the Fergana regional khokimiyat in December 2025.",
         [("Korea Land and Housing Corporation", "SIGNS", "agreement"),
          ("Fergana regional khokimiyat", "SIGNS", "agreement")]),
        ("The cities of Gyeongju and Bukhara renewed a sister-city agreement on Tuesday.",
         [("Gyeongju", "SIGNS", "sister-city agreement"), ("Bukhara", "PARTNERS_WITH", "Gyeongju")]),
        ("Five documents were signed. The other two were concluded between the Export-Import Bank of Korea and the "
         "Ministry of Finance of Kazakhstan, on a financing framework, and between Seoul National University Hospital "
         "and the Kazakh Ministry of Healthcare, on a rehabilitation centre.",
         [("Export-Import Bank of Korea", "PARTNERS_WITH", "Ministry of Finance of Kazakhstan"),
          ("Seoul National University Hospital", "PARTNERS_WITH", "Ministry of Healthcare")]),
        ("The delegation was led by the North Gyeongsang provincial government, which signed a memorandum with the "
         "Samarkand regional khokimiyat.",
         [("North Gyeongsang provincial government", "PARTNERS_WITH", "Samarkand regional khokimiyat")]),
        ("The Korea International Cooperation Agency (KOICA) and the Executive Body of State Power of Dushanbe on "
         "Thursday signed a record of discussions.",
         [("Executive Body of State Power of Dushanbe", "SIGNS", "record of discussions")]),
        ("Speaker of the Jogorku Kenesh Nurlanbek Shakiev met National Assembly Speaker Kim Jin-pyo in Seoul. The two "
         "speakers signed a memorandum of cooperation.",
         [("Nurlanbek Shakiev", "SIGNS", "memorandum"), ("Kim Jin-pyo", "SIGNS", "memorandum")]),
        ("GKITS and LG CNS signed a contract. Under the contract, signed on Tuesday by GKITS Chairman Bakyt "
         "Sharshembiev and LG CNS CEO Kim Young-sub, the Korean company will build a data centre in Bishkek.",
         [("Bakyt Sharshembiev", "SIGNS", "contract"), ("Kim Young-sub", "SIGNS", "contract")]),
        ("It follows a memorandum of understanding on digital cooperation signed in Seoul in April 2021 by the "
         "Turkmenaragatnashyk Agency and Korea's Ministry of Science and ICT.",
         [("Turkmenaragatnashyk Agency", "SIGNS", "memorandum"),
          ("Ministry of Science and ICT", "SIGNS", "memorandum")]),
        ("Korea Hydro & Nuclear Power (KHNP) signed a memorandum with Kazakhstan Nuclear Power Plants (KNPP) on "
         "training nuclear engineers.", [("Kazakhstan Nuclear Power Plants", "SIGNS", "memorandum")]),
        ("Hyundai Engineering, which signed a framework agreement with the state gas company Turkmengaz in June 2024, "
         "is still negotiating the final contract.", [("Turkmengaz", "SIGNS", "framework agreement")]),
        ("The project is carried out under a framework agreement on grant aid signed by KOICA and the Ministry of "
         "Foreign Affairs of Turkmenistan in Ashgabat in October 2022.",
         [("KOICA", "SIGNS", "framework agreement"),
          ("Ministry of Foreign Affairs", "SIGNS", "framework agreement")]),
        ("Tajikistan's Ministry of Industry and New Technologies and the Korea Mine Rehabilitation and Mineral "
         "Resources Corporation (KOMIR) signed a memorandum of understanding on joint exploration of lithium.",
         [("Ministry of Industry and New Technologies", "SIGNS", "memorandum")]),
        ("Uzbekistan and Korea held talks. Uzbekistan was represented by Bobir Islamov, Minister of Mining Industry "
         "and Geology. His ministry signed a memorandum last year with the Korea Institute of Geoscience and Mineral "
         "Resources (KIGAM).", [("Ministry of Mining Industry and Geology", "SIGNS", "memorandum")]),
        ("Kyrgyzstan and South Korea have renewed their memorandum of understanding on sending workers under the "
         "Employment Permit System (EPS).", [("Kyrgyzstan", "SIGNS", "memorandum")]),
        ("The two governments also exchanged 11 memorandums of understanding. One, on critical minerals supply chains, "
         "was signed between Korea's Ministry of Trade, Industry and Energy and Uzbekistan's Ministry of Mining "
         "Industry and Geology.", [("Ministry of Mining Industry and Geology", "SIGNS", "one memorandum")]),
        ("Rahmon paid a state visit to Seoul in April 2007 and met President Roh Moo-hyun. The two presidents signed a "
         "joint declaration on friendly relations.",
         [("Emomali Rahmon", "SIGNS", "declaration"), ("Roh Moo-hyun", "SIGNS", "declaration")]),
        ("Korea and Tajikistan held talks in Seoul. Their governments concluded an agreement on the avoidance of "
         "double taxation.", [("Tajikistan", "SIGNS", "agreement")]),
        ("In March, the Export-Import Bank of Korea signed a loan agreement with the Uzbek finance ministry.",
         [("Uzbek finance ministry", "SIGNS", "loan agreement")]),
        ("Korea and Kazakhstan signed an agreement on climate change cooperation on Monday. It was signed by "
         "Environment Minister Kim Sung-whan and Kazakh Vice Minister of Ecology Zhomart Aliyev.",
         [("Kim Sung-whan", "SIGNS", "agreement"), ("Zhomart Aliyev", "SIGNS", "agreement")]),
        ("K-water signed two memoranda of understanding in Astana on Tuesday. The first, signed by K-water CEO Yoon "
         "Seok-dae, commits the sides to cooperation. The second was concluded between K-water and Kazvodkhoz "
         "company.", [("Yoon Seok-dae", "SIGNS", "first memorandum"), ("Kazvodkhoz", "SIGNS", "second memorandum")]),
        ("The Ministry of Energy of the Kyrgyz Republic and Korea Water Resources Corporation (K-water) signed a "
         "memorandum of understanding on June 21.", [("Korea Water Resources Corporation", "SIGNS", "memorandum"),
                                                     ("Ministry of Energy", "SIGNS", "memorandum")]),
        ("The Almaty akimat cancelled a memorandum on a waste-to-energy plant that it had signed in 2022 with the "
         "Korea Environment Corporation.", [("Almaty akimat", "SIGNS", "memorandum"),
                                            ("Korea Environment Corporation", "SIGNS", "memorandum")]),
        ("Rustam Emomali, Chairman of the Dushanbe City Hukumat, received a delegation of the Seoul Metropolitan "
         "Government, and the two sides signed a memorandum of understanding on smart city development.",
         [("Dushanbe City Hukumat", "SIGNS", "memorandum"), ("Seoul Metropolitan Government", "SIGNS", "memorandum")]),
        ("Turkmenawtoyollary and the Korea Expressway Corporation concluded an agreement on road maintenance.",
         [("Turkmenawtoyollary", "SIGNS", "agreement"), ("Korea Expressway Corporation", "SIGNS", "agreement")]),
        ("Kyrgyzstan's cabinet approved a loan agreement with the Korea Eximbank. The deal follows a visit to Seoul "
         "in March 2025, during which the two governments signed a framework arrangement on EDCF lending.",
         [("South Korea", "SIGNS", "framework arrangement"), ("Kyrgyzstan", "SIGNS", "framework arrangement")]),
        ("Officials recalled the memorandum on critical minerals signed between Seoul's Ministry of Trade, Industry "
         "and Energy and Astana's Ministry of Industry and Construction in June last year.",
         [("Ministry of Trade, Industry and Energy", "SIGNS", "memorandum"),
          ("Ministry of Industry and Construction", "SIGNS", "memorandum")]),
        ("Woosong University will open a campus in Samarkand under an agreement signed in November 2025 between the "
         "university, the Ministry of Higher Education, Science and Innovation and the Samarkand regional khokimiyat.",
         [("Ministry of Higher Education, Science and Innovation", "SIGNS", "agreement"),
          ("Samarkand regional khokimiyat", "SIGNS", "agreement")]),
        ("The new hospital in Namangan will open in March, the Ministry of Health said on Tuesday. It has 400 beds. "
         "It cost $95 million. Its equipment came from Korea. Its staff were trained in Seoul. Under a memorandum "
         "signed with the ministry last year, Seoul National University Hospital will help manage the hospital.",
         [("Ministry of Health", "SIGNS", "memorandum"), ("Seoul National University Hospital", "SIGNS",
                                                           "memorandum")]),
        ("Tajikistan and Korea are partners. Grants are given under a framework agreement the two governments signed "
         "in 2019.", [("Tajikistan", "SIGNS", "framework agreement"), ("South Korea", "SIGNS", "framework agreement")]),
        ("The plant follows a memorandum of understanding on renewable energy cooperation that the governments of "
         "Uzbekistan and South Korea signed in 2021.", [("Uzbekistan", "SIGNS", "memorandum"),
                                                         ("South Korea", "SIGNS", "memorandum")]),
        ("The committee was co-chaired by Kyrgyz Minister of Economy Daniyar Amangeldiev and Korean Vice Minister Kim "
         "Ji-hoon.\n\nTrade grew by 12 percent last year.\n\nAt the end, the co-chairs signed the protocol of the "
         "session.", [("Daniyar Amangeldiev", "SIGNS", "protocol"), ("Kim Ji-hoon", "SIGNS", "protocol")]),
        ("President Sadyr Japarov held talks with President Yoon Suk Yeol in Seoul.\n\nAfter the talks, the "
         "Presidents signed a joint statement.", [("Sadyr Japarov", "SIGNS", "statement"),
                                                  ("Yoon Suk Yeol", "SIGNS", "statement")]),
        ("Kyrgyzstan joined the EPS in 2007, after the government signed a memorandum of understanding with the "
         "Ministry of Employment and Labor of Korea.", [("Kyrgyzstan", "SIGNS", "memorandum")]),
        ("The contract was signed Tuesday in Dushanbe by Kim Jae-hoon, head of KT's global business group, and Firuz "
         "Nazarzoda, director of the Communications Service.", [("Kim Jae-hoon", "SIGNS", "contract"),
                                                                ("Firuz Nazarzoda", "SIGNS", "contract")]),
        ("LH signed an agreement with the Fergana regional khokimiyat.",
         [("LH", "PARTNERS_WITH", "Fergana regional khokimiyat")]),
        ("Meanwhile, the Ministry of Energy said that a memorandum signed in 2024 with the Korean company Hyosan Power "
         "on a solar power plant had been cancelled.",
         [("Ministry of Energy", "SIGNS", "memorandum"), ("Hyosan Power", "SIGNS", "memorandum")]),
        ("Hyundai Engineering signed an agreement with Turkmengas.",
         [("Hyundai Engineering", "SIGNS", "agreement"), ("Turkmengas", "SIGNS", "agreement"),
          ("Hyundai Engineering", "PARTNERS_WITH", "Turkmengas")]),
        ("Kazakhstan's Ministry of Digital Development, Innovation and Aerospace Industry and South Korea's Ministry "
         "of Science and ICT have adopted a three-year roadmap.",
         [("Ministry of Digital Development, Innovation and Aerospace Industry", "SIGNS", "roadmap"),
          ("Ministry of Science and ICT", "SIGNS", "roadmap")]),
        ("Uzbekistan's Agency for External Labour Migration and the Human Resources Development Service of Korea "
         "have signed an agreement.",
         [("Agency for External Labour Migration", "PARTNERS_WITH", "Human Resources Development Service of Korea")]),
        ("Korea Western Power Co. will build a solar power plant near Balykchy under an investment agreement signed "
         "with the Kyrgyz Cabinet of Ministers on 22 July.",
         [("Korea Western Power Co.", "SIGNS", "investment agreement"),
          ("Korea Western Power Co.", "PARTNERS_WITH", "Cabinet of Ministers")]),
        ("Hyundai Engineering & Construction won a contract from Turkmenistan's State Road Agency. The contract was "
         "signed in Ashgabat by the agency and the Korean builder.",
         [("Hyundai Engineering & Construction", "SIGNS", "contract")]),
        ("The Uzbek Ministry of Digital Technologies and Korea's National IT Industry Promotion Agency signed a "
         "memorandum.", [("Ministry of Digital Technologies", "SIGNS", "memorandum")]),
        ("One memorandum of understanding came out of the trip, signed with Doosan Enerbility.",
         [("Doosan Enerbility", "SIGNS", "memorandum")]),
        ("South Korea and Kyrgyzstan held talks in Seoul. Kyrgyzstan hopes for more loans. During the visit, the two "
         "governments signed a framework arrangement on lending.",
         [("South Korea", "SIGNS", "framework arrangement"), ("Kyrgyzstan", "SIGNS", "framework arrangement")]),
        ("A deal between Hyundai Rotem and Uzbekistan Railways was signed in Tashkent.",
         [("Hyundai Rotem", "SIGNS", "deal"), ("Uzbekistan Railways", "SIGNS", "deal")]),
        ("Signing the agreement were Uzbek Energy Minister Jurabek Mirzamakhmudov and KEPCO CEO Kim Dong-cheol.",
         [("Jurabek Mirzamakhmudov", "SIGNS", "agreement"), ("Kim Dong-cheol", "SIGNS", "agreement")]),
        ("The memorandum, signed by KEPCO and Uzbekenergo on Monday, provides for grid modernisation.",
         [("KEPCO", "SIGNS", "memorandum"), ("Uzbekenergo", "SIGNS", "memorandum")]),
        ("Hyundai Rotem will supply trains to Uzbekistan, Hyundai Rotem said. The contract was signed on Monday "
         "with Uzbekistan Railways.",
         [("Hyundai Rotem", "SIGNS", "contract"), ("Uzbekistan Railways", "SIGNS", "contract"),
          ("Hyundai Rotem", "PARTNERS_WITH", "Uzbekistan Railways")]),
        ("On the sidelines of the forum, Turkmengas and Hyundai Engineering signed a memorandum.",
         [("Turkmengas", "SIGNS", "memorandum"), ("Hyundai Engineering", "SIGNS", "memorandum")]),
        ("KEPCO clinched a deal with Uzbekenergo to modernise the power grid.",
         [("KEPCO", "SIGNS", "deal"), ("Uzbekenergo", "SIGNS", "deal")]),
        ("Uzbekneftegaz signed a letter of intent with KOGAS.",
         [("Uzbekneftegaz", "SIGNS", "letter of intent"), ("KOGAS", "SIGNS", "letter of intent")]),
        ("The new plant rests on a letter of intent that Lotte Group Chairman Shin Dong-bin and Uzbek President "
         "Shavkat Mirziyoyev signed last year.", [("Shin Dong-bin", "SIGNS", "letter of intent"),
                                                  ("Shavkat Mirziyoyev", "SIGNS", "letter of intent")]),
        ("Samsung C&T signed a memorandum with Kazakhstan's national oil company.",
         [("Kazakhstan's national oil company", "SIGNS", "memorandum"),
          ("Samsung C&T", "PARTNERS_WITH", "Kazakhstan's national oil company")]),)),
    ("verb:develop", 0.85, "X develops / mines / explores / surveys Y", (
        ("Korea's Mirae Mining received a licence to explore for lithium at the Jilau-Sharq prospect in the Pamirs.",
         [("Mirae Mining", "DEVELOPS", "Jilau-Sharq prospect"), ("Mirae Mining", "DEVELOPS", "lithium")]),
        ("In Tajikistan, KIGAM is surveying the Takob II fluorite deposit in Sughd region.",
         [("KIGAM", "DEVELOPS", "Takob II fluorite deposit")]),
        ("KIGAM and Kazgeology will jointly study the Boguty tungsten deposit.",
         [("KIGAM", "DEVELOPS", "Boguty tungsten deposit")]),
        ("Kazgeology and KIGAM signed a memorandum in Astana. The parties also agreed to explore the Boguty tungsten "
         "deposit.", [("Kazgeology", "DEVELOPS", "Boguty tungsten deposit")]),
        ("Daebo Minerals and Kyrgyzaltyn agreed to explore the Kumbel gold and silver deposit together.",
         [("Daebo Minerals", "DEVELOPS", "Kumbel gold and silver deposit")]),
        ("Korea Zinc and Tau-Ken Samruk set up a joint venture, Shalkiya Metals, to develop the Shalkiya zinc deposit.",
         [("Shalkiya Metals", "DEVELOPS", "Shalkiya zinc deposit"), ("Korea Zinc", "DEVELOPS",
                                                                      "Shalkiya zinc deposit")]),
        ("One, on critical minerals supply chains, was signed between Korea's Ministry of Trade, Industry and Energy "
         "and Uzbekistan's Ministry of Mining Industry and Geology, under which the two sides will jointly explore "
         "tungsten, molybdenum and lithium deposits.",
         [("Ministry of Mining Industry and Geology", "DEVELOPS", "tungsten")]),
        ("Korea's Mirae Mining received a licence to explore for lithium at the Jilau-Sharq prospect.",
         [("Mirae Mining", "DEVELOPS", "lithium")]),
        ("South Korea and Uzbekistan will jointly explore for rare earth elements and tungsten.",
         [("Uzbekistan", "DEVELOPS", "tungsten"), ("South Korea", "DEVELOPS", "rare earth metals")]),
        ("Korea Zinc will develop lithium deposits in Kazakhstan.", [("Korea Zinc", "DEVELOPS", "lithium")]),
        ("KOMIR and Tau-Ken Samruk have agreed to set up a joint venture to develop the Boguty tungsten deposit in "
         "the Almaty region.", [("KOMIR", "DEVELOPS", "Boguty tungsten deposit"),
                                ("Tau-Ken Samruk", "DEVELOPS", "Boguty tungsten deposit")]),
        ("POSCO International, which has been developing the Surgil gas field since 2008, will expand it.",
         [("POSCO International", "DEVELOPS", "Surgil gas field")]),)),
    ("verb:output-to", 0.8, "a share of X's output is exported / shipped / sold to Z: X supplies Z", (
        ("The Balkanabat plant will make caustic soda. Part of its output is to be exported to neighbouring Iran "
         "and Afghanistan.", [("Balkanabat plant", "SUPPLIES", "Iran"), ("Balkanabat plant", "SUPPLIES",
                                                                           "Afghanistan")]),
        ("Hyosung will build a spinning plant in Khujand, most of whose output is to be exported to South Korea.",
         [("spinning plant", "SUPPLIES", "South Korea")]),
        ("The Balkanabat plant will make caustic soda. Part of the output will be sold to Afghanistan.",
         [("Balkanabat plant", "SUPPLIES", "Afghanistan")]),)),
    ("verb:together-with", 0.75, "X does something together with Y, or opens / launches / runs something with Y: X "
     "partners with Y", (
        ("KOICA launched the project together with the Ministry of Energy and Water Resources.",
         [("KOICA", "PARTNERS_WITH", "Ministry of Energy and Water Resources")]),
        ("Severance Hospital launched a telemedicine link with Astana Medical University last month.",
         [("Severance Hospital", "PARTNERS_WITH", "Astana Medical University")]),)),
    ("verb:output-bought", 0.8, "Y buys X's output / the output of X: X supplies Y", (
        ("The state power company Barqi Tojik will buy the entire output of the Fandarya hydropower plant.",
         [("Fandarya hydropower plant", "SUPPLIES", "Barqi Tojik")]),
        ("The Balykchy solar plant will produce 180 GWh a year, all of which will be bought by the National Energy "
         "Holding Company.", [("Balykchy solar plant", "SUPPLIES", "National Energy Holding Company")]),)),
    ("verb:supply", 0.8, "X supplies / provides / exports Y (to Z)", (
        ("The plant will supply modules to Hyundai Trans Kazakhstan's assembly line in Almaty.",
         [("plant", "SUPPLIES", "Hyundai Trans Kazakhstan")]),
        ("Under the deal, AMMC will ship 20,000 tons of copper concentrate a year to Korea Zinc's Onsan smelter in "
         "Ulsan.", [("Almalyk Mining and Metallurgical Company", "SUPPLIES", "Korea Zinc")]),
        ("The plant will run on ethane supplied by Tengizchevroil (TCO).", [("Tengizchevroil", "SUPPLIES", "ethane")]),
        ("LG Electronics supplied the ultrasound equipment for the new clinic.",
         [("LG Electronics", "SUPPLIES", "ultrasound equipment")]),
        ("Turkmenhimiya will build the plant, and Turkmengas will supply it with 1.2 billion cubic metres of natural "
         "gas a year.", [("Turkmengas", "SUPPLIES", "natural gas")]),
        ("The Korea International Cooperation Agency (KOICA) on Tuesday handed over medical equipment worth $3.2 "
         "million to the Republican Specialized Scientific and Practical Medical Centre of Pediatrics in Tashkent.",
         [("KOICA", "GRANTS_AID_TO", "Republican Specialized Scientific and Practical Medical Centre of Pediatrics")]),
        ("The Balkhash power plant would have met about 9% of Kazakhstan's total power demand.",
         [("Balkhash power plant", "SUPPLIES", "Kazakhstan")]),
        ("Kazatomprom has signed a long-term contract to supply natural uranium concentrate to Korea Hydro & "
         "Nuclear Power.", [("Kazatomprom", "SUPPLIES", "Korea Hydro & Nuclear Power")]),
        ("Uzbekistan exported cotton yarn worth $50 million to South Korea in 2023.",
         [("Uzbekistan", "SUPPLIES", "South Korea")]),
        ("Kazakhstan supplies uranium to South Korea.", [("Kazakhstan", "SUPPLIES", "uranium")]),
        ("KOICA delivered medical equipment worth $2 million to the Ministry of Health of Kyrgyzstan.",
         [("KOICA", "GRANTS_AID_TO", "Ministry of Health of Kyrgyzstan")]),)),
    ("verb:produce", 0.85, "X produces / manufactures / processes Y", (
        ("Kazzinc produces zinc.", [("Kazzinc", "PRODUCES", "zinc")]),
        ("Hyundai Engineering built the Kiyanly gas chemical complex on the Caspian coast in the Balkan velayat, which "
         "was commissioned in October 2018 and produces polyethylene and polypropylene.",
         [("Kiyanly gas chemical complex", "PRODUCES", "polyethylene")]),
        ("Hyundai Engineering will build a plant capable of producing 1.15 million tonnes of urea a year.",
         [("plant", "PRODUCES", "urea")]),
        ("The Turkmenabat plant opened in May. It is designed to turn out 350,000 tonnes of phosphate fertilizer "
         "a year.", [("Turkmenabat plant", "PRODUCES", "phosphate fertilizer")]),
        ("Uz-Kor Gas Chemical operates the Surgil gas chemical complex. The complex produces polyethylene.",
         [("Surgil gas chemical complex", "PRODUCES", "polyethylene")]),)),
    ("verb:cooperate", 0.85, "X cooperates / partners with Y (in Z)", (
        ("South Korean Foreign Minister Park Jin and his Uzbek counterpart, Bakhtiyor Saidov, held a dialogue in "
         "Seoul, agreeing to work together on critical minerals.",
         [("South Korea", "COOPERATES_IN", "critical minerals"), ("Uzbekistan", "COOPERATES_IN", "critical minerals")]),
        ("The Korean Education Centre in Bishkek works closely with the Association of Koreans of Kyrgyzstan.",
         [("Korean Education Centre", "PARTNERS_WITH", "Association of Koreans of Kyrgyzstan")]),
        ("President Yoon Suk Yeol and Uzbek President Shavkat Mirziyoyev held talks, agreeing to work together on "
         "critical minerals and supply chains.", [("South Korea", "COOPERATES_IN", "critical minerals"),
                                                 ("Uzbekistan", "COOPERATES_IN", "critical minerals")]),
        ("Under another memorandum, KEPCO and Kazakhstan's grid operator KEGOC agreed to cooperate on the "
         "modernization of substations.", [("KEPCO", "PARTNERS_WITH", "KEGOC")]),
        ("Uzbekistan cooperates with South Korea in healthcare.",
         [("Uzbekistan", "PARTNERS_WITH", "South Korea"), ("Uzbekistan", "COOPERATES_IN", "healthcare")]),
        ("KEPCO is working with Uzbekenergo on grid modernisation.", [("KEPCO", "PARTNERS_WITH", "Uzbekenergo")]),
        ("POSCO joined forces with Uzbekneftegaz on a gas chemical project.",
         [("POSCO", "PARTNERS_WITH", "Uzbekneftegaz")]),)),
    ("verb:establish-relations", 0.85, "X and Y establish / strengthen / upgrade relations or a partnership", (
        ("Kyrgyzstan and South Korea upgraded their relations to a strategic partnership.",
         [("Kyrgyzstan", "PARTNERS_WITH", "South Korea")]),)),
    ("verb:trade", 0.8, "X trades with Y", (
        ("Kazakhstan has long traded with South Korea.", [("Kazakhstan", "TRADES_WITH", "South Korea")]),)),
    ("verb:lead", 0.85, "X leads / heads / chairs / runs Y", (
        ("The Association of Koreans of Kyrgyzstan held its congress.\n\nThe association, founded in 1990 and headed "
         "since 2011 by businessman Eduard Lim, unites 14 regional branches.",
         [("Eduard Lim", "LEADS", "Association of Koreans of Kyrgyzstan")]),
        ("Kim Yong-won, who heads Samsung Electronics' business in Central Asia and the Caucasus, attended the launch.",
         [("Kim Yong-won", "WORKS_FOR", "Samsung Electronics")]),
        ("KOMIPO Tajikistan, headed by Choi Sung-ho, will run the plant.",
         [("Choi Sung-ho", "LEADS", "KOMIPO Tajikistan")]),
        ("Hana Financial Group registered a local subsidiary, Hana Fintech Uzbekistan LLC, in Tashkent. The unit is "
         "headed by Park Ji-won.", [("Park Ji-won", "LEADS", "Hana Fintech Uzbekistan LLC")]),
        ("The 20th meeting of the Kazakh-Korean Intergovernmental Commission was held in Astana. It was co-chaired by "
         "Deputy Prime Minister – Minister of National Economy Serik Zhumangarin and South Korea's First Vice Minister "
         "of Economy and Finance Yoon Jae-kwan.",
         [("Serik Zhumangarin", "LEADS", "20th meeting of the Kazakh-Korean Intergovernmental Commission")]),
        ("The tenth meeting of the Uzbek-Korean Intergovernmental Commission was held in Tashkent on Tuesday. It was "
         "co-chaired by Otabek Nurmatov and Park Sung-hoon.",
         [("Otabek Nurmatov", "LEADS", "tenth meeting of the Uzbek-Korean Intergovernmental Commission")]),
        ("The 17th meeting of the Kazakh-Korean Intergovernmental Commission was held in Astana. The meeting was "
         "co-chaired by Nurlan Baibazarov and Kim Hong-kyun.",
         [("Kim Hong-kyun", "LEADS", "17th meeting of the Kazakh-Korean Intergovernmental Commission")]),
        ("Kim Min-soo, who heads KOTRA, arrived on Monday.", [("Kim Min-soo", "LEADS", "KOTRA")]),
        ("Lotte Rakhat has been run by Akhmed Akhrarov since April.",
         [("Akhmed Akhrarov", "LEADS", "Lotte Rakhat")]),
        ("The Korea-Kazakhstan Business Council, co-chaired by Kim Jong-hoon and Timur Kulibayev, met in Seoul.",
         [("Kim Jong-hoon", "LEADS", "Korea-Kazakhstan Business Council"),
          ("Timur Kulibayev", "LEADS", "Korea-Kazakhstan Business Council")]),)),
    ("verb:visit", 0.9, "X visits / travels to / arrives in Y", (
        ("The parties discussed the state visit that President Sadyr Japarov will pay to Seoul in 2024.",
         [("Sadyr Japarov", "VISITS", "Seoul")]),
        ("Moon arrived on a state visit at the invitation of Shavkat Mirziyoyev, who had himself visited Seoul in "
         "November 2017.", [("Shavkat Mirziyoyev", "VISITS", "Seoul")]),
        ("Mirziyoyev's visit is part of an Asian tour that also took him to Japan and Singapore.",
         [("Mirziyoyev", "VISITS", "Japan"), ("Mirziyoyev", "VISITS", "Singapore")]),
        ("Speaker Nurlanbek Shakiev is on an official visit to the Republic of Korea. On Wednesday, the delegation "
         "travelled to Busan, where Shakiev met Mayor Park Heong-joon and toured the port.",
         [("Nurlanbek Shakiev", "VISITS", "Busan")]),
        ("The signing was witnessed by Minister of Industry and New Technologies Asset Issekeshev and Korea's "
         "Knowledge Economy Vice Minister Oh Jae-hoon, who was in the Kazakh capital for the ninth meeting of the "
         "Kazakh-Korean intergovernmental commission.", [("Oh Jae-hoon", "VISITS", "Astana")]),
        ("Daler Juma, who visited Dushanbe on Monday together with South Korea's Ambassador to Tajikistan, Kim "
         "Sang-woo, praised the plant.", [("Kim Sang-woo", "VISITS", "Dushanbe")]),
        ("Kim Min-seok, who arrived in the Kazakh capital on Tuesday for a three-day official visit, met Tokayev.",
         [("Kim Min-seok", "VISITS", "Astana")]),
        ("Shavkat Mirziyoyev visited South Korea in 2017.", [("Shavkat Mirziyoyev", "VISITS", "South Korea")]),
        # (the places of what is visited)
        ("President Tokayev visited the works of Hyundai Heavy Industries in Ulsan and the Korea Aerospace Research "
         "Institute in Daejeon.", [("Tokayev", "VISITS", "Ulsan"), ("Tokayev", "VISITS", "Daejeon")]),
        ("A delegation of the Korean National Assembly headed by Speaker Woo Won-shik visited Astana last week.",
         [("Woo Won-shik", "VISITS", "Astana")]),
        ("A delegation from Samsung visited Tashkent.", [("Samsung", "VISITS", "Tashkent")]),
        ("First Vice Minister Yoon Chang-ho will lead a delegation of 20 firms, including Korea Zinc, to Astana next "
         "week.", [("Yoon Chang-ho", "VISITS", "Astana")]),
        ("Tokayev, who arrived on Sunday, is the first Central Asian leader to visit South Korea.",
         [("Tokayev", "VISITS", "South Korea")]),)),
    ("verb:contain-reserves", 0.85, "a deposit, field or mine contains a mineral: it holds reserves of it", (
        ("The Maikhura tungsten deposit contains about 45,000 tons of tungsten trioxide.",
         [("Maikhura tungsten deposit", "HAS_RESERVES", "tungsten")]),
        ("The Bakennoye deposit lies in East Kazakhstan. The deposit is estimated to contain 110,000 tonnes of lithium "
         "oxide as well as tantalum.", [("Bakennoye deposit", "HAS_RESERVES", "lithium"),
                                        ("Bakennoye deposit", "HAS_RESERVES", "tantalum")]),)),
    ("verb:process-into", 0.85, "X processes / turns / converts A into B: X produces B", (
        ("The new plant in Khujand will process 20,000 tonnes of cotton fibre a year into yarn and denim fabric.",
         [("plant", "PRODUCES", "yarn")]),
        ("Turkmenhimiya's new methanol plant will turn natural gas into 1 million tonnes of methanol a year.",
         [("methanol plant", "PRODUCES", "methanol")]),)),
    ("noun:supply-contract", 0.75, "A and B sign a contract for the supply of goods: the Korean side supplies the "
     "other", (
        ("Hyundai Rotem and Uzbekistan Railways signed a contract for the supply of 42 high-speed train cars worth 270 "
         "billion won.", [("Hyundai Rotem", "SUPPLIES", "Uzbekistan Railways")]),
        ("In June, Uzbekistan Railways signed a $48 million contract with Hyundai Rotem for the supply of six "
         "electric locomotives.", [("Hyundai Rotem", "SUPPLIES", "Uzbekistan Railways")]),)),
    ("verb:meet", 0.9, "X meets / receives / talks with Y", (
        ("Foreign Minister Park Jin and his Uzbek counterpart, Bakhtiyor Saidov, held talks in Seoul. The Uzbek "
         "minister later met Minister of Employment and Labor Lee Jung-sik.",
         [("Bakhtiyor Saidov", "MEETS", "Lee Jung-sik")]),
        ("On Monday, Foreign Minister Saidov discussed the schedule of the summit preparations with Ambassador Moon "
         "Seung-hyun.", [("Saidov", "MEETS", "Moon Seung-hyun")]),
        ("Minister of Land Won Hee-ryong arrived in Ashgabat on Monday. President Serdar Berdimuhamedov received him. "
         "The guest also met Deputy Prime Minister Rashid Meredov.",
         [("Serdar Berdimuhamedov", "MEETS", "Won Hee-ryong"), ("Won Hee-ryong", "MEETS", "Rashid Meredov")]),
        ("ASHGABAT, May 4 (Orient). President of Turkmenistan Serdar Berdimuhamedow opened a school in Mary. Later "
         "the same day, the Head of State received Kwon Ji-hoon and Baek Seung-woo.",
         [("Serdar Berdimuhamedow", "MEETS", "Kwon Ji-hoon"), ("Serdar Berdimuhamedow", "MEETS", "Baek Seung-woo")]),
        ("The licence was handed to Hana Bank CEO Lee Ho-sung by CBU Governor Timur Ishmetov in Tashkent on Monday.",
         [("Timur Ishmetov", "MEETS", "Lee Ho-sung")]),
        ("Akylbek Japarov met a Hanwha Energy delegation on Monday.", [("Akylbek Japarov", "MEETS", "Hanwha Energy")]),
        ("Abdulaziz Kamilov met Minister of Trade, Industry and Energy Paik Un-gyu.",
         [("Abdulaziz Kamilov", "MEETS", "Paik Un-gyu")]),
        ("In Tashkent, outgoing Korean Ambassador Ahn Jae-hoon paid a farewell call on Uzbek Foreign Minister "
         "Bakhtiyor Saidov on Monday.", [("Ahn Jae-hoon", "MEETS", "Bakhtiyor Saidov")]),
        ("Foreign Minister Rashid Meredov arrived in Seoul. Meredov also met with the management of Hyundai "
         "Engineering, LX International and the Korea Gas Corporation (KOGAS).",
         [("Rashid Meredov", "MEETS", "Hyundai Engineering"), ("Rashid Meredov", "MEETS", "Korea Gas Corporation")]),
        ("Tajik Foreign Minister Sirojiddin Muhriddin held talks with the Vice Foreign Minister of Korea, Kim "
         "Jin-dong. Later the same day, the Korean diplomat was received by President Emomali Rahmon.",
         [("Emomali Rahmon", "MEETS", "Kim Jin-dong")]),
        ("Yoon Suk Yeol met Sadyr Japarov in Seoul.", [("Yoon Suk Yeol", "MEETS", "Sadyr Japarov")]),
        ("Park Sung-hoon led the Korean side. Park, who also met President Shavkat Mirziyoyev, said the talks went "
         "well.", [("Park Sung-hoon", "MEETS", "Shavkat Mirziyoyev")]),
        ("President Shavkat Mirziyoyev received a delegation led by Samsung Electronics Vice Chairman Lee Jae-yong.",
         [("Shavkat Mirziyoyev", "MEETS", "Lee Jae-yong")]),
        ("Tokayev received the Korean delegation headed by Prime Minister Han Duck-soo.",
         [("Tokayev", "MEETS", "Han Duck-soo")]),
        ("Mirziyoyev welcomed the Korean delegation led by Prime Minister Han Duck-soo to Tashkent.",
         [("Mirziyoyev", "MEETS", "Han Duck-soo")]),
        ("Mirziyoyev and Lee exchanged views on regional issues.", [("Mirziyoyev", "MEETS", "Lee")]),
        ("The meeting was co-chaired by Uzbek Investment Minister Laziz Kudratov and Korean Trade Minister Kim "
         "Jung-kwan.", [("Laziz Kudratov", "MEETS", "Kim Jung-kwan")]),)),
    ("verb:attend", 0.85, "X attends / takes part in / participates in / chairs an event", (
        ("The Uzbek-Korean investment forum opened in Tashkent on Monday. More than 40 companies from the two "
         "countries, including Lotte Chemical and Uzbekneftegaz, took part in it.",
         [("Lotte Chemical", "ATTENDS", "Uzbek-Korean investment forum"),
          ("Uzbekneftegaz", "ATTENDS", "Uzbek-Korean investment forum")]),
        ("The new terminal opened with a ceremony in Navoi on Friday. Deputy Prime Minister Jamshid Khodjaev and "
         "Ambassador Moon Seung-hyun were also present.",
         [("Jamshid Khodjaev", "ATTENDS", "ceremony"), ("Moon Seung-hyun", "ATTENDS", "ceremony")]),
        ("The forum opened in Tashkent. About 300 people attended the forum, including Deputy Minister Laziz "
         "Kudratov.", [("Laziz Kudratov", "ATTENDS", "forum")]),
        ("The opening ceremony was held on 22 April 2025. More than 100 executives and local officials attended the "
         "ceremony, among them KT&G CEO Bang Kyung-man and Almaty Mayor Yerbolat Dossayev.",
         [("Bang Kyung-man", "ATTENDS", "opening ceremony"), ("Yerbolat Dossayev", "ATTENDS", "opening ceremony")]),
        ("The Association of Koreans of Kazakhstan elected Vladimir Kan as its new president at its congress in "
         "Almaty on Saturday. The congress was attended by Kim Jin-hoon, South Korea's ambassador to Kazakhstan, and "
         "by Kwon Hyuk-jun.", [("Kim Jin-hoon", "ATTENDS", "congress"), ("Kwon Hyuk-jun", "ATTENDS", "congress")]),
        ("The Turkmen-Korean business forum was held in Ashgabat on Monday. The Korean delegation was headed by "
         "Minister of Trade, Industry and Energy Ahn Duk-geun.",
         [("Ahn Duk-geun", "ATTENDS", "Turkmen-Korean business forum")]),
        ("Kazakhstan and Uzbekistan joined the Minerals Security Partnership Forum in New York on Monday.\n\n"
         "Uzbekistan was represented by Bobir Islamov, Minister of Mining Industry and Geology.",
         [("Bobir Islamov", "ATTENDS", "Minerals Security Partnership Forum")]),
        ("The 14th Korea-Central Asia Cooperation Forum took place in Dushanbe on 24 November. Foreign ministers "
         "Mukhtar Tileuberdi of Kazakhstan and Ruslan Kazakbaev of Kyrgyzstan took part.",
         [("Mukhtar Tileuberdi", "ATTENDS", "Korea-Central Asia Cooperation Forum"),
          ("Ruslan Kazakbaev", "ATTENDS", "Korea-Central Asia Cooperation Forum")]),
        ("The ceremony was attended by Health Minister Asilbek Khudoyberdiyev, Ambassador of the Republic of Korea to "
         "Uzbekistan Park Jong-seok and Lee Min-ji, country director of KOICA's Uzbekistan office.",
         [("Park Jong-seok", "ATTENDS", "ceremony"), ("Lee Min-ji", "ATTENDS", "ceremony")]),
        ("The ceremony was attended by Minister of Investment, Industry and Trade Sardor Umarov, Fergana region khokim "
         "Dilshod Yusupov and LH President Kang Dong-sik.",
         [("Sardor Umarov", "ATTENDS", "ceremony"), ("Kang Dong-sik", "ATTENDS", "ceremony")]),
        ("The factory began production on Thursday. The opening was attended by Deputy Prime Minister Nodir Aliev "
         "and by Park Sang-woo, who heads the Korean firm's regional office.",
         [("Nodir Aliev", "ATTENDS", "opening"), ("Park Sang-woo", "ATTENDS", "opening")]),
        ("Representatives of 50 Korean companies took part in the Tashkent Investment Forum.",
         [("Korean companies", "ATTENDS", "Tashkent Investment Forum")]),
        ("Shavkat Mirziyoyev will visit Seoul next year for the first Korea-Central Asia summit.",
         [("Shavkat Mirziyoyev", "ATTENDS", "Korea-Central Asia summit")]),
        ("Kassym-Jomart Tokayev attended the C5+K Summit.", [("Kassym-Jomart Tokayev", "ATTENDS", "C5+K Summit")]),
        ("The theatre marked its 90th anniversary with a gala concert in Almaty on Friday. The evening was attended by "
         "Kazakhstan's Minister of Culture and Sports Dauren Abayev.",
         [("Dauren Abayev", "ATTENDS", "gala concert")]),
        ("President Lee Jae-myung on June 9 hosted the first Korea-Central Asia Summit in Seoul, bringing together the "
         "leaders of the five Central Asian nations.\n\nAttending were President Kassym-Jomart Tokayev of Kazakhstan, "
         "President Shavkat Mirziyoyev of Uzbekistan and President Sadyr Japarov of Kyrgyzstan.",
         [("Kassym-Jomart Tokayev", "ATTENDS", "Korea-Central Asia Summit"),
          ("Sadyr Japarov", "ATTENDS", "Korea-Central Asia Summit")]),
        ("Cho Tae-yul chaired the Korea-Central Asia Cooperation Forum.",
         [("Cho Tae-yul", "ATTENDS", "Korea-Central Asia Cooperation Forum")]),
        ("Attending the Tashkent Investment Forum were Kim Kwang-jae, Ambassador of Korea to Kyrgyzstan; Meder "
         "Mashiev, the ecology minister; and Lim So Yeon, country director of KOICA.",
         [("Kim Kwang-jae", "ATTENDS", "Tashkent Investment Forum")]),)),
    ("verb:invite", 0.85, "X invites Y", (
        ("Lee reiterated his invitation to Mirziyoyev to attend the summit.",
         [("Lee", "INVITES", "Shavkat Mirziyoyev")]),
        ("Serdar Berdimuhamedov reaffirmed his invitation to President Yoon Suk Yeol to pay a state visit to "
         "Turkmenistan.", [("Serdar Berdimuhamedow", "INVITES", "Yoon Suk Yeol")]),
        ("Nurlanbek Shakiev is on an official visit to the Republic of Korea at the invitation of National Assembly "
         "Speaker Kim Jin-pyo.", [("Kim Jin-pyo", "INVITES", "Nurlanbek Shakiev")]),
        ("Ambassador Kim Jung-hoon also conveyed an invitation from President Lee Jae-myung to President "
         "Kassym-Jomart Tokayev to visit Seoul.", [("Lee Jae-myung", "INVITES", "Kassym-Jomart Tokayev")]),
        ("Sadyr Japarov invited Yoon Suk Yeol to Bishkek.", [("Sadyr Japarov", "INVITES", "Yoon Suk Yeol")]),
        ("President Lee Jae-myung met Serdar Berdimuhamedow in Seoul. Berdimuhamedow, for his part, invited Lee to "
         "visit Turkmenistan next year.", [("Serdar Berdimuhamedow", "INVITES", "Lee Jae-myung")]),
        ("Lee Jae-myung extended an invitation to Tokayev to visit Seoul.",
         [("Lee Jae-myung", "INVITES", "Tokayev")]),
        ("At the invitation of President Tokayev, President Lee Jae-myung paid a state visit to Kazakhstan.",
         [("Tokayev", "INVITES", "Lee Jae-myung")]),)),
    ("verb:reside", 0.85, "a community or person lives / settles / moves / numbers N in Y", (
        ("About 17,000 ethnic Koreans live in Kyrgyzstan, most of them in Bishkek and the Chui region.",
         [("ethnic Koreans", "RESIDES_IN", "Bishkek"), ("ethnic Koreans", "RESIDES_IN", "Chui region")]),
        ("Some 500,000 Koryo-saram live in the former Soviet Union today, including about 180,000 in Uzbekistan and "
         "110,000 in Kazakhstan. Another 80,000 have settled in Korea, many of them in Goryeoin Village in Gwangju.",
         [("Koryo-saram", "RESIDES_IN", "Kazakhstan"), ("Koryo-saram", "RESIDES_IN", "South Korea"),
          ("Koryo-saram", "RESIDES_IN", "Goryeoin Village")]),
        ("Many Koryo-saram still live in Uzbekistan today.", [("Koryo-saram", "RESIDES_IN", "Uzbekistan")]),
        ("Kyrgyzstan joined the Employment Permit System in 2007.[8] About 17,000 Koryo-saram live in Kyrgyzstan, "
         "and a King Sejong Institute operates at Bishkek State University.",
         [("Koryo-saram", "RESIDES_IN", "Kyrgyzstan")]),
        ("About 9,500 Kyrgyz citizens now live and work in South Korea under the system.",
         [("Kyrgyz citizens", "RESIDES_IN", "South Korea")]),
        ("In 1937 the Koryo-saram were deported to Central Asia.", [("Koryo-saram", "RESIDES_IN", "Central Asia")]),
        ("Ethnic Koreans number about 180,000 in Uzbekistan.", [("Koryo-saram", "RESIDES_IN", "Uzbekistan")]),
        ("About 100,000 Koryo-saram live in Kazakhstan's Almaty region.",
         [("Koryo-saram", "RESIDES_IN", "Almaty region")]),
        ("The Koryo-saram are ethnic Koreans living in the post-Soviet states.",
         [("Koryo-saram", "RESIDES_IN", "post-Soviet states")]),
    )),
    ("verb:cover", 0.85, "an agreement covers / includes / provides for Y", (
        ("The memorandum covers lithium and cobalt.",
         [("memorandum", "COVERS", "lithium"), ("memorandum", "COVERS", "cobalt")]),)),
    ("verb:announce", 0.8, "X announces / launches / unveils a programme, or approves / ratifies an agreement (with "
     "Y), it is party to", (
        ("South Korea announced the K-Silk Road initiative.",
         [("South Korea", "PARTY_TO", "K-Silk Road initiative")]),
        # ("the six leaders": as many leaders of countries as the text has named)
        ("President Lee Jae-myung hosted the first Korea-Central Asia Summit in Seoul.\n\nAttending were President "
         "Kassym-Jomart Tokayev of Kazakhstan, President Shavkat Mirziyoyev of Uzbekistan, President Sadyr Japarov of "
         "Kyrgyzstan, President Emomali Rahmon of Tajikistan and President Serdar Berdimuhamedov of Turkmenistan.\n\n"
         "The six leaders adopted the Seoul Declaration.",
         [("South Korea", "PARTY_TO", "Seoul Declaration"), ("Kazakhstan", "PARTY_TO", "Seoul Declaration"),
          ("Turkmenistan", "PARTY_TO", "Seoul Declaration")]),
        ("The Cabinet of Ministers of Kyrgyzstan has approved an agreement with the Korea Eximbank on a loan.",
         [("Cabinet of Ministers of Kyrgyzstan", "PARTY_TO", "agreement"),
          ("Korea Eximbank", "PARTY_TO", "agreement")]),
        ("President Tokayev held talks with President Lee Jae-myung. The two leaders issued a joint statement on "
         "a strategic partnership.", [("Kazakhstan", "PARTY_TO", "statement"),
                                      ("South Korea", "PARTY_TO", "statement")]),)),
    ("verb:build", 0.85, "X builds / constructs / completes a project (planned when intended); an aid agency "
     "carrying out its grant project gives aid to it", (
        ("The ministry and the Government of Gyeongsangbuk-do signed a memorandum on the construction of a smart farm "
         "complex in the Tyup district. The Kyrgyz side will provide land and 120 million som for engineering "
         "networks. The complex will be built by the Korean company Gyeongbuk Agritech.",
         [("Gyeongbuk Agritech", "BUILDS", "smart farm complex")]),
        ("Hanwha Energy will build a solar power plant in Issyk-Kul region.",
         [("Hanwha Energy", "PLANS_TO_BUILD", "solar power plant"), ("Hanwha Energy", "BUILDS", "solar power plant")]),
        ("The traffic management system was installed by LG CNS in 2024.",
         [("LG CNS", "BUILDS", "traffic management system")]),
        # (the signers of an agreement to build are to build)
        ("In the presence of Tokayev and Lee, POSCO International and Kazakhstan's Tau-Ken Samruk signed a $150 "
         "million agreement to build a tungsten concentrator in Karaganda.",
         [("POSCO International", "PLANS_TO_BUILD", "tungsten concentrator"),
          ("Tau-Ken Samruk", "PLANS_TO_BUILD", "tungsten concentrator")]),
        ("Daewoo E&C said on Monday that it had signed a $900 million contract with Kazakhstan's state-run oil company "
         "KazMunayGas to build a polymer plant in Atyrau.", [("Daewoo E&C", "BUILDS", "polymer plant")]),
        ("Korea Zinc and Tau-Ken Samruk set up a joint venture, Qazaq Tungsten Resources. The venture plans to build a "
         "plant that will turn out 2,000 tons of ammonium paratungstate.",
         [("Qazaq Tungsten Resources", "PLANS_TO_BUILD", "plant")]),
        ("POSCO International will hold a 49 percent stake in the venture with AMMC. The venture plans to build a "
         "tungsten processing plant in Samarkand region.",
         [("venture", "PLANS_TO_BUILD", "tungsten processing plant")]),
        ("Lotte Chemical will supply catalysts to a polymer plant to be built by Uzbekneftegaz in Bukhara region.",
         [("Uzbekneftegaz", "PLANS_TO_BUILD", "polymer plant")]),
        ("The delegation toured the cement plant in Navoi, Navoi region, built by Hyundai Engineering & Construction "
         "in 2012.", [("Hyundai Engineering & Construction", "BUILDS", "cement plant")]),
        ("The Samarkand children's hospital opened in May.\n\nConstruction was carried out by Hyundai Engineering & "
         "Construction between 2021 and 2023.", [("Hyundai Engineering & Construction", "BUILDS", "hospital")]),
        ("The parties praised the work of the gas chemical complex at Kiyanly in the Balkan velayat, built in 2018 by "
         "LG International and Hyundai Engineering together with Toyo Engineering.",
         [("LG International", "BUILDS", "gas chemical complex"), ("Toyo Engineering", "BUILDS",
                                                                     "gas chemical complex")]),
        ("Turkmentelecom, the state telecommunications company, signed a contract with South Korea's KT Corporation to "
         "upgrade the national fibre-optic backbone and to build a data centre in Ashgabat.",
         [("KT Corporation", "BUILDS", "data centre")]),
        ("Uzbekistan's Ministry of Digital Technologies signed a memorandum with Korea's KT Corp on building two data "
         "centres in Tashkent.", [("KT Corp", "PLANS_TO_BUILD", "data centres")]),
        ("The plant is the Balkhash thermal power plant, which is to be built by a consortium of Samsung C&T and the "
         "Korea Electric Power Corporation (KEPCO).",
         [("Samsung C&T", "PLANS_TO_BUILD", "Balkhash power plant"),
          ("KEPCO", "PLANS_TO_BUILD", "Balkhash power plant")]),
        ("The ministry is studying a proposal by Hyundai Engineering & Construction to build a gas-to-gasoline plant "
         "in Ahal region.", [("Hyundai Engineering & Construction", "PLANS_TO_BUILD", "plant")]),
        ("Korea Zinc and Tau-Ken Samruk set up a joint venture. The partners plan to build a concentrator at the site "
         "by 2029.", [("Tau-Ken Samruk", "PLANS_TO_BUILD", "concentrator")]),
        ("Hyundai Engineering intends to open a training centre for Turkmen engineers in Ashgabat next year.",
         [("Hyundai Engineering", "PLANS_TO_BUILD", "training centre")]),
        ("The sides discussed the Cholpon-Ata resort complex on the shore of Lake Issyk-Kul, which is being built by "
         "the Korean developer Hanil Resort Development.",
         [("Hanil Resort Development", "BUILDS", "Cholpon-Ata resort complex")]),
        ("KOICA will provide an $8.7 million grant for a drinking water project in the Chimbay district of "
         "Karakalpakstan. The work will be carried out by the Korea Rural Community Corporation (KRC).",
         [("Korea Rural Community Corporation", "BUILDS", "drinking water project")]),
        ("Samsung announced plans to build a factory in Tashkent.", [("Samsung", "PLANS_TO_BUILD", "factory")]),
        ("LX International has agreed to form a joint venture with NMMC to build a magnet plant in Navoi.",
         [("LX International", "PLANS_TO_BUILD", "magnet plant")]),
        ("Doosan Enerbility is building a power plant in Turkestan.",
         [("Doosan Enerbility", "BUILDS", "power plant"), ("power plant", "LOCATED_IN", "Turkestan")]),
        ("Hyundai Engineering, which previously built the Kiyanly polyethylene and polypropylene complex with LG "
         "International, won the deal.",
         [("Hyundai Engineering", "BUILDS", "Kiyanly polyethylene and polypropylene complex"),
          ("LX International", "BUILDS", "Kiyanly polyethylene and polypropylene complex")]),
        ("A $500 million contract to build a cement plant in Uzbekistan has gone to Hyundai Engineering.",
         [("Hyundai Engineering", "BUILDS", "cement plant")]),
        ("The Kungrad soda plant, which Hyundai Engineering built in 2018, supplies soda ash to Kazakhstan.",
         [("Hyundai Engineering", "BUILDS", "Kungrad soda plant")]),
        ("Deals were concluded at the event, among them an agreement under which Lotte Chemical will build a PET "
         "film factory.", [("Lotte Chemical", "PLANS_TO_BUILD", "PET film factory")]),
        ("KOTRA and Uzbekneftegaz signed a memorandum last month to set up a testing centre in Samarkand.",
         [("KOTRA", "PLANS_TO_BUILD", "testing centre")]),
        ("Hyundai Engineering and LX International, which built the Kiyanly polymer plant in 2018, will lead the "
         "project.", [("Hyundai Engineering", "BUILDS", "Kiyanly polymer plant"),
                      ("LX International", "BUILDS", "Kiyanly polymer plant")]),)),
    ("verb:hold", 0.85, "X and Y hold talks; X has reserves of Y; an event is held in Y; X celebrates an event", (
        ("Presidents Shavkat Mirziyoyev and Moon Jae-in held talks in narrow and extended formats at the Kuksaroy "
         "residence in Tashkent on 19 April.", [("Moon Jae-in", "MEETS", "Shavkat Mirziyoyev")]),
        ("On Monday, Minister of Energy Zhurabek Mirzamakhmudov held a meeting in Tashkent with a delegation of the "
         "Korea Electric Power Corporation (KEPCO).", [("Zhurabek Mirzamakhmudov", "MEETS", "KEPCO")]),
        ("The Yoloten field, which holds some 4 trillion cubic metres of gas, lies in Mary province.",
         [("Yoloten field", "HAS_RESERVES", "natural gas")]),
        ("Kyrgyzstan possesses large reserves of gold, antimony and tin.",
         [("Kyrgyzstan", "HAS_RESERVES", "gold"), ("Kyrgyzstan", "HAS_RESERVES", "antimony")]),
        ("The Korea International Cooperation Agency (KOICA) and the Ministry of Health of the Kyrgyz Republic held a "
         "completion ceremony in Bishkek on 24 November.",
         [("Korea International Cooperation Agency", "HOSTS", "completion ceremony"),
          ("Ministry of Health of the Kyrgyz Republic", "HOSTS", "completion ceremony")]),
        ("Hyundai Engineering is building a plant at the Galkynysh field, which holds gas reserves of 13.1 trillion "
         "cubic meters.", [("Galkynysh field", "HAS_RESERVES", "natural gas")]),
        ("The ministers discussed preparations for the tenth Korea-Central Asia Cooperation Forum to be held in Seoul "
         "in November.", [("Korea-Central Asia Cooperation Forum", "LOCATED_IN", "Seoul")]),
        ("Energy Minister Kanat Bozumbayev opened the plant. The minister later held talks with a Samsung "
         "Engineering delegation.", [("Kanat Bozumbayev", "MEETS", "Samsung Engineering")]),
        ("Cho Tae-yul held political consultations with First Deputy Foreign Minister Nizomiddin Zohidi.",
         [("Cho Tae-yul", "MEETS", "Nizomiddin Zohidi")]),
        ("Kim arrived in Astana on Monday to attend the Kazakh-Korean Business Forum.",
         [("Kazakh-Korean Business Forum", "LOCATED_IN", "Astana")]),
        ("The Kundybai rare earth deposit in Kostanay region holds an estimated 110,000 tonnes of rare earth oxides.",
         [("Kundybai rare earth deposit", "HAS_RESERVES", "rare earth metals")]),
        ("On October 18, Ashgabat hosted the sixth meeting of the Turkmen-Korean Intergovernmental Committee.",
         [("sixth meeting of the Turkmen-Korean Intergovernmental Committee", "LOCATED_IN", "Ashgabat")]),
        ("Trade was discussed at the 15th meeting of the Kazakh-Korean Intergovernmental Committee, which met in "
         "Astana in 2022.", [("15th meeting of the Kazakh-Korean Intergovernmental Committee", "LOCATED_IN",
                              "Astana")]),
        ("The tenth meeting of the Uzbek-Korean Intergovernmental Commission was held in Tashkent on Tuesday.",
         [("tenth meeting of the Uzbek-Korean Intergovernmental Commission", "LOCATED_IN", "Tashkent")]),
        ("President Lee Jae-myung held phone talks with Kazakh President Kassym-Jomart Tokayev on Tuesday and agreed "
         "to expand cooperation in critical minerals, energy and infrastructure.",
         [("Lee Jae-myung", "MEETS", "Kassym-Jomart Tokayev")]),
        ("The Zhaksy-Tau deposit holds an estimated 1.1 million tonnes of tungsten trioxide.",
         [("Zhaksy-Tau deposit", "HAS_RESERVES", "tungsten")]),
        ("Tokayev and Yoon held talks in Astana.", [("Kassym-Jomart Tokayev", "MEETS", "Yoon Suk Yeol")]),
        ("Foreign Minister Cho Hyun and his Kazakh counterpart, Murat Nurtleu, held the first strategic dialogue "
         "between the two countries' foreign ministers in Seoul on Wednesday.",
         [("Cho Hyun", "MEETS", "Murat Nurtleu"), ("Cho Hyun", "ATTENDS", "strategic dialogue"),
          ("strategic dialogue", "LOCATED_IN", "Seoul")]),
        ("Kim Jina and Rashid Meredov co-chaired the 6th Korea-Turkmenistan Joint Committee on Economic Cooperation "
         "in Seoul on March 4.", [("6th Korea-Turkmenistan Joint Committee on Economic Cooperation", "LOCATED_IN",
                                   "Seoul")]),
        ("A licence was granted for the Sarybulak block. The 300-square-kilometre block holds copper and zinc, "
         "along with indium.", [("Sarybulak block", "HAS_RESERVES", "copper"), ("Sarybulak block", "HAS_RESERVES",
                                                                             "zinc"),
                                ("Sarybulak block", "HAS_RESERVES", "indium")]),
        ("The Association of Koreans in Kazakhstan (AKK) celebrated its 35th anniversary.",
         [("Association of Koreans in Kazakhstan", "HOSTS", "anniversary")]),
        ("The Tashkent Investment Forum was held at the Congress Hall in Tashkent.",
         [("Tashkent Investment Forum", "LOCATED_IN", "Congress Hall"),
          ("Tashkent Investment Forum", "LOCATED_IN", "Tashkent")]),
        ("Lee accepted an invitation to attend the first Korea-Central Asia summit, to be held in Astana next year.",
         [("Korea-Central Asia summit", "LOCATED_IN", "Astana")]),
        ("President Lee Jae-myung held a summit with visiting Kyrgyz President Sadyr Japarov on Wednesday.",
         [("Lee Jae-myung", "ATTENDS", "summit"), ("Sadyr Japarov", "ATTENDS", "summit")]),)),
    ("noun:agreement-between", 0.8, "an agreement between A and B: both sign it and partner", (
        ("Among them was an agreement between Uzbekneftegaz and Korea National Oil Corporation on exploration.",
         [("Uzbekneftegaz", "SIGNS", "agreement"), ("Korea National Oil Corporation", "SIGNS", "agreement"),
          ("Uzbekneftegaz", "PARTNERS_WITH", "Korea National Oil Corporation")]),)),
    ("noun:producer", 0.8, "X is a producer / maker / exporter of Y", (
        ("Kazakhstan is the world's largest producer of uranium.", [("Kazakhstan", "PRODUCES", "uranium")]),
        ("Kazatomprom, the largest exporter of uranium, signed the contract.",
         [("Kazatomprom", "SUPPLIES", "uranium")]),)),
    ("noun:joint-venture-of", 0.75, "X is a joint venture between / of A and B (or that A and B set up): A and B "
     "hold stakes in X", (
        ("Shymkent Chemicals is a joint venture that Lotte Chemical and the Kazakh holding Samruk-Kazyna set up in "
         "2019.", [("Lotte Chemical", "HOLDS_STAKE_IN", "Shymkent Chemicals"),
                   ("Samruk-Kazyna", "HOLDS_STAKE_IN", "Shymkent Chemicals"),
                   ("Lotte Chemical", "PARTNERS_WITH", "Samruk-Kazyna")]),
        ("Uz-Kor Gas Chemical is a joint venture between Uzbekneftegaz and a consortium led by Korea Gas "
         "Corporation and Lotte Chemical.",
         [("Uzbekneftegaz", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical"),
          ("KOGAS", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical"),
          ("Lotte Chemical", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical")]),
        ("Uz-Kor Gas Chemical, a joint venture of Uzbekneftegaz and KOGAS, operates the complex.",
         [("Uzbekneftegaz", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical"),
          ("Uzbekneftegaz", "PARTNERS_WITH", "KOGAS")]),)),
    ("verb:import", 0.8, "X imports / buys / orders Y from Z: Z supplies Y and X", (
        ("South Korea currently imports about 90 percent of its rare earths from China.",
         [("China", "SUPPLIES", "rare earth metals"), ("China", "SUPPLIES", "South Korea")]),
        ("LS MnM, which has bought copper concentrate from KAZ Minerals' Aktogay mine since 2021, signed.",
         [("KAZ Minerals", "SUPPLIES", "LS MnM")]),
        ("Korean spinners buy raw cotton from Uzbekistan.", [("Uzbekistan", "SUPPLIES", "cotton")]),
        ("South Korea imports uranium from Kazakhstan.",
         [("Kazakhstan", "SUPPLIES", "uranium"), ("Kazakhstan", "SUPPLIES", "South Korea")]),
        ("Kazakhstan Temir Zholy ordered 20 locomotives from Hyundai Rotem.",
         [("Hyundai Rotem", "SUPPLIES", "Kazakhstan Temir Zholy")]),
        ("KOMIR will buy up to 15,000 tons of spodumene concentrate a year from Shalgiya Lithium.",
         [("Shalgiya Lithium", "SUPPLIES", "KOMIR")]),
        ("Kazatomprom is ready to sign a long-term contract to supply natural uranium to Korea Hydro & Nuclear Power "
         "(KHNP), which already buys about a fifth of its uranium from Kazakhstan.",
         [("Kazakhstan", "SUPPLIES", "KHNP")]),)),
    ("noun:in-charge-of", 0.8, "X (is) in charge of Y: X leads Y", (
        ("Beibut Atamkulov, then in charge of the Ministry of Industry and Infrastructure Development, spoke.",
         [("Beibut Atamkulov", "LEADS", "Ministry of Industry and Infrastructure Development")]),)),
    ("noun:in-presence-of", 0.8, "an event took place in the presence of X: X attends it", (
        ("The ceremony was held in Astana in the presence of Prime Minister Olzhas Bektenov and Korean "
         "Ambassador Kim Jong-han.", [("Olzhas Bektenov", "ATTENDS", "ceremony"),
                                      ("Kim Jong-han", "ATTENDS", "ceremony")]),)),
    ("noun:participants", 0.75, "X was among the participants / guests included X: X attends the event named", (
        ("The KOICA held a forum in Bishkek. Cho Tae-ick was among the participants.",
         [("Cho Tae-ick", "ATTENDS", "forum")]),
        ("The Tashkent Investment Forum opened on Monday. Guests included Kim Yong-hwan and Lee Sang-min.",
         [("Kim Yong-hwan", "ATTENDS", "Tashkent Investment Forum"),
          ("Lee Sang-min", "ATTENDS", "Tashkent Investment Forum")]),)),
    ("verb:take-place", 0.85, "an event takes place in Y", (
        ("According to the ambassador, the two countries held three business forums in three years; the most recent "
         "took place in Dushanbe on 19-20 June 2023.", [("business forums", "LOCATED_IN", "Dushanbe")]),
        ("The Tashkent Investment Forum took place in Tashkent.",
         [("Tashkent Investment Forum", "LOCATED_IN", "Tashkent")]),
        ("The Korea-Central Asia summit scheduled in Seoul will be the first.",
         [("Korea-Central Asia summit", "LOCATED_IN", "Seoul")]),)),
    ("verb:event-place", 0.8, "an event does something in Y: it takes place in Y; a project opened in Y is there", (
        ("A Korean-language training center for EPS candidates, built with a grant of 1.2 billion won from the Korea "
         "International Cooperation Agency (KOICA), opened in Osh last October.",
         [("Korean-language training center", "LOCATED_IN", "Osh")]),
        ("The Turkmen-Korean Business Forum closed in Ashgabat on Friday.",
         [("Turkmen-Korean Business Forum", "LOCATED_IN", "Ashgabat")]),
        ("The 12th Kazakhstan-Korea Business Forum, which opened in Almaty on Tuesday, drew 300 companies.",
         [("Kazakhstan-Korea Business Forum", "LOCATED_IN", "Almaty")]),)),
    ("noun:stage-restated", 0.8, "'the halt', 'the completion' with a project: the stage reported before, again", (
        ("Hyundai Engineering has suspended construction of the Kungrad soda plant. The halt throws a question mark "
         "over the $400 million plant.",
         [("Hyundai Engineering", "BUILDS", "Kungrad soda plant")]),)),
    ("association:funder", 0.6, "a body named as a funder and the one priced project of its sentence: it funds it "
     "(an aid agency funding a project in a country gives it aid)", (
        ("A $10 million programme to improve water supply in Tajikistan began when the Korea International "
         "Cooperation Agency and the Tajik ministry signed a protocol.",
         [("Korea International Cooperation Agency", "FINANCES", "programme to improve water supply"),
          ("Korea International Cooperation Agency", "GRANTS_AID_TO", "Tajikistan")]),
        ("A $5 million programme to improve water supply in Tajikistan began when the Korea International "
         "Cooperation Agency and the Tajik ministry signed a protocol. The Water Supply Improvement Project will run "
         "until 2027.",
         [("Korea International Cooperation Agency", "FINANCES", "Water Supply Improvement Project")]),)),
    ("verb:project-site", 0.8, "a project rises / stands / sits / is under construction in Y: it is located in Y", (
        ("LG Chem will build a battery plant in Uzbekistan. The plant will rise in Chirchik.",
         [("battery plant", "LOCATED_IN", "Chirchik")]),
        ("A 300-bed multi-profile hospital is under construction in Dushanbe.",
         [("multi-profile hospital", "LOCATED_IN", "Dushanbe")]),)),
    ("verb:choose-for-visit", 0.85, "X chose Y for a visit", (
        ("Lee Jae-myung chose Kazakhstan for his first overseas visit.",
         [("Lee Jae-myung", "VISITS", "Kazakhstan")]),)),
    ("verb:under-contract", 0.75, "X acts under a contract (agreement, deal) with Y: X partners Y", (
        ("Samsung C&T operates the plant under an agreement with Samruk-Energy.",
         [("Samsung C&T", "PARTNERS_WITH", "Samruk-Energy")]),)),
    ("verb:under-programme", 0.75, "a country acting, or whose people go or work, under a programme is a party to it", (
        ("Kyrgyzstan has been sending workers to Korea under the Employment Permit System (EPS) since 2007.",
         [("Kyrgyzstan", "PARTY_TO", "Employment Permit System")]),
        ("In 2023, 7,400 Uzbek citizens left for South Korea under the Employment Permit System.",
         [("Uzbekistan", "PARTY_TO", "Employment Permit System")]),)),
    ("verb:join-programme", 0.85, "X joins a programme, scheme or treaty: X is a party to it", (
        ("Kyrgyzstan joined the Employment Permit System (EPS) in 2007.",
         [("Kyrgyzstan", "PARTY_TO", "Employment Permit System")]),
        ("South Korea will take in workers under its Employment Permit System (EPS) this year. The quota is the "
         "largest since Uzbekistan joined the programme in 2006.",
         [("Uzbekistan", "PARTY_TO", "Employment Permit System")]),)),
    ("verb:call-on", 0.8, "X calls on / urges Y to do something: an invitation", (
        ("Tokayev called on Korean companies to invest in Kazakhstan.",
         [("Kassym-Jomart Tokayev", "INVITES", "Korean companies")]),)),
    ("verb:lend", 0.85, "X lends to Y", (
        # (a name after "to" that the tagger takes for a verb)
        ("The Export-Import Bank of Korea will lend $650 million to Turkmengaz.",
         [("Export-Import Bank of Korea", "LENDS_TO", "Turkmengas")]),
        ("Hyundai Engineering will build a caustic soda plant in Balkanabat for $420 million. Korea Eximbank will lend "
         "$280 million, and the rest will come from the state budget.",
         [("Korea Eximbank", "LENDS_TO", "caustic soda plant")]),
        ("The Export-Import Bank of Korea lent $100 million to Uzbekistan.",
         [("Export-Import Bank of Korea", "LENDS_TO", "Uzbekistan")]),
        ("The Export-Import Bank of Korea will lend Uzbekistan $95 million to build a children's hospital in Namangan.",
         [("Export-Import Bank of Korea", "LENDS_TO", "hospital")]),
        ("Hyundai E&C won the contract for the Mary highway. Financing will be arranged by the Korea Development Bank "
         "(KDB), which is to lend $180 million.", [("Korea Development Bank", "LENDS_TO", "Mary highway")]),
        ("The Fondaryo hydropower plant cost $90 million. The Asian Development Bank (ADB) lent $45 million and the "
         "Korea Development Bank (KDB) $20 million for the project.",
         [("Asian Development Bank", "LENDS_TO", "Fondaryo hydropower plant"),
          ("Korea Development Bank", "LENDS_TO", "Fondaryo hydropower plant")]),)),
    ("verb:finance", 0.8, "X finances / funds / pays for Y; an X-funded Y (a grant project: gives aid to it)", (
        ("KOICA had earlier paid for the e-government master plan.",
         [("KOICA", "FINANCES", "e-government master plan")]),
        ("Some 200 doctors from Tajikistan have trained in the Republic of Korea since 2015 under programmes of the "
         "Korea International Cooperation Agency (KOICA), which also financed the Tajik-Korean IT Centre in Dushanbe.",
         [("KOICA", "FINANCES", "Tajik-Korean IT Centre")]),
        ("The Export-Import Bank of Korea has agreed to lend $280 million for the caustic soda plant, and the "
         "remaining $140 million will be financed by the State Bank for Foreign Economic Affairs of Turkmenistan.",
         [("State Bank for Foreign Economic Affairs of Turkmenistan", "FINANCES", "caustic soda plant")]),
        ("The Namangan Regional Multidisciplinary Medical Centre was financed by a $50 million EDCF loan and by $15 "
         "million from Uzbekistan's state budget.",
         [("Uzbekistan", "FINANCES", "Namangan Regional Multidisciplinary Medical Centre")]),
        ("The Korea International Cooperation Agency (KOICA) is financing an $8.5 million grant project on "
         "irrigation in the Khatlon region.", [("KOICA", "GRANTS_AID_TO", "grant project")]),
        ("K-water carried out a KOICA-funded master plan for water resources in the Ili River basin, completed in "
         "2021.", [("KOICA", "FINANCES", "KOICA-funded master plan")]),
        ("A KOICA-funded modernisation of the Dushanbe Emergency Medical Centre was completed in 2021.",
         [("KOICA", "FINANCES", "Dushanbe Emergency Medical Centre")]),
        ("KOICA earlier funded an e-government master plan for Turkmenistan, completed in 2020.",
         [("KOICA", "FINANCES", "e-government master plan")]),
        ("The feasibility study will be paid for by Korea's Ministry of Trade, Industry and Energy.",
         [("Ministry of Trade, Industry and Energy", "FINANCES", "feasibility study")]),
        ("The joint venture Ingichka Tungsten plans to spend a further $210 million by 2030 on a concentrator.",
         [("Ingichka Tungsten", "INVESTS_IN", "concentrator")]),
        ("KOICA will fund the Air Quality Improvement Project.",
         [("KOICA", "FINANCES", "Air Quality Improvement Project")]),
        ("The Surgil complex produces polyethylene. Its construction was financed by the Asian Development Bank, "
         "the Export-Import Bank of Korea and Korea Trade Insurance Corporation.",
         [("Asian Development Bank", "FINANCES", "Surgil complex"),
          ("Export-Import Bank of Korea", "FINANCES", "Surgil complex"),
          ("Korea Trade Insurance Corporation", "FINANCES", "Surgil complex")]),
        ("The feasibility study is financed by the Korean Ministry of Trade, Industry and Energy.",
         [("Ministry of Trade, Industry and Energy", "FINANCES", "feasibility study")]),
        ("Turkmenhimiya will build a methanol plant in Balkanabat. About $900 million of the cost will be financed by "
         "the Export-Import Bank of Korea.", [("Export-Import Bank of Korea", "FINANCES", "methanol plant")]),
        ("The renovation was funded by the King Sejong Institute Foundation.",
         [("King Sejong Institute Foundation", "FINANCES", "renovation")]),)),
    ("verb:donate", 0.8, "X donates to Y", (
        ("Kyrgyzstan and Korea are partners. Kyrgyzstan buys cars from Korea. Japarov thanked Seoul for its support "
         "during the pandemic, when Korea donated medical equipment and 500,000 test kits.",
         [("South Korea", "GRANTS_AID_TO", "Kyrgyzstan")]),
        ("South Korea had donated 150 ambulances to the regions of Uzbekistan in 2024.",
         [("South Korea", "GRANTS_AID_TO", "Uzbekistan")]),
        ("South Korea donated $2 million to Kyrgyzstan.", [("South Korea", "GRANTS_AID_TO", "Kyrgyzstan")]),)),
    ("verb:own", 0.85, "X owns Y; Y is owned by X; Y is N percent owned by X, X co-owns Y (a stake)", (
        ("The Shurtan gas chemical complex is owned and operated by Uzbekneftegaz.",
         [("Uzbekneftegaz", "OWNS", "Shurtan gas chemical complex")]),
        ("KEGOC is wholly owned by the Samruk-Kazyna fund.",
         [("Samruk-Kazyna", "OWNS", "KEGOC")]),
        ("Kia Qazaqstan, the Kostanay plant owned by Allur Group, added a second shift.",
         [("Allur Group", "OWNS", "Kia Qazaqstan")]),
        ("Lotte Chemical and Uzbekneftegaz own the operating company, Uz-Kor Gas Chemical, in equal shares.",
         [("Lotte Chemical", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical"),
          ("Lotte Chemical", "PARTNERS_WITH", "Uzbekneftegaz")]),
        ("Astana Motors co-owns Hyundai Trans Kazakhstan.",
         [("Astana Motors", "HOLDS_STAKE_IN", "Hyundai Trans Kazakhstan")]),
        ("Hana Bank has obtained a licence for its local subsidiary, Hana Bank Uzbekistan. The Tashkent-based unit, "
         "wholly owned by Hana Bank, will start operating in March.", [("Hana Bank", "OWNS", "Hana Bank Uzbekistan")]),
        ("The plant was opened on Tuesday. The 18,000-square-metre facility in the Almaty Industrial Zone belongs to "
         "Mobis Kazakhstan LLP.", [("Mobis Kazakhstan LLP", "OWNS", "plant")]),
        ("Sughd Korea Textile is 60 percent owned by Gyeongnam Textile. Tajik cotton company Khujand Pakhta and the "
         "State Committee on Investment and State Property Management hold 30 percent and 10 percent, respectively.",
         [("Gyeongnam Textile", "HOLDS_STAKE_IN", "Sughd Korea Textile")]),
        ("KazPolyChem LLP, the project company, signed a contract. KazPolyChem is 60 percent owned by United "
         "Chemical Company (UCC), a subsidiary of the sovereign wealth fund Samruk-Kazyna, while LG Chem of South "
         "Korea holds 40 percent.", [("United Chemical Company", "HOLDS_STAKE_IN", "KazPolyChem LLP")]),
        ("Sughd Korea Textile is 60 percent owned by Korean textile maker Gyeongnam Textile Co.",
         [("Gyeongnam Textile Co.", "HOLDS_STAKE_IN", "Sughd Korea Textile")]),
        ("The plant is owned by Samruk-Energy, which is itself wholly owned by the sovereign wealth fund "
         "Samruk-Kazyna.", [("Samruk-Kazyna", "OWNS", "Samruk-Energy")]),
        ("Uz-Kor Gas Chemical LLC is a joint venture between Uzbekneftegaz and Lotte Chemical. It owns and operates "
         "the Ustyurt Gas Chemical Complex.", [("Uz-Kor Gas Chemical LLC", "OWNS", "Ustyurt Gas Chemical Complex")]),
        ("Samruk-Kazyna owns KEGOC.", [("Samruk-Kazyna", "OWNS", "KEGOC")]),
        ("Kazatomprom is owned by Samruk-Kazyna, the national wealth fund.",
         [("Samruk-Kazyna", "OWNS", "Kazatomprom")]),)),
    ("verb:launch", 0.8, "X launches / opens / inaugurates a project, event or programme", (
        ("The Kazakhstan-China oil pipeline was opened in May by the leaders of Kazakhstan and China.",
         [("Kazakhstan", "LAUNCHES", "Kazakhstan-China oil pipeline"), ("China", "LAUNCHES",
                                                                          "Kazakhstan-China oil pipeline")]),
        ("The company also runs a telecom venture in Tashkent.\n\nDaewoo Group Chairman Kim Woo-choong and Uzbek "
         "President Islam Karimov on Friday cut the ribbon at UzDaewoo Auto's car factory in Asaka.",
         [("Kim Woo-choong", "LAUNCHES", "car factory"), ("Islam Karimov", "LAUNCHES", "car factory")]),
        ("The Korea-Central Asia Cooperation Forum was launched in 2007 at the initiative of Korea.",
         [("South Korea", "LAUNCHES", "Korea-Central Asia Cooperation Forum")]),
        ("Artel Electronics on Thursday launched serial production of Samsung-branded refrigerators at a new plant in "
         "the Zangiata district.", [("Artel Electronics", "LAUNCHES", "plant")]),
        ("The festival was opened by Lim Ho together with Jeon Myung-soo, South Korea's Ambassador to Kyrgyzstan.",
         [("Jeon Myung-soo", "LAUNCHES", "festival"), ("Lim Ho", "LAUNCHES", "festival")]),
        ("Hyundai Mobis opened a parts plant in Almaty. At Tuesday's ceremony, Prime Minister Olzhas Bektenov cut "
         "the ribbon together with Park Ki-tae.", [("Olzhas Bektenov", "LAUNCHES", "parts plant"),
                                                   ("Park Ki-tae", "LAUNCHES", "parts plant")]),
        ("The new building of the Korean Education Centre was opened on Tuesday by Minister Bakhodir Nazarov.",
         [("Bakhodir Nazarov", "LAUNCHES", "building of Korean Education Centre")]),
        ("On Monday, a vocational training centre built with a grant from KOICA was inaugurated in Osh.",
         [("vocational training centre", "LOCATED_IN", "Osh")]),
        ("Tokayev launched the Tashkent Investment Forum.", [("Tokayev", "LAUNCHES", "Tashkent Investment Forum")]),
        ("In 2024 President Yoon Suk Yeol unveiled the K-Silk Road initiative in Astana.",
         [("Yoon Suk Yeol", "LAUNCHES", "K-Silk Road initiative")]),
        ("President Japarov and President Lee Jae-myung held talks. Afterwards the two presidents launched the Smart "
         "Partnership programme, which covers logistics and tourism.",
         [("Sadyr Japarov", "LAUNCHES", "Smart Partnership programme"),
          ("Lee Jae-myung", "LAUNCHES", "Smart Partnership programme")]),
        ("Hyundai opened a car plant in Almaty.", [("Hyundai", "LAUNCHES", "car plant")]),)),
    ("verb:host", 0.85, "X hosts / organises an event; a place that hosts bodies has them", (
        ("The Korea International Trade Association (KITA) co-hosted a business forum with the Korea Trade-Investment "
         "Promotion Agency (KOTRA) on June 10 in Seoul.",
         [("Korea International Trade Association", "HOSTS", "business forum"),
          ("Korea Trade-Investment Promotion Agency", "HOSTS", "business forum")]),
        ("Kazakhstan hosts three Korean Education Centres.",
         [("Korean Education Centres", "LOCATED_IN", "Kazakhstan")]),
        ("The third Korea-Central Asia Next Generation Dialogue was held in Bishkek on Thursday. The dialogue was "
         "co-organised by the Korea-Central Asia Cooperation Forum Secretariat.",
         [("Korea-Central Asia Cooperation Forum Secretariat", "HOSTS",
           "Korea-Central Asia Next Generation Dialogue")]),
        ("South Korea will host the Korea-Central Asia Summit in 2026.",
         [("South Korea", "HOSTS", "Korea-Central Asia Summit")]),
        ("The first Koryo-saram Culture Week was hosted by the Overseas Koreans Agency together with the Ansan city "
         "government.", [("Ansan city government", "HOSTS", "Koryo-saram Culture Week"),
                         ("Overseas Koreans Agency", "HOSTS", "Koryo-saram Culture Week")]),
        ("Organised together with the Consulate General of the Republic of Korea in Almaty and the Korean Cultural "
         "Centre, the two-day festival featured performances.",
         [("Korean Cultural Centre", "HOSTS", "festival")]),
        ("Organised together with the Korean Cultural Centre, the two-day festival featured K-pop performances.",
         [("Korean Cultural Centre", "HOSTS", "festival")]),
        ("The Tashkent Investment Forum was co-organised by KOTRA and the Chamber of Commerce and Industry of "
         "Uzbekistan.", [("KOTRA", "HOSTS", "Tashkent Investment Forum"),
                         ("Chamber of Commerce and Industry of Uzbekistan", "HOSTS", "Tashkent Investment Forum")]),
        ("More than 300 companies took part in the Uzbekistan-Korea Business Forum held in Tashkent on Tuesday, "
         "co-organised by the Korea Trade-Investment Promotion Agency (KOTRA) and the Chamber of Commerce and "
         "Industry of Uzbekistan.", [("KOTRA", "HOSTS", "Uzbekistan-Korea Business Forum"),
                                     ("Chamber of Commerce and Industry of Uzbekistan", "HOSTS",
                                      "Uzbekistan-Korea Business Forum")]),)),
    ("verb:locate", 0.85, "X is located / based / headquartered / published in Y; X moves (its works) to Y", (
        ("The Korean-language weekly Koryo Ilbo, which moved to Almaty from Kyzylorda in 1978, celebrated its "
         "centenary.", [("Koryo Ilbo", "LOCATED_IN", "Almaty")]),
        ("LOTTE Rakhat has decided to relocate its factory to the Almaty region.",
         [("factory", "LOCATED_IN", "Almaty region")]),
        ("Kimyo International University is located in Tashkent.",
         [("Kimyo International University", "LOCATED_IN", "Tashkent")]),
        ("KEPCO is headquartered in Naju.", [("KEPCO", "LOCATED_IN", "Naju")]),
        ("Korea Zinc is a South Korean zinc smelting company headquartered in Seoul.",
         [("Korea Zinc", "LOCATED_IN", "Seoul")]),
        ("The Korean-language newspaper Kore Ilbo is published in Almaty.", [("Kore Ilbo", "LOCATED_IN", "Almaty")]),)),
    ("verb:participle-compound", 0.8, "'KOICA-funded programme', 'Seoul-based firm': name, participle, noun", (
        ("The Seoul-based firm Doosan Enerbility won the tender.", [("Doosan Enerbility", "LOCATED_IN", "Seoul")]),
        ("The KOICA-funded Air Quality Improvement Project started.",
         [("KOICA", "FINANCES", "Air Quality Improvement Project")]),)),
    ("noun:as-host", 0.75, "'with X as host': X hosts the sentence's event", (
        ("The summit will be held in Seoul in 2026, with South Korea as host.",
         [("South Korea", "HOSTS", "summit")]),)),
    ("verb:mistagged-trade", 0.75, "'X exports / imports goods to / from Y' where the tagger reads the verb as a noun",
     (("Kazakhstan exports uranium to South Korea.",
       [("Kazakhstan", "SUPPLIES", "uranium"), ("Kazakhstan", "SUPPLIES", "South Korea")]),
      ("POSCO International imports cotton from Uzbekistan.",
       [("Uzbekistan", "SUPPLIES", "POSCO International")]),)),
    ("noun:licence", 0.75, "X holds / receives (is granted) an exploration or mining licence for Y: X develops Y", (
        ("Sary-Arka Lithium LLP, which holds the exploration licence for the Bakennoye lithium deposit, will drill "
         "in May.", [("Sary-Arka Lithium LLP", "DEVELOPS", "Bakennoye lithium deposit")]),
        ("The ministry has granted a six-year exploration licence for the Karaotkel block in the East Kazakhstan "
         "region to Altai Rare Metals.", [("Altai Rare Metals", "DEVELOPS", "Karaotkel block")]),)),
    ("noun:meeting-between", 0.85, "a meeting / talks / a call between A and B: they meet", (
        ("The agreements follow the summit held on June 14 between President Yoon and President Shavkat Mirziyoyev.",
         [("Yoon Suk Yeol", "MEETS", "Shavkat Mirziyoyev")]),
        ("The figures were confirmed at a meeting between Kanybek Sydykov and Yoo Jin-soo.",
         [("Kanybek Sydykov", "MEETS", "Yoo Jin-soo")]),
        ("The sides discussed trade during a telephone conversation between Turkmen Foreign Minister Rashid Meredov "
         "and the Minister of Foreign Affairs of the Republic of Korea, Kwon Jae-sung.",
         [("Rashid Meredov", "MEETS", "Kwon Jae-sung")]),)),
    ("noun:talks-with", 0.8, "X does something at / during talks with Y: X and Y meet", (
        ("KOICA director Chang Won-sam unveiled the programme at talks with Davlatali Said, First Deputy Prime "
         "Minister of Tajikistan, on Tuesday.", [("Chang Won-sam", "MEETS", "Davlatali Said")]),)),
    ("noun:home-to", 0.75, "a place is home to X: X lives (a community) or is (a body, a firm) there", (
        ("Lee called Uzbekistan, home to about 170,000 ethnic Koreans, a key partner.",
         [("ethnic Koreans", "RESIDES_IN", "Uzbekistan")]),
        ("Kazakhstan is home to about 118,000 Koryo-saram, descendants of Koreans deported from the Russian Far East "
         "to Central Asia on Stalin's orders in 1937.", [("Koryo-saram", "RESIDES_IN", "Kazakhstan")]),
        ("Uzbekistan is home to about 175,000 ethnic Koreans, known as Koryo-saram.",
         [("Koryo-saram", "RESIDES_IN", "Uzbekistan")]),
        ("Almaty is home to the Korean Cultural Centre.", [("Korean Cultural Centre", "LOCATED_IN", "Almaty")]),)),
    ("noun:shareholder", 0.75, "X is a shareholder in / of Y: X holds a stake in Y", (
        ("Lotte Chemical and Korea Gas Corp. (KOGAS) are shareholders in Uz-Kor Gas Chemical.",
         [("Lotte Chemical", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical"),
          ("Korea Gas Corp.", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical")]),)),
    ("noun:recipient", 0.75, "X is a recipient of Y's aid / loans / investment: Y gives them to X", (
        ("Uzbekistan is the largest recipient of Korean official development assistance in Central Asia.",
         [("South Korea", "GRANTS_AID_TO", "Uzbekistan")]),
        ("Tajikistan is a major recipient of EDCF loans.", [("EDCF", "LENDS_TO", "Tajikistan")]),)),
    ("noun:consortium", 0.8, "the members of a consortium (of / led by / including A and B) partner", (
        ("GS E&C will build the bridge. GS E&C will carry out the works in a consortium with Yooshin Engineering "
         "Corporation.", [("GS E&C", "PARTNERS_WITH", "Yooshin Engineering Corporation")]),
        ("A consortium of Lotte Chemical and Korea Gas Corporation won the tender for the Surgil project.",
         [("Lotte Chemical", "PARTNERS_WITH", "Korea Gas Corporation")]),
        ("The plant will be built by a consortium of Hanwha Solutions and the Kyrgyz state-owned utility Electric "
         "Power Plants OJSC.", [("Hanwha Solutions", "PARTNERS_WITH", "Electric Power Plants OJSC")]),
        ("The consortium includes Lotte Chemical and Korea Gas Corporation.",
         [("Lotte Chemical", "PARTNERS_WITH", "Korea Gas Corporation")]),
        ("In 2009 a consortium led by Samsung Engineering and KEPCO won the tender.",
         [("Samsung Engineering", "PARTNERS_WITH", "KEPCO")]),)),
    ("verb:event-gathers", 0.8, "an event brings together / gathers / draws X: X attends it, where it is held", (
        ("The Turkmen-Korean Business Forum brought together more than 100 companies in Ashgabat.",
         [("Turkmen-Korean Business Forum", "LOCATED_IN", "Ashgabat")]),
        ("The Tashkent Investment Forum brought together Samsung C&T and Hyundai Engineering.",
         [("Samsung C&T", "ATTENDS", "Tashkent Investment Forum"),
          ("Hyundai Engineering", "ATTENDS", "Tashkent Investment Forum")]),
        ("The opening was staged as a ceremony in Almaty. It brought together officials from both countries: "
         "Laziz Kudratov, then in charge of the trade ministry; and Lee Won-hee, president of Hyundai Motor Company.",
         [("Laziz Kudratov", "ATTENDS", "ceremony"), ("Lee Won-hee", "ATTENDS", "ceremony")]),)),
    ("verb:agree-together", 0.75, "two people who agree / pledge together met; countries or firms that agree "
     "with each other partner", (
        ("Kassym-Jomart Tokayev and Lee Jae-myung agreed on Tuesday to expand cooperation in energy.",
         [("Kassym-Jomart Tokayev", "MEETS", "Lee Jae-myung")]),
        ("President Japarov and President Yoon confirmed a $100 million grant package for Kyrgyzstan.",
         [("Japarov", "MEETS", "Yoon")]),
        ("Turkmenistan and South Korea have agreed to revive a stalled gas chemical project.",
         [("Turkmenistan", "PARTNERS_WITH", "South Korea")]),
        ("CJ CheilJedang agreed with the Almaty city administration on a site for a frozen-food plant.",
         [("CJ CheilJedang", "PARTNERS_WITH", "Almaty city administration")]),)),
    ("verb:found-event", 0.75, "A and B create / establish a summit or forum: both take part in it", (
        ("Officials said that Japan and the five states, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
         "Uzbekistan, would create a Tokyo Energy Forum.",
         [("Uzbekistan", "ATTENDS", "Tokyo Energy Forum"), ("Japan", "ATTENDS", "Tokyo Energy Forum")]),)),
    ("document:campus-place", 0.85, "'Inha University in Tashkent': a campus named with its city is in that city "
     "(and is not the Korean university it is named after)", (
        ("Inha University in Tashkent, opened in 2014 with the support of Korea's Inha University, will host the "
         "conference.", [("Inha University in Tashkent", "LOCATED_IN", "Tashkent")]),)),
    ("document:implemented-with", 0.7, "a project implemented together with bodies: its aid giver partners with them",
     (("KOICA will provide a $6 million grant to Tajikistan's Ministry of Health. Under the four-year project, which "
       "will be implemented together with the United Nations Population Fund (UNFPA), two maternity wards will be "
       "rebuilt.", [("KOICA", "PARTNERS_WITH", "United Nations Population Fund")]),
      ("KOICA has approved three grant projects in Tajikistan. A $7 million project with Tajikistan's Ministry of "
       "Health will introduce electronic medical records.", [("KOICA", "PARTNERS_WITH", "Ministry of Health")]),)),
    ("document:remaining-share", 0.75, "'and AMMC the remaining 51 percent', 'The remaining 70 percent stays with Y': "
     "the body nearest the remaining share holds a stake in what the stake just stated is in", (
        ("POSCO International will hold a 49 percent stake in the venture and AMMC the remaining 51 percent.",
         [("AMMC", "HOLDS_STAKE_IN", "venture")]),
        ("KOMIR will hold 40 percent of Boguty Tungsten. The remainder will be held by Tau-Ken Samruk.",
         [("Tau-Ken Samruk", "HOLDS_STAKE_IN", "Boguty Tungsten")]),
        ("Hana Financial Group has completed the purchase of a 49 percent stake in the Uzbek payment service provider "
         "Tolov Plus for $62 million. The stake was bought by Hana Card, the group's credit card arm, from Tolov "
         "Plus's founder Jasur Rakhimov, who keeps 36 percent. The EBRD retains 15 percent.",
         [("Hana Card", "HOLDS_STAKE_IN", "Tolov Plus"),
          ("Jasur Rakhimov", "HOLDS_STAKE_IN", "Tolov Plus"), ("EBRD", "HOLDS_STAKE_IN", "Tolov Plus")]),
        ("The plant belongs to Fandarya Hydro Power LLC, a special-purpose company in which KHNP holds 70 percent and "
         "the Tajik company Tojik Hydro Invest 30 percent.",
         [("Tojik Hydro Invest", "HOLDS_STAKE_IN", "Fandarya Hydro Power LLC")]),

        ("POSCO Holdings acquired 30 percent of Sary-Arka Lithium LLP. The remaining 70 percent stays with the "
         "national mining company Tau-Ken Samruk.", [("Tau-Ken Samruk", "HOLDS_STAKE_IN", "Sary-Arka Lithium LLP")]),
        ("Hana Bank will buy a 66 percent stake in Nurly Bank. The European Bank for Reconstruction and Development "
         "(EBRD), which bought into the lender in 2019, will retain its 10 percent. The bank signed a share purchase "
         "agreement with the founder, businessman Marat Sultanbekov, who will keep a 24 percent stake after the deal.",
         [("European Bank for Reconstruction and Development", "HOLDS_STAKE_IN", "Nurly Bank"),
          ("Marat Sultanbekov", "HOLDS_STAKE_IN", "Nurly Bank")]),)),
    ("verb:percent-of", 0.8, "'..., while Y owns the remaining N percent': Y holds a stake in the same firm", (
        ("Kazakhstan Petrochemical is a joint venture in which Samruk-Kazyna and a Korean consortium led by LG Chem "
         "and SK Innovation each hold 50 percent.", [("SK Innovation", "HOLDS_STAKE_IN", "Kazakhstan Petrochemical")]),
        ("Lotte Chemical will hold 60 percent of Uz-Kor Gas Chemical, while Uzbekneftegaz will own the remaining 40 "
         "percent.",
         [("Uzbekneftegaz", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical")]),
        ("The plant will be built by a special purpose company, Navoi Solar LLC. Hanwha Energy will hold a 60% stake "
         "in the company, while KOWEPO and the Uzbek firm Uzbek Green Power will hold 25% and 15%, respectively.",
         [("KOWEPO", "HOLDS_STAKE_IN", "Navoi Solar LLC"),
          ("Uzbek Green Power", "HOLDS_STAKE_IN", "Navoi Solar LLC")]),
        ("Uz-Kor Gas Chemical, in which Uzbekneftegaz and a Korean consortium led by Lotte Chemical and Korea Gas "
         "Corp. (KOGAS) each hold 50 percent, runs the Surgil complex.",
         [("Uzbekneftegaz", "HOLDS_STAKE_IN", "Uz-Kor Gas Chemical")]),
        ("Korea and Kyrgyzstan discussed aviation. Traffic through Manas International Airport OJSC, in which the "
         "state holds 86 percent, grew by a third.",
         [("Kyrgyzstan", "HOLDS_STAKE_IN", "Manas International Airport")]),)),
    ("verb:form-joint-venture", 0.8, "A and B set up / establish a joint venture: they partner", (
        ("In 2008 KORES formed a uranium exploration venture with the national atomic company Kazatomprom.",
         [("KORES", "PARTNERS_WITH", "Kazatomprom")]),
        ("The Ministry of Textile Industry and Daewoo International agreed to set up a joint venture.",
         [("Ministry of Textile Industry", "PARTNERS_WITH", "Daewoo International")]),
        ("A joint venture to explore for tungsten is to be set up by POSCO International and Tau-Ken Samruk.",
         [("POSCO International", "PARTNERS_WITH", "Tau-Ken Samruk")]),
        ("Korea Zinc and Kazatomprom established a joint venture in Astana.",
         [("Korea Zinc", "PARTNERS_WITH", "Kazatomprom")]),)),
    ("verb:jointly", 0.8, "A and B do something jointly / together: they partner; countries that work a field "
                          "together cooperate in it", (
        ("South Korea and Kyrgyzstan agreed Wednesday to jointly develop rare earth elements.",
         [("South Korea", "COOPERATES_IN", "rare earth metals"), ("Kyrgyzstan", "COOPERATES_IN", "rare earth metals"),
          ("South Korea", "PARTNERS_WITH", "Kyrgyzstan")]),
        ("Korea Zinc and Tau-Ken Samruk agreed to jointly explore tungsten deposits.",
         [("Korea Zinc", "PARTNERS_WITH", "Tau-Ken Samruk")]),
        ("KIGAM and Kazakhstan's Committee of Geology will jointly survey rare metal deposits.",
         [("KIGAM", "PARTNERS_WITH", "Committee of Geology")]),
        ("Kazakhstan's national geological service Qazgeology and KIGAM will jointly explore for lithium.",
         [("KIGAM", "PARTNERS_WITH", "Qazgeology")]),
        ("Lotte Chemical operates the Surgil gas chemical complex in Karakalpakstan jointly with Uzbekneftegaz and "
         "Korea Gas Corporation.",
         [("Lotte Chemical", "PARTNERS_WITH", "Uzbekneftegaz"), ("Lotte Chemical", "PARTNERS_WITH", "KOGAS")]),)),
    ("verb:share-of-output", 0.8, "X accounts for / holds / produces a share of a resource's output or reserves", (
        ("Kazakhstan, which produces about 40 percent of the world's uranium, pitched projects.",
         [("Kazakhstan", "PRODUCES", "uranium")]),
        ("Kazakhstan, which accounts for about 40 percent of world uranium output, signed the deal.",
         [("Kazakhstan", "PRODUCES", "uranium")]),)),
    ("verb:percent-of-which", 0.8, "'X, N percent of which is held by Y': Y holds a stake in X", (
        ("Kazatomprom, 75 percent of which is held by the sovereign fund Samruk-Kazyna, signed the deal.",
         [("Samruk-Kazyna", "HOLDS_STAKE_IN", "Kazatomprom")]),)),
    ("verb:also-signed", 0.7, "an agreement signed with no signer named: the signers of the sentences before, or the "
     "countries whose leaders met there", (
        ("Hyundai Engineering and Uzbekneftegaz signed a memorandum on Monday. An agreement on a new refinery was "
         "also signed at the ceremony.", [("Hyundai Engineering", "SIGNS", "agreement"),
                                          ("Uzbekneftegaz", "SIGNS", "agreement")]),
        ("Kazakh President Kassym-Jomart Tokayev met South Korean President Lee Jae-myung in Seoul. After the talks, "
         "a memorandum on critical minerals was signed.",
         [("Kazakhstan", "SIGNS", "memorandum"), ("South Korea", "SIGNS", "memorandum")]),
        # ("Also signed were ...": the parser may take the documents for the attribute of "were")
        ("President Tokayev and President Lee Jae-myung signed a joint declaration in Seoul. Also signed were an "
         "agreement on cooperation in education and a memorandum on tourism.",
         [("Kazakhstan", "SIGNS", "agreement"), ("South Korea", "SIGNS", "memorandum")]),)),
    ("noun:labour-quota", 0.7, "a country that sets job quotas for, or takes in workers from, another supplies it",
     (("South Korea has allotted 3,300 quotas for the employment of Kyrgyz citizens in 2024.",
       [("South Korea", "SUPPLIES", "Kyrgyzstan")]),
      ("South Korea will take in up to 8,500 workers from Uzbekistan under its Employment Permit System.",
       [("South Korea", "SUPPLIES", "Uzbekistan")]),)),
    ("verb:stage-of-project", 0.75, "a stage stated with no actor ('construction began', 'was commissioned'): a stage "
     "of the project's building by the builder named before", (
        ("Doosan Enerbility will build the Kyzylorda power plant. Construction of the Kyzylorda power plant began in "
         "March 2024.", [("Doosan Enerbility", "BUILDS", "Kyzylorda power plant")]),)),
    ("verb:borrow", 0.8, "X borrows from Y: Y lends to X", (
        ("Kyrgyzstan borrowed $50 million from the Economic Development Cooperation Fund to build a road.",
         [("Economic Development Cooperation Fund", "LENDS_TO", "Kyrgyzstan")]),)),
    ("noun:lender", 0.75, "X is Y's lender / creditor / donor", (
        ("South Korea is Uzbekistan's largest bilateral lender.", [("South Korea", "LENDS_TO", "Uzbekistan")]),
        ("Japan is the biggest donor to Tajikistan.", [("Japan", "GRANTS_AID_TO", "Tajikistan")]),
        ("Korea has become one of the major donors of Tajikistan.",
         [("South Korea", "GRANTS_AID_TO", "Tajikistan")]),)),
    ("verb:address-event", 0.75, "X tells / addresses / briefs an event: X attends it", (
        ("Investment Minister Laziz Kudratov told the Tashkent Investment Forum that trade had grown.",
         [("Laziz Kudratov", "ATTENDS", "Tashkent Investment Forum")]),)),
    ("verb:during-event", 0.75, "X does something during / at / on the sidelines of an event: X attends it", (
        ("Moon Jae-in and Shavkat Mirziyoyev agreed on a package of projects during the Korea-Uzbekistan summit.",
         [("Moon Jae-in", "ATTENDS", "Korea-Uzbekistan summit"),
          ("Shavkat Mirziyoyev", "ATTENDS", "Korea-Uzbekistan summit")]),)),
    ("verb:signed-in", 0.75, "an agreement signed in / at a place: the agreement is located there", (
        ("The loan agreement was signed in Bishkek by Finance Minister Almaz Baketaev.",
         [("loan agreement", "LOCATED_IN", "Bishkek")]),
        ("KEPCO and Uzbekenergo signed a memorandum of understanding in Tashkent on 3 May.",
         [("memorandum", "LOCATED_IN", "Tashkent")]),)),
    ("verb:provide-money", 0.75, "X provides / allocates / pledges a sum for Y: X finances Y (an aid agency gives "
     "aid to it)", (
        ("Korea will give Kyrgyzstan and Tajikistan $3 million in emergency aid.",
         [("Korea", "GRANTS_AID_TO", "Kyrgyzstan"), ("Korea", "GRANTS_AID_TO", "Tajikistan")]),
        # (money given to a body is aid; the subject before a participle set off by commas gives it)
        ("The Association of Koreans of Kazakhstan (AKK) held its congress in Almaty. It was attended by Kwon "
         "Hyuk-jun, commissioner of the Overseas Koreans Agency (OKA).\n\nKwon announced that the OKA, launched in "
         "June 2023 as an agency under the Ministry of Foreign Affairs, would give 1.5 billion won ($1.1 million) to "
         "the AKK next year for Korean-language classes and youth exchanges.",
         [("Overseas Koreans Agency", "GRANTS_AID_TO", "Association of Koreans of Kazakhstan")]),
        ("Korea will lend $30 million for a children's medical centre in Tashkent. The Uzbek government will add $8.3 "
         "million from the state budget.", [("Uzbekistan", "FINANCES", "medical centre")]),
        ("KOICA had allocated $3 million for a COVID-19 response programme in Sughd region.",
         [("Korea International Cooperation Agency", "GRANTS_AID_TO", "COVID-19 response programme")]),
        ("The Export-Import Bank of Korea will provide a further $80 million from the Economic Development "
         "Cooperation Fund (EDCF) for the Zarafshon-1 hydropower plant.",
         [("Export-Import Bank of Korea", "LENDS_TO", "Zarafshon-1 hydropower plant"),
          ("Economic Development Cooperation Fund", "LENDS_TO", "Zarafshon-1 hydropower plant")]),
        ("The Tajik government will build the Kulob hospital. The Tajik government will contribute another 62 "
         "million somoni from the state budget.", [("Tajikistan", "FINANCES", "Kulob hospital")]),
        ("A loan agreement was concluded under which the Korea Development Bank (KDB) will provide 100 billion won "
         "to the Development Bank of Kazakhstan.", [("Korea Development Bank", "LENDS_TO",
                                                     "Development Bank of Kazakhstan")]),
        ("The Government of Turkmenistan will allocate 48 million manat from the state budget for a railway spur to "
         "the plant.", [("Turkmenistan", "FINANCES", "railway spur")]),
        ("South Korea has granted Kyrgyzstan $5 million to buy ambulances.",
         [("South Korea", "GRANTS_AID_TO", "Kyrgyzstan")]),
        ("KOICA will provide $7 million for the modernisation of the Dushanbe railway.",
         [("KOICA", "GRANTS_AID_TO", "Dushanbe railway")]),
        ("The Export-Import Bank of Korea has earmarked $100 million for the Tashkent metro.",
         [("Export-Import Bank of Korea", "FINANCES", "Tashkent metro")]),
        ("The Korea International Cooperation Agency allocated $12 million to Kyrgyzstan.",
         [("Korea International Cooperation Agency", "GRANTS_AID_TO", "Kyrgyzstan")]),)),
    ("association:clause", 0.3, "a firm and a mineral in one clause, no typed fact between", (
        ("Korea Zinc eyes antimony in Kazakhstan.", [("Korea Zinc", "ASSOCIATED_WITH", "antimony")]),)),
    ("verb:present-credentials", 0.85, "an envoy presents credentials to a head of state: accredited there", (
        ("President Sadyr Japarov received the credentials of the new Ambassador Extraordinary and Plenipotentiary "
         "of the Republic of Korea to the Kyrgyz Republic, Choi Seung-ho, 24.",
         [("Choi Seung-ho", "MEETS", "Sadyr Japarov")]),
        ("Ambassador Kim Hee-sang presented his credentials to President Shavkat Mirziyoyev on Monday.",
         [("Kim Hee-sang", "ACCREDITED_TO", "Uzbekistan"), ("Kim Hee-sang", "MEETS", "Shavkat Mirziyoyev")]),
        ("President Sadyr Japarov today received the credentials of Lee Sang-woo, the new Ambassador Extraordinary "
         "and Plenipotentiary of the Republic of Korea to the Kyrgyz Republic.",
         [("Lee Sang-woo", "MEETS", "Sadyr Japarov")]),)),
    ("verb:projects-in", 0.75, "an actor carries out or funds unnamed projects in a place: it operates there", (
        ("Since 2010, KOICA has spent more than $60 million on grant projects in Kyrgyzstan.",
         [("KOICA", "GRANTS_AID_TO", "Kyrgyzstan")]),
        ("KOICA has implemented 40 projects worth $90 million in Tajikistan since 2009.",
         [("KOICA", "OPERATES_IN", "Tajikistan"), ("KOICA", "GRANTS_AID_TO", "Tajikistan")]),
        ("KOICA has implemented more than 40 projects in Tajikistan since 2008.",
         [("KOICA", "OPERATES_IN", "Tajikistan")]),)),
    ("verb:gather-for", 0.8, "people gather in a place for an event: the event is there", (
        ("Koryoin from across Central Asia gathered in Ansan over the weekend for the first Koryo-saram Culture Week.",
         [("Koryo-saram Culture Week", "LOCATED_IN", "Ansan")]),
        ("About 3,000 people gathered at Bishkek's Dinamo stadium on Saturday for the Chuseok harvest festival.",
         [("Chuseok harvest festival", "LOCATED_IN", "Bishkek")]),)),
    ("noun:developer-of-site", 0.8, "X, the developer of a deposit or of a mineral: X develops it", (
        ("Korea Zinc took a stake in Ingichka Tungsten, the developer of the Ingichka deposit.",
         [("Ingichka Tungsten", "DEVELOPS", "Ingichka deposit")]),
        ("Korea Zinc took a stake in Ingichka Tungsten, the developer of a tungsten deposit in Uzbekistan's Samarkand "
         "region.", [("Ingichka Tungsten", "DEVELOPS", "tungsten")]),)),
    ("verb:aid-projects", 0.8, "an aid agency implements or carries out projects: they are its aid", (
        ("According to the ministry, KOICA has implemented projects worth some $25 million in Tajikistan since 2007, "
         "among them the Tajik-Korean vocational training centre in Dushanbe.",
         [("KOICA", "GRANTS_AID_TO", "Tajik-Korean vocational training centre")]),
        ("The Korea International Cooperation Agency has carried out a water supply project in Kulob.",
         [("Korea International Cooperation Agency", "GRANTS_AID_TO", "water supply project")]),
        ("The Korea International Cooperation Agency (KOICA) is implementing a 5 million US dollar grant project to "
         "modernize the e-government training center.", [("KOICA", "GRANTS_AID_TO", "grant project")]),)),
    ("verb:operate-under", 0.85, "a body operates or works under another: it is a subsidiary of it", (
        ("The contract was signed with the Turkmenaragatnashyk Agency, which reports to the Ministry of Industry and "
         "Communications.",
         [("Turkmenaragatnashyk Agency", "SUBSIDIARY_OF", "Ministry of Industry and Communications")]),
        ("Candidates sit a test run by the Human Resources Development Service of Korea (HRD Korea), an agency under "
         "the Ministry of Labor.", [("HRD Korea", "SUBSIDIARY_OF", "Ministry of Labor")]),
        ("The Center for Employment of Citizens Abroad operates under the Ministry of Labor.",
         [("Center for Employment of Citizens Abroad", "SUBSIDIARY_OF", "Ministry of Labor")]),
        ("The Agency for External Labour Migration under the Ministry of Employment and Poverty Reduction sent 7,000 "
         "workers.", [("Agency for External Labour Migration", "SUBSIDIARY_OF",
                       "Ministry of Employment and Poverty Reduction")]),)),
    ("document:signer-bodies", 0.8, "a person who signs, titled as head or staff of a body, signs for it", (
        ("The contract was signed in Seoul by Kazatomprom chief executive Meirzhan Yussupov and KHNP president Whang "
         "Joo-ho.", [("Kazatomprom", "SIGNS", "contract"), ("Korea Hydro & Nuclear Power", "SIGNS", "contract")]),)),
    ("document:subsidiary-apposition", 0.85, "'X, a subsidiary of Y', 'Y's unit X': the parent named", (
        ("Eximbank signed a memorandum with the Development Bank of Kazakhstan (DBK), a unit of the state holding "
         "Baiterek.", [("Development Bank of Kazakhstan", "SUBSIDIARY_OF", "Baiterek")]),
        ("Shinhan Bank, the flagship lender of Shinhan Financial Group, funded it.",
         [("Shinhan Bank", "SUBSIDIARY_OF", "Shinhan Financial Group")]),
        ("The test is run by the Human Resources Development Service of Korea (HRD Korea), an agency of the Ministry "
         "of Employment and Labor.",
         [("Human Resources Development Service of Korea", "SUBSIDIARY_OF", "Ministry of Employment and Labor")]),
        ("The Overseas Koreans Foundation, a body under South Korea's Ministry of Foreign Affairs, gave a grant.",
         [("Overseas Koreans Foundation", "SUBSIDIARY_OF", "Ministry of Foreign Affairs")]),
        ("Hana Bank said it has obtained a banking licence from the Central Bank of Uzbekistan (CBU) for its local "
         "subsidiary, Hana Bank Uzbekistan.", [("Hana Bank Uzbekistan", "SUBSIDIARY_OF", "Hana Bank")]),
        ("Hana Financial Group completed the deal. The stake was bought by Hana Card, the group's credit card arm.",
         [("Hana Card", "SUBSIDIARY_OF", "Hana Financial Group")]),
        ("Almaty Auto Components, a unit of the local Astana Motors group, holds 49 percent.",
         [("Almaty Auto Components", "SUBSIDIARY_OF", "Astana Motors")]),
        ("Shinhan Bank Kazakhstan, the wholly owned Kazakh subsidiary of South Korea's Shinhan Bank, will open four "
         "new branches.", [("Shinhan Bank Kazakhstan", "SUBSIDIARY_OF", "Shinhan Bank"),
                           ("Shinhan Bank", "OWNS", "Shinhan Bank Kazakhstan")]),
        ("LS MnM, the copper-smelting arm of LS Group, signed.", [("LS MnM", "SUBSIDIARY_OF", "LS Group")]),
        ("The contract went to KOMSCO, a state enterprise under the Ministry of Economy and Finance of the Republic of "
         "Korea.", [("KOMSCO", "SUBSIDIARY_OF", "Ministry of Economy and Finance")]),
        ("The loan comes from the Development Bank of Kazakhstan (DBK), part of the Baiterek holding.",
         [("Development Bank of Kazakhstan", "SUBSIDIARY_OF", "Baiterek")]),
        ("The borrower is Kyzylorda Power Plant LLP, the project company of Samruk-Energy.",
         [("Kyzylorda Power Plant LLP", "SUBSIDIARY_OF", "Samruk-Energy")]),
        ("LX International, which was spun off from LG Corp. in 2021, already runs a textile cluster through its "
         "wholly owned subsidiary LX Fergana Textile.",
         [("LX International", "OWNS", "LX Fergana Textile")]),
        ("Daedong Precision Uzbekistan, a wholly owned subsidiary of Korean auto-parts maker Daedong Precision, will "
         "invest $34 million in a brake-pad factory.",
         [("Daedong Precision Uzbekistan", "SUBSIDIARY_OF", "Daedong Precision"),
          ("Daedong Precision", "OWNS", "Daedong Precision Uzbekistan")]),
        ("The seller, Altai Lithium LLP, is a unit of Tau-Ken Samruk.",
         [("Altai Lithium LLP", "SUBSIDIARY_OF", "Tau-Ken Samruk")]),
        ("Samsung C&T, part of the Samsung Group, built the plant.", [("Samsung C&T", "SUBSIDIARY_OF", "Samsung")]),
        ("Lotte Rakhat belongs to South Korea's Lotte Group.", [("Lotte Rakhat", "SUBSIDIARY_OF", "Lotte Group")]),
        ("Lotte Rakhat, a subsidiary of Lotte Confectionery, is based in Almaty.",
         [("Lotte Rakhat", "SUBSIDIARY_OF", "Lotte Confectionery")]),
        ("Samsung C&T said its subsidiary Samsung Engineering will take part in the project.",
         [("Samsung Engineering", "SUBSIDIARY_OF", "Samsung C&T")]),)),
    ("document:project-role", 0.8, "a firm named as contractor, supplier, investor or lender for a project", (
        ("Turkmenhimiya signed a contract for a carbamide plant near the town of Garabogaz. Hyundai Engineering, a "
         "subsidiary of Hyundai Engineering & Construction, will act as the general contractor on a turnkey basis.",
         [("Hyundai Engineering", "BUILDS", "carbamide plant")]),
        ("Samsung C&T has been selected as the EPC contractor for the Balkhash power plant.",
         [("Samsung C&T", "BUILDS", "Balkhash power plant")]),
        ("Hyundai Engineering will act as the general contractor on a turnkey basis for the carbamide plant.",
         [("Hyundai Engineering", "BUILDS", "carbamide plant")]),
        ("Kazakhstan plans a gas processing plant in Zhanaozen. Daelim Industrial, Doosan Enerbility and Hyundai "
         "Engineering were selected as EPC contractors in 2022.",
         [("Doosan Enerbility", "BUILDS", "gas processing plant"), ("Hyundai Engineering", "BUILDS",
                                                                    "gas processing plant")]),)),
    ("noun:signatures", 0.85, "an agreement bears the signatures of A and B: both sign it and partner", (
        ("The memorandum carried three signatures: those of KIGAM, of KEPCO and of KazMunayGas.",
         [("KIGAM", "SIGNS", "memorandum"), ("KEPCO", "PARTNERS_WITH", "KIGAM"),
          ("KazMunayGas", "SIGNS", "memorandum"), ("KazMunayGas", "PARTNERS_WITH", "KIGAM")]),)),
    ("noun:described-from-place", 0.75, "a body described as from or based in a place: 'X, an ensemble from Y'", (
        ("Arirang, a dance ensemble from Tashkent, opened the festival.", [("Arirang", "LOCATED_IN", "Tashkent")]),)),
    ("document:signed-list", 0.8, "'documents were signed, including:' then one line per document 'between A and "
     "B': the parties sign it and partner", (
        ("Within the framework of the forum, a package of documents was signed, including:\n- a memorandum between the "
         "Ministry of Health of Turkmenistan and Samsung Medison Co., Ltd. on the supply of equipment;\n- an agreement "
         "between the Agency of Transport of Turkmenistan and the Korea Railroad Corporation on training.",
         [("Samsung Medison Co., Ltd.", "SIGNS", "memorandum"),
          ("Agency of Transport of Turkmenistan", "PARTNERS_WITH", "Korea Railroad Corporation")]),
        ("South Korea and Uzbekistan held talks.\n\nThe following documents were signed between the two "
         "Governments:\n- an Agreement on the Avoidance of Double Taxation;\n- a Memorandum of Understanding on "
         "cooperation in energy between the Korea Energy Agency and the Ministry of Energy of Uzbekistan.",
         [("Uzbekistan", "SIGNS", "Agreement on the Avoidance of Double Taxation"),
          ("South Korea", "SIGNS", "Agreement on the Avoidance of Double Taxation"),
          ("Korea Energy Agency", "SIGNS", "Memorandum")]),)),
    ("noun:agreement-to-develop", 0.75, "an agreement on the development / exploration of X: the parties develop X", (
        ("Daebo Minerals signed an agreement with the Ministry of Natural Resources, Ecology and Technical "
         "Supervision on the development of the Kensu deposit.", [("Daebo Minerals", "DEVELOPS", "Kensu deposit")]),
        ("Tajikistan's Ministry of Industry and New Technologies and the Korea Mine Rehabilitation and Mineral "
         "Resources Corporation (KOMIR) signed a memorandum of understanding on joint exploration of lithium.",
         [("KOMIR", "DEVELOPS", "lithium")]),)),
    ("noun:loan-agreement", 0.8, "a loan or credit-line agreement signed by a lender and another party: the lender "
     "lends to it (between two banks, the Korean one)", (
        ("A $40 million loan agreement was signed between the Ministry of Finance of Kyrgyzstan and the Korea "
         "Eximbank.", [("Export-Import Bank of Korea", "LENDS_TO", "Ministry of Finance of Kyrgyzstan")]),
        ("The Export-Import Bank of Korea said that it had concluded a loan agreement with the Ministry of Finance of "
         "the Kyrgyz Republic to provide US$60 million for the Osh Regional Clinical Hospital Modernization Project.",
         [("Export-Import Bank of Korea", "LENDS_TO", "Osh Regional Clinical Hospital Modernization Project")]),
        ("The Export-Import Bank of Korea and the State Bank for Foreign Economic Affairs of Turkmenistan signed an "
         "agreement on a credit line of $300 million.",
         [("Export-Import Bank of Korea", "LENDS_TO", "State Bank for Foreign Economic Affairs of Turkmenistan")]),
        ("The Export-Import Bank of Korea (Eximbank) and the Development Bank of Kazakhstan (DBK) concluded a "
         "framework agreement on a $500 million credit line.",
         [("Export-Import Bank of Korea", "LENDS_TO", "Development Bank of Kazakhstan")]),
        ("The State Bank for Foreign Economic Affairs and the Export-Import Bank of Korea also signed a $500 million "
         "credit line agreement.",
         [("Export-Import Bank of Korea", "LENDS_TO", "State Bank for Foreign Economic Affairs")]),)),
    ("document:joint-venture-apposition", 0.8, "X, a joint venture between A and B: A and B hold stakes in X", (
        ("The line is being built for KazPolyChem LLP, a 51:49 joint venture between KazMunayGas and Almaty-based "
         "Caspian Petrochem Holding.",
         [("KazMunayGas", "HOLDS_STAKE_IN", "KazPolyChem LLP"),
          ("Caspian Petrochem Holding", "HOLDS_STAKE_IN", "KazPolyChem LLP")]),)),
    ("noun:community-in-place", 0.85, "a community in a place: 'the Korean diaspora in Kazakhstan'", (
        ("The Korean diaspora in Kazakhstan is active.", [("Koryo-saram", "RESIDES_IN", "Kazakhstan")]),)),
    ("noun:joint-undertaking", 0.8, "a joint project or portfolio with Y, in field Z", (
        ("Uzbekistan's joint project portfolio with KOICA is large.",
         [("Uzbekistan", "PARTNERS_WITH", "KOICA")]),)),
    ("noun:programme-owner", 0.8, "a named programme's owner: \"South Korea's K-Silk Road initiative\"", (
        ("South Korea's K-Silk Road initiative was discussed.",
         [("South Korea", "PARTY_TO", "K-Silk Road initiative")]),)),
    ("noun:gapped-shares", 0.8, "after a share held, each name followed by a share of its own holds it in the same "
     "thing: 'in which A holds 50%, B 24.5% and C 3%'", (
        ("The joint venture Jizzakh Petroleum, in which Uzbekneftegaz holds 51%, KNOC 30% and Lotte Chemical 19%, "
         "runs the refinery.", [("KNOC", "HOLDS_STAKE_IN", "Jizzakh Petroleum"),
                                ("Lotte Chemical", "HOLDS_STAKE_IN", "Jizzakh Petroleum")]),
        ("Korea Zinc will own a 60% stake in the operator Kazzinc Tech LLP, Tau-Ken Samruk will own 30% and "
         "Kazgeology, an arm of the ministry, will own 10%.",
         [("Tau-Ken Samruk", "HOLDS_STAKE_IN", "Kazzinc Tech LLP"), ("Kazgeology", "HOLDS_STAKE_IN",
                                                                     "Kazzinc Tech LLP")]),)),
    ("noun:product-works", 0.75, "works named by what they turn out make it: a polypropylene plant produces "
     "polypropylene", (
        ("Hyundai Engineering will build a 500,000-tonne polypropylene plant in Atyrau.",
         [("polypropylene plant", "PRODUCES", "polypropylene")]),)),
    ("noun:reserves", 0.85, "the reserves of a place, a country's mineral reserves; a site said to be a deposit of "
     "a mineral", (
        ("POSCO will explore the Shokpar deposit in Zhambyl region, one of the country's largest lithium deposits.",
         [("Shokpar deposit", "HAS_RESERVES", "lithium")]),
        ("The Kumbel field is a copper deposit in Talas region.", [("Kumbel field", "HAS_RESERVES", "copper")]),
        ("Drilling has put the Kyzyltas deposit's reserves at 1.4 million tonnes of copper and 52 tonnes of gold.",
         [("Kyzyltas deposit", "HAS_RESERVES", "copper"), ("Kyzyltas deposit", "HAS_RESERVES", "gold")]),
        ("Kyrgyzstan offered licences for the Kensu tungsten deposit in Issyk-Kul region, whose reserves are "
         "estimated at 90,000 tonnes.", [("Kensu tungsten deposit", "HAS_RESERVES", "tungsten")]),
        ("Turkmenistan ranks fourth in the world in terms of natural gas reserves.",
         [("Turkmenistan", "HAS_RESERVES", "natural gas")]),
        ("Kazakhstan's uranium reserves are large.", [("Kazakhstan", "HAS_RESERVES", "uranium")]),
        ("Proven reserves at the Kumkol field are put at 30 million tonnes of oil.",
         [("Kumkol field", "HAS_RESERVES", "oil")]),
        ("Kyrgyzstan's reserves of gold are estimated at 2,000 tonnes.", [("Kyrgyzstan", "HAS_RESERVES", "gold")]),
        ("Uzbekistan is rich in gold, copper and uranium.",
         [("Uzbekistan", "HAS_RESERVES", "gold"), ("Uzbekistan", "HAS_RESERVES", "uranium")]),)),
    ("noun:visit", 0.9, "X's visit / trip / tour to Y; the visit of X to Y; a tour of / swing through Y", (
        ("Prime Minister Kim Min-seok wrapped up a four-day tour of Kyrgyzstan and Tajikistan on Sunday.",
         [("Kim Min-seok", "VISITS", "Kyrgyzstan"), ("Kim Min-seok", "VISITS", "Tajikistan")]),
        ("President Lee Jae-myung ended a week-long swing through Kazakhstan and Uzbekistan.",
         [("Lee Jae-myung", "VISITS", "Uzbekistan")]),
        ("The agreement was signed during the visit to Kazakhstan of Korean Prime Minister Han Seung-soo.",
         [("Han Seung-soo", "VISITS", "Kazakhstan")]),
        ("Central Bank chairman Mamarizo Nurmuratov met Hana Financial Group chairman Ham Young-joo during a visit to "
         "Seoul in June.", [("Mamarizo Nurmuratov", "VISITS", "Seoul")]),
        ("Kazakhstan and South Korea are partners. Kazakhstan sells uranium to South Korea. Kassym-Jomart Tokayev "
         "arrived in Seoul on Monday. President Tokayev's three-day state visit is the first since 2016.",
         [("Kassym-Jomart Tokayev", "VISITS", "South Korea")]),
        ("The agreements follow the visit to South Korea last month of Minister of Transport and Communications Ulan "
         "Toktogulov.", [("Ulan Toktogulov", "VISITS", "South Korea")]),
        ("Olzhas Bektenov toured the plant during his trip to Korea.",
         [("Olzhas Bektenov", "VISITS", "South Korea")]),
        ("Yoon Suk Yeol's visit to Turkmenistan ended.", [("Yoon Suk Yeol", "VISITS", "Turkmenistan")]),
        ("The deal follows the visit to Seoul in March 2025 of Kyrgyz Prime Minister Adylbek Kasymaliev.",
         [("Adylbek Kasymaliev", "VISITS", "Seoul")]),
        ("The deal was signed by Lee Woo-jin, who was in Uzbekistan on a working visit.",
         [("Lee Woo-jin", "VISITS", "Uzbekistan")]),)),
    ("noun:investment", 0.8, "investment by X in Y; X is Y's largest investor", (
        ("South Korea is Uzbekistan's largest investor.", [("South Korea", "INVESTS_IN", "Uzbekistan")]),)),
    ("noun:trade", 0.8, "trade between X and Y; bilateral trade; 'turnover reached' in a report on two countries", (
        ("Korea's trade with the five Central Asian states reached $11.8 billion in 2025, of which Kazakhstan alone "
         "accounted for $7.3 billion.", [("South Korea", "TRADES_WITH", "Kazakhstan")]),
        ("Korea and Tajikistan signed two deals in Dushanbe. Korea and Tajikistan hope for more. Turnover stood at $18 "
         "million in 2006 and reached $95 million last year.", [("South Korea", "TRADES_WITH", "Tajikistan")]),
        ("Trade between Kazakhstan and South Korea grew.", [("Kazakhstan", "TRADES_WITH", "South Korea")]),
        ("In 2025 trade turnover between Kazakhstan and Korea amounted to $6.8 billion.",
         [("Kazakhstan", "TRADES_WITH", "South Korea")]),
        ("Kazakhstan's exports of IT services to Korea tripled last year to $41 million.",
         [("Kazakhstan", "SUPPLIES", "South Korea")]),)),
    ("noun:relations", 0.8, "partnership / relations / cooperation between or with; cooperation in a field", (
        ("The sides discussed cooperation between Turkmenistan and South Korea in oil and gas and power engineering.",
         [("Turkmenistan", "COOPERATES_IN", "oil and gas"), ("South Korea", "COOPERATES_IN", "power engineering")]),
        ("President Rahmon said Tajikistan valued its relations with Korea.",
         [("Tajikistan", "PARTNERS_WITH", "Korea")]),
        ("Seoul attaches great importance to the development of cooperation with Kyrgyzstan in the mining, transport "
         "and healthcare sectors.", [("South Korea", "COOPERATES_IN", "mining"), ("Kyrgyzstan", "COOPERATES_IN",
                                                                                 "healthcare")]),
        ("The minister praised the ties that were established between Kyrgyzstan and the Republic of Korea in 1992.",
         [("Kyrgyzstan", "PARTNERS_WITH", "Republic of Korea")]),
        ("Japarov said Kyrgyzstan highly values its cooperation with Seoul.",
         [("Kyrgyzstan", "PARTNERS_WITH", "South Korea")]),
        ("South Korean Foreign Minister Choi visited Tajikistan and met President Emomali Rahmon. The President noted "
         "that relations with Korea, established in 1992, have reached a good level.",
         [("Tajikistan", "PARTNERS_WITH", "Korea")]),
        ("The ministers reviewed bilateral ties between Korea and Uzbekistan, including cooperation in critical "
         "minerals and transport.", [("South Korea", "COOPERATES_IN", "critical minerals"),
                                     ("Uzbekistan", "COOPERATES_IN", "transport")]),
        ("Prime Minister Kim Min-seok met Kazakh President Kassym-Jomart Tokayev in Astana on Wednesday and agreed to "
         "expand cooperation in critical minerals and healthcare.",
         [("South Korea", "COOPERATES_IN", "critical minerals"), ("Kazakhstan", "COOPERATES_IN", "healthcare")]),
        ("The minister said Seoul was ready to expand cooperation with Kazakhstan in energy, construction and the "
         "peaceful use of nuclear energy.", [("South Korea", "COOPERATES_IN", "nuclear energy")]),
        ("The ambassador recalled that Tajikistan's relations with Korea were "
         "established in 1992.", [("Tajikistan", "PARTNERS_WITH", "South Korea")]),
        ("Kazakhstan sells uranium to Korea. Officials marked the 30th anniversary of "
         "diplomatic relations, established on Jan. 28, 1992.", [("Kazakhstan", "PARTNERS_WITH", "South Korea")]),
        ("President Lee Jae-myung held a phone call with Kazakh President Kassym-Jomart Tokayev on Wednesday and the "
         "two agreed to expand cooperation in critical minerals, nuclear energy and transport.",
         [("Kazakhstan", "COOPERATES_IN", "nuclear energy"), ("South Korea", "COOPERATES_IN", "transport")]),
        ("President Yoon Suk Yeol held talks with Kazakh President Kassym-Jomart Tokayev in Astana and agreed to "
         "expand cooperation in energy and critical minerals.",
         [("Kazakhstan", "COOPERATES_IN", "energy"), ("South Korea", "COOPERATES_IN", "critical minerals"),
          ("Kazakhstan", "PARTNERS_WITH", "South Korea")]),
        ("The partnership between Uzbekistan and South Korea is strong.",
         [("Uzbekistan", "PARTNERS_WITH", "South Korea")]),
        ("Uzbekistan and South Korea are close partners.", [("Uzbekistan", "PARTNERS_WITH", "South Korea")]),
        ("Turkmenistan and the Republic of Korea celebrated the 30th anniversary of diplomatic relations on Friday.",
         [("Turkmenistan", "PARTNERS_WITH", "Republic of Korea")]),
        ("Kazakhstan and South Korea agreed to expand cooperation in critical minerals, supply chains and "
         "infrastructure.",
         [("Kazakhstan", "COOPERATES_IN", "infrastructure"), ("South Korea", "COOPERATES_IN", "supply chains")]),)),
    ("noun:talks-on-financing", 0.7, "talks with a bank or fund on money for a project: it is to finance it", (
        ("Tajik officials held talks with the Export-Import Bank of Korea on mobilising money for the country's "
         "priority projects, first and foremost the Rogun Hydroelectric Power Plant.",
         [("Export-Import Bank of Korea", "FINANCES", "Rogun Hydroelectric Power Plant")]),)),
    ("noun:signing-witnessed", 0.75, "leaders witness the signing of agreements: their countries sign them, and "
     "they meet", (
        ("Kazakh President Kassym-Jomart Tokayev and South Korean President Lee Jae-myung witnessed the signing of "
         "an intergovernmental agreement on rare earth elements.",
         [("Kazakhstan", "SIGNS", "intergovernmental agreement"), ("South Korea", "SIGNS",
                                                                     "intergovernmental agreement")]),
        ("After their talks, Mirziyoyev and President Yoon Suk Yeol witnessed the signing of nine documents.",
         [("Mirziyoyev", "MEETS", "Yoon Suk Yeol")]),)),
    ("noun:invitation-accepted", 0.8, "Y accepted X's invitation: X invites Y", (
        ("Lee Jae-myung accepted Tokayev's invitation to attend the first Korea-Central Asia summit.",
         [("Tokayev", "INVITES", "Lee Jae-myung")]),
        ("Japarov accepted an invitation from Lee Jae-myung to visit Seoul.",
         [("Lee Jae-myung", "INVITES", "Sadyr Japarov")]),)),
    ("noun:talks", 0.85, "talks between X and Y", (
        ("During his meeting with Tokayev, Lee Jae-myung praised Kazakhstan's reforms.",
         [("Tokayev", "MEETS", "Lee Jae-myung")]),
        ("The talks between Tokayev and Yoon lasted two hours.",
         [("Kassym-Jomart Tokayev", "MEETS", "Yoon Suk Yeol")]),
        ("Ahn Seong-il visited Astana for talks with Roman Sklyar.", [("Ahn Seong-il", "MEETS", "Roman Sklyar")]),)),
    ("document:agreement-topics", 0.85, "an agreement on / for a topic covers it", (
        # (the "for" phrase on the signing verb, or on the last party of "between")
        ("Uzbekneftegaz and Hyundai E&C signed an EPC contract on 5 May for a polyethylene plant at Shurtan.",
         [("EPC contract", "COVERS", "polyethylene plant")]),
        ("The cabinet approved a contract between Turkmengaz and the Korean company Hyundai Engineering for the "
         "construction of a gas processing unit at the Galkynysh field.",
         [("contract", "COVERS", "gas processing unit")]),
        ("Kyrgyzstan's Cabinet of Ministers approved an agreement under which Korea Airports Corporation will manage "
         "Issyk-Kul International Airport for 15 years.", [("agreement", "COVERS", "Issyk-Kul International Airport")]),
        ("Under that memorandum, KOMIR and Kazakhstan's National Geological Service will jointly explore for "
         "lithium, tungsten and rare earths.", [("memorandum", "COVERS", "lithium"), ("memorandum", "COVERS",
                                                                                        "tungsten")]),
        ("Under an agreement signed in October 2016, K-water will build three small hydropower plants on the "
         "Zarafshon river.", [("agreement", "COVERS", "small hydropower plants")]),
        ("Kazakhstan and Korea signed a memorandum on a critical minerals supply chain partnership.",
         [("memorandum", "COVERS", "critical minerals")]),
        ("KORES and the State Agency for Geology signed a memorandum of understanding on joint exploration of "
         "tungsten and rare earth metals.", [("memorandum", "COVERS", "tungsten"),
                                             ("memorandum", "COVERS", "rare earth metals")]),
        ("The leaders adopted the Seoul Declaration, which commits the parties to deeper cooperation in critical "
         "minerals, energy transition, transport connectivity and digital technologies.",
         [("Seoul Declaration", "COVERS", "critical minerals"), ("Seoul Declaration", "COVERS", "transport")]),
        ("The leaders adopted a joint declaration on Monday that raises ties to a strategic partnership and commits "
         "both sides to work on uranium and transport.",
         [("declaration", "COVERS", "uranium"), ("declaration", "COVERS", "transport")]),
        ("KNOC and Uzbekneftegaz signed a memorandum to survey the Baysun copper and gold deposit.",
         [("memorandum", "COVERS", "copper"), ("memorandum", "COVERS", "gold")]),
        ("The leaders adopted a joint declaration, which commits the parties to deeper cooperation in critical "
         "minerals and energy.", [("declaration", "COVERS", "critical minerals"), ("declaration", "COVERS",
                                                                                 "energy")]),
        ("The largest package came from the North Gyeongsang provincial government, which signed a memorandum with "
         "the Samarkand regional khokimiyat on establishing sister ties and cooperating in agriculture, tourism and "
         "vocational training.", [("memorandum", "COVERS", "agriculture"), ("memorandum", "COVERS", "tourism")]),
        ("Kyrgyzstan and Korea signed a memorandum on cooperation in hydropower and mineral resources.",
         [("memorandum", "COVERS", "hydropower")]),
        ("Kazakhstan and Korea signed a memorandum of understanding on critical minerals cooperation.",
         [("memorandum", "COVERS", "critical minerals")]),
        ("Kia signed a memorandum with Tau-Ken Samruk to explore the possibility of sourcing lithium and graphite from "
         "deposits in East Kazakhstan.", [("memorandum", "COVERS", "lithium"), ("memorandum", "COVERS", "graphite")]),
        ("The akimat of Almaty and the Seoul Metropolitan Government signed a plan of cooperation for 2014-2016 "
         "covering urban transport, e-government and tourism.",
         [("plan of cooperation", "COVERS", "transport"), ("plan of cooperation", "COVERS", "tourism")]),
        ("Meredov and Choi Jong-kun signed the protocol of the session, which provides for cooperation in healthcare "
         "and education.", [("protocol", "COVERS", "healthcare"), ("protocol", "COVERS", "education")]),
        ("They signed an agreement on renewable energy.", [("agreement", "COVERS", "renewable energy")]),
        ("The presidents agreed to draw up a programme of industrial partnership covering agriculture, transport and "
         "aviation.", [("programme of industrial partnership", "COVERS", "agriculture"),
                       ("programme of industrial partnership", "COVERS", "aviation")]),
        ("Uzbekistan and Korea signed a memorandum on mining. The document is meant to deepen cooperation in "
         "supplying materials, namely tungsten, molybdenum and copper.",
         [("memorandum", "COVERS", "tungsten"), ("memorandum", "COVERS", "copper")]),
        ("KIGAM signed a memorandum with Kazakhstan's geology committee on the exploration of rare metals.",
         [("memorandum", "COVERS", "rare metals")]),)),
    ("document:place-in-place", 0.8, "'Almaty, Kazakhstan', 'Yongsan, Seoul': a place lies in the one after it", (
        ("KT&G completed its new tobacco factory in Almaty, Kazakhstan.", [("Almaty", "LOCATED_IN", "Kazakhstan")]),
        ("The ambassador visited the tomb of King Wonson in Gyeongju, North Gyeongsang Province.",
         [("Gyeongju", "LOCATED_IN", "North Gyeongsang Province")]),)),
    ("document:project-places", 0.85, "a project is located where its phrase places it", (
        ("Korea has opened King Sejong Institutes in Almaty and Shymkent.",
         [("King Sejong Institutes", "LOCATED_IN", "Almaty"), ("King Sejong Institutes", "LOCATED_IN", "Shymkent")]),
        ("SNUH will manage Astana's new National Children's Rehabilitation Centre.",
         [("National Children's Rehabilitation Centre", "LOCATED_IN", "Astana")]),
        ("The heating network of Bishkek will be renovated with a concessional loan.",
         [("heating network", "LOCATED_IN", "Bishkek")]),
        ("Turkmenhimiya will build a carbamide plant with a capacity of 1.15 million tonnes a year near the town of "
         "Garabogaz.", [("carbamide plant", "LOCATED_IN", "Garabogaz")]),
        ("The tobacco factory in Almaty opened.", [("tobacco factory", "LOCATED_IN", "Almaty")]),
        ("The Embassy of the Kyrgyz Republic in Seoul opened in 2007.",
         [("Embassy of the Kyrgyz Republic", "LOCATED_IN", "Seoul")]),
        ("Turkmenhimiya awarded a contract for a urea and ammonia plant in Lebap province.",
         [("urea and ammonia plant", "LOCATED_IN", "Lebap province")]),
        ("A $9.5 million project to modernise the water supply of Karakol has been launched.",
         [("project to modernise the water supply", "LOCATED_IN", "Karakol")]),
        ("Almaty is the largest city in Kazakhstan.", [("Almaty", "LOCATED_IN", "Kazakhstan")]),
        ("Korea has opened King Sejong Institutes in Almaty, Nur-Sultan and Shymkent.",
         [("King Sejong Institutes", "LOCATED_IN", "Almaty"), ("King Sejong Institutes", "LOCATED_IN", "Shymkent")]),
        ("The Balkhash Thermal Power Plant is a planned coal-fired power station in Kazakhstan.",
         [("Balkhash Thermal Power Plant", "LOCATED_IN", "Kazakhstan")]),)),
    ("document:infobox-population", 0.9, "an infobox line of a population table: the page's community lives there", (
        ("The Koryo-saram are ethnic Koreans.\nRegions with significant populations\nUzbekistan174,200\n",
         [("Koryo-saram", "RESIDES_IN", "Uzbekistan")]),)),
):
    register(_name, stage=_name.split(":")[0], description=_desc, confidence=_conf, examples=_examples)
