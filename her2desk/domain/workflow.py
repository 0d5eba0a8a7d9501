"""The sign-out workflow as a state machine with one guard per rule (the services enforce it).

draft -> entered -> signed-out -> amended (-> signed-out again). A technologist enters and edits
unsigned cases; a pathologist also signs out, adjudicates and amends; an administrator manages users.
Every guard is a separate function returning the reasons for refusal (empty when allowed), so each can
be unit-tested on its own — a peer system's "not the same verifier" guard compared a list with a user
id and could never fire. Identity is always compared by user id, never by name or by collection.
The service layer must call these before writing; the GUI only mirrors them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from her2desk.domain.phrases import Phrase
from her2desk.domain.records import SignOutState
from her2desk.domain.vocabulary import IhcScore, Status


class Role(StrEnum):
    TECHNOLOGIST = "technologist"
    PATHOLOGIST = "pathologist"
    ADMINISTRATOR = "administrator"


class Action(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"  # draft -> entered
    SIGN_OUT = "sign-out"
    AMEND = "amend"
    ADJUDICATE = "adjudicate"
    MANAGE_USERS = "manage-users"


ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.TECHNOLOGIST: frozenset({Action.EDIT, Action.SUBMIT}),
    Role.PATHOLOGIST: frozenset(
        {Action.EDIT, Action.SUBMIT, Action.SIGN_OUT, Action.AMEND, Action.ADJUDICATE}
    ),
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_USERS}),
}

TRANSITIONS: dict[tuple[SignOutState, Action], SignOutState] = {
    (SignOutState.DRAFT, Action.EDIT): SignOutState.DRAFT,
    (SignOutState.DRAFT, Action.SUBMIT): SignOutState.ENTERED,
    (SignOutState.ENTERED, Action.EDIT): SignOutState.ENTERED,
    (SignOutState.ENTERED, Action.ADJUDICATE): SignOutState.ENTERED,
    (SignOutState.ENTERED, Action.SIGN_OUT): SignOutState.SIGNED_OUT,
    (SignOutState.SIGNED_OUT, Action.AMEND): SignOutState.AMENDED,
    (SignOutState.AMENDED, Action.EDIT): SignOutState.AMENDED,
    (SignOutState.AMENDED, Action.ADJUDICATE): SignOutState.AMENDED,
    (SignOutState.AMENDED, Action.SIGN_OUT): SignOutState.SIGNED_OUT,
}

ADJUDICABLE_FINAL = frozenset({Status.POSITIVE, Status.NEGATIVE, Status.INDETERMINATE})
MIN_REASON_CHARS = 10


@dataclass(frozen=True)
class Actor:
    """The signed-in user, as the service layer knows them (never taken from the GUI's word).

    `session_token` is the secret a sign-in hands out; every privileged service call proves the
    session with it (the store keeps only its hash), so a bare user id is never enough to act as
    someone. It is kept out of `repr`, so it cannot reach a log or a traceback by accident.
    """

    user_id: int
    username: str
    role: Role
    session_token: str | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class SignOutPolicy:
    """Lab settings. One-person labs may allow the person who entered results to sign them out."""

    allow_self_verification: bool = False


@dataclass(frozen=True)
class CaseFacts:
    """What the guards need to know about a case."""

    state: SignOutState
    entered_by: int | None  # user id of whoever last entered or changed the results
    engine_status: Status | None
    adjudicated_status: Status | None = None
    ihc: IhcScore | None = None
    ish_group: int | None = None


class WorkflowError(Exception):
    """An action was refused; `reasons` says why in plain words."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__("; ".join(reasons))


# The words of the refusals, each a phrase of its own so the interface can say it in its language
# (the English is the enum's value as it always was: "a technologist may not sign out").
ROLE_WORDS: dict[Role, Phrase] = {
    Role.TECHNOLOGIST: Phrase("a technologist"),
    Role.PATHOLOGIST: Phrase("a pathologist"),
    Role.ADMINISTRATOR: Phrase("an administrator"),
}
ACTION_VERBS: dict[Action, Phrase] = {  # "may not {verb}"
    Action.EDIT: Phrase("edit"),
    Action.SUBMIT: Phrase("submit"),
    Action.SIGN_OUT: Phrase("sign out"),
    Action.AMEND: Phrase("amend"),
    Action.ADJUDICATE: Phrase("adjudicate"),
    Action.MANAGE_USERS: Phrase("manage users"),
}
ACTION_NAMES: dict[Action, Phrase] = {  # "cannot be {action}": the action's code, as it always read
    Action.EDIT: Phrase("edit"),
    Action.SUBMIT: Phrase("submit"),
    Action.SIGN_OUT: Phrase("sign-out"),
    Action.AMEND: Phrase("amend"),
    Action.ADJUDICATE: Phrase("adjudicate"),
    Action.MANAGE_USERS: Phrase("manage-users"),
}
STATE_WORDS: dict[SignOutState, Phrase] = {
    SignOutState.DRAFT: Phrase("draft"),
    SignOutState.ENTERED: Phrase("entered"),
    SignOutState.SIGNED_OUT: Phrase("signed-out"),
    SignOutState.AMENDED: Phrase("amended"),
}
STATUS_WORDS: dict[Status, Phrase] = {
    Status.POSITIVE: Phrase("positive"),
    Status.NEGATIVE: Phrase("negative"),
    Status.EQUIVOCAL: Phrase("equivocal"),
    Status.PENDING: Phrase("pending"),
    Status.ADJUDICATION: Phrase("adjudication"),
    Status.INDETERMINATE: Phrase("indeterminate"),
}


def role_refusals(actor: Actor, action: Action) -> list[str]:
    if action in ROLE_ACTIONS[actor.role]:
        return []
    return [Phrase("{role} may not {action}", role=ROLE_WORDS[actor.role], action=ACTION_VERBS[action])]


def transition_refusals(state: SignOutState, action: Action) -> list[str]:
    if (state, action) in TRANSITIONS:
        return []
    if state is SignOutState.SIGNED_OUT and action in (Action.EDIT, Action.SIGN_OUT, Action.ADJUDICATE):
        return [Phrase("the case is signed out and read-only; amend it (with a reason) to change it")]
    return [
        Phrase(
            "a case that is {state} cannot be {action}", state=STATE_WORDS[state], action=ACTION_NAMES[action]
        )
    ]


def not_self_verified(actor: Actor, facts: CaseFacts, policy: SignOutPolicy) -> list[str]:
    if policy.allow_self_verification or facts.entered_by is None:
        return []
    if facts.entered_by == actor.user_id:
        return [Phrase("you entered these results; another pathologist must sign them out")]
    return []


def interpretation_complete(facts: CaseFacts) -> list[str]:
    if facts.adjudicated_status in ADJUDICABLE_FINAL:
        return []
    if facts.engine_status is None:
        return [Phrase("the case has errors and no interpretation; correct it first")]
    if facts.engine_status.needs_action:
        return [
            Phrase(
                "the interpretation is {status}, not final: complete the work-up or "
                "record an adjudicated final status with a reason",
                status=STATUS_WORDS[facts.engine_status],
            )
        ]
    return []


WRONG_PASSWORD = Phrase("the password is not correct")
# Why an act by a session is refused when the session, or the account behind it, is no longer valid.
ACCOUNT_UNUSABLE = Phrase("your account does not exist or is not active; sign in again")
NOT_SIGNED_IN = Phrase("you are not signed in (or your sign-in has ended); sign in again")
# What a refused signed action did not do, and what needs a reason: `signature_given`'s and
# `reason_given`'s `what` (phrases, so the whole refusal can be said in the interface's language).
NOT_SIGNED_OUT = Phrase("the result was not signed out")
NOT_AMENDED = Phrase("the case was not amended")
NOT_ADJUDICATED = Phrase("the adjudication was not recorded")
AN_AMENDMENT = Phrase("an amendment")
AN_ADJUDICATION = Phrase("an adjudication")


def signature_given(password_ok: bool, what: str = NOT_SIGNED_OUT) -> list[str]:
    return [] if password_ok else [Phrase.listing([WRONG_PASSWORD, what], "; ")]


def reason_given(reason: str, what: str) -> list[str]:
    if len(reason.strip()) < MIN_REASON_CHARS:
        return [
            Phrase("{what} needs a reason of at least {count} characters", what=what, count=MIN_REASON_CHARS)
        ]
    return []


def not_already_final(facts: CaseFacts) -> list[str]:
    """A final guideline result leaves nothing to adjudicate."""
    if facts.engine_status is not None and facts.engine_status.is_final:
        return [
            Phrase(
                "the interpretation is already final ({status}); nothing to adjudicate",
                status=STATUS_WORDS[facts.engine_status],
            )
        ]
    return []


def adjudication_consistent(facts: CaseFacts, final: Status) -> list[str]:
    """An adjudicated status may resolve an open result but never contradict the guideline outright."""
    if final not in ADJUDICABLE_FINAL:
        return [Phrase("an adjudicated status must be positive, negative or indeterminate")]
    if already := not_already_final(facts):
        return already
    if final is Status.NEGATIVE and facts.ihc is IhcScore.THREE_PLUS:
        return [Phrase("IHC 3+ is positive; it cannot be adjudicated negative")]
    return []


def standing_refusals(
    actor: Actor, facts: CaseFacts, action: Action, policy: SignOutPolicy = SignOutPolicy()
) -> list[str]:
    """Why `action` is refused whatever the password and however the rest of its form is filled in
    (the role, the case's state, and for a sign-out who entered it and whether its result is final;
    for an adjudication, a result that is already final). Empty: only the form and the signature are
    left to decide. A dialog shows these before asking for a password that could not help."""
    reasons = role_refusals(actor, action) + transition_refusals(facts.state, action)
    if action is Action.SIGN_OUT:
        reasons += not_self_verified(actor, facts, policy) + interpretation_complete(facts)
    elif action is Action.ADJUDICATE:
        reasons += not_already_final(facts)
    return reasons


def _require(reasons: list[str]) -> None:
    if reasons:
        raise WorkflowError(reasons)


def sign_out(
    actor: Actor, facts: CaseFacts, *, password_ok: bool, policy: SignOutPolicy = SignOutPolicy()
) -> SignOutState:
    """The state after a sign-out, or WorkflowError listing every reason it is refused."""
    _require(standing_refusals(actor, facts, Action.SIGN_OUT, policy) + signature_given(password_ok))
    return TRANSITIONS[facts.state, Action.SIGN_OUT]


def amend(actor: Actor, facts: CaseFacts, *, reason: str, password_ok: bool) -> SignOutState:
    """An amendment is signed like a sign-out: the pathologist's password is their signature."""
    _require(
        role_refusals(actor, Action.AMEND)
        + transition_refusals(facts.state, Action.AMEND)
        + reason_given(reason, AN_AMENDMENT)
        + signature_given(password_ok, NOT_AMENDED)
    )
    return TRANSITIONS[facts.state, Action.AMEND]


def adjudicate(
    actor: Actor, facts: CaseFacts, *, final: Status, reason: str, password_ok: bool
) -> SignOutState:
    """An adjudication decides the reported result, so it is signed like a sign-out."""
    _require(
        role_refusals(actor, Action.ADJUDICATE)
        + transition_refusals(facts.state, Action.ADJUDICATE)
        + adjudication_consistent(facts, final)
        + reason_given(reason, AN_ADJUDICATION)
        + signature_given(password_ok, NOT_ADJUDICATED)
    )
    return TRANSITIONS[facts.state, Action.ADJUDICATE]


def edit(actor: Actor, facts: CaseFacts) -> SignOutState:
    _require(role_refusals(actor, Action.EDIT) + transition_refusals(facts.state, Action.EDIT))
    return TRANSITIONS[facts.state, Action.EDIT]


def submit(actor: Actor, facts: CaseFacts) -> SignOutState:
    _require(role_refusals(actor, Action.SUBMIT) + transition_refusals(facts.state, Action.SUBMIT))
    return TRANSITIONS[facts.state, Action.SUBMIT]
