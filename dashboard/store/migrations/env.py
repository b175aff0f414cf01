"""Alembic environment: the URL comes from the Store (never from a file)."""

from alembic import context

from dashboard.store.models import Base

config = context.config
connection = config.attributes.get("connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
