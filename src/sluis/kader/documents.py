"""The JSON shapes of the Algoritmekader checklist and items (format ``sluis.kader/1``),
shared by the JSON API and the CLI. Fields may be added, never renamed or removed."""

from __future__ import annotations

from typing import Any

from sluis.kader.applicability import Applicability
from sluis.kader.assessment_links import AssessmentLink
from sluis.kader.parsing import KaderItem
from sluis.kader.records import EvidenceInfo, ImportSummary, MeasureStatus
from sluis.kader.service import Checklist, MeasureEntry, RequirementEntry

KADER_FORMAT = "sluis.kader/1"


def item_document(item: KaderItem, removed: bool = False) -> dict[str, Any]:
    return {
        "urn": item.urn,
        "kind": item.kind.value,
        "code": item.code,
        "title": item.title,
        "summary": item.summary,
        "facets": {key: list(values) for key, values in item.facets.items()},
        "requirement_codes": list(item.requirement_codes),
        "body_sha256": item.body_sha256,
        "source_path": item.source_path,
        "removed": removed,
    }


def import_document(summary: ImportSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "imported_at": summary.imported_at.isoformat(),
        "source": summary.source,
        "counts": {
            "added": summary.added,
            "changed": summary.changed,
            "unchanged": summary.unchanged,
            "removed": summary.removed,
        },
        "problems": [p.as_dict() for p in summary.problems],
        "changes": [
            {"urn": c.urn, "code": c.code, "title": c.title, "change": c.change}
            for c in summary.changes
        ],
    }


def _applicability(a: Applicability) -> dict[str, Any]:
    return {
        "applies": a.applies,
        "certain": a.certain,
        "unknown_facts": list(a.unknown_facets),
        "reasons": [r.model_dump() for r in a.reasons],
    }


def _link(link: AssessmentLink | None) -> dict[str, Any] | None:
    if link is None:
        return None
    return {
        "source": link.source,
        "suggestion": link.status.value,
        "reasons": [r.model_dump() for r in link.reasons],
    }


def status_document(status: MeasureStatus) -> dict[str, Any]:
    return {
        "measure_urn": status.measure_urn,
        "status": status.status.value,
        "reason": status.reason,
        "owner": status.owner,
        "notes": status.notes,
        "updated_at": status.updated_at.isoformat() if status.updated_at else None,
        "updated_by": status.updated_by,
    }


def evidence_document(info: EvidenceInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "measure_urn": info.measure_urn,
        "filename": info.filename,
        "media_type": info.media_type,
        "size": info.size,
        "sha256": info.sha256,
        "uploaded_at": info.uploaded_at.isoformat(),
        "uploaded_by": info.uploaded_by,
        "download": f"/api/v1/profiles/{info.profile_id}/kader/evidence/{info.id}",
    }


def _measure(entry: MeasureEntry) -> dict[str, Any]:
    status = status_document(entry.status)
    del status["measure_urn"]
    return {
        "urn": entry.item.urn,
        "code": entry.item.code,
        "title": entry.item.title,
        "requirements": list(entry.applicability.requirement_codes),
        "applicability": _applicability(entry.applicability),
        **status,
        "evidence": [evidence_document(e) for e in entry.evidence],
    }


def _requirement(entry: RequirementEntry) -> dict[str, Any]:
    return {
        "urn": entry.item.urn,
        "code": entry.item.code,
        "title": entry.item.title,
        "summary": entry.item.summary,
        "applicability": _applicability(entry.applicability),
        "assessment_link": _link(entry.link),
        "measures": [m.item.urn for m in entry.measures],
    }


def checklist_document(checklist: Checklist) -> dict[str, Any]:
    """A profile's checklist: requirements (applying and not), each applicable measure
    once with its status and evidence, and the counts per status."""
    return {
        "format": KADER_FORMAT,
        "profile": {
            "id": checklist.profile_id,
            "name": checklist.profile_name,
            "version": checklist.version,
        },
        "kader_import": (
            import_document(checklist.kader_import) if checklist.kader_import else None
        ),
        "counts": dict(checklist.counts),
        "requirements": [_requirement(r) for r in checklist.requirements],
        "excluded_requirements": [_requirement(r) for r in checklist.excluded],
        "measures": [_measure(m) for m in checklist.measures()],
        "stale_statuses": [status_document(s) for s in checklist.stale],
    }
