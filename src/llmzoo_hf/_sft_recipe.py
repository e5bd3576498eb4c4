"""Read and check an SFT recipe: everything that can be wrong in it fails here, before any model or data loads."""

from __future__ import annotations

import logging
from dataclasses import fields
from pathlib import Path
from typing import Any

from ._embedded import EMBEDDED_ALIAS
from ._paths import looks_like_path as looks_local
from .errors import ConfigError, TemplateNotFoundError, read_yaml

logger = logging.getLogger(__name__)


def split_argv(argv: list[str]) -> tuple[str | None, list[str]]:
    """Return ``(recipe_path, overrides)`` from ``RECIPE.yaml --k=v ...`` or ``--config RECIPE.yaml --k=v ...``."""
    args = list(argv)
    recipe: str | None = None
    if args and not args[0].startswith("-"):
        recipe = args.pop(0)
    for index, token in enumerate(args):
        if token == "--config" or token.startswith("--config="):
            if recipe is not None:
                raise ConfigError(f"Two recipes given: {recipe} and {token}; pass one.")
            if "=" in token:
                recipe = token.split("=", 1)[1]
                del args[index]
            elif index + 1 < len(args):
                recipe = args[index + 1]
                del args[index : index + 2]
            else:
                raise ConfigError("--config needs a recipe path.")
            break
    return recipe, args


def load_recipe(path: str | Path, known_keys: list[str]) -> dict[str, Any]:
    """Read a YAML recipe and raise :class:`ConfigError` naming the file on an unknown key (closest name given)."""

    from .configs import unknown_key_error
    from .data import check_mixture_keys

    recipe = read_yaml(path, what="Recipe", mapping=True)
    for key in recipe:
        if key not in known_keys:
            raise unknown_key_error(str(key), known_keys, where=str(path))
    if isinstance(recipe.get("dataset_mixture"), dict):
        check_mixture_keys(recipe["dataset_mixture"], where=f"{path}: dataset_mixture")
    return recipe


def check_overrides(overrides: list[str], option_strings: list[str], known_keys: list[str]) -> None:
    """Raise :class:`ConfigError` for a ``--key`` on the command line that no dataclass field defines."""
    from .configs import unknown_key_error

    for token in overrides:
        if not token.startswith("--"):
            continue
        option = token.split("=", 1)[0]
        if option not in option_strings:
            raise unknown_key_error(option[2:].replace("-", "_"), known_keys, where="command line")


def parse_recipe(argv: list[str]):
    """Parse ``argv`` into ``(ScriptArguments, SFTConfig, ModelConfig, recipe_path)``.

    The recipe supplies defaults, ``--key=value`` flags override them (``TrlParser.parse_args_and_config``).

    Raises:
        ConfigError: no recipe, an unknown key in the recipe or on the command line (with the closest valid name).
    """
    from trl import TrlParser

    from .configs import config_classes

    classes = config_classes()
    parser = TrlParser(classes)
    known_keys = sorted({f.name for cls in classes for f in fields(cls) if f.init} | {"env"})
    if "-h" in argv or "--help" in argv:
        parser.parse_args(["--help"])  # prints every field's help text and exits
    recipe_path, overrides = split_argv(argv)
    if recipe_path is None:
        raise ConfigError(
            "No recipe given. Usage: accelerate launch -m llmzoo_hf.sft recipes/chimera-tiny.yaml [--key=value ...]"
        )
    load_recipe(recipe_path, known_keys)
    check_overrides(overrides, list(parser._option_string_actions), known_keys)
    script_args, training_args, model_args = parser.parse_args_and_config(["--config", recipe_path, *overrides])
    return script_args, training_args, model_args, Path(recipe_path)


def resolve_local_path(path: str, recipe_path: Path) -> Path | None:
    """Find ``path`` relative to the working directory, the recipe's folder or its parent; None if absent."""
    candidate = Path(path).expanduser()
    if candidate.is_absolute():
        return candidate if candidate.exists() else None
    for base in (Path.cwd(), recipe_path.resolve().parent, recipe_path.resolve().parent.parent):
        if (base / candidate).exists():
            return (base / candidate).resolve()
    return None


def check_recipe(script_args, training_args, model_args, recipe_path: Path) -> None:
    """Check what the recipe points at (data files, template, model folder, packing options); no loading.

    Local data paths are rewritten to absolute ones so the data builder finds them from any working directory.

    Raises:
        ConfigError: missing data file / model folder, or an impossible option combination.
        TemplateNotFoundError: ``chat_template`` is not registered.
    """
    from .templates import get_template

    where = str(recipe_path)
    try:
        get_template(script_args.chat_template)
    except TemplateNotFoundError as exc:
        raise TemplateNotFoundError(f"{where}: chat_template: {exc}") from None
    mixture = script_args.dataset_mixture
    if mixture is None:
        raise ConfigError(f"{where}: `dataset_mixture` is missing; name at least one data source.")
    for index, source in enumerate(mixture.datasets):
        if not looks_local(source.path):
            continue  # a Hub dataset id, read when the data is built
        found = resolve_local_path(source.path, recipe_path)
        if found is None:
            raise ConfigError(
                f"{where}: dataset_mixture.datasets[{index}].path: data file {source.path} does not exist "
                f"(looked in {Path.cwd()}, {recipe_path.resolve().parent} and its parent)."
            )
        source.path = str(found)
    model_path = model_args.model_name_or_path
    if model_path not in (None, "", EMBEDDED_ALIAS) and looks_local(model_path):
        found = resolve_local_path(model_path, recipe_path)
        if found is None:
            raise ConfigError(
                f"{where}: model_name_or_path: model folder {model_path} does not exist; point it at a local "
                "Hugging Face model folder or use a Hub id."
            )
        model_args.model_name_or_path = str(found)
    if training_args.padding_free and not training_args.packing and training_args.max_length is not None:
        raise ConfigError(
            f"{where}: padding_free: true without packing cannot truncate, so it needs `max_length: null` "
            f"(got max_length: {training_args.max_length}); or set `packing: true` to keep max_length."
        )
    if model_args.load_in_4bit and model_args.load_in_8bit:
        raise ConfigError(f"{where}: choose one of load_in_4bit and load_in_8bit, not both.")
    if script_args.merge_lora and (not model_args.use_peft or model_args.load_in_4bit or model_args.load_in_8bit):
        raise ConfigError(
            f"{where}: merge_lora: true merges LoRA adapters into a full-precision base, so it needs "
            "`use_peft: true` without load_in_4bit/load_in_8bit."
        )
    if (model_args.load_in_4bit or model_args.load_in_8bit) and not model_args.use_peft:
        raise ConfigError(
            f"{where}: load_in_4bit/load_in_8bit quantises the frozen base, so it needs `use_peft: true` (QLoRA)."
        )
