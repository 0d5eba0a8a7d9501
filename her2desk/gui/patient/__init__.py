"""Correcting a patient's details across their cases."""
