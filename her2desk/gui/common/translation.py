"""The interface's language: Qt's translation system, with a preference kept in QSettings.

Staff who read Spanish get a Spanish program as well as a Spanish handout. The words are wrapped in
`QCoreApplication.translate("Context", "text")` where they are written (so `pyside6-lupdate` finds them),
translated in `resources/translations/her2desk_es.ts` and compiled to `her2desk_es.qm`, which is committed
beside it (a test checks it is the compilation of the `.ts`), so a source checkout, a wheel and the frozen
bundle all carry it without a build step. Qt's own words (the buttons of a message box, a line edit's
context menu) come from Qt's `qtbase_es.qm`, shipped with PySide6.

The language is the person's preference (Tools ▸ Preferences…, key `interface/language`), else the
system's; a language without a translation is English. It is read once, at start, before any window is
built: a change takes effect the next time the program starts (words already on screen are not redone).
Accessible names stay English whatever the language: they are the program's contract with screen
readers' scripts and with the tests.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from her2desk.handout.resources import ResourcesNotFoundError, resource_file

LANGUAGE_KEY = "interface/language"
SYSTEM = ""  # the preference "as the system", stored as an empty string
ENGLISH = "en"
SPANISH = "es"
# The languages the interface is translated into, by the name their readers know them by.
LANGUAGE_NAMES: dict[str, str] = {ENGLISH: "English", SPANISH: "Español"}
DECIMAL_COMMA_LANGUAGES = frozenset({SPANISH})

_installed: list[QTranslator] = []  # kept alive as long as they are installed (Qt does not own them)
_active = ENGLISH


def preferred_language() -> str:
    """The stored preference: a language code, or `SYSTEM` when none was chosen."""
    value = QSettings().value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and value in (SYSTEM, *LANGUAGE_NAMES) else SYSTEM


def set_preferred_language(language: str) -> None:
    """Store the preference (`SYSTEM` or a code of `LANGUAGE_NAMES`) for the next start."""
    if language != SYSTEM and language not in LANGUAGE_NAMES:
        raise ValueError(f"no translation for language {language!r}")
    settings = QSettings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def resolved_language(preference: str | None = None, system: QLocale | None = None) -> str:
    """The language the interface uses: the preference, else the system locale's language when it is
    translated, else English."""
    chosen = preferred_language() if preference is None else preference
    if chosen in LANGUAGE_NAMES:
        return chosen
    code = (system or QLocale.system()).name().split("_")[0]
    return code if code in LANGUAGE_NAMES else ENGLISH


def install_translators(language: str | None = None) -> str:
    """Install the translators for `language` (default: `resolved_language()`) on the application,
    replacing any installed before; the language in use, which is English when the translation is
    missing (an incomplete installation shows English, never a half-translated window)."""
    global _active
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    wanted = resolved_language() if language is None else language
    _active = ENGLISH
    if wanted == ENGLISH:
        return _active
    ours = QTranslator()
    try:
        path = resource_file("translations", f"her2desk_{wanted}.qm")
    except ResourcesNotFoundError:
        return _active
    if not ours.load(str(path)):
        return _active
    qt = QTranslator()
    if qt.load(f"qtbase_{wanted}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    _active = wanted
    return _active


def active_language() -> str:
    """The language the installed translators give (English when none is installed)."""
    return _active


def uses_decimal_comma() -> bool:
    """Whether people writing in the interface's language write 2,1 for two point one."""
    return _active in DECIMAL_COMMA_LANGUAGES


# `translate("Context", "text")`, the name pyside6-lupdate looks for (it finds the words by this call).
translate = QCoreApplication.translate


def whole_number(value: int) -> str:
    """A count with its thousands grouped as readers of the interface's language group them
    (12,345 in English, 12.345 in Spanish)."""
    text = f"{value:,}"
    return text.replace(",", ".") if uses_decimal_comma() else text


_DECIMAL_COMMA = re.compile(r"\s*[+-]?\d+,\d+\s*")


def decimal_point_text(text: str) -> str:
    """A number typed with a decimal comma ("2,1"), as the domain reads numbers ("2.1"), when the
    interface's language writes a decimal comma; any other text unchanged. Only the one unambiguous
    form is converted (digits, one comma, digits): in English "1,234" stays as typed, and the domain
    refuses it rather than reading it as 1.234 or 1234."""
    if uses_decimal_comma() and _DECIMAL_COMMA.fullmatch(text):
        return text.replace(",", ".")
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pyside6-lupdate looks for)
    """Mark `text` for translation in `context` where it is written (lupdate finds it by this name)
    and give it back unchanged, to be translated where it is shown. PySide6's own is typed as
    returning `object`; this one says `str`."""
    return text
