"""The llmzoo-hf Gradio Space: chat with the zoo's endpoints, and an arena that records human votes.

Configuration comes from the environment (so the same ``spaces/chat/app.py`` runs on a Space and locally):

- ``LLMZOO_ENDPOINTS``: ``name=url,name2=url2`` OpenAI-compatible endpoints (``llmzoo serve``, TGI, vLLM,
  Inference Endpoints). Names found in the zoo (``llmzoo zoo list``) are shown with their display name.
- ``HF_TOKEN``: optional bearer token for the endpoints (found by ``huggingface_hub``; never shown).
- ``LLMZOO_MODEL``: with no endpoint, the model run in-process (default: the embedded SmolLM2-135M-Instruct).
- ``LLMZOO_VOTES``: the arena's JSONL vote file (default ``./arena_votes.jsonl``).

Votes are one JSON object per line: ``{"question", "model_a", "model_b", "answer_a", "answer_b",
"winner": "model_a"|"model_b"|"tie", "lang", "timestamp"}`` — the human-evaluation tallies the eval module reads.
gradio is imported only by :func:`build_demo` (``pip install llmzoo-hf[space]``).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .client import ChatClient, EndpointConfig
from .serve import parse_endpoints

logger = logging.getLogger(__name__)

__all__ = ["SpaceConfig", "build_demo", "record_vote", "read_votes", "launch", "EXAMPLE_PROMPTS"]

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


@dataclass
class SpaceConfig:
    """Where the Space's answers come from and where the arena's votes go."""

    endpoints: dict[str, str] = field(default_factory=dict, metadata={"help": "name -> OpenAI-compatible URL."})
    token: str | None = field(default=None, metadata={"help": "Bearer token for the endpoints (None: HF_TOKEN)."})
    model: str | None = field(default=None, metadata={"help": "In-process model when there is no endpoint."})
    votes_path: Path = field(default=Path("arena_votes.jsonl"), metadata={"help": "Arena vote JSONL file."})
    max_new_tokens: int = field(default=256, metadata={"help": "Default of the max-tokens slider."})
    timeout: float | None = field(default=300.0, metadata={"help": "Seconds per endpoint request."})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> SpaceConfig:
        """Read ``LLMZOO_ENDPOINTS``, ``HF_TOKEN``, ``LLMZOO_MODEL`` and ``LLMZOO_VOTES``."""
        env = os.environ if environ is None else environ
        return cls(
            endpoints=parse_endpoints(env.get("LLMZOO_ENDPOINTS")),
            token=env.get("HF_TOKEN") or None,
            model=env.get("LLMZOO_MODEL") or None,
            votes_path=Path(env.get("LLMZOO_VOTES") or "arena_votes.jsonl"),
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
            self.names = [config.model or "SmolLM2-135M-Instruct (in-process)"]
        self.labels = _zoo_labels(self.names)

    def _local_session(self):
        with self._session_lock:
            if self._session is None:
                from .chat import load_chat

                self._session = load_chat(self.config.model)
            return self._session

    def stream(self, name: str, messages: list[dict[str, str]], *, temperature: float, top_p: float, max_tokens: int):
        """Yield the reply's complete-UTF-8 text pieces from the model called ``name``."""
        if self.config.endpoints:
            if name not in self.config.endpoints:
                raise ValueError(f"Unknown model {name!r}; configured: {', '.join(self.config.endpoints)}.")
            endpoint = EndpointConfig(base_url=self.config.endpoints[name], timeout=self.config.timeout)
            with ChatClient(endpoint, api_key=self.config.token) as client:
                yield from client.stream_text(messages, temperature=temperature, top_p=top_p, max_tokens=max_tokens)
            return
        session = self._local_session()
        # one in-process model: answer one request at a time (generate is not re-entrant on shared weights)
        with self._session_lock:
            yield from session.stream_messages(
                messages, temperature=temperature, top_p=top_p, max_new_tokens=max_tokens
            )


def _history_messages(history: list[Any]) -> list[dict[str, str]]:
    """Turn Gradio's messages-format history into plain ``{"role", "content"}`` text messages."""
    messages = []
    for item in history:
        role = item.get("role") if isinstance(item, dict) else getattr(item, "role", None)
        content = item.get("content") if isinstance(item, dict) else getattr(item, "content", None)
        if isinstance(content, list):  # gradio 6 may hand content as parts
            content = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
        if role in ("user", "assistant") and isinstance(content, str):
            messages.append({"role": role, "content": content})
    return messages


