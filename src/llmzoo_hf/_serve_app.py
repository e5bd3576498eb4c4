"""The FastAPI routes of ``llmzoo serve`` (imported only when a server is built: needs fastapi).

No ``from __future__ import annotations`` here: FastAPI reads the request models from the annotations at run time.
"""

import json
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from . import __version__
from ._serve_engine import EngineRequest
from .serve import (
    SYSTEM_FINGERPRINT,
    RequestError,
    _async_sink,
    _collect_unless_disconnected,
    _content_text,
    _error_body,
    _events,
    _Server,
    _tgi_finish,
    _usage,
)


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
    model_config = ConfigDict(extra="ignore")
    model: str | None = None
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    max_tokens: int | None = Field(default=None, ge=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    temperature: float | None = Field(default=None, ge=0, le=2)
    top_p: float | None = Field(default=None, gt=0, le=1)
    seed: int | None = None
    stop: str | list[str] | None = None
    n: int = Field(default=1, ge=1, le=1)
    stream_options: StreamOptions | None = None
    # vLLM's extension: keep generating past EOS up to max_tokens (benchmarks with equal work per request).
    ignore_eos: bool = False


class GenerateParameters(BaseModel):
    model_config = ConfigDict(extra="ignore")
    max_new_tokens: int | None = Field(default=None, ge=1)
    temperature: float | None = Field(default=None, ge=0)
    top_p: float | None = Field(default=None, gt=0, le=1)
    do_sample: bool = False
    seed: int | None = None
    repetition_penalty: float | None = Field(default=None, gt=0)
    stop: list[str] = Field(default_factory=list)


class GenerateRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    inputs: str = Field(min_length=1)
    parameters: GenerateParameters = Field(default_factory=GenerateParameters)
    stream: bool = False


def _sse(payload: dict) -> str:
    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"


def build_app(server: _Server) -> FastAPI:
    """Return the app: OpenAI chat completions, models, health and TGI generate routes over ``server``."""
    engine = server.engine
    served_model_name = server.served_model_name

    @asynccontextmanager
    async def lifespan(app):
        engine.start()
        try:
            yield
        finally:
            engine.stop()

    # curl users often leave out `Content-Type: application/json`; read the body as JSON anyway (like TGI)
    app = FastAPI(title="llmzoo serve", version=__version__, lifespan=lifespan, strict_content_type=False)

    @app.exception_handler(RequestError)
    async def _request_error(request: Request, exc: RequestError):
        error_type = "rate_limit_error" if exc.status_code == 429 else "invalid_request_error"
        return JSONResponse(_error_body(str(exc), exc.status_code, error_type), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        problems = []
        status_code = 422
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
            if error.get("type") == "json_invalid":
                status_code = 400
                problems.append(f"the body is not valid JSON ({error.get('ctx', {}).get('error', 'parse error')})")
            else:
                problems.append(f"{where}: {error.get('msg')}")
        return JSONResponse(_error_body("Invalid request: " + "; ".join(problems), status_code), status_code)

    @app.get("/health")
    async def health():
        return {"status": "ok", "model": served_model_name, **engine.stats, "max_batch_size": engine.max_batch_size}

    @app.get("/v1/models")
    async def models():
        card = {
            "id": served_model_name,
            "object": "model",
            "created": server.created,
            "owned_by": "llmzoo-hf",
            "max_model_len": engine.max_model_len,
        }
        return {"object": "list", "data": [card]}

    @app.post("/v1/chat/completions")
    async def chat_completions(body: ChatCompletionRequest, http_request: Request):
        messages = [{"role": m.role, "content": _content_text(m.content)} for m in body.messages]
        prompt_ids = server.prompt_ids_for_messages(messages)
        events, emit = _async_sink()
        request = server.engine_request(
            prompt_ids,
            emit,
            max_tokens=body.max_completion_tokens or body.max_tokens,
            temperature=body.temperature,
            top_p=body.top_p,
            seed=body.seed,
            stop=body.stop,
            ignore_eos=body.ignore_eos,
        )
        server.submit(request)
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        created = int(time.time())
        if not body.stream:
            text, done = await _collect_unless_disconnected(http_request, events, request)
            if done is None:
                return JSONResponse(_error_body("client disconnected", 499), status_code=499)
            choice = {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "logprobs": None,
                "finish_reason": done.finish_reason,
            }
            return {
                "id": completion_id,
                "object": "chat.completion",
                "created": created,
                "model": served_model_name,
                "system_fingerprint": SYSTEM_FINGERPRINT,
                "choices": [choice],
                "usage": _usage(done),
            }

        header = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": served_model_name,
            "system_fingerprint": SYSTEM_FINGERPRINT,
        }

        def chunk(delta: dict, finish_reason: str | None = None) -> str:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            return _sse({**header, "choices": [choice]})

        include_usage = bool(body.stream_options and body.stream_options.include_usage)

        async def sse() -> AsyncIterator[str]:
            yield chunk({"role": "assistant", "content": ""})
            async for event in _events(events, request):
                if event.kind == "token":
                    if event.text:
                        yield chunk({"content": event.text})
                elif event.kind == "error":
                    yield _sse(_error_body(event.text, 500, "server_error"))
                else:
                    yield chunk({}, event.finish_reason)
                    if include_usage:
                        yield _sse({**header, "choices": [], "usage": _usage(event)})
            yield "data: [DONE]\n\n"

        return StreamingResponse(sse(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    def tgi_request(body: GenerateRequest, emit) -> EngineRequest:
        params = body.parameters
        # TGI decodes greedily unless do_sample (or a temperature) asks for sampling
        sampling = params.do_sample or (params.temperature is not None and params.temperature > 0)
        return server.engine_request(
            server.prompt_ids_for_text(body.inputs),
            emit,
            max_tokens=params.max_new_tokens,
            temperature=(params.temperature or 1.0) if sampling else 0.0,
            top_p=params.top_p,
            seed=params.seed,
            stop=params.stop,
            repetition_penalty=params.repetition_penalty,
        )

    @app.post("/generate")
    async def generate(body: GenerateRequest, http_request: Request):
        events, emit = _async_sink()
        request = tgi_request(body, emit)
        server.submit(request)
        text, done = await _collect_unless_disconnected(http_request, events, request)
        if done is None:
            return JSONResponse(_error_body("client disconnected", 499), status_code=499)
        details = {"finish_reason": _tgi_finish(done.finish_reason), "generated_tokens": done.completion_tokens}
        return {"generated_text": text, "details": details}

    @app.post("/generate_stream")
    async def generate_stream(body: GenerateRequest):
        events, emit = _async_sink()
        request = tgi_request(body, emit)
        server.submit(request)

        async def sse() -> AsyncIterator[str]:
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
                    details = {
                        "finish_reason": _tgi_finish(event.finish_reason),
                        "generated_tokens": event.completion_tokens,
                    }
                    token = {"id": 0, "text": "", "logprob": 0.0, "special": True}
                    yield _sse({"index": index, "token": token, "generated_text": "".join(pieces), "details": details})

        return StreamingResponse(sse(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    return app
