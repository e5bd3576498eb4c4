"""The llmzoo-hf Gradio Space: chat with the zoo's endpoints, and an arena that records human votes.

Configuration comes from the environment (so the same ``spaces/chat/app.py`` runs on a Space and locally):

- ``LLMZOO_ENDPOINTS``: ``name=url,name2=url2`` OpenAI-compatible endpoints (``llmzoo serve``, TGI, vLLM,
  Inference Endpoints). Names found in the zoo (``llmzoo zoo list``) are shown with their display name.
- ``HF_TOKEN``: optional bearer token for the endpoints (found by ``huggingface_hub``; never shown).
- ``LLMZOO_MODEL``: with no endpoint, the model run in-process (default: the embedded SmolLM2-135M-Instruct).
- ``LLMZOO_VOTES``: the arena's JSONL vote file (default ``./arena_votes.jsonl``).

Votes are one JSON object per line: ``{"question", "model_a", "model_b", "answer_a", "answer_b",
"winner": "model_a"|"model_b"|"tie", "lang", "timestamp"}`` — the human-evaluation tallies the eval module reads.
The arena cannot be fed forged votes: each round's question and answers are the ones this server generated, kept
server-side under a random round id (:class:`ArenaRounds`); a vote names only the round and the winner, and a round
takes one vote. ``model_a`` / ``model_b`` are the endpoint (model) names, never the picker's display labels.

Abuse limits (:class:`SpaceConfig`): a message longer than ``max_input_chars``, or a conversation longer than the
in-process model's context, is refused with a note in the chat before any work; a reply is cut at ``max_seconds``;
requests beyond ``concurrency`` wait in Gradio's queue, which shows each user their place.
gradio is imported only by :func:`build_demo` (``pip install llmzoo-hf[space]``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ._embedded import EMBEDDED_MODEL_NAME
from .chat import GenerationSettings
from .client import ChatClient, EndpointConfig, parse_endpoints

logger = logging.getLogger(__name__)
# The sliders start at the library's generation defaults.
_GENERATION = GenerationSettings()

__all__ = [
    "SpaceConfig",
    "ArenaRounds",
    "VoteError",
    "build_demo",
    "record_vote",
    "read_votes",
    "launch",
    "EXAMPLE_PROMPTS",
]

WINNERS = ("model_a", "model_b", "tie")
EXAMPLE_PROMPTS = [
    "What is the capital of France?",
    "请用三句话介绍一下长城。",
    "¿Cuáles son los beneficios de hacer ejercicio todos los días?",
    "Quels sont les avantages de la lecture ?",
    "ما هي عاصمة المملكة العربية السعودية؟",
    "भारत की राजधानी क्या है?",
    "日本の有名な料理を三つ教えてください。",
    "한국의 전통 음식에 대해 알려주세요.",
    "Расскажи коротко о Москве.",
    "Was ist die Hauptstadt von Deutschland?",
]
# Each message follows its own writing direction (Arabic right-to-left, the rest left-to-right).
CSS = ".message, .prose, textarea { unicode-bidi: plaintext; text-align: start; }"
# Notes the Space adds to the chat (refusals, failures) carry this title; they are never sent to a model.
NOTE_TITLE = "⚠️ Not sent"
# Environment variables that override a SpaceConfig field (the field's type converts the text).
_ENV_FIELDS = {"LLMZOO_MAX_INPUT_CHARS": "max_input_chars", "LLMZOO_MAX_SECONDS": "max_seconds"}


@dataclass
class SpaceConfig:
    """Where the Space's answers come from, where the arena's votes go, and the limits that keep it responsive."""

    endpoints: dict[str, str] = field(default_factory=dict, metadata={"help": "name -> OpenAI-compatible URL."})
    token: str | None = field(default=None, metadata={"help": "Bearer token for the endpoints (None: HF_TOKEN)."})
    model: str | None = field(default=None, metadata={"help": "In-process model when there is no endpoint."})
    votes_path: Path = field(default=Path("arena_votes.jsonl"), metadata={"help": "Arena vote JSONL file."})
    max_new_tokens: int = field(default=256, metadata={"help": "Default of the max-tokens slider."})
    timeout: float | None = field(default=300.0, metadata={"help": "Seconds per endpoint request."})
    max_input_chars: int = field(
        default=32_000,
        metadata={"help": "Longest message accepted, in characters ($LLMZOO_MAX_INPUT_CHARS); longer is refused."},
    )
    max_seconds: float = field(
        default=120.0, metadata={"help": "A reply is cut after this many seconds ($LLMZOO_MAX_SECONDS)."}
    )
    concurrency: int = field(
        default=8,
        metadata={"help": "Replies generated at once from endpoints; more wait in the queue (in-process: 1)."},
    )

    def __post_init__(self) -> None:
        for name in ("max_input_chars", "max_seconds", "concurrency"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name}={getattr(self, name)} must be > 0.")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> SpaceConfig:
        """Read ``LLMZOO_ENDPOINTS``, ``HF_TOKEN``, ``LLMZOO_MODEL``, ``LLMZOO_VOTES`` and the limit variables."""
        env = os.environ if environ is None else environ
        types = {f.name: f.type for f in fields(cls)}
        limits = {}
        for var, name in _ENV_FIELDS.items():
            if env.get(var):
                convert = float if "float" in str(types[name]) else int
                try:
                    limits[name] = convert(env[var])
                except ValueError:
                    raise ValueError(f"{var}={env[var]!r} is not a number.") from None
        return cls(
            endpoints=parse_endpoints(env.get("LLMZOO_ENDPOINTS")),
            token=env.get("HF_TOKEN") or None,
            model=env.get("LLMZOO_MODEL") or None,
            votes_path=Path(env.get("LLMZOO_VOTES") or "arena_votes.jsonl"),
            **limits,
        )


def record_vote(
    path: str | Path,
    *,
    question: str,
    model_a: str,
    model_b: str,
    answer_a: str,
    answer_b: str,
    winner: str,
    lang: str | None = None,
) -> dict[str, Any]:
    """Append one arena vote to the JSONL file at ``path`` and return the record.

    The Space calls this only through :meth:`ArenaRounds.vote`, with answers it generated itself.

    Raises:
        ValueError: ``winner`` is not ``model_a``, ``model_b`` or ``tie``.
    """
    if winner not in WINNERS:
        raise ValueError(f"winner={winner!r} must be one of {', '.join(WINNERS)}.")
    if lang is None:
        from .data import detect_language

        lang = detect_language(question)
    record = {
        "question": question,
        "model_a": model_a,
        "model_b": model_b,
        "answer_a": answer_a,
        "answer_b": answer_b,
        "winner": winner,
        "lang": lang,
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False) + "\n"
    # one write of one whole line in append mode: concurrent voters never interleave within a line
    with _VOTE_LOCK, path.open("a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    return record


_VOTE_LOCK = threading.Lock()


def read_votes(path: str | Path) -> list[dict[str, Any]]:
    """Read the arena votes written by :func:`record_vote` (a missing file has none)."""
    path = Path(path)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class VoteError(ValueError):
    """A vote that cannot be taken: unknown round, answers still coming, a failed answer, or already voted."""


@dataclass
class _Round:
    question: str
    model_a: str
    model_b: str
    answer_a: str = ""
    answer_b: str = ""
    complete: bool = False
    failed: str = ""
    voted: bool = False


class ArenaRounds:
    """The arena rounds this server ran, keyed by an unguessable round id: question, model names and answers.

    A vote carries only the round id and the winner; what gets recorded comes from here, so a client cannot
    put words in a model's mouth. The oldest rounds are forgotten past ``max_rounds``.
    """

    def __init__(self, votes_path: str | Path, *, max_rounds: int = 10_000):
        self.votes_path = Path(votes_path)
        self.max_rounds = max_rounds
        self._rounds: OrderedDict[str, _Round] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, question: str, model_a: str, model_b: str) -> str:
        """Open a round and return its id."""
        round_id = secrets.token_urlsafe(16)
        with self._lock:
            self._rounds[round_id] = _Round(question, model_a, model_b)
            while len(self._rounds) > self.max_rounds:
                self._rounds.popitem(last=False)
        return round_id

    def update(self, round_id: str, answer_a: str, answer_b: str, *, complete: bool = False, failed: str = "") -> None:
        """Store the answers generated so far (``complete`` once both are in; ``failed`` names a failure)."""
        with self._lock:
            entry = self._rounds[round_id]
            entry.answer_a, entry.answer_b, entry.complete, entry.failed = answer_a, answer_b, complete, failed

    def vote(self, round_id: str, winner: str) -> dict[str, Any]:
        """Record the vote ``winner`` for round ``round_id`` (once) and return the vote record.

        Raises:
            VoteError: the round is unknown (never run here, or forgotten), still answering, failed or voted.
            ValueError: ``winner`` is not ``model_a``, ``model_b`` or ``tie``.
        """
        if winner not in WINNERS:
            raise ValueError(f"winner={winner!r} must be one of {', '.join(WINNERS)}.")
        with self._lock:
            entry = self._rounds.get(str(round_id))
            if entry is None:
                raise VoteError(
                    f"Unknown arena round {str(round_id)[:40]!r}: votes are taken only for rounds this Space ran. "
                    "Ask both models first."
                )
            if entry.failed:
                raise VoteError(f"No vote for this round: {entry.failed}")
            if not entry.complete:
                raise VoteError("The answers of this round are still coming; vote when both are in.")
            if entry.voted:
                raise VoteError("This round already has a vote; ask a new question to vote again.")
            entry.voted = True
        return record_vote(
            self.votes_path,
            question=entry.question,
            model_a=entry.model_a,
            model_b=entry.model_b,
            answer_a=entry.answer_a,
            answer_b=entry.answer_b,
            winner=winner,
        )


def _zoo_labels(names: list[str]) -> dict[str, str]:
    """Map each endpoint name to its picker label: the zoo's display name when the zoo knows it."""
    labels = {name: name for name in names}
    try:
        from .zoo import load_catalog

        catalog = load_catalog()
    except Exception as exc:  # a broken user catalog must not take the Space down; the names still work
        logger.warning("zoo catalog unavailable for the model picker: %s", exc)
        return labels
    for name in names:
        entry = catalog.find(name)
        if entry is not None:
            details = ", ".join(x for x in (entry.backbone, entry.parameters) if x)
            labels[name] = f"{entry.display_name} ({details})" if details else entry.display_name
    return labels


