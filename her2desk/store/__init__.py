"""Persistence: SQLAlchemy schema, engine set-up, migrations, audit, backup and demo data.

Importing this package is cheap on purpose: the GUI's cold start opens a current database without
ever importing Alembic (see `schema_status.py`).
"""
