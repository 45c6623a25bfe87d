"""Generate a deterministic corpus of synthetic 法治政府建设 documents, with their truth.

    python -m benchmarks.generate --docs 10000 --seed 1 --out bench-data/corpus-10000

Documents follow the real layouts: 工作要点 (一、 / 1.), 实施方案 (一、 / (一) / 1. / (1)), 实施意见 (一、 / (一) /
1.) and 工作报告 (一、 / (一) / 一是), with portal chrome and a 关于印发《…》的通知 header, every responsibility
clause form (truth.CLAUSE_FORMS), citations (《…》, nested 〈〉 / <>, unmarked laws, 以下简称 aliases, doc
numbers), deadlines and numeric targets, in full-width, ASCII or mixed punctuation. Jurisdictions come from
benchmarks/jurisdictions.tsv (real counties and districts); each has one roster of units, so the same units
recur across its documents; national law titles are read from ../shared/reference/cn_law_titles.tsv.

Output, beside the documents doc_00000.txt …:
  manifest.json   header (seed, docs, totals) and one line per document: file, document metadata, layout,
                  chars, measures, clause_forms, unit_mentions per role, units per role {mention: count},
                  collective_mentions, citations [{mention, title, kind, form, where, count}], aliases,
                  deadlines, targets, encoding.
  measures.jsonl  (--measure-truth) one line per document: every measure's path, number, heading,
                  clause_form, units [{role, mention, unit, kind, collective}], instruments, deadlines, targets.
Strings are as written in the text (compare after NFKC when the extractor normalises punctuation). Measures
follow the counting of the seed corpus: leaves of the outline, not the 总体要求 / 存在的问题 sections.

Each document draws from its own random stream seeded by (seed, index): the same seed gives the same
bytes whatever --jobs is.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from benchmarks.synthdocs.citations import LAW_TITLES_TSV, Gazetteer
from benchmarks.synthdocs.document import KIND_WEIGHTS, KINDS, DocumentWriter
from benchmarks.synthdocs.places import Jurisdiction, load_jurisdictions
from benchmarks.synthdocs.units import Roster, build_roster

MANIFEST_FORMAT = 1


class Corpus:
    """What every document is drawn from; built once per process."""

    def __init__(
        self, seed: int, measures_per_doc: int, law_titles: Path, encodings: bool, measure_truth: bool
    ) -> None:
        self.seed = seed
        self.measure_truth = measure_truth
        self.measures_per_doc = measures_per_doc
        self.encodings = encodings
        self.jurisdictions = load_jurisdictions()
        self.gazetteer = Gazetteer.load(law_titles)
        self.rosters: dict[Jurisdiction, Roster] = {}

    def roster(self, j: Jurisdiction) -> Roster:
        if j not in self.rosters:
            self.rosters[j] = build_roster(j, self.seed)
        return self.rosters[j]

    def document(self, index: int, width: int) -> tuple[str, str, str, dict[str, Any], dict[str, Any]]:
        """(file name, text, encoding, manifest entry, measure truth) of document `index`."""
        rng = random.Random(f"policykg-doc:{self.seed}:{index}")
        kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
        j = rng.choice(self.jurisdictions)
        n = max(3, round(self.measures_per_doc * rng.uniform(0.6, 1.4)))
        name = f"doc_{index:0{width}d}.txt"
        generated = DocumentWriter(name, kind, j, self.roster(j), self.gazetteer, rng, n).write()
        encoding = "utf-8"
        if self.encodings:  # the reader must detect these, not guess them from the extension
            encoding = rng.choices(("utf-8", "utf-8-sig", "gb18030"), weights=(80, 10, 10))[0]
        summary = generated.truth.summary(generated.text)
        summary["encoding"] = encoding
        measures = generated.truth.measures_json() if self.measure_truth else {}
        return name, generated.text, encoding, summary, measures


_corpus: Corpus | None = None


def _init_worker(seed: int, measures_per_doc: int, law_titles: str, encodings: bool, measure_truth: bool) -> None:
    global _corpus
    _corpus = Corpus(seed, measures_per_doc, Path(law_titles), encodings, measure_truth)


def _write_chunk(args: tuple[list[int], int, str, bool]) -> list[tuple[int, dict[str, Any], str]]:
    indices, width, out, measure_truth = args
    assert _corpus is not None
    results = []
    for i in indices:
        name, text, encoding, summary, measures = _corpus.document(i, width)
        (Path(out) / name).write_bytes(text.encode(encoding))
        line = json.dumps(measures, ensure_ascii=False) if measure_truth else ""
        results.append((i, summary, line))
    return results


def generate(
    docs: int,
    seed: int,
    out: Path,
    measures_per_doc: int = 100,
    jobs: int = 1,
    measure_truth: bool = False,
    encodings: bool = False,
    law_titles: Path = LAW_TITLES_TSV,
) -> dict[str, Any]:
    """Write the corpus and its manifest; returns the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(docs - 1)))
    chunk = max(1, min(200, docs // (jobs * 4) or 1))
    tasks = [(list(range(s, min(docs, s + chunk))), width, str(out), measure_truth) for s in range(0, docs, chunk)]
    init = (seed, measures_per_doc, str(law_titles), encodings, measure_truth)
    results: list[tuple[int, dict[str, Any], str]] = []
    if jobs > 1 and docs > chunk:
        with get_context("fork").Pool(jobs, initializer=_init_worker, initargs=init) as pool:
            for part in pool.imap_unordered(_write_chunk, tasks):
                results.extend(part)
    else:
        _init_worker(*init)
        for task in tasks:
            results.extend(_write_chunk(task))
    results.sort(key=lambda r: r[0])
    documents = [summary for _, summary, _ in results]
    manifest = {
        "generator": "benchmarks/generate.py",
        "format": MANIFEST_FORMAT,
        "seed": seed,
        "docs": docs,
        "measures_per_doc": measures_per_doc,
        "law_titles": law_titles.name if law_titles.exists() else "built-in fallback",
        "totals": _totals(documents),
        "documents": documents,
    }
    (out / "manifest.json").write_text(_manifest_json(manifest), encoding="utf-8")
    if measure_truth:
        lines = "".join(line + "\n" for _, _, line in results)
        (out / "measures.jsonl").write_text(lines, encoding="utf-8")
    return manifest


def _manifest_json(manifest: dict[str, Any]) -> str:
    """Indented header, then one compact line per document: readable, and small at 10,000 documents."""
    head = {k: v for k, v in manifest.items() if k != "documents"}
    lines = [json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in manifest["documents"]]
    return (
        json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "documents": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    )


def _totals(documents: list[dict[str, Any]]) -> dict[str, Any]:
    forms: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for d in documents:
        forms.update(d["clause_forms"])
        roles.update(d["unit_mentions"])
        kinds[d["document"]["kind"]] += 1
    return {
        "measures": sum(d["measures"] for d in documents),
        "chars": sum(d["chars"] for d in documents),
        "unit_mentions": dict(sorted(roles.items())),
        "citations": sum(c["count"] for d in documents for c in d["citations"]),
        "deadlines": sum(d["deadlines"] for d in documents),
        "targets": sum(d["targets"] for d in documents),
        "clause_forms": dict(sorted(forms.items())),
        "kinds": dict(sorted(kinds.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents to write")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same bytes (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="directory for the .txt files and manifest.json")
    parser.add_argument("--measures-per-doc", type=int, default=100, help="mean measures per document (default 100)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    parser.add_argument("--measure-truth", action="store_true", help="also write measures.jsonl (per-measure truth)")
    parser.add_argument(
        "--mixed-encodings", action="store_true", help="write ~10%% UTF-8 with BOM and ~10%% GB18030 instead of UTF-8"
    )
    parser.add_argument("--law-titles", type=Path, default=LAW_TITLES_TSV, help="title list of laws and regulations")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.measures_per_doc < 3:
        parser.error("--docs must be ≥ 1 and --measures-per-doc ≥ 3")
    if not args.law_titles.exists():
        print(f"generate: {args.law_titles} not found; citing a small built-in list of laws", file=sys.stderr)
    started = time.perf_counter()
    manifest = generate(
        args.docs,
        args.seed,
        args.out,
        args.measures_per_doc,
        max(1, args.jobs),
        args.measure_truth,
        args.mixed_encodings,
        args.law_titles,
    )
    totals = manifest["totals"]
    print(
        f"wrote {args.docs} documents, {totals['measures']} measures, {totals['chars'] / 1e6:.1f} M characters "
        f"to {args.out} in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
