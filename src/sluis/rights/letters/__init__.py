"""Letters to any organisation: a person exercises their rights with a controller that is
not using Sluis (access with art. 15(1)(h), art. 22(3), rectification, erasure,
restriction, objection), in Dutch or English, with the answer's deadline and a calendar
reminder.

``draft`` is the pure core (what each letter asks, on which articles, by when);
``output`` renders it (text, Markdown, HTML, PDF, iCalendar); ``service`` is what the CLI
(``sluis letter``) and the portal page (``/letter``) call. Nothing is stored.
"""

from sluis.rights.letters.draft import Letter, LetterInput, LetterKind, check_input, draft
from sluis.rights.letters.output import Format
from sluis.rights.letters.service import make_letter

__all__ = ["Format", "Letter", "LetterInput", "LetterKind", "check_input", "draft", "make_letter"]
