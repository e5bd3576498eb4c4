"""The HTTP side of ``llmzoo serve``: OpenAI chat completions, models, health and TGI's generate routes.

Imported only when a server is built (needs fastapi). No ``from __future__ import annotations`` here: FastAPI reads
the request models from the annotations at run time.

Every error, whatever raised it (a bad body, a body that is not UTF-8 or too large, a validation error, a full
queue, a failed row), answers in OpenAI's shape ``{"error": {"message", "type", "param", "code"}}``.
"""

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from .. import __version__
from .config import ServeConfig
from .engine import Engine, EngineEvent, EngineRequest, QueueFullError

SYSTEM_FINGERPRINT = f"llmzoo-hf-{__version__}"
MAX_SEED = 2**63 - 1  # torch.Generator seeds are signed 64-bit integers

# OpenAI fields this server cannot honour: a request that sets one to anything but its neutral value gets 400.
UNSUPPORTED_CHAT_FIELDS = {
    "frequency_penalty": (None, 0, 0.0),
    "presence_penalty": (None, 0, 0.0),
    "logprobs": (None, False),
    "top_logprobs": (None, 0),
    "logit_bias": (None, {}),
    "tools": (None, []),
    "tool_choice": (None, "none", "auto"),
    "response_format": (None, {"type": "text"}),
}
UNSUPPORTED_TGI_FIELDS = {
    "top_k": (None,),
    "typical_p": (None,),
    "best_of": (None, 1),
    "watermark": (None, False),
    "frequency_penalty": (None, 0, 0.0),
    "grammar": (None,),
    "truncate": (None,),
}

router = APIRouter()


class RequestError(ValueError):
    """A request the server refuses with ``status_code`` (400 by default), a reason and the field at fault."""

    def __init__(self, message: str, *, status_code: int = 400, param: str | None = None):
        super().__init__(message)
        self.status_code = status_code
        self.param = param


_ERROR_TYPES = {413: "invalid_request_error", 429: "rate_limit_error", 500: "server_error", 503: "server_error"}


def error_body(message: str, status_code: int, *, param: str | None = None) -> dict[str, Any]:
    """Return OpenAI's error shape; ``message`` is repeated at the top level for TGI clients, which read it there."""
    error_type = _ERROR_TYPES.get(status_code, "invalid_request_error")
    return {"error": {"message": message, "type": error_type, "param": param, "code": status_code}, "message": message}


def _error_response(message: str, status_code: int, *, param: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, status_code, param=param), status_code=status_code)


# -- request bodies -------------------------------------------------------------------------------------------------


class TextPart(BaseModel):
    type: str
    text: str = ""


class Message(BaseModel):
    model_config = ConfigDict(extra="ignore")
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[TextPart] | None = None


class StreamOptions(BaseModel):
    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str | None = None
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    max_tokens: int | None = Field(default=None, ge=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    temperature: float | None = Field(default=None, ge=0, le=2)
    top_p: float | None = Field(default=None, gt=0, le=1)
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED)
    stop: str | list[str] | None = None
    n: int = Field(default=1, ge=1, le=1)  # one choice per request: the engine samples one sequence per row
    stream_options: StreamOptions | None = None
    # vLLM's extension: keep generating past EOS up to max_tokens (benchmarks with equal work per request).
    ignore_eos: bool = False


class GenerateParameters(BaseModel):
    model_config = ConfigDict(extra="allow")
    max_new_tokens: int | None = Field(default=None, ge=1)
    temperature: float | None = Field(default=None, ge=0)
    top_p: float | None = Field(default=None, gt=0, le=1)
    do_sample: bool = False
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED)
    repetition_penalty: float | None = Field(default=None, gt=0)
    stop: list[str] = Field(default_factory=list)


class GenerateRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    inputs: str = Field(min_length=1)
    parameters: GenerateParameters = Field(default_factory=GenerateParameters)
    stream: bool = False


def _refuse_unsupported(model: BaseModel, table: dict[str, tuple], prefix: str = "") -> None:
    for name, neutral in table.items():
        value = (model.model_extra or {}).get(name)
        if value not in neutral:
            raise RequestError(
                f"{prefix}{name}={value!r} is not supported by this server; leave it out.", param=prefix + name
            )


# -- server state ---------------------------------------------------------------------------------------------------


