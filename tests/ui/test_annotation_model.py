"""The annotation tree model: groups, order, incremental changes, batches of rows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from db.annotations import AnnotationRecord, LabelRecord
from db.models import SUGGESTED
from desktop.ui.annotation_model import (
    ANNOTATION_ID_ROLE,
    LABEL_ID_ROLE,
    SUGGESTED_TIP,
    AnnotationTreeModel,
)

ORG, PERSON, MONEY = 1, 2, 3
LABELS = [
    LabelRecord(PERSON, "PERSON", "entity", "#1e88e5", "2", 2),
    LabelRecord(ORG, "ORG", "entity", "#e53935", "1", 1),
    LabelRecord(MONEY, "MONEY", "amount", "#43a047", "3", 3),
]


def _record(annotation_id: int, label_id: int, start: int, end: int | None = None,
            **extra) -> AnnotationRecord:
    end = start + 3 if end is None else end
    return AnnotationRecord(annotation_id, 1, label_id, start, end, f"w{annotation_id}",
                            **extra)


def _model(records: list[AnnotationRecord], batch_size: int = 100,
           names: dict[int, str] | None = None) -> AnnotationTreeModel:
    model = AnnotationTreeModel(batch_size=batch_size)
    model.reset(records, LABELS, names or {})
    return model


def _rows(model: AnnotationTreeModel) -> list[tuple[str, list[int]]]:
    """What the list shows: each group's title and its annotation ids, in row order."""
    groups = []
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        ids = [model.index(r, 0, group).data(ANNOTATION_ID_ROLE)
               for r in range(model.rowCount(group))]
        groups.append((group.data(), ids))
    return groups


@pytest.fixture
def model(qapp) -> AnnotationTreeModel:
    return _model([
        _record(10, ORG, 40), _record(11, ORG, 5), _record(12, ORG, 5, 20),
        _record(20, PERSON, 30),
        _record(30, MONEY, 60, value=3.8e10, unit="USD", approx=True),
    ], names={7: "Amazon Web Services"})


def test_groups_in_label_order_children_by_position(model):
    assert _rows(model) == [
        ("ORG (3)", [11, 12, 10]),
        ("PERSON (1)", [20]),
        ("MONEY (1)", [30]),
    ]
    money = model.group_index(MONEY)
    # The amount as the interface language writes it; its tooltip says it exactly.
    assert model.index(0, 1, money).data() == "≈ $38B"
    assert model.index(0, 1, money).data(Qt.ItemDataRole.ToolTipRole) == (
        "≈ $38B (3.8 × 10¹⁰ USD)")
    assert money.data(LABEL_ID_ROLE) == MONEY
    assert money.data(ANNOTATION_ID_ROLE) is None
    assert money.data(Qt.ItemDataRole.FontRole).bold()
    assert not money.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Entity / value"


def test_passes_the_model_tester_while_it_changes(qtmodeltester, qapp):
    model = _model([_record(i, (ORG, PERSON, MONEY)[i % 3], 10 * i) for i in range(1, 12)],
                   batch_size=2)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)  # Qt's own tester stays attached and checks what follows
    model.upsert(_record(50, ORG, 1))
    model.upsert(_record(51, PERSON, 500))  # beyond the rows shown: only the count changes
    model.upsert(replace(model.record(3), label_id=ORG))
    model.show_more(model.group_index(PERSON))
    model.remove(50)
    for annotation_id in (3, 6, 9):
        model.remove(annotation_id)  # MONEY empties: its row goes
    model.upsert(_record(60, MONEY, 5))
    assert model.reveal(11).isValid()
    qtmodeltester.check(model, force_py=True)


def test_upsert_inserts_one_row_in_place_and_recounts(qtbot, model):
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.upsert(_record(13, ORG, 5, 10))
    parent, first, last = inserted.args
    assert (parent.data(LABEL_ID_ROLE), first, last) == (ORG, 1, 1)
    assert _rows(model)[0] == ("ORG (4)", [11, 13, 12, 10])


