"""Self-test of the conformance stand-ins for `openai` and `huggingface_hub`.

Runs with plain python3 (no pytest): starts a small HTTP server on 127.0.0.1 in a thread, calls
the stand-ins, and checks the requests the server received and the errors misuse raises. Exits 0
when every check passes, 1 otherwise (the vitest suite test/conformance/standins.test.ts runs it).
"""

from __future__ import annotations

import base64
import contextlib
import email.parser
import email.policy
import http.server
import inspect
import json
import os
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# The stand-ins come from PYTHONPATH: each lives in its client folder, snippets/clients/python/<sdk>/standin/.

import openai  # noqa: E402  (the stand-ins, found through PYTHONPATH)
from huggingface_hub import InferenceClient  # noqa: E402
from openai import OpenAI  # noqa: E402

TOKEN = "hf_selftest_token"
CHAT_COMPLETION = {
    "id": "cmpl-1",
    "object": "chat.completion",
    "created": 1,
    "model": "org/chat",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello!"}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}


def chat_chunk(content: str) -> dict[str, Any]:
    return {
        "id": "cmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "org/chat",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
    }


def sse(events: list[Any]) -> bytes:
    return ("".join(f"data: {json.dumps(event)}\n\n" for event in events) + "data: [DONE]\n\n").encode("utf-8")


class Recorder:
    """What the server received, and what it answers next (a queue of replies; the last one repeats)."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.replies: list[tuple[int, str, bytes]] = [(200, "application/json", b"{}")]

    def answer(
        self, body: Any = None, *, status: int = 200, content_type: str = "application/json", raw: bytes | None = None
    ) -> None:
        self.requests.clear()
        self.replies = [(status, content_type, raw if raw is not None else json.dumps(body).encode("utf-8"))]

    def then(self, body: Any = None, *, content_type: str = "application/json", raw: bytes | None = None) -> None:
        """Queues one more reply after the ones already set."""
        self.replies.append((200, content_type, raw if raw is not None else json.dumps(body).encode("utf-8")))

    def next_reply(self) -> tuple[int, str, bytes]:
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def only_request(self) -> dict[str, Any]:
        check(len(self.requests) == 1, f"expected exactly one request, got {len(self.requests)}")
        return self.requests[0]


RECORDER = Recorder()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length)
        RECORDER.requests.append(
            {
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body,
            }
        )
        status, content_type, payload = RECORDER.next_reply()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:
        pass


class CheckFailed(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def expect_equal(actual: Any, expected: Any, what: str) -> None:
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def expect_raises(error_type: type[BaseException], call: Callable[[], Any], what: str, contains: str = "") -> None:
    try:
        call()
    except error_type as error:
        check(contains in str(error), f"{what}: the {error_type.__name__} should mention {contains!r}: {error}")
        return
    except Exception as error:  # noqa: BLE001 (report the wrong type)
        raise CheckFailed(f"{what}: expected {error_type.__name__}, got {type(error).__name__}: {error}") from error
    raise CheckFailed(f"{what}: expected {error_type.__name__}, nothing was raised")


def json_body(request: dict[str, Any]) -> Any:
    expect_equal(request["headers"].get("content-type"), "application/json", "content type of a JSON body")
    return json.loads(request["body"])


# -- openai -------------------------------------------------------------------------------------------


def form_parts(request: dict[str, Any]) -> list[tuple[str | None, str | None, str, bytes]]:
    """A multipart/form-data body as (name, file name, content type, bytes) per part, read by the email parser."""
    head = f"Content-Type: {request['headers'].get('content-type', '')}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request["body"])
    check(message.is_multipart(), "the body is a multipart form")
    return [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part.get_content_type(),
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]


def test_openai_chat(origin: str) -> None:
    client = OpenAI(base_url=f"{origin}/v1", api_key=TOKEN, default_headers={"X-HF-Bill-To": "my-org"})
    RECORDER.answer(CHAT_COMPLETION)
    completion = client.chat.completions.create(
        model="org/chat:together",
        messages=[{"role": "user", "content": "Say 'hi' \\ \"$(x)\" ${x} `x` 😀\n"}],
        max_tokens=5,
        extra_body={"top_k": 3},
    )
    request = RECORDER.only_request()
    expect_equal(request["path"], "/v1/chat/completions", "openai path")
    expect_equal(request["headers"].get("authorization"), f"Bearer {TOKEN}", "openai auth header")
    expect_equal(request["headers"].get("x-hf-bill-to"), "my-org", "openai default_headers")
    expect_equal(
        json_body(request),
        {
            "messages": [{"role": "user", "content": "Say 'hi' \\ \"$(x)\" ${x} `x` 😀\n"}],
            "model": "org/chat:together",
            "max_tokens": 5,
            "top_k": 3,
        },
        "openai body",
    )
    expect_equal(completion.choices[0].message.content, "Hello!", "openai completion content")
    expect_equal(completion.choices[0].message.tool_calls, None, "openai missing optional field")
    check("Hello!" in str(completion.choices[0].message), "printing a message shows its content")


def test_openai_stream(origin: str) -> None:
    client = OpenAI(base_url=f"{origin}/v1", api_key=TOKEN)
    RECORDER.answer(content_type="text/event-stream", raw=sse([chat_chunk("Hel"), chat_chunk("lo")]))
    stream = client.chat.completions.create(model="m:p", messages=[{"role": "user", "content": "x"}], stream=True)
    text = "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)
    expect_equal(text, "Hello", "openai streamed text")
    expect_equal(json_body(RECORDER.only_request()).get("stream"), True, "openai stream flag")


def test_openai_misuse(origin: str) -> None:
    client = OpenAI(base_url=f"{origin}/v1", api_key=TOKEN)
    messages = [{"role": "user", "content": "x"}]
    expect_raises(
        TypeError,
        lambda: client.chat.completions.create(model="m", messages=messages, max_new_tokens=5),
        "unknown keyword argument",
        "max_new_tokens",
    )
    expect_raises(TypeError, lambda: client.chat.completions.create(messages, model="m"), "positional argument")
    expect_raises(TypeError, lambda: client.chat.completions.create(messages=messages), "missing model", "model")
    expect_raises(TypeError, lambda: OpenAI(f"{origin}/v1"), "positional constructor argument")
    expect_raises(
        TypeError, lambda: OpenAI(base_url=f"{origin}/v1", api_key=TOKEN, api_base="x"), "unknown constructor argument"
    )
    saved = os.environ.pop("OPENAI_API_KEY", None)
    try:
        expect_raises(openai.OpenAIError, lambda: OpenAI(base_url=f"{origin}/v1"), "missing api key", "api_key")
        os.environ["OPENAI_API_KEY"] = "from-env"
        expect_equal(OpenAI(base_url=f"{origin}/v1").api_key, "from-env", "api key from OPENAI_API_KEY")
    finally:
        os.environ.pop("OPENAI_API_KEY", None)
        if saved is not None:
            os.environ["OPENAI_API_KEY"] = saved
    remote = OpenAI(base_url="https://api.example.com/v1", api_key=TOKEN)
    expect_raises(
        openai.OpenAIError,
        lambda: remote.chat.completions.create(model="m", messages=messages),
        "non-local base URL",
        "local",
    )
    RECORDER.answer({"error": "bad"}, status=400)
    expect_raises(
        openai.APIStatusError, lambda: client.chat.completions.create(model="m", messages=messages), "HTTP 400"
    )
    parameters = inspect.signature(client.chat.completions.create).parameters
    check(all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values()), "create() is keyword-only")


# -- huggingface_hub ----------------------------------------------------------------------------------


@contextlib.contextmanager
def environment(**variables: str | None) -> Iterator[None]:
    """Sets (or, with None, removes) environment variables for the block, then restores them."""
    saved = {name: os.environ.get(name) for name in variables}
    try:
        for name, value in variables.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def hub_models(**mappings: dict[str, Any]) -> str:
    """HF_STANDIN_HUB_MODELS for models given as name=(pipeline_tag, {provider: (providerId, task)})."""
    models = {}
    for key, (pipeline_tag, providers) in mappings.items():
        models[key.replace("__", "/")] = {
            "pipeline_tag": pipeline_tag,
            "tags": ["conversational"] if pipeline_tag == "text-generation" else [],
            "inferenceProviderMapping": {
                provider: {"providerId": provider_id, "task": task, "status": "live"}
                for provider, (provider_id, task) in providers.items()
            },
        }
    return json.dumps(models)


MESSAGES = [{"role": "user", "content": "Hi"}]


def test_hub_chat(origin: str) -> None:
    client = InferenceClient(base_url=f"{origin}/v1", api_key=TOKEN, bill_to="my-org")
    RECORDER.answer(CHAT_COMPLETION)
    completion = client.chat.completions.create(
        model="org/chat:together", messages=MESSAGES, max_tokens=5, extra_body={"top_k": 3}
    )
    request = RECORDER.only_request()
    expect_equal(request["path"], "/v1/chat/completions", "hub chat path (base_url ending in /v1)")
    expect_equal(request["headers"].get("x-hf-bill-to"), "my-org", "hub bill_to header")
    expect_equal(request["headers"].get("authorization"), f"Bearer {TOKEN}", "hub auth header")
    body = json_body(request)
    expect_equal(
        body,
        {"model": "org/chat:together", "messages": MESSAGES, "max_tokens": 5, "stream": False, "top_k": 3},
        "hub chat body: the real client sends stream: false",
    )
    expect_equal(list(body)[:2], ["model", "messages"], "hub chat body starts with model, then messages")
    expect_equal(completion.choices[0].message.content, "Hello!", "hub completion (attribute access)")
    expect_equal(completion["choices"][0]["message"]["content"], "Hello!", "hub completion (item access)")

    other = InferenceClient(base_url=origin, token=TOKEN)
    RECORDER.answer(content_type="text/event-stream", raw=sse([chat_chunk("Hel"), chat_chunk("lo")]))
    chunks = list(other.chat_completion(MESSAGES, model="m:p", stream=True))
    expect_equal(RECORDER.only_request()["path"], "/v1/chat/completions", "hub chat path (bare origin)")
    expect_equal("".join(chunk.choices[0].delta.content for chunk in chunks), "Hello", "hub streamed chat")
    expect_equal(json_body(RECORDER.requests[0]).get("stream"), True, "hub chat stream flag")

    with environment(HF_STANDIN_ROUTER_ORIGIN=origin):
        RECORDER.answer(CHAT_COMPLETION)
        InferenceClient(api_key=TOKEN).chat.completions.create(model="org/chat:groq", messages=MESSAGES)
        request = RECORDER.only_request()
        expect_equal(request["path"], "/v1/chat/completions", "no provider: the router's auto route")
        expect_equal(
            json_body(request), {"model": "org/chat:groq", "messages": MESSAGES, "stream": False}, "auto-routed body"
        )


def test_hub_text_tasks(origin: str) -> None:
    client = InferenceClient(base_url=f"{origin}/hf-inference/models/org/model", api_key=TOKEN)

    RECORDER.answer([[{"label": "POSITIVE", "score": 0.9}, {"label": "NEGATIVE", "score": 0.1}]])
    result = client.text_classification("I like you", top_k=2)
    request = RECORDER.only_request()
    expect_equal(request["path"], "/hf-inference/models/org/model", "task path is base_url")
    expect_equal(json_body(request), {"inputs": "I like you", "parameters": {"top_k": 2}}, "text_classification body")
    expect_equal(result[0].label, "POSITIVE", "text_classification returns the first element")

    RECORDER.answer([{"label": "x", "score": 1.0}])
    client.text_classification(text="no parameters")
    expect_equal(
        json_body(RECORDER.only_request()),
        {"inputs": "no parameters", "parameters": {}},
        "an empty parameters object, like the real client",
    )

    RECORDER.answer({"answer": "Clara", "score": 0.9, "start": 11, "end": 16})
    answer = client.question_answering(question="Who?", context="My name is Clara.")
    expect_equal(
        json_body(RECORDER.only_request()),
        {"inputs": {"question": "Who?", "context": "My name is Clara."}, "parameters": {}},
        "question_answering body",
    )
    expect_equal(answer.answer, "Clara", "question_answering result")

    RECORDER.answer({"answer": "1", "coordinates": [[0, 0]], "cells": ["1"], "aggregator": "NONE"})
    client.table_question_answering(table={"a": ["1"]}, query="How many?", truncation=True)
    expect_equal(
        json_body(RECORDER.only_request()),
        {"inputs": {"query": "How many?", "table": {"a": ["1"]}}, "parameters": {"truncation": True}},
        "table_question_answering body",
    )

    RECORDER.answer([0.1, 0.2])
    client.feature_extraction("Today", normalize=True)
    expect_equal(
        json_body(RECORDER.only_request()),
        {"inputs": "Today", "normalize": True},
        "feature_extraction: top-level options",
    )

    RECORDER.answer([{"label": "sport", "score": 0.9}])
    client.zero_shot_classification("I love football", candidate_labels=["sport", "politics"])
    expect_equal(
        json_body(RECORDER.only_request()),
        {"inputs": "I love football", "parameters": {"candidate_labels": ["sport", "politics"], "multi_label": False}},
        "zero_shot_classification sends its multi_label default",
    )

    events = [
        {"token": {"id": i, "text": text, "logprob": 0.0, "special": False}, "generated_text": None, "details": None}
        for i, text in enumerate(["Once", " upon"])
    ]
    RECORDER.answer(content_type="text/event-stream", raw=sse(events))
    tokens = list(client.text_generation("Tell me", max_new_tokens=5, stream=True))
    expect_equal(
        json_body(RECORDER.only_request()),
        {"inputs": "Tell me", "parameters": {"max_new_tokens": 5}, "stream": True},
        "text_generation stream body",
    )
    expect_equal(tokens, ["Once", " upon"], "text_generation streams token texts")

    RECORDER.answer([{"generated_text": "Tell me more"}])
    expect_equal(client.text_generation("Tell me"), "Tell me more", "text_generation returns the text")
    expect_equal(
        json_body(RECORDER.only_request()), {"inputs": "Tell me", "parameters": {}}, "stream left out when not given"
    )

    RECORDER.answer([{"summary_text": "Short"}])
    expect_equal(client.summarization("Long text").summary_text, "Short", "summarization returns the first element")
    RECORDER.answer({"summary_text": "Short"})
    expect_raises(ValueError, lambda: client.summarization("Long text"), "summarization wants an array", "array")


def test_hub_binary_tasks(origin: str, workdir: Path) -> None:
    audio = workdir / "sample1.flac"
    audio.write_bytes(b"fLaC\x00\x01binary\xff")
    image = workdir / "cats.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0jpeg")
    client = InferenceClient(base_url=f"{origin}/hf-inference/models/org/model", api_key=TOKEN)

    RECORDER.answer([{"label": "speech", "score": 0.9}])
    result = client.audio_classification(str(audio))
    request = RECORDER.only_request()
    expect_equal(request["body"], audio.read_bytes(), "audio bytes sent as the body")
    expect_equal(request["headers"].get("content-type"), "audio/flac", "audio content type from the file name")
    expect_equal(result[0].label, "speech", "audio_classification result")

    RECORDER.answer([{"label": "speech", "score": 0.9}])
    client.audio_classification(audio, top_k=1)
    expect_equal(
        json_body(RECORDER.only_request()),
        {"inputs": base64.b64encode(audio.read_bytes()).decode(), "parameters": {"top_k": 1}},
        "binary input with parameters goes base64 in JSON",
    )

    png = b"\x89PNG\r\n\x1a\nimage"
    RECORDER.answer(content_type="image/png", raw=png)
    client.image_to_image(str(image), prompt="a tiger").save(workdir / "out.png")
    request = RECORDER.only_request()
    expect_equal(
        json_body(request),
        {"inputs": base64.b64encode(image.read_bytes()).decode(), "parameters": {"prompt": "a tiger"}},
        "image_to_image body",
    )
    expect_equal(request["headers"].get("accept"), "image/png", "image tasks ask for PNG")
    expect_equal((workdir / "out.png").read_bytes(), png, "image_to_image result saved")

    RECORDER.answer(content_type="image/png", raw=png)
    client.text_to_image("An astronaut", num_inference_steps=5).save(workdir / "astronaut.png")
    expect_equal(
        json_body(RECORDER.only_request()),
        {"inputs": "An astronaut", "parameters": {"num_inference_steps": 5}},
        "text_to_image body",
    )

    RECORDER.answer(content_type="video/mp4", raw=b"mp4-bytes")
    expect_raises(ValueError, lambda: client.text_to_video("A cat"), "text_to_video on an endpoint URL", "hf-inference")
    check(not RECORDER.requests, "text_to_video sends nothing, like the real client")


ROUTING_MODELS = hub_models(
    org__cls=("text-classification", {"hf-inference": ("org/cls", "text-classification")}),
    org__flux=(
        "text-to-image",
        {
            "together": ("black/flux-together", "text-to-image"),
            "fal-ai": ("fal-ai/flux/dev", "text-to-image"),
            "replicate": ("black/flux-replicate", "text-to-image"),
            "nscale": ("black/flux-nscale", "text-to-image"),
        },
    ),
    org__embed=("feature-extraction", {"scaleway": ("bge", "feature-extraction")}),
    org__llm=(
        "text-generation",
        {"featherless-ai": ("org/llm-f", "text-generation"), "together": ("org/llm-t", "conversational")},
    ),
    org__video=(
        "text-to-video",
        {"fal-ai": ("fal-ai/wan-t2v", "text-to-video"), "novita": ("wan-t2v", "text-to-video")},
    ),
    org__whisper=(
        "automatic-speech-recognition",
        {
            "fal-ai": ("fal-ai/whisper", "automatic-speech-recognition"),
            "deepinfra": ("openai/whisper-large-v3", "automatic-speech-recognition"),
        },
    ),
)


def test_hub_provider_routing(origin: str) -> None:
    with environment(HF_STANDIN_ROUTER_ORIGIN=origin, HF_STANDIN_HUB_MODELS=ROUTING_MODELS):
        RECORDER.answer([[{"label": "x", "score": 1.0}]])
        InferenceClient(provider="hf-inference", api_key=TOKEN).text_classification("x", model="org/cls")
        request = RECORDER.only_request()
        expect_equal(request["path"], "/hf-inference/models/org/cls", "hf-inference route by model id")
        expect_equal(json_body(request), {"inputs": "x", "parameters": {}}, "hf-inference body by model id")
        expect_raises(
            ValueError,
            lambda: InferenceClient(provider="hf-inference", api_key=TOKEN).fill_mask("a", model="org/cls"),
            "the Hub's pipeline tag is checked",
            "doesn't support task",
        )

        png = b"\x89PNG\r\n\x1a\ntogether"
        RECORDER.answer({"data": [{"b64_json": base64.b64encode(png).decode()}]})
        image = InferenceClient(provider="together", api_key=TOKEN).text_to_image(
            "A cat", model="org/flux", num_inference_steps=4
        )
        request = RECORDER.only_request()
        expect_equal(request["path"], "/together/v1/images/generations", "together image route")
        expect_equal(
            json_body(request),
            {"prompt": "A cat", "response_format": "base64", "steps": 4, "model": "black/flux-together"},
            "together image body",
        )
        expect_equal(image.data, png, "together image decoded from base64")

        RECORDER.answer({"data": [{"b64_json": base64.b64encode(png).decode()}]})
        InferenceClient(provider="nscale", api_key=TOKEN).text_to_image("A cat", model="org/flux", width=64, height=32)
        expect_equal(
            json_body(RECORDER.only_request()),
            {"response_format": "b64_json", "prompt": "A cat", "model": "black/flux-nscale", "size": "64x32"},
            "nscale image body",
        )

        RECORDER.answer({"data": [{"embedding": [0.5, 0.25]}]})
        vectors = InferenceClient(provider="scaleway", api_key=TOKEN).feature_extraction("Today", model="org/embed")
        request = RECORDER.only_request()
        expect_equal(request["path"], "/scaleway/v1/embeddings", "scaleway embeddings route")
        expect_equal(json_body(request), {"input": "Today", "model": "bge"}, "scaleway embeddings body")
        expect_equal(vectors, [[0.5, 0.25]], "embeddings read from data[].embedding")

        RECORDER.answer({"choices": [{"text": " upon a time", "finish_reason": "length"}]})
        text = InferenceClient(provider="featherless-ai", api_key=TOKEN).text_generation(
            "Once", model="org/llm", max_new_tokens=5
        )
        request = RECORDER.only_request()
        expect_equal(request["path"], "/featherless-ai/v1/completions", "featherless completions route")
        expect_equal(
            json_body(request),
            {"prompt": "Once", "max_tokens": 5, "model": "org/llm-f"},
            "featherless completions body",
        )
        expect_equal(text, " upon a time", "completions text")

        RECORDER.answer(CHAT_COMPLETION)
        InferenceClient(provider="together", api_key=TOKEN).chat_completion(MESSAGES, model="org/llm")
        request = RECORDER.only_request()
        expect_equal(request["path"], "/together/v1/chat/completions", "provider chat route")
        expect_equal(
            json_body(request), {"model": "org/llm-t", "messages": MESSAGES, "stream": False}, "provider chat body"
        )

        RECORDER.answer({"data": [{"b64_json": base64.b64encode(png).decode()}]})
        InferenceClient(api_key=TOKEN).text_to_image("A cat", model="org/flux")
        expect_equal(
            RECORDER.only_request()["path"], "/together/v1/images/generations", "auto: the Hub's first provider"
        )

        expect_raises(
            ValueError,
            lambda: InferenceClient(provider="hyperbolic", api_key=TOKEN).text_to_image("A cat", model="org/flux"),
            "a provider this version of the library dropped",
            "not supported",
        )
        expect_raises(
            ValueError,
            lambda: InferenceClient(provider="groq", api_key=TOKEN).chat_completion(MESSAGES, model="org/flux"),
            "a model the provider does not serve",
            "not supported by provider",
        )
        with environment(HF_TOKEN=None):
            expect_raises(
                ValueError,
                lambda: InferenceClient(provider="scaleway").feature_extraction("x", model="org/embed"),
                "a provider needs a token",
                "api_key",
            )


def test_hub_provider_jobs(origin: str, workdir: Path) -> None:
    png = b"\x89PNG\r\n\x1a\nfal"
    mp4 = b"\x00\x00\x00\x18ftypmp42"
    with environment(HF_STANDIN_ROUTER_ORIGIN=origin, HF_STANDIN_HUB_MODELS=ROUTING_MODELS):
        RECORDER.answer({"images": [{"url": f"{origin}/files/cat.png"}]})
        RECORDER.then(content_type="image/png", raw=png)
        InferenceClient(provider="fal-ai", api_key=TOKEN).text_to_image("A cat", model="org/flux").save(
            workdir / "c.png"
        )
        expect_equal(
            [(r["method"], r["path"]) for r in RECORDER.requests],
            [("POST", "/fal-ai/fal-ai/flux/dev"), ("GET", "/files/cat.png")],
            "fal-ai image: a direct call, then the download",
        )
        expect_equal(json_body(RECORDER.requests[0]), {"prompt": "A cat"}, "fal-ai image body")
        expect_equal((workdir / "c.png").read_bytes(), png, "fal-ai image saved")

        job = "https://queue.fal.run/fal-ai/wan-t2v/requests/r1"
        RECORDER.answer({"request_id": "r1", "status": "IN_QUEUE", "response_url": job})
        RECORDER.then({"status": "IN_PROGRESS"})
        RECORDER.then({"status": "COMPLETED"})
        RECORDER.then({"video": {"url": f"{origin}/files/v.mp4"}})
        RECORDER.then(content_type="video/mp4", raw=mp4)
        video = InferenceClient(provider="fal-ai", api_key=TOKEN).text_to_video("A cat", model="org/video")
        expect_equal(
            [(r["method"], r["path"]) for r in RECORDER.requests],
            [
                ("POST", "/fal-ai/fal-ai/wan-t2v?_subdomain=queue"),
                ("GET", "/fal-ai/fal-ai/wan-t2v/requests/r1/status?_subdomain=queue"),
                ("GET", "/fal-ai/fal-ai/wan-t2v/requests/r1/status?_subdomain=queue"),
                ("GET", "/fal-ai/fal-ai/wan-t2v/requests/r1?_subdomain=queue"),
                ("GET", "/files/v.mp4"),
            ],
            "fal-ai video: queue, poll until completed, result, download",
        )
        expect_equal(video, mp4, "fal-ai video bytes")

        audio = workdir / "speech.flac"
        audio.write_bytes(b"fLaC-audio")
        RECORDER.answer({"text": "hello"})
        transcript = InferenceClient(provider="fal-ai", api_key=TOKEN).automatic_speech_recognition(
            str(audio), model="org/whisper"
        )
        expect_equal(
            json_body(RECORDER.only_request()),
            {"audio_url": "data:audio/mpeg;base64," + base64.b64encode(b"fLaC-audio").decode()},
            "fal-ai speech recognition sends a data URL (always audio/mpeg)",
        )
        expect_equal(transcript.text, "hello", "fal-ai transcript")

        RECORDER.answer({"text": "hello", "segments": [{"text": "hello", "start": 0.0, "end": 0.5}]})
        transcript = InferenceClient(provider="deepinfra", api_key=TOKEN).automatic_speech_recognition(
            str(audio), model="org/whisper", extra_body={"return_timestamps": True}
        )
        request = RECORDER.only_request()
        expect_equal(request["path"], "/deepinfra/v1/openai/audio/transcriptions", "deepinfra transcription route")
        expect_equal(
            form_parts(request),
            [
                ("file", "audio.flac", "audio/flac", b"fLaC-audio"),
                ("return_timestamps", None, "text/plain", b"true"),
                ("model", None, "text/plain", b"openai/whisper-large-v3"),
            ],
            "deepinfra speech recognition sends a form: the file named by its type, then the fields, model last",
        )
        expect_equal(transcript.text, "hello", "deepinfra transcript")
        expect_equal(transcript.chunks[0].timestamp, [0.0, 0.5], "deepinfra segments become chunks")

        RECORDER.answer({"output": f"{origin}/files/r.png"})
        RECORDER.then(content_type="image/png", raw=png)
        InferenceClient(provider="replicate", api_key=TOKEN).text_to_image("A cat", model="org/flux")
        first = RECORDER.requests[0]
        expect_equal(first["path"], "/replicate/v1/models/black/flux-replicate/predictions", "replicate route")
        expect_equal(first["headers"].get("prefer"), "wait", "replicate waits for the prediction")
        expect_equal(json_body(first), {"input": {"prompt": "A cat"}}, "replicate body")

        RECORDER.answer({"video": {"video_url": f"{origin}/files/n.mp4"}})
        RECORDER.then(content_type="video/mp4", raw=mp4)
        InferenceClient(provider="novita", api_key=TOKEN).text_to_video("A cat", model="org/video")
        expect_equal(RECORDER.requests[0]["path"], "/novita/v3/hf/wan-t2v", "novita video route")
        expect_equal(json_body(RECORDER.requests[0]), {"prompt": "A cat"}, "novita video body")


def test_hub_misuse(origin: str) -> None:
    url = f"{origin}/hf-inference/models/org/model"
    client = InferenceClient(base_url=url, api_key=TOKEN)
    expect_raises(TypeError, lambda: client.text_classification("a", "b"), "second positional argument")
    expect_raises(TypeError, lambda: client.text_classification("a", topk=2), "unknown keyword", "topk")
    expect_raises(TypeError, lambda: client.text_classification(), "missing input", "text")
    expect_raises(TypeError, lambda: client.question_answering(question="Who?"), "missing context", "context")
    expect_raises(
        TypeError,
        lambda: client.chat_completion(messages=[], temperature=0.1, max_new_tokens=5),
        "unknown chat argument",
        "max_new_tokens",
    )
    expect_raises(TypeError, lambda: InferenceClient(url, "hf-inference"), "provider is keyword-only")
    expect_raises(
        ValueError, lambda: InferenceClient(base_url=url, token="a", api_key="b"), "token and api_key", "token"
    )
    expect_raises(ValueError, lambda: InferenceClient("org/model", base_url=url), "model and base_url", "base_url")
    expect_raises(
        ValueError,
        lambda: InferenceClient(provider="hf-inference", api_key=TOKEN).text_classification("a"),
        "no model",
        "model",
    )
    expect_raises(ValueError, lambda: client.translation("Hello", src_lang="en"), "src_lang without tgt_lang")
    expect_raises(
        ValueError,
        lambda: InferenceClient(base_url="https://example.com/x", api_key=TOKEN).fill_mask("a [MASK]"),
        "non-local URL",
        "local",
    )
    with environment(HF_TOKEN="hf_from_env"):
        RECORDER.answer([])
        InferenceClient(base_url=url).fill_mask("a [MASK]")
        expect_equal(
            RECORDER.only_request()["headers"].get("authorization"), "Bearer hf_from_env", "token from HF_TOKEN"
        )


TESTS: list[tuple[str, Callable[..., None]]] = [
    ("openai chat", test_openai_chat),
    ("openai stream", test_openai_stream),
    ("openai misuse", test_openai_misuse),
    ("huggingface_hub chat", test_hub_chat),
    ("huggingface_hub text tasks", test_hub_text_tasks),
    ("huggingface_hub binary tasks", test_hub_binary_tasks),
    ("huggingface_hub provider routing", test_hub_provider_routing),
    ("huggingface_hub provider jobs", test_hub_provider_jobs),
    ("huggingface_hub misuse", test_hub_misuse),
]


def main() -> int:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    failures = 0
    try:
        with tempfile.TemporaryDirectory() as workdir:
            for name, test in TESTS:
                arguments: dict[str, Any] = {}
                parameters = inspect.signature(test).parameters
                if "origin" in parameters:
                    arguments["origin"] = origin
                if "workdir" in parameters:
                    arguments["workdir"] = Path(workdir)
                try:
                    test(**arguments)
                    print(f"ok   {name}")
                except Exception:  # noqa: BLE001 (report every failure, then exit 1)
                    failures += 1
                    print(f"FAIL {name}")
                    traceback.print_exc()
    finally:
        server.shutdown()
    print(f"{len(TESTS) - failures}/{len(TESTS)} passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
