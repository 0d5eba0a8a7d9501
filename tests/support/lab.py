"""A small lab for the workflow tests: one database, an administrator, a technologist, two pathologists."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from her2desk.domain.workflow import Actor, Role, SignOutPolicy
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.signout_service import SignOutService
from her2desk.store.database import Database, open_database
from her2desk.store.schema import AuditRow

PASSWORDS = {
    "ada": "admin-pass-1",
    "tom": "tech-pass-1",
    "pia": "path-pass-1",
    "paul": "path-pass-2",
}


@dataclass
class Lab:
    database: Database
    auth: AuthService
    signout: SignOutService
    admin: Actor
    tech: Actor
    path: Actor
    path2: Actor

    def cases(self, actor: Actor | None) -> CaseService:
        """A service acting for `actor`; None: the local user (who may only read once accounts exist)."""
        return CaseService(self.database, actor=actor) if actor else CaseService(self.database, "local")

    def audit_count(self) -> int:
        with self.database.reader() as session:
            return int(session.execute(select(func.count()).select_from(AuditRow)).scalar_one())

    def events(self, *actions: str) -> list[AuditRow]:
        with self.database.reader() as session:
            statement = select(AuditRow).order_by(AuditRow.id)
            if actions:
                statement = statement.where(AuditRow.action.in_(actions))
            return list(session.scalars(statement))


def open_lab(url: str, policy: SignOutPolicy | None = None) -> Lab:
    database = open_database(url)
    auth = AuthService(database)
    auth.create_user("ada", PASSWORDS["ada"], Role.ADMINISTRATOR, "Ada Admin")
    admin = signed_in(auth, "ada")
    auth.create_user("tom", PASSWORDS["tom"], Role.TECHNOLOGIST, "Tom Tech", by=admin)
    auth.create_user("pia", PASSWORDS["pia"], Role.PATHOLOGIST, "Dr Pia Path", by=admin)
    auth.create_user("paul", PASSWORDS["paul"], Role.PATHOLOGIST, "Dr Paul Path", by=admin)
    tech, path, path2 = (signed_in(auth, name) for name in ("tom", "pia", "paul"))
    return Lab(database, auth, SignOutService(database, policy), admin, tech, path, path2)


def signed_in(auth: AuthService, name: str) -> Actor:
    """`name` signed in with their password: the actor carries the session every service checks."""
    return auth.login(name, PASSWORDS[name]).actor


def password_of(actor: Actor) -> str:
    return PASSWORDS[actor.username]


@pytest.fixture
def lab(db_url: str) -> Iterator[Lab]:
    """A lab with its three users on each database backend (`db_url`), closed after the test."""
    opened = open_lab(db_url)
    try:
        yield opened
    finally:
        opened.database.close()
