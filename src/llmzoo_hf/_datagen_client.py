"""An async client for OpenAI-compatible ``/v1/chat/completions`` endpoints, with the limits data generation needs:
a concurrency cap, requests-per-minute and tokens-per-minute token buckets, retries with exponential back-off and
jitter (honouring ``Retry-After``) on 429 / 5xx / time-outs, and a per-request time-out.

httpx is used directly rather than ``huggingface_hub.InferenceClient``: the latter refuses every request when
``HF_HUB_OFFLINE=1``, which is exactly how a local ``llmzoo serve`` / vLLM / TGI endpoint is often used.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import os
import random
import time
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError

logger = logging.getLogger(__name__)

# Looked up in this order; the key itself is never logged, printed or written anywhere.
API_KEY_ENV_VARS = ("LLMZOO_API_KEY", "OPENAI_API_KEY")
RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
# A Retry-After larger than this is treated as this: a server asking for an hour should not stall a run silently.
MAX_RETRY_AFTER_S = 300.0


@dataclass
class EndpointConfig:
    """How to reach an OpenAI-compatible chat endpoint and how hard to push it."""

    base_url: str = field(
        default="http://127.0.0.1:8000/v1",
        metadata={"help": "Endpoint base URL; `/v1` is appended when missing (OpenAI, TGI, vLLM, llmzoo serve)."},
    )
    model: str | None = field(
        default=None, metadata={"help": "Model name sent with each request; None asks the endpoint's /v1/models."}
    )
    concurrency: int = field(default=8, metadata={"help": "Most requests in flight at once."})
    requests_per_minute: float | None = field(default=None, metadata={"help": "Request rate limit (None = none)."})
    tokens_per_minute: float | None = field(
        default=None, metadata={"help": "Token rate limit, prompt (estimated as chars/4) + max_tokens (None = none)."}
    )
    max_retries: int = field(default=5, metadata={"help": "Retries per request on 429 / 5xx / time-outs."})
    request_timeout: float = field(default=60.0, metadata={"help": "Seconds before one request is abandoned."})
    backoff_base: float = field(default=0.5, metadata={"help": "First back-off in seconds; doubles each retry."})
    backoff_max: float = field(default=30.0, metadata={"help": "Longest back-off in seconds (before jitter)."})
    temperature: float = field(default=0.7, metadata={"help": "Sampling temperature sent with each request."})
    top_p: float = field(default=1.0, metadata={"help": "Nucleus sampling mass sent with each request."})
    max_tokens: int = field(default=512, metadata={"help": "Most tokens generated per request."})

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise ConfigError(f"EndpointConfig.base_url={self.base_url!r} must start with http:// or https://.")
        url = self.base_url.rstrip("/")
        self.base_url = url if url.endswith("/v1") else url + "/v1"
        if self.concurrency < 1:
            raise ConfigError(f"EndpointConfig.concurrency={self.concurrency} must be >= 1.")
        for name in ("requests_per_minute", "tokens_per_minute"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ConfigError(f"EndpointConfig.{name}={value} must be > 0 (or None for no limit).")
        if self.max_retries < 0:
            raise ConfigError(f"EndpointConfig.max_retries={self.max_retries} must be >= 0.")
        if self.request_timeout <= 0:
            raise ConfigError(f"EndpointConfig.request_timeout={self.request_timeout} must be > 0.")
        if self.max_tokens < 1:
            raise ConfigError(f"EndpointConfig.max_tokens={self.max_tokens} must be >= 1.")


class RequestFailed(RuntimeError):
    """A request that failed for good; ``reason`` is a short label such as ``http_429``, ``timeout``."""

    def __init__(self, reason: str, detail: str, *, attempts: int = 1):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.attempts = attempts


@dataclass
class Completion:
    """One chat completion: the reply text and the tokens it cost (``None`` when the server sent no usage)."""

    text: str
    prompt_tokens: int | None
    completion_tokens: int | None
    finish_reason: str | None
    attempts: int


@dataclass
class ClientStats:
    """What the client did: HTTP attempts, retries by reason and tokens reported by the server."""

    requests: int = 0
    retries: int = 0
    retries_by_reason: dict[str, int] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0


class TokenBucket:
    """An async token bucket: ``rate`` units per second, holding at most ``capacity`` (it starts full).

    Over any window of ``T`` seconds at most ``capacity + rate * T`` units are handed out. Waiters are served in
    arrival order (the lock is held while sleeping), so a large request is not starved by small ones.
    """

    def __init__(self, rate: float, capacity: float):
        self.rate = rate
        self.capacity = capacity
        self._level = capacity
        self._stamp = time.monotonic()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = time.monotonic()
        self._level = min(self.capacity, self._level + (now - self._stamp) * self.rate)
        self._stamp = now

    async def acquire(self, amount: float) -> None:
        """Wait until ``amount`` units (at most the capacity) are available and take them."""
        amount = min(amount, self.capacity)
        async with self._lock:
            self._refill()
            while self._level < amount:
                await asyncio.sleep((amount - self._level) / self.rate)
                self._refill()
            self._level -= amount

    def adjust(self, amount: float) -> None:
        """Take ``amount`` more units (or give back a negative amount) once the true cost is known."""
        self._refill()
        self._level = min(self.capacity, self._level - amount)


def per_minute_bucket(per_minute: float) -> TokenBucket:
    """Return a bucket allowing ``per_minute`` a minute, with bursts of at most one second's worth (>= 1)."""
    rate = per_minute / 60.0
    return TokenBucket(rate, capacity=max(1.0, rate))


