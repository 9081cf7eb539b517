"""Persistence: connection, models, migrations and queries (peewee, no Qt)."""
