"""The base every part of a scheme definition shares (frozen, tolerant of newer fields) and its common field types."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9\-]{0,31}$")]
Label = Field(min_length=1, max_length=200)


class SchemeData(BaseModel):
    """Frozen, and tolerant of fields a newer version adds (the file parser reports unknown keys itself)."""

    model_config = ConfigDict(frozen=True, extra="ignore")
