"""Patient handouts: preview, batch print and save, and the printing itself."""
