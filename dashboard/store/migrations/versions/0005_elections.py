"""the election calendar in the store

Revision ID: 0005
Revises: 0004

``data/elections.yaml`` stays the seed (like the ceremony files); the calendar the pages, the
checks and the import use is this table, so a user of every region can add or correct an
election from the app (*Kalender*), with every change in the history like a report's. One row
per election id; ``data`` is the entry's YAML as written; ``origin_hash`` is the sha256 of the
seed entry last read, so a changed seed entry updates its row unless someone edited it in the app.
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "elections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("election_id", sa.String(100), nullable=False, unique=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("origin", sa.String(300), nullable=False),
        sa.Column("origin_hash", sa.String(64)),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("elections")
