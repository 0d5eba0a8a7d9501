"""The patient handout: (case, interpretation, language) -> PDF bytes with reportlab."""
