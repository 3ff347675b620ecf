"""The bundle's RO-Crate 1.1 metadata: each payload file and link described, tagged to its descriptors, and licensed."""

from __future__ import annotations

import mimetypes

from ..licences import crate_entity
from .bundle_writer import WrittenFile


def _mime(path: str, declared: str = "") -> str:
    return declared or mimetypes.guess_type(path)[0] or "application/octet-stream"


CRATE_CONTEXT = [
    "https://w3id.org/ro/crate/1.1/context",
    {"sha256": "https://w3id.org/ro/terms/workflow-run#sha256"},
]  # sha256 is not in the 1.1 context


def ro_crate_metadata(
    snapshot: dict, written: dict[str, WrittenFile], bundle_uuid: str, licence: str = ""
) -> dict:
    """RO-Crate 1.1 metadata: the root Dataset (with its licence), a File entity per payload file, links as web
    pages."""
    licence_entity = crate_entity(licence)
    descriptors = {d["code"]: d for t in snapshot["themes"] for d in t["descriptors"]}
    by_path = {item["path"]: item for item in snapshot["evidence"] if item.get("path")}
    graph: list[dict] = [
        {
            "@id": "ro-crate-metadata.json",
            "@type": "CreativeWork",
            "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"},
            "about": {"@id": "./"},
        }
    ]
    parts: list[dict] = []
    entities: list[dict] = []
    used_codes: set[str] = set()
    for path, record in sorted(written.items()):
        entity: dict = {
            "@id": path,
            "@type": "File",
            "name": path.rsplit("/", 1)[-1],
            "encodingFormat": _mime(path),
            "contentSize": str(record.size),
            "sha256": record.sha256,
        }
        item = by_path.get(path)
        if item is not None:
            codes = sorted(set(item["key_for"]) | set(item["cross_reference_for"]))
            used_codes.update(codes)
            entity.update(
                {
                    "name": item["title"],
                    "encodingFormat": _mime(path, item.get("mime_type", "")),
                    "description": item.get("description", ""),
                    "keywords": codes,
                    "about": [{"@id": f"#descriptor-{c}"} for c in codes],
                }
            )
            if item.get("evidence_date"):
                entity["dateCreated"] = item["evidence_date"]
        parts.append({"@id": path})
        entities.append(entity)
    for item in snapshot["evidence"]:
        if item["included"] and not item.get("path") and item.get("url"):
            codes = sorted(set(item["key_for"]) | set(item["cross_reference_for"]))
            used_codes.update(codes)
            entities.append(
                {
                    "@id": f"#link-{item['id']}",
                    "@type": "WebPage",
                    "name": item["title"],
                    "url": item["url"],
                    "keywords": codes,
                    "about": [{"@id": f"#descriptor-{c}"} for c in codes],
                }
            )
            parts.append({"@id": f"#link-{item['id']}"})
    terms = [
        {
            "@id": f"#descriptor-{code}",
            "@type": "DefinedTerm",
            "termCode": code,
            "name": descriptors[code]["text"] if code in descriptors else code,
        }
        for code in sorted(used_codes)
    ]
    setting, framework = snapshot["setting"], snapshot["scheme"]
    graph.append(
        {
            "@id": "./",
            "@type": "Dataset",
            "identifier": f"urn:uuid:{bundle_uuid}",
            "name": f"{setting['name']}: {framework['name']} portfolio{' (DRAFT)' if snapshot['draft'] else ''}",
            "description": f"Portfolio of evidence for the {framework['name']} from {setting['name']}.",
            "datePublished": snapshot["created_at"],
            "publisher": {"@id": "#setting"},
            "hasPart": parts,
            "license": {"@id": licence_entity["@id"]},
        }
    )
    graph.append({"@id": "#setting", "@type": "Organization", "name": setting["name"]})
    graph.append(licence_entity)
    return {"@context": CRATE_CONTEXT, "@graph": graph + entities + terms}
