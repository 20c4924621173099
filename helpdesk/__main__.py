"""python -m helpdesk"""

import sys

from helpdesk.cli import main

sys.exit(main())
