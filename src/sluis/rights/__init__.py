"""The rights desk: requests from the people decisions are about, taken in, checked,
answered on time and each doing its work.

A person may ask for access (GDPR art. 15, including 15(1)(h) and a copy), rectification
(16), erasure (17), restriction (18) or object (21); after an automated decision they may
ask for human intervention, give their point of view, contest it (22(3)) or ask for an
explanation (recital 71). The organisation answers within one month of receipt, two more
only when it says so in time, with reasons (art. 12(3)).

The pure core holds no I/O: ``kinds`` (what each request is and needs), ``states`` (the
life of a request), ``timing`` (due dates and extensions, on ``sluis.law.deadlines``),
``retention`` (which retention duties stand in the way of erasure), ``refusals`` (why a
request may be refused, and the right to complain), ``answers`` (what an answer says),
``identity`` (one-time codes and known facts), ``corrections`` (typed corrections for
rectification) and ``problems``. The services orchestrate them on storage: ``desk`` (the
entry point; it follows settled reviews at once), ``intake``, ``verification``,
``handling``, ``package`` (the access package), ``answer_letter`` (an answer as a letter
for post), ``reminders``; ``mail`` sends over SMTP; ``restriction`` is what the gateway
asks before it decides about a person, one at a time or per batch chunk. ``letters``
drafts requests a person sends to any other organisation (nothing stored).
"""
