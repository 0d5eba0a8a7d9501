"""Sign-out, adjudication and amendment: the Case menu actions and their dialogs."""
