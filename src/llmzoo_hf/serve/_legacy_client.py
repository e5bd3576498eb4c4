"""The endpoint client of the Space and ``eval``/``data`` commands (moved verbatim from ``serve.py``).

Kept only until ``llmzoo_hf.client`` (on the ``openai`` SDK) replaces it; ``llmzoo_hf.serve`` re-exports it.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse


def parse_endpoints(spec: str | None) -> dict[str, str]:
    """Parse ``LLMZOO_ENDPOINTS`` text (``name=url,name2=url2``; a bare URL is named after its host) to a dict.

    Raises:
        ValueError: an entry has no URL, a URL is not http(s), or a name repeats.
    """
    endpoints: dict[str, str] = {}
    for entry in (spec or "").split(","):
        entry = entry.strip()
        if not entry:
            continue
        name, sep, url = entry.partition("=")
        if not sep:
            name, url = urlparse(entry).netloc or entry, entry
        name, url = name.strip(), url.strip()
        if urlparse(url).scheme not in ("http", "https") or not urlparse(url).netloc:
            raise ValueError(f"Endpoint {name!r}: {url!r} is not an http(s) URL (expected name=http://host:port).")
        if name in endpoints:
            raise ValueError(f"Endpoint name {name!r} appears twice in {spec!r}.")
        endpoints[name] = url.rstrip("/")
    return endpoints


def _is_local(url: str) -> bool:
    host = urlparse(url).hostname or ""
    if host in ("localhost",) or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class EndpointClient:
    """A chat client for one OpenAI-compatible endpoint (``llmzoo serve``, TGI, vLLM, Inference Endpoints).

    Calls go through ``huggingface_hub.InferenceClient`` (sync) / ``AsyncInferenceClient`` (async). When Hub
    offline mode is on (``HF_HUB_OFFLINE=1``) and the endpoint is on this machine (loopback), calls go through
    plain httpx instead, because the Hub client refuses every request in offline mode; the replies are the same
    ``ChatCompletionOutput`` / ``ChatCompletionStreamOutput`` objects either way.
    """

    def __init__(
        self, base_url: str, *, token: str | None = None, timeout: float | None = None, model: str | None = None
    ):
        if urlparse(base_url).scheme not in ("http", "https"):
            raise ValueError(f"base_url={base_url!r} is not an http(s) URL.")
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.model = model

    def _use_httpx(self) -> bool:
        from huggingface_hub import constants

        return constants.is_offline_mode() and _is_local(self.base_url)

    def _payload(self, messages: list[dict[str, str]], stream: bool, params: dict[str, Any]) -> dict[str, Any]:
        payload = {"model": self.model or "llmzoo", "messages": messages, "stream": stream}
        payload.update({k: v for k, v in params.items() if v is not None})
        return payload

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _url(self) -> str:
        base = self.base_url
        return base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")

    def chat_completion(self, messages: list[dict[str, str]], *, stream: bool = False, **params: Any):
        """Send a chat; return a ``ChatCompletionOutput``, or an iterator of ``ChatCompletionStreamOutput``.

        Args:
            messages: ``[{"role": ..., "content": ...}, ...]``.
            stream: yield chunks as they are generated.
            params: ``max_tokens``, ``temperature``, ``top_p``, ``seed``, ``stop`` (OpenAI names).
        """
        if not self._use_httpx():
            from huggingface_hub import InferenceClient

            client = InferenceClient(base_url=self.base_url, token=self.token, timeout=self.timeout)
            return client.chat_completion(messages, model=self.model, stream=stream, **params)
        return self._httpx_chat(messages, stream, params) if stream else self._httpx_chat_once(messages, params)

    def _httpx_chat_once(self, messages, params):
        import httpx
        from huggingface_hub import ChatCompletionOutput

        response = httpx.post(
            self._url(), json=self._payload(messages, False, params), headers=self._headers(), timeout=self.timeout
        )
        _raise_for_status(response)
        return ChatCompletionOutput.parse_obj_as_instance(response.content)

    def _httpx_chat(self, messages, stream, params) -> Iterator:
        import httpx
        from huggingface_hub import ChatCompletionStreamOutput

        with httpx.stream(
            "POST",
            self._url(),
            json=self._payload(messages, True, params),
            headers=self._headers(),
            timeout=self.timeout,
        ) as response:
            if response.status_code >= 400:
                response.read()
                _raise_for_status(response)
            for line in response.iter_lines():
                data = _sse_data(line)
                if data is None:
                    continue
                if data == "[DONE]":
                    return
                yield ChatCompletionStreamOutput.parse_obj_as_instance(_checked_chunk(data))

    def stream_text(self, messages: list[dict[str, str]], **params: Any) -> Iterator[str]:
        """Yield the reply's text pieces (each complete UTF-8 text)."""
        for chunk in self.chat_completion(messages, stream=True, **params):
            if chunk.choices and chunk.choices[0].delta.content:
                yield chunk.choices[0].delta.content

    def complete(self, messages: list[dict[str, str]], **params: Any) -> str:
        """Return the whole reply text."""
        return self.chat_completion(messages, stream=False, **params).choices[0].message.content or ""

    async def achat_completion(self, messages: list[dict[str, str]], *, stream: bool = False, **params: Any):
        """Async :meth:`chat_completion`: a ``ChatCompletionOutput`` or an async iterator of stream chunks."""
        if not self._use_httpx():
            from huggingface_hub import AsyncInferenceClient

            client = AsyncInferenceClient(base_url=self.base_url, token=self.token, timeout=self.timeout)
            return await client.chat_completion(messages, model=self.model, stream=stream, **params)
        if stream:
            return self._ahttpx_stream(messages, params)
        import httpx
        from huggingface_hub import ChatCompletionOutput

        async with httpx.AsyncClient(timeout=self.timeout) as client:
            response = await client.post(
                self._url(), json=self._payload(messages, False, params), headers=self._headers()
            )
        _raise_for_status(response)
        return ChatCompletionOutput.parse_obj_as_instance(response.content)

    async def _ahttpx_stream(self, messages, params):
        import httpx
        from huggingface_hub import ChatCompletionStreamOutput

        async with httpx.AsyncClient(timeout=self.timeout) as client:
            payload = self._payload(messages, True, params)
            async with client.stream("POST", self._url(), json=payload, headers=self._headers()) as response:
                if response.status_code >= 400:
                    await response.aread()
                    _raise_for_status(response)
                async for line in response.aiter_lines():
                    data = _sse_data(line)
                    if data is None:
                        continue
                    if data == "[DONE]":
                        return
                    yield ChatCompletionStreamOutput.parse_obj_as_instance(_checked_chunk(data))

    async def acomplete(self, messages: list[dict[str, str]], **params: Any) -> str:
        """Async :meth:`complete`."""
        output = await self.achat_completion(messages, stream=False, **params)
        return output.choices[0].message.content or ""


