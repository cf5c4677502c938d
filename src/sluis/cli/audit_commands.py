"""``sluis audit``: verify the audit trail, and anchor its head with a signature.

``verify`` proves the hash chain from the first entry to the last and checks it against the
signed anchors (and anchors kept elsewhere, ``--anchor FILE``): exit 0 when intact, 1 when
broken (naming the first broken or missing entry and why), 2 on bad input. ``anchor`` signs
the current head (cron-safe: nothing new, nothing written); ``--every N`` anchors only
when N entries were added since the last anchor; ``--public-key`` prints the key that
verifies anchors without the master key. Output holds no personal data: the trail has none.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from sluis.cli.common import EXIT_INVALID, err
from sluis.i18n import label

app = typer.Typer(help="The audit trail: verification and signed anchors.", no_args_is_help=True)
out = Console()

EXIT_BROKEN = 1


class Language(StrEnum):
    nl = "nl"
    en = "en"


def _settings():  # type: ignore[no-untyped-def]
    from sluis.settings import Settings

    return Settings()


def _verify_key(public_key: str | None):  # type: ignore[no-untyped-def]
    from sluis.audit.anchors import AnchorKey, AnchorKeyError
    from sluis.gateway.crypto import MasterKeyError, existing_master_key

    try:
        if public_key is not None:
            path = Path(public_key)
            text = path.read_text(encoding="ascii") if path.is_file() else public_key
            return AnchorKey.from_public_text(text)
        master = existing_master_key(_settings())
    except (AnchorKeyError, MasterKeyError, OSError, UnicodeDecodeError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_INVALID) from None
    return None if master is None else AnchorKey.from_master_key(master)


def _signing_key():  # type: ignore[no-untyped-def]
    from sluis.audit.anchors import AnchorKey
    from sluis.gateway.crypto import MasterKeyError, load_master_key

    try:
        return AnchorKey.from_master_key(load_master_key(_settings()))
    except MasterKeyError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_INVALID) from None


def _kept_anchors(paths: list[Path]):  # type: ignore[no-untyped-def]
    from sluis.audit.anchors import Anchor

    kept = []
    for path in paths:
        try:
            kept.append(Anchor.from_json_dict(json.loads(path.read_text(encoding="utf-8"))))
        except OSError as exc:
            err.print(f"[red]--anchor {path}: cannot read file ({exc.strerror})[/red]")
            raise typer.Exit(EXIT_INVALID) from None
        except ValueError as exc:  # JSONDecodeError is one too
            err.print(f"[red]--anchor {path}: {exc}[/red]")
            raise typer.Exit(EXIT_INVALID) from None
    return kept


@app.command("verify")
def verify_command(
    as_json: bool = typer.Option(False, "--json", help="The report as JSON."),
    anchor: list[Path] = typer.Option(
        [], "--anchor", help="An anchor kept elsewhere (from `sluis audit anchor --json`)."
    ),
    public_key: str | None = typer.Option(
        None,
        "--public-key",
        help="The anchors' public key (text or file) instead of the master key.",
    ),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Prove the hash chain from the first entry to the last, against the signed anchors."""
    from sluis.audit.verify import verify_trail
    from sluis.cli.context import open_database

    kept = _kept_anchors(anchor)
    key = _verify_key(public_key)
    report = verify_trail(open_database(_settings()), key, kept=kept)
    if as_json:
        typer.echo(json.dumps(report.to_json_dict(), indent=2))
    else:
        _print_report(report, lang.value)
    if not report.ok:
        raise typer.Exit(EXIT_BROKEN)


def _print_report(report, lang: str) -> None:  # type: ignore[no-untyped-def]
    if report.ok:
        out.print(f"[green]{label('audit.verify.ok', lang).format(entries=report.entries)}[/green]")
    else:
        out.print(f"[red]{label('audit.verify.broken', lang)}[/red]")
        first = report.first_broken_seq
        if first is not None:
            out.print(label("audit.verify.first", lang).format(seq=first))
        for finding in report.findings:
            text = label(f"audit.reason.{finding.reason.value}", lang)
            out.print(
                "  "
                + text.format(
                    seq=finding.seq,
                    anchor=finding.anchor,
                    until=finding.until_seq,
                    other=finding.other_seq,
                )
            )
    if report.last_anchor_seq is None:
        out.print(f"[yellow]{label('audit.verify.no_anchors', lang)}[/yellow]")
    else:
        out.print(
            label("audit.verify.anchors", lang).format(
                anchors=report.anchors, last=report.last_anchor_seq
            )
        )
    if not report.anchors_checked:
        out.print(f"[yellow]{label('audit.verify.unchecked', lang)}[/yellow]")


@app.command("anchor")
def anchor_command(
    as_json: bool = typer.Option(False, "--json", help="The anchor as JSON, to keep elsewhere."),
    every: int | None = typer.Option(
        None, "--every", min=1, help="Only when at least this many entries were added since."
    ),
    public_key: bool = typer.Option(
        False, "--public-key", help="Print the public key that verifies anchors, then stop."
    ),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Sign the head of the audit trail (an anchor), so that truncation is found too."""
    from sluis.audit import chain_head
    from sluis.audit.anchors import anchor_if_due, read_anchors, write_anchor
    from sluis.cli.context import open_database

    key = _signing_key()
    if public_key:
        typer.echo(key.public_text)
        return
    sessions = open_database(_settings())
    before = read_anchors(sessions)
    made = write_anchor(sessions, key) if every is None else anchor_if_due(sessions, key, every)
    if made is None:
        if chain_head(sessions) is None:
            err.print(label("audit.anchor.empty", lang.value))
            return
        err.print(label("audit.anchor.not_due", lang.value).format(every=every))
        if not before:
            return
        made = before[-1]
    if as_json:
        typer.echo(json.dumps(made.to_json_dict(), indent=2))
        return
    fresh = not before or made.id != before[-1].id
    key_name = "audit.anchor.made" if fresh else "audit.anchor.unchanged"
    out.print(label(key_name, lang.value).format(anchor=made.id, seq=made.seq, hash=made.hash))


__all__ = ["app"]
