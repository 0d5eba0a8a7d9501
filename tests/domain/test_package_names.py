"""`her2desk.domain`'s own names load on first use (PEP 562) and are the engine's very objects."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import her2desk.domain as domain
from her2desk.domain import engine, guideline_settings, inputs, interpretation

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_names_are_the_modules_objects() -> None:
    assert domain.interpret is engine.interpret
    assert domain.DEFAULT_SETTINGS is guideline_settings.DEFAULT_SETTINGS
    assert domain.GuidelineSettings is guideline_settings.GuidelineSettings
    assert domain.Her2TestInput is inputs.Her2TestInput
    assert domain.Interpretation is interpretation.Interpretation
    assert set(domain.__all__) <= set(dir(domain))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'interpretation_of'"):
        domain.interpretation_of  # noqa: B018


def test_importing_a_domain_module_does_not_import_the_engine() -> None:
    """The records and the workflow (the worklist's) come without the guideline engine; the engine comes
    with the first use of a package name."""
    code = (
        "import sys\n"
        "import her2desk.domain.records, her2desk.domain.workflow\n"
        "before = 'her2desk.domain.engine' in sys.modules\n"
        "from her2desk.domain import interpret\n"
        "print(before, 'her2desk.domain.engine' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True"]