def test_upsert_of_a_new_label_adds_its_group_in_label_order(qtbot, model):
    model.remove(20)
    assert [title for title, _ in _rows(model)] == ["ORG (3)", "MONEY (1)"]
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.upsert(_record(21, PERSON, 0))
    assert (inserted.args[0].isValid(), inserted.args[1]) == (False, 1)
    assert _rows(model)[1] == ("PERSON (1)", [21])


def test_remove_drops_the_row_then_the_empty_group(qtbot, model):
    changed: list[str] = []
    model.dataChanged.connect(lambda first, *_: changed.append(first.data()))
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        assert model.remove(12)
    assert (removed.args[0].data(LABEL_ID_ROLE), removed.args[1]) == (ORG, 1)
    assert changed == ["ORG (2)"]
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        model.remove(20)
    assert (removed.args[0].isValid(), removed.args[1]) == (False, 1)
    assert [title for title, _ in _rows(model)] == ["ORG (2)", "MONEY (1)"]
    assert not model.remove(20)
    assert model.annotation_count() == 3


def test_an_edit_in_place_changes_data_only(qtbot, model):
    signals: list[str] = []
    model.rowsInserted.connect(lambda *_: signals.append("inserted"))
    model.rowsRemoved.connect(lambda *_: signals.append("removed"))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.upsert(replace(model.record(10), entity_id=7, note="the cloud",
                             status=SUGGESTED))
    assert signals == []
    top_left, bottom_right = changed.args[:2]
    assert (top_left.row(), top_left.column(), bottom_right.column()) == (2, 0, 2)
    row = model.index_of(10)
    assert row.siblingAtColumn(1).data() == "Amazon Web Services"
    assert row.siblingAtColumn(2).data(Qt.ItemDataRole.ToolTipRole) == "the cloud"
    assert row.data(Qt.ItemDataRole.FontRole).italic()
    assert row.data(Qt.ItemDataRole.ToolTipRole).startswith(SUGGESTED_TIP)


def test_a_label_change_moves_the_row_to_the_other_group(model):
    model.upsert(replace(model.record(12), label_id=PERSON))
    assert _rows(model)[:2] == [("ORG (2)", [11, 10]), ("PERSON (2)", [12, 20])]
    model.upsert(replace(model.record(20), start=1, end=2))  # a moved span moves its row
    assert _rows(model)[1] == ("PERSON (2)", [20, 12])


def test_rows_are_shown_a_batch_at_a_time(qapp):
    model = _model([_record(i, ORG, i) for i in range(1, 26)], batch_size=10)
    org = model.group_index(ORG)
    assert (org.data(), model.rowCount(org)) == ("ORG (25)", 10)
    assert not model.index_of(20).isValid()
    model.upsert(_record(100, ORG, 1000))  # after the rows shown: counted, not a row yet
    assert (org.data(), model.rowCount(org)) == ("ORG (26)", 10)
    model.upsert(_record(101, ORG, 0))  # among them: a row at once
    assert model.rowCount(org) == 11 and model.index_of(101).row() == 0
    assert model.can_show_more(org)
    model.show_more(org)
    assert model.rowCount(org) == 21
    index = model.reveal(100)
    assert (index.row(), index.data(ANNOTATION_ID_ROLE)) == (26, 100)
    assert model.rowCount(org) == 27 and not model.can_show_more(org)
    assert not model.can_show_more(QModelIndex())


def test_twenty_thousand_annotations_build_as_lists(qapp):
    records = [_record(i, (ORG, PERSON, MONEY, 99)[i % 4], 10 * i) for i in range(1, 20_001)]
    model = _model(records)
    assert model.annotation_count() == 20_000
    assert [title for title, _ in _rows(model)] == [
        "ORG (5000)", "PERSON (5000)", "MONEY (5000)", "Label 99 (5000)"]
    assert [model.rowCount(model.index(row, 0)) for row in range(4)] == [100] * 4
    last = model.reveal(20_000)
    assert (last.parent().data(LABEL_ID_ROLE), last.row()) == (ORG, 4999)
    assert last.data() == "“w20000”"
