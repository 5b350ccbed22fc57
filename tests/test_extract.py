"""Extraction quality and document reading. No database needed; the spaCy model loads once per session."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from graph.documents import DocumentError, parse_document, read_document
from graph.evaluate import (
    MONEY_RELATIONS,
    Ent,
    Score,
    XFact,
    evaluate,
    facts_of_extraction,
    load_gold,
    score_document,
    split_parts,
)
from graph.extract import Extractor, name_key
from graph.extract.registry import RULES
from graph.models import Extraction
from graph.schema import RELATIONSHIPS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import check_gold  # noqa: E402
import split_corpus  # noqa: E402

SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"
SEED_FILE = next(SEEDS.glob("000_*.txt"))


def _gold(name: str) -> dict[str, dict]:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))["documents"]


def _facts(ex: Extraction, subject: str, relation: str, obj: str) -> list:
    return [f for f in ex.facts if (f.subject, f.relation, f.object) == (subject, relation, obj)]


# -- quality against gold -----------------------------------------------------------------------------------
# Floors a point or two under what `kg eval` measures (README, "Quality"): a regression fails here. The blind
# part's gold is read only through these figures, never fact by fact, while rules are written.

FLOORS = {"seed": (0.98, 0.98), "development": (0.95, 0.875), "blind": (0.805, 0.44)}


@pytest.fixture(scope="session")
def part_scores(extractor: Extractor) -> dict[str, Score]:
    return {p.part: p.score for p in evaluate(SEEDS, extractor)}


@pytest.mark.parametrize("part", list(FLOORS))
def test_precision_and_recall_floors(part_scores: dict[str, Score], part: str) -> None:
    s = part_scores[part]
    floor_p, floor_r = FLOORS[part]
    got_p, got_r = s.precision, s.recall  # plain numbers: a failure must not print the blind part's gold
    figures = s.as_dict()
    assert got_p >= floor_p, (figures, [(x.doc, x.subject.id, x.relation, x.object.id)
                                        for x in s.false_positives] if part != "blind" else "")
    assert got_r >= floor_r, (figures, s.misses if part != "blind" else "")


def test_money_and_stakes_are_counted_by_relation(part_scores: dict[str, Score]) -> None:
    # `kg eval` reports stakes, ownership, investment, loans, financing and aid on their own (issue #12): the gold
    # counts are those of the development gold file, and a match is never counted beyond what was stated or made
    dev = part_scores["development"]
    names = set(split_parts()["development"])
    stated = {rel: sum(1 for n, facts in _gold("dev.json").items() if n in names for f in facts["facts"]
                       if f["relation"] == rel and f.get("origin", "gold.json") == "gold.json"
                       and not f.get("out_of_scope"))
              for rel in MONEY_RELATIONS}
    figures = dev.relation_figures(MONEY_RELATIONS)
    assert {rel for rel, n in stated.items() if n} <= set(figures)
    for rel, c in figures.items():
        assert c["gold"] == stated[rel], rel
        assert 0 <= c["matched_gold"] <= c["gold"] and 0 <= c["matched_extracted"] <= c["extracted"]
    assert sum(c["matched_gold"] for c in figures.values()) >= 10  # 11 of 12 at 190136f (README)
    assert dev.as_dict()["money_and_stakes"] == figures


def test_blind_documents_get_facts_like_development_ones(part_scores: dict[str, Score]) -> None:
    # measured 0.648 (10.8 facts per blind document, 16.6 per development one; README): the bar is 0.7,
    # not met; the floor sits under the figure
    ratio = part_scores["blind"].facts_per_document / part_scores["development"].facts_per_document
    assert ratio >= 0.635, ratio


# The probe sets (tests/probes/README.md): synthetic digests whose gold a second reader wrote before the extractor
# ran on them. The first, second, fourth, fifth, sixth, seventh, eleventh, thirteenth, sixteenth, seventeenth,
# nineteenth, twentieth, twenty-fourth, thirty-second, thirty-fourth, thirty-sixth, thirty-eighth, fortieth and
# forty-second were then read to write rules; the third, eighth, ninth, tenth, twelfth, fourteenth, fifteenth,
# eighteenth, twenty-first, twenty-second, twenty-third, twenty-fifth to twenty-ninth, thirtieth, thirty-first,
# thirty-third, thirty-fifth, thirty-seventh, thirty-ninth, forty-first and forty-third were measured and not read.
# Each floor sits a point or two under the last measurement (README).
PROBE_FLOORS = {"first": (0.92, 0.905), "second": (0.9, 0.825), "third": (0.705, 0.61), "fourth": (0.86, 0.9),
                "fifth": (0.845, 0.89), "sixth": (0.825, 0.9), "seventh": (0.84, 0.93), "eighth": (0.735, 0.74),
                "ninth": (0.74, 0.645), "tenth": (0.775, 0.595), "eleventh": (0.865, 0.85), "twelfth": (0.84, 0.66),
                "thirteenth": (0.83, 0.865), "fourteenth": (0.76, 0.6), "fifteenth": (0.77, 0.67),
                "sixteenth": (0.865, 0.825), "seventeenth": (0.855, 0.83), "eighteenth": (0.755, 0.59),
                "nineteenth": (0.86, 0.785), "twentieth": (0.83, 0.88), "twentyfirst": (0.85, 0.69),
                "twentysecond": (0.79, 0.695), "twentythird": (0.765, 0.74), "twentyfourth": (0.835, 0.885),
                "twentyfifth": (0.81, 0.65), "twentysixth": (0.75, 0.655), "twentyseventh": (0.765, 0.545),
                "twentyeighth": (0.725, 0.65), "twentyninth": (0.785, 0.6), "thirtieth": (0.785, 0.655),
                "thirtyfirst": (0.74, 0.665), "thirtysecond": (0.85, 0.72), "thirtythird": (0.765, 0.615),
                "thirtyfourth": (0.8, 0.795), "thirtyfifth": (0.735, 0.655), "thirtysixth": (0.815, 0.75),
                "thirtyseventh": (0.78, 0.635), "thirtyeighth": (0.815, 0.705), "thirtyninth": (0.745, 0.475),
                "fortieth": (0.89, 0.635), "fortyfirst": (0.805, 0.53), "fortysecond": (0.795, 0.635),
                "fortythird": (0.78, 0.65)}


@pytest.mark.parametrize("name", list(PROBE_FLOORS))
def test_probe_set_floors(extractor: Extractor, name: str) -> None:
    total = Score()
    for path in sorted((ROOT / "tests" / "probes" / name).glob("*.txt")):
        doc = read_document(path)
        gold = load_gold(path.with_suffix(".json"))[path.name]
        total.add(score_document(path.name, doc.text, facts_of_extraction(path.name, extractor.extract(doc)), gold))
    floor_p, floor_r = PROBE_FLOORS[name]
    assert total.precision >= floor_p and total.recall >= floor_r, total.as_dict()


def test_scorer_can_fail() -> None:
    text = "Alpha Corp signed an agreement with Beta Ltd. Gamma leads Delta."
    a = Ent("firm:alpha", "Firm", frozenset({"firm:alpha", "alpha"}))
    b = Ent("firm:beta", "Firm", frozenset({"firm:beta", "beta"}))
    c = Ent("person:gamma", "Person", frozenset({"gamma"}))
    d = Ent("org:delta", "Organization", frozenset({"delta"}))
    agreement = Ent("agreement:x:agreement-1", "Agreement", frozenset({"agreement"}))
    gold = [
        {"subject": "Alpha Corp", "relation": "PARTNERS_WITH", "object": ["Beta Ltd.", "Beta"], "origin": "gold.json",
         "evidence": "Alpha Corp signed an agreement with Beta Ltd"},
        {"subject": "Alpha", "subject_label": "Firm", "relation": "SIGNS", "object": "the Alpha-Beta pact",
         "object_label": "Agreement", "origin": "reader", "evidence": "signed an agreement"},
        {"subject": "Gamma", "relation": "LEADS", "object": "Delta", "origin": "gold.json", "evidence": "Gamma leads"},
    ]

    def x(s: Ent, rel: str, o: Ent, start: int) -> XFact:
        return XFact("d", s, rel, o, start, start + 10, "", "test", 1.0, None)

    extracted = [
        x(b, "PARTNERS_WITH", a, 0),  # symmetric: either order matches
        x(a, "SIGNS", agreement, 5),  # unnamed agreement: matched by overlapping evidence
        x(c, "WORKS_FOR", d, 46),  # wrong type: no match
    ]
    s = score_document("d", text, extracted, gold)
    assert (s.matched_extracted, s.extracted) == (2, 3)
    assert (s.matched_gold, s.gold) == (1, 2)
    # the agreement far from the gold evidence does not match
    far = score_document("d", text, [x(a, "SIGNS", agreement, 46)], gold)
    assert far.matched_extracted == 0


@pytest.mark.parametrize("name", ["dev.json", "blind.json"])
def test_gold_files_are_well_formed(name: str) -> None:
    assert check_gold.problems(GOLD / name) == []
    parts = split_parts()
    assert sorted(load_gold(GOLD / name)) == sorted(parts["development" if name == "dev.json" else "blind"])


def test_split_follows_its_recorded_rule() -> None:
    recorded = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    names = sorted(p.name for p in SEEDS.glob("[0-9][0-9]_*.txt"))
    assert recorded == split_corpus.record(names)
    n = len(names)
    assert len(recorded["blind"]) >= n / 3 and len(recorded["development"]) <= 2 * n / 3


# -- specific facts -----------------------------------------------------------------------------------------


def test_kigam_and_sk_ecoplant_linked_to_lithium(extractions: dict[str, Extraction]) -> None:
    ex = extractions[SEED_FILE.name]
    for firm in ("org:kigam", "firm:sk-ecoplant"):
        facts = [f for f in ex.facts if f.subject == firm and f.object == "mineral:lithium"]
        assert facts, firm
        assert "lithium deposits" in facts[0].evidence.sentence
        assert "KIGAM, SK ecoplant" in facts[0].evidence.sentence


def test_doosan_enerbility_builds_plant_in_turkestan(extractions: dict[str, Extraction]) -> None:
    ex = extractions[SEED_FILE.name]
    assert _facts(ex, "firm:doosan-enerbility", "SUBSIDIARY_OF", "firm:doosan")
    builds = [f for f in ex.facts if f.subject == "firm:doosan-enerbility" and f.relation == "BUILDS"]
    assert len(builds) == 1
    project = builds[0].object
    assert project.startswith("project:")
    assert builds[0].modality == "under_construction"
    assert _facts(ex, project, "LOCATED_IN", "location:turkestan")
    labels = {e.id: e.label for e in ex.entities}
    assert labels[project] == "Project"


def test_entity_resolution(extractions: dict[str, Extraction], extractor: Extractor) -> None:
    # "SK Ecoplant Co. Ltd." (corpus) and "SK ecoplant" (seed) are one node
    doc12 = extractions["12_digest_timesca_kazakhstan-critical-minerals-mous.txt"]
    assert "firm:sk-ecoplant" in doc12.mentions
    assert name_key("SK Ecoplant Co. Ltd.") == name_key("SK ecoplant")
    assert name_key("Samsung C&T Corporation") == name_key("Samsung C&T")
    # Korea / South Korea / Republic of Korea / ROK / Korean (the state) -> one country
    doc = parse_document(
        "The Republic of Korea and Kazakhstan signed an agreement. ROK companies invest in Kazakhstan. "
        "Korea and Uzbekistan cooperate in energy. South Korea trades with Tajikistan. "
        "The Korean government announced the K-Silk Road initiative.",
        doc_id="doc:resolution",
    )
    ex = extractor.extract(doc)
    countries = {e.id for e in ex.entities if e.label == "Country"}
    assert "country:south-korea" in countries
    assert not {c for c in countries if "korea" in c} - {"country:south-korea"}
    assert _facts(
        ex, "country:south-korea", "SIGNS", next(f.object for f in ex.facts if f.relation == "SIGNS")
    )
    # person short names resolve to the full name given earlier
    doc18 = extractions["18_digest_ajp_lee-tokayev-phone-call-c5k-summit.txt"]
    persons = {e.id for e in doc18.entities if e.label == "Person"}
    assert "person:kassym-jomart-tokayev" in persons and "person:tokayev" not in persons


def test_group_references_and_compounds(extractions: dict[str, Extraction]) -> None:
    # "the two countries signed eight ... agreements" -> both countries sign
    doc10 = extractions["10_digest_kbs_turkmenistan-eight-agreements.txt"]
    signers = {f.subject for f in doc10.facts if f.relation == "SIGNS" and f.object.endswith(":agreement-1")}
    assert signers == {"country:south-korea", "country:turkmenistan"}
    # consortium of four -> four BUILDS facts
    doc22 = extractions["22_digest_oreanda_balkhash-power-plant-samsung-kepco.txt"]
    builders = {
        f.subject
        for f in doc22.facts
        if f.relation == "BUILDS" and f.object == "project:balkhash-power-plant"
    }
    assert builders == {"firm:samruk-energo", "firm:kazakhmys", "firm:kepco", "firm:samsung-cnt"}


def test_quantities_normalised(extractions: dict[str, Extraction]) -> None:
    doc24 = extractions["24_digest_uzdaily_mirziyoyev-lee-jae-myung-unga-2025.txt"]
    [inv] = _facts(doc24, "firm:korean-companies", "INVESTS_IN", "country:uzbekistan")
    assert [(q.kind, q.value, q.unit) for q in inv.quantities] == [("money", 8e9, "USD")]
    seed = extractions[SEED_FILE.name]
    [ops] = _facts(seed, "firm:korean-companies", "OPERATES_IN", "country:kazakhstan")
    assert ops.quantities[0].kind == "count" and ops.quantities[0].value == 700
    from graph.extract import find_quantities

    got = {
        (q.kind, q.value, q.unit)
        for q in find_quantities(
            "$9.6 billion, USD 3.8 billion, US$8 billion, 25 percent, 1,320 MW and a 52,000-square-metre site"
        )
    }
    assert got == {
        ("money", 9.6e9, "USD"),
        ("money", 3.8e9, "USD"),
        ("money", 8e9, "USD"),
        ("percent", 25.0, "percent"),
        ("capacity", 1320.0, "MW"),
        ("area", 52000.0, "m2"),
    }


def test_facts_fit_schema_and_carry_rule_confidence_and_evidence(extractions: dict[str, Extraction]) -> None:
    for ex in extractions.values():
        labels = {e.id: e.label for e in ex.entities}
        for f in ex.facts:
            assert RELATIONSHIPS[f.relation].allows(labels[f.subject], labels[f.object])
            assert f.rule in RULES and 0 < f.confidence <= 1
            if f.source == "reference":
                # reference data is not evidence: no borrowed sentence
                assert f.evidence is None and RULES[f.rule].stage == "reference"
                continue
            assert f.evidence is not None
            assert ex.document.text[f.evidence.start : f.evidence.end] == f.evidence.sentence
            assert f.evidence.doc_id == ex.document.id
            if f.evidence.date_source in (None, "document"):  # the marked fallback
                assert f.evidence.date == ex.document.date
        assert set(ex.mentions) <= set(labels)


def test_extraction_is_deterministic(extractor: Extractor) -> None:
    doc = read_document(SEED_FILE)
    first = extractor.extract(doc).model_dump_json()
    assert extractor.extract(doc).model_dump_json() == first
    assert Extractor().extract(doc).model_dump_json() == first


# -- reading documents --------------------------------------------------------------------------------------


def test_seed_header_free_title_and_date() -> None:
    doc = read_document(SEED_FILE)
    assert doc.id == "doc:" + SEED_FILE.stem
    assert doc.title and doc.title.startswith("Korea launches K-Silk Road")
    assert (doc.date, doc.date_text) == ("2024-06-12", "June 12, 2024")
    assert len(doc.content_hash) == 64


def test_corpus_header_parsed() -> None:
    p = SEEDS / "12_digest_timesca_kazakhstan-critical-minerals-mous.txt"
    doc = read_document(p)
    raw = p.read_text(encoding="utf-8")
    assert doc.source and doc.source.startswith("http://timesca.com/")
    assert doc.date == "2024-06" and doc.date_text and doc.date_text.startswith("2024-06 (")
    assert raw[doc.body_offset :].startswith(doc.text)
    assert not doc.text.startswith("source:")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait", "UTF-8"),
        (bytes(range(1, 9)) * 50, "non-text"),
    ],
)
def test_bad_input_rejected(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        read_document(p)


def test_oversize_and_unreadable(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(DocumentError, match="larger than"):
        read_document(p, max_bytes=1000)
    with pytest.raises(DocumentError, match="larger than"):
        parse_document(b"x" * 2000, doc_id="doc:big", max_bytes=1000)
    with pytest.raises(DocumentError, match="cannot read"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(DocumentError):
        read_document(tmp_path)  # a directory


def test_html_markup_and_script_dropped(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<!doctype html><html><head><title>Posco in Uzbekistan</title><style>p{color:red}</style>"
        "<meta name='date' content='2025-03-04'><script>var secret = 'SCRIPT_TEXT';</script></head>"
        "<body><h1>Posco in Uzbekistan</h1><p>POSCO International is building a plant in Tashkent.</p>"
        "<script type='text/javascript'>document.write('MORE_SCRIPT')</script>"
        "<p>Second &amp; last.</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(p)
    assert "SCRIPT_TEXT" not in doc.text and "MORE_SCRIPT" not in doc.text and "color:red" not in doc.text
    assert "<p>" not in doc.text and "Second & last." in doc.text
    assert doc.title == "Posco in Uzbekistan" and doc.date == "2025-03-04"


def test_generalises_to_an_unseen_article(extractor: Extractor) -> None:
    doc = parse_document(
        "POSCO International signed a memorandum of understanding with Uzbekistan's "
        "Ministry of Mining Industry and Geology on 3 March 2025. "
        "Korea Zinc plans to build a zinc smelter in Ust-Kamenogorsk. "
        "Uzbek President Shavkat Mirziyoyev met POSCO chairman Chang In-hwa in Tashkent.",
        doc_id="doc:unseen",
    )
    ex = extractor.extract(doc)
    triples = {(f.subject, f.relation, f.object) for f in ex.facts}
    assert ("firm:posco-international", "SUBSIDIARY_OF", "firm:posco") in triples
    assert any(
        t[1] == "PARTNERS_WITH"
        and "firm:posco-international" in t
        and "org:uzbekistan-ministry-of-mining-industry-and-geology" in t
        for t in triples
    )
    assert any(t[0] == "firm:korea-zinc" and t[1] == "PLANS_TO_BUILD" for t in triples)
    assert ("person:chang-in-hwa", "LEADS", "firm:posco") in triples
