"""One client for OpenAI-compatible chat endpoints (OpenAI, TGI, vLLM, Inference Providers, ``llmzoo serve``).

Built on the official ``openai`` SDK, which does the HTTP work: retries with exponential back-off and jitter that
honour ``Retry-After`` (up to two minutes) on 408 / 409 / 429 / 5xx, time-outs and connection errors; time-outs;
streaming. It is unaffected by ``HF_HUB_OFFLINE``, so a local endpoint works in offline mode. What we add:

- :class:`EndpointConfig`: one typed config (where, which model, request defaults, how hard to push) whose fields
  and help become the CLI options of ``llmzoo data`` and ``llmzoo eval answer|review``;
- :class:`AsyncChatClient`: a concurrency cap and requests/tokens-per-minute limits (``aiolimiter``), usage and
  retry counts; :class:`ChatClient`: the synchronous client with text streaming (the Space's endpoint mode);
- one exception, :class:`~llmzoo_hf.errors.EndpointError`, naming the endpoint and the status or reason.

The API key is read from ``LLMZOO_API_KEY``, else ``OPENAI_API_KEY`` (or passed explicitly, as the Space does with
``HF_TOKEN``); it is sent as a bearer token and never logged, printed or written.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from .errors import ConfigError, EndpointError

logger = logging.getLogger(__name__)

__all__ = [
    "API_KEY_ENV_VARS",
    "AsyncChatClient",
    "ChatClient",
    "ClientStats",
    "Completion",
    "EndpointConfig",
    "add_endpoint_args",
    "endpoint_from_args",
    "resolve_api_key",
]

# Looked up in this order; the key itself is never logged, printed or written anywhere.
API_KEY_ENV_VARS = ("LLMZOO_API_KEY", "OPENAI_API_KEY")
# Request fields a config may set for every request; None leaves them to the endpoint's defaults.
REQUEST_FIELDS = ("temperature", "top_p", "max_tokens", "seed")


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


@dataclass
class EndpointConfig:
    """Where an OpenAI-compatible chat endpoint is, what every request asks for, and how hard to push it.

    Request fields set to None are not sent, so the endpoint's own defaults apply.
    """

    base_url: str = field(
        default="http://127.0.0.1:8000/v1",
        metadata={
            "help": "OpenAI-compatible base URL (OpenAI, TGI, vLLM, llmzoo serve); `/v1` is added to a bare host."
        },
    )
    model: str | None = field(
        default=None, metadata={"help": "Model name sent with each request (default: the first of GET /v1/models)."}
    )
    temperature: float | None = field(default=None, metadata={"help": "Sampling temperature (None: the endpoint's)."})
    top_p: float | None = field(default=None, metadata={"help": "Nucleus sampling mass (None: the endpoint's)."})
    max_tokens: int | None = field(default=None, metadata={"help": "Most tokens per reply (None: the endpoint's)."})
    seed: int | None = field(default=None, metadata={"help": "Sampling seed sent with each request."})
    timeout: float = field(default=120.0, metadata={"help": "Seconds before one request attempt is abandoned."})
    max_retries: int = field(
        default=5,
        metadata={"help": "Retries on 408/409/429/5xx, time-outs, connection errors (back-off, Retry-After)."},
    )
    concurrency: int = field(default=8, metadata={"help": "Most requests in flight at once."})
    requests_per_minute: float | None = field(
        default=None,
        metadata={"help": "Request rate limit, bursts of one second's worth (None: none).", "aliases": ["--rpm"]},
    )
    tokens_per_minute: float | None = field(
        default=None,
        metadata={
            "help": "Token rate limit: prompt (chars/4) + max_tokens per request (None: none).",
            "aliases": ["--tpm"],
        },
    )

    def __post_init__(self) -> None:
        parsed = urlparse(self.base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ConfigError(f"EndpointConfig.base_url={self.base_url!r} must be an http:// or https:// URL.")
        url = self.base_url.rstrip("/").removesuffix("/chat/completions")
        # A bare host (llmzoo serve, TGI) serves the OpenAI routes under /v1; a URL with a path is taken as given.
        self.base_url = url + "/v1" if not urlparse(url).path else url
        for name in ("concurrency", "max_retries"):
            minimum = 1 if name == "concurrency" else 0
            if getattr(self, name) < minimum:
                raise ConfigError(f"EndpointConfig.{name}={getattr(self, name)} must be >= {minimum}.")
        for name in ("timeout", "requests_per_minute", "tokens_per_minute"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ConfigError(f"EndpointConfig.{name}={value} must be > 0.")
        if self.max_tokens is not None and self.max_tokens < 1:
            raise ConfigError(f"EndpointConfig.max_tokens={self.max_tokens} must be >= 1.")

    def request_params(self, **overrides: Any) -> dict[str, Any]:
        """Return the request fields to send: the config's, then ``overrides``, leaving out None values."""
        params = {name: getattr(self, name) for name in REQUEST_FIELDS}
        params.update(overrides)
        return {key: value for key, value in params.items() if value is not None}