def _stream_both(backends: _Backends, name_a: str, name_b: str, messages, settings) -> Iterator[tuple[str, str]]:
    """Run two models at once and yield both growing answers after each new piece."""
    events: queue.Queue = queue.Queue()

    def run(slot: int, name: str) -> None:
        try:
            for piece in backends.stream(name, messages, **settings):
                events.put((slot, piece))
        except Exception as exc:
            events.put((slot, f"\n\n[error: {exc}]"))
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


def build_demo(config: SpaceConfig | None = None):
    """Build the Space's Gradio app (a ``gr.Blocks``): a Chat tab and an Arena tab.

    Raises:
        ImportError: gradio is not installed (``pip install llmzoo-hf[space]``).
    """
    from .errors import require

    require("gradio", extra="space", feature="the llmzoo Space")
    import gradio as gr

    config = config or SpaceConfig.from_env()
    backends = _Backends(config)
    choices = [(backends.labels[name], name) for name in backends.names]
    source = (
        f"{len(config.endpoints)} endpoint(s): {', '.join(config.endpoints)}"
        if config.endpoints
        else "no endpoint configured (LLMZOO_ENDPOINTS): the model runs inside this Space"
    )

    def respond(message, history, model_name, system_prompt, temperature, top_p, max_tokens):
        messages = [{"role": "system", "content": system_prompt}] if system_prompt.strip() else []
        messages += _history_messages(history) + [{"role": "user", "content": message}]
        reply = ""
        for piece in backends.stream(
            model_name, messages, temperature=temperature, top_p=top_p, max_tokens=int(max_tokens)
        ):
            reply += piece
            yield reply

    with gr.Blocks(title="LLM Zoo chat") as demo:
        gr.Markdown(f"# 🦁 LLM Zoo chat\nMultilingual chat models on the Hugging Face stack. Answers from {source}.")
        with gr.Tab("Chat", id="chat"):
            model = gr.Dropdown(choices, value=backends.names[0], label="Model", elem_id="model-picker")
            with gr.Accordion("Settings", open=False):
                system_prompt = gr.Textbox("", label="System prompt", lines=2, elem_id="system-prompt")
                temperature = gr.Slider(0.0, 2.0, value=0.7, step=0.05, label="Temperature", elem_id="temperature")
                top_p = gr.Slider(0.05, 1.0, value=0.9, step=0.05, label="Top-p")
                max_tokens = gr.Slider(1, 2048, value=config.max_new_tokens, step=1, label="Max new tokens")
            gr.ChatInterface(
                respond,
                chatbot=gr.Chatbot(elem_id="chatbot", height=420),
                textbox=gr.Textbox(placeholder="Ask in any language…", elem_id="chat-input", show_label=False),
                additional_inputs=[model, system_prompt, temperature, top_p, max_tokens],
                examples=[[p] for p in EXAMPLE_PROMPTS],
                run_examples_on_click=False,
                cache_examples=False,
                fill_height=False,
                api_name="chat",
            )
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

            def ask_both(text, name_a, name_b, temp, nucleus, budget):
                if not text.strip():
                    raise gr.Error("Type a question first.")
                settings = {"temperature": temp, "top_p": nucleus, "max_tokens": int(budget)}
                messages = [{"role": "user", "content": text}]
                a = b = ""
                for a, b in _stream_both(backends, name_a, name_b, messages, settings):
                    yield a, b, ""
                yield a, b, ARENA_READY

            ask.click(
                ask_both,
                [question, model_a, model_b, temperature, top_p, max_tokens],
                [answer_a, answer_b, vote_status],
                api_name="arena",
            )

            def make_vote(winner: str):
                def vote(text, name_a, name_b, a, b):
                    if not (text.strip() and a and b):
                        raise gr.Error("Ask both models first, then vote.")
                    record = record_vote(
                        config.votes_path,
                        question=text,
                        model_a=name_a,
                        model_b=name_b,
                        answer_a=a,
                        answer_b=b,
                        winner=winner,
                    )
                    return f"Vote recorded: **{record['winner']}** ({record['lang']})."

                return vote

            for button, winner in ((vote_a, "model_a"), (vote_tie, "tie"), (vote_b, "model_b")):
                button.click(make_vote(winner), [question, model_a, model_b, answer_a, answer_b], vote_status)
        from .eval.leaderboard import leaderboard_tab

        leaderboard_tab(votes_path=config.votes_path)  # eval results from LLMZOO_RESULTS, arena votes as human eval
    return demo


def launch(config: SpaceConfig | None = None, *, host: str = "127.0.0.1", port: int | None = None, **kwargs: Any):
    """Build the Space and serve it (blocks until interrupted)."""
    demo = build_demo(config)
    demo.queue(default_concurrency_limit=16)
    return demo.launch(server_name=host, server_port=port, css=CSS, **kwargs)
