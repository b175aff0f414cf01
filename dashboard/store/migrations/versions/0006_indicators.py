"""indicators beside the commitments (issue 27)

Revision ID: 0006
Revises: 0005

An indicator is a named, sourced figure for one region and date (or the end of a period): a risk
score, a count of findings or sanctions. One row per value; rows are only added (an import), never
changed in place, so the rows are their own history (who imported them, when, from which file and
row), and each import also writes one history row per value, as a ceremony import does.
``(indicator, region_code, date)`` is unique: a second value for one is refused, not overwritten.
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("indicator", sa.String(80), nullable=False, index=True),
        sa.Column("name", sa.String(300)),
        sa.Column("region_code", sa.String(20), nullable=False, index=True),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("outlet", sa.String(500), nullable=False),
        sa.Column("url", sa.String(2000)),
        sa.Column("note", sa.Text),
        sa.Column("origin", sa.String(300), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("imported_by", sa.String(200), nullable=False),
        sa.UniqueConstraint("indicator", "region_code", "date", name="indicator_once"),
    )


def downgrade() -> None:
    op.drop_table("indicators")
