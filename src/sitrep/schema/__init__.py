"""The JSON Schema of the report (``report.v1.json``), shipped with the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``sitrep.report/v1``."""
    text = resources.files(__package__).joinpath("report.v1.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
