"""The chat messages data generation sends: answer a task, write new tasks, write a user's request, translate."""

from __future__ import annotations

import json
from collections.abc import Mapping

from .tasks import language_name

# --------------------------------------------------------------------------------------------------- prompts


def user_prompt(instruction: str, extra_input: str) -> str:
    # The same joining as the dataset builder's, so the model answers exactly what training will show.
    return f"{instruction}\n\n{extra_input}" if extra_input.strip() else instruction


def answer_messages(task: Mapping[str, str], *, lang: str | None = None) -> list[dict[str, str]]:
    """Return the messages asking the model to answer one task (as its persona's assistant, in ``lang``)."""
    system = "You are a helpful, detailed and polite assistant."
    if task.get("role"):
        system += f" The user is {task['role']}; answer with their needs in mind."
    if lang:
        system += f" Answer in {language_name(lang)}."
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": user_prompt(task["instruction"], task.get("input", ""))},
    ]


def self_instruct_messages(examples: list[Mapping[str, str]], n: int) -> list[dict[str, str]]:
    """Return the messages asking for ``n`` new tasks in the style of ``examples``."""
    shown = "\n".join(
        json.dumps(
            {"role": e.get("role", ""), "instruction": e["instruction"], "input": e.get("input", "")},
            ensure_ascii=False,
        )
        for e in examples
    )
    prompt = (
        f"Come up with {n} new, diverse tasks that a user could ask an AI assistant. Each task has a role (who the "
        "user is), an instruction, and an input (text the instruction works on; empty when not needed). Vary the "
        "topics, the kinds of task and the wording; make them different from the examples and from each other, "
        "and answerable in text alone.\n\n"
        f"Examples:\n{shown}\n\n"
        f'Reply with a JSON list of {n} objects with the keys "role", "instruction" and "input", and nothing else.'
    )
    return [{"role": "user", "content": prompt}]


def role_instruction_messages(role: str) -> list[dict[str, str]]:
    """Return the messages asking for one request that a user with ``role`` would make."""
    prompt = (
        f"Write one realistic request that {role} might ask an AI assistant, with an input (text the request works "
        'on) if it needs one. Reply with a JSON object with the keys "instruction" and "input", and nothing else.'
    )
    return [{"role": "user", "content": prompt}]


def translate_messages(task: Mapping[str, str], *, source_lang: str, target_lang: str) -> list[dict[str, str]]:
    """Return the messages asking to translate a task's instruction and input from one language to another."""
    prompt = (
        f"Translate the instruction and the input below from {language_name(source_lang)} into "
        f"{language_name(target_lang)}. Translate faithfully; keep code, numbers, names and formatting as they "
        "are, and do not carry out the instruction. Leave an empty input empty. Reply with a JSON object with the "
        'keys "instruction" and "input", and nothing else.\n\n'
        + json.dumps({"instruction": task["instruction"], "input": task.get("input", "")}, ensure_ascii=False)
    )
    return [{"role": "system", "content": "You are a professional translator."}, {"role": "user", "content": prompt}]