def resolve_api_key() -> str | None:
    """Return the API key from ``LLMZOO_API_KEY`` or ``OPENAI_API_KEY``; None when neither is set."""
    for name in API_KEY_ENV_VARS:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def estimate_tokens(messages: list[dict[str, str]], max_tokens: int) -> int:
    """Estimate a request's token cost before sending it: about 4 characters per prompt token, plus the reply."""
    chars = sum(len(m.get("content", "")) for m in messages)
    return chars // 4 + 4 * len(messages) + max_tokens


def _retry_after_seconds(value: str | None) -> float | None:
    """Parse a ``Retry-After`` header (seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class AsyncChatClient:
    """Send chat requests to an OpenAI-compatible endpoint within the limits of an :class:`EndpointConfig`.

    Use as ``async with AsyncChatClient(config) as client: await client.complete(messages)``.
    """

    def __init__(self, config: EndpointConfig, *, rng: random.Random | None = None):
        self.config = config
        self.stats = ClientStats()
        self._rng = rng or random.Random()
        self._semaphore = asyncio.Semaphore(config.concurrency)
        self._request_bucket = per_minute_bucket(config.requests_per_minute) if config.requests_per_minute else None
        self._token_bucket = per_minute_bucket(config.tokens_per_minute) if config.tokens_per_minute else None
        self._http = None
        self.model = config.model

    async def __aenter__(self) -> AsyncChatClient:
        import httpx

        headers = {"Content-Type": "application/json"}
        api_key = resolve_api_key()
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        limits = httpx.Limits(
            max_connections=self.config.concurrency, max_keepalive_connections=self.config.concurrency
        )
        self._http = httpx.AsyncClient(
            base_url=self.config.base_url, headers=headers, timeout=self.config.request_timeout, limits=limits
        )
        if self.model is None:
            self.model = await self._first_model()
        return self

    async def __aexit__(self, *exc_info) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def _first_model(self) -> str:
        """Ask ``GET /models`` for the served model's name (what vLLM and TGI expect in ``model``)."""
        import httpx

        try:
            response = await self._http.get("/models")
            response.raise_for_status()
            models = response.json().get("data") or []
            return str(models[0]["id"])
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            raise ConfigError(
                f"No model name given and {self.config.base_url}/models did not list one ({exc}); "
                "pass the model name (`--model NAME` / EndpointConfig.model)."
            ) from exc

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        """Return how long to wait before retry number ``attempt`` (0-based): full jitter, floored by Retry-After."""
        ceiling = min(self.config.backoff_max, self.config.backoff_base * (2**attempt))
        delay = self._rng.uniform(ceiling / 2, ceiling)
        if retry_after is not None:
            delay = max(delay, min(retry_after, MAX_RETRY_AFTER_S))
        return delay

    async def complete(self, messages: list[dict[str, str]], **overrides: Any) -> Completion:
        """Return the endpoint's reply to ``messages``, retrying transient failures.

        Args:
            messages: chat messages (``role``/``content``).
            **overrides: request fields replacing the config's (``max_tokens``, ``temperature``, ``top_p``, ...).

        Raises:
            RequestFailed: the request failed for good (non-retryable status, or retries exhausted).
        """
        import httpx

        if self._http is None:
            raise RuntimeError("AsyncChatClient must be used inside `async with`.")
        payload = {
            "model": self.model,
            "messages": messages,
            "max_tokens": self.config.max_tokens,
            "temperature": self.config.temperature,
            "top_p": self.config.top_p,
            **overrides,
        }
        estimated = estimate_tokens(messages, int(payload["max_tokens"]))
        attempt = 0
        while True:
            retry_after = None
            async with self._semaphore:
                if self._request_bucket is not None:
                    await self._request_bucket.acquire(1)
                if self._token_bucket is not None:
                    await self._token_bucket.acquire(estimated)
                self.stats.requests += 1
                try:
                    response = await self._http.post("/chat/completions", json=payload)
                except httpx.TimeoutException as exc:
                    reason, detail = (
                        "timeout",
                        f"no answer within {self.config.request_timeout} s ({type(exc).__name__})",
                    )
                except httpx.TransportError as exc:
                    reason, detail = "connection", f"{type(exc).__name__}: {exc}"
                else:
                    if response.status_code == 200:
                        return self._parse(response, estimated, attempt + 1)
                    reason = f"http_{response.status_code}"
                    detail = response.text[:300]
                    if response.status_code not in RETRYABLE_STATUS and response.status_code < 500:
                        raise RequestFailed(reason, detail, attempts=attempt + 1)
                    retry_after = _retry_after_seconds(response.headers.get("retry-after"))
            if attempt >= self.config.max_retries:
                raise RequestFailed(reason, detail, attempts=attempt + 1)
            delay = self._backoff(attempt, retry_after)
            self.stats.retries += 1
            self.stats.retries_by_reason[reason] = self.stats.retries_by_reason.get(reason, 0) + 1
            logger.debug("Retrying after %s (%.2f s, attempt %d).", reason, delay, attempt + 1)
            attempt += 1
            # Sleep outside the semaphore so a backing-off request does not hold a concurrency slot.
            await asyncio.sleep(delay)

    def _parse(self, response, estimated: int, attempts: int) -> Completion:
        try:
            body = response.json()
            choice = body["choices"][0]
            text = choice["message"]["content"] or ""
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise RequestFailed("bad_response", f"not an OpenAI chat completion: {response.text[:300]}") from exc
        usage = body.get("usage") or {}
        prompt_tokens = usage.get("prompt_tokens")
        completion_tokens = usage.get("completion_tokens")
        if isinstance(prompt_tokens, int):
            self.stats.prompt_tokens += prompt_tokens
        if isinstance(completion_tokens, int):
            self.stats.completion_tokens += completion_tokens
        if self._token_bucket is not None and isinstance(prompt_tokens, int) and isinstance(completion_tokens, int):
            self._token_bucket.adjust(prompt_tokens + completion_tokens - estimated)
        return Completion(
            text=str(text),
            prompt_tokens=prompt_tokens if isinstance(prompt_tokens, int) else None,
            completion_tokens=completion_tokens if isinstance(completion_tokens, int) else None,
            finish_reason=choice.get("finish_reason"),
            attempts=attempts,
        )
