#!/usr/bin/env python3
"""Find the help-center answers to paste into a customer chat (helpcenter/chatlink.py).

  scripts/chatlink.py "我的提现三天了还没到账怎么办"
  scripts/chatlink.py --format markdown "withdrawal pending for 3 days"
  scripts/chatlink.py --lang en "提现没到账"        # answer a Chinese message with English links
  scripts/chatlink.py --batch < messages.txt        # one JSON line per message
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpcenter.chatlink import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
