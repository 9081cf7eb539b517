"""Every mention of an entity label points to an entity: by its text, by default."""

from __future__ import annotations

import sqlite3

import pytest

from db import connection, reads
from db.annotations import label_by_name
from db.migrations import LINKED_BY_5
from db.models import Entity, EntityAlias
from db.names import canonical_name, name_key
from desktop.core.operations import AddAnnotations, EditAnnotations, EditLabel, new_annotation
from tests.helpers import database_at_schema, store_article


@pytest.mark.parametrize(("text", "name", "key"), [
    ("OpenAI", "OpenAI", "openai"),
    ("d’OpenAI", "OpenAI", "openai"),
    ("d'OpenAI", "OpenAI", "openai"),
    ("qu’Airbus", "Airbus", "airbus"),
    ("OpenAI's", "OpenAI", "openai"),
    ("OpenAI’s", "OpenAI", "openai"),
    ("L’Oréal", "L’Oréal", "l'oreal"),
    ("Société\u00a0Générale", "Société Générale", "societe generale"),
    ("SOCIÉTÉ GÉNÉRALE", "SOCIÉTÉ GÉNÉRALE", "societe generale"),
    ("Cafe\u0301 de Flore", "Cafe\u0301 de Flore", "cafe de flore"),
    ("AWS", "AWS", "aws"),
    ("N'Golo Kanté", "N'Golo Kanté", "n'golo kante"),  # a capital: part of the name
    ("D’Angelo Russell", "D’Angelo Russell", "d'angelo russell"),
])
def test_the_name_a_mention_gives_and_its_key(text, name, key):
    assert canonical_name(text) == name
    assert name_key(text) == key


def _tag(article_id: int, word: str, label: str = "ORG", nth: int = 0) -> AddAnnotations:
    body = reads.get_article(article_id).body
    start = -1
    for _ in range(nth + 1):
        start = body.index(word, start + 1)
    op = AddAnnotations([new_annotation(body, article_id, label_by_name(label).id, start,
                                        start + len(word))])
    op.apply()
    return op


def test_tagging_links_each_mention_to_the_entity_its_text_names(db):
    article = store_article("OpenAI", "OpenAI paie. L’offre d’OpenAI plaît ; openai répond. "
                                      "Les GPU d'OPENAI.")
    for word in ("OpenAI", "d’OpenAI", "openai", "d'OPENAI"):
        _tag(article, word)
    [entity] = Entity.select()
    assert (entity.name, entity.key) == ("OpenAI", "openai")
    assert {a.entity_id for a in reads.annotations_for_article(article)} == {entity.id}


def test_an_alias_is_found_and_amounts_get_no_entity(db):
    article = store_article("AWS", "AWS facture 38 milliards à OpenAI.")
    aws = _tag(article, "AWS").ids[0]
    EditAnnotations([aws], entity="Amazon Web Services").apply()
    other = store_article("AWS 2", "Chez AWS, rien.")
    again = _tag(other, "AWS").ids[0]
    money = _tag(article, "38 milliards", "MONEY").ids[0]
    assert reads.get_annotation(again).entity_id == reads.get_annotation(aws).entity_id
    assert reads.entity_name(reads.get_annotation(again).entity_id) == "Amazon Web Services"
    assert reads.get_annotation(money).entity_id is None


def test_unlinking_or_relabelling_keeps_every_mention_linked(db):
    article = store_article("Nvidia", "Nvidia livre des GPU.")
    nvidia = _tag(article, "Nvidia").ids[0]
    EditAnnotations([nvidia], entity="NVIDIA Corporation").apply()
    assert [e.name for e in Entity.select()] == ["NVIDIA Corporation"]  # "Nvidia" retired
    EditAnnotations([nvidia], entity="").apply()  # "no entity" means the one its text names:
    assert reads.entity_name(reads.get_annotation(nvidia).entity_id) == "NVIDIA Corporation"

    EditAnnotations([nvidia], {"label_id": label_by_name("QUANTITY").id}).apply()
    assert reads.get_annotation(nvidia).entity_id is None  # an amount points to none
    back = EditAnnotations([nvidia], {"label_id": label_by_name("PRODUCT").id})
    back.apply()
    relinked = reads.get_annotation(nvidia).entity_id
    assert relinked is not None and reads.entity_name(relinked) == "Nvidia"
    back.revert()
    assert reads.get_annotation(nvidia).entity_id is None


def test_a_used_label_keeps_its_kind(db):
    article = store_article("Kind", "Nvidia livre.")
    _tag(article, "Nvidia")
    with pytest.raises(ValueError, match="kind cannot change"):
        EditLabel(label_by_name("ORG").id, {"kind": "amount"}).apply()
    assert label_by_name("ORG").kind == "entity"


