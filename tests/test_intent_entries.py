"""An intent is one place: its INTENTS entry holds the rule, the catalog query, the parameters taken
from the understanding, the shaper, the summary and the examples. Here: every answering entry has them
all, its query and counting query are catalog queries taking the parameters its plans give, the plan
built from each example runs that very query and shaper, and the Ask page offers the entries' examples."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries import shaping
from policykg.queries.catalog import named_query
from policykg.queries.gazetteer import fold, gazetteer_for
from policykg.queries.intents import EXAMPLES, INTENTS, Intent, Question, first_fit
from policykg.queries.understanding import Understanding

ANSWERING = [intent for intent in INTENTS if intent.query]
REFUSING = [intent for intent in INTENTS if not intent.query]


@pytest.mark.parametrize("intent", ANSWERING, ids=lambda intent: intent.name)
def test_an_answering_entry_has_everything_in_one_place(intent: Intent) -> None:
    assert intent.params is not None and intent.examples, intent.name
    assert named_query(intent.query).name == intent.query  # a catalog query (raises when it is none)
    if intent.counted_by:
        assert named_query(intent.counted_by).name == intent.counted_by
    if intent.shaper is not None:
        assert getattr(shaping, intent.shaper.__name__) is intent.shaper  # a shaper of queries.shaping


def test_a_refusing_entry_runs_nothing() -> None:
    assert {intent.name for intent in REFUSING} == {"missing_unit", "ambiguous_name", "unknown_title", "unknown_name"}
    assert all(intent.params is None and intent.shaper is None and not intent.counted_by for intent in REFUSING)


@pytest.mark.parametrize(
    ("intent", "example"),
    [(intent, example) for intent in ANSWERING for example in intent.examples],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_each_example_plans_its_entrys_query_and_shaper(
    corpus_store: LadybugStore, intent: Intent, example: str
) -> None:
    names = gazetteer_for(corpus_store)
    found = first_fit(Question.parse(fold(example), names), names)
    assert found is not None and found[0] is intent
    understood = found[1]
    assert isinstance(understood, Understanding)
    plan = intent.plan(understood)
    assert (plan.query, plan.shaper, plan.intent) == (intent.query, intent.shaper, understood.intent)
    declared = {param.name for param in named_query(intent.query).params}
    assert set(plan.params) <= declared, set(plan.params) - declared
    assert plan.describe([])  # the entry's summary speaks for an empty answer too


ASK_PAGE = Path(__file__).parents[1] / "explorer" / "pages" / "ask.py"


def test_the_ask_page_offers_the_entries_examples() -> None:
    # Read, not imported: importing a page outside the app leaves Streamlit's state to the AppTests after it.
    tree = ast.parse(ASK_PAGE.read_text(encoding="utf-8"))
    imported = {
        (node.module, alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names
    }
    assert ("policykg.queries.intents", "EXAMPLES") in imported
    loops = [node.iter for node in ast.walk(tree) if isinstance(node, ast.For)]
    assert any("EXAMPLES" in ast.unparse(loop) for loop in loops)  # the buttons are drawn from it
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert not set(strings) & set(EXAMPLES) - {EXAMPLES[0]}  # no list of its own (the placeholder is the first)
    assert set(EXAMPLES) == {intent.examples[0] for intent in ANSWERING}
    assert EXAMPLES[0] == next(intent for intent in INTENTS if intent.offered_first == 1).examples[0]
