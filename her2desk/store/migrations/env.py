"""Alembic environment: runs on the connection the program hands over; never reads alembic.ini."""

from __future__ import annotations

from alembic import context

from her2desk.store.schema import Base, include_for

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("her2desk migrations run through her2desk (her2desk db upgrade), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_object=include_for(connection.dialect.name),
)
with context.begin_transaction():
    context.run_migrations()
