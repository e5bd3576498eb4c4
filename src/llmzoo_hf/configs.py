"""Config dataclasses of the SFT entry point (``accelerate launch -m llmzoo_hf.sft RECIPE.yaml``).

A recipe is parsed into three dataclasses, as in alignment-handbook: our :class:`ScriptArguments` (data mixture,
chat template, outputs), :class:`SFTConfig` (TRL's, with the loss on assistant replies by default) and TRL's
``ModelConfig`` (``model_name_or_path``, LoRA / QLoRA switches). YAML keys are the field names, kept flat;
``dataset_mixture`` is the one nested key (a :class:`~llmzoo_hf.data.DatasetMixtureConfig`).

Importing this module loads TRL (and torch); ``llmzoo_hf.sft`` imports it only when it parses a recipe.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import trl

from . import errors
from ._embedded import EMBEDDED_ALIAS as EMBEDDED_MODEL_SENTINEL  # noqa: F401  (used by the SFT steps)
from .data import DatasetMixtureConfig, check_mixture_keys
from .errors import ConfigError
from .templates import list_templates


@dataclass
class ScriptArguments:
    """Data and output arguments of ``llmzoo_hf.sft`` (the model comes from TRL's ``ModelConfig``)."""

    # `dict | str` and not `DatasetMixtureConfig`: argparse needs one callable type per option, and a string is what
    # `--dataset_mixture='{...}'` gives on the command line; __post_init__ turns both into a DatasetMixtureConfig.
    dataset_mixture: dict | str | None = field(
        default=None,
        metadata={
            "help": "Weighted data sources: a YAML mapping `{datasets: [{path:, layout:, weight:}, ...], seed:, "
            "test_split_size:}` (on the command line as a JSON/YAML string). Local paths are read relative to the "
            "working directory, then to the recipe's folder and its parent."
        },
    )
    chat_template: str = field(
        default="chimera",
        metadata={
            "help": f"Registered chat template written into the tokenizer ({', '.join(list_templates())}). Its "
            "`{%% generation %%}` spans decide which tokens carry the loss."
        },
    )
    bos_token: str | None = field(
        default=None,
        metadata={
            "help": "Token the template writes for LLM Zoo's `<s>` (the tokenizer's BOS); default: the tokenizer's "
            "own. Pick it by what the base does after the token: it should still read the prompt before it (a "
            "document separator such as SmolLM2's `<|endoftext|>` makes the base ignore the question). It must be "
            "one token of the vocabulary; it is saved with the tokenizer and the model config, so chat, serve, "
            "compare and GGUF export use it too."
        },
    )
    plot_loss: bool = field(
        default=True, metadata={"help": "Write the training loss curve to `OUTPUT_DIR/loss.png` after training."}
    )
    model_card: bool = field(default=True, metadata={"help": "Write a README.md model card into the output folder."})
    merge_lora: bool = field(
        default=False,
        metadata={
            "help": "With use_peft: merge the trained LoRA adapters into the base and save a full model folder "
            "(loadable by chat / eval / serve / delta) instead of the adapters. Not with a 4-/8-bit base."
        },
    )

    def __post_init__(self) -> None:
        if isinstance(self.dataset_mixture, str):
            import yaml

            try:
                self.dataset_mixture = yaml.safe_load(self.dataset_mixture)
            except yaml.YAMLError as exc:
                raise ConfigError(f"dataset_mixture is not valid JSON/YAML: {exc}") from exc
        if isinstance(self.dataset_mixture, dict):
            check_mixture_keys(self.dataset_mixture, where="dataset_mixture")
            self.dataset_mixture = DatasetMixtureConfig(**self.dataset_mixture)
        elif self.dataset_mixture is not None and not isinstance(self.dataset_mixture, DatasetMixtureConfig):
            raise ConfigError(
                f"dataset_mixture must be a mapping with a `datasets` list, got {type(self.dataset_mixture).__name__}."
            )


@dataclass
class SFTConfig(trl.SFTConfig):
    """TRL's ``SFTConfig`` with one default changed.

    ``assistant_only_loss`` defaults to ``True`` (TRL: ``False``): LLM Zoo trains on each assistant reply's
    opening BOS, its text and its closing EOS only, which is what the ``{% generation %}`` spans of the Phoenix /
    Chimera templates mark.
    """

    assistant_only_loss: bool = field(
        default=True,
        metadata={
            "help": "Compute the loss on the assistant replies only (the template's `{%% generation %%}` spans). "
            "Defaults to True here (TRL's default is False)."
        },
    )


def unknown_key_error(key: str, known: list[str], *, where: str) -> ConfigError:
    """Return the error for an unknown SFT recipe key: where it is, the key, and the closest valid name."""
    return errors.unknown_key_error(key, known, where=where, note="(every key: `python -m llmzoo_hf.sft --help`)")


def config_classes() -> tuple[type, type, type]:
    """Return the three dataclasses a recipe is parsed into: (ScriptArguments, SFTConfig, ModelConfig)."""
    return ScriptArguments, SFTConfig, trl.ModelConfig
