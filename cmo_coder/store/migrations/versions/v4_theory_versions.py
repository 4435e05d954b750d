"""v4: programme theories keep every version; codings remember the version they were coded against."""

from alembic import op

from cmo_coder.store.schema import V4, split

revision = "v4"
down_revision = "v3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in split(V4):
        op.execute(statement)
