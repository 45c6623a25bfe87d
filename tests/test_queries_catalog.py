"""The named-query catalog: headers, parameters, dialect overrides, and every query on the project corpus."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from policykg.core.errors import QueryError
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.schema import LABELS, REL_TYPES
from policykg.queries.catalog import (
    CYPHER_PACKAGE,
    REQUIRED,
    counting,
    load_catalog,
    named_query,
    parse_query_file,
    run_named,
)
from policykg.queries.intents import INTENTS
from tests.corpus import SONGYANG, SUICHANG

CATALOG = load_catalog()
ISSUE_QUERIES = (
    "unit_measures",  # measures of a unit by role
    "measure_units",  # units of a measure
    "unit_workload",  # a unit's workload
    "co_leading_units",  # units that co-lead the most measures
    "shared_measures",  # the measures two units share
    "instrument_measures",  # measures citing an instrument
    "top_instruments",  # most-cited instruments
    "instrument_documents",  # documents citing an instrument
    "measures_due",  # measures due in a period
    "section_measures",  # measures of a document under a section
    "unit_neighbourhood",  # a unit's neighbourhood
    "shortest_path",  # shortest path between two units
    "similar_measures",  # near-duplicate measures across documents
)


def test_the_catalog_has_every_query_the_issue_asks_for() -> None:
    assert set(ISSUE_QUERIES) <= set(CATALOG)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_query_has_a_header_and_uses_exactly_its_parameters(name: str) -> None:
    query = CATALOG[name]
    assert query.title and query.description
    declared = {p.name for p in query.params}
    for dialect, body in query.bodies.items():
        used = set(re.findall(r"\$(\w+)", body))
        assert used == declared, f"{name} ({dialect}) uses {sorted(used)}, declares {sorted(declared)}"
        assert "ORDER BY" in body, f"{name} ({dialect}) has no ORDER BY: rows must come in a fixed order"
        assert not re.search(r"\{\w*\}|%s|%\(", body), f"{name} ({dialect}) has a string-formatting slot"
    assert set(query.example) <= declared
    assert all(p.name in query.example for p in query.params if p.required), f"{name}: example misses a parameter"


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_labels_and_relationship_types_come_from_the_schema(name: str) -> None:
    for body in CATALOG[name].bodies.values():
        labels = set(re.findall(r"\(\w*:(\w+)", body))
        types = {t for group in re.findall(r"\[\w*:([\w|]+)", body) for t in group.split("|")}
        assert labels <= set(LABELS), f"{name}: unknown labels {labels - set(LABELS)}"
        assert types <= set(REL_TYPES), f"{name}: unknown relationship types {types - set(REL_TYPES)}"


def test_overrides_sit_beside_a_neo4j_file_and_say_why() -> None:
    folder = resources.files(CYPHER_PACKAGE)
    for path in (f for f in folder.iterdir() if f.name.endswith(".ladybug.cypher")):
        if path.name.startswith("schema."):
            continue
        base = folder / path.name.replace(".ladybug.cypher", ".cypher")
        assert base.is_file(), f"{path.name} overrides nothing"
        assert path.read_text(encoding="utf-8").startswith("// "), f"{path.name}: say why the dialect differs"


def test_header_parsing() -> None:
    text = (
        "// title: A title\n"
        "// description: first line\n"
        "//   second line\n"
        "// param units: list -- unit names\n"
        '// param roles: list = ["lead"] -- roles -- with dashes\n'
        "// param limit: int = 5 -- rows\n"
        '// example: {"units": ["x"]}\n'
        "MATCH (u:Unit) WHERE u.name IN $units RETURN u ORDER BY u.name LIMIT $limit\n"
    )
    parsed = parse_query_file("t", text)
    assert (parsed.title, parsed.description, parsed.console) == ("A title", "first line second line", "")
    params = parsed.params
    assert [(p.name, p.type, p.default) for p in params] == [
        ("units", "list", REQUIRED),
        ("roles", "list", ["lead"]),
        ("limit", "int", 5),
    ]
    assert params[1].description == "roles -- with dashes"
    assert parsed.example == {"units": ["x"]}
    assert parsed.body.startswith("MATCH")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MATCH (n) RETURN n", "no title"),
        ("// title: t\n// params x: list -- y\nRETURN 1", "not understood"),
        ("// title: t\n// param x: dict -- y\nRETURN 1", "unknown type"),
        ("// title: t\n// param x: int = five -- y\nRETURN 1", "not JSON"),
        ("// title: t\n", "no Cypher"),
    ],
)
def test_bad_headers_are_refused(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query_file("t", text)


def test_parameters_are_checked_and_coerced() -> None:
    query = named_query("unit_measures")
    assert query.bind({"units": "宁远县司法局"}) == {
        "units": ["宁远县司法局"],
        "roles": ["lead", "participate", "responsible"],
        "limit": 10000,
    }
    with pytest.raises(QueryError, match="required"):
        query.bind({})
    with pytest.raises(QueryError, match="unknown parameter nope"):
        query.bind({"units": ["x"], "nope": 1})
    assert named_query("busiest_units").bind({"limit": "3", "collective": "true"})["limit"] == 3
    with pytest.raises(QueryError, match="must be a int"):
        named_query("busiest_units").bind({"limit": "three"})
    with pytest.raises(QueryError, match="did you mean unit_measures"):
        named_query("unit_measure")


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_query_runs_on_the_corpus_with_its_example(corpus_store: LadybugStore, name: str) -> None:
    rows = run_named(corpus_store, name, **CATALOG[name].example)
    assert isinstance(rows, list)
    if name not in ("similar_measures",):  # SIMILAR_TO exists only after `policykg overlap`
        assert rows, f"{name} gives no rows on the project corpus with its example"


def test_spot_checks_on_the_corpus(corpus_store: LadybugStore) -> None:
    # Read off the sample texts (samples/README.md): 遂昌县's 县司法局 leads 15 measures and joins 3.
    leads = run_named(corpus_store, "unit_measures", units=["遂昌县司法局"], roles=["lead"])
    assert len({r["measure_id"] for r in leads}) == 15
    units = run_named(corpus_store, "measure_units", number="9", source=SUICHANG, roles=["lead"])
    assert [r["unit"] for r in units] == ["遂昌县人民政府办公室", "遂昌县司法局"]
    section = run_named(corpus_store, "section_measures", source=SONGYANG, section="四")
    assert sorted(int(r["number"]) for r in section) == list(range(9, 14))
    workload = run_named(corpus_store, "unit_workload", units=["遂昌县司法局"])
    assert [(r["lead"], r["participate"], r["responsible"]) for r in workload] == [(15, 3, 0)]
    due = run_named(corpus_store, "measures_due", date_from="2027-01-01", date_to="2027-12-31")
    assert sorted((r["source"], r["number"]) for r in due) == [(SONGYANG, "12"), (SONGYANG, "6"), (SUICHANG, "12")]
    top = run_named(corpus_store, "top_instruments", limit=1)
    assert top[0]["instrument"] == "行政处罚法" and top[0]["documents"] == 4
    assert all(isinstance(v, int) for r in top for k, v in r.items() if k in ("documents", "citations", "measures"))


@pytest.mark.parametrize("name", sorted({intent.query for intent in INTENTS if intent.listing}))
def test_a_listing_is_counted_by_its_own_match(corpus_store: LadybugStore, name: str) -> None:
    """ask counts a listing before reading its first page (queries.paging): the count is its row count."""
    example = CATALOG[name].example
    cypher, params = counting(corpus_store, name, **example)
    assert cypher.endswith("RETURN count(*) AS total") and "limit" not in params
    listed = run_named(corpus_store, name, **example)
    assert listed and corpus_store.read(cypher, params) == [{"total": len(listed)}]


def test_rows_grouped_by_their_return_are_not_counted_as_a_listing(corpus_store: LadybugStore) -> None:
    with pytest.raises(QueryError, match="busiest_units: its rows cannot be counted"):
        counting(corpus_store, "busiest_units")


def test_the_catalog_files_are_the_only_source(tmp_path: Path) -> None:
    (tmp_path / "one.cypher").write_text("// title: One\nRETURN 1 AS x ORDER BY x\n", encoding="utf-8")
    (tmp_path / "one.ladybug.cypher").write_text("// why\nRETURN 2 AS x ORDER BY x\n", encoding="utf-8")
    (tmp_path / "schema.neo4j.cypher").write_text("CREATE CONSTRAINT x;\n", encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert list(catalog) == ["one"]
    assert catalog["one"].cypher("ladybug") == "RETURN 2 AS x ORDER BY x"
    assert catalog["one"].cypher("neo4j") == "RETURN 1 AS x ORDER BY x"


def test_every_query_and_question_runs_on_an_empty_store(tmp_path: Path) -> None:
    from policykg.queries.ask import ask

    with LadybugStore(tmp_path / "empty.lbug") as store:
        for name, query in CATALOG.items():
            rows = run_named(store, name, **query.example)
            assert rows == [] or name == "graph_signature", name
        assert run_named(store, "graph_signature") == [{"documents": 0, "measures": 0, "units": 0, "instruments": 0}]
        answer = ask(store, "县司法局牵头哪些措施")
        assert answer["rows"] == [] and answer["message"]
        assert ask(store, "哪些措施2022年底前完成")["intent"] == "measures_due"


def test_a_label_parameter_is_checked_against_the_schema_and_written_into_its_slot() -> None:
    query = named_query("nodes_by_id")
    cypher, params = query.statement("ladybug", {"label": "Unit", "ids": ["unit:x"]})
    assert "(n:Unit {id: i})" in cypher and "$label" not in cypher
    assert params == {"ids": ["unit:x"]}  # the label is in the statement, not sent as a value
    for bad in ("Nope", "Unit) DETACH DELETE n //", "unit"):
        with pytest.raises(QueryError, match="must be a node label"):
            query.statement("ladybug", {"label": bad, "ids": ["unit:x"]})


def test_a_label_parameter_stands_only_where_a_label_goes(tmp_path: Path) -> None:
    header = "// title: T\n// param label: label -- a label\n"
    (tmp_path / "as_value.cypher").write_text(
        header + "MATCH (n:$label) WHERE n.kind = $label RETURN n ORDER BY n.id\n"
    )
    with pytest.raises(QueryError, match="only where a label goes"):
        load_catalog(tmp_path)
    (tmp_path / "as_value.cypher").write_text(header + "MATCH (n:$label) RETURN n.id AS id ORDER BY id\n")
    assert (
        load_catalog(tmp_path)["as_value"].statement("neo4j", {"label": "Measure"})[0].startswith("MATCH (n:Measure)")
    )


def test_a_roles_parameter_is_written_as_relationship_types_from_the_vocabulary() -> None:
    query = named_query("unit_partners_in_roles")
    cypher, params = query.statement("ladybug", {"units": ["县司法局"], "roles": ["participate", "lead"]})
    assert "-[:`LEADS`|`PARTICIPATES_IN`]->" in cypher and "$roles" not in cypher  # in the vocabulary's order
    assert "roles" not in params and params["units"] == ["县司法局"]
    for bad in ([], ["leads"], ["lead", "LEADS]->(x) DETACH DELETE x //"], "owner"):
        with pytest.raises(QueryError, match="must list roles"):
            query.statement("ladybug", {"units": ["县司法局"], "roles": bad})


def test_a_roles_parameter_stands_only_where_relationship_types_go(tmp_path: Path) -> None:
    header = "// title: T\n// param roles: roles -- roles\n"
    (tmp_path / "as_value.cypher").write_text(
        header + "MATCH (u:Unit)-[r:$roles]->(m) WHERE type(r) IN $roles RETURN u.id AS id ORDER BY id\n"
    )
    with pytest.raises(QueryError, match="only where relationship types go"):
        load_catalog(tmp_path)


def test_console_examples_are_named_queries_with_a_console_name() -> None:
    console = {q.console: q for q in CATALOG.values() if q.console}
    assert {"Measures a unit leads", "Units with a parameter"} <= set(console)
    for query in console.values():
        assert all(p.name in query.example for p in query.params if p.required)