@dataclass
class ServerState:
    """What the routes share: the engine, the tokenizer, the defaults and the served name."""

    engine: Engine
    tokenizer: Any
    config: ServeConfig
    served_model_name: str
    created: int = field(default_factory=lambda: int(time.time()))

    def prompt_ids_for_messages(self, messages: list[dict[str, str]]) -> list[int]:
        try:
            text = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        except Exception as exc:  # jinja raise_exception(...) in templates, e.g. roles out of order
            raise RequestError(f"The chat template refused these messages: {exc}", param="messages") from exc
        return self.prompt_ids_for_text(text, param="messages")

    def prompt_ids_for_text(self, text: str, *, param: str = "inputs") -> list[int]:
        # the chat template already holds the special tokens (BOS) it wants
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        if not ids:
            raise RequestError("The prompt is empty.", param=param)
        limit = self.engine.max_model_len
        if len(ids) >= limit:
            raise RequestError(
                f"The prompt has {len(ids)} tokens but the context length is {limit} tokens "
                f"(prompt + generated tokens must fit); shorten the messages.",
                param=param,
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
        stream: bool = True,
    ) -> EngineRequest:
        config = self.config
        budget = self.engine.max_model_len - len(prompt_ids)
        stops = [stop] if isinstance(stop, str) else list(stop or [])
        return EngineRequest(
            prompt_ids,
            emit,
            max_new_tokens=min(max_tokens or config.max_new_tokens, budget),
            temperature=config.temperature if temperature is None else temperature,
            top_p=config.top_p if top_p is None else top_p,
            repetition_penalty=config.repetition_penalty if repetition_penalty is None else repetition_penalty,
            seed=config.seed if seed is None else seed,
            stop=[s for s in stops if s],
            ignore_eos=ignore_eos,
            stream=stream,
        )

    def submit(self, request: EngineRequest) -> None:
        try:
            self.engine.submit(request)
        except QueueFullError as exc:
            raise RequestError(str(exc), status_code=429) from exc


def _state(request: Request) -> ServerState:
    return request.app.state.llmzoo


def _event_sink() -> tuple[asyncio.Queue, Any]:
    """Return a queue and the ``emit`` callback that feeds it (the engine calls it on this event loop)."""
    events: asyncio.Queue = asyncio.Queue()
    return events, events.put_nowait


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


async def _collect_unless_disconnected(http_request: Request, events: asyncio.Queue, request: EngineRequest):
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


def _usage(done: EngineEvent) -> dict[str, int]:
    return {
        "prompt_tokens": done.prompt_tokens,
        "completion_tokens": done.completion_tokens,
        "total_tokens": done.prompt_tokens + done.completion_tokens,
    }


def _sse(payload: dict) -> str:
    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"


def _content_text(content: Any) -> str:
    """Flatten an OpenAI message content (a string or a list of text parts) to text."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "".join(part.text for part in content if part.type == "text")


# -- routes -----------------------------------------------------------------------------------------------------------


@router.get("/health")
async def health(request: Request):
    state = _state(request)
    engine = state.engine
    return {"status": "ok", "model": state.served_model_name, **engine.stats, "max_batch_size": engine.max_batch_size}


@router.get("/v1/models")
async def models(request: Request):
    state = _state(request)
    card = {
        "id": state.served_model_name,
        "object": "model",
        "created": state.created,
        "owned_by": "llmzoo-hf",
        "max_model_len": state.engine.max_model_len,
    }
    return {"object": "list", "data": [card]}


@router.post("/v1/chat/completions")
async def chat_completions(body: ChatCompletionRequest, http_request: Request):
    state = _state(http_request)
    _refuse_unsupported(body, UNSUPPORTED_CHAT_FIELDS)
    messages = [{"role": m.role, "content": _content_text(m.content)} for m in body.messages]
    # tokenising a long prompt takes a while: keep the event loop (every other stream) running meanwhile
    prompt_ids = await asyncio.to_thread(state.prompt_ids_for_messages, messages)
    events, emit = _event_sink()
    request = state.engine_request(
        prompt_ids,
        emit,
        max_tokens=body.max_completion_tokens or body.max_tokens,
        temperature=body.temperature,
        top_p=body.top_p,
        seed=body.seed,
        stop=body.stop,
        ignore_eos=body.ignore_eos,
        stream=bool(body.stream),
    )
    state.submit(request)
    header = {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": state.served_model_name,
        "system_fingerprint": SYSTEM_FINGERPRINT,
    }
    if not body.stream:
        text, done = await _collect_unless_disconnected(http_request, events, request)
        if done is None:
            return _error_response("client disconnected", 499)
        message = {"role": "assistant", "content": text}
        choice = {"index": 0, "message": message, "logprobs": None, "finish_reason": done.finish_reason}
        return {**header, "choices": [choice], "usage": _usage(done)}
    include_usage = bool(body.stream_options and body.stream_options.include_usage)
    sse = _chat_stream({**header, "object": "chat.completion.chunk"}, events, request, include_usage)
    return StreamingResponse(sse, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


async def _chat_stream(header: dict, events, request: EngineRequest, include_usage: bool) -> AsyncIterator[str]:
    def chunk(delta: dict, finish_reason: str | None = None) -> str:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        return _sse({**header, "choices": [choice]})

    yield chunk({"role": "assistant", "content": ""})
    async for event in _events(events, request):
        if event.kind == "token":
            if event.text:
                yield chunk({"content": event.text})
        elif event.kind == "error":
            yield _sse(error_body(event.text, 500))
        else:
            yield chunk({}, event.finish_reason)
            if include_usage:
                yield _sse({**header, "choices": [], "usage": _usage(event)})
    yield "data: [DONE]\n\n"


async def _tgi_request(state: ServerState, body: GenerateRequest, emit, *, stream: bool) -> EngineRequest:
    params = body.parameters
    _refuse_unsupported(params, UNSUPPORTED_TGI_FIELDS, prefix="parameters.")
    # TGI decodes greedily unless do_sample (or a temperature) asks for sampling
    sampling = params.do_sample or (params.temperature is not None and params.temperature > 0)
    prompt_ids = await asyncio.to_thread(state.prompt_ids_for_text, body.inputs)
    return state.engine_request(
        prompt_ids,
        emit,
        max_tokens=params.max_new_tokens,
        temperature=(params.temperature or 1.0) if sampling else 0.0,
        top_p=params.top_p,
        seed=params.seed,
        stop=params.stop,
        repetition_penalty=params.repetition_penalty,
        stream=stream,
    )


def _tgi_finish(reason: str | None) -> str:
    return {"stop": "eos_token", "length": "length"}.get(reason or "", reason or "eos_token")


@router.post("/generate")
async def generate(body: GenerateRequest, http_request: Request):
    state = _state(http_request)
    events, emit = _event_sink()
    request = await _tgi_request(state, body, emit, stream=False)
    state.submit(request)
    text, done = await _collect_unless_disconnected(http_request, events, request)
    if done is None:
        return _error_response("client disconnected", 499)
    details = {"finish_reason": _tgi_finish(done.finish_reason), "generated_tokens": done.completion_tokens}
    return {"generated_text": text, "details": details}


@router.post("/generate_stream")
async def generate_stream(body: GenerateRequest, http_request: Request):
    state = _state(http_request)
    events, emit = _event_sink()
    request = await _tgi_request(state, body, emit, stream=True)
    state.submit(request)
    return StreamingResponse(
        _tgi_stream(events, request), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


@router.post("/")
async def compat_generate(body: GenerateRequest, http_request: Request):
    """TGI's root route (what ``InferenceClient(base_url=...).text_generation`` posts to): generate or stream."""
    if body.stream:
        return await generate_stream(body, http_request)
    return await generate(body, http_request)


