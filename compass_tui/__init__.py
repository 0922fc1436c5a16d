"""compass-tui: a terminal journal for steering a purpose-driven career."""

import time

__version__ = "0.1.0"

# Taken at import so start-up can be measured from the very first line run.
IMPORTED_AT = time.perf_counter()