class _Backends:
    """Streams replies from named endpoints, or from an in-process model when no endpoint is configured."""

    def __init__(self, config: SpaceConfig):
        self.config = config
        self._session = None
        self._session_lock = threading.Lock()
        if config.endpoints:
            self.names = list(config.endpoints)
        else:
            self.names = [config.model or f"{EMBEDDED_MODEL_NAME} (in-process)"]
        self.labels = _zoo_labels(self.names)

    def _local_session(self):
        with self._session_lock:
            if self._session is None:
                from .chat import load_chat

                self._session = load_chat(self.config.model)
            return self._session

    def check_name(self, name: str) -> None:
        """Raise ``ValueError`` unless ``name`` is one of the configured models."""
        if name not in self.names:
            raise ValueError(f"Unknown model {name!r}; configured: {', '.join(self.names)}.")

    def check_length(self, messages: list[dict[str, str]], *, max_tokens: int) -> str | None:
        """Return why ``messages`` cannot be sent (too long), or None when they can.

        The last message is measured in characters against ``max_input_chars`` before anything else; for the
        in-process model the rendered conversation plus ``max_tokens`` is then measured against its context.
        """
        chars = len(messages[-1]["content"]) if messages else 0
        if chars > self.config.max_input_chars:
            return (
                f"Your message is {chars:,} characters long; this Space accepts at most "
                f"{self.config.max_input_chars:,}. Shorten it and send it again."
            )
        if self.config.endpoints:
            return None  # the endpoint knows its own context and answers 400 when it is exceeded
        session = self._local_session()
        text = session.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        tokens = len(session.tokenizer(text, add_special_tokens=False)["input_ids"])
        context = getattr(session.model.config, "max_position_embeddings", None)
        if context and tokens + max_tokens > context:
            return (
                f"The conversation is {tokens:,} tokens and {max_tokens:,} new tokens are asked for, but the model "
                f"reads at most {context:,} tokens. Shorten the message, clear the chat or lower Max new tokens."
            )
        return None

    def stream(self, name: str, messages: list[dict[str, str]], *, temperature: float, top_p: float, max_tokens: int):
        """Yield the reply's complete-UTF-8 text pieces from the model called ``name``, for ``max_seconds`` at most.

        Raises:
            RuntimeError: the endpoint (or in-process model) failed; the message names it and its URL.
        """
        self.check_name(name)
        deadline = time.monotonic() + self.config.max_seconds
        with contextlib.closing(self._pieces(name, messages, temperature, top_p, max_tokens)) as pieces:
            try:
                for piece in pieces:
                    yield piece
                    if time.monotonic() > deadline:
                        yield f"\n\n[stopped: a reply may take {self.config.max_seconds:g} s at most]"
                        return
            except Exception as exc:
                where = (
                    f"endpoint {name} ({self.config.endpoints[name]})" if self.config.endpoints else f"model {name}"
                )
                raise RuntimeError(f"The {where} failed: {exc}") from exc

    def _pieces(self, name: str, messages, temperature: float, top_p: float, max_tokens: int) -> Iterator[str]:
        if self.config.endpoints:
            endpoint = EndpointConfig(base_url=self.config.endpoints[name], timeout=self.config.timeout)
            with ChatClient(endpoint, api_key=self.config.token) as client:
                yield from client.stream_text(messages, temperature=temperature, top_p=top_p, max_tokens=max_tokens)
            return
        session = self._local_session()
        # one in-process model: answer one request at a time (generate is not re-entrant on shared weights); the
        # Space's queue already lets one in-process event run at a time, so this lock only orders the arena's pair
        with self._session_lock:
            yield from session.stream_messages(
                messages, temperature=temperature, top_p=top_p, max_new_tokens=max_tokens
            )


