"""Document fields of the real seed documents, read by hand from each file (acceptance layer: skipped when the
seed corpus is not beside the checkout).

000 signs its notice 2022621 (年/月/日 lost in scraping) while the portal says 发文日期 2022-08-03: the signature
is the issue date. 001's notice cites 卫沙党发〔2017〕2号 but has no number of its own. 003 is dated 2021-03-16 in
its signature and 2021-03-17 on the portal line above its text."""

from __future__ import annotations

import pytest

from policykg.ingest.pipeline import extract_file
from tests.corpus import CORPUS, NOT_FOUND

SEED_FIELDS = {
    "000_5cda63ea9f7dc0ed.txt": (
        "宁远县法治政府建设实施方案(2021-2025年)",
        "实施方案",
        "宁远县",
        ("中共宁远县委", "宁远县人民政府"),
        "宁发〔2022〕7号",
        "2022-06-21",
        "2021-2025",
    ),
    "001_2a37c533326af7ae.txt": (
        "关于进一步加强乡镇政府法治政府建设的实施意见",
        "实施意见",
        "中卫市沙坡头区",
        ("中卫市沙坡头区法治政府建设领导小组办公室",),
        "",
        "2018-04-03",
        "",
    ),
    "002_a710a6335c69e98a.txt": (
        "2021年营口市鲅鱼圈区加快推进法治政府建设工作要点",
        "工作要点",
        "营口市鲅鱼圈区",
        ("营口市鲅鱼圈区全面推进依法行政工作领导小组办公室",),
        "营鲅依法发〔2021〕1号",
        "2021-08-18",
        "2021",
    ),
    "003_4132fc12d559d735.txt": (
        "关于2020年度法治政府建设工作的报告",
        "工作报告",
        "凤凰县",
        ("中共凤凰县委", "凤凰县人民政府"),
        "",
        "2021-03-16",
        "2020",
    ),
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NOT_FOUND)
@pytest.mark.parametrize("name", sorted(SEED_FIELDS))
def test_seed_document_fields(name: str) -> None:
    x = extract_file(CORPUS / name)
    d = x.document
    assert (d.title, d.kind, d.jurisdiction, d.issuers, d.doc_number, d.issued, d.period) == SEED_FIELDS[name]
    assert x.warnings == () or all(w.kind != "no_jurisdiction" for w in x.warnings)
