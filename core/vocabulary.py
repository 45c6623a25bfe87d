"""The one vocabulary of roles: their labels, verbs and words, the labels that name no unit, the collective
markers, the graph's relationship types and the id prefixes.

Prose clauses, task-table columns, the graph writers, the Cypher parameters and the question intents all
read these tables, so a label added here is known everywhere at once. Nothing here imports the project.
"""

from __future__ import annotations

from typing import Final, Literal

Role = Literal["lead", "participate", "responsible"]
ROLES: Final[tuple[Role, ...]] = ("lead", "participate", "responsible")
Span = tuple[int, int]  # [start, end) offsets into a document's original text

# --- labels -----------------------------------------------------------------------------------------
# A label names a role and is followed by a unit list: 牵头单位：县司法局. Each stem is written with
# 单位 and with 部门 (牵头单位, 牵头部门); stems in ROLE_BARE_STEMS also stand alone (牵头：县司法局).
ROLE_LABEL_STEMS: Final[dict[Role, tuple[str, ...]]] = {
    "lead": ("牵头", "牵头责任", "牵头领导", "主办", "主责", "主要责任", "牵头主办", "牵头负责", "牵头实施"),
    "participate": (
        "配合", "参加", "参与", "协办", "协作", "主要协作", "协同", "协助", "责任配合", "配合责任", "协调配合",
        "参与配合", "共同参与",
    ),
    "responsible": (
        "责任", "负责", "承办", "具体承办", "落实", "实施", "主体责任", "具体责任", "具体负责", "承担", "执行",
        "直接责任", "工作责任",
    ),
}  # fmt: skip
# 股室 / 科室 / 处室 in a department's own list: 责任股室：政策法规股.
ROLE_LABEL_SUFFIXES: Final[tuple[str, ...]] = ("单位", "部门", "机关", "股室", "科室", "处室")
ROLE_BARE_STEMS: Final[dict[Role, tuple[str, ...]]] = {
    "lead": ("牵头",),
    "participate": ("配合", "参加", "参与", "协办"),
    "responsible": ("责任主体", "主体单位"),
}
# A qualifier in front of a label does not change its role: 其他配合单位, 具体落实单位.
LABEL_QUALIFIERS: Final[tuple[str, ...]] = ("主要", "具体", "其他", "其它", "相关")
# Labels whose list names people, times or supervisors, not the units doing the work: no units from these.
NON_UNIT_LABELS: Final[tuple[str, ...]] = (
    "责任领导", "分管领导", "牵头领导", "领导", "分管县领导", "分管区领导", "分管市领导", "牵头县领导",
    "牵头区领导", "牵头市领导", "责任人", "联系人", "负责人", "完成时限", "完成时间", "时间节点", "进度安排",
    "时间安排", "时限要求", "时限", "督办单位", "督办部门", "督导单位", "督查单位", "督办领导", "备注",
)  # fmt: skip
# The non-unit labels whose value is a time (完成时限：2024年6月底前): prose fields and table columns of deadlines.
TIME_LABELS: Final[tuple[str, ...]] = ("完成时限", "完成时间", "时间节点", "进度安排", "时间安排", "时限要求", "时限")


def _role_labels() -> dict[str, Role]:
    labels: dict[str, Role] = {}
    for role in ROLES:
        stems = [s + suffix for s in ROLE_LABEL_STEMS[role] for suffix in ROLE_LABEL_SUFFIXES]
        for label in [*stems, *ROLE_BARE_STEMS[role]]:
            labels.setdefault(label, role)
            for qualifier in LABEL_QUALIFIERS:
                if not label.startswith(qualifier):
                    labels.setdefault(qualifier + label, role)
    return labels


ROLE_OF_LABEL: Final[dict[str, Role]] = _role_labels()
# Every label, role or not, longest first: a reader tries 牵头责任单位 before 责任单位.
LABELS_LONGEST_FIRST: Final[tuple[str, ...]] = tuple(
    sorted({*ROLE_OF_LABEL, *NON_UNIT_LABELS}, key=lambda label: (-len(label), label))
)


def label_role(label: str) -> Role | None:
    """The role a label names (牵头部门 → lead); None for a non-unit label or no label at all."""
    return ROLE_OF_LABEL.get(label)


# The document kinds of a report on a year's work (ingest.doc_kinds gives them); users call any of them 报告,
# 年度报告, 工作报告 or 年报 (queries.gazetteer).
REPORT_KINDS: Final[tuple[str, ...]] = ("工作报告", "情况报告", "年度报告")