def _history_messages(history: list[Any]) -> list[dict[str, str]]:
    """Turn Gradio's messages-format history into plain ``{"role", "content"}`` text messages (notes left out)."""
    messages = []
    for item in history:
        role = item.get("role") if isinstance(item, dict) else getattr(item, "role", None)
        content = item.get("content") if isinstance(item, dict) else getattr(item, "content", None)
        metadata = (item.get("metadata") if isinstance(item, dict) else getattr(item, "metadata", None)) or {}
        if isinstance(content, list):  # gradio 6 may hand content as parts
            content = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
        if metadata.get("title") == NOTE_TITLE:
            continue
        if role in ("user", "assistant") and isinstance(content, str):
            messages.append({"role": role, "content": content})
    return messages


def _note(text: str) -> dict[str, Any]:
    """Return a chat message that shows ``text`` to the user and is never sent to a model."""
    return {"role": "assistant", "content": text, "metadata": {"title": NOTE_TITLE}}


def _stream_both(
    backends: _Backends, name_a: str, name_b: str, messages, settings, failures: list[str] | None = None
) -> Iterator[tuple[str, str]]:
    """Run two models at once and yield both growing answers after each new piece (failures are appended)."""
    events: queue.Queue = queue.Queue()

    def run(slot: int, name: str) -> None:
        try:
            for piece in backends.stream(name, messages, **settings):
                events.put((slot, piece))
        except Exception as exc:
            events.put((slot, f"\n\n[error: {exc}]"))
            if failures is not None:
                failures.append(str(exc))
        finally:
            events.put((slot, None))

    for slot, name in enumerate((name_a, name_b)):
        threading.Thread(target=run, args=(slot, name), daemon=True).start()
    answers, running = ["", ""], 2
    while running:
        slot, piece = events.get()
        if piece is None:
            running -= 1
            continue
        answers[slot] += piece
        yield answers[0], answers[1]


