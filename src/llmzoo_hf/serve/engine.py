"""The engine behind ``llmzoo serve``: transformers' continuous batching, adapted to our API's promises.

transformers' :class:`~transformers.ContinuousBatchingManager` owns the model on its worker thread: a paged KV
cache, FIFO scheduling, prompts prefilled in chunks of ``max_batch_tokens`` beside the running decodes, per-request
``max_new_tokens`` and EOS, and cancellation. This module adds what a chat server needs on top:

- per-row sampling (:class:`RowSampler`, a continuous-batching logits processor, the manager's extension point):
  greedy or sampled, temperature, top-p, repetition penalty and seed per request. The manager's own per-request
  processors cover temperature/top-p/top-k only, with one ``do_sample`` and one global seed for every row; a
  failure while sampling one row (e.g. a NaN) fails that request alone;
- text: complete-UTF-8 pieces (:class:`~llmzoo_hf.chat.IncrementalDetokenizer`) and stop strings that never reach
  the client, not even their first characters (text that may begin one is held back until the next piece);
- admission: ``max_batch_size + max_queue`` requests in flight at most, :class:`QueueFullError` beyond;
- delivery: a streamed reply (or one with stop strings) gets the manager's output at every token; a reply the
  client waits for whole gets one output, when it ends, so the worker thread does not copy and schedule every row's
  tokens between forward passes (``benchmarks/bench_serve.py``: 32.7 vs 30.4 tok/s for ``transformers serve`` at 8
  streams).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from transformers.generation.continuous_batching.cb_logits_processors import ContinuousBatchingLogitsProcessor

from ..chat import GenerationSettings, IncrementalDetokenizer, eos_token_ids

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase
    from transformers.generation.continuous_batching.requests import GenerationOutput

logger = logging.getLogger(__name__)

_request_counter = itertools.count()

# Below this temperature a request is decoded greedily: dividing logits by ~1e-40 overflows to inf/NaN.
GREEDY_BELOW_TEMPERATURE = 1e-5
NO_SEED = -1  # the sampler's marker for "no seed": the manager's (global) random generator samples the row


class QueueFullError(RuntimeError):
    """Raised by :meth:`Engine.submit` when ``max_batch_size + max_queue`` requests are in flight (HTTP 429)."""


@dataclass
class EngineEvent:
    """What the engine reports for one request: a ``token`` (complete-UTF-8 text), ``done`` or ``error``."""

    kind: str
    text: str = ""
    token_id: int | None = None
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass
class EngineRequest:
    """One generation: prompt token ids, decoding settings and where to send events."""

    prompt_ids: list[int]
    emit: Callable[[EngineEvent], None]
    max_new_tokens: int = GenerationSettings.max_new_tokens  # the defaults of every chat path (chat.py)
    temperature: float = GenerationSettings.temperature
    top_p: float = GenerationSettings.top_p
    repetition_penalty: float = GenerationSettings.repetition_penalty
    seed: int | None = None
    stop: list[str] = field(default_factory=list)
    ignore_eos: bool = False  # generate exactly max_new_tokens (for benchmarks), as vLLM's option does
    # False: the client waits for the whole reply (no SSE). Without stop strings the manager then hands the reply
    # over once, when it ends, instead of once per token per row: no per-step output copies and callbacks.
    stream: bool = True
    request_id: str = field(default_factory=lambda: f"llmzoo-{next(_request_counter)}")
    on_cancel: Callable[[], None] | None = None

    def cancel(self) -> None:
        """Drop this request (its client went away): the manager frees its cache blocks at the next step."""
        if self.on_cancel is not None:
            self.on_cancel()

    def sampling_kwargs(self) -> dict[str, Any]:
        """Return the per-request settings :class:`RowSampler` reads (``temperature=0.0`` means greedy)."""
        greedy = self.temperature < GREEDY_BELOW_TEMPERATURE
        return {
            "temperature": 0.0 if greedy else float(self.temperature),
            "top_p": float(self.top_p),
            "repetition_penalty": float(self.repetition_penalty),
            "seed": NO_SEED if self.seed is None else int(self.seed),
        }


def _step_seed(seed: int, step: int) -> int:
    """Mix a request's seed with its token index, so a seeded reply does not depend on what else is batched."""
    digest = hashlib.blake2b(f"{seed}:{step}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1  # 63 bits: a valid torch.Generator seed


class RowSampler(ContinuousBatchingLogitsProcessor):
    """Pick each row's next token with its own settings; hand the manager a one-hot choice.

    Runs as the manager's last logits processor. For every row it applies the repetition penalty on the row's
    prompt and generated tokens, then takes the argmax (temperature 0) or samples from the temperature/top-p
    distribution with the row's own generator (seeded per token from the request's seed) or the global one. It
    returns scores that are ``-inf`` everywhere but the chosen token, so the manager's argmax (``do_sample=False``)
    picks exactly that token; a batch of greedy rows without a penalty gets its scores back untouched.
    """

    supported_kwargs: dict[str, type] = {
        "temperature": float,
        "top_p": float,
        "repetition_penalty": float,
        "seed": int,
    }
    ignored_kwargs: tuple[str, ...] = ()

    def __init__(self) -> None:
        self._rows: list[tuple[str, dict[str, Any], list[int]]] = []
        self.failed: dict[str, str] = {}  # request id -> why sampling failed (the engine fails that request)

    def fill_defaults(self, int32_tensor: torch.Tensor) -> None:
        int32_tensor.fill_(0)

    def prepare_tensor_args(self, requests_with_new_token) -> torch.Tensor:
        import torch

        # The manager runs synchronously on CPU and with async batching off (see Engine), so the rows prepared here
        # are the rows of the next __call__, in the same order.
        self._rows = []
        for future in requests_with_new_token:
            state = future.state
            kwargs = state.logit_processor_kwargs
            history = state.initial_tokens + state.generated_tokens if kwargs["repetition_penalty"] != 1.0 else []
            settings = dict(kwargs, step=state.generated_len())
            self._rows.append((state.request_id, settings, history))
        return torch.arange(len(self._rows), dtype=torch.int32)

    def __call__(self, scores: torch.Tensor, tensor_arg: torch.Tensor) -> torch.Tensor:
        import torch

        rows = self._rows[: scores.size(0)]
        if all(settings["temperature"] == 0.0 and settings["repetition_penalty"] == 1.0 for _, settings, _ in rows):
            return scores  # a greedy batch: the manager's argmax picks every row's token
        chosen = torch.argmax(scores, dim=-1)  # greedy rows keep this
        for index, (request_id, settings, history) in enumerate(rows):
            try:
                token = self._pick(scores[index], settings, history)
            except Exception as exc:  # one row's failure must not stop the batch: fail that request only
                logger.warning("sampling failed for %s: %s", request_id, exc)
                self.failed[request_id] = f"sampling failed: {exc}"
                continue
            if token is not None:
                chosen[index] = token
        one_hot = torch.full_like(scores, -math.inf)
        one_hot.scatter_(-1, chosen.unsqueeze(-1), 0.0)
        return one_hot

    @staticmethod
    def _pick(logits: torch.Tensor, settings: dict[str, Any], history: list[int]) -> int | None:
        """Return the row's token, or ``None`` to keep the argmax (greedy without a repetition penalty)."""
        import torch

        penalty = settings["repetition_penalty"]
        if penalty != 1.0:
            seen = torch.tensor(sorted(set(history)), device=logits.device)
            logits = logits.clone()
            picked = logits[seen]
            logits[seen] = torch.where(picked < 0, picked * penalty, picked / penalty)
        if settings["temperature"] == 0.0:
            return int(torch.argmax(logits)) if penalty != 1.0 else None
        probs = torch.softmax(logits / settings["temperature"], dim=-1)
        if settings["top_p"] < 1.0:
            sorted_probs, order = torch.sort(probs, descending=True)
            outside = torch.cumsum(sorted_probs, dim=-1) - sorted_probs > settings["top_p"]
            sorted_probs[outside] = 0.0
            probs = torch.zeros_like(probs).scatter_(-1, order, sorted_probs)
        generator = None
        if settings["seed"] != NO_SEED:
            generator = torch.Generator(device=probs.device).manual_seed(
                _step_seed(settings["seed"], settings["step"])
            )
        return int(torch.multinomial(probs, 1, generator=generator))


class _Row:
    """One request's text side: detokenise new tokens, hold back possible stop strings, report the end."""

    def __init__(self, request: EngineRequest, tokenizer, eos_ids: set[int]):
        self.request = request
        self.eos_ids = eos_ids
        self.seen = 0  # generated tokens already handled (the manager sends the whole list each time)
        self.completion_tokens = 0
        self.detok = IncrementalDetokenizer(tokenizer)
        self.stops = [stop for stop in request.stop if stop]  # an empty stop string would match everywhere
        self.text = ""  # what was sent so far (only kept when the request has stop strings)
        self.held = ""  # text that may begin a stop string, held back until the next piece settles it
        self.finish_reason: str | None = None
        self.last_token: int | None = None

    def on_output(self, output: GenerationOutput) -> None:
        """Handle one output of the manager (the tokens so far; finished or failed)."""
        if self.finish_reason is not None:
            return
        if output.error is not None:
            self.fail(f"generation failed: {output.error}")
            return
        new, self.seen = output.generated_tokens[self.seen :], len(output.generated_tokens)
        for token_id in new:
            self.accept(token_id)
            if self.finish_reason is not None:
                return
        if output.is_finished():
            self.finish("length")

    def accept(self, token_id: int) -> None:
        """Record one generated token, stream its text, and decide whether the row is finished."""
        request = self.request
        self.last_token = token_id
        if token_id in self.eos_ids and not request.ignore_eos:
            self.finish("stop")
            return
        self.completion_tokens += 1
        piece = self.detok.push([token_id])
        if self.stops:
            piece, hit = self._release(piece)
            if hit:
                self.finish("stop", flush=False, last=piece)
                return
        if piece:
            request.emit(EngineEvent("token", text=piece, token_id=token_id))
        if self.completion_tokens >= request.max_new_tokens:
            self.finish("length")

    def _release(self, piece: str, *, final: bool = False) -> tuple[str, bool]:
        """Return the part of ``piece`` that is safe to send, and whether a stop string was found.

        Text that could be the start of a stop string split across tokens is held back until the next piece
        settles it (or the row ends: ``final``), so that no part of a stop string ever reaches the client. When
        a stop string is found, only the text before it is returned.
        """
        stops = self.stops
        pending, self.held = self.held + piece, ""
        start = max(0, len(self.text) - (max(map(len, stops)) - 1))
        joined = self.text[start:] + pending
        offset = len(self.text) - start  # where `pending` begins inside `joined`
        hits = [index for index in (joined.find(stop) for stop in stops) if index != -1]
        if hits:
            safe = pending[: max(0, min(hits) - offset)]
            self.text += safe
            return safe, True
        if not final:
            hold = min(max((_overlap(joined, stop) for stop in stops), default=0), len(pending))
            if hold:
                pending, self.held = pending[:-hold], pending[-hold:]
        self.text += pending
        return pending, False

    def finish(self, reason: str, *, flush: bool = True, last: str = "") -> None:
        """Emit the last text (``last``, or the detokenizer's tail and held-back text) and the final event."""
        if self.finish_reason is not None:
            return
        token_id = self.last_token
        if flush:
            token_id, last = None, self.detok.flush()
            if self.stops:
                last, hit = self._release(last, final=True)
                reason = "stop" if hit else reason
        self.finish_reason = reason
        if last:
            self.request.emit(EngineEvent("token", text=last, token_id=token_id))
        self.request.emit(
            EngineEvent(
                "done",
                finish_reason=reason,
                prompt_tokens=len(self.request.prompt_ids),
                completion_tokens=self.completion_tokens,
            )
        )

    def fail(self, message: str) -> None:
        """End the row with an ``error`` event (the other rows go on)."""
        if self.finish_reason is None:
            self.finish_reason = "error"
            self.request.emit(EngineEvent("error", text=message))


def _overlap(text: str, stop: str) -> int:
    """Length of the longest proper prefix of ``stop`` that ``text`` ends with (0 when none)."""
    for size in range(min(len(stop) - 1, len(text)), 0, -1):
        if text.endswith(stop[:size]):
            return size
    return 0


class Engine:
    """transformers' continuous batching behind our request/event interface.

    Args:
        model, tokenizer: a loaded model (eval mode) and its tokenizer.
        max_batch_size: most requests in one forward pass (the manager's ``max_requests_per_batch``).
        max_queue: most requests waiting beyond ``max_batch_size``; :meth:`submit` raises :class:`QueueFullError`
            when ``max_batch_size + max_queue`` are in flight.
        max_model_len: context length (prompt + generated tokens) of a row.
        max_batch_tokens: most tokens per forward pass; longer prompts are prefilled in chunks, between which the
            running rows keep decoding.
    """

    # transformers' default page size; the CPU cache is sized in pages (below)
    PAGE_SIZE = 256

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        *,
        max_batch_size: int = 8,
        max_queue: int = 64,
        max_model_len: int = 2048,
        max_batch_tokens: int = 256,
    ):
        self.model = model
        self.tokenizer = tokenizer
        self.max_batch_size = max_batch_size
        self.max_queue = max_queue
        self.max_model_len = max_model_len
        self.max_batch_tokens = max_batch_tokens
        self.eos_ids = eos_token_ids(model, tokenizer)
        self._rows: dict[str, _Row] = {}
        self._lock = threading.Lock()
        self._manager = None
        self._sampler: RowSampler | None = None
        self._steps_before = 0  # decode steps of managers replaced after a crash

    def _new_manager(self):
        from transformers import GenerationConfig
        from transformers.generation.configuration_utils import ContinuousBatchingConfig

        # argmax over what RowSampler returns: a one-hot choice per row, or the raw scores of an all-greedy batch
        # (no softmax and multinomial over the vocabulary at every step)
        generation_config = GenerationConfig(
            do_sample=False,
            temperature=1.0,
            top_k=None,
            top_p=1.0,
            max_new_tokens=self.max_model_len,
            eos_token_id=sorted(self.eos_ids),
            pad_token_id=self.tokenizer.pad_token_id,
        )
        cb_config = ContinuousBatchingConfig(
            max_requests_per_batch=self.max_batch_size,
            max_batch_tokens=self.max_batch_tokens,
            use_async_batching=False,  # RowSampler pairs each prepared batch with the next forward
            max_queue_size=0,  # admission is ours (submit), so the manager never blocks a caller
        )
        if self.model.device.type == "cpu":
            # On CPU transformers sizes the cache from free RAM (60 %); allocate what the admitted rows can use.
            cb_config.num_blocks = math.ceil(self.max_batch_size * self.max_model_len / self.PAGE_SIZE) + 1
        manager = self.model.init_continuous_batching(
            generation_config=generation_config, continuous_batching_config=cb_config
        )
        sampler = RowSampler()
        processors = manager.logit_processor
        processors.logits_processor.append(sampler)
        processors.tensors_required += 1
        processors.supported_keys.update(sampler.supported_kwargs)
        processors.do_processing = True
        return manager, sampler

    # -- lifecycle ------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Create and start the manager's worker thread (the model switches to paged attention)."""
        if self._manager is None:
            self._manager, self._sampler = self._new_manager()
            self._manager.start()

    def stop(self) -> None:
        """Stop the worker thread; requests still in flight end with an ``error`` event."""
        manager, self._manager = self._manager, None
        if manager is not None:
            manager.stop(block=True, timeout=30, hard_stop=True)
        with self._lock:
            rows, self._rows = list(self._rows.values()), {}
        for row in rows:
            row.fail("the server is shutting down")

    def _ensure_alive(self) -> None:
        """Replace a manager whose worker died (its requests were already failed) so the server keeps serving."""
        manager = self._manager
        if manager is not None and manager.background_thread_status.fatal_error is not None:
            logger.error(
                "the generation worker died (%s); starting a new one", manager.background_thread_status.fatal_error
            )
            self._steps_before += getattr(manager, "current_batch", 0)
            self._manager = None
            manager.stop(block=True, timeout=30, hard_stop=True)
            self.start()

    # -- requests ---------------------------------------------------------------------------------------------------
    def submit(self, request: EngineRequest) -> None:
        """Queue ``request``; raise :class:`QueueFullError` when the engine is full.

        Must be called on an asyncio event loop: the manager delivers the request's outputs on that loop, where
        ``request.emit`` is called.
        """
        self._ensure_alive()
        if self._manager is None:
            raise RuntimeError("The engine is not started.")
        with self._lock:
            limit = self.max_batch_size + self.max_queue
            if len(self._rows) >= limit:
                raise QueueFullError(
                    f"The server is busy: {len(self._rows)} requests are in flight "
                    f"(max_batch_size={self.max_batch_size} + max_queue={self.max_queue}). Retry later."
                )
            row = _Row(request, self.tokenizer, self.eos_ids)
            self._rows[request.request_id] = row
        request.on_cancel = lambda: self._cancel(request.request_id, "cancelled")
        manager = self._manager
        manager.register_result_handler(request.request_id, lambda output: self._on_output(row, output))
        manager.add_request(
            request.prompt_ids,
            request_id=request.request_id,
            max_new_tokens=request.max_new_tokens,
            streaming=request.stream or bool(row.stops),  # stop strings are looked for token by token
            eos_token_id=-1 if request.ignore_eos else sorted(self.eos_ids),
            **request.sampling_kwargs(),
        )

    def _on_output(self, row: _Row, output: GenerationOutput) -> None:
        reason = self._sampler.failed.pop(row.request.request_id, None) if self._sampler else None
        if reason is not None:
            row.fail(reason)
        else:
            row.on_output(output)
        if row.finish_reason is not None:
            # finished by a stop string, the token budget, EOS or a failure: free its slot and cache blocks
            self._cancel(row.request.request_id, None, still_running=not output.is_finished())

    def _cancel(self, request_id: str, reason: str | None, *, still_running: bool = True) -> None:
        with self._lock:
            row = self._rows.pop(request_id, None)
        if self._sampler is not None:
            self._sampler.failed.pop(request_id, None)
        manager = self._manager
        if manager is not None:
            with manager.output_router._lock:
                manager.output_router.result_handlers.pop(request_id, None)
            if still_running:
                manager.cancel_request(request_id)
        if row is not None and reason is not None:
            row.finish(reason, flush=False)

    @property
    def stats(self) -> dict[str, int]:
        """Return the requests in flight (``active``: generating, ``waiting``: not started) and decode steps."""
        with self._lock:
            in_flight = len(self._rows)
            started = sum(1 for row in self._rows.values() if row.seen)
        manager = self._manager
        steps = self._steps_before + (getattr(manager, "current_batch", 0) if manager is not None else 0)
        return {"active": started, "waiting": in_flight - started, "steps": steps}
