"""``llmzoo serve``: a small OpenAI-compatible server over our continuous-batching engine, and a client for it.

Endpoints: ``POST /v1/chat/completions`` (stream or not), ``GET /v1/models``, ``GET /health``, and TGI's
``POST /generate`` / ``POST /generate_stream``. Requests beyond ``max_queue`` waiting ones get 429; bad bodies get
400/422 with the reason; a prompt longer than the context gets 400 naming both lengths; a client that goes away
mid-stream frees its slot at the next decode step.

:func:`chat_client` returns an :class:`EndpointClient` that talks to any OpenAI-compatible endpoint (ours, TGI,
vLLM, Inference Endpoints) through ``huggingface_hub.InferenceClient``, and still works with ``HF_HUB_OFFLINE=1``
against a server on this machine (``InferenceClient`` refuses every request when offline, even to 127.0.0.1).

fastapi and uvicorn are imported only when a server is built (``pip install llmzoo-hf[serve]``).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from . import __version__
from ._serve_engine import BatchEngine, EngineEvent, EngineRequest, QueueFullError

if TYPE_CHECKING:
    from fastapi import FastAPI

logger = logging.getLogger(__name__)

__all__ = [
    "ServeConfig",
    "create_app",
    "serve",
    "chat_client",
    "EndpointClient",
    "parse_endpoints",
    "BatchEngine",
    "QueueFullError",
]

SYSTEM_FINGERPRINT = f"llmzoo-hf-{__version__}"


@dataclass
class ServeConfig:
    """Options of ``llmzoo serve`` (model loading, server and batching)."""

    model_name_or_path: str | None = field(default=None, metadata={"help": "Local folder, zoo name or Hub id."})
    revision: str | None = field(default=None, metadata={"help": "Hub revision of the model."})
    template: str | None = field(default=None, metadata={"help": "Chat template when the model has none."})
    force_template: bool = field(default=False, metadata={"help": "Use `template` even if the model has one."})
    dtype: str = field(default="auto", metadata={"help": "auto, float32, bfloat16 or float16."})
    load_in_8bit: bool = field(default=False, metadata={"help": "Load the weights in int8 (bitsandbytes)."})
    load_in_4bit: bool = field(default=False, metadata={"help": "Load the weights in nf4 (bitsandbytes)."})
    trust_remote_code: bool = field(default=False, metadata={"help": "Run the repository's own code."})
    served_model_name: str | None = field(default=None, metadata={"help": "Name in /v1/models and replies."})
    host: str = field(default="127.0.0.1", metadata={"help": "Address to listen on."})
    port: int = field(default=8000, metadata={"help": "TCP port to listen on."})
    max_batch_size: int = field(default=8, metadata={"help": "Most requests decoded together."})
    max_queue: int = field(default=64, metadata={"help": "Most requests waiting for a slot (429 beyond)."})
    max_model_len: int | None = field(default=None, metadata={"help": "Context length (default: the model's)."})
    temperature: float = field(default=0.7, metadata={"help": "Default temperature when a request sets none."})
    top_p: float = field(default=0.9, metadata={"help": "Default top-p when a request sets none."})
    max_new_tokens: int = field(default=512, metadata={"help": "Default max tokens when a request sets none."})
    repetition_penalty: float = field(default=1.0, metadata={"help": "Repetition penalty (1 = off)."})
    seed: int | None = field(default=None, metadata={"help": "Default sampling seed when a request sets none."})

    def __post_init__(self) -> None:
        if self.max_batch_size < 1:
            raise ValueError(f"max_batch_size={self.max_batch_size} must be >= 1.")
        if self.max_queue < 0:
            raise ValueError(f"max_queue={self.max_queue} must be >= 0.")
        if self.max_model_len is not None and self.max_model_len < 2:
            raise ValueError(f"max_model_len={self.max_model_len} must be >= 2.")
        if not 0 < self.port < 65536:
            raise ValueError(f"port={self.port} must be in 1..65535.")


class RequestError(ValueError):
    """A request the server refuses with ``status_code`` (400 by default) and a reason."""

    def __init__(self, message: str, *, status_code: int = 400):
        super().__init__(message)
        self.status_code = status_code


def _error_body(message: str, status_code: int, error_type: str = "invalid_request_error") -> dict[str, Any]:
    # OpenAI's error shape; TGI clients read `error` as text, so `message` is repeated at the top level too.
    return {"error": {"message": message, "type": error_type, "code": status_code}, "message": message}


def _content_text(content: Any) -> str:
    """Flatten an OpenAI message content (a string or a list of text parts) to text."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "".join(part.text for part in content if part.type == "text")


