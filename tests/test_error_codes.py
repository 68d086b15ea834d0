"""Every error code sitrep raises lies in the range of the layer that raises it (see ``sitrep.errors``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.errors import CODE_RANGES

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sitrep"
CODE = re.compile(r"\bE(\d{3}):")


def _raised() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        found += [(f"E{m.group(1)}", module) for m in CODE.finditer(path.read_text(encoding="utf-8"))]
    return found


def _allowed(code: str, module: str) -> bool:
    owners = CODE_RANGES.get(code[:3], ())
    return any(module == o or (o.endswith("/") and module.startswith(o)) for o in owners)


def test_codes_are_found() -> None:
    assert len(_raised()) > 50


@pytest.mark.parametrize(("code", "module"), sorted(set(_raised())))
def test_each_code_lies_in_its_layer_range(code: str, module: str) -> None:
    assert _allowed(code, module), (
        f"{code} is raised in {module}, outside its range's modules {CODE_RANGES.get(code[:3])}"
    )
