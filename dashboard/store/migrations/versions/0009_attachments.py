"""files of proof beside a report (issue 42 §3)

Revision ID: 0009
Revises: 0008

A photo of the ceremony or a scan of the signed pakta, kept in the store (one place for every
server), with the picture of it the panel shows. Removing one erases its bytes and keeps the row.
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("report_id", sa.Integer, nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("mime", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("width", sa.Integer),
        sa.Column("height", sa.Integer),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("thumbnail", sa.LargeBinary),
        sa.Column("thumbnail_mime", sa.String(40)),
        sa.Column("status", sa.String(20), nullable=False),  # active | removed
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("removed_at", sa.DateTime),
        sa.Column("removed_by", sa.String(200)),
    )


def downgrade() -> None:
    op.drop_table("attachments")
