"""`python -m teipipe` is the `teipipe` command."""

from .cli import main

raise SystemExit(main())
