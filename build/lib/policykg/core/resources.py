"""Package data (named queries, the schema, gazetteers, the explorer's pages) read through importlib.resources,
so an installed wheel finds them wherever it lives. A missing resource is an error that names it."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from policykg.core.errors import PolicyKGError


class ResourceMissing(PolicyKGError):
    """A file the package ships is not there: a broken install or a build that left package data out."""

    def __init__(self, package: str, name: str) -> None:
        super().__init__(f"{package}/{name}: package resource missing (reinstall policykg)")


def resource(package: str, *parts: str) -> Traversable:
    """The packaged file `parts` of `package` (e.g. "policykg.cypher", "units.cypher"); it must exist."""
    found = resources.files(package).joinpath(*parts)
    if not found.is_file():
        raise ResourceMissing(package, "/".join(parts))
    return found


def read_text(package: str, *parts: str) -> str:
    return resource(package, *parts).read_text(encoding="utf-8")


def file_path(package: str, *parts: str) -> Path:
    """A real path on disk, for tools that take one (Streamlit's pages). Packages are installed as files,
    never zipped, so the resource already is one."""
    return Path(str(resource(package, *parts)))


def listing(package: str, suffix: str, root: Traversable | None = None) -> list[Traversable]:
    """Every file of `package` (or of the folder `root` standing in for it) whose name ends with `suffix`,
    sorted by name; none is an error."""
    folder = resources.files(package) if root is None else root
    found = sorted((f for f in folder.iterdir() if f.name.endswith(suffix)), key=lambda f: f.name)
    if not found:
        raise ResourceMissing(package if root is None else str(root), f"*{suffix}")
    return found
