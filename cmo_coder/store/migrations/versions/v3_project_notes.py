"""v3: project-level notes (memos about the study as a whole)."""

from alembic import op

from cmo_coder.store.schema import V3, split

revision = "v3"
down_revision = "v2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in split(V3):
        op.execute(statement)