def test_migration_5_links_the_unlinked_mentions_and_says_how_many(tmp_path):
    path = tmp_path / "old.sqlite3"
    database_at_schema(path, 4)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO article (id, title, body, language, source, content_hash, "
                "imported_at) VALUES (1, 't', 'OpenAI, d’OpenAI, AWS et 38 milliards.', 'fr', "
                "'', 'h', '2024-01-01 00:00:00')")
    org, money = (con.execute("SELECT id FROM label WHERE name = ?", (name,)).fetchone()[0]
                  for name in ("ORG", "MONEY"))
    con.execute("INSERT INTO entity (id, name, label_id) VALUES (7, 'Amazon Web Services', ?)",
                (org,))
    con.execute("INSERT INTO entity_alias (entity_id, alias) VALUES (7, 'AWS')")
    for start, end, quote, label in ((0, 6, "OpenAI", org), (8, 16, "d’OpenAI", org),
                                     (18, 21, "AWS", org), (25, 37, "38 milliards", money)):
        con.execute(
            'INSERT INTO annotation (article_id, label_id, start, "end", quote, prefix, '
            "suffix, approx, note, author, status, created_at, updated_at) VALUES "
            "(1, ?, ?, ?, ?, '', '', 0, '', '', 'accepted', '2024-01-01', '2024-01-01')",
            (label, start, end, quote))
    con.commit()
    con.close()

    connection.open_database(path)
    try:
        links = {a.quote: reads.entity_name(a.entity_id) for a in reads.annotations_for_article(1)}
        assert links == {"OpenAI": "OpenAI", "d’OpenAI": "OpenAI",
                         "AWS": "Amazon Web Services", "38 milliards": ""}
        assert [(e.name, e.key) for e in Entity.select().order_by(Entity.id)] == [
            ("Amazon Web Services", "amazon web services"), ("OpenAI", "openai")]
        assert [a.key for a in EntityAlias.select()] == ["aws"]
        from desktop.core.upgrades import upgrade_notes

        assert upgrade_notes() == ["Linked 3 tagged mentions to the entities their text "
                                   "names, so every mention counts in the figures."]
        assert upgrade_notes() == []  # said once
        from db.articles import get_meta

        assert get_meta(LINKED_BY_5) is None
    finally:
        connection.close_database()


def test_linking_a_mention_brings_the_other_mentions_of_its_text_along(db):
    article = store_article("AWS", "AWS et OpenAI. Puis AWS encore, et AWS enfin.")
    first, second = _tag(article, "AWS").ids[0], _tag(article, "AWS", nth=1).ids[0]
    link = EditAnnotations([first], entity="Amazon Web Services")
    link.apply()
    amazon = Entity.get(Entity.name == "Amazon Web Services").id
    assert {reads.get_annotation(i).entity_id for i in (first, second)} == {amazon}
    assert [e.name for e in Entity.select()] == ["Amazon Web Services"]  # "AWS" emptied
    third = _tag(article, "AWS", nth=2).ids[0]  # and later tags follow the alias
    assert reads.get_annotation(third).entity_id == amazon

    link.revert()  # (after the third tag: it keeps its link)
    aws = Entity.get(Entity.name == "AWS").id
    assert reads.get_annotation(first).entity_id == aws
    assert reads.get_annotation(second).entity_id == aws


def test_removing_the_last_mention_of_an_entity_removes_the_entity_until_undone(db):
    from db.suggestions import gazetteer
    from desktop.core.operations import RemoveAnnotations

    article = store_article("Le", "Le marché recule.")
    mistake = _tag(article, "Le").ids[0]
    assert ("Le", "ORG", "Le") in gazetteer()
    remove = RemoveAnnotations([mistake])
    remove.apply()
    assert Entity.select().count() == 0
    assert all(text != "Le" for text, _, _ in gazetteer())  # no longer proposed anywhere
    remove.revert()
    assert reads.entity_name(reads.get_annotation(mistake).entity_id) == "Le"


def test_tag_all_gives_the_entity_asked_for_only_to_the_mentions_it_names(db):
    from desktop.core.operations import Mention, TagMentions

    article = store_article("Tous", "OpenAI et Microsoft, puis Microsoft.")
    openai = _tag(article, "OpenAI").ids[0]
    body = reads.get_article(article).body
    spans = [(body.index("Microsoft"), body.index("Microsoft") + 9),
             (body.rindex("Microsoft"), body.rindex("Microsoft") + 9)]
    TagMentions([], mentions=[Mention(article, s, e) for s, e in spans],
                label_id=label_by_name("ORG").id,
                entity_id=reads.get_annotation(openai).entity_id).apply()
    names = {reads.entity_name(a.entity_id) for a in reads.annotations_for_article(article)
             if a.quote == "Microsoft"}
    assert names == {"Microsoft"}