class _Server:
    """Turns HTTP requests into engine requests (prompt rendering, length checks, defaults)."""

    def __init__(self, engine: BatchEngine, tokenizer, config: ServeConfig, served_model_name: str):
        self.engine = engine
        self.tokenizer = tokenizer
        self.config = config
        self.served_model_name = served_model_name
        self.created = int(time.time())

    def prompt_ids_for_messages(self, messages: list[dict[str, str]]) -> list[int]:
        try:
            text = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        except Exception as exc:  # jinja raise_exception(...) in templates, e.g. roles out of order
            raise RequestError(f"The chat template refused these messages: {exc}") from exc
        return self.prompt_ids_for_text(text)

    def prompt_ids_for_text(self, text: str) -> list[int]:
        # the chat template already holds the special tokens (BOS) it wants
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        if not ids:
            raise RequestError("The prompt is empty.")
        limit = self.engine.max_model_len
        if len(ids) >= limit:
            raise RequestError(
                f"The prompt has {len(ids)} tokens but the context length is {limit} tokens "
                f"(prompt + generated tokens must fit); shorten the messages.",
            )
        return ids

    def engine_request(
        self,
        prompt_ids: list[int],
        emit,
        *,
        max_tokens: int | None,
        temperature: float | None,
        top_p: float | None,
        seed: int | None,
        stop: str | list[str] | None,
        repetition_penalty: float | None = None,
        ignore_eos: bool = False,
    ) -> EngineRequest:
        config = self.config
        budget = self.engine.max_model_len - len(prompt_ids)
        max_new = min(max_tokens or config.max_new_tokens, budget)
        stops = [stop] if isinstance(stop, str) else list(stop or [])
        return EngineRequest(
            prompt_ids,
            emit,
            max_new_tokens=max_new,
            temperature=config.temperature if temperature is None else temperature,
            top_p=config.top_p if top_p is None else top_p,
            repetition_penalty=config.repetition_penalty if repetition_penalty is None else repetition_penalty,
            seed=config.seed if seed is None else seed,
            stop=[s for s in stops if s],
            ignore_eos=ignore_eos,
        )

    def submit(self, request: EngineRequest) -> None:
        try:
            self.engine.submit(request)
        except QueueFullError as exc:
            raise RequestError(str(exc), status_code=429) from exc


def _async_sink() -> tuple[asyncio.Queue, Any]:
    """Return an asyncio queue and a thread-safe callback that feeds it from the engine's worker thread."""
    loop = asyncio.get_running_loop()
    events: asyncio.Queue = asyncio.Queue()

    def emit(event: EngineEvent) -> None:
        loop.call_soon_threadsafe(events.put_nowait, event)

    return events, emit


async def _events(events: asyncio.Queue, request: EngineRequest) -> AsyncIterator[EngineEvent]:
    """Yield a request's events until ``done``/``error``; cancel the request if the consumer goes away first."""
    finished = False
    try:
        while True:
            event = await events.get()
            yield event
            if event.kind in ("done", "error"):
                finished = True
                return
    finally:
        if not finished:
            request.cancel()


