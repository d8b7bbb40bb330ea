"""CLI commands: one module a command, each with `add_parser` and `run`; rows in cli.COMMANDS."""
