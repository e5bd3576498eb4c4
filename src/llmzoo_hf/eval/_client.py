"""A small async client for OpenAI-compatible ``/v1/chat/completions`` endpoints (OpenAI, TGI, vLLM, llmzoo serve).

httpx is used directly because ``huggingface_hub.InferenceClient`` refuses every request under
``HF_HUB_OFFLINE=1``, which is exactly how a local judge server is used in tests and air-gapped clusters.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import time
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


class EndpointError(RuntimeError):
    """A request to a chat endpoint failed for good (bad status after retries, or an unusable reply)."""


def chat_completions_url(endpoint: str) -> str:
    """Return the ``…/v1/chat/completions`` URL for a base URL given with or without ``/v1``."""
    url = endpoint.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    if url.endswith("/v1"):
        return url + "/chat/completions"
    return url + "/v1/chat/completions"


@dataclass
class EndpointConfig:
    """Where and how to call a chat endpoint.

    ``api_key`` defaults to the ``OPENAI_API_KEY`` environment variable; it is sent as a bearer token and never
    written anywhere.
    """

    endpoint: str
    model: str = "default"
    temperature: float = 0.0
    max_tokens: int | None = 1024
    top_p: float | None = None
    seed: int | None = None
    concurrency: int = 8
    requests_per_second: float | None = None
    max_retries: int = 5
    timeout_s: float = 120.0
    backoff_s: float = 1.0
    api_key: str | None = None

    def __post_init__(self) -> None:
        if self.concurrency < 1:
            raise ValueError(f"concurrency={self.concurrency} must be >= 1.")
        if self.max_retries < 0:
            raise ValueError(f"max_retries={self.max_retries} must be >= 0.")
        if self.requests_per_second is not None and self.requests_per_second <= 0:
            raise ValueError(f"requests_per_second={self.requests_per_second} must be > 0 (or unset).")


class _RateLimiter:
    """Space request starts at least ``1 / rate`` seconds apart."""

    def __init__(self, rate: float | None):
        self.interval = 1.0 / rate if rate else 0.0
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        if not self.interval:
            return
        async with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval
        if delay > 0:
            await asyncio.sleep(delay)


class ChatEndpointClient:
    """Send chat requests concurrently (bounded), rate-limited, with exponential back-off on 429/5xx/timeouts."""

    def __init__(self, config: EndpointConfig):
        import httpx

        self.config = config
        self.url = chat_completions_url(config.endpoint)
        key = config.api_key or os.environ.get("OPENAI_API_KEY")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self._client = httpx.AsyncClient(timeout=config.timeout_s, headers=headers)
        self._semaphore = asyncio.Semaphore(config.concurrency)
        self._limiter = _RateLimiter(config.requests_per_second)
        self.retries = 0

    def payload(self, messages: list[dict[str, str]], **overrides: Any) -> dict[str, Any]:
        """Return the JSON body of a request."""
        body: dict[str, Any] = {
            "model": self.config.model,
            "messages": messages,
            "temperature": self.config.temperature,
        }
        if self.config.max_tokens is not None:
            body["max_tokens"] = self.config.max_tokens
        if self.config.top_p is not None:
            body["top_p"] = self.config.top_p
        if self.config.seed is not None:
            body["seed"] = self.config.seed
        body.update({k: v for k, v in overrides.items() if v is not None})
        return body

    async def complete(self, messages: list[dict[str, str]], **overrides: Any) -> str:
        """Return the assistant text of one chat completion.

        Raises:
            EndpointError: the endpoint kept failing after ``max_retries`` retries, or answered without text.
        """
        import httpx

        body = self.payload(messages, **overrides)
        attempt = 0
        async with self._semaphore:
            while True:
                await self._limiter.wait()
                try:
                    response = await self._client.post(self.url, json=body)
                    if response.status_code in RETRY_STATUS:
                        raise _Retryable(f"HTTP {response.status_code}: {response.text[:200]}")
                    if response.status_code != 200:
                        raise EndpointError(f"{self.url} answered HTTP {response.status_code}: {response.text[:500]}")
                    data = response.json()
                    try:
                        content = data["choices"][0]["message"]["content"]
                    except (KeyError, IndexError, TypeError) as exc:
                        raise EndpointError(
                            f"{self.url} answered without choices[0].message.content: {data!r:.500}"
                        ) from exc
                    return content or ""
                except (_Retryable, httpx.TimeoutException, httpx.TransportError) as exc:
                    if attempt >= self.config.max_retries:
                        raise EndpointError(f"{self.url} failed after {attempt + 1} attempts: {exc}") from exc
                    delay = self.config.backoff_s * (2**attempt) * (0.5 + random.random() / 2)
                    logger.warning("request to %s failed (%s); retry %d in %.1f s", self.url, exc, attempt + 1, delay)
                    attempt += 1
                    self.retries += 1
                    await asyncio.sleep(delay)

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._client.aclose()


class _Retryable(Exception):
    pass
