"""The DPIA document (GDPR art. 35): prefilled from a profile and its assessment, edited,
advised on by the DPO, signed and adopted.

Pure domain modules, no I/O: ``sections`` (what a DPIA holds), ``model`` (the document,
residual risk), ``matrix`` (risk levels and their picture), ``prefill`` with
``prefill_facts``, ``prefill_sections``, ``prefill_risks``, ``prefill_criteria`` and
``suggestions`` (opening a draft), ``lifecycle`` (draft → adopted), ``validation``
(untrusted input). ``service`` stores documents as immutable versions; ``render`` turns
one into Markdown, HTML or PDF.
"""
