"""What the questionnaires' use-cases refuse with."""

from __future__ import annotations


class DefinitionNotFound(LookupError):
    def __init__(self, urn: str, version: str | None = None) -> None:
        self.urn = urn
        self.version = version
        shown = urn if version is None else f"{urn} version {version}"
        super().__init__(f"no questionnaire definition {shown} is imported")


class DefinitionConflict(ValueError):
    """This URN and version is already imported with other content; nothing was stored."""

    def __init__(self, urn: str, version: str) -> None:
        self.urn = urn
        self.version = version
        super().__init__(
            f"{urn} version {version} is already imported with different content; a changed "
            "definition needs a new version number"
        )


class InstanceNotFound(LookupError):
    def __init__(self, instance_id: int, version: int | None = None) -> None:
        self.instance_id = instance_id
        self.version = version
        where = "" if version is None else f" version {version}"
        super().__init__(f"no instrument {instance_id}{where}")


class InstanceConflict(RuntimeError):
    """The instrument changed since the version the user worked on; nothing was stored."""

    def __init__(self, instance_id: int, base_version: int, current_version: int) -> None:
        self.base_version = base_version
        self.current_version = current_version
        super().__init__(
            f"instrument {instance_id} changed since version {base_version} (now version "
            f"{current_version}); reload it and make the change again"
        )
