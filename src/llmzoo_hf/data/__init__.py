"""Dataset builders: phoenix-sft conversations, Alpaca and user-centered instructions -> chat ``messages``."""

from ._builder import (
    REJECTS_FILENAME,
    REPORT_FILENAME,
    TRUNCATION_MODES,
    BuildResult,
    DataReport,
    DatasetMixtureConfig,
    DataSource,
    SourceStats,
    build_dataset,
    detect_language,
)
from ._layouts import LAYOUTS, REJECT_REASONS, REPAIRS, SPEAKER_ALIASES, BadRow, Converted, detect_layout, to_messages
from ._mixture import check_mixture_keys, load_mixture_file, parse_source
from ._tokenize import IGNORE_INDEX, tokenize_conversations, tokenize_dataset


def bundled_data_path(name: str | None = None):
    """Return the folder of the bundled sample data, or the path of one file in it (e.g. ``"conversations.jsonl"``)."""
    from .._resources import resource_path

    folder = resource_path("data")
    return folder if name is None else folder / name


__all__ = [
    "IGNORE_INDEX",
    "LAYOUTS",
    "REJECTS_FILENAME",
    "REJECT_REASONS",
    "REPAIRS",
    "REPORT_FILENAME",
    "SPEAKER_ALIASES",
    "TRUNCATION_MODES",
    "BadRow",
    "BuildResult",
    "Converted",
    "DataReport",
    "DataSource",
    "DatasetMixtureConfig",
    "SourceStats",
    "build_dataset",
    "check_mixture_keys",
    "bundled_data_path",
    "detect_language",
    "detect_layout",
    "load_mixture_file",
    "parse_source",
    "to_messages",
    "tokenize_conversations",
    "tokenize_dataset",
]
