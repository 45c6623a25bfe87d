"""Document metadata (title, issuers, number, dates) and the portal chrome around a published document."""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.synthdocs.draw import one
from benchmarks.synthdocs.places import Jurisdiction


@dataclass(frozen=True)
class Meta:
    kind: str
    title: str  # full-width punctuation; converted when written
    issuers: tuple[str, ...]
    doc_number: str
    year: int  # the year the document plans for (or reports on)
    issued: tuple[int, int, int]
    period: str


def cn_numeral(n: int) -> str:
    """1..99 as written in headings: 一, 十, 十一, 二十三."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def make_meta(kind: str, j: Jurisdiction, rng: random.Random) -> Meta:
    year = rng.randint(2019, 2025)
    J, P, a = j.name, j.prefix, j.abbreviation
    number = rng.randint(1, 30)
    if kind == "工作要点":
        title = one(
            rng,
            (
                f"{year}年{J}法治政府建设工作要点",
                f"{J}{year}年法治政府建设工作要点",
                f"{J}{year}年全面依法治{P}工作要点",
            ),
        )
        if rng.random() < 0.5:
            issuers: tuple[str, ...] = (f"{J}委全面依法治{P}委员会办公室",)
            doc_number = f"{a}法治办发〔{year}〕{number}号"
        else:
            issuers = (f"{J}法治政府建设领导小组办公室",)
            doc_number = f"{a}依法办发〔{year}〕{number}号"
        return Meta(kind, title, issuers, doc_number, year, (year, rng.randint(2, 8), rng.randint(1, 28)), str(year))
    if kind == "实施方案":
        start, end = (2021, 2025) if year <= 2022 else (year, year + 2)
        title = one(rng, (f"{J}法治政府建设实施方案（{start}—{end}年）", f"{J}关于加快推进法治政府建设的实施方案"))
        issued = (max(year, start), rng.randint(1, 12), rng.randint(1, 28))
        return Meta(
            kind,
            title,
            (f"中共{J}委", f"{J}人民政府"),
            f"{a}发〔{issued[0]}〕{number}号",
            start,
            issued,
            f"{start}-{end}",
        )
    if kind == "实施意见":
        title = one(
            rng, (f"关于进一步加强{J}法治政府建设的实施意见", f"{J}关于全面推进依法行政加快建设法治政府的实施意见")
        )
        issued = (year, rng.randint(1, 12), rng.randint(1, 28))
        return Meta(kind, title, (f"{J}人民政府办公室",), f"{a}政办发〔{year}〕{number}号", year, issued, "")
    reported = year - 1
    title = one(rng, (f"{J}关于{reported}年度法治政府建设工作情况的报告", f"关于{reported}年度法治政府建设工作的报告"))
    issuers = (f"中共{J}委", f"{J}人民政府") if rng.random() < 0.6 else (f"{J}人民政府",)
    doc_number = f"{a}政报〔{year}〕{number}号" if rng.random() < 0.3 else ""
    return Meta(
        kind, title, issuers, doc_number, reported, (year, rng.randint(1, 3), rng.randint(1, 28)), str(reported)
    )


def chrome_top(meta: Meta, j: Jurisdiction, rng: random.Random) -> list[str]:
    y, m, d = meta.issued
    date = f"{y}-{m:02d}-{d:02d}"
    column = one(rng, ("法治政府建设", "政策文件", "通知公告", "部门文件", "规范性文件"))
    source = one(rng, (f"{j.prefix}政府办", f"{j.prefix}司法局", f"{j.name}人民政府"))
    first = one(
        rng,
        (
            f"当前位置：首页 > 政务公开 > {column}",
            f"您现在所在的位置：首页 > 政务公开 > 信息公开目录 > {column}",
            f"{j.name}人民政府门户网站-{meta.title}",
        ),
    )
    meta_line = one(rng,
        (
            [f"发布时间：{date}  来源：{source}  字号：[大 中 小]"],
            [f"发布时间：{date}", "【字号：大 中 小】", "分享："],
            [f"索引号：{rng.randint(10**9, 10**10 - 1)}/{y}-{rng.randint(10000, 99999)}  发布机构：{meta.issuers[-1]}",
             f"发文日期：{date}  主题分类：法治建设", "字体【大 中 小】  分享到："],
            [f"时间：{date} 来源：{source}", "字号："],
        )
    )  # fmt: skip
    return [first, *meta_line]


def chrome_bottom(rng: random.Random) -> list[str]:
    return one(
        rng, (["扫一扫在手机打开当前页"], ["【打印本页】 【关闭窗口】"], ["附件：", "扫一扫在手机上查看当前页面"])
    )


def cn_date(issued: tuple[int, int, int]) -> str:
    y, m, d = issued
    return f"{y}年{m}月{d}日"


def notice_block(meta: Meta, j: Jurisdiction, rng: random.Random) -> tuple[list[str], int]:
    """The 关于印发《…》的通知 wrapper: lines, and how many times it writes the title in 《》."""
    addressee = one(
        rng,
        (
            f"各乡镇人民政府、街道办事处，{j.prefix}直各单位：",
            f"全{j.prefix}各部门：",
            f"各乡镇（街道），{j.prefix}直各单位，中央、省、市驻{j.short}各单位：",
            f"{j.prefix}政府各部门：",
        ),
    )
    lines = [
        meta.doc_number,
        f"{' '.join(meta.issuers)}关于印发《{meta.title}》的通知",
        addressee,
        f"现将《{meta.title}》印发给你们，请结合实际，认真贯彻落实。",
        *meta.issuers,
        cn_date(meta.issued),
    ]
    return lines, 2


def title_lines(title: str, rng: random.Random) -> list[str]:
    """Long titles are often broken over two lines in the published page."""
    cut = max(title.find("法治政府建设"), title.find("全面依法治"))
    if cut >= 6 and rng.random() < 0.3:
        return [title[:cut], title[cut:]]
    return [title]
