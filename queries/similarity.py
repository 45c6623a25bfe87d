"""Near-duplicate measures across documents: character n-gram TF-IDF cosine, written back as SIMILAR_TO.

Measure texts lose their number and responsibility clause first (the same task 牵头 by 县司法局 in one
plan and by 区司法局 in another is still the same task). Small graphs compare every pair exactly, block by
block; large ones (more than EXACT_LIMIT measures) take candidate pairs from MinHash banding (LSH) over
character 3-gram shingles and score only those, so the work grows with the corpus, not its square.
Each measure keeps at most `per_measure` partners, so a task copied into thousands of plans stays
thousands of edges, not millions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from policykg.core.unit_words import alternation
from policykg.core.vocabulary import ROLE_OF_LABEL
from policykg.graph.loader import replace_similar
from policykg.graph.store import GraphStore
from policykg.queries.catalog import run_named

if TYPE_CHECKING:
    from scipy import sparse

DEFAULT_THRESHOLD = 0.35  # the corpus's closest cross-document pairs (行政调解, 行政复议 …) score 0.35–0.45
PER_MEASURE = 5
EXACT_LIMIT = 20_000
BLOCK = 2_000
NGRAMS = (2, 3)
SCORE_DECIMALS = 4  # stored rounded, so every backend holds and returns the same value
_NUMBER = re.compile(r"^\s*(?:\d+[.、．]|[一二三四五六七八九十]+是|[((][一二三四五六七八九十]+[))])\s*")
_CLAUSE_WORDS = re.compile(r"单位|牵头|负责|配合")
# A clause on a line of its own (牵头单位：县司法局　配合单位：…), with any role label of the vocabulary.
_BARE_CLAUSE = re.compile(rf"(?:{alternation(list(ROLE_OF_LABEL))})\s*[:：].*$", re.S)


@dataclass(frozen=True)
class SimilarPair:
    measure_a: str
    measure_b: str
    score: float


def comparable_text(text: str) -> str:
    """The measure text without its leading number and its responsibility clause."""
    text = _NUMBER.sub("", text).rstrip()
    start = _closing_group_start(text)
    if start is not None and _CLAUSE_WORDS.search(text[start:]):
        text = text[:start]
    return _BARE_CLAUSE.sub("", text).strip()


def _closing_group_start(text: str) -> int | None:
    """Where the bracketed group that ends the text opens, nested brackets included (各乡镇(街道))."""
    if not text or text[-1] not in ")）":
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] in ")）":
            depth += 1
        elif text[i] in "(（":
            depth -= 1
            if depth == 0:
                return i
    return None


def near_duplicates(
    ids: list[str],
    documents: list[str],
    texts: list[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    per_measure: int = PER_MEASURE,
) -> list[SimilarPair]:
    """Pairs of measures from different documents with cosine ≥ threshold, each measure's best
    `per_measure` partners; a pair's ids ordered so the result does not depend on input order."""
    if len(ids) < 2:
        return []
    # Imported here: scikit-learn and SciPy take 0.8 s to import, which a page showing stored pairs need not pay.
    from sklearn.feature_extraction.text import TfidfVectorizer

    cleaned = [comparable_text(t) for t in texts]
    matrix = TfidfVectorizer(analyzer="char", ngram_range=NGRAMS, sublinear_tf=True).fit_transform(cleaned)
    doc = np.unique(np.asarray(documents), return_inverse=True)[1]
    if len(ids) <= EXACT_LIMIT:
        left, right, scores = _exact_pairs(matrix, doc, threshold)
    else:
        left, right = _lsh_candidates(cleaned, doc, threshold / 2)
        scores = _cosines(matrix, left, right)
        keep = scores >= threshold
        left, right, scores = left[keep], right[keep], scores[keep]
    return _best_pairs(ids, left, right, scores, per_measure)


def _exact_pairs(matrix: sparse.csr_matrix, doc: np.ndarray, threshold: float) -> tuple[np.ndarray, ...]:
    lefts, rights, values = [], [], []
    transposed = matrix.T.tocsc()
    for start in range(0, matrix.shape[0], BLOCK):
        block = (matrix[start : start + BLOCK] @ transposed).tocoo()
        rows = block.row + start
        keep = (rows < block.col) & (block.data >= threshold) & (doc[rows] != doc[block.col])
        lefts.append(rows[keep])
        rights.append(block.col[keep])
        values.append(block.data[keep])
    return np.concatenate(lefts), np.concatenate(rights), np.concatenate(values)


