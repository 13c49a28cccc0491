"""`python -m iwpacks` runs the command line."""
import sys

from iwpacks.cli.main import main

sys.exit(main())
