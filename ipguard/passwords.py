"""New passwords judged by zxcvbn, hashed and verified with argon2id.

Below the store (the users repository hashes what it stores) and below
:mod:`ipguard.auth` (which verifies at sign-in), so neither imports the other
for it. Hashing uses OWASP's minimum argon2id parameters (19 MiB, t=2), which
verify in about 25 ms on a workstation.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ipguard import messages
from ipguard.errors import ValidationError

_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# zxcvbn's score (0 = guessable in seconds … 4 = very strong); 2 resists online guessing with lockout.
MIN_PASSWORD_SCORE = 2
MAX_PASSWORD_LENGTH = 128  # zxcvbn is quadratic-ish in length; nobody types more

messages.register(
    {
        "password_weak": ("密码太容易被猜到{hint}，请换一个更长、更不常见的密码", "the password is too easy to guess{hint}; choose a longer, less common one"),
        "password_long": ("密码不能超过 {max} 个字符", "the password may not exceed {max} characters"),
        "password_short": ("密码至少需要 {min} 个字符", "the password needs at least {min} characters"),
    }
)
messages.register_fields({"password": ("密码", "password")})


# A real argon2 hash of a random password, so an unknown user name costs one verify too.
DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))


def password_problems(password: str, user_inputs: tuple[str, ...] = ()) -> ValidationError | None:
    """Why ``password`` is refused as a new password, or None."""
    if len(password) > MAX_PASSWORD_LENGTH:
        return ValidationError("password", "password_long", max=MAX_PASSWORD_LENGTH)
    # Imported here: its dictionaries take ~0.1 s to load and only a new password needs them.
    from zxcvbn import zxcvbn

    result = zxcvbn(password, user_inputs=[u for u in user_inputs if u])
    if result["score"] < MIN_PASSWORD_SCORE:
        warning = result.get("feedback", {}).get("warning") or ""
        return ValidationError("password", "password_weak", hint=f" ({warning})" if warning else "")
    return None


def hash_password(password: str, *, user_inputs: tuple[str, ...] = ()) -> str:
    """The argon2id hash of a new password, refused when zxcvbn finds it weak."""
    problem = password_problems(password, user_inputs)
    if problem is not None:
        raise problem
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
