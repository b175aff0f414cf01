"""sign-in attempts kept in the store (issue 40): one lockout for every server

Revision ID: 0008
Revises: 0007

Each attempt with the name tried, the client's address as the proxy gives it, whether it passed,
and whether it was refused by the lockout. Failures are counted here, not in one server's memory,
so two servers behind nginx, or a spray of many names from one address, do not multiply the tries.
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signins",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),  # ok | failed | locked
    )
    op.create_index("signins_name_at", "signins", ["name", "at"])
    op.create_index("signins_address_at", "signins", ["address", "at"])


def downgrade() -> None:
    op.drop_table("signins")
