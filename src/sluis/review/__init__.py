"""The review desk: meaningful human intervention in automated decisions, measured.

GDPR art. 22 is satisfied only by human involvement that can change the outcome and
really weighs the case (CJEU C-634/21, SCHUFA; the Dutch DPA's guidance on meaningful
human intervention). The pure core (``facts``, ``policy``, ``metrics``, ``alerts``) holds
no I/O; ``service`` runs the queue, the claims and the review acts on storage.
"""
