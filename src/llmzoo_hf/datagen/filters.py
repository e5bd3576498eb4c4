"""Reading a model's generated tasks tolerantly, and rejecting unusable or duplicate ones."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError

# Replies that decline instead of doing the task; such samples teach refusals, not instruction following.
REFUSAL = re.compile(
    r"\b(as an ai\b|as a language model|i'?m sorry|i am sorry|i cannot\b|i can'?t\b|i can not\b|"
    r"i am unable|i'?m unable|i apologi[sz]e)",
    re.IGNORECASE,
)
_NO_INPUT = {"", "none", "n/a", "na", "<noinput>", "no input", "null", "-", "empty"}
_FIELD_LINE = re.compile(
    r"^\s*(?:\d+\s*[.)]\s*|[-*]\s*)?\**\s*(role|user role|persona|instruction|task|input|context)\s*\**\s*[:：]\s*(.*)$",
    re.IGNORECASE,
)
_FIELD_ALIASES = {"user role": "role", "persona": "role", "task": "instruction", "context": "input"}


# --------------------------------------------------------------------------------------------------- parsing


def _strip_fences(text: str) -> str:
    return re.sub(r"```[a-zA-Z]*", "", text).strip()


def _sample_from(item: Any) -> dict[str, str] | None:
    if isinstance(item, str):
        return {"role": "", "instruction": item.strip(), "input": ""}
    if not isinstance(item, dict):
        return None
    lowered = {str(k).strip().lower(): v for k, v in item.items()}
    for alias, name in _FIELD_ALIASES.items():
        if alias in lowered and name not in lowered:
            lowered[name] = lowered[alias]
    if "instruction" not in lowered:
        return None
    sample = {}
    for name in ("role", "instruction", "input"):
        value = lowered.get(name)
        sample[name] = value.strip() if isinstance(value, str) else ("" if value is None else str(value))
    if sample["input"].lower() in _NO_INPUT:
        sample["input"] = ""
    return sample


def _json_candidates(text: str) -> list[Any]:
    for candidate in (text, text[text.find("[") : text.rfind("]") + 1], text[text.find("{") : text.rfind("}") + 1]):
        if not candidate:
            continue
        try:
            data = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and isinstance(data.get("tasks"), list):
            data = data["tasks"]
        return data if isinstance(data, list) else [data]
    # Several objects one after another (JSON Lines, or a list with a broken comma): take each flat object.
    items = []
    for match in re.finditer(r"\{[^{}]*\}", text):
        try:
            items.append(json.loads(match.group(0)))
        except json.JSONDecodeError:
            continue
    return items


def parse_samples(text: str) -> list[dict[str, str]]:
    """Parse a model's reply into ``{role, instruction, input}`` samples, tolerantly.

    Reads a JSON list/object (inside code fences or not), JSON lines, or ``Role: / Instruction: / Input:``
    labelled lines (numbered or bulleted, multi-line values continued on following lines).
    """
    text = _strip_fences(text)
    samples = [s for s in (_sample_from(item) for item in _json_candidates(text)) if s is not None]
    if samples:
        return samples
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    last_field = None
    for line in text.splitlines():
        match = _FIELD_LINE.match(line)
        if match:
            name = _FIELD_ALIASES.get(match.group(1).lower(), match.group(1).lower())
            # A repeated field, or a role after an instruction, starts the next sample.
            if name in current or (name == "role" and "instruction" in current):
                blocks.append(current)
                current = {}
            current[name] = match.group(2).strip()
            last_field = name
        elif last_field is not None and line.strip():
            current[last_field] = (current[last_field] + "\n" + line.strip()).strip()
    blocks.append(current)
    return [s for s in (_sample_from(b) for b in blocks if b) if s is not None]


# --------------------------------------------------------------------------------------------------- filtering


def normalize_text(text: str) -> str:
    """Lower-case, drop punctuation and collapse whitespace (what de-duplication compares)."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


class Deduplicator:
    """Accept texts that are neither equal (after :func:`normalize_text`) nor similar to one accepted before.

    Similarity is difflib's ``SequenceMatcher.ratio`` (2 x matching characters / total characters), the cheap
    upper bounds ``real_quick_ratio``/``quick_ratio`` skipping most pairs. The check is linear per text, so
    quadratic overall: fine for the tens of thousands of instructions a self-instruct run keeps.
    """

    def __init__(self, threshold: float = 0.7):
        if not 0 < threshold <= 1:
            raise ConfigError(f"similarity threshold={threshold} must be in (0, 1].")
        self.threshold = threshold
        self._seen: set[str] = set()
        self._kept: list[str] = []

    def add(self, text: str) -> bool:
        """Return True and remember ``text`` when it is new; False when it duplicates an earlier one."""
        normal = normalize_text(text)
        if normal in self._seen:
            return False
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(normal)
        for other in self._kept:
            matcher.set_seq1(other)
            if (
                matcher.real_quick_ratio() >= self.threshold
                and matcher.quick_ratio() >= self.threshold
                and matcher.ratio() >= self.threshold
            ):
                return False
        self._seen.add(normal)
        self._kept.append(normal)
        return True


def reject_reason(sample: Mapping[str, str], *, max_chars: int) -> str | None:
    """Return why a generated sample is unusable (``empty``, ``too_long``, ``refusal``), or None to keep it."""
    instruction = sample.get("instruction", "")
    if not instruction.strip():
        return "empty"
    if len(instruction) + len(sample.get("input", "")) > max_chars:
        return "too_long"
    if REFUSAL.search(instruction):
        return "refusal"
    return None
