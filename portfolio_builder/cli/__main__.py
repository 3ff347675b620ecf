"""`python -m portfolio_builder.cli`: the same command line as the installed `portfolio-builder`."""

import sys

from . import main

sys.exit(main())
