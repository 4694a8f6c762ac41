import sys

from packstation.app import main

sys.exit(main())
