"""Every template the domain and the services say to people, for the translators (generated).

Written by `scripts/collect-domain-phrases.py` from the `Phrase("...")` calls of her2desk/domain and
her2desk/services; do not edit by hand. pyside6-lupdate finds the words here (context "Domain"), and
`gui.common.domain_text.say` translates a phrase by its template.
"""

from __future__ import annotations

from her2desk.gui.common.translation import QT_TRANSLATE_NOOP

DOMAIN_PHRASES = (
    QT_TRANSLATE_NOOP("Domain", "Signed in"),
    QT_TRANSLATE_NOOP("Domain", "Failed sign-in"),
    QT_TRANSLATE_NOOP("Domain", "Sign-in refused (too soon or locked)"),
    QT_TRANSLATE_NOOP("Domain", "Account locked (wrong passwords)"),
    QT_TRANSLATE_NOOP("Domain", "Account unlocked"),
    QT_TRANSLATE_NOOP("Domain", "Signed off"),
    QT_TRANSLATE_NOOP("Domain", "Screen locked"),
    QT_TRANSLATE_NOOP("Domain", "Screen unlocked"),
    QT_TRANSLATE_NOOP("Domain", "Report signed out"),
    QT_TRANSLATE_NOOP("Domain", "Failed signature"),
    QT_TRANSLATE_NOOP("Domain", "Sign-out refused"),
    QT_TRANSLATE_NOOP("Domain", "Adjudication refused"),
    QT_TRANSLATE_NOOP("Domain", "Amendment refused"),
    QT_TRANSLATE_NOOP("Domain", "Adjudicated"),
    QT_TRANSLATE_NOOP("Domain", "Amended"),
    QT_TRANSLATE_NOOP("Domain", "Handout printed"),
    QT_TRANSLATE_NOOP("Domain", "Lab setting changed"),
    QT_TRANSLATE_NOOP("Domain", "Database roles set up"),
    QT_TRANSLATE_NOOP("Domain", "Record created"),
    QT_TRANSLATE_NOOP("Domain", "Record changed"),
    QT_TRANSLATE_NOOP("Domain", "Record deleted"),
    QT_TRANSLATE_NOOP("Domain", "Lab name"),
    QT_TRANSLATE_NOOP("Domain", "Lab contact line"),
    QT_TRANSLATE_NOOP("Domain", "Lab name on English handouts"),
    QT_TRANSLATE_NOOP("Domain", "Lab contact line on English handouts"),
    QT_TRANSLATE_NOOP("Domain", "Lab name on Spanish handouts"),
    QT_TRANSLATE_NOOP("Domain", "Lab contact line on Spanish handouts"),
    QT_TRANSLATE_NOOP("Domain", "Handout paper size"),
    QT_TRANSLATE_NOOP("Domain", "Allow self-verification"),
    QT_TRANSLATE_NOOP("Domain", "Allow one person to enter both ISH counts"),
    QT_TRANSLATE_NOOP("Domain", "Allow preliminary handouts"),
    QT_TRANSLATE_NOOP("Domain", "Idle lock (minutes)"),
    QT_TRANSLATE_NOOP("Domain", "Default handout language"),
    QT_TRANSLATE_NOOP("Domain", "Lock an account after this many wrong passwords"),
    QT_TRANSLATE_NOOP("Domain", "Wait after a second wrong password (seconds)"),
    QT_TRANSLATE_NOOP("Domain", "Automatic accession numbers"),
    QT_TRANSLATE_NOOP("Domain", "{raw} is not allowed; use true or false"),
    QT_TRANSLATE_NOOP("Domain", "at most {count} characters on one line"),
    QT_TRANSLATE_NOOP("Domain", "{raw} is not allowed; use a whole number from {low} to {high}"),
    QT_TRANSLATE_NOOP("Domain", "{raw} is not allowed; use one of {choices}"),
    QT_TRANSLATE_NOOP(
        "Domain", "{raw} is not allowed; use a4, letter (US Letter) or auto (from this computer's locale)"
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "{raw} cannot be used: {error} (leave it empty to type every accession number)"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Gastroesophageal resection: a percentage equal to the limit reaches it (at least, not more than)",
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "Gastroesophageal resection: percent of stained tumour cells needed for IHC 1+ and above"
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "Gastroesophageal biopsy: smallest stained cluster for IHC 1+ and above (cells)"
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "Gastroesophageal: send a ratio below 2.0 with a high HER2 copy number to the pathologist"
    ),
    QT_TRANSLATE_NOOP("Domain", "Gastroesophageal: high HER2 copy number for that rule (signals per cell)"),
    QT_TRANSLATE_NOOP("Domain", "Breast: flag IHC 3+ with ISH group 5 as discordant"),
    QT_TRANSLATE_NOOP("Domain", "Breast: report the HER2-low descriptor"),
    QT_TRANSLATE_NOOP("Domain", "Breast: report the HER2-ultralow descriptor"),
    QT_TRANSLATE_NOOP("Domain", "Breast: print the 2023 comment on HER2-low (IHC 0 versus 1+)"),
    QT_TRANSLATE_NOOP("Domain", "IHC 3+ cannot be saved without a controls result"),
    QT_TRANSLATE_NOOP("Domain", "Breast IHC 3+ cannot be saved without the percentage of stained cells"),
    QT_TRANSLATE_NOOP("Domain", "Near-threshold notice: lowest ratio"),
    QT_TRANSLATE_NOOP("Domain", "Near-threshold notice: highest ratio"),
    QT_TRANSLATE_NOOP("Domain", "Near-threshold notice: margin around 4.0 and 6.0 signals per cell"),
    QT_TRANSLATE_NOOP("Domain", "Warn when average HER2 signals per cell are above"),
    QT_TRANSLATE_NOOP("Domain", "Warn when average CEP17 signals per cell are below"),
    QT_TRANSLATE_NOOP("Domain", "Warn when average CEP17 signals per cell are above"),
    QT_TRANSLATE_NOOP("Domain", "Fixation: shortest time without a warning (hours)"),
    QT_TRANSLATE_NOOP("Domain", "Fixation: longest time without a warning (hours)"),
    QT_TRANSLATE_NOOP("Domain", "Cold ischaemia: longest time without a warning (minutes)"),
    QT_TRANSLATE_NOOP("Domain", "Gastroesophageal biopsy: fewest fragments without a warning"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: ISH group 2"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: ISH group 3"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: ISH group 4"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: HER2-low (2023 update)"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: HER2-ultralow"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: HER2-low cannot be judged without a scored IHC"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: single-probe ISH needs IHC review"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: no site-specific guideline"),
    QT_TRANSLATE_NOOP("Domain", "Report comment: no site-specific guideline, breast criteria used"),
    QT_TRANSLATE_NOOP("Domain", "Give HER2-low/-ultralow/-null on sites without a guideline"),
    QT_TRANSLATE_NOOP("Domain", "percent"),
    QT_TRANSLATE_NOOP("Domain", "signals per cell"),
    QT_TRANSLATE_NOOP("Domain", "(a HER2/CEP17 ratio)"),
    QT_TRANSLATE_NOOP("Domain", "hours"),
    QT_TRANSLATE_NOOP("Domain", "{raw} is not allowed; use {allowed}"),
    QT_TRANSLATE_NOOP("Domain", "a whole number"),
    QT_TRANSLATE_NOOP("Domain", "a number"),
    QT_TRANSLATE_NOOP("Domain", "above {low} and at most {high}"),
    QT_TRANSLATE_NOOP("Domain", "from {low} to {high}"),
    QT_TRANSLATE_NOOP("Domain", "cells"),
    QT_TRANSLATE_NOOP("Domain", "minutes"),
    QT_TRANSLATE_NOOP("Domain", "fragments"),
    QT_TRANSLATE_NOOP("Domain", "true or false"),
    QT_TRANSLATE_NOOP(
        "Domain", "text of 1 to {count} characters (line breaks allowed, no other control characters)"
    ),
    QT_TRANSLATE_NOOP("Domain", "must not be empty; use {allowed}"),
    QT_TRANSLATE_NOOP("Domain", "{count} characters is too long; use {allowed}"),
    QT_TRANSLATE_NOOP("Domain", "contains the control character {code}; use {allowed}"),
    QT_TRANSLATE_NOOP("Domain", ", at most {count} decimal places"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "{low} ({low_label}) is {low_value}, more than {high} ({high_label}) {high_value}; the lower limit must not exceed the upper",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "this account is locked after too many wrong passwords in a row; an administrator must unlock it",
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "too many wrong passwords in a row: wait {seconds} s before the next attempt"
    ),
    QT_TRANSLATE_NOOP("Domain", "required; choose one of: {choices}"),
    QT_TRANSLATE_NOOP(
        "Domain", "procedure: an endoscopic biopsy is unusual for a breast specimen; check the procedure"
    ),
    QT_TRANSLATE_NOOP("Domain", "an endoscopic biopsy is unusual for a breast specimen; check the procedure"),
    QT_TRANSLATE_NOOP("Domain", "the password is not correct"),
    QT_TRANSLATE_NOOP("Domain", "the result was not signed out"),
    QT_TRANSLATE_NOOP("Domain", "the case was not amended"),
    QT_TRANSLATE_NOOP("Domain", "the adjudication was not recorded"),
    QT_TRANSLATE_NOOP("Domain", "an amendment"),
    QT_TRANSLATE_NOOP("Domain", "an adjudication"),
    QT_TRANSLATE_NOOP("Domain", "a technologist"),
    QT_TRANSLATE_NOOP("Domain", "a pathologist"),
    QT_TRANSLATE_NOOP("Domain", "an administrator"),
    QT_TRANSLATE_NOOP("Domain", "edit"),
    QT_TRANSLATE_NOOP("Domain", "submit"),
    QT_TRANSLATE_NOOP("Domain", "sign out"),
    QT_TRANSLATE_NOOP("Domain", "amend"),
    QT_TRANSLATE_NOOP("Domain", "adjudicate"),
    QT_TRANSLATE_NOOP("Domain", "manage users"),
    QT_TRANSLATE_NOOP("Domain", "sign-out"),
    QT_TRANSLATE_NOOP("Domain", "manage-users"),
    QT_TRANSLATE_NOOP("Domain", "draft"),
    QT_TRANSLATE_NOOP("Domain", "entered"),
    QT_TRANSLATE_NOOP("Domain", "signed-out"),
    QT_TRANSLATE_NOOP("Domain", "amended"),
    QT_TRANSLATE_NOOP("Domain", "positive"),
    QT_TRANSLATE_NOOP("Domain", "negative"),
    QT_TRANSLATE_NOOP("Domain", "equivocal"),
    QT_TRANSLATE_NOOP("Domain", "pending"),
    QT_TRANSLATE_NOOP("Domain", "adjudication"),
    QT_TRANSLATE_NOOP("Domain", "indeterminate"),
    QT_TRANSLATE_NOOP("Domain", "{role} may not {action}"),
    QT_TRANSLATE_NOOP("Domain", "a case that is {state} cannot be {action}"),
    QT_TRANSLATE_NOOP(
        "Domain", "the case is signed out and read-only; amend it (with a reason) to change it"
    ),
    QT_TRANSLATE_NOOP("Domain", "you entered these results; another pathologist must sign them out"),
    QT_TRANSLATE_NOOP("Domain", "the case has errors and no interpretation; correct it first"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "the interpretation is {status}, not final: complete the work-up or record an adjudicated final status with a reason",
    ),
    QT_TRANSLATE_NOOP("Domain", "{what} needs a reason of at least {count} characters"),
    QT_TRANSLATE_NOOP("Domain", "the interpretation is already final ({status}); nothing to adjudicate"),
    QT_TRANSLATE_NOOP("Domain", "an adjudicated status must be positive, negative or indeterminate"),
    QT_TRANSLATE_NOOP("Domain", "IHC 3+ is positive; it cannot be adjudicated negative"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "the next {count} automatic accession numbers were all typed for other cases; type the accession number",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "the next automatic accession number {accession} cannot be used (an accession number {problem}); type the accession number, and ask an administrator to change the pattern",
    ),
    QT_TRANSLATE_NOOP("Domain", "the user name or the password is not correct"),
    QT_TRANSLATE_NOOP("Domain", "you cannot deactivate your own account; another administrator must do it"),
    QT_TRANSLATE_NOOP("Domain", "this is the last active administrator; make another administrator first"),
    QT_TRANSLATE_NOOP(
        "Domain", "an administrator who can sign in exists: give --as NAME of an active administrator"
    ),
    QT_TRANSLATE_NOOP("Domain", "wait {seconds} s before the next attempt"),
    QT_TRANSLATE_NOOP("Domain", "your account: {locked}"),
    QT_TRANSLATE_NOOP(
        "Domain", "a user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit"
    ),
    QT_TRANSLATE_NOOP("Domain", "a password needs at least {count} characters"),
    QT_TRANSLATE_NOOP("Domain", "a password cannot be only spaces or invisible control characters"),
    QT_TRANSLATE_NOOP("Domain", "role must be one of: {roles}"),
    QT_TRANSLATE_NOOP("Domain", "only an administrator may manage users, signed in as themselves"),
    QT_TRANSLATE_NOOP("Domain", "there is no user with id {user_id}"),
    QT_TRANSLATE_NOOP("Domain", "there is already a user named {username}"),
    QT_TRANSLATE_NOOP("Domain", "only a demo database signs in without a password"),
    QT_TRANSLATE_NOOP("Domain", "the first user must be an administrator"),
    QT_TRANSLATE_NOOP("Domain", "only a signed-in administrator may add users"),
    QT_TRANSLATE_NOOP("Domain", "type your password to sign"),
    QT_TRANSLATE_NOOP("Domain", "accession {accession} is already stored; open that case to change it"),
    QT_TRANSLATE_NOOP("Domain", "case {accession} is not stored; it cannot be updated"),
    QT_TRANSLATE_NOOP(
        "Domain", "case {accession} is not signed out ({state}); only a signed-out result goes to the patient"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "case {accession} is not signed out ({state}), and this lab does not allow preliminary handouts; an administrator can allow them with `{command}`",
    ),
    QT_TRANSLATE_NOOP("Domain", "no case with accession '{accession}' in this database"),
    QT_TRANSLATE_NOOP(
        "Domain", "case {accession} changed after this handout was made; make the handout again"
    ),
    QT_TRANSLATE_NOOP("Domain", "case {accession}: {error}"),
    QT_TRANSLATE_NOOP("Domain", "only an administrator may change lab settings"),
    QT_TRANSLATE_NOOP("Domain", "cases {accessions} are"),
    QT_TRANSLATE_NOOP("Domain", "case {accession} is"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "the patient with MRN {mrn} was changed by {by} meanwhile (now {name}); nothing was saved — look at the stored details and correct again if needed",
    ),
    QT_TRANSLATE_NOOP("Domain", "no patient with MRN {mrn} is stored"),
    QT_TRANSLATE_NOOP("Domain", "a patient correction"),
    QT_TRANSLATE_NOOP("Domain", "{born} is after the collection date of case {accession} ({collected})"),
    QT_TRANSLATE_NOOP(
        "Domain", "the MRN cannot be changed here ({mrn}); a different MRN is a different patient"
    ),
    QT_TRANSLATE_NOOP("Domain", "the details entered are the stored ones; there is nothing to correct"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "{cases} signed out; only a pathologist (signed in) may correct the patient of signed-out cases (their earlier handouts are then superseded)",
    ),
    QT_TRANSLATE_NOOP("Domain", "{refusal}: only a technologist or pathologist may correct patient details"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "case {accession} is not signed out ({state}); only a signed-out version gets a final report",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "case {accession} is not signed out ({state}), and this lab does not allow preliminary documents; an administrator can allow them with `{command}`",
    ),
    QT_TRANSLATE_NOOP("Domain", "case {accession} changed after this report was made; make the report again"),
    QT_TRANSLATE_NOOP("Domain", "case {accession} is not stored"),
    QT_TRANSLATE_NOOP(
        "Domain", "case {accession} is not signed out; only a preliminary handout may be printed"
    ),
)
