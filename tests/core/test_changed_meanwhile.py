"""No write silently overwrites another: edits and removals check what the user saw.

Someone else (another process, or another connection) changes an annotation
after the user's view was filled: the user's step raises ChangedMeanwhile and
writes nothing; forced, it writes; its undo and redo check against what the
step itself left.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from db import connection
from db.annotations import label_by_name
from db.reads import get_annotation
from desktop.core.operations import ChangedMeanwhile, EditAnnotations, RemoveAnnotations
from tests.helpers import tag

pytestmark = pytest.mark.both_backends
ROOT = Path(__file__).resolve().parents[2]

BOB_RELABELS = textwrap.dedent("""
    import sys
    from db import connection
    from db.annotations import label_by_name
    from desktop.core.operations import EditAnnotations

    connection.open_database(sys.argv[1])
    EditAnnotations([int(sys.argv[2])], {"label_id": label_by_name(sys.argv[3]).id}).apply()
    connection.close_database()
""")


def bob_relabels(db_url: str, annotation_id: int, label: str) -> None:
    """Another process changes the annotation's label."""
    done = subprocess.run([sys.executable, "-c", BOB_RELABELS, db_url, str(annotation_id),
                           label], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def elsewhere(write: Callable[[], object]) -> None:
    """Runs ``write`` on another connection (a thread of its own), as another window would."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            write()
        except BaseException as exc:  # noqa: BLE001 (raised again on the test's thread)
            failed.append(exc)
        finally:
            connection.close_thread_connection()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if failed:
        raise failed[0]


@pytest.fixture
def aws(db, article_id) -> int:
    return tag(article_id, "AWS", "ORG", author="Bob")


def test_an_edit_of_an_annotation_changed_in_another_process_writes_nothing(db_url, aws):
    seen = get_annotation(aws)
    assert seen is not None
    bob_relabels(db_url, aws, "PRODUCT")
    step = EditAnnotations([aws], {"note": "mine"}, seen={aws: seen})

    with pytest.raises(ChangedMeanwhile) as caught:
        step.apply()

    now = get_annotation(aws)
    assert now is not None and now.note == "" and now.label_id == label_by_name("PRODUCT").id
    conflict = caught.value
    assert conflict.differing == [aws] and conflict.can_force
    assert conflict.current[aws] == now and conflict.current[aws].author == "Bob"
    assert conflict.seen[aws] == seen
    assert [r.id for r in conflict.change.updated] == [aws]  # what the views show then

    step.force = True  # the user applies theirs anyway
    step.apply()
    step.force = False
    forced = get_annotation(aws)
    assert forced is not None
    assert (forced.note, forced.label_id) == ("mine", label_by_name("PRODUCT").id)

    step.revert()  # undo: back to Bob's version, not to what the user first saw
    assert get_annotation(aws) == now


def test_undo_and_redo_check_against_what_the_step_left(aws):
    step = EditAnnotations([aws], {"note": "mine"}, seen={aws: get_annotation(aws)})
    step.apply()
    elsewhere(lambda: EditAnnotations([aws], {"note": "theirs"}).apply())

    with pytest.raises(ChangedMeanwhile):
        step.revert()
    assert get_annotation(aws).note == "theirs"

    step.force = True
    step.revert()
    step.force = False
    assert get_annotation(aws).note == ""

    elsewhere(lambda: EditAnnotations([aws], {"status": "suggested"}).apply())
    with pytest.raises(ChangedMeanwhile):
        step.apply()  # redo
    assert get_annotation(aws).note == ""


def test_a_removal_of_an_annotation_changed_meanwhile_removes_nothing(aws):
    seen = get_annotation(aws)
    elsewhere(lambda: EditAnnotations([aws], {"note": "theirs"}).apply())
    step = RemoveAnnotations([aws], seen={aws: seen})

    with pytest.raises(ChangedMeanwhile) as caught:
        step.apply()
    assert get_annotation(aws).note == "theirs"
    assert caught.value.can_force

    step.force = True
    step.apply()
    step.force = False
    assert get_annotation(aws) is None
    step.revert()
    assert get_annotation(aws).note == "theirs"  # put back as it was when removed


def test_an_annotation_removed_meanwhile_is_not_edited(aws):
    seen = get_annotation(aws)
    elsewhere(lambda: RemoveAnnotations([aws]).apply())

    with pytest.raises(ChangedMeanwhile) as caught:
        EditAnnotations([aws], {"note": "mine"}, seen={aws: seen}).apply()

    assert caught.value.current == {aws: None} and not caught.value.can_force
    assert [r.id for r in caught.value.change.removed] == [aws]


def test_the_undo_of_a_removal_checks_the_place_is_still_free(aws):
    step = RemoveAnnotations([aws], seen={aws: get_annotation(aws)})
    step.apply()
    removed = step._removed[0]

    def put_back_elsewhere() -> None:  # another window undid the same removal first
        from db.annotations import insert_annotations

        insert_annotations([removed])

    elsewhere(put_back_elsewhere)
    with pytest.raises(ChangedMeanwhile) as caught:
        step.revert()
    assert not caught.value.can_force


def test_without_what_was_seen_nothing_is_checked(aws):
    """Scripts and the command line pass nothing: the last write wins, as before."""
    elsewhere(lambda: EditAnnotations([aws], {"note": "theirs"}).apply())
    EditAnnotations([aws], {"note": "mine"}).apply()
    assert get_annotation(aws).note == "mine"


def test_the_undo_of_a_link_checks_the_mentions_it_moved_along(db):
    """Linking one "AWS" to "Amazon Web Services" moves the other "AWS" too; a colleague
    then relabels that other one: the undo would move it back unasked."""
    from db.articles import NewArticle, insert_articles
    from desktop.core.text import content_hash

    body = "AWS signe. Plus tard, AWS confirme."
    article = insert_articles([NewArticle("AWS", body, content_hash(body), "fr")])[0]
    first, second = (tag(article, "AWS", "ORG", occurrence=n, entity="AWS") for n in (0, 1))
    assert get_annotation(first).entity_id == get_annotation(second).entity_id
    link = EditAnnotations([first], {}, entity="Amazon Web Services",
                           seen={first: get_annotation(first)})
    link.apply()
    moved = get_annotation(second)
    assert moved.entity_id == get_annotation(first).entity_id  # followed the link
    product = label_by_name("PRODUCT").id
    elsewhere(lambda: EditAnnotations([second], {"label_id": product}).apply())

    with pytest.raises(ChangedMeanwhile):
        link.revert()

    assert get_annotation(second).entity_id == moved.entity_id  # nothing moved back
    assert get_annotation(first).entity_id == moved.entity_id
