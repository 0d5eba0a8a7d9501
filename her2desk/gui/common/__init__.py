"""Widgets and helpers every feature may use: message boxes, background workers, form fields, labels."""
