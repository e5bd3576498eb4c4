"""Turn one raw record (phoenix-sft conversation, Alpaca instruction, user-centered instruction, messages) into
chat ``messages``, or say precisely why the record is unusable.

ShareGPT-derived conversations (the ``conversation`` layout) come with the quirks of scraped chats, repaired as
FastChat's cleaning scripts do unless ``repair=False`` (then the structural ones are rejected):

- ``from`` in any case and under the aliases of :data:`SPEAKER_ALIASES` (``Human``, ``user``, ``ChatGPT``, ``bard``);
- HTML scraped with a reply (``<div class="markdown prose"><p>…``), converted to text (see ``_html.py``);
- empty turns between real ones, dropped;
- a conversation that starts with the model's turn (cut from the middle of a chat): that turn is dropped;
- two turns in a row from the same side, merged into one (joined by a blank line).

Each row records which repairs it needed (:data:`REPAIRS`), so the report can say what fraction each touched.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ._html import html_to_text, looks_like_html

LAYOUTS = ("auto", "conversation", "alpaca", "user_centered", "messages")

# Every reason a row can be rejected for; reports always list all of them (zeros included) so they compare.
REJECT_REASONS = (
    "invalid_utf8",
    "invalid_json",
    "wrong_type",
    "missing_field",
    "unknown_layout",
    "no_turns",
    "unknown_speaker",
    "not_alternating",
    "empty_text",
    "no_reply",
    "too_long",
)

# Every repair a conversation row can get, in the order they are applied; reports list all of them.
REPAIRS = ("speaker_renamed", "html_to_text", "empty_turn_dropped", "leading_model_turn_dropped", "same_side_merged")

# `from` values seen in ShareGPT-derived dumps (compared lower-cased); human/gpt/system are the canonical three.
SPEAKER_ALIASES = {
    "human": "user",
    "user": "user",
    "gpt": "assistant",
    "assistant": "assistant",
    "chatgpt": "assistant",
    "bing": "assistant",
    "bard": "assistant",
    "system": "system",
}
_CANONICAL_SPEAKERS = ("human", "gpt", "system")
_ROLES = ("system", "user", "assistant")
_LAYOUT_KEYS = {
    "conversation": ("conversations",),
    "messages": ("messages",),
    "user_centered": ("role", "instruction", "output"),
    "alpaca": ("instruction", "output"),
}


class BadRow(ValueError):
    """A record that cannot become a conversation; ``reason`` is one of :data:`REJECT_REASONS`."""

    def __init__(self, reason: str, detail: str):
        if reason not in REJECT_REASONS:
            raise ValueError(f"unknown reject reason {reason!r}")
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def detect_layout(record: Any) -> str:
    """Return the layout a record is in, judged by its keys.

    Raises:
        BadRow: the record is not a JSON object, or has the keys of no known layout.
    """
    if not isinstance(record, dict):
        raise BadRow("wrong_type", f"expected a JSON object, got {type(record).__name__}")
    for layout, keys in _LAYOUT_KEYS.items():
        if all(k in record for k in keys):
            return layout
    raise BadRow(
        "unknown_layout",
        f"keys {sorted(record)} match no layout (conversations | messages | instruction+output [+role])",
    )


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise BadRow("wrong_type", f"{where} must be a string, got {type(value).__name__}")
    if not value.strip():
        raise BadRow("empty_text", f"{where} is empty")
    return value


def _check_turns(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """Validate the order of turns; return them without a trailing unanswered user turn."""
    body = messages[1:] if messages and messages[0]["role"] == "system" else messages
    if not body:
        raise BadRow("no_turns", "the conversation has no human/gpt turns")
    if not any(m["role"] == "assistant" for m in body):
        raise BadRow("no_reply", "the conversation has no assistant (gpt) reply")
    for index, message in enumerate(body):
        expected = "user" if index % 2 == 0 else "assistant"
        if message["role"] != expected:
            raise BadRow(
                "not_alternating",
                f"turn {index} is {message['role']!r} where {expected!r} was expected "
                "(turns must alternate, starting with the human)",
            )
    if body[-1]["role"] == "user":
        # A final question with no answer teaches nothing; drop that one turn (counted by the caller).
        return messages[:-1]
    return messages


def _from_conversation(record: dict[str, Any], *, repair: bool, repairs: set[str]) -> list[dict[str, str]]:
    turns = record["conversations"]
    if not isinstance(turns, list):
        raise BadRow("wrong_type", f"'conversations' must be a list, got {type(turns).__name__}")
    if not turns:
        raise BadRow("no_turns", "'conversations' is empty")
    messages: list[dict[str, str]] = []
    for index, turn in enumerate(turns):
        if not isinstance(turn, dict):
            raise BadRow("wrong_type", f"conversations[{index}] must be an object, got {type(turn).__name__}")
        if "from" not in turn or "value" not in turn:
            raise BadRow("missing_field", f"conversations[{index}] needs 'from' and 'value', has {sorted(turn)}")
        speaker = turn["from"]
        key = speaker.strip().lower() if isinstance(speaker, str) else None
        role = SPEAKER_ALIASES.get(key) if key is not None else None
        if role is None or (role == "system" and index != 0):
            raise BadRow(
                "unknown_speaker",
                f"conversations[{index}].from is {speaker!r}; expected one of {sorted(SPEAKER_ALIASES)} "
                "(any case; 'system' first only)",
            )
        if speaker not in _CANONICAL_SPEAKERS:
            repairs.add("speaker_renamed")
        where = f"conversations[{index}].value"
        value = turn["value"]
        if not isinstance(value, str):
            raise BadRow("wrong_type", f"{where} must be a string, got {type(value).__name__}")
        if repair and looks_like_html(value):
            value = html_to_text(value)
            repairs.add("html_to_text")
        if repair and not value.strip():
            repairs.add("empty_turn_dropped")
            continue
        messages.append({"role": role, "content": _text(value, where)})
    return _repair_order(messages, repairs) if repair else messages


def _repair_order(messages: list[dict[str, str]], repairs: set[str]) -> list[dict[str, str]]:
    """Drop model turns before the first human one, and merge consecutive turns from the same side."""
    head = messages[:1] if messages and messages[0]["role"] == "system" else []
    body = messages[len(head) :]
    while body and body[0]["role"] == "assistant":
        body = body[1:]
        repairs.add("leading_model_turn_dropped")
    merged: list[dict[str, str]] = []
    for message in body:
        if merged and merged[-1]["role"] == message["role"]:
            merged[-1] = {"role": message["role"], "content": f"{merged[-1]['content']}\n\n{message['content']}"}
            repairs.add("same_side_merged")
        else:
            merged.append(message)
    return head + merged


def _from_messages(record: dict[str, Any]) -> list[dict[str, str]]:
    turns = record["messages"]
    if not isinstance(turns, list):
        raise BadRow("wrong_type", f"'messages' must be a list, got {type(turns).__name__}")
    if not turns:
        raise BadRow("no_turns", "'messages' is empty")
    messages = []
    for index, turn in enumerate(turns):
        if not isinstance(turn, dict):
            raise BadRow("wrong_type", f"messages[{index}] must be an object, got {type(turn).__name__}")
        if "role" not in turn or "content" not in turn:
            raise BadRow("missing_field", f"messages[{index}] needs 'role' and 'content', has {sorted(turn)}")
        role = turn["role"]
        if role not in _ROLES or (role == "system" and index != 0):
            raise BadRow(
                "unknown_speaker", f"messages[{index}].role is {role!r}; expected user/assistant (system first only)"
            )
        messages.append({"role": role, "content": _text(turn["content"], f"messages[{index}].content")})
    return messages


def _from_instruction(record: dict[str, Any]) -> list[dict[str, str]]:
    instruction = _text(record["instruction"], "'instruction'")
    extra_input = record.get("input") or ""
    if not isinstance(extra_input, str):
        raise BadRow("wrong_type", f"'input' must be a string, got {type(extra_input).__name__}")
    output = _text(record["output"], "'output'")
    prompt = f"{instruction}\n\n{extra_input}" if extra_input.strip() else instruction
    return [{"role": "user", "content": prompt}, {"role": "assistant", "content": output}]


class Converted(NamedTuple):
    """A record turned into chat messages, with what was changed on the way."""

    messages: list[dict[str, str]]
    trimmed: bool  # a trailing unanswered user turn was dropped
    repairs: frozenset[str]  # names from REPAIRS


def to_messages(record: Any, layout: str = "auto", *, repair: bool = True) -> Converted:
    """Convert one raw record to chat messages.

    Args:
        record: one row as parsed from JSON.
        layout: one of :data:`LAYOUTS`; ``auto`` judges by the keys.
        repair: repair the quirks of ShareGPT-derived conversations (see the module docstring); when False,
            a conversation needing a structural repair is rejected (``empty_text`` / ``not_alternating``).

    Returns:
        A :class:`Converted` (``messages``, ``trimmed``, ``repairs``).

    Raises:
        BadRow: the record is unusable; ``.reason`` says why.
    """
    if layout == "auto":
        layout = detect_layout(record)
    elif not isinstance(record, dict):
        raise BadRow("wrong_type", f"expected a JSON object, got {type(record).__name__}")
    missing = [k for k in _LAYOUT_KEYS[layout] if k not in record]
    if missing:
        raise BadRow("missing_field", f"the {layout} layout needs {missing}, the record has {sorted(record)}")
    repairs: set[str] = set()
    if layout == "conversation":
        messages = _from_conversation(record, repair=repair, repairs=repairs)
    elif layout == "messages":
        messages = _from_messages(record)
    else:
        if layout == "user_centered":
            _text(record["role"], "'role'")
        messages = _from_instruction(record)
    checked = _check_turns(messages)
    return Converted(checked, len(checked) != len(messages), frozenset(repairs))
