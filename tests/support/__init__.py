"""Helpers shared by the test folders: databases (backends), a signed-in lab (lab), Qt
fixtures, handout and report cases. Importable as `support.X` (pytest's pythonpath is tests/)."""