@dataclass
class Completion:
    """One chat completion: the reply text, the tokens it cost (None when not reported) and the HTTP attempts."""

    text: str
    prompt_tokens: int | None
    completion_tokens: int | None
    finish_reason: str | None
    attempts: int


@dataclass
class ClientStats:
    """What a client did: HTTP attempts, retries by reason and tokens reported by the endpoint."""

    requests: int = 0
    retries: int = 0
    retries_by_reason: dict[str, int] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0


def resolve_api_key() -> str | None:
    """Return the API key from ``LLMZOO_API_KEY`` or ``OPENAI_API_KEY``; None when neither is set."""
    for name in API_KEY_ENV_VARS:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def estimate_tokens(messages: list[dict[str, str]], max_tokens: int | None) -> int:
    """Estimate a request's token cost before sending it: about 4 characters per prompt token, plus the reply."""
    chars = sum(len(m.get("content") or "") for m in messages)
    return chars // 4 + 4 * len(messages) + (max_tokens or 0)


def _sdk_kwargs(config: EndpointConfig, api_key: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the ``openai.OpenAI``/``AsyncOpenAI`` arguments for ``config``, and the options of every call."""
    import openai

    key = api_key or resolve_api_key()
    kwargs = {"base_url": config.base_url, "timeout": config.timeout, "max_retries": config.max_retries}
    if key:
        return {**kwargs, "api_key": key}, {}
    # Local endpoints need no key. The SDK insists on one, so it gets a placeholder whose header each call drops.
    return {**kwargs, "api_key": "no-key"}, {"extra_headers": {"Authorization": openai.omit}}


def _to_endpoint_error(exc: Exception, config: EndpointConfig, attempts: int) -> EndpointError:
    """Map an ``openai`` exception to an :class:`EndpointError` naming the endpoint and the status or reason."""
    import openai

    if isinstance(exc, openai.APIStatusError):
        body = exc.body if isinstance(exc.body, dict) else {}
        error = body.get("error", body)
        message = error.get("message") if isinstance(error, dict) else error
        return EndpointError(
            config.base_url, f"http_{exc.status_code}", str(message or exc.message), attempts=attempts
        )
    if isinstance(exc, openai.APITimeoutError):
        return EndpointError(config.base_url, "timeout", f"no answer within {config.timeout} s", attempts=attempts)
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc
        return EndpointError(config.base_url, "connection", f"{type(cause).__name__}: {cause}", attempts=attempts)
    return EndpointError(config.base_url, "bad_response", str(exc), attempts=attempts)


def _first_choice_text(response: Any, config: EndpointConfig) -> tuple[str, Any]:
    try:
        choice = response.choices[0]
        return choice.message.content or "", choice
    except (AttributeError, IndexError, TypeError) as exc:
        raise EndpointError(config.base_url, "bad_response", f"not a chat completion: {response!r:.300}") from exc


class ChatClient:
    """Synchronous chat client: whole replies or streamed text pieces (used by the Space's endpoint mode).

    Args:
        config: the endpoint; its concurrency and rate limits apply to :class:`AsyncChatClient` only.
        api_key: bearer token; None reads ``LLMZOO_API_KEY`` / ``OPENAI_API_KEY``.
    """

    def __init__(self, config: EndpointConfig, *, api_key: str | None = None):
        import openai

        self.config = config
        sdk_kwargs, self._call_options = _sdk_kwargs(config, api_key)
        self._client = openai.OpenAI(**sdk_kwargs)
        self.model = config.model

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def resolve_model(self) -> str:
        """Return the model name sent with each request: the config's, else the first of ``GET /v1/models``."""
        if self.model is None:
            import openai

            try:
                self.model = next(iter(self._client.models.list(**self._call_options))).id
            except (openai.OpenAIError, StopIteration) as exc:
                raise _model_lookup_error(self.config, exc) from exc
        return self.model

    def complete(self, messages: list[dict[str, str]], **params: Any) -> str:
        """Return the whole reply text; ``params`` (``temperature``, ``max_tokens``, ...) override the config's.

        Raises:
            EndpointError: the request failed for good (after the SDK's retries).
        """
        import openai

        try:
            response = self._client.chat.completions.create(
                model=self.resolve_model(),
                messages=messages,
                **self.config.request_params(**params),
                **self._call_options,
            )
        except openai.OpenAIError as exc:
            raise _to_endpoint_error(exc, self.config, 1) from exc
        return _first_choice_text(response, self.config)[0]

    def stream_text(self, messages: list[dict[str, str]], **params: Any) -> Iterator[str]:
        """Yield the reply's text pieces as the endpoint streams them.

        Raises:
            EndpointError: the request failed, or the endpoint reported an error mid-stream.
        """
        import openai

        try:
            stream = self._client.chat.completions.create(
                model=self.resolve_model(),
                messages=messages,
                stream=True,
                **self.config.request_params(**params),
                **self._call_options,
            )
            with stream:
                for chunk in stream:
                    if chunk.choices and chunk.choices[0].delta.content:
                        yield chunk.choices[0].delta.content
        except openai.OpenAIError as exc:
            raise _to_endpoint_error(exc, self.config, 1) from exc


def _model_lookup_error(config: EndpointConfig, exc: Exception) -> Exception:
    """Explain a failed ``GET /models``: an unreachable endpoint is an :class:`EndpointError`, an endpoint that
    lists no model a :class:`ConfigError` asking for the model name."""
    import openai

    if isinstance(exc, openai.OpenAIError) and not isinstance(exc, openai.NotFoundError):
        return _to_endpoint_error(exc, config, 1)
    return ConfigError(
        f"No model name given and {config.base_url}/models did not list one ({type(exc).__name__}: {exc}); "
        "pass the model name (`--model NAME` / EndpointConfig.model)."
    )


@dataclass
class _Call:
    """One logical request: its estimated token cost (charged per HTTP attempt) and each attempt's outcome."""

    tokens: int
    outcomes: list[str] = field(default_factory=list)


# The SDK's retry loop runs in the caller's task, so the transport below sees the call it is serving here.
_CURRENT_CALL: contextvars.ContextVar[_Call | None] = contextvars.ContextVar("llmzoo_endpoint_call", default=None)


class _RateLimits:
    """Requests- and tokens-per-minute limits as ``aiolimiter`` leaky buckets holding one second's worth."""

    def __init__(self, config: EndpointConfig):
        from aiolimiter import AsyncLimiter

        def per_minute(rate: float | None) -> AsyncLimiter | None:
            if not rate:
                return None
            burst = max(1.0, rate / 60)
            return AsyncLimiter(burst, time_period=burst * 60 / rate)

        self.requests = per_minute(config.requests_per_minute)
        self.tokens = per_minute(config.tokens_per_minute)
        self._charging = asyncio.Lock()

    async def wait(self, tokens: int) -> None:
        """Wait until one more request of ``tokens`` estimated tokens fits within both limits."""
        if self.requests is not None:
            await self.requests.acquire()
        if self.tokens is not None:
            # A cost above the bucket's size is charged in bucket-sized parts, so it still takes its full time;
            # one request's parts at a time, so requests go in arrival order instead of all finishing late.
            async with self._charging:
                while tokens > 0:
                    part = min(tokens, self.tokens.max_rate)
                    await self.tokens.acquire(part)
                    tokens -= part


def _gated_transport(limits: _RateLimits):
    """Return an ``httpx2`` transport that passes each chat request attempt through the rate limits and records
    its outcome; the SDK above it still does all retrying, back-off and parsing."""
    import httpx2

    class GatedTransport(httpx2.AsyncHTTPTransport):
        async def handle_async_request(self, request):
            call = _CURRENT_CALL.get()
            if call is None:  # GET /models and anything else outside complete()
                return await super().handle_async_request(request)
            await limits.wait(call.tokens)
            try:
                response = await super().handle_async_request(request)
            except httpx2.TimeoutException:
                call.outcomes.append("timeout")
                raise
            except httpx2.TransportError:
                call.outcomes.append("connection")
                raise
            call.outcomes.append("ok" if response.status_code < 400 else f"http_{response.status_code}")
            return response

    return GatedTransport()


class AsyncChatClient:
    """Send chat requests within an :class:`EndpointConfig`'s concurrency cap and rate limits.

    Use as ``async with AsyncChatClient(config) as client: completion = await client.complete(messages)``.
    """

    def __init__(self, config: EndpointConfig, *, api_key: str | None = None):
        self.config = config
        self.stats = ClientStats()
        self.model = config.model
        self._api_key = api_key
        self._slots = asyncio.Semaphore(config.concurrency)
        self._limits = _RateLimits(config)
        self._client = None
        self._call_options: dict[str, Any] = {}

    async def __aenter__(self) -> AsyncChatClient:
        import openai

        sdk_kwargs, self._call_options = _sdk_kwargs(self.config, self._api_key)
        http_client = openai.DefaultAsyncHttpxClient(transport=_gated_transport(self._limits))
        self._client = openai.AsyncOpenAI(**sdk_kwargs, http_client=http_client)
        if self.model is None:
            try:
                page = await self._client.models.list(**self._call_options)
                self.model = page.data[0].id
            except (openai.OpenAIError, IndexError) as exc:
                raise _model_lookup_error(self.config, exc) from exc
        return self

    async def __aexit__(self, *exc_info) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def complete(self, messages: list[dict[str, str]], **params: Any) -> Completion:
        """Return the endpoint's reply to ``messages``; ``params`` override the config's request fields.

        Raises:
            EndpointError: the request failed for good (a non-retryable status, or retries exhausted).
        """
        import openai
        from openai.types.chat import ChatCompletion

        if self._client is None:
            raise RuntimeError("AsyncChatClient must be used inside `async with`.")
        request = self.config.request_params(**params)
        call = _Call(estimate_tokens(messages, request.get("max_tokens")))
        token = _CURRENT_CALL.set(call)
        try:
            # A request backing off keeps its slot: under 429s that is the pressure relief the endpoint asks for.
            async with self._slots:
                # The SDK's public verb for a raw body: the same retries, time-outs and parsing as
                # chat.completions.create, without its per-request walk over the typed parameters (a fifth of the
                # client's CPU time per request, which caps throughput at high concurrency on a small machine).
                response = await self._client.post(
                    "/chat/completions",
                    body={"model": self.model, "messages": messages, **request},
                    cast_to=ChatCompletion,
                    options={"headers": self._call_options.get("extra_headers", {})},
                )
        except openai.OpenAIError as exc:
            self._count(call, failed=True)
            raise _to_endpoint_error(exc, self.config, max(1, len(call.outcomes))) from exc
        finally:
            _CURRENT_CALL.reset(token)
        self._count(call, failed=False)
        text, choice = _first_choice_text(response, self.config)
        usage = response.usage
        prompt_tokens = getattr(usage, "prompt_tokens", None)
        completion_tokens = getattr(usage, "completion_tokens", None)
        self.stats.prompt_tokens += prompt_tokens or 0
        self.stats.completion_tokens += completion_tokens or 0
        return Completion(
            text=text,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            finish_reason=choice.finish_reason,
            attempts=max(1, len(call.outcomes)),
        )

    def _count(self, call: _Call, *, failed: bool) -> None:
        """Add a finished call's attempts to the stats: every failed attempt but a final failure was retried."""
        self.stats.requests += len(call.outcomes)
        retried = call.outcomes[:-1] if failed else [o for o in call.outcomes if o != "ok"]
        self.stats.retries += len(retried)
        for reason in retried:
            self.stats.retries_by_reason[reason] = self.stats.retries_by_reason.get(reason, 0) + 1


# --------------------------------------------------------------------------------------------------- CLI options


def add_endpoint_args(
    parser, *, config_class: type[EndpointConfig] = EndpointConfig, title: str = "endpoint", **options: Any
) -> None:
    """Add one option per :class:`EndpointConfig` field (help from its metadata) to an argparse parser.

    The options land in the namespace as ``endpoint_<field>``; :func:`endpoint_from_args` reads them back.

    Args:
        parser: the (sub)command's parser.
        config_class: :class:`EndpointConfig` or a subclass with other defaults (e.g. the judge's).
        title: the option group's title.
        options: ``flags`` (field -> option name, e.g. ``{"base_url": "--judge-endpoint"}``), ``defaults``,
            ``exclude`` and ``required``, as :func:`llmzoo_hf._argparse.add_dataclass_args` takes them.
    """
    from ._argparse import add_dataclass_args

    description = f"API key from {' or '.join(API_KEY_ENV_VARS)} (never printed)."
    add_dataclass_args(parser, config_class, title=title, description=description, dest_prefix="endpoint_", **options)


def endpoint_from_args(args, config_class: type[EndpointConfig] = EndpointConfig, **values: Any) -> EndpointConfig:
    """Build ``config_class`` from the options of :func:`add_endpoint_args`; ``values`` fill excluded fields."""
    from ._argparse import dataclass_from_args

    return dataclass_from_args(args, config_class, dest_prefix="endpoint_", **values)
