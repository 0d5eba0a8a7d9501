"""A patient's history: the table of their cases and the timeline strip."""