# --- task-table columns ---------------------------------------------------------------------------
# Header words of the columns of a task table other than its role columns (whose headers are the role
# labels above). Task and detail words are in order of preference for the measure's heading: in a table
# with 重点任务 and 具体措施, the 重点任务 cell is the heading.
TABLE_SERIAL_HEADERS: Final[tuple[str, ...]] = ("序号", "编号", "序列号", "项目序号")
TABLE_TASK_HEADERS: Final[tuple[str, ...]] = (
    "重点任务", "主要任务", "工作任务", "具体任务", "任务", "任务名称", "任务内容", "重点工作", "工作事项", "事项",
    "重点事项", "改革任务", "工作项目", "项目", "工作内容", "主要内容", "内容",
)  # fmt: skip
TABLE_DETAIL_HEADERS: Final[tuple[str, ...]] = (
    "具体措施", "工作措施", "主要措施", "推进措施", "具体举措", "工作举措", "措施", "具体内容", "工作要求",
    "目标要求", "任务要求", "具体要求", "工作目标", "目标任务", "工作标准", "完成标准", "预期成果", "成果形式",
    "任务分解", "工作重点",
)  # fmt: skip
TABLE_TIME_HEADERS: Final[tuple[str, ...]] = (
    "完成时限", "完成时间", "时间安排", "时间节点", "进度安排", "时限要求", "时限", "完成期限", "时间要求",
    "推进时限", "完成时间节点", "时间进度", "办结时限", "时间",
)  # fmt: skip
# Columns that are neither task, time nor units: people, notes, scores, a group header over role columns.
TABLE_OTHER_HEADERS: Final[tuple[str, ...]] = ("备注", "责任分工", "分工", "分值", "考核分值", "评分标准", "类别")


# --- verbs ------------------------------------------------------------------------------------------
# Roles written as verbs after a unit list: （县委编办牵头，县政务服务中心配合）.
ROLE_VERBS: Final[dict[Role, tuple[str, ...]]] = {
    "lead": ("牵头",),
    "participate": ("配合", "参与", "参加", "协助", "协办", "协同", "协作"),
    "responsible": ("负责", "落实", "实施", "承担", "执行"),
}
# Words that may follow a role verb without changing it: 牵头负责, 配合落实, 牵头组织实施.
ROLE_VERB_TAILS: Final[tuple[str, ...]] = ("组织实施", "负责", "落实", "实施", "推进", "抓总", "执行", "办理")
# Words before a role verb that do not change it, one or more: 共同参与, 分别负责, 按职责抓好贯彻落实.
# (Not 积极: 各部门积极配合 is how a report praises, not how a plan assigns.)
ROLE_VERB_ADVERBS: Final[tuple[str, ...]] = (
    "共同", "分别", "具体", "协同", "统筹", "抓好", "认真", "切实", "贯彻", "负责抓好",
)  # fmt: skip
# "按职责分工" and its variants: 县直各单位按职责分工落实 is responsible (and the phrase is not part of a name).
DUTY_PHRASES: Final[tuple[str, ...]] = (
    "按照各自职责分工", "按照各自职责", "按照职责分工", "按各自职责", "按职责分工", "根据职责分工", "依职责分工",
    "按照职责", "按职责", "根据职责", "依职责", "依据职责",
)  # fmt: skip
# Phrases that say "each answers for its own part" and stand for the responsible role: 各负其责.
RESPONSIBLE_PHRASES: Final[tuple[str, ...]] = ("各负其责", "各司其职", "分别负责", "共同负责")
# "A会同B负责": A takes the role of the closing verb, B joins.
JOINT_VERBS: Final[tuple[str, ...]] = ("会同", "联合")
# Words that connect two units in a list (县人社局和各乡镇党校); they split only when both sides are units.
UNIT_CONJUNCTIONS: Final[tuple[str, ...]] = ("以及", "和", "及", "与", "并")
# Words that start a unit list without being part of it: 由县司法局牵头, 请各乡镇….
LIST_LEADING_WORDS: Final[tuple[str, ...]] = ("由", "请", "并由")
# Words that end a unit list without being part of it: 市发改委等相关单位, 县财政局等.
LIST_TRAILING_WORDS: Final[tuple[str, ...]] = (
    "等相关单位", "等有关单位", "等其他单位", "等相关部门", "等有关部门", "等其他部门", "等单位", "等部门", "等机关",
    "等",
)  # fmt: skip
# What a list says when it names nobody on purpose (a table cell or a label with "无"): no units, no warning.
NONE_MARKERS: Final[tuple[str, ...]] = ("无", "暂无", "—", "-", "/", "--", "——", "\\")
# A sentence whose subject is a unit list followed by one of these assigns the item to that subject when
# the same sentence ends with a role clause: 县财政局要加强……，县审计局参与.
ASSIGNMENT_SUBJECT_WORDS: Final[dict[str, Role]] = {
    "要牵头": "lead",
    "牵头": "lead",
    "要": "responsible",
    "负责": "responsible",
    "承担": "responsible",
    "落实": "responsible",
}

