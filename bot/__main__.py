"""`python -m bot` is the same as the `jianfu` command."""

from bot.cli import main

raise SystemExit(main())
