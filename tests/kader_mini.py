"""A miniature Algoritmekader in the real files' shape, shared by the CLI and web tests
(the real framework lives in ``shared_data``)."""

from __future__ import annotations

from pathlib import Path

# Art. 22 for everyone, a deployer's and a provider's AI Act duty, one measure for each.
MINI = {
    "vereisten/index.md": "---\ntitle: Vereisten\nid: 0\n---\n",
    "vereisten/avg-10-recht.md": """---
id: urn:nl:ak:ver:avg-10
title: Besluiten zijn niet volledig geautomatiseerd
toelichting: Art. 22 AVG.
levenscyclus: [ontwerp]
soort-toepassing: [ai-systeem]
rol-ai-act: [aanbieder, gebruiksverantwoordelijke]
---
Tekst
""",
    "vereisten/aia-21-toezicht.md": """---
id: urn:nl:ak:ver:aia-21
title: Menselijk toezicht door bekwame mensen
levenscyclus: [organisatieverantwoordelijkheden]
risicogroep: [hoog-risico-ai-systeem]
rol-ai-act: [gebruiksverantwoordelijke]
uitzondering: [risicogroep-uitzondering-van-toepassing]
---
""",
    "vereisten/aia-03-risicobeheer.md": """---
id: urn:nl:ak:ver:aia-03
title: Risicobeheersysteem
levenscyclus: [organisatieverantwoordelijkheden]
risicogroep: [hoog-risico-ai-systeem]
rol-ai-act: [aanbieder]
---
""",
    "maatregelen/6-imp-03-tussenkomst.md": """---
id: urn:nl:ak:mtr:imp-03
title: Richt menselijke tussenkomst in
vereiste: [avg-10-recht, aia-21-toezicht]
levenscyclus: [implementatie]
---
""",
    "maatregelen/0-org-01-expertise.md": """---
id: urn:nl:ak:mtr:org-01
title: Genoeg experts
vereiste: [aia-21-toezicht]
levenscyclus: [organisatieverantwoordelijkheden]
---
""",
    "maatregelen/3-dat-07-data.md": """---
id: urn:nl:ak:mtr:dat-07
title: Gescheiden datasets
vereiste: [aia-03-risicobeheer]
levenscyclus: [ontwikkelen]
---
""",
}


def write_mini(folder: Path, extra: dict[str, str] | None = None) -> Path:
    for name, text in {**MINI, **(extra or {})}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder
