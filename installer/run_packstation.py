"""Entry point of the frozen bundle (PyInstaller runs this file as __main__)."""

import sys

from packstation.app import main

sys.exit(main())
