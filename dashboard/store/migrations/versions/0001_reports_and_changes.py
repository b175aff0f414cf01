"""reports and their audit trail

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ceremony_id", sa.String(200), nullable=False, index=True),
        sa.Column("region_code", sa.String(20), nullable=False, index=True),
        sa.Column("date", sa.String(10), index=True),
        sa.Column("origin", sa.String(300), nullable=False, index=True),
        sa.Column("origin_hash", sa.String(64)),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="active"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False, index=True),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("report_id", sa.Integer, nullable=False, index=True),
        sa.Column("ceremony_id", sa.String(200), nullable=False, index=True),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("note", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("changes")
    op.drop_table("reports")
