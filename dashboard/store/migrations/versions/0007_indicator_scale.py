"""categorical indicators (issue 36): a value may be a class of an ordered scale

Revision ID: 0007
Revises: 0006

Bawaslu's IKP Pilkada 2024 publishes a class per province (rendah, sedang, tinggi), not a number.
Such a value is stored as its rank on the scale (1, 2, 3) with the scale's name in ``scale``;
``scale`` is empty for a number. Existing rows are numbers.
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("indicators", sa.Column("scale", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("indicators") as batch:
        batch.drop_column("scale")
