"""Hypothesis on the whole extractor: any text gives records or the documented InputError, nothing else."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.core.errors import InputError
from policykg.ingest.pipeline import extract_text

_PIECES = st.sampled_from(
    [
        "一、",
        "(一)",
        "1.",
        "(1)",
        "①",
        "一是",
        "二是",
        "。",
        ",",
        "、",
        ";",
        ":",
        "(",
        ")",
        "《",
        "》",
        "〈",
        "〉",
        "牵头单位:",
        "参加单位:",
        "责任单位:",
        "县司法局",
        "各乡镇(街道)",
        "等相关单位配合",
        "牵头",
        "负责",
        "\n",
        "2022年底前",
        "每年第一季度",
        "行政处罚法",
        "以下简称",
        "〔2021〕3号",
        "加强法治建设",
        "“",
        "”",
        "\t",
        " ",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_only_input_error_escapes(text: str) -> None:
    try:
        extraction = extract_text(text, "fuzz.txt")
    except InputError:
        return
    for m in extraction.measures:
        assert extraction.text[m.span[0] : m.span[1]] == m.text
        for u in m.units:
            assert extraction.text[u.span[0] : u.span[1]] == u.mention
