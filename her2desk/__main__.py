import sys

if __name__ == "__main__":
    # A handout batch starts worker processes (forkserver or spawn), which import this module again as
    # "__mp_main__": the guard keeps them from starting the program. In a frozen (PyInstaller) build the
    # workers are this executable; freeze_support() runs their task and exits before anything else.
    # Only a frozen build needs it, and importing multiprocessing costs ~9 ms of every start-up.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    from her2desk.cli import main

    raise SystemExit(main())
