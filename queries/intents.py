"""The registry of intents: each kind of question is one entry of INTENTS — the rule that reads the question
into an Understanding (queries.understanding), the catalog query its plan runs, the parameters that plan takes
from the understanding, the shaper of the query's rows (queries.shaping), the answer's summary, and questions
that show it. Each entry is written in queries.forms right after its rule; here they are listed in the order
they are tried, and the first that fits wins. A rule may instead give a problem (an unknown or ambiguous
name, with candidates).

Rules read the question's *rest* (queries.question), so words inside a name never look like question words.
"""

from __future__ import annotations

from policykg.queries.forms import documents, measures, rankings, refusals, units
from policykg.queries.gazetteer import Gazetteer
from policykg.queries.intent import Intent
from policykg.queries.plan import Plan, Problem
from policykg.queries.question import Question
from policykg.queries.understanding import Understanding

# Tried in this order; the first whose rule fits wins. Problems (names the graph lacks or that fit several
# things) come first, so no answer is built on a wrong name.
INTENTS: tuple[Intent, ...] = (
    refusals.MISSING_UNIT,
    refusals.AMBIGUOUS_NAME,
    refusals.UNKNOWN_TITLE,
    units.UNIT_PATH,
    units.UNIT_PARTNERS,
    units.SHARED,
    measures.MEASURE_UNITS,
    rankings.CO_LEADING,
    rankings.CO_ASSIGNED,
    measures.MEASURES_BY_UNIT_COUNT,
    rankings.BUSIEST,
    rankings.TOP_INSTRUMENTS,
    rankings.SIMILAR,
    documents.DOCUMENT_INSTRUMENTS,
    documents.DOCUMENT_MEASURES,
    documents.INSTRUMENT_DOCUMENTS,
    documents.INSTRUMENT_MEASURES,
    units.WORKLOAD,
    units.UNIT_MEASURES,
    measures.MEASURES_WITHOUT_DEADLINE,
    measures.MEASURES_BY_DEADLINE_KIND,
    measures.MEASURES_DUE,
    documents.KIND_MEASURES,
    refusals.UNKNOWN_NAME,
)
# The questions that show what can be asked: the main forms first, then the rest in INTENTS order;
# questions that only show a refusal (an intent without a query) are not offered.
_OFFERED = sorted(
    (intent for intent in INTENTS if intent.examples and intent.query),
    key=lambda intent: intent.offered_first or len(INTENTS),
)
EXAMPLES: tuple[str, ...] = tuple(intent.examples[0] for intent in _OFFERED)


def read(question: Question, gazetteer: Gazetteer) -> tuple[Intent | None, Understanding | Problem]:
    """The question understood by the first intent that fits, or the problem that stops it."""
    found = first_fit(question, gazetteer)
    if found is not None:
        return found
    return None, Problem("unknown", "没有理解这个问题。可以这样问: " + " · ".join(EXAMPLES[:8]))


def plan_for(question: Question, gazetteer: Gazetteer) -> Plan | Problem:
    intent, understood = read(question, gazetteer)
    if isinstance(understood, Problem):
        return understood
    assert intent is not None  # an understanding comes from an intent
    return intent.plan(understood)


def first_fit(question: Question, gazetteer: Gazetteer) -> tuple[Intent, Understanding | Problem] | None:
    """The first intent whose rule fits the question, in INTENTS order, and what it gave."""
    for intent in INTENTS:
        found = intent.rule(question, gazetteer)
        if found is not None:
            return intent, found
    return None


__all__ = ["EXAMPLES", "INTENTS", "Intent", "Plan", "Problem", "Question", "first_fit", "plan_for", "read"]
