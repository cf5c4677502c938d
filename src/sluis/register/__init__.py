"""Registers built from algorithm profiles: the GDPR art. 30 record of processing and the
publications and checklists of the Dutch registers and frameworks."""