async def _tgi_stream(events, request: EngineRequest) -> AsyncIterator[str]:
    pieces: list[str] = []
    index = 0
    async for event in _events(events, request):
        index += 1
        if event.kind == "token":
            pieces.append(event.text)
            token = {"id": event.token_id or 0, "text": event.text, "logprob": 0.0, "special": False}
            yield _sse({"index": index, "token": token, "generated_text": None, "details": None})
        elif event.kind == "error":
            yield _sse({"error": event.text, "error_type": "generation"})
        else:
            details = {"finish_reason": _tgi_finish(event.finish_reason), "generated_tokens": event.completion_tokens}
            token = {"id": 0, "text": "", "logprob": 0.0, "special": True}
            yield _sse({"index": index, "token": token, "generated_text": "".join(pieces), "details": details})


# -- errors -----------------------------------------------------------------------------------------------------------


async def _on_request_error(request: Request, exc: RequestError):
    return _error_response(str(exc), exc.status_code, param=exc.param)


async def _on_validation_error(request: Request, exc: RequestValidationError):
    problems, params = [], []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        if error.get("type") == "json_invalid":
            problems.append(f"the body is not valid JSON ({error.get('ctx', {}).get('error', 'parse error')})")
        else:
            problems.append(f"{where or 'body'}: {error.get('msg')}")
            params.append(where or None)
    return _error_response("Invalid request: " + "; ".join(problems), 400, param=params[0] if params else None)


async def _on_http_error(request: Request, exc: HTTPException):
    message = str(exc.detail)
    if exc.status_code == 400 and "parsing the body" in message:  # FastAPI's words for a body it cannot decode
        message = "The body could not be read: send JSON encoded as UTF-8."
    return _error_response(message, exc.status_code)


async def _on_unexpected_error(request: Request, exc: Exception):
    return _error_response(f"Internal error: {type(exc).__name__}: {exc}", 500)


class _BodyLimit:
    """Refuse bodies over ``limit`` bytes with 413 before they are read whole (declared or streamed length)."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        message = f"The request body is larger than {self.limit} bytes (--max-body-bytes)."
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await _error_response(message, 413)(scope, receive, send)
        seen = 0

        async def limited_receive():
            nonlocal seen
            event = await receive()
            seen += len(event.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, message)
            return event

        return await self.app(scope, limited_receive, send)


@asynccontextmanager
async def _lifespan(app: FastAPI):
    engine = app.state.llmzoo.engine
    engine.start()
    try:
        yield
    finally:
        engine.stop()


def create_app(engine: Engine, tokenizer, config: ServeConfig, *, served_model_name: str) -> FastAPI:
    """Return the app over ``engine``; the app starts and stops the engine with itself."""
    # curl users often leave out `Content-Type: application/json`; read the body as JSON anyway (like TGI)
    app = FastAPI(title="llmzoo serve", version=__version__, lifespan=_lifespan, strict_content_type=False)
    app.state.llmzoo = ServerState(engine, tokenizer, config, served_model_name)
    app.include_router(router)
    app.add_exception_handler(RequestError, _on_request_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected_error)
    app.add_middleware(_BodyLimit, limit=config.max_body_bytes)
    return app
