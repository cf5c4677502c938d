"""``sluis letter``: draft a request to any organisation (access, art. 22(3), rectification,
erasure, restriction, objection) with the answer's deadline and a calendar reminder.
Nothing is stored: the letter goes to standard output or the file named."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer

from sluis.cli.common import EXIT_INVALID
from sluis.law.holidays import NETHERLANDS
from sluis.rights.letters.draft import LetterInput, LetterKind
from sluis.rights.problems import RightsRefused

#: The name each input has on the command line, for errors that name the field.
OPTION_NAMES = {
    "kind": "KIND",
    "to": "--to",
    "to_address": "--to-address",
    "name": "--name",
    "address": "--address",
    "email": "--email",
    "reference": "--reference",
    "decision_date": "--decision-date",
    "sent": "--sent",
    "details": "--details",
    "lang": "--lang",
    "output": "--output",
}
_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def register(app: typer.Typer) -> None:
    app.command("letter")(letter)


def letter(
    kind: str = typer.Argument(
        ..., metavar="KIND", help=f"What to ask: {', '.join(k.value for k in LetterKind)}."
    ),
    to: str = typer.Option("", "--to", help="The organisation written to."),
    to_address: str = typer.Option("", "--to-address", help="Its address (\\n between lines)."),
    name: str = typer.Option("", "--name", help="Your name."),
    address: str = typer.Option("", "--address", help="Your address (\\n between lines)."),
    email: str = typer.Option("", "--email", help="Your e-mail address."),
    reference: str = typer.Option("", "--reference", help="The decision's reference."),
    decision_date: str = typer.Option("", "--decision-date", help="The decision's date."),
    sent: str = typer.Option("", "--sent", help="The day you send it, YYYY-MM-DD (today)."),
    details: str = typer.Option("", "--details", help="What is wrong, your view, your grounds."),
    lang: str = typer.Option("nl", "--lang", "-l", help="nl or en."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file: .pdf, .md, .html or .txt."
    ),
    ics: Path | None = typer.Option(None, "--ics", help="Also write a calendar reminder."),
    country: str = typer.Option(NETHERLANDS, "--country", help="Whose public holidays count."),
) -> None:
    """Draft a letter to exercise your rights with any organisation, with the date its
    answer is due (GDPR art. 12(3), counted per Regulation 1182/71) and what to do if
    none comes."""
    from sluis.rights.letters.output import Format, render, to_text
    from sluis.rights.letters.service import make_letter
    from sluis.settings import Settings

    fmt = _format_of(output, lang)
    given = LetterInput(
        kind=kind,
        to=to,
        name=name,
        to_address=to_address.replace("\\n", "\n"),
        address=address.replace("\\n", "\n"),
        email=email,
        reference=reference,
        decision_date=decision_date,
        sent=sent,
        details=details.replace("\\n", "\n"),
        lang=lang,
    )
    try:
        drafted = make_letter(given, country=country, holiday_file=Settings().holidays)
    except RightsRefused as refused:
        _fail(refused, lang)
    if output is None:
        typer.echo(to_text(drafted), nl=False)
    else:
        output.write_bytes(render(drafted, Format(fmt)))
        typer.echo(f"{output} ({drafted.due.due.isoformat()})")
    if ics is not None:
        ics.write_bytes(render(drafted, Format.ics))
        typer.echo(str(ics))


def _format_of(output: Path | None, lang: str) -> str:
    if output is None:
        return "txt"
    found = _SUFFIXES.get(output.suffix.lower())
    if found is None:
        from sluis.rights.problems import invalid

        allowed = ", ".join(sorted(_SUFFIXES))
        _fail(RightsRefused([invalid("output", "letter_format_unknown", allowed=allowed)]), lang)
    return found


def _fail(refused: RightsRefused, lang: str) -> NoReturn:
    shown = lang if lang in ("nl", "en") else "en"
    for problem in refused.problems:
        option = OPTION_NAMES.get(problem.field, problem.field)
        typer.echo(f"{option}: {problem.message(shown)} [{problem.rule}]", err=True)
    raise typer.Exit(EXIT_INVALID)


__all__ = ["letter", "register"]
