"""Shared bits of the command line: exit codes and error printing."""

from __future__ import annotations

from rich.console import Console

from sluis.profiles.validation import ProfileInvalid

EXIT_INVALID = 2  # bad input: the user can fix it

#: Where every command writes its errors. Soft wrap: a path or a name in a message stays
#: whole, however narrow the terminal.
err = Console(stderr=True, soft_wrap=True)


def print_profile_errors(console: Console, source: str, exc: ProfileInvalid) -> None:
    console.print(f"[red]{source}: the profile is invalid ({len(exc.errors)} errors)[/red]")
    for error in exc.errors:
        console.print(f"  {error.loc}: {error.message} [dim]\\[{error.rule}][/dim]")
