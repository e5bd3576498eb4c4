"""Turn one raw record (phoenix-sft conversation, Alpaca instruction, user-centered instruction, messages) into
chat ``messages``, or say precisely why the record is unusable."""

from __future__ import annotations

from typing import Any

LAYOUTS = ("auto", "conversation", "alpaca", "user_centered", "messages")

# Every reason a row can be rejected for; reports always list all of them (zeros included) so they compare.
REJECT_REASONS = (
    "invalid_json",
    "wrong_type",
    "missing_field",
    "unknown_layout",
    "no_turns",
    "unknown_speaker",
    "not_alternating",
    "empty_text",
    "no_reply",
)

_SPEAKER_TO_ROLE = {"human": "user", "gpt": "assistant", "system": "system"}
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


def _from_conversation(record: dict[str, Any]) -> list[dict[str, str]]:
    turns = record["conversations"]
    if not isinstance(turns, list):
        raise BadRow("wrong_type", f"'conversations' must be a list, got {type(turns).__name__}")
    if not turns:
        raise BadRow("no_turns", "'conversations' is empty")
    messages = []
    for index, turn in enumerate(turns):
        if not isinstance(turn, dict):
            raise BadRow("wrong_type", f"conversations[{index}] must be an object, got {type(turn).__name__}")
        if "from" not in turn or "value" not in turn:
            raise BadRow("missing_field", f"conversations[{index}] needs 'from' and 'value', has {sorted(turn)}")
        speaker = turn["from"]
        role = _SPEAKER_TO_ROLE.get(speaker) if isinstance(speaker, str) else None
        if role is None or (role == "system" and index != 0):
            raise BadRow(
                "unknown_speaker",
                f"conversations[{index}].from is {speaker!r}; expected 'human' or 'gpt' ('system' first only)",
            )
        messages.append({"role": role, "content": _text(turn["value"], f"conversations[{index}].value")})
    return messages


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


def to_messages(record: Any, layout: str = "auto") -> tuple[list[dict[str, str]], bool]:
    """Convert one raw record to chat messages.

    Args:
        record: one row as parsed from JSON.
        layout: one of :data:`LAYOUTS`; ``auto`` judges by the keys.

    Returns:
        ``(messages, trimmed)``; ``trimmed`` is True when a trailing unanswered user turn was dropped.

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
    if layout == "conversation":
        messages = _from_conversation(record)
    elif layout == "messages":
        messages = _from_messages(record)
    else:
        if layout == "user_centered":
            _text(record["role"], "'role'")
        messages = _from_instruction(record)
    checked = _check_turns(messages)
    return checked, len(checked) != len(messages)
