"""Accounts and roles of a team's workbench (``cmo-coder users``; ``serve`` with sign-in)."""

from .service import Role, User, add_user, change_password, has_users, list_users, set_disabled, verify

__all__ = ["Role", "User", "add_user", "change_password", "has_users", "list_users", "set_disabled", "verify"]
