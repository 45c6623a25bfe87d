"""What a console statement may be before it reaches an engine: short, shallow, reading only the graph.

The read-only guard (graph/readonly.py) refuses writes; this adds what keeps a read from hurting the
server. LadybugDB's parser recurses on nesting and segfaults past a few thousand brackets, its table
functions read files (READ_CSV_SERIAL('/etc/passwd') crashed the process), and variable-length patterns
with no bound grow without end. So statements are capped in length and nesting, CALL reaches only an
allow-list of catalogue procedures, and a variable-length relationship needs an upper bound of at most
MAX_HOPS. Parameters are parsed with the same limits, never with unbounded recursion.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field, replace
from typing import Any

from policykg.core.errors import QueryError
from policykg.graph.readonly import ensure_read_only, tokens

# Procedures that only describe the graph (LadybugDB's catalogue functions, Neo4j's db.* listings).
ALLOWED_PROCEDURES = frozenset(
    {
        "show_tables", "table_info", "show_connection", "db_version", "show_functions", "show_indexes",
        "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    }
)  # fmt: skip
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1  # what both engines store as an integer
_VARIABLE_LENGTH = re.compile(r"\*\s*(\d*)\s*(\.\.\s*(\d*))?")


def _half_the_cores() -> int:
    """Half the cores this process may use, at least one: a console statement leaves the rest to the
    explorer's pages and to an ingest."""
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    return max(1, len(usable) // 2)


@dataclass(frozen=True)
class ConsoleLimits:
    """Bounds on one console statement; each is a setting a user can see and change."""

    seconds: float = 30.0  # wall time, then the statement is stopped
    max_rows: int = 10_000  # rows returned; more are cut and the result says so
    max_chars: int = 20_000  # statement length
    max_depth: int = 48  # nesting of brackets, lists and maps
    max_hops: int = 10  # upper bound of a variable-length relationship
    memory_mb: int = 4096  # the worker running the statement is stopped past this
    max_param_chars: int = 100_000
    threads: int = field(default_factory=_half_the_cores)  # engine threads for one statement

    @classmethod
    def from_env(cls, seconds: float | None = None, max_rows: int | None = None) -> ConsoleLimits:
        """The defaults, overridden by POLICYKG_CONSOLE_SECONDS / _ROWS / _MEMORY_MB / _THREADS, then by the
        arguments."""
        base = cls()
        return replace(
            base,
            seconds=seconds if seconds is not None else _env_number("POLICYKG_CONSOLE_SECONDS", base.seconds),
            max_rows=max_rows if max_rows is not None else int(_env_number("POLICYKG_CONSOLE_ROWS", base.max_rows)),
            memory_mb=int(_env_number("POLICYKG_CONSOLE_MEMORY_MB", base.memory_mb)),
            threads=int(_env_number("POLICYKG_CONSOLE_THREADS", base.threads)),
        )


DEFAULT_LIMITS = ConsoleLimits()


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise QueryError(f"{name}={raw!r}: not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise QueryError(f"{name}={raw!r}: must be a positive number")
    return value


def check_statement(cypher: str, limits: ConsoleLimits = DEFAULT_LIMITS) -> None:
    """Raise WriteRefused / QueryError (one line) when the statement may not run in the console."""
    if not cypher.strip():
        raise QueryError("the statement is empty")
    if len(cypher) > limits.max_chars:
        raise QueryError(f"the statement is {len(cypher):,} characters long; the console takes {limits.max_chars:,}")
    if "\x00" in cypher or "\ufffd" in cypher or undecodable(cypher):
        raise QueryError("the statement holds an invalid character (a NUL byte or undecodable text)")
    ensure_read_only(cypher)
    toks = tokens(cypher)
    _check_depth(toks, limits.max_depth)
    _check_procedures(toks)
    _check_hops(toks, limits.max_hops)


def _check_depth(toks: list[tuple[str, str]], max_depth: int) -> None:
    depth = 0
    for kind, text in toks:
        if kind != "other":
            continue
        if text in "([{":
            depth += 1
            if depth > max_depth:
                raise QueryError(f"the statement nests brackets deeper than {max_depth} levels")
        elif text in ")]}":
            depth = max(0, depth - 1)


def _check_procedures(toks: list[tuple[str, str]]) -> None:
    for i, (kind, text) in enumerate(toks):
        if kind != "word" or text.upper() != "CALL" or (i > 0 and toks[i - 1][1] == "."):
            continue
        if i + 1 < len(toks) and toks[i + 1][1] == "{":
            continue  # a CALL { … } subquery: its body is checked as part of the statement
        parts, j = [], i + 1
        while j < len(toks) and toks[j][0] in ("word", "quoted"):
            parts.append(toks[j][1].strip("`"))
            if j + 1 < len(toks) and toks[j + 1][1] == ".":
                j += 2
            else:
                break
        name = ".".join(parts).lower()
        if name not in ALLOWED_PROCEDURES:
            allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
            raise QueryError(f"CALL {'.'.join(parts) or '…'} is not allowed in the console (allowed: {allowed})")


def _check_hops(toks: list[tuple[str, str]], max_hops: int) -> None:
    """A `*` inside a relationship pattern -[...]- needs an upper bound no greater than max_hops."""
    for i, (_, tok) in enumerate(toks):
        if tok != "[" or i == 0 or toks[i - 1][1] != "-":
            continue  # a list or an index, not a relationship
        pattern, j = [], i + 1
        while j < len(toks) and toks[j][1] != "]":
            pattern.append(toks[j][1] if toks[j][0] != "string" else "''")
            j += 1
        _check_pattern("".join(pattern), max_hops)


def _check_pattern(pattern: str, max_hops: int) -> None:
    for match in _VARIABLE_LENGTH.finditer(pattern):
        low, has_range, high = match.group(1), match.group(2), match.group(3)
        upper = high if has_range else low
        if not upper:
            raise QueryError(f"a variable-length relationship needs an upper bound (at most *1..{max_hops})")
        if int(upper) > max_hops:
            raise QueryError(f"a variable-length relationship may span at most {max_hops} hops, not {upper}")


def parse_params(text: str, limits: ConsoleLimits = DEFAULT_LIMITS) -> dict[str, Any]:
    """A JSON object of parameters, bounded in size and nesting; errors are one line."""
    text = (text or "").strip() or "{}"
    if len(text) > limits.max_param_chars:
        raise QueryError(
            f"the parameters are {len(text):,} characters long; the console takes {limits.max_param_chars:,}"
        )
    _check_json_depth(text, limits.max_depth)
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise QueryError(f"the parameters are not JSON: {exc.msg} at character {exc.pos}") from None
    if not isinstance(value, dict):
        raise QueryError('the parameters must be a JSON object, e.g. {"kind": "司法局"}')
    return {str(k): check_value(v) for k, v in value.items()}


def parse_value(text: str, limits: ConsoleLimits = DEFAULT_LIMITS) -> Any:
    """One command-line parameter value: JSON when it parses, else the text itself; bounded in size and
    nesting like the console's parameters, and checked like them."""
    if len(text) > limits.max_param_chars:
        raise QueryError(f"the value is {len(text):,} characters long; a parameter takes {limits.max_param_chars:,}")
    _check_json_depth(text, limits.max_depth)
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except json.JSONDecodeError:
        value = text  # not JSON: the text as it is
    except ValueError:  # int() refuses a literal of more than sys.get_int_max_str_digits() digits
        raise QueryError(f"the number has {len(text):,} digits; a parameter is an integer of 64 bits") from None
    return check_value(value)


def check_value(value: Any) -> Any:
    """A parameter value the engines take: finite numbers only (1e999 is infinity), integers of 64 bits,
    text that is valid Unicode (an undecodable byte in argv arrives as a lone surrogate)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise QueryError(f"the parameter value {value} is not a finite number")
    if isinstance(value, int) and not isinstance(value, bool) and not INT64_MIN <= value <= INT64_MAX:
        raise QueryError(f"the parameter value {_digits(value)} is outside the 64-bit integer range")
    if isinstance(value, str) and undecodable(value):
        raise QueryError("a parameter value holds undecodable bytes (it is not UTF-8 text)")
    if isinstance(value, list):
        return [check_value(v) for v in value]
    if isinstance(value, dict):
        return {k: check_value(v) for k, v in value.items()}
    return value


def undecodable(text: str) -> bool:
    """Text holding bytes that were not UTF-8: Python hands an argv or file-name byte it cannot decode
    over as a lone surrogate, which no engine stores and no question matches."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _digits(value: int) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"{text[:12]}…({len(text)} digits)"


def _finite(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):  # 1e999: beyond a 64-bit float, JSON would make it infinity
        raise QueryError(f"the number {_shown_literal(literal)} is too large: not a finite number")
    return value


def _shown_literal(literal: str) -> str:
    return literal if len(literal) <= 24 else f"{literal[:12]}…({len(literal)} characters)"


def _refuse_constant(name: str) -> Any:
    raise QueryError(f"the parameter value {name} is not a finite number")


def _check_json_depth(text: str, max_depth: int) -> None:
    depth, in_string, escaped = 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                raise QueryError(f"the parameters nest deeper than {max_depth} levels")
        elif ch in "]}":
            depth -= 1
