"""Use cases that span layers in one transaction: save, sign out, amend, print-and-record."""
