"""Frozen entry point of the console executable `portfolio-builder` (PyInstaller script).

The same command line as the installed Python package (`portfolio_builder.cli:main`); with no
arguments it opens the desktop application.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of a frozen app re-enter here
    from portfolio_builder.cli import main

    sys.exit(main())
