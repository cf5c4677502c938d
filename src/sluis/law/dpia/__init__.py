"""GDPR art. 35 and 36: is a DPIA required, and must the Dutch DPA be consulted first?

Three sources decide the DPIA duty: the fixed cases of art. 35(3), the Dutch DPA's list of
processing that always needs a DPIA (Stcrt. 2019, 64418, adopted under art. 35(4)), and the
nine criteria of the EDPB guidelines (WP248 rev.01), where two or more met means a DPIA in
most cases.

Facts are tri-state. A missing fact never counts as met or as not met: it leaves the answer
open and becomes an open question. Everything here is pure.

- ``facts``: the tri-state facts and the facts about a profile that several rules share;
- ``criteria``: the nine WP248 criteria;
- ``mandatory``: what on its own requires a DPIA (art. 35(3), the Dutch list, UAVG art. 40,
  residual risk);
- ``verdict``: the verdict, prior consultation (art. 36), findings and ``assess_dpia``.
"""

from __future__ import annotations

from sluis.law.dpia.facts import LARGE_SCALE_FROM, LARGE_SCALE_POLICY, SMALL_SCALE_BELOW
from sluis.law.dpia.verdict import assess_dpia

__all__ = ["LARGE_SCALE_FROM", "LARGE_SCALE_POLICY", "SMALL_SCALE_BELOW", "assess_dpia"]