ARENA_READY = "Both answers are in: which one is better?"
ARENA_WAITING = "⏳ Asking both models…"
GENERATING = "⏳ Generating…"
STOPPED = "Stopped."


def build_demo(config: SpaceConfig | None = None):
    """Build the Space's Gradio app (a ``gr.Blocks``, queue configured): a Chat tab and an Arena tab.

    Raises:
        ImportError: gradio is not installed (``pip install llmzoo-hf[space]``).
    """
    from .errors import require

    require("gradio", extra="space", feature="the llmzoo Space")
    import gradio as gr

    config = config or SpaceConfig.from_env()
    backends = _Backends(config)
    rounds = ArenaRounds(config.votes_path)
    choices = [(backends.labels[name], name) for name in backends.names]
    source = (
        f"{len(config.endpoints)} endpoint(s): {', '.join(config.endpoints)}"
        if config.endpoints
        else "no endpoint configured (LLMZOO_ENDPOINTS): the model runs inside this Space"
    )
    # Endpoints answer many requests at once; the in-process model one at a time, in a queue shared by both tabs
    # (Gradio shows each waiting user their place).
    limits = (
        {"concurrency_limit": config.concurrency}
        if config.endpoints
        else {"concurrency_limit": 1, "concurrency_id": "in-process-model"}
    )

    with gr.Blocks(title="LLM Zoo chat") as demo:
        gr.Markdown(f"# 🦁 LLM Zoo chat\nMultilingual chat models on the Hugging Face stack. Answers from {source}.")
        settings = _chat_tab(gr, backends, config, choices, limits)
        _arena_tab(gr, backends, rounds, choices, limits, settings)
        from .eval.leaderboard import leaderboard_tab

        leaderboard_tab(votes_path=config.votes_path)  # eval results from LLMZOO_RESULTS, arena votes as human eval
    demo.queue(default_concurrency_limit=config.concurrency)
    return demo


