"""The batching engine behind ``llmzoo serve``: one worker thread owns the model and runs continuous batching.

Requests wait in a bounded queue. Between two decode steps the worker admits waiting requests (up to
``max_batch_size`` rows in flight): it prefills them together, left-padded, and splices their KV cache into the
running batch, padding the shorter cache on the left. Each row stops on its own (EOS, token budget, context
length, stop string, or cancellation when its client goes away) and leaves the batch at once, freeing its slot.
Each row streams through its own :class:`~llmzoo_hf.chat.IncrementalDetokenizer`, so every piece is complete UTF-8.
"""

from __future__ import annotations

import collections
import inspect
import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .chat import IncrementalDetokenizer

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

logger = logging.getLogger(__name__)

_request_counter = itertools.count()


class QueueFullError(RuntimeError):
    """Raised by :meth:`BatchEngine.submit` when the waiting queue is full (HTTP 429)."""


@dataclass
class EngineEvent:
    """What the worker reports for one request: a ``token`` (id + complete-UTF-8 text), ``done`` or ``error``."""

    kind: str
    text: str = ""
    token_id: int | None = None
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass
class EngineRequest:
    """One generation: prompt token ids, decoding settings and where to send events (called from the worker)."""

    prompt_ids: list[int]
    emit: Callable[[EngineEvent], None]
    max_new_tokens: int = 256
    temperature: float = 0.7
    top_p: float = 1.0
    repetition_penalty: float = 1.0
    seed: int | None = None
    stop: list[str] = field(default_factory=list)
    ignore_eos: bool = False  # generate exactly max_new_tokens (for benchmarks), as vLLM's option does
    request_id: str = field(default_factory=lambda: f"req-{next(_request_counter)}")
    cancelled: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        """Ask the worker to drop this request at its next step (its slot is freed)."""
        self.cancelled.set()


class _Row:
    """The worker's running state for one request in the batch."""

    def __init__(self, request: EngineRequest, tokenizer, eos_ids: set[int]):
        import torch

        self.request = request
        self.eos_ids = eos_ids
        self.generated: list[int] = []
        self.detok = IncrementalDetokenizer(tokenizer)
        self.stops = [stop for stop in request.stop if stop]  # an empty stop string would match everywhere
        self.text = ""  # what was sent so far (only kept when the request has stop strings)
        self.held = ""  # text that may begin a stop string, held back until the next piece settles it
        self.finish_reason: str | None = None
        self.last_token: int | None = None
        self.generator = torch.Generator().manual_seed(request.seed) if request.seed is not None else None

    def accept(self, token_id: int, max_model_len: int) -> None:
        """Record a sampled token, stream its text, and decide whether the row is finished."""
        request = self.request
        self.last_token = token_id
        if token_id in self.eos_ids and not request.ignore_eos:
            self.finish("stop")
            return
        self.generated.append(token_id)
        piece = self.detok.push([token_id])
        if self.stops:
            piece, hit = self._release(piece)
            if hit:
                self.finish("stop", flush=False, last=piece)
                return
        request.emit(EngineEvent("token", text=piece, token_id=token_id))
        if len(self.generated) >= request.max_new_tokens:
            self.finish("length")
        elif len(request.prompt_ids) + len(self.generated) >= max_model_len:
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
                completion_tokens=len(self.generated),
            )
        )


def _overlap(text: str, stop: str) -> int:
    """Length of the longest proper prefix of ``stop`` that ``text`` ends with (0 when none)."""
    for size in range(min(len(stop) - 1, len(text)), 0, -1):
        if text.endswith(stop[:size]):
            return size
    return 0


def eos_token_ids(model, tokenizer) -> set[int]:
    """Return every token id that ends a reply: the generation config's EOS ids and the tokenizer's EOS."""
    ids: set[int] = set()
    config_eos = getattr(model.generation_config, "eos_token_id", None)
    if isinstance(config_eos, int):
        ids.add(config_eos)
    elif config_eos:
        ids.update(config_eos)
    if tokenizer.eos_token_id is not None:
        ids.add(tokenizer.eos_token_id)
    return ids


