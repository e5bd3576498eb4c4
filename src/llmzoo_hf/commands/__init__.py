"""One module per ``llmzoo`` subcommand group; each defines ``register(subparsers)``."""
