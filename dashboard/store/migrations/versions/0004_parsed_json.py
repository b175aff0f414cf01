"""a JSON twin of each report's YAML, for fast loading

Revision ID: 0004
Revises: 0003

The YAML in ``reports.data`` stays the report as written (shown, diffed, restored). Building a
Python mapping from YAML costs ~0.5 ms per report even with libyaml, which was most of a
national store's start-up (20,000 reports). ``reports.parsed`` holds the same mapping as JSON
(dates tagged, see ``dashboard.store.codec.to_json``), read ~20x faster; NULL where the mapping
cannot be written as JSON exactly, and then the YAML is read as before.
"""
import sqlalchemy as sa
import yaml
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from dashboard.store.codec import to_json

    op.add_column("reports", sa.Column("parsed", sa.Text, nullable=True))
    conn = op.get_bind()
    reports = sa.table("reports", sa.column("id", sa.Integer), sa.column("data", sa.Text),
                       sa.column("parsed", sa.Text))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    rows = conn.execute(sa.select(reports.c.id, reports.c.data)).all()
    for rid, text in rows:
        try:
            parsed = to_json(yaml.load(text, Loader=loader))  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            parsed = None  # the loader names it, as before
        if parsed is not None:
            conn.execute(reports.update().where(reports.c.id == rid).values(parsed=parsed))


def downgrade() -> None:
    op.drop_column("reports", "parsed")
