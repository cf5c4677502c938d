"""Wording of the audit trail's verification and anchors (``sluis audit``). Placeholders in
braces are filled in by ``sluis.cli.audit_commands``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "audit.verify.ok": (
        "De audittrail is intact: {entries} regels, van de eerste tot de laatste.",
        "The audit trail is intact: {entries} entries, from the first to the last.",
    ),
    "audit.verify.broken": ("De audittrail is niet intact.", "The audit trail is not intact."),
    "audit.verify.anchors": (
        "{anchors} ankers; het laatste geldige anker dekt de regels tot en met {last}.",
        "{anchors} anchors; the last valid anchor covers the entries up to {last}.",
    ),
    "audit.verify.no_anchors": (
        "Nog geen ankers: wat aan het eind is weggeknipt, valt niet op (sluis audit anchor).",
        "No anchors yet: entries cut off the end would not show (sluis audit anchor).",
    ),
    "audit.verify.unchecked": (
        "De handtekeningen van de ankers zijn niet gecontroleerd: geen hoofdsleutel en geen "
        "publieke sleutel (--public-key).",
        "The anchors' signatures were not checked: no master key and no public key (--public-key).",
    ),
    "audit.verify.first": ("Eerste fout bij regel {seq}.", "First broken entry: {seq}."),
    "audit.reason.gap": (
        "Regel {seq} ontbreekt: hij is verwijderd.",
        "Entry {seq} is missing: it was deleted.",
    ),
    "audit.reason.reordered": (
        "Regel {seq} staat niet op zijn plaats: hij hoort na regel {other}.",
        "Entry {seq} is out of place: it belongs after entry {other}.",
    ),
    "audit.reason.changed": (
        "Regel {seq} is gewijzigd: de inhoud geeft niet de opgeslagen hash.",
        "Entry {seq} was changed: its content does not give its stored hash.",
    ),
    "audit.reason.rehashed": (
        "Regel {seq} is gewijzigd en de hash is opnieuw berekend: de regel erna sluit er "
        "niet meer op aan.",
        "Entry {seq} was changed and its hash recomputed: the next entry no longer links to it.",
    ),
    "audit.reason.anchor_mismatch": (
        "De keten is herschreven ergens in de regels {seq} tot en met {until}: bij regel "
        "{until} wijkt hij af van het ondertekende anker {anchor}.",
        "The chain was rewritten somewhere in entries {seq} to {until}: at entry {until} "
        "it differs from signed anchor {anchor}.",
    ),
    "audit.reason.truncated": (
        "De trail is ingekort: de regels {seq} tot en met {until} ontbreken, terwijl anker "
        "{anchor} ze heeft ondertekend.",
        "The trail was cut short: entries {seq} to {until} are missing, though anchor "
        "{anchor} signed them.",
    ),
    "audit.reason.anchor_invalid": (
        "Anker {anchor} is ongeldig: de handtekening klopt niet of komt van een andere sleutel.",
        "Anchor {anchor} is invalid: its signature does not verify or comes from another key.",
    ),
    "audit.reason.anchor_missing": (
        "Anker {anchor} ontbreekt, terwijl de trail vermeldt dat het is gezet.",
        "Anchor {anchor} is missing, though the trail records that it was made.",
    ),
    "audit.anchor.made": (
        "Anker {anchor} gezet: regel {seq}, hash {hash}.",
        "Anchor {anchor} made: entry {seq}, hash {hash}.",
    ),
    "audit.anchor.unchanged": (
        "Niets nieuws sinds anker {anchor} (regel {seq}).",
        "Nothing new since anchor {anchor} (entry {seq}).",
    ),
    "audit.anchor.empty": (
        "De audittrail is leeg: er is niets te verankeren.",
        "The audit trail is empty: there is nothing to anchor.",
    ),
    "audit.anchor.not_due": (
        "Nog geen anker nodig: minder dan {every} nieuwe regels sinds het laatste.",
        "No anchor due yet: fewer than {every} new entries since the last one.",
    ),
}
