"""v5: accounts of a team's workbench (``cmo-coder users``, ``serve`` with sign-in)."""

from alembic import op

from cmo_coder.store.schema import V5, split

revision = "v5"
down_revision = "v4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in split(V5):
        op.execute(statement)
