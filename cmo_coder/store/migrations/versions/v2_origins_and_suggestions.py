"""v2: codings remember how they came to be; suggestions get a review queue."""

from alembic import op

from cmo_coder.store.schema import V2, split

revision = "v2"
down_revision = "v1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in split(V2):
        op.execute(statement)
