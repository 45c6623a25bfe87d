"""The read-only guard: refuse Cypher that writes, before it reaches any backend.

Every backend's `read` calls it (arcadedb's Bolt server does not enforce READ sessions, so this is the
guard the project relies on). It tokenises the statement, so `'CREATE'` in a string, `// delete` in a
comment, `created_at` or `n.set` never trigger it.
"""

from __future__ import annotations

import re

from policykg.core.errors import WriteRefused

WRITE_KEYWORDS = frozenset(
    {
        "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "LOAD", "COPY", "ALTER",
        "INSTALL", "UNINSTALL", "UPDATE", "FOREACH", "IMPORT", "EXPORT", "ATTACH", "CHECKPOINT",
        "BEGIN", "COMMIT", "ROLLBACK", "TRANSACTIONS",
    }
)  # fmt: skip
# A procedure whose name has one of these words writes (apoc.create.node, db.index.fulltext.drop,
# apoc.periodic.iterate, db.createLabel); `current_setting` or `db.labels` do not.
WRITING_PROCEDURE_WORDS = frozenset(
    {
        "create", "merge", "delete", "set", "remove", "drop", "refactor", "periodic", "load", "import",
        "export", "clear", "kill", "terminate", "install", "rebuild", "attach", "checkpoint", "add",
        "rename", "update", "write", "truncate",
    }
)  # fmt: skip

_TOKEN = re.compile(
    r"""
      (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
    | (?P<quoted>`[^`]*(?:`|\Z))
    | (?P<word>[^\W\d]\w*)
    | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


def tokens(cypher: str) -> list[tuple[str, str]]:
    """(kind, text) pairs without whitespace and comments; kinds: string, quoted, word, other."""
    out = []
    for match in _TOKEN.finditer(cypher):
        kind = match.lastgroup or "other"
        if kind != "comment":
            out.append((kind, match.group()))
    return out


def write_clause(cypher: str) -> str | None:
    """The first thing in the statement that writes (a keyword or a procedure name), or None."""
    toks = tokens(cypher)
    for i, (kind, text) in enumerate(toks):
        if kind != "word":
            continue
        after_dot = i > 0 and toks[i - 1][1] == "."
        before_colon = i + 1 < len(toks) and toks[i + 1][1] == ":"  # a map key or `(set:Unit)`
        if after_dot or before_colon:
            continue
        word = text.upper()
        if word in WRITE_KEYWORDS:
            return word
        if word == "CALL":
            procedure = _procedure_name(toks, i + 1)
            if procedure is None:  # `CALL threads = 4` changes a setting
                return "CALL"
            if procedure and _procedure_writes(procedure):
                return f"CALL {procedure}"
    return None


def _procedure_writes(name: str) -> bool:
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)  # apoc.create.node, db.createLabel, SET_X
    return any(word.lower() in WRITING_PROCEDURE_WORDS for word in words)


def _procedure_name(toks: list[tuple[str, str]], start: int) -> str | None:
    """The dotted procedure name after CALL; "" for a `CALL { … }` subquery (its body is checked as
    part of the statement); None for a setting assignment."""
    if start < len(toks) and toks[start][1] == "{":
        return ""
    parts = []
    i = start
    while i < len(toks) and toks[i][0] in ("word", "quoted"):
        parts.append(toks[i][1].strip("`"))
        if i + 1 < len(toks) and toks[i + 1][1] == ".":
            i += 2
        else:
            i += 1
            break
    if i < len(toks) and toks[i][1] == "=":
        return None
    return ".".join(parts)


def ensure_read_only(cypher: str) -> None:
    """Raise WriteRefused if the statement would write."""
    clause = write_clause(cypher)
    if clause:
        raise WriteRefused(f"refused: {clause} writes to the graph, and this statement must be read-only")
