"""The HER2 domain: vocabulary, the guideline engine and its validation. Pure Python, no I/O."""

from her2desk.domain.engine import interpret
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.interpretation import Interpretation

__all__ = ["DEFAULT_SETTINGS", "GuidelineSettings", "Her2TestInput", "Interpretation", "interpret"]
