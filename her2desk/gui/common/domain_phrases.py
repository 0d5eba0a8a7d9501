"""Every template the domain and the services say to people, for the translators (generated).

Written by `scripts/collect-domain-phrases.py` from the `Phrase("...")` calls of her2desk/domain and
her2desk/services; do not edit by hand. pyside6-lupdate finds the words here (context "Domain"), and
`gui.common.domain_text.say` translates a phrase by its template.
"""

from __future__ import annotations

from her2desk.gui.common.translation import QT_TRANSLATE_NOOP

DOMAIN_PHRASES = (
    QT_TRANSLATE_NOOP("Domain", "required; choose one of: {choices}"),
    QT_TRANSLATE_NOOP(
        "Domain", "procedure: an endoscopic biopsy is unusual for a breast specimen; check the procedure"
    ),
    QT_TRANSLATE_NOOP("Domain", "an endoscopic biopsy is unusual for a breast specimen; check the procedure"),
)
