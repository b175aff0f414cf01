"""the one write lock

Revision ID: 0002
Revises: 0001

Every write (form, import, seed, withdrawal) first updates this table's single row inside its
transaction, and only then reads what it checks. The row lock (PostgreSQL) or the database
write lock (SQLite) is held until the transaction ends, so checks and writes of two users, or
two servers, run one after the other and the second always checks against the first's result.
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    t = op.create_table("write_lock", sa.Column("id", sa.Integer, primary_key=True),
                        sa.Column("n", sa.Integer, nullable=False))
    op.bulk_insert(t, [{"id": 1, "n": 0}])


def downgrade() -> None:
    op.drop_table("write_lock")
