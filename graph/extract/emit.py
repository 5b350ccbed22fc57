"""Emit: facts with their evidence, de-duplicated per document, checked against the schema."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date as calendar_date
from datetime import timedelta

from spacy.tokens import Span, Token

from graph.extract.dates import nearest_date, sentence_dates
from graph.extract.lexicon import DONOR_WORDS, FUNDER_WORDS, QUANTITY_KINDS, SAY_VERBS
from graph.extract.quantities import _sentence_quantities, to_usd
from graph.extract.registry import register
from graph.extract.state import DocState, Mention, entity
from graph.extract.syntax import relations_milestone
from graph.models import DateSource, Evidence, Fact
from graph.schema import RELATIONSHIPS, SYMMETRIC

# Relations in which a place is a place, not an actor
_PLACE_RELATIONS = frozenset({"LOCATED_IN", "RESIDES_IN", "HAS_RESERVES", "PRODUCES"})


def add_facts(
    st: DocState,
    subjects: Iterable[Mention],
    rel: str,
    objects: Iterable[Mention],
    sent: Span,
    *,
    modality: str | None = None,
) -> None:
    """One fact per (subject id, object id): group references stand for each of their entities. "Hyundai Motor and
    Kia assemble cars in Almaty and Kostanay, respectively": two lists of the same length that "respectively"
    closes pair up in order instead."""
    objs = list(objects)
    subs = list(subjects)
    if len(subs) >= 2 and len(subs) == len(objs) and _respectively(sent, subs, objs):
        for s, o in zip(sorted(subs, key=lambda m: m.start), sorted(objs, key=lambda m: m.start), strict=True):
            add_fact(st, s.ids[0], rel, o.ids[0], sent, modality=modality)
        return
    for s in subs:
        for o in objs:
            for sid in s.ids:
                for oid in o.ids:
                    add_fact(st, sid, rel, oid, sent, modality=modality)


def _respectively(sent: Span, subs: list[Mention], objs: list[Mention]) -> bool:
    """Two lists of one entity each, inside the sentence, distinct, one before the other, with "respectively"
    after both."""
    if any(len(m.ids) != 1 or not sent.start <= m.start < sent.end for m in (*subs, *objs)):
        return False
    if len({m.ids[0] for m in subs}) != len(subs) or len({m.ids[0] for m in objs}) != len(objs) or \
            {m.ids[0] for m in subs} & {m.ids[0] for m in objs}:
        return False
    last = max(m.end for m in (*subs, *objs))
    first_sub, first_obj = min(m.start for m in subs), min(m.start for m in objs)
    ordered = max(m.end for m in subs) <= first_obj or max(m.end for m in objs) <= first_sub
    return ordered and any(t.lower_ == "respectively" and t.i >= last for t in sent)


def funder_kind(st: DocState, eid: str) -> str | None:
    """'donor' for a body whose name says it gives aid ("International Cooperation Agency"), 'funder' for one whose
    name says it lends or funds ("Export-Import Bank", "Development Cooperation Fund"), else None."""
    ent = st.entities.get(eid)
    if ent is None or ent.label != "Organization":
        return None
    name = " ".join(ent.name.lower().replace("-", " ").split())
    if any(p in name for p in DONOR_WORDS):
        return "donor"
    return "funder" if set(name.split()) & FUNDER_WORDS else None


def lender_named(st: DocState, eid: str) -> bool:
    """A lender by its name: a bank or fund ("Shinhan Bank", "the Development Bank of Kazakhstan"), or a body the
    funder words name."""
    ent = st.entities.get(eid)
    if ent is None or ent.label not in ("Organization", "Firm"):
        return False
    return funder_kind(st, eid) == "funder" or any(
        w in ("bank", "fund") for n in (ent.name, *ent.aliases) for w in n.lower().split())


def capital_country(st: DocState, eid: str) -> str | None:
    """The country a capital stands for ("Seoul will host", "cooperation with Seoul"), as the gazetteer says
    (metonym_for); None for any other place."""
    entry = st.gaz.entries.get(eid)
    if entry is None or not entry.metonym_for:
        return None
    country = st.gaz.entries[entry.metonym_for]
    return entity(st, country.id, country.label, country.name)


def add_fact(
    st: DocState,
    subject: str,
    rel: str,
    obj: str,
    sent: Span,
    sm: Mention | None = None,
    om: Mention | None = None,
    *,
    modality: str | None = None,
    restates: bool = False,
) -> None:
    """One fact, unless the document already states it; `restates`: a later sentence that names the same stage
    again ("The halt throws a question mark over the $2.2 billion plant") is a piece of evidence of its own."""
    if subject == obj or rel not in RELATIONSHIPS:
        return
    s_ent, o_ent = st.entities.get(subject), st.entities.get(obj)
    if s_ent is None or o_ent is None:
        return
    if s_ent.label == "Location" and rel not in _PLACE_RELATIONS and (country := capital_country(st, subject)):
        # "Seoul will hold the summit": a capital acting stands for its country
        subject, s_ent = country, st.entities[country]
        if subject == obj:
            return  # ("Dushanbe will lend Tajikistan": the capital is the country itself, no party of its own)
    if o_ent.label == "Location" and rel in ("PARTNERS_WITH", "TRADES_WITH") and \
            (country := capital_country(st, obj)):
        # "Kyrgyzstan values its cooperation with Seoul": a partner capital stands for its country too
        obj, o_ent = country, st.entities[country]
        if subject == obj:
            return
    if rel == "MEETS" and s_ent.label == o_ent.label == "Country":
        return  # "the sides discussed ...": people meet; two countries are partners, not a meeting
    if rel == "PARTNERS_WITH" and "Person" in (s_ent.label, o_ent.label):
        # heads of state partner through their countries; a country never partners with a person
        subject, obj = st.leads.get(subject, subject), st.leads.get(obj, obj)
        s_ent, o_ent = st.entities.get(subject), st.entities.get(obj)
        if s_ent is None or o_ent is None or "Person" in (s_ent.label, o_ent.label) or subject == obj:
            return
    if rel == "FINANCES" and o_ent.label == "Project" and "grant" in o_ent.name.lower().split():
        # "KOICA is financing an $8.5 million grant project on irrigation": what funds a grant project gives aid
        rel = "GRANTS_AID_TO"
    if not RELATIONSHIPS[rel].allows(s_ent.label, o_ent.label):
        return
    if rel == "PARTNERS_WITH" and modality is None and s_ent.label == o_ent.label == "Country":
        # "established diplomatic relations in January 1992": a milestone of the pair's relations, dated by its
        # sentence (and a piece of evidence of its own beside the document's other statements of the partnership)
        modality = relations_milestone(sent, st.trigger)
    if rel in SYMMETRIC and obj < subject:
        subject, obj = obj, subject
    # a relation is stated between two parties, so a demonym modifier alone is too weak for most types
    key = (subject, rel, obj, sent.start_char)
    if key in st.facts:
        return
    if (subject, rel, obj) in st.triples and (modality is None or (subject, rel, obj, modality) in st.stages) and \
            not restates:
        # one fact per document, the first sentence that states it its evidence; but each stage of a project
        # a document reports ("won the tender in 2009", "suspended construction in 2015") has its own sentence
        return
    st.triples.add((subject, rel, obj))
    if modality is not None:
        st.stages.add((subject, rel, obj, modality))
    if not st.rule:
        raise RuntimeError(f"a fact {subject} {rel} {obj} was emitted outside any rule (registry.running)")
    date, date_source = fact_date(st, sent, rel)
    year = int(date[:4]) if date else None
    kinds = QUANTITY_KINDS.get(rel, frozenset())
    # quantities as the document writes them (the parser may have read a normalised text: graph/extract/pipeline.py)
    quantities = [to_usd(q, year) for q in _sentence_quantities(st.doc.text[sent.start_char:sent.end_char])
                  if q.kind in kinds] if kinds else []
    start, end = sent.start_char, sent.end_char
    text = st.doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    evidence = Evidence(doc_id=st.doc.id, sentence=text[start:end], start=start, end=end, date=date,
                        date_source=date_source)
    st.facts[key] = Fact(
        subject=subject,
        relation=rel,
        object=obj,
        modality=modality,
        quantities=quantities,
        rule=st.rule,
        confidence=st.confidence,
        evidence=evidence,
    )


def _dates(st: DocState, sent: Span) -> list[tuple[Span, str]]:
    found = st.sentence_dates.get(sent.start)
    if found is None:
        found = st.sentence_dates[sent.start] = sentence_dates(sent, st.doc.date)
    return found


# relations that happen at a point in time (a signing, a meeting, a visit, a pledge): a report's lead date dates
# them; the others hold over time (who supplies, owns, produces, works for what) and keep the document's date
_EVENT_RELATIONS = frozenset({"SIGNS", "PARTNERS_WITH", "MEETS", "VISITS", "ATTENDS", "HOSTS", "INVITES", "LAUNCHES",
                              "COVERS", "PLANS_TO_BUILD", "LENDS_TO", "GRANTS_AID_TO", "FINANCES", "ACCREDITED_TO",
                              "COOPERATES_IN", "BUILDS", "INVESTS_IN", "HOLDS_STAKE_IN"})


def fact_date(st: DocState, sent: Span, rel: str = "") -> tuple[str | None, DateSource | None]:
    """The date the sentence states (the one nearest the rule's trigger), else the date that dates the main event
    of an earlier sentence of its paragraph (a date on that sentence's main verb: "The ceremony was held on 22
    April", not "a programme announced in 2023"), else the date stated for an event it names, else the document's
    date."""
    own = _dates(st, sent)
    trigger = st.trigger if st.trigger is not None and sent.start <= st.trigger.i < sent.end else None
    if own and trigger is not None:
        # "GM Uzbekistan, established in 1996 as UzDaewooAuto, produces 400,000 cars": a date inside a clause
        # that modifies a noun dates that clause, not a fact stated outside it
        own = [d for d in own if _outside_clause_ok(st, d[0], trigger)]
    if own and trigger is not None and rel == "INVITES":
        # "Lee invited Tokayev to visit Seoul next year": the date of the visit asked for is not the invitation's
        own = [d for d in own if not any(a.dep_ in ("xcomp", "ccomp", "advcl") and a.head.i == trigger.i
                                         for a in (d[0].root, *d[0].root.ancestors))]
    if own:
        return nearest_date(own, trigger), "sentence"
    shift = _relative_day(sent)
    if shift and sent.start > 0:
        # "Lee presented his credentials on Tuesday. The day before, he met Foreign Minister Kulubaev": a day counted
        # from the day the sentence before gives (or the report's lead)
        prev = st.sdoc[sent.start - 1].sent
        days = [(span, iso) for span, iso in _dates(st, prev) if len(iso) == 10]
        main = {iso for span, iso in days if _on_main_verb(span, prev)} or {iso for _span, iso in days}
        base = main.pop() if len(main) == 1 else _lead_date(st)
        if base and len(base) == 10:
            return (calendar_date.fromisoformat(base) + timedelta(days=shift)).isoformat(), "sentence"
    if _SAME_DAY.search(sent.text) and sent.start > 0:
        # "On November 17, the President received the delegation. [...] On the same day, the Days of Korean Culture
        # opened": the day of the nearest earlier sentence that dates its main event (else the report's lead)
        prev = sent
        for _ in range(6):
            if prev.start == 0:
                break
            prev = st.sdoc[prev.start - 1].sent
            main_days = {iso for span, iso in _dates(st, prev) if len(iso) == 10 and _on_main_verb(span, prev)}
            if main_days:
                if len(main_days) == 1:
                    return main_days.pop(), "sentence"
                break
        lead = _lead_date(st)
        if lead:
            return lead, "lead"
    text = st.doc.text
    para_start = text.rfind("\n\n", 0, sent.start_char) + 1
    prev = sent
    anchored: str | None = None
    while prev.start > 0:
        prev = st.sdoc[prev.start - 1].sent
        if prev.start_char < para_start:
            break
        if not any(t.pos_ in ("VERB", "AUX") for t in prev):
            continue  # a dateline ("SEOUL, Feb. 11 (Yonhap) --") dates the report, not the events of its paragraph
        for span, iso in _dates(st, prev):
            if _on_main_verb(span, prev):
                anchored = iso  # keep walking back: the earliest such date anchors the paragraph
    if anchored:
        return anchored, "paragraph"
    event = _event_date(st, sent)
    if event:
        return event, "event"
    lead = _lead_date(st) if rel in _EVENT_RELATIONS else None
    if lead:
        return lead, "lead"
    return (st.doc.date, "document") if st.doc.date else (None, None)


_SAME_DAY = re.compile(r"\bthe same day\b", re.I)
_RELATIVE_DAY = re.compile(r"\b(?:the (?:day|evening|night) before|the previous day|a day earlier)\b|"
                           r"\b(?:the (?:next|following) day|a day later)\b", re.I)


def _relative_day(sent: Span) -> int:
    """-1 for "the day before", "the previous day"; +1 for "the next day", "a day later"; 0 for none."""
    m = _RELATIVE_DAY.search(sent.text)
    if m is None:
        return 0
    return 1 if any(w in m.group(0).lower() for w in ("next", "following", "later")) else -1


def _lead_date(st: DocState) -> str | None:
    """'On November 17, President X received the delegation ...': a news report's first sentence dates the event
    the whole report is about; a sentence with no date of its own, in its paragraph or on an event it names, took
    place then. Only a day on the lead's main verb, in the month before the document's date."""
    if st.lead_date is not None:
        return st.lead_date or None
    st.lead_date = ""
    doc_date = st.doc.date
    if not doc_date or len(doc_date) < 7:
        return None
    first: Span | None = None
    for sent in st.sdoc.sents:
        if not any(t.is_alpha for t in sent) or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue  # a title line
        if first is not None and ("\n\n" in st.doc.text[first.end_char:sent.start_char] or
                                  any(iso for _span, iso in _dates(st, first))):
            break
        days = [(span, iso) for span, iso in _dates(st, sent) if len(iso) == 10 and iso[:len(doc_date)] <= doc_date
                and _days_before(iso, doc_date) <= 31 and not _on_say_verb(span)]
        main = [iso for span, iso in days if _on_main_verb(span, sent)]
        if main:
            st.lead_date = main[0]
        elif len({iso for _span, iso in days}) == 1:
            # "Hanwha Energy will build a plant under an investment agreement signed with the government on
            # Tuesday": the one day the lead gives, on whichever verb, dates what the report is about
            st.lead_date = days[0][1]
        else:
            # "Hyundai E&C has won a contract to build a highway section, the State Road Agency said on Thursday":
            # with no other day, the day it was told is nearer the event than the day it was printed
            said = {iso for span, iso in _dates(st, sent) if len(iso) == 10 and iso[:len(doc_date)] <= doc_date
                    and _days_before(iso, doc_date) <= 31 and _on_say_verb(span)}
            if len(said) == 1 and not days:
                st.lead_date = said.pop()
        if st.lead_date or first is not None:
            break
        # "Kyrgyzstan and South Korea have renewed their memorandum on sending workers. The document was signed in
        # Seoul on Wednesday": a lead with no date at all may take the day its paragraph's next sentence gives
        first = sent
    return st.lead_date or None


def _on_say_verb(date: Span) -> bool:
    """'Korea Zinc said Wednesday it has signed ...': the day of the report, not of what it reports."""
    head = date.root.head if date.root.dep_ in ("npadvmod", "nmod", "tmod") else \
        date.root.head.head if date.root.dep_ == "pobj" and date.root.head.dep_ == "prep" else None
    return head is not None and head.lemma_.lower() in SAY_VERBS and any(c.dep_ == "ccomp" for c in head.children)


def _days_before(iso: str, doc_date: str) -> int:
    end = calendar_date.fromisoformat(doc_date if len(doc_date) == 10 else doc_date + "-28")  # (a month: its end)
    return (end - calendar_date.fromisoformat(iso)).days


def _event_date(st: DocState, sent: Span) -> str | None:
    """'The opening ceremony was held on 22 April 2025. ... After the ceremony KT&G signed a memorandum': a
    sentence with no date of its own that names an event dated earlier in the document takes that event's date
    (the date on the main verb of an earlier sentence that names the event)."""
    events = {i for m in st.mentions if sent.start <= m.start < sent.end and m.label == "Event" for i in m.ids}
    if not events:
        return None
    for m in sorted((m for m in st.mentions if m.label == "Event" and m.start < sent.start), key=lambda m: m.start):
        if not events & set(m.ids):
            continue
        earlier = st.sdoc[m.start].sent
        dated = [iso for span, iso in _dates(st, earlier) if _on_main_verb(span, earlier)
                 or _on_clause_of(span, m.start, m.end)]
        if dated:
            return dated[0]
    return None


def _on_clause_of(date: Span, start: int, end: int) -> bool:
    """Does the date sit in a participle or relative clause on the tokens start..end ("the Kazakhstan-Korea Business
    Forum held in Astana on Nov. 11": the forum's date)?"""
    for t in date.root.ancestors:
        if t.dep_ in ("acl", "relcl"):
            return start <= t.head.i < end
    return False


_NAMED = frozenset({"Firm", "Organization", "Person", "Location", "Country", "Group"})


def _outside_clause_ok(st: DocState, date: Span, trigger: Token) -> bool:
    """False when the date sits in a participle or relative clause on a named entity ("GM Uzbekistan, established
    in 1996, ...") that the trigger is not in: it dates the entity's own history. A clause on the trigger's noun
    or on a common noun ("relations, which were established on 27 April 1992", "a programme announced in
    January 2023") keeps its date. Nor does the day a report was made date what it reports ("Korea Zinc said
    Wednesday it has signed ...": the signing may be days older)."""
    if _on_say_verb(date):
        said = date.root.head if date.root.dep_ != "pobj" else date.root.head.head
        if said.i != trigger.i and any(c.dep_ == "ccomp" and c.left_edge.i <= trigger.i <= c.right_edge.i
                                       for c in said.children):
            return False
    for t in [date.root, *date.root.ancestors]:
        if t.pos_ == "VERB" and t.dep_ in ("acl", "relcl") and \
                any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in t.children) and \
                not (t.head.i in st.at and st.at[t.head.i].label == "Event"):
            # "held talks on a plan by KDB to open an office in Tashkent next year": an infinitive on a noun dates
            # what is to be done, not the fact stated outside it (but "the summit to be held in 2026" dates the
            # summit)
            return t.left_edge.i <= trigger.i <= t.right_edge.i
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("since", "before", "until") for c in t.children):
            # "the first leader to visit South Korea since Lee took office in June": the clause dates another event
            return t.left_edge.i <= trigger.i <= t.right_edge.i
        if t.dep_ in ("acl", "relcl"):
            if t.head.i == trigger.i:
                return True  # "KOICA's Tajikistan office, which opened in 2013": the clause dates the trigger's noun
            around = [t.head, *(c for c in t.head.children if c.dep_ in ("appos", "nmod", "compound"))]
            named = any(x.i in st.at and st.at[x.i].label in _NAMED for x in around) or \
                t.head.ent_type_ in ("NORP", "PERSON", "ORG", "GPE")  # "Koreans deported ... in 1937"
            return not named or t.left_edge.i <= trigger.i <= t.right_edge.i
    return True


def _on_main_verb(date: Span, sent: Span) -> bool:
    """Does the date modify its sentence's main verb, directly or through prepositional phrases ("held talks in
    Seoul on 14 November", where the parser may hang "on" on "Seoul")?"""
    root = sent.root
    if root.lemma_.lower() in SAY_VERBS:
        # "A and B agreed on Wednesday to ..., Yonhap reported": the main verb is the one reported
        root = next((c for c in root.children if c.dep_ == "ccomp"), root)
    t = date.root
    for _ in range(6):
        if t.dep_ not in ("pobj", "prep", "npadvmod", "appos", "dobj", "attr") or t.head.i == t.i:
            break
        t = t.head
        if t.i == root.i or t.dep_ == "conj" and t.head.i == root.i:
            return True
    return False


register("reference:gazetteer-parent", stage="reference", confidence=1.0,
         description="A mentioned affiliate belongs to the group the gazetteer names as its parent (reference data, "
                     "no sentence)")


def subsidiaries(st: DocState) -> None:
    """Gazetteer parents: a mentioned affiliate belongs to its group. Reference data, not the document's word: the
    fact says so (`source="reference"`) and carries no sentence."""
    for m in st.mentions:
        entry = st.gaz.entries.get(m.id)
        if entry is None or not entry.parent or m.id not in st.entities:
            continue
        parent = st.gaz.entries[entry.parent]
        entity(st, parent.id, parent.label, parent.name)
        key = (m.id, "SUBSIDIARY_OF", parent.id, -1)
        if key in st.facts or (m.id, "SUBSIDIARY_OF", parent.id) in st.triples:
            continue
        st.facts[key] = Fact(subject=m.id, relation="SUBSIDIARY_OF", object=parent.id,
                             rule="reference:gazetteer-parent", confidence=1.0, source="reference")




def agreement_dates(st: DocState) -> None:
    """'Uzbekistan and Korea have signed a loan agreement ... The loan agreement was signed on 13 July': one
    agreement is signed once, so a signing its own sentence does not date takes the date another sentence states
    for the signing of the same agreement (when the document states one such date), as an event's date."""
    stated: dict[str, set[str]] = {}
    for f in st.facts.values():
        if f.relation == "SIGNS" and f.evidence is not None and f.evidence.date and \
                f.evidence.date_source in ("sentence", "paragraph"):
            stated.setdefault(f.object, set()).add(f.evidence.date)
    dated = {a: next(iter(d)) for a, d in stated.items() if len(d) == 1}
    if not dated:
        return
    by_sentence: dict[int, set[str]] = {}
    for f in st.facts.values():
        if f.relation == "SIGNS" and f.object in dated and f.evidence is not None:
            by_sentence.setdefault(f.evidence.start, set()).add(f.object)
    for key, f in list(st.facts.items()):
        ev = f.evidence
        if ev is None or ev.date_source not in ("document", "lead"):
            continue
        if f.relation == "SIGNS" and f.object in dated:
            date = dated[f.object]
        elif f.relation in ("PARTNERS_WITH", "COVERS") and len(by_sentence.get(ev.start, ())) == 1:
            # the partners and topics of that signing, in the same sentence
            agreement = next(iter(by_sentence[ev.start]))
            if f.relation == "COVERS" and f.subject != agreement:
                continue
            date = dated[agreement]
        else:
            continue
        st.facts[key] = f.model_copy(update={"evidence": ev.model_copy(update={"date": date,
                                                                              "date_source": "event"})})


def name_agreements(st: DocState) -> None:
    """Give an agreement named only by its kind ("memorandum") a name an analyst can tell apart from the
    others in a view: what it covers and when, e.g. "memorandum on critical minerals (2024-06)"."""
    covers: dict[str, list[str]] = {}
    for f in sorted((f for f in st.facts.values() if f.evidence), key=lambda f: f.evidence.start if f.evidence else 0):
        if f.relation == "COVERS" and f.subject in st.entities and f.object in st.entities:
            covers.setdefault(f.subject, []).append(st.entities[f.object].name)
    for eid, ent in st.entities.items():
        # only this document's own, unnamed agreements ("agreement:<doc>:<kind>-<n>"), never a shared one
        if ent.label != "Agreement" or eid.count(":") != 2 or len(ent.name.split()) > 3:
            continue
        topics = list(dict.fromkeys(covers.get(eid, [])))
        name = ent.name
        if topics:
            name += " on " + topics[0] + (" and more" if len(topics) > 1 else "")
        if st.doc.date:
            name += f" ({st.doc.date})"
        if name != ent.name:
            st.entities[eid] = ent.model_copy(update={"name": name, "aliases": [*ent.aliases, ent.name]})



def country_body_aliases(st: DocState) -> None:
    """A country's body named without the country ("the Ministry of Health", whose id the text's words or a
    minister's title made Uzbekistan's) is also known by its name with the country: "Ministry of Health of
    Uzbekistan", "Uzbek Ministry of Health", as readers and other documents name it."""
    for eid, ent in list(st.entities.items()):
        country = ent.properties.get("country")
        if ent.label != "Organization" or not isinstance(country, str) or country not in st.gaz.entries or \
                not eid.startswith(f"org:{country.split(':', 1)[1]}-"):
            continue
        entry = st.gaz.entries[country]
        words = {w.lower() for n in (entry.name, *entry.aliases, *entry.demonyms) for w in n.split()}
        if words & set(ent.name.lower().split()) - {"republic", "of", "the"}:
            continue  # (the name says whose it is already)
        extra = [f"{ent.name} of {entry.name}", *(f"{ent.name} of the {a}" for a in entry.aliases[:3]
                                                  if a.startswith("Republic of ")),
                 *(f"{d} {ent.name}" for d in entry.demonyms[:1])]
        aliases = [a for a in extra if a not in ent.aliases and a != ent.name]
        if aliases:
            st.entities[eid] = ent.model_copy(update={"aliases": [*ent.aliases, *aliases]})


_POSTED_BODIES = ("embassy", "consulate")


def posted_body_aliases(st: DocState) -> None:
    """An embassy or consulate named and then placed ("Tajikistan's embassy in Seoul", "the Embassy of the Republic
    of Korea in Dushanbe") is also known by its name with that city, as readers name it."""
    for m in st.mentions:
        ent = st.entities.get(m.ids[0]) if len(m.ids) == 1 else None
        if ent is None or ent.label != "Organization" or not ent.name.lower().startswith(_POSTED_BODIES) or \
                m.end + 1 >= len(st.sdoc) or st.sdoc[m.end].lower_ != "in":
            continue
        place = st.at.get(m.end + 1)
        if place is None or place.label != "Location" or len(place.ids) != 1 or place.start != m.end + 1 or \
                " in " in ent.name:
            continue
        alias = f"{ent.name} in {st.entities[place.id].name if place.id in st.entities else place.text}"
        if alias not in ent.aliases:
            st.entities[ent.id] = ent.model_copy(update={"aliases": [*ent.aliases, alias]})
