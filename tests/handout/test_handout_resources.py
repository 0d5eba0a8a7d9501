"""Where texts and fonts come from, and that every shipped font has its licence next to it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.handout_cases import request_for

from her2desk.handout import build_content, resources
from her2desk.handout.fonts import FONT_FILES
from her2desk.handout.texts import load_texts

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    for cached in (resources.resources_root, resources.resource_file, load_texts):
        cached.cache_clear()
    yield
    for cached in (resources.resources_root, resources.resource_file, load_texts):
        cached.cache_clear()


def test_source_tree_resources_are_found(fresh_caches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(resources.ENVIRONMENT_VARIABLE, raising=False)
    assert resources.resources_root() == REPOSITORY / "resources"


def test_installed_package_location_is_searched_last() -> None:
    roots = resources.candidate_roots()
    assert roots[-1].parts[-2:] == ("her2desk", "resources")


def test_a_lab_can_override_the_texts(
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "handout").mkdir()  # only the English texts: Spanish and the fonts come from the shipped ones
    shutil.copy(REPOSITORY / "resources" / "handout" / "en.toml", tmp_path / "handout")
    english = tmp_path / "handout" / "en.toml"
    english.write_text(
        english.read_text(encoding="utf-8").replace(
            'title = "Your HER2 test result"', 'title = "Your HER2 result from Demo Lab"'
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv(resources.ENVIRONMENT_VARIABLE, str(tmp_path))
    assert build_content(request_for("positive")).title == "Your HER2 result from Demo Lab"
    assert build_content(request_for("positive", language="es")).title == "Su resultado de la prueba de HER2"
    assert resources.font_path("DejaVuSans.ttf") == REPOSITORY / "resources" / "fonts" / "DejaVuSans.ttf"


def test_missing_resources_name_every_place_searched(
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(resources, "candidate_roots", lambda: [tmp_path / "a", tmp_path / "b"])
    with pytest.raises(resources.ResourcesNotFoundError, match=r"searched: .*a, .*b"):
        resources.resources_root()


def test_every_font_ships_with_its_licence() -> None:
    fonts = REPOSITORY / "resources" / "fonts"
    for file_name in FONT_FILES.values():
        assert (fonts / file_name).is_file()
    assert "Bitstream Vera" in (fonts / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Apache License" in (fonts / "LICENSE-DroidSansFallback-Apache-2.0.txt").read_text(
        encoding="utf-8"
    )


def test_a_missing_file_names_every_place_searched(fresh_caches: None) -> None:
    with pytest.raises(resources.ResourcesNotFoundError, match=r"fonts/NoSuchFont\.ttf not found; searched"):
        resources.font_path("NoSuchFont.ttf")
