"""The audit log and a case's record (versions, signatures, handouts, trail)."""
