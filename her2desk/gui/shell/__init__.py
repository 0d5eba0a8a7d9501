"""The window that hosts the features: the main window, the features it installs, sign-in, idle lock."""
