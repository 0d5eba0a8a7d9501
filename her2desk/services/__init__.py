"""Use cases that span layers in one transaction (save, import, export); what the GUI and CLI call."""