# --- words for people ------------------------------------------------------------------------------
ROLE_WORD: Final[dict[Role, str]] = {"lead": "牵头", "participate": "参加", "responsible": "责任"}
ROLE_WORD_EN: Final[dict[Role, str]] = {"lead": "lead", "participate": "participate", "responsible": "responsible"}
# The verb an answer uses in a sentence: 县司法局牵头 / 参加 / 负责 ….
ROLE_VERB_WORD: Final[dict[Role, str]] = {"lead": "牵头", "participate": "参加", "responsible": "负责"}
# Words of a question that ask about one role; 负责 on its own asks about any role, so it is not here.
QUESTION_ROLE_WORDS: Final[dict[str, Role]] = {
    "牵头": "lead",
    "主办": "lead",
    "主责": "lead",
    "参与": "participate",
    "参加": "participate",
    "配合": "participate",
    "协办": "participate",
    "协助": "participate",
    "责任单位": "responsible",
}

# --- collective groups -------------------------------------------------------------------------------
# A mention that names a group of bodies rather than one (全区各部门, 县直各单位, 各乡镇（街道）).
COLLECTIVE_AREA_PREFIXES: Final[tuple[str, ...]] = ("全省", "全市", "全州", "全县", "全区", "全镇", "全乡", "全旗")
COLLECTIVE_QUALIFIERS: Final[tuple[str, ...]] = (
    "各",
    "其他",
    "其它",
    "有关",
    "相关",
    "所属",
    "成员",
    "其余",
    "所有",
    "全体",
)  # fmt: skip
COLLECTIVE_NOUNS: Final[tuple[str, ...]] = ("单位", "部门", "机关", "机构", "乡镇", "街道", "组织", "企业", "系统")
COLLECTIVE_PLACE_NOUNS: Final[tuple[str, ...]] = ("乡镇", "街道", "乡", "镇", "村", "社区")
DIRECT_UNDER_MARKERS: Final[tuple[str, ...]] = ("省直", "市直", "州直", "县直", "区直", "旗直", "盟直", "镇直", "乡直")
# 各 anywhere names a group: 县政府各工作部门, 镇机关各办（站、所）, 各乡镇党校.
COLLECTIVE_INFIXES: Final[tuple[str, ...]] = ("各",)
# A level named without 各 is a group too: 乡镇人民政府, 乡镇司法所, 街道办事处 as a level.
COLLECTIVE_LEVELS: Final[tuple[str, ...]] = ("乡镇", "乡(镇)", "镇(乡)", "乡镇(街道)", "各级")
# Bodies whose name starts like a group but that are one body: 县直机关工委 (the organs' Party committee).
COLLECTIVE_EXCEPTIONS: Final[tuple[str, ...]] = ("直机关工委", "直机关工作委员会", "直属机关工委", "直属机关工作委员会")

# --- the graph ----------------------------------------------------------------------------------------
ROLE_RELATIONSHIP: Final[dict[Role, str]] = {
    "lead": "LEADS",
    "participate": "PARTICIPATES_IN",
    "responsible": "RESPONSIBLE_FOR",
}
RELATIONSHIP_ROLE: Final[dict[str, Role]] = {rel: role for role, rel in ROLE_RELATIONSHIP.items()}
ROLE_RELATIONSHIPS_PATTERN: Final[str] = "|".join(ROLE_RELATIONSHIP.values())  # LEADS|PARTICIPATES_IN|…
# Node ids carry their label as a prefix, so ids are unique across the whole graph.
ID_PREFIX: Final[dict[str, str]] = {
    "Document": "doc",
    "Section": "sec",
    "Measure": "mea",
    "Unit": "unit",
    "Instrument": "inst",
    "Jurisdiction": "jur",
}
