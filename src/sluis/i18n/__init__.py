"""User-interface wording in Dutch and English.

Legal explanations travel with the findings themselves (``sluis.law.findings.Text``); this
catalogue holds the words around them: headings, labels and the names of verdicts.
"""

from sluis.i18n.catalog import LANGUAGES, label, translator

__all__ = ["LANGUAGES", "label", "translator"]
