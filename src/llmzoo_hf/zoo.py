"""The zoo: a validated catalog of chat models (LLM Zoo's overview table as data).

``zoo.yaml`` beside this module holds one entry per model: Hub id, backbone, size, openness, languages, the
post-training data, release date, licence and the chat template registered in :mod:`llmzoo_hf.templates`.
``load_chat("phoenix-inst-chat-7b")`` resolves a zoo name through :func:`resolve_zoo_name`; a user catalog named
by the ``LLMZOO_ZOO`` environment variable adds (or overrides) entries, e.g. to register a local folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._delta_stamp import apply_command, refuse_delta_folder
from .errors import ConfigError, DeltaFolderError, TemplateNotFoundError, closest_names, did_you_mean, read_yaml

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResolvedModel:
    """Where a model comes from: ``kind`` is ``embedded``, ``local``, ``zoo`` or ``hub``."""

    path: str
    kind: str
    template: str | None = None
    revision: str | None = None


BUILTIN_CATALOG = Path(__file__).with_name("zoo.yaml")
USER_CATALOG_ENV = "LLMZOO_ZOO"
README_START = "<!-- zoo-table:start -->"
README_END = "<!-- zoo-table:end -->"

OPEN_WEIGHTS_VALUES = ("yes", "no", "delta", "lora")
OPEN_DATA_VALUES = ("yes", "no", None)
MULTILINGUAL = "multi"

# field -> (required, allowed Python types after YAML parsing). "Required" means the key must be written, even when
# its value is null: an absent key and a fact nobody published must not look the same.
_FIELDS: dict[str, tuple[bool, tuple[type, ...]]] = {
    "name": (True, (str,)),
    "display_name": (False, (str, type(None))),
    "hub_id": (True, (str, type(None))),
    "backbone": (True, (str, type(None))),
    "parameters": (True, (str, int, float, type(None))),
    "open_weights": (True, (str, bool)),
    "open_data": (True, (str, bool, type(None))),
    "languages": (True, (list, type(None))),
    "instruction_data": (True, (dict, bool, type(None))),
    "conversation_data": (True, (dict, bool, type(None))),
    "release_date": (True, (str, dt.date, type(None))),
    "licence": (True, (str, type(None))),
    "template": (True, (str, type(None))),
    "base_model": (False, (str, type(None))),
    "revision": (False, (str, type(None))),
    "recipe": (False, (str, type(None))),
    "notes": (False, (str, type(None))),
    "sources": (False, (list, type(None))),
}
_DATA_KEYS = ("size", "languages")


@dataclass(frozen=True)
class DataInfo:
    """Post-training data as published: ``size`` (e.g. ``"52K"``) and ``languages`` (e.g. ``"en"``, ``"40+"``)."""

    size: str | None
    languages: str | None

    def describe(self) -> str:
        """Return ``"52K, en"``-style text (``?`` for an unpublished part)."""
        return f"{self.size or '?'}, {self.languages or '?'}"


@dataclass(frozen=True)
class ZooEntry:
    """One model of the zoo (see ``zoo.yaml`` for the meaning of each field).

    ``instruction_data`` / ``conversation_data`` are a :class:`DataInfo`, ``False`` (none used) or ``None``
    (not published).
    """

    name: str
    display_name: str
    hub_id: str | None
    backbone: str | None
    parameters: str | None
    open_weights: str
    open_data: str | None
    languages: tuple[str, ...] | None
    instruction_data: DataInfo | bool | None
    conversation_data: DataInfo | bool | None
    release_date: str | None
    licence: str | None
    template: str | None
    base_model: str | None = None
    revision: str | None = None
    recipe: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = ()

    def speaks(self, lang: str) -> bool:
        """Return True when ``lang`` is among the claimed languages, or the model claims to be multilingual."""
        if not self.languages:
            return False
        return lang.strip().lower() in self.languages or MULTILINGUAL in self.languages

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as plain JSON-ready data (the catalog's own field names)."""

        def data(value: DataInfo | bool | None) -> Any:
            return {"size": value.size, "languages": value.languages} if isinstance(value, DataInfo) else value

        return {
            "name": self.name,
            "display_name": self.display_name,
            "hub_id": self.hub_id,
            "backbone": self.backbone,
            "parameters": self.parameters,
            "open_weights": self.open_weights,
            "open_data": self.open_data,
            "languages": list(self.languages) if self.languages is not None else None,
            "instruction_data": data(self.instruction_data),
            "conversation_data": data(self.conversation_data),
            "release_date": self.release_date,
            "licence": self.licence,
            "template": self.template,
            "base_model": self.base_model,
            "revision": self.revision,
            "recipe": self.recipe,
            "notes": self.notes,
            "sources": list(self.sources),
        }


