"""Every answer says how its question was read, in one line above the rows (理解为：…): the names as
written and what they linked to, the roles, the scope and the filters. The lines are written here from
the questions' meaning over the samples (松阳县, 遂昌县, 湘潭市雨湖区, 隆德县)."""

from __future__ import annotations

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries.ask import ask
from tests.cli_run import run

SONGYANG_PLAN = "松阳县法治政府建设实施方案(2026-2030年)"


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("县司法局牵头哪些措施", "县司法局→松阳县司法局、遂昌县司法局 · 牵头 · 全部文件"),
        ("遂昌县政府办牵头哪些措施", "遂昌县政府办→遂昌县人民政府办公室 · 牵头 · 全部文件"),
        ("遂昌县司法局负责哪些措施", "遂昌县司法局 · 全部角色 · 全部文件"),
        ("宁远县司法局牵头哪些措施", "宁远县司法局(图中没有)"),
        ("哪些措施2026年底前完成", "全部文件 · 期限 2026-01-01 至 2026-12-31"),
        ("松阳县方案第四部分第(六)项由谁牵头", f"松阳县方案→{SONGYANG_PLAN} · 牵头 · 位置 四/(六)"),
        ("雨湖区被引用最多的法律", "辖区 湘潭市雨湖区 · 类别 法律"),
        ("第22项措施由谁牵头", "牵头 · 全部文件 · 第22项"),
    ],
)
def test_the_line_says_how_the_question_was_read(corpus_store: LadybugStore, question: str, line: str) -> None:
    answer = ask(corpus_store, question)
    assert answer["understood_line"] == "理解为：" + line
    assert answer["understood"]["entities"] == [] or answer["understood"]["entities"][0]["written"] in question


def test_the_cli_prints_the_line_above_the_rows(
    corpus_store: LadybugStore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, "ask", "遂昌县司法局牵头哪些措施", "--store", corpus_store.location)
    assert code == 0
    first, second = out.splitlines()[:2]
    assert first == "理解为：遂昌县司法局 · 牵头 · 全部文件"
    assert second.startswith("遂昌县司法局")
