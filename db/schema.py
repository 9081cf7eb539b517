"""The schema version this code writes (``PRAGMA user_version``), without peewee.

:mod:`db.migrations` holds exactly this many migrations (it checks on import).
"""

SCHEMA_VERSION = 7
