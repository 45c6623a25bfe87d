"""The first sentence of a measure (its number and heading) is the first of the sentences the answers cut,
read without cutting the rest; heading paths sort in document order, however often they are asked for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policykg.queries.text import first_sentence, path_key, sentences

# The characters that open, close or end a sentence, with some text and blanks between them.
MARKS = ["（", "）", "(", ")", "〔", "〕", "。", "；", ";", "！", "？", "\n", " "]
PIECES = st.sampled_from([*MARKS, "措施", "牵头单位:县司法局"])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_the_first_sentence_is_the_first_of_the_sentences(text: str) -> None:
    cut = sentences(text)
    assert first_sentence(text) == (cut[0] if cut else "")


def test_the_first_sentence_of_a_measure_keeps_its_clause_brackets_whole() -> None:
    text = "(七)发挥行政复议作用。畅通申请渠道。(牵头单位:县司法局;参加单位:县政府各部门)"
    assert first_sentence(text) == "(七)发挥行政复议作用。"
    assert first_sentence("  \n") == "" and first_sentence("") == ""


def test_paths_sort_in_document_order_on_every_call() -> None:
    paths = ["二/(一)/10", "二/(一)/2", "一/(三)", "十/(一)", "三是", "二是"]
    ordered = ["一/(三)", "二/(一)/2", "二/(一)/10", "二是", "三是", "十/(一)"]  # by number, level by level
    assert sorted(paths, key=path_key) == ordered
    assert sorted(reversed(paths), key=path_key) == ordered  # the cached keys give the same order
