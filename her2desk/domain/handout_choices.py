"""The handout's languages and paper sizes: the values a lab setting and the command line allow.

Apart from `lab_settings` (whose other rules import regular expressions and the workflow) so that
building the command line's parser, which every start of the desktop program does, needs only these.
"""

from __future__ import annotations

LANGUAGES = ("en", "es")
# The handout's paper: "auto" takes it from the workstation's locale when a handout is made.
PAPER_SIZES = ("auto", "a4", "letter")
