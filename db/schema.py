"""The schema version this code writes (``PRAGMA user_version``), without peewee.

:mod:`db.migrations` holds exactly this many migrations (it checks on import).
A PostgreSQL database records its version in its ``marginalia_schema`` table
(:mod:`db.postgres_schema`, which checks it has a migration up to this one).
"""

SCHEMA_VERSION = 11

APPLICATION_ID = 0x4D52474E
"""Marginalia's mark in the file header (``PRAGMA application_id``): "MRGN" in ASCII.

Set when a database is created, and by migration 008 on a file made before
the mark existed. A file with another mark, or with tables but neither the
mark nor :data:`OWN_TABLES`, belongs to another program and is never touched.
"""

OWN_TABLES = frozenset({"meta", "article", "label", "annotation"})
"""Tables every Marginalia database has had since schema 1: how a file made
before :data:`APPLICATION_ID` existed is recognised."""
