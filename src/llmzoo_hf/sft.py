"""Supervised fine-tuning of Phoenix / Chimera style chat models from one YAML recipe.

Usage::

    accelerate launch -m llmzoo_hf.sft recipes/chimera-tiny.yaml
    accelerate launch --config_file recipes/accelerate/zero3.yaml -m llmzoo_hf.sft recipes/chimera7b.yaml \\
        --output_dir=chimera-7b --learning_rate=1e-5

The recipe is parsed into ``(ScriptArguments, SFTConfig, ModelConfig)`` (see :mod:`llmzoo_hf.configs`);
``--key=value`` flags override it. Every mistake in the recipe (unknown key, missing data file, unknown template)
fails before anything is loaded. The run then reads top to bottom: seed, tokenizer + template, data mixture,
trainer, start-up summary, train (resuming from the last checkpoint in ``output_dir``), save, card, plot, push.
"""

from __future__ import annotations

import logging
import sys

logger = logging.getLogger("llmzoo_hf.sft")  # not __name__: under `-m` that is "__main__"


def main(argv: list[str] | None = None) -> int:
    """Fine-tune a model as a recipe says; return 0 on success.

    Args:
        argv: ``[RECIPE.yaml, --key=value, ...]``; ``None`` reads ``sys.argv[1:]``.

    Raises:
        ConfigError: unknown recipe key (with the closest valid one), missing data file or model folder.
        TemplateNotFoundError: the recipe's ``chat_template`` is not registered.
        DeltaFolderError: ``model_name_or_path`` is a delta folder (apply it first).
    """
    from transformers import set_seed

    from . import _sft_steps as steps
    from ._logging import configure_logging
    from ._sft_recipe import check_recipe, parse_recipe
    from .data import build_dataset

    script_args, training_args, model_args, recipe_path = parse_recipe(sys.argv[1:] if argv is None else argv)
    check_recipe(script_args, training_args, model_args, recipe_path)
    steps.configure_tracking(training_args, recipe_path)
    configure_logging(None if training_args.process_index == 0 else logging.WARNING)
    set_seed(training_args.seed)

    model_path = steps.resolve_model_path(model_args.model_name_or_path)
    steps.check_padding_free(model_path, training_args, model_args)
    tokenizer = steps.get_tokenizer(
        model_path, script_args.chat_template, training_args, model_args, bos_token=script_args.bos_token
    )
    with training_args.main_process_first(desc="building the data mixture"):
        built = build_dataset(
            script_args.dataset_mixture,
            output_dir=training_args.output_dir,
            tokenizer=tokenizer,
            max_length=training_args.max_length,  # rows longer are counted, and kept or dropped as the mixture says
        )

    trainer = steps.build_trainer(model_path, tokenizer, built.dataset, training_args, model_args)
    if trainer.is_world_process_zero():
        summary = steps.startup_summary(
            trainer, built.report, template=script_args.chat_template, model_path=model_path, recipe_path=recipe_path
        )
        print(summary, flush=True)

    checkpoint = training_args.resume_from_checkpoint or steps.last_complete_checkpoint(training_args.output_dir)
    if checkpoint is not None:
        logger.info("Resuming from %s (global step continues from there).", checkpoint)
    result = trainer.train(resume_from_checkpoint=checkpoint)
    trainer.log_metrics("train", result.metrics)
    trainer.save_metrics("train", result.metrics)
    trainer.save_state()

    # The template ends each reply with the tokenizer's EOS; without this, generation runs to max_new_tokens.
    steps.set_generation_eos(trainer.model, tokenizer)
    trainer.save_model(training_args.output_dir)  # safetensors; gathers ZeRO-3 shards on every process
    if trainer.is_world_process_zero():
        tokenizer.save_pretrained(training_args.output_dir)  # carries the chat template to TGI / vLLM / load_chat
        if script_args.merge_lora:
            steps.merge_lora_folder(training_args.output_dir, model_path, tokenizer, model_args)
        if script_args.model_card:
            steps.write_model_card(
                training_args.output_dir,
                base_model=steps.base_model_id(model_args.model_name_or_path),
                model_type=trainer.model.config.model_type,
                template=script_args.chat_template,
                report=built.report,
                training_args=training_args,
                model_args=model_args,
                merged=script_args.merge_lora,
            )
        if script_args.plot_loss:
            steps.plot_loss(trainer.state.log_history, training_args.output_dir)
        logger.info("Model, tokenizer and card saved to %s.", training_args.output_dir)
    trainer.accelerator.wait_for_everyone()
    if training_args.push_to_hub and trainer.is_world_process_zero():
        url = steps.push_to_hub(training_args, commit_message=f"llmzoo-hf SFT ({recipe_path.name})")
        logger.info("Pushed to %s.", url)
    return 0


def _cli() -> int:
    """Run :func:`main`, printing a recipe mistake as one error line instead of a traceback."""
    from .errors import ConfigError, DataError, DeltaFolderError, TemplateError, TemplateNotFoundError

    try:
        return main()
    except (ConfigError, DataError, DeltaFolderError, TemplateError, TemplateNotFoundError, FileNotFoundError) as exc:
        print(f"llmzoo_hf.sft: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(_cli())
