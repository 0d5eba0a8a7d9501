"""The worklist: the paged table model and its view with search and filters."""
