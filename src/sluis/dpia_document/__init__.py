"""The DPIA document (GDPR art. 35): prefilled from a profile and its assessment, edited,
advised on by the DPO, signed and adopted.

Pure domain modules (``model``, ``matrix``, ``prefill``, ``lifecycle``, ``edits``) do no
I/O; ``service`` stores documents as immutable versions; ``render`` turns one into
Markdown, HTML or PDF.
"""
