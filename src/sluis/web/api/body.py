"""Reading a profile document from a request body, as JSON or YAML."""

from __future__ import annotations

from fastapi import Request

from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import FieldError, ProfileInvalid, parse_profile_text

MAX_PROFILE_BYTES = 1_000_000
PROFILE_MEDIA_TYPES = ("application/json", "application/yaml", "application/x-yaml", "text/yaml")

# Lets the OpenAPI document show that the body is a profile, in JSON or YAML.
PROFILE_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/AlgorithmProfile"}},
            "application/yaml": {"schema": {"type": "string"}},
        },
    }
}


async def profile_from_request(request: Request) -> AlgorithmProfile:
    media_type = request.headers.get("content-type", "application/json").split(";")[0].strip()
    if media_type not in PROFILE_MEDIA_TYPES:
        raise ProfileInvalid(
            [FieldError("(body)", "media_type", "send the profile as JSON or YAML")]
        )
    raw = await request.body()
    if len(raw) > MAX_PROFILE_BYTES:
        raise ProfileInvalid([FieldError("(body)", "max_size", "the profile exceeds 1 MB")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileInvalid([FieldError("(body)", "encoding", "the body is not UTF-8")]) from None
    return parse_profile_text(text)
