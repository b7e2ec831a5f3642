"""leaflet.i18n.escapes: the escape comment's fixed form, and moving old flags into it."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from leaflet.i18n.escapes import Written, move_flags, written


def message(*comments: str, flags: tuple[str, ...] = ()) -> Message:
    return Message("Wait 30 minutes.", "Attendez une demi-heure.", flags=flags, user_comments=list(comments))


@pytest.mark.parametrize(
    ("comment", "codes", "reason"),
    [
        ("allow: number-changed — a half hour is 30 minutes", ("number-changed",), "a half hour is 30 minutes"),
        ("allow: number-changed - typed without the dash key", ("number-changed",), "typed without the dash key"),
        ("allow:number-changed, text-too-short – two at once", ("number-changed", "text-too-short"), "two at once"),
        ("  allow: number-changed —  spaces kept out ", ("number-changed",), "spaces kept out"),
    ],
)
def test_the_fixed_form_names_checks_and_a_reason(comment: str, codes: tuple[str, ...], reason: str) -> None:
    assert written(message(comment)) == [Written(codes, reason, f"# {comment.strip()}")]


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("allow: number-changed", "give the reason after the check: '# allow: <check> — <reason>'"),
        ("allow: number-changed —", "give the reason after the check: '# allow: <check> — <reason>'"),
        ("allow-number-changed", "an escape is written '# allow: <check> — <reason>'"),
        ("Allow: number-changed because", "an escape is written '# allow: <check> — <reason>'"),
    ],
)
def test_a_comment_meant_as_an_escape_but_malformed_says_what_is_wrong(comment: str, problem: str) -> None:
    (escape,) = written(message(comment))
    assert escape.problem == problem


def test_other_comments_are_no_escapes() -> None:
    assert written(message("Allowed because the clinic asked.", "This is how we allow for the long word.")) == []


def test_old_form_flags_are_read_without_a_reason() -> None:
    found = written(message(flags=("fuzzy", "allow-number-changed")))
    assert found == [Written(("number-changed",), "", "#, allow-number-changed", flag=True)]


def test_moving_flags_keeps_every_code_and_says_where_the_reason_is() -> None:
    moved = message("A half hour is what people say.", flags=("fuzzy", "allow-number-changed", "allow-nonsense"))
    move_flags(moved)
    assert moved.flags == {"fuzzy"}
    assert moved.user_comments == [
        "A half hour is what people say.",
        "allow: nonsense — moved from the flag '#, allow-nonsense'; the reason is in the comment above",
        "allow: number-changed — moved from the flag '#, allow-number-changed'; the reason is in the comment above",
    ]


def test_moving_a_flag_already_written_as_a_comment_adds_nothing() -> None:
    moved = message("allow: number-changed — a half hour", flags=("allow-number-changed",))
    move_flags(moved)
    assert (moved.flags, moved.user_comments) == (set(), ["allow: number-changed — a half hour"])


def test_a_flag_without_any_comment_says_no_reason_was_given() -> None:
    moved = message(flags=("allow-identical-to-source",))
    move_flags(moved)
    assert moved.user_comments == [
        "allow: identical-to-source — moved from the flag '#, allow-identical-to-source'; no reason was given"
    ]
