"""v1: the first schema (transcripts, turns, codings, configurations, the append-only audit log)."""

from alembic import op

from cmo_coder.store.schema import V1, split

revision = "v1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in split(V1):
        op.execute(statement)
