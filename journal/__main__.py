import sys

from journal.launcher import main

sys.exit(main())
