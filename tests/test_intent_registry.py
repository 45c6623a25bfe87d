"""Every intent is one entry of queries.intents.INTENTS with its examples: each example is recognised by
that very intent on the samples, answers without an error, and the offered examples start with the main
forms. An intent added without a working example fails here."""

from __future__ import annotations

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries.ask import ask
from policykg.queries.gazetteer import fold, gazetteer_for
from policykg.queries.intents import EXAMPLES, INTENTS, Problem, Question, first_fit

CASES = [(intent.name, example) for intent in INTENTS for example in intent.examples]
REFUSALS = {"missing_unit", "unknown_title", "unknown_name", "ambiguous_name"}
NEEDS_OVERLAP = {"similar"}  # its pairs exist only after `policykg overlap`


@pytest.mark.parametrize(("name", "example"), CASES)
def test_each_example_reaches_its_own_intent(corpus_store: LadybugStore, name: str, example: str) -> None:
    gazetteer = gazetteer_for(corpus_store)
    found = first_fit(Question.parse(fold(example), gazetteer), gazetteer)
    assert found is not None and found[0].name == name, (example, found and found[0].name)
    answer = ask(corpus_store, example)
    if name in REFUSALS:
        assert isinstance(found[1], Problem) and answer["rows"] == [] and answer["candidates"]
    elif name not in NEEDS_OVERLAP:
        assert answer["rows"], (example, answer["message"])


def test_every_answering_intent_has_an_example() -> None:
    assert [intent.name for intent in INTENTS if not intent.examples] == ["ambiguous_name"]  # needs two titles
    assert len({name for name, _ in CASES}) == len(INTENTS) - 1


def test_the_offered_examples_start_with_the_main_forms() -> None:
    assert EXAMPLES[:2] == ("县司法局牵头哪些措施", "哪些措施引用了《重大行政决策程序暂行条例》")
    assert len(EXAMPLES) == len(set(EXAMPLES))
    refusals = {example for intent in INTENTS if intent.name in REFUSALS for example in intent.examples}
    assert not refusals & set(EXAMPLES)