def _sse_data(line: str) -> str | None:
    line = line.strip()
    if not line.startswith("data:"):
        return None
    return line[len("data:") :].strip()


def _checked_chunk(data: str) -> dict:
    chunk = json.loads(data)
    if "error" in chunk and "choices" not in chunk:
        error = chunk["error"]
        raise RuntimeError(
            f"The endpoint failed mid-stream: {error.get('message', error) if isinstance(error, dict) else error}"
        )
    return chunk


def _raise_for_status(response) -> None:
    """Raise ``huggingface_hub``'s ``HfHubHTTPError`` (as ``InferenceClient`` does) with the server's reason."""
    if response.status_code < 400:
        return
    from huggingface_hub.errors import HfHubHTTPError

    try:
        body = response.json()
        error = body.get("error", body)
        reason = error.get("message", error) if isinstance(error, dict) else error
    except (ValueError, AttributeError):
        reason = response.text
    raise HfHubHTTPError(
        f"{response.status_code} error from {response.request.url}: {reason}",
        response=response,
        server_message=str(reason),
    )


def chat_client(
    base_url: str, *, token: str | None = None, timeout: float | None = None, model: str | None = None
) -> EndpointClient:
    """Return a chat client for an OpenAI-compatible endpoint (works offline against a local server).

    Args:
        base_url: e.g. ``http://127.0.0.1:8000`` (``llmzoo serve``), a TGI/vLLM URL or an Inference Endpoint.
        token: bearer token; ``None`` lets ``huggingface_hub`` find ``HF_TOKEN`` / the cached login (remote only).
        timeout: seconds per request (``None``: no limit).
        model: model name sent in each request (vLLM checks it; ``llmzoo serve`` and TGI accept any).

    Returns:
        An :class:`EndpointClient` with ``chat_completion`` / ``achat_completion`` (same objects as
        ``InferenceClient``), ``complete`` / ``acomplete`` (text) and ``stream_text`` (text pieces).
    """
    return EndpointClient(base_url, token=token, timeout=timeout, model=model)
