"""Shared pytest fixtures. Each block is self-contained; add new fixtures as new blocks."""

from __future__ import annotations

import importlib.util
import itertools
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

import pytest

from tests.arcadedb_bolt_server import BoltServer, ServerError, running

if TYPE_CHECKING:
    from policykg.graph.bolt import BoltStore
    from policykg.graph.ladybug_store import LadybugStore
    from policykg.ingest.records import Extraction

# --- Bolt: a real Bolt server (ArcadeDB from the `arcadedb-embedded` wheel, its own JRE) -------------
# It runs in a child process: the JVM stays out of the test process, its ./log lands in a temp dir, and
# teardown is a clean exit. POLICYKG_SKIP_BOLT=1 skips the Bolt tests; otherwise failing to start fails.


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    if os.environ.get("POLICYKG_SKIP_BOLT") == "1":
        pytest.skip("POLICYKG_SKIP_BOLT=1")
    if importlib.util.find_spec("arcadedb_embedded") is None:
        pytest.fail("the Bolt tests need arcadedb-embedded: pip install -e '.[test]' (or POLICYKG_SKIP_BOLT=1)")
    try:
        with running(tmp_path_factory.mktemp("arcadedb")) as server:
            yield server
    except ServerError as exc:
        pytest.fail(str(exc))


class BoltTarget(NamedTuple):
    uri: str
    user: str
    password: str
    database: str


_database_numbers = itertools.count(1)


@pytest.fixture
def bolt_database(bolt_server: BoltServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[BoltTarget]:
    """A fresh, empty database on the Bolt server, with NEO4J_USER/PASSWORD/DATABASE set for it
    (so `BoltStore(uri)` and a `policykg --store URI` subprocess both reach it)."""
    name = f"test{next(_database_numbers)}"
    bolt_server.server_command(f"create database {name}")
    monkeypatch.setenv("NEO4J_USER", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password)
    monkeypatch.setenv("NEO4J_DATABASE", name)
    yield BoltTarget(bolt_server.uri, bolt_server.user, bolt_server.password, name)
    bolt_server.server_command(f"drop database {name}")


@pytest.fixture
def bolt_store(bolt_database: BoltTarget) -> Iterator[BoltStore]:
    """A BoltStore on a fresh, empty database."""
    from policykg.graph.bolt import BoltStore

    store = BoltStore(bolt_database.uri)
    yield store
    store.close()


# --- Corpus store: the project corpus (samples/) extracted once and loaded into one LadybugDB file per
# session. Read-only by convention: a test that writes (SIMILAR_TO, removals) loads its own copy from the
# extractions instead. The seed corpus has its own pair (seed_extractions, seed_store) for the acceptance
# tests; they skip with the reason when it is absent.


@pytest.fixture(scope="session")
def corpus_extractions() -> list[Extraction]:
    from policykg.ingest.pipeline import extract_file
    from tests.corpus import PROJECT_FILES

    return [extract_file(path) for path in PROJECT_FILES]


@pytest.fixture(scope="session")
def corpus_store(
    tmp_path_factory: pytest.TempPathFactory, corpus_extractions: list[Extraction]
) -> Iterator[LadybugStore]:
    from policykg.graph.ladybug_store import LadybugStore
    from policykg.graph.loader import load

    store = LadybugStore(tmp_path_factory.mktemp("corpus") / "corpus.lbug")
    load(store, corpus_extractions)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_extractions() -> list[Extraction]:
    from policykg.ingest.pipeline import extract_file
    from tests.corpus import corpus_files

    return [extract_file(path) for path in corpus_files()]


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seed_extractions: list[Extraction]) -> Iterator[LadybugStore]:
    from policykg.graph.ladybug_store import LadybugStore
    from policykg.graph.loader import load

    store = LadybugStore(tmp_path_factory.mktemp("seed") / "seed.lbug")
    load(store, seed_extractions)
    yield store
    store.close()