class BatchEngine:
    """Continuous batching over a causal LM on one worker thread.

    Args:
        model, tokenizer: a loaded model (eval mode) and its tokenizer.
        max_batch_size: most requests decoded together.
        max_queue: most requests waiting for a slot; :meth:`submit` raises :class:`QueueFullError` beyond it.
        max_model_len: context length (prompt + generated tokens) of a row.
    """

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        *,
        max_batch_size: int = 8,
        max_queue: int = 64,
        max_model_len: int = 2048,
    ):
        if max_batch_size < 1 or max_queue < 0 or max_model_len < 2:
            raise ValueError(
                f"max_batch_size={max_batch_size} (>= 1), max_queue={max_queue} (>= 0) and "
                f"max_model_len={max_model_len} (>= 2) are out of range."
            )
        self.model = model
        self.tokenizer = tokenizer
        self.max_batch_size = max_batch_size
        self.max_queue = max_queue
        self.max_model_len = max_model_len
        self.eos_ids = eos_token_ids(model, tokenizer)
        self.pad_token_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else min(self.eos_ids)
        # BLOOM derives positions (ALiBi) from the attention mask and takes no position_ids.
        self._takes_position_ids = "position_ids" in inspect.signature(model.forward).parameters
        self._waiting: collections.deque[EngineRequest] = collections.deque()
        self._rows: list[_Row] = []
        self._cache = None
        self._mask: torch.Tensor | None = None
        self._wakeup = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self.steps = 0

    # -- public API -------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the worker thread."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="llmzoo-engine", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the worker thread (requests in flight get an ``error`` event)."""
        with self._wakeup:
            self._stopping = True
            self._wakeup.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def submit(self, request: EngineRequest) -> None:
        """Queue ``request``; raise :class:`QueueFullError` when ``max_queue`` requests already wait."""
        with self._wakeup:
            if len(self._waiting) >= self.max_queue:
                raise QueueFullError(
                    f"The server is busy: {len(self._waiting)} requests are waiting (max_queue={self.max_queue}) "
                    f"and {len(self._rows)} are being generated. Retry later."
                )
            self._waiting.append(request)
            self._wakeup.notify()

    @property
    def stats(self) -> dict[str, int]:
        """Return the number of rows in flight, waiting requests and decode steps so far."""
        return {"active": len(self._rows), "waiting": len(self._waiting), "steps": self.steps}

    # -- worker -------------------------------------------------------------------------------------------------
    def _loop(self) -> None:
        import torch

        while True:
            with self._wakeup:
                while not self._stopping and not self._waiting and not self._rows:
                    self._wakeup.wait()
                if self._stopping:
                    break
                admitted = []
                while self._waiting and len(self._rows) + len(admitted) < self.max_batch_size:
                    request = self._waiting.popleft()
                    if request.cancelled.is_set():
                        request.emit(EngineEvent("done", finish_reason="cancelled"))
                        continue
                    admitted.append(request)
            try:
                with torch.inference_mode():
                    if admitted:
                        self._prefill(admitted)
                    self._drop_finished()
                    if self._rows:
                        self._decode_step()
                        self._drop_finished()
            except Exception as exc:  # one bad batch must not kill the server: fail its rows, go on
                logger.exception("generation step failed")
                in_batch = {id(row.request) for row in self._rows}
                failed = [row.request for row in self._rows if row.finish_reason is None]
                failed += [r for r in admitted if id(r) not in in_batch]
                for request in failed:
                    request.emit(EngineEvent("error", text=f"generation failed: {exc}"))
                self._rows, self._cache, self._mask = [], None, None
        for row in self._rows:
            row.request.emit(EngineEvent("error", text="the server is shutting down"))
        for request in self._waiting:
            request.emit(EngineEvent("error", text="the server is shutting down"))

    def _forward(self, input_ids, mask, cache):
        kwargs: dict[str, Any] = {"input_ids": input_ids, "attention_mask": mask, "past_key_values": cache}
        if self._takes_position_ids:
            positions = (mask.cumsum(-1) - 1).clamp(min=0)
            kwargs["position_ids"] = positions[:, -input_ids.shape[1] :]
        output = self.model(**kwargs, use_cache=True)
        return output.logits[:, -1, :].float(), output.past_key_values

    def _prefill(self, requests: list[EngineRequest]) -> None:
        """Run the prompts of newly admitted requests together and splice them into the running batch."""
        import torch
        from transformers import DynamicCache

        device = self.model.device
        length = max(len(r.prompt_ids) for r in requests)
        ids = torch.full((len(requests), length), self.pad_token_id, dtype=torch.long)
        mask = torch.zeros((len(requests), length), dtype=torch.long)
        for i, request in enumerate(requests):
            ids[i, length - len(request.prompt_ids) :] = torch.tensor(request.prompt_ids)
            mask[i, length - len(request.prompt_ids) :] = 1
        ids, mask = ids.to(device), mask.to(device)
        logits, cache = self._forward(ids, mask, DynamicCache(config=self.model.config))
        rows = [_Row(r, self.tokenizer, self.eos_ids) for r in requests]
        if self._cache is None or not self._rows:
            self._cache, self._mask, self._rows = cache, mask, rows
        else:
            self._merge(cache, mask)
            self._rows += rows
        for row, row_logits in zip(rows, logits, strict=True):
            row.accept(self._sample(row, row_logits), self.max_model_len)

    def _merge(self, cache, mask) -> None:
        """Append ``cache`` rows to the running cache, left-padding whichever is shorter."""
        import torch
        import torch.nn.functional as F

        old_len, new_len = self._mask.shape[1], mask.shape[1]
        target = max(old_len, new_len)
        for old_layer, new_layer in zip(self._cache.layers, cache.layers, strict=True):
            for name in ("keys", "values"):
                old, new = getattr(old_layer, name), getattr(new_layer, name)
                # (B, heads, T, head_dim): pad T on the left with zeros that the attention mask hides
                old = F.pad(old, (0, 0, target - old_len, 0))
                new = F.pad(new, (0, 0, target - new_len, 0))
                setattr(old_layer, name, torch.cat([old, new], dim=0))
        self._mask = torch.cat([F.pad(self._mask, (target - old_len, 0)), F.pad(mask, (target - new_len, 0))], dim=0)

    def _decode_step(self) -> None:
        import torch

        device = self.model.device
        input_ids = torch.tensor([[row.last_token] for row in self._rows], dtype=torch.long, device=device)
        mask = torch.cat([self._mask, torch.ones((len(self._rows), 1), dtype=self._mask.dtype, device=device)], 1)
        logits, self._cache = self._forward(input_ids, mask, self._cache)
        self._mask = mask
        self.steps += 1
        for row, row_logits in zip(self._rows, logits, strict=True):
            if row.request.cancelled.is_set():
                row.finish("cancelled", flush=False)
                continue
            row.accept(self._sample(row, row_logits), self.max_model_len)

    def _drop_finished(self) -> None:
        """Remove finished or cancelled rows from the batch and trim cache columns no row needs any more."""
        import torch

        for row in self._rows:
            if row.finish_reason is None and row.request.cancelled.is_set():
                row.finish("cancelled", flush=False)
        keep = [i for i, row in enumerate(self._rows) if row.finish_reason is None]
        if len(keep) == len(self._rows):
            return
        if not keep:
            self._rows, self._cache, self._mask = [], None, None
            return
        index = torch.tensor(keep, device=self._mask.device)
        self._cache.batch_select_indices(index)
        self._mask = self._mask[index]
        self._rows = [self._rows[i] for i in keep]
        first_used = int(self._mask.any(dim=0).nonzero()[0])
        if first_used > 0:  # columns that were padding for every remaining row
            for layer in self._cache.layers:
                layer.keys = layer.keys[:, :, first_used:]
                layer.values = layer.values[:, :, first_used:]
            self._mask = self._mask[:, first_used:]

    @staticmethod
    def _sample(row: _Row, logits: torch.Tensor) -> int:
        """Pick the next token of one row with its own temperature / top-p / repetition penalty / seed."""
        import torch

        request = row.request
        if request.repetition_penalty != 1.0:
            seen = torch.tensor(sorted(set(request.prompt_ids) | set(row.generated)), device=logits.device)
            scores = logits[seen]
            logits[seen] = torch.where(
                scores < 0, scores * request.repetition_penalty, scores / request.repetition_penalty
            )
        if request.temperature == 0:
            return int(torch.argmax(logits))
        probs = torch.softmax(logits / request.temperature, dim=-1)
        if request.top_p < 1.0:
            sorted_probs, order = torch.sort(probs, descending=True)
            outside = torch.cumsum(sorted_probs, dim=-1) - sorted_probs > request.top_p
            sorted_probs[outside] = 0.0
            probs = torch.zeros_like(probs).scatter_(-1, order, sorted_probs)
        generator = row.generator
        return int(torch.multinomial(probs.cpu(), 1, generator=generator))


def wait_until_idle(engine: BatchEngine, timeout: float = 10.0) -> bool:
    """Return True once the engine has no row in flight and nothing waiting (for tests and benchmarks)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stats = engine.stats
        if not stats["active"] and not stats["waiting"]:
            return True
        time.sleep(0.05)
    return False
