"""drafts read from news articles, waiting for review

Revision ID: 0003
Revises: 0002

A draft is a suggestion, never a record: nothing in it is counted anywhere. It keeps the
article's text (the evidence the reviewer reads) and the extractor's draft (JSON), and ends
``saved`` (with the report it became), or ``rejected`` (with the reason), by a named user.
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("source", sa.String(2000), nullable=False),
        sa.Column("url", sa.String(2000), index=True),
        sa.Column("title", sa.String(1000)),
        sa.Column("article_text", sa.Text, nullable=False),
        sa.Column("draft", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="open", index=True),
        sa.Column("report_id", sa.Integer),
        sa.Column("ceremony_id", sa.String(200)),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("note", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("drafts")