async def _collect_unless_disconnected(http_request, events: asyncio.Queue, request: EngineRequest):
    """Gather a whole reply for a non-streaming call, cancelling it if the client disconnects meanwhile."""
    pieces: list[str] = []
    try:
        while True:
            try:
                event = await asyncio.wait_for(events.get(), timeout=1.0)
            except asyncio.TimeoutError:
                if await http_request.is_disconnected():
                    request.cancel()
                    return None, None
                continue
            if event.kind == "token":
                pieces.append(event.text)
            elif event.kind == "error":
                raise RequestError(event.text, status_code=500)
            else:
                return "".join(pieces), event
    except asyncio.CancelledError:
        request.cancel()
        raise


def create_app(
    engine: BatchEngine, tokenizer, config: ServeConfig | None = None, *, served_model_name: str
) -> FastAPI:
    """Build the FastAPI app over a (started or not) engine; the app starts and stops the engine with itself.

    Raises:
        ImportError: fastapi is not installed (``pip install llmzoo-hf[serve]``).
    """
    from .errors import require

    require("fastapi", extra="serve", feature="llmzoo serve")
    from ._serve_app import build_app

    server = _Server(engine, tokenizer, config or ServeConfig(), served_model_name)
    return build_app(server)


def _usage(done: EngineEvent) -> dict[str, int]:
    return {
        "prompt_tokens": done.prompt_tokens,
        "completion_tokens": done.completion_tokens,
        "total_tokens": done.prompt_tokens + done.completion_tokens,
    }


def _tgi_finish(reason: str | None) -> str:
    return {"stop": "eos_token", "length": "length"}.get(reason or "", reason or "eos_token")


def build_server(config: ServeConfig) -> tuple[FastAPI, BatchEngine]:
    """Load the model named in ``config`` and return the app and its (not yet started) engine.

    Raises:
        DeltaFolderError: the model folder holds delta weights (apply them first).
        TemplateError: the model has no chat template and ``config.template`` names none.
    """
    from .chat import ensure_chat_template, load_model_and_tokenizer

    model, tokenizer, resolved = load_model_and_tokenizer(
        config.model_name_or_path,
        revision=config.revision,
        dtype=config.dtype,
        load_in_8bit=config.load_in_8bit,
        load_in_4bit=config.load_in_4bit,
        trust_remote_code=config.trust_remote_code,
    )
    template_name, source = ensure_chat_template(
        tokenizer, config.template or resolved.template, force_template=config.force_template
    )
    logger.info("chat template: %s", "the model's own" if source == "model" else f"{template_name!r} ({source})")
    model_limit = getattr(model.config, "max_position_embeddings", None) or getattr(model.config, "seq_length", None)
    max_model_len = config.max_model_len or model_limit or 2048
    if model_limit and max_model_len > model_limit:
        raise ValueError(f"max_model_len={max_model_len} is above the model's max_position_embeddings={model_limit}.")
    engine = BatchEngine(
        model, tokenizer, max_batch_size=config.max_batch_size, max_queue=config.max_queue, max_model_len=max_model_len
    )
    name = config.served_model_name or _default_served_name(config.model_name_or_path, resolved.kind)
    return create_app(engine, tokenizer, config, served_model_name=name), engine


def _default_served_name(model_name_or_path: str | None, kind: str) -> str:
    if model_name_or_path is None:
        return "SmolLM2-135M-Instruct"
    if kind == "local":
        return Path(model_name_or_path).name
    return model_name_or_path


def serve(config: ServeConfig) -> None:
    """Load the model and serve it on ``config.host:config.port`` until interrupted."""
    from .errors import require

    require("uvicorn", extra="serve", feature="llmzoo serve")
    import uvicorn

    app, engine = build_server(config)
    logger.info(
        "serving on http://%s:%d (max_batch_size=%d, max_queue=%d, context=%d tokens)",
        config.host,
        config.port,
        engine.max_batch_size,
        engine.max_queue,
        engine.max_model_len,
    )
    uvicorn.run(app, host=config.host, port=config.port, log_level="info", timeout_graceful_shutdown=5)


# -- client ---------------------------------------------------------------------------------------------------


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