class _StopRequests:
    """Stop and Clear ask the running reply of their browser session to end at its next piece.

    This replaces Gradio's event cancelling, which can leave the page believing the cancelled event still runs.
    """

    def __init__(self) -> None:
        self.asked: dict[str, str] = {}  # session -> "stop" | "clear"

    def ask(self, what: str, request) -> None:
        """Record that the session of ``request`` asked its running reply to ``what`` (stop or clear)."""
        if request is not None and request.session_hash:
            if len(self.asked) > 10_000:  # sessions that pressed Stop with nothing running, then left
                self.asked.clear()
            self.asked[request.session_hash] = what


def _chat_responder(gr, backends: _Backends, stop_requests: dict[str, str]):
    """Return the Chat tab's streaming handler; ``stop_requests`` maps a session to its pending Stop/Clear."""

    def respond(message, history, model_name, system_prompt, temperature, top_p, max_tokens, request: gr.Request):
        """Stream a reply into the chat; on a refusal or failure keep the message in the box and say why."""
        session = request.session_hash if request is not None else None
        stop_requests.pop(session, None)  # a Stop pressed while nothing ran does not stop this reply
        history = list(history or [])
        if not message.strip():
            yield history, message, "Type a message first."
            return
        messages = [{"role": "system", "content": system_prompt}] if system_prompt.strip() else []
        messages += _history_messages(history) + [{"role": "user", "content": message}]
        try:
            backends.check_name(model_name)
            refusal = backends.check_length(messages, max_tokens=int(max_tokens))
        except Exception as exc:
            refusal = str(exc)
        if refusal:
            yield history + [_note(refusal)], message, f"⚠️ {refusal}"
            return
        turn = history + [{"role": "user", "content": message}, {"role": "assistant", "content": ""}]
        yield turn, "", GENERATING
        reply = ""
        try:
            for piece in backends.stream(
                model_name, messages, temperature=temperature, top_p=top_p, max_tokens=int(max_tokens)
            ):
                reply += piece
                turn[-1] = {"role": "assistant", "content": reply}
                asked = stop_requests.pop(session, None)
                if asked == "clear":
                    yield [], gr.skip(), ""
                    return
                if asked == "stop":
                    turn[-1] = {"role": "assistant", "content": reply + " …"}
                    yield turn, gr.skip(), STOPPED
                    return
                # the box and the status are left alone: the user may already be typing the next message
                yield turn, gr.skip(), gr.skip()
        except Exception as exc:  # the endpoint is named in the message; the user's text goes back in the box
            logger.warning("chat request failed: %s", exc)
            yield history + [_note(str(exc))], message, f"⚠️ {exc} Your message is kept: send it again."
            return
        yield turn, gr.skip(), ""

    # gradio finds its Request parameter by annotation; this module's annotations are strings naming a gradio that
    # is imported only inside build_demo, so give it the class itself
    respond.__annotations__["request"] = gr.Request
    return respond