class ZooCatalog:
    """The validated entries, in catalog order, looked up by name (case-insensitive) or Hub id."""

    def __init__(self, entries: list[ZooEntry]):
        self.entries = list(entries)
        self._by_name = {entry.name.lower(): entry for entry in self.entries}

    def __iter__(self) -> Iterator[ZooEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def names(self) -> list[str]:
        """Return the entry names in catalog order."""
        return [entry.name for entry in self.entries]

    def find(self, name_or_hub_id: str) -> ZooEntry | None:
        """Return the entry called ``name_or_hub_id`` (or published under that Hub id), else None."""
        key = name_or_hub_id.strip()
        entry = self._by_name.get(key.lower())
        if entry is not None:
            return entry
        return next((e for e in self.entries if e.hub_id and e.hub_id == key), None)

    def get(self, name: str) -> ZooEntry:
        """Return the entry called ``name``.

        Raises:
            ConfigError: no such entry; the message suggests the closest names.
        """
        entry = self.find(name)
        if entry is None:
            hint = did_you_mean(name.lower(), self._by_name, n=3, quote="")
            raise ConfigError(f"{name!r} is not in the zoo.{hint} Run `llmzoo zoo list` for every name.")
        return entry

    def filter(self, *, lang: str | None = None, open_data: bool = False) -> list[ZooEntry]:
        """Return the entries claiming ``lang`` (multilingual ones included) and, if asked, with open data."""
        return [
            entry
            for entry in self.entries
            if (lang is None or entry.speaks(lang)) and (not open_data or entry.open_data == "yes")
        ]


def _yes_no(value: Any) -> Any:
    # YAML 1.1 reads an unquoted yes/no as a boolean; take it back to the word the catalog means.
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


def _parse_date(value: Any, fail) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    for fmt in ("%Y-%m-%d", "%Y-%m"):
        try:
            dt.datetime.strptime(value, fmt)
            return value
        except ValueError:
            continue
    fail("release_date", f"{value!r} is not a date; write YYYY-MM-DD or YYYY-MM")
    return None  # unreachable: fail raises


def _parse_data(field: str, value: Any, fail) -> DataInfo | bool | None:
    if value is None:
        return None
    if value is False:
        return False
    if value is True:
        fail(field, "true says nothing; write {size: ..., languages: ...}, false (none used) or null (unknown)")
    unknown = sorted(set(value) - set(_DATA_KEYS))
    if unknown:
        fail(field, f"unknown key(s) {unknown}; expected {list(_DATA_KEYS)}")
    parts = {}
    for key in _DATA_KEYS:
        part = value.get(key)
        if part is not None and not isinstance(part, (str, int, float)):
            fail(field, f"{key} must be text like '52K', got {type(part).__name__}")
        parts[key] = None if part is None else str(part)
    return DataInfo(**parts)


def _validate_entry(raw: Any, *, index: int, source: str) -> ZooEntry:
    """Check one raw catalog entry against the schema and return it as a :class:`ZooEntry`."""
    label = f"entry #{index}"
    if isinstance(raw, dict) and isinstance(raw.get("name"), str):
        label = f"entry {raw['name']!r} (#{index})"

    def fail(field: str, problem: str):
        raise ConfigError(f"{source}: {label}, field {field!r}: {problem}.")

    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: {label} must be a mapping of fields, got {type(raw).__name__}.")
    for key in raw:
        if key not in _FIELDS:
            close = closest_names(str(key), _FIELDS)
            fail(str(key), "unknown field" + (f" (did you mean {close[0]!r}?)" if close else ""))
    for field, (required, types) in _FIELDS.items():
        if field not in raw:
            if required:
                fail(field, "missing (write null when the fact was never published)")
            continue
        if not isinstance(raw[field], types):
            allowed = ", ".join("null" if t is type(None) else t.__name__ for t in types)
            fail(field, f"expected {allowed}, got {type(raw[field]).__name__} {raw[field]!r}")

    name = raw["name"].strip()
    if not name or name != name.lower() or any(c.isspace() for c in name):
        fail("name", f"{raw['name']!r} must be lower case without spaces (it is what load_chat takes)")
    open_weights = _yes_no(raw["open_weights"])
    if open_weights not in OPEN_WEIGHTS_VALUES:
        fail("open_weights", f"{raw['open_weights']!r} is not one of {', '.join(OPEN_WEIGHTS_VALUES)}")
    open_data = _yes_no(raw["open_data"])
    if open_data not in OPEN_DATA_VALUES:
        fail("open_data", f"{raw['open_data']!r} is not one of yes, no, null")
    base_model = raw.get("base_model")
    if open_weights in ("delta", "lora") and not base_model:
        fail("base_model", f"required when open_weights is {open_weights!r} (what it applies to)")
    if open_weights in ("delta", "lora") and not raw["hub_id"]:
        fail("hub_id", f"required when open_weights is {open_weights!r} (where the {open_weights} weights are)")
    languages = raw["languages"]
    if languages is not None:
        if not languages or not all(isinstance(code, str) and code.strip() for code in languages):
            fail("languages", f"{languages!r} must be a non-empty list of language codes (or null)")
        languages = tuple(code.strip().lower() for code in languages)
    template = raw["template"]
    if template is not None:
        from .templates import get_template

        try:
            template = get_template(template).name
        except TemplateNotFoundError as exc:
            fail("template", str(exc).rstrip("."))
    sources = raw.get("sources") or []
    if not all(isinstance(url, str) for url in sources):
        fail("sources", "must be a list of URLs")
    parameters = raw["parameters"]
    return ZooEntry(
        name=name,
        display_name=raw.get("display_name") or name,
        hub_id=raw["hub_id"],
        backbone=raw["backbone"],
        parameters=None if parameters is None else str(parameters),
        open_weights=open_weights,
        open_data=open_data,
        languages=languages,
        instruction_data=_parse_data("instruction_data", raw["instruction_data"], fail),
        conversation_data=_parse_data("conversation_data", raw["conversation_data"], fail),
        release_date=_parse_date(raw["release_date"], fail),
        licence=raw["licence"],
        template=template,
        base_model=base_model,
        revision=raw.get("revision"),
        recipe=raw.get("recipe"),
        notes=" ".join(raw["notes"].split()) if raw.get("notes") else None,
        sources=tuple(sources),
    )


def _read_entries(path: Path) -> list[ZooEntry]:
    """Read and validate one catalog file (a YAML or JSON list of entries)."""
    raw = read_yaml(path, what="Zoo catalog")
    if not isinstance(raw, list):
        raise ConfigError(f"Zoo catalog {path} must be a list of entries, got {type(raw).__name__}.")
    entries = [_validate_entry(item, index=i, source=str(path)) for i, item in enumerate(raw, start=1)]
    seen: set[str] = set()
    for entry in entries:
        if entry.name in seen:
            raise ConfigError(f"{path}: entry {entry.name!r}, field 'name': used by more than one entry.")
        seen.add(entry.name)
    return entries


def load_catalog(path: str | Path | None = None) -> ZooCatalog:
    """Load and validate the zoo.

    Args:
        path: a catalog file (YAML or JSON list of entries) to use instead of the built-in one. ``None`` loads
            the built-in ``zoo.yaml`` plus, when the ``LLMZOO_ZOO`` environment variable names a file, that
            user catalog (its entries are added, or replace built-in entries of the same name).

    Returns:
        The validated :class:`ZooCatalog`.

    Raises:
        ConfigError: a file is missing or unreadable, or an entry breaks the schema; the message names the
            file, the entry and the field.
    """
    if path is not None:
        return ZooCatalog(_read_entries(Path(path)))
    entries = {entry.name: entry for entry in _read_entries(BUILTIN_CATALOG)}
    user = os.environ.get(USER_CATALOG_ENV)
    if user:
        for entry in _read_entries(Path(user).expanduser()):
            if entry.name in entries:
                logger.info("Zoo entry %r from %s replaces the built-in one.", entry.name, user)
            entries[entry.name] = entry
    return ZooCatalog(list(entries.values()))


def resolve_zoo_name(
    text: str, *, revision: str | None = None, catalog: ZooCatalog | None = None
) -> ResolvedModel | None:
    """Resolve a zoo name (or a Hub id in the zoo) to a loadable location and its chat template.

    Returns:
        ``ResolvedModel(hub_id, kind="zoo", template=..., revision=...)``, or None when ``text`` is not in the zoo.

    Raises:
        DeltaFolderError: the entry is delta weights; the message gives the ``llmzoo delta apply`` command.
        ConfigError: the model has no downloadable weights (API-only, a LoRA adapter, not on the Hub, or
            trained locally from a recipe); the message says what to do instead.
    """
    entry = (catalog or load_catalog()).find(text)
    if entry is None:
        return None
    label = f"{entry.display_name} (zoo name {entry.name!r})"
    if entry.open_weights == "no":
        raise ConfigError(
            f"{label} is API-only: its weights were never released, so it cannot be loaded or served locally. "
            "Reach it through its provider's API instead."
        )
    if entry.open_weights == "delta":
        base_placeholder = f"/path/to/{entry.base_model.lower()}"
        raise DeltaFolderError(
            f"{label} is published as delta weights ({entry.hub_id}: target - base), not a model: loading them "
            f"directly gives garbage text. It needs the base model {entry.base_model}. Apply the delta first:\n"
            f"    {apply_command(entry.hub_id, base_placeholder)}\n"
            "then load the output folder"
            + (f" with template={entry.template!r}" if entry.template else "")
            + "."
            + (f" Note: {entry.notes}" if entry.notes else "")
        )
    if entry.open_weights == "lora":
        raise ConfigError(
            f"{label} is a LoRA adapter ({entry.hub_id}) over {entry.base_model}, not a model. Merge it into the "
            "base first (peft: PeftModel.from_pretrained(base, adapter).merge_and_unload(), then save_pretrained) "
            "and load the merged folder" + (f" with template={entry.template!r}." if entry.template else ".")
        )
    if not entry.hub_id:
        if entry.recipe:
            raise ConfigError(
                f"{label} has nothing to download: it is produced locally by `accelerate launch -m llmzoo_hf.sft "
                f"{entry.recipe}`. Train it, then load the recipe's output_dir (e.g. load_chat('outputs/{entry.name}'))."
            )
        raise ConfigError(
            f"{label} has no public Hub id in the zoo. Pass a local copy of its weights instead"
            + (f", with template={entry.template!r}." if entry.template else ".")
        )
    if Path(entry.hub_id).expanduser().is_dir():  # a user catalog may point at a local folder
        refuse_delta_folder(Path(entry.hub_id).expanduser())
    return ResolvedModel(entry.hub_id, "zoo", template=entry.template, revision=revision or entry.revision)


# ----------------------------------------------------------------------------------------------- rendering


def _cell(value: Any) -> str:
    if value is None:
        return "?"
    if value is False:
        return "none"
    if isinstance(value, DataInfo):
        return value.describe()
    if isinstance(value, (list, tuple)):
        return ", ".join(value)
    return str(value)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


MARKDOWN_COLUMNS = (
    "Name",
    "Model",
    "Backbone",
    "Params",
    "Weights",
    "Open data",
    "Languages",
    "Instruction data",
    "Conversation data",
    "Released",
    "Licence",
    "Template",
)


def render_markdown_table(entries: list[ZooEntry] | ZooCatalog | None = None) -> str:
    """Return the zoo as a Markdown table (the README's model table); ``?`` = not published, ``none`` = not used.

    Args:
        entries: the entries to show; ``None`` is the built-in catalog (without any ``LLMZOO_ZOO`` additions).
    """
    if entries is None:
        entries = load_catalog(BUILTIN_CATALOG)
    lines = [
        "| " + " | ".join(MARKDOWN_COLUMNS) + " |",
        "|" + "|".join("---" for _ in MARKDOWN_COLUMNS) + "|",
    ]
    for entry in entries:
        model = (
            f"[{entry.display_name}](https://huggingface.co/{entry.hub_id})" if entry.hub_id else entry.display_name
        )
        weights = entry.open_weights + (f" ({entry.base_model})" if entry.base_model else "")
        cells = [
            f"`{entry.name}`",
            model,
            _cell(entry.backbone),
            _cell(entry.parameters),
            weights,
            _cell(entry.open_data),
            _cell(entry.languages),
            _cell(entry.instruction_data),
            _cell(entry.conversation_data),
            _cell(entry.release_date),
            _cell(entry.licence),
            f"`{entry.template}`" if entry.template else "?",
        ]
        lines.append("| " + " | ".join(_md(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def render_text_table(entries: list[ZooEntry]) -> str:
    """Return a fixed-width plain-text table of ``entries`` for the terminal."""
    header = ("NAME", "PARAMS", "WEIGHTS", "DATA", "LANGUAGES", "RELEASED", "TEMPLATE", "HUB ID")
    rows = [
        (
            e.name,
            _cell(e.parameters),
            e.open_weights,
            _cell(e.open_data),
            _cell(e.languages),
            _cell(e.release_date),
            e.template or "?",
            e.hub_id or "-",
        )
        for e in entries
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return (
        "\n".join(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]
        )
        + "\n"
    )


def extract_readme_block(text: str, *, source: str = "README.md") -> str:
    """Return what lies between the zoo-table markers of a README (the generated table).

    Raises:
        ConfigError: the markers are missing or out of order.
    """
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < 0 or end < start:
        raise ConfigError(
            f"{source} has no zoo table block: add the lines {README_START} and {README_END} where the table goes, "
            "then run `python scripts/update_readme_zoo.py`."
        )
    return text[start + len(README_START) : end].strip("\n") + "\n"


def replace_readme_block(text: str, table: str, *, source: str = "README.md") -> str:
    """Return ``text`` with the block between the zoo-table markers replaced by ``table``."""
    extract_readme_block(text, source=source)  # same checks, same message
    start = text.find(README_START) + len(README_START)
    end = text.find(README_END)
    return text[:start] + "\n" + table.strip("\n") + "\n" + text[end:]
