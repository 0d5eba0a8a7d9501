"""Entering and editing a case: the form, the editor around it, the live interpretation and the rule watch."""
