"""The window that hosts the features: the main window, the host protocol features see, sign-in, idle lock."""
