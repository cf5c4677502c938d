"""The Dutch government's Algoritmekader: its requirements (vereisten) and measures
(maatregelen), which of them apply to an algorithm, and a checklist to track them.

Pure: ``vocabulary`` maps the framework's words onto ours, ``parsing`` reads its markdown
files, ``conditions`` its exception expressions, ``profile_facts`` and ``applicability``
decide what applies to a profile, ``assessment_links`` connects requirements to Sluis's own
assessment. Storage: ``service`` (with ``importing``, ``evidence`` and ``records``) keeps
imports, statuses and evidence; ``documents`` gives their JSON shape.
"""