def _chat_tab(gr, backends: _Backends, config: SpaceConfig, choices: list, limits: dict) -> tuple:
    """Build the Chat tab; return its (temperature, top_p, max_tokens) sliders, which the Arena uses too."""
    stops = _StopRequests()
    respond = _chat_responder(gr, backends, stops.asked)
    with gr.Tab("Chat", id="chat"):
        model = gr.Dropdown(choices, value=backends.names[0], label="Model", elem_id="model-picker")
        with gr.Accordion("Settings", open=False):
            system_prompt = gr.Textbox("", label="System prompt", lines=2, elem_id="system-prompt")
            temperature = gr.Slider(
                0.0, 2.0, value=_GENERATION.temperature, step=0.05, label="Temperature", elem_id="temperature"
            )
            top_p = gr.Slider(0.05, 1.0, value=_GENERATION.top_p, step=0.05, label="Top-p")
            max_tokens = gr.Slider(
                1, 2048, value=config.max_new_tokens, step=1, label="Max new tokens", elem_id="max-tokens"
            )
        chatbot = gr.Chatbot(elem_id="chatbot", height=420)
        chat_status = gr.Markdown("", elem_id="chat-status")
        with gr.Row():
            chat_input = gr.Textbox(
                placeholder="Ask in any language…", elem_id="chat-input", show_label=False, scale=6, max_lines=8
            )
            send = gr.Button("Send", variant="primary", elem_id="chat-send", scale=1, min_width=80)
            stop = gr.Button("Stop", variant="stop", elem_id="chat-stop", scale=1, min_width=80)
            clear = gr.Button("Clear", elem_id="chat-clear", scale=1, min_width=80)
        gr.Examples([[p] for p in EXAMPLE_PROMPTS], inputs=[chat_input], label="Examples")
        chat_inputs = [chat_input, chatbot, model, system_prompt, temperature, top_p, max_tokens]
        chat_outputs = [chatbot, chat_input, chat_status]
        send.click(respond, chat_inputs, chat_outputs, api_name="chat", **limits)
        chat_input.submit(respond, chat_inputs, chat_outputs, api_visibility="private", **limits)

        def stop_reply(request: gr.Request):
            stops.ask("stop", request)

        def clear_chat(request: gr.Request):
            stops.ask("clear", request)
            return [], "", ""

        for takes_request in (stop_reply, clear_chat):
            takes_request.__annotations__["request"] = gr.Request  # see respond's
        stop.click(stop_reply, None, None, api_visibility="private", queue=False)
        clear.click(clear_chat, None, chat_outputs, api_visibility="private", queue=False)
    return temperature, top_p, max_tokens


