"""Administration: lab settings, users and the record check."""