def _lsh_candidates(
    texts: list[str], doc: np.ndarray, min_jaccard: float, bands: int = 16, rows: int = 4
) -> tuple[np.ndarray, ...]:
    """Pairs (i < j, different documents) that agree on all `rows` MinHash values of some band and whose
    estimated shingle Jaccard (the share of equal MinHash values) is at least `min_jaccard`: that estimate
    is cheap, so only likely pairs reach the exact TF-IDF cosine."""
    from sklearn.feature_extraction.text import HashingVectorizer

    shingles = HashingVectorizer(analyzer="char", ngram_range=(3, 3), n_features=1 << 24, binary=True, norm=None)
    sets = shingles.transform(texts).tocsr()
    signature = _minhash(sets, bands * rows)
    pairs: list[np.ndarray] = []
    for band in range(bands):
        keys = signature[:, band * rows : (band + 1) * rows]
        _, bucket = np.unique(keys, axis=0, return_inverse=True)
        pairs.append(_bucket_pairs(bucket.ravel()))
    both = np.unique(np.concatenate(pairs)) if pairs else np.empty(0, dtype=np.int64)
    left, right = both // len(texts), both % len(texts)
    keep = doc[left] != doc[right]
    left, right = left[keep], right[keep]
    estimate = np.empty(len(left))
    for start in range(0, len(left), 1_000_000):
        part = slice(start, start + 1_000_000)
        estimate[part] = (signature[left[part]] == signature[right[part]]).mean(axis=1)
    likely = estimate >= min_jaccard
    return left[likely], right[likely]


def _minhash(sets: sparse.csr_matrix, permutations: int, chunk: int = 1_000) -> np.ndarray:
    """One row of `permutations` minima of (a·x + b) mod p over each row's shingle ids. p (2^31 - 1) is
    below a·x, so the modulus wraps and each (a, b) acts as a random permutation, not a monotone map."""
    prime = np.uint64((1 << 31) - 1)
    rng = np.random.default_rng(20240607)
    a = rng.integers(1, (1 << 31) - 1, size=permutations, dtype=np.uint64)
    b = rng.integers(0, (1 << 31) - 1, size=permutations, dtype=np.uint64)
    out = np.full((sets.shape[0], permutations), np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, sets.shape[0], chunk):
        part = sets[start : start + chunk]
        if part.nnz == 0:
            continue
        values = (part.indices.astype(np.uint64)[None, :] * a[:, None] + b[:, None]) % prime
        nonempty = np.diff(part.indptr) > 0
        starts = part.indptr[:-1][nonempty]
        out[start : start + part.shape[0]][nonempty] = np.minimum.reduceat(values, starts, axis=1).T
    return out


def _bucket_pairs(bucket: np.ndarray, cap: int = 3) -> np.ndarray:
    """i * n + j for members i < j of each bucket, each member linked only to the next `cap` members:
    a task copied into every plan gives a chain of candidates per band, not all pairs, so candidates
    stay below bands × cap × measures however repetitive the corpus is."""
    n = len(bucket)
    order = np.argsort(bucket, kind="stable")
    sorted_buckets = bucket[order]
    out = []
    for offset in range(1, cap + 1):
        same = sorted_buckets[offset:] == sorted_buckets[:-offset]
        if not same.any():
            break
        i, j = order[:-offset][same], order[offset:][same]
        out.append(np.minimum(i, j).astype(np.int64) * n + np.maximum(i, j))
    return np.concatenate(out) if out else np.empty(0, dtype=np.int64)


def _cosines(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    out = np.empty(len(left))
    for start in range(0, len(left), chunk):
        a, b = matrix[left[start : start + chunk]], matrix[right[start : start + chunk]]
        out[start : start + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _best_pairs(
    ids: list[str], left: np.ndarray, right: np.ndarray, scores: np.ndarray, per_measure: int
) -> list[SimilarPair]:
    """Each measure's best partners; a pair is kept when it is among the best of either measure."""
    order = np.lexsort((right, left, -np.round(scores, SCORE_DECIMALS)))
    taken: dict[int, int] = {}
    pairs = []
    for k in order:
        i, j = int(left[k]), int(right[k])
        if taken.get(i, 0) >= per_measure and taken.get(j, 0) >= per_measure:
            continue
        taken[i] = taken.get(i, 0) + 1
        taken[j] = taken.get(j, 0) + 1
        a, b = sorted((ids[i], ids[j]))
        pairs.append(SimilarPair(a, b, round(float(scores[k]), SCORE_DECIMALS)))
    pairs.sort(key=lambda p: (-p.score, p.measure_a, p.measure_b))
    return pairs


def compute_similar(
    store: GraphStore, *, threshold: float = DEFAULT_THRESHOLD, per_measure: int = PER_MEASURE
) -> list[SimilarPair]:
    rows = run_named(store, "measure_texts")
    return near_duplicates(
        [r["measure_id"] for r in rows],
        [r["document_id"] for r in rows],
        [r["text"] or "" for r in rows],
        threshold=threshold,
        per_measure=per_measure,
    )


def write_similar(store: GraphStore, pairs: list[SimilarPair]) -> None:
    """Replace every SIMILAR_TO relationship with `pairs`, in one transaction."""
    replace_similar(store, [(p.measure_a, p.measure_b, p.score) for p in pairs])
