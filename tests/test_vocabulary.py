"""One vocabulary: prose clauses and task-table columns read exactly the same role labels, and the words
that name no unit give no units in either. A label added to policykg.core.vocabulary reaches both."""

from __future__ import annotations

import pytest

from policykg.core.vocabulary import NON_UNIT_LABELS, ROLE_OF_LABEL, ROLE_RELATIONSHIP, ROLES, label_role
from policykg.ingest.clauses import find_clauses
from policykg.ingest.table_clauses import find_table_clauses

UNITS = "县司法局、县财政局"


def prose_roles(label: str) -> set[str]:
    text = f"1.建立健全行政裁量权基准制度。({label}:{UNITS})\n"
    return {a.role for c in find_clauses(text, 0, len(text)) for a in c.assignments}


def table_roles(label: str) -> set[str]:
    text = f"序号\t重点任务\t{label}\n1\t建立健全行政裁量权基准制度\t{UNITS}\n"
    return {a.role for c in find_table_clauses(text, 0, len(text)) for a in c.assignments}


@pytest.mark.parametrize("label", sorted(ROLE_OF_LABEL))
def test_a_role_label_means_the_same_in_prose_and_in_a_table_column(label: str) -> None:
    assert prose_roles(label) == table_roles(label) == {ROLE_OF_LABEL[label]}


@pytest.mark.parametrize("label", NON_UNIT_LABELS)
def test_a_label_for_people_or_times_gives_no_units_anywhere(label: str) -> None:
    assert label_role(label) is None
    assert prose_roles(label) == table_roles(label) == set()


def test_the_labels_layouts_name_have_their_roles() -> None:
    named = {
        "lead": ["牵头单位", "牵头部门", "牵头责任单位", "主办单位", "主责单位", "主要责任单位", "牵头领导单位"],
        "participate": [
            "配合单位",
            "参加单位",
            "参与单位",
            "协办单位",
            "协作单位",
            "主要协作单位",
            "协同单位",
            "协助单位",
        ],
        "responsible": ["责任单位", "责任部门", "负责单位", "承办单位", "具体承办单位", "落实单位", "实施单位"],
    }
    for role, labels in named.items():
        assert {label: label_role(label) for label in labels} == dict.fromkeys(labels, role)


def test_every_role_has_one_relationship_type() -> None:
    assert set(ROLE_RELATIONSHIP) == set(ROLES) and len(set(ROLE_RELATIONSHIP.values())) == len(ROLES)