def _arena_tab(gr, backends: _Backends, rounds: ArenaRounds, choices: list, limits: dict, settings: tuple) -> None:
    """Build the Arena tab: two models answer the same question, then the user votes."""
    temperature, top_p, max_tokens = settings
    with gr.Tab("Arena", id="arena"):
        gr.Markdown("Ask two models the same question, then vote. Votes go to the evaluation tallies.")
        with gr.Row():
            model_a = gr.Dropdown(choices, value=backends.names[0], label="Model A", elem_id="arena-model-a")
            model_b = gr.Dropdown(choices, value=backends.names[-1], label="Model B", elem_id="arena-model-b")
        question = gr.Textbox(label="Question", elem_id="arena-question", lines=2)
        ask = gr.Button("Ask both", variant="primary", elem_id="arena-ask")
        with gr.Row():
            answer_a = gr.Textbox(label="Answer A", lines=8, interactive=False, elem_id="arena-answer-a")
            answer_b = gr.Textbox(label="Answer B", lines=8, interactive=False, elem_id="arena-answer-b")
        with gr.Row():
            vote_a = gr.Button("👈 A is better", elem_id="vote-a")
            vote_tie = gr.Button("🤝 Tie", elem_id="vote-tie")
            vote_b = gr.Button("👉 B is better", elem_id="vote-b")
        vote_status = gr.Markdown("", elem_id="vote-status")
        round_id = gr.Textbox("", visible=False, elem_id="arena-round")

        def ask_both(text, name_a, name_b, temp, nucleus, budget):
            if not text.strip():
                raise gr.Error("Type a question first.")
            messages = [{"role": "user", "content": text}]
            try:
                backends.check_name(name_a)
                backends.check_name(name_b)
                refusal = backends.check_length(messages, max_tokens=int(budget))
            except Exception as exc:
                refusal = str(exc)
            if refusal:
                raise gr.Error(refusal)
            settings = {"temperature": temp, "top_p": nucleus, "max_tokens": int(budget)}
            current = rounds.start(text, name_a, name_b)
            yield "", "", ARENA_WAITING, current
            failures: list[str] = []
            a = b = ""
            for a, b in _stream_both(backends, name_a, name_b, messages, settings, failures):
                rounds.update(current, a, b)
                yield a, b, ARENA_WAITING, current
            rounds.update(current, a, b, complete=True, failed="; ".join(failures))
            status = f"⚠️ {'; '.join(failures)} No vote for this round." if failures else ARENA_READY
            yield a, b, status, current

        ask.click(
            ask_both,
            [question, model_a, model_b, temperature, top_p, max_tokens],
            [answer_a, answer_b, vote_status, round_id],
            api_name="arena",
            **limits,
        )

        def vote(round_id: str, winner: str) -> str:
            """Vote for the answers of arena round ``round_id``: winner is model_a, model_b or tie."""
            try:
                record = rounds.vote(round_id, winner)
            except ValueError as exc:
                raise gr.Error(str(exc)) from exc
            return f"Vote recorded: **{record['winner']}** ({record['lang']})."

        gr.api(vote, api_name="vote")
        for button, winner in ((vote_a, "model_a"), (vote_tie, "tie"), (vote_b, "model_b")):
            button.click(lambda r, w=winner: vote(r, w), [round_id], vote_status, api_visibility="private")


def launch(config: SpaceConfig | None = None, *, host: str = "127.0.0.1", port: int | None = None, **kwargs: Any):
    """Build the Space and serve it (blocks until interrupted)."""
    demo = build_demo(config)
    return demo.launch(server_name=host, server_port=port, css=CSS, **kwargs)
