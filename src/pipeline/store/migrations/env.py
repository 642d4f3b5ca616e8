"""Alembic environment: runs on the connection the store hands over, or, in
offline mode, renders the SQL for a database URL (``Store.migration_sql``)."""

from alembic import context

from pipeline.store.schema import Base

if context.is_offline_mode():
    context.configure(url=context.config.get_main_option("sqlalchemy.url"),
                      target_metadata=Base.metadata, literal_binds=True)
else:
    context.configure(connection=context.config.attributes["connection"],
                      target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
