"""Stand-in for the `huggingface_hub` Python package (InferenceClient only), used by the conformance run.

The real package cannot be installed where the conformance run happens (no PyPI), so the
python/huggingface_hub snippets import this module instead (the runner puts its parent directory
on PYTHONPATH). Every call is checked against the documented signatures of
`huggingface_hub.InferenceClient` (v1.x): the parameter names come from
snippets/sdk/huggingface_hub.json, the table the snippet renderer uses too, so the two cannot
drift apart; which of them are positional is recorded here. Arguments are bound with
`inspect.Signature`, so misuse raises the TypeError real Python would raise. Then the stand-in
sends the request the real client sends when it is created with `base_url` (an Inference Endpoint
URL, handled by the hf-inference helper):

- chat (`chat_completion`, `chat.completions.create`): POST {base_url}/v1/chat/completions
  ({base_url}/chat/completions when base_url ends with /v1), body
  {"model": ..., <given arguments>, **extra_body, "messages": [...]}.
- task methods: POST {base_url} with {"inputs": <first argument>, "parameters": {<other arguments>}};
  feature_extraction sends its options next to "inputs" (no "parameters" object), like the real
  client; question_answering and table_question_answering build "inputs" from their two leading
  arguments; text_generation(stream=True) adds a top-level "stream": true.
- audio and image inputs (a file path or bytes): the raw bytes, with the Content-Type guessed from
  the file name, when there are no other arguments; otherwise JSON with the file's base64 in
  "inputs", like the real client.
- text_to_video raises ValueError without sending anything, like the real client: its hf-inference
  helpers (used for any URL) have no text-to-video.

Where it knowingly differs from the real client: it sends only the arguments that were given (the
real client also sends defaults: "stream": false for chat, "stream": null for text_generation,
"multi_label": false for zero_shot_classification, and an empty "parameters" object), it needs
`base_url` (it never resolves model ids through the Hub), it reads the token from the arguments or
HF_TOKEN only, returns lists/dicts with attribute access instead of dataclasses, numpy arrays and
PIL images (images become objects with `.save(path)`), and it only talks to loopback addresses.
"""

from __future__ import annotations

import base64
import inspect
import json
import mimetypes
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

__all__ = ["InferenceClient", "InferenceTimeoutError", "HfHubHTTPError"]
__version__ = "0.0.0+conformance-stand-in"

SIGNATURES_PATH = (Path(__file__).parent / "../../../../snippets/sdk/huggingface_hub.json").resolve()

# Leading parameters that are positional-or-keyword; all others are keyword-only. A tuple of
# (name, required): image_to_image's prompt has a default, the others do not.
POSITIONAL_PARAMETERS: dict[str, tuple[tuple[str, bool], ...]] = {
    "chat_completion": (("messages", True),),
    "question_answering": (("question", True), ("context", True)),
    "table_question_answering": (("table", True), ("query", True)),
    "zero_shot_classification": (("text", True), ("candidate_labels", True)),
    "image_to_image": (("image", True), ("prompt", False)),
}
# Methods declaring **kwargs (added to the request's parameters).
ACCEPTS_EXTRA_KEYWORDS = {"image_to_image"}
# Keyword-only parameters whose documented default is not None.
NON_NONE_DEFAULTS: dict[tuple[str, str], Any] = {
    ("chat_completion", "stream"): False,
    ("zero_shot_classification", "multi_label"): False,
}

BINARY_INPUT_METHODS = {
    "audio_classification",
    "automatic_speech_recognition",
    "image_classification",
    "image_segmentation",
    "image_to_image",
    "object_detection",
}
# Methods whose "inputs" object is built from their leading arguments, in the real client's order.
INPUTS_FROM_ARGUMENTS = {
    "question_answering": ("question", "context"),
    "table_question_answering": ("query", "table"),
}
# Methods that merge extra_body into the parameters (chat merges it into the body instead).
EXTRA_BODY_INTO_PARAMETERS = {"automatic_speech_recognition", "text_to_image"}
# With a URL as base_url the real client always uses its hf-inference helpers, which have no
# text-to-video: it raises before sending anything, and so does the stand-in.
NOT_ON_ENDPOINT_URLS = {"text_to_video": "text-to-video"}
IMAGE_OUTPUT_METHODS = {"text_to_image", "image_to_image"}
# Methods the real client answers with `parse_obj_as_list`, `parse_obj_as_list(...)[0]` or
# `parse_obj_as_instance`: the response must have that JSON shape or the real client fails too.
LIST_OUTPUT_METHODS = {
    "audio_classification",
    "fill_mask",
    "image_classification",
    "image_segmentation",
    "object_detection",
    "token_classification",
    "zero_shot_classification",
}
FIRST_OF_LIST_OUTPUT_METHODS = {"summarization", "translation", "text_classification"}
OBJECT_OUTPUT_METHODS = {"automatic_speech_recognition", "table_question_answering"}
# Content types mimetypes may not know on every system.
CONTENT_TYPES = {".flac": "audio/flac", ".wav": "audio/wav", ".mp3": "audio/mpeg", ".webp": "image/webp"}


class InferenceTimeoutError(TimeoutError):
    pass


class HfHubHTTPError(requests.HTTPError):
    pass


class StandInUsageError(ValueError):
    """The call is valid for the real SDK but outside what the stand-in (and the conformance run) supports."""


def _load_signature_table() -> dict[str, list[str]]:
    with open(SIGNATURES_PATH, encoding="utf-8") as file:
        table = json.load(file)
    methods: dict[str, list[str]] = dict(table["methods"])
    methods["chat_completion"] = list(table["chat_completion"])
    return methods


def _signature(method: str, names: list[str]) -> inspect.Signature:
    positional = POSITIONAL_PARAMETERS.get(method, ((names[0], True),))
    if [name for name, _ in positional] != names[: len(positional)]:
        raise RuntimeError(
            f"{SIGNATURES_PATH}: the parameters of {method} must start with"
            f" {[name for name, _ in positional]} (the positional ones), got {names}"
        )
    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)]
    for name, required in positional:
        default = inspect.Parameter.empty if required else None
        parameters.append(inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default))
    for name in names[len(positional) :]:
        default = NON_NONE_DEFAULTS.get((method, name))
        parameters.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default))
    if method in ACCEPTS_EXTRA_KEYWORDS:
        parameters.append(inspect.Parameter("kwargs", inspect.Parameter.VAR_KEYWORD))
    return inspect.Signature(parameters)


SIGNATURES: dict[str, inspect.Signature] = {
    method: _signature(method, names) for method, names in _load_signature_table().items()
}
CONSTRUCTOR_SIGNATURE = inspect.Signature(
    [
        inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY),
        inspect.Parameter("model", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
        *(
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None)
            for name in ("provider", "token", "timeout", "headers", "cookies", "bill_to", "base_url", "api_key")
        ),
    ]
)


def _bind(method: str, signature: inspect.Signature, args: tuple, kwargs: dict) -> dict[str, Any]:
    """Binds a call like Python would; returns the arguments given explicitly or defaulting to non-None."""
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as error:
        raise TypeError(f"InferenceClient.{method}() {error}") from None
    bound.apply_defaults()
    arguments = dict(bound.arguments)
    arguments.pop("self", None)
    arguments.update(arguments.pop("kwargs", {}))
    return arguments


class Output(dict):
    """A JSON object from the server with attribute and item access, like the SDK's output dataclasses
    (which subclass dict). Fields the server left out read as None."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.get(name)

    def __repr__(self) -> str:
        inner = ", ".join(f"{key}={value!r}" for key, value in self.items())
        return f"{type(self).__name__}({inner})"


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Output({key: _wrap(item) for key, item in value.items()})
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value


class Image:
    """Stands in for the PIL.Image the real client returns: `.save(path)` writes the received bytes."""

    def __init__(self, data: bytes, content_type: str | None) -> None:
        self.data = data
        self.content_type = content_type

    def save(self, fp: str | os.PathLike, format: str | None = None, **params: Any) -> None:
        with open(fp, "wb") as file:
            file.write(self.data)

    def __repr__(self) -> str:
        return f"<stand-in Image {self.content_type or 'unknown type'} {len(self.data)} bytes>"


def _require_loopback(url: str) -> None:
    if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise StandInUsageError(
            f"the conformance stand-in for huggingface_hub only sends requests to a local server; got {url!r}"
        )


def _chat_completion_url(base_url: str) -> str:
    url = base_url.rstrip("/")
    if url.endswith("/v1"):
        url += "/chat/completions"
    if not url.endswith("/chat/completions"):
        url += "/v1/chat/completions"
    return url


def _read_binary(method: str, content: Any) -> tuple[bytes, str | None]:
    """The bytes of a binary input and, for a file path, its content type."""
    if isinstance(content, (bytes, bytearray)):
        return bytes(content), None
    if hasattr(content, "read"):
        return content.read(), None
    if isinstance(content, (str, os.PathLike)):
        text = os.fspath(content)
        if text.startswith(("http://", "https://")):
            raise StandInUsageError(f"{method}: the stand-in does not download URLs; pass a local file name")
        path = Path(text)
        suffix = path.suffix.lower()
        content_type = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0]
        return path.read_bytes(), content_type
    raise ValueError(f"Expected binary inputs or a local path or a URL. Got {content!r}")


def _parse_events(response: requests.Response) -> Iterator[Any]:
    """The JSON payloads of a server-sent-events response, until `data: [DONE]`."""
    try:
        for line in response.iter_lines(decode_unicode=True):
            if not line or not line.startswith("data:"):
                continue
            data = line[len("data:") :].strip()
            if data == "[DONE]":
                return
            event = json.loads(data)
            if isinstance(event, dict) and event.get("error"):
                raise HfHubHTTPError(f"Error while streaming: {event['error']}")
            yield event
    finally:
        response.close()


class _ChatCompletions:
    def __init__(self, client: InferenceClient) -> None:
        self.create = client.chat_completion


class _Chat:
    def __init__(self, client: InferenceClient) -> None:
        self.completions = _ChatCompletions(client)


class InferenceClient:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        given = _bind("__init__", CONSTRUCTOR_SIGNATURE, (self, *args), kwargs)
        if given["model"] is not None and given["base_url"] is not None:
            raise ValueError(
                "Received both `model` and `base_url` arguments. Please provide only one of them."
                " `base_url` is an alias for `model` to make the API compatible with OpenAI's client."
            )
        if given["token"] is not None and given["api_key"] is not None:
            raise ValueError(
                "Received both `token` and `api_key` arguments. Please provide only one of them."
                " `api_key` is an alias for `token` to make the API compatible with OpenAI's client."
            )
        token = given["token"] if given["token"] is not None else given["api_key"]
        if token is False:
            raise ValueError(
                "Cannot use `token=False` to disable authentication as authentication is required to run Inference."
            )
        self.model: str | None = given["base_url"] or given["model"]
        self.token: str | None = token if isinstance(token, str) else None
        self.provider = given["provider"]
        self.timeout = given["timeout"]
        self.cookies = given["cookies"]
        self.headers: dict[str, str] = dict(given["headers"] or {})
        if given["bill_to"] is not None:
            self.headers["X-HF-Bill-To"] = given["bill_to"]
        self.chat = _Chat(self)

    __init__.__signature__ = CONSTRUCTOR_SIGNATURE  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"<InferenceClient(model='{self.model or ''}', timeout={self.timeout})> (conformance stand-in)"

    def __enter__(self) -> InferenceClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def close(self) -> None:
        pass

    # -- plumbing -------------------------------------------------------------------------------

    def _endpoint(self, method: str) -> str:
        if not self.model or not self.model.startswith(("http://", "https://")):
            raise StandInUsageError(
                f"InferenceClient.{method}: the conformance stand-in needs the client to be created with"
                " base_url=<the local server's URL>; it does not resolve model ids or providers"
            )
        return self.model

    def _post(
        self,
        method: str,
        url: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        content_type: str | None = None,
        stream: bool = False,
        accept_image: bool = False,
    ) -> requests.Response:
        _require_loopback(url)
        token = self.token if self.token is not None else os.environ.get("HF_TOKEN")
        if not token:
            raise StandInUsageError(f"InferenceClient.{method}: no token; pass api_key= (or token=) or set HF_TOKEN")
        headers = {"user-agent": f"huggingface_hub/{__version__}", "authorization": f"Bearer {token}"}
        if json_body is not None:
            headers["content-type"] = "application/json"
            data = json.dumps(json_body).encode("utf-8")
        elif content_type is not None:
            headers["content-type"] = content_type
        if accept_image:
            headers["accept"] = "image/png"
        headers.update({key.lower(): value for key, value in self.headers.items()})
        try:
            response = requests.post(
                url, data=data, headers=headers, cookies=self.cookies, timeout=self.timeout, stream=stream
            )
        except requests.Timeout as error:
            raise InferenceTimeoutError(f"Inference call timed out: {url}") from error
        if response.status_code >= 400:
            raise HfHubHTTPError(f"{response.status_code} error for url {url}: {response.text}", response=response)
        return response

    # -- chat -----------------------------------------------------------------------------------

    def chat_completion(self, *args: Any, **kwargs: Any) -> Any:
        given = _bind("chat_completion", SIGNATURES["chat_completion"], (self, *args), kwargs)
        messages = given.pop("messages")
        extra_body = given.pop("extra_body") or {}
        stream = given["stream"] is True
        url = _chat_completion_url(self._endpoint("chat_completion"))
        model = given.pop("model") or self.model
        if model is None or model.startswith(("http://", "https://")):
            model = "dummy"  # what the real client sends when the only model it knows is a URL
        # Like the real client: `model` first, then the given arguments and extra_body, `messages` last.
        payload: dict[str, Any] = {"model": model}
        payload.update({name: value for name, value in given.items() if value is not None})
        if payload.get("stream") is False:
            payload.pop("stream")  # the real client sends "stream": false here; see the module docstring
        payload.update(extra_body)
        response_format = payload.get("response_format")
        if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
            # The real hf-inference helper rewrites OpenAI's json_schema into TGI's grammar form.
            payload["response_format"] = {"type": "json_object", "value": response_format["json_schema"]["schema"]}
        payload["messages"] = messages
        response = self._post("chat_completion", url, json_body=payload, stream=stream)
        if stream:
            return (_wrap(event) for event in _parse_events(response))
        return _as_object("chat_completion", response.json())

    # -- task methods ---------------------------------------------------------------------------

    def _call_task(self, method: str, args: tuple, kwargs: dict) -> Any:
        given = _bind(method, SIGNATURES[method], (self, *args), kwargs)
        if given.get("model") is not None:
            raise StandInUsageError(
                f"InferenceClient.{method}: model={given['model']!r} would make the real client call the"
                " router for that model instead of base_url; leave model out when the client has base_url"
            )
        given.pop("model", None)
        url = self._endpoint(method)
        if method in NOT_ON_ENDPOINT_URLS:
            raise ValueError(
                f"Task '{NOT_ON_ENDPOINT_URLS[method]}' not supported for provider 'hf-inference' (the provider the"
                " real client uses for a base_url); huggingface_hub cannot send this task to an endpoint URL"
            )
        if method == "translation" and (given.get("src_lang") is None) != (given.get("tgt_lang") is None):
            raise ValueError("You cannot specify `src_lang` without `tgt_lang`, or `tgt_lang` without `src_lang`.")
        stream = method == "text_generation" and given.pop("stream", None) is True

        names = SIGNATURES[method].parameters
        if method in INPUTS_FROM_ARGUMENTS:
            inputs: Any = {name: given.pop(name) for name in INPUTS_FROM_ARGUMENTS[method]}
        else:
            inputs = given.pop(next(name for name in names if name != "self"))
        extra_body = given.pop("extra_body", None) if method in EXTRA_BODY_INTO_PARAMETERS else None
        parameters = {name: value for name, value in given.items() if value is not None}
        if (
            method == "zero_shot_classification"
            and parameters.get("multi_label") is False
            and "multi_label" not in kwargs
        ):
            parameters.pop("multi_label")  # a default the real client sends; see the module docstring
        parameters.update(extra_body or {})
        if method == "text_generation" and "stop_sequences" in parameters:
            # Deprecated alias: the real client sends it as "stop" unless stop is given.
            parameters.setdefault("stop", parameters.pop("stop_sequences"))

        if method in BINARY_INPUT_METHODS:
            data, content_type = _read_binary(method, inputs)
            if parameters:
                body = {"inputs": base64.b64encode(data).decode("ascii"), "parameters": parameters}
                response = self._post(method, url, json_body=body, accept_image=method in IMAGE_OUTPUT_METHODS)
            else:
                response = self._post(
                    method, url, data=data, content_type=content_type, accept_image=method in IMAGE_OUTPUT_METHODS
                )
        else:
            if method == "feature_extraction":
                body = {"inputs": inputs, **parameters}
            else:
                body = {"inputs": inputs}
                if parameters:
                    body["parameters"] = parameters
            if stream:
                body["stream"] = True
            response = self._post(
                method, url, json_body=body, stream=stream, accept_image=method in IMAGE_OUTPUT_METHODS
            )
        return _task_output(method, response, stream=stream, details=bool(parameters.get("details")))

    def audio_classification(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("audio_classification", args, kwargs)

    def automatic_speech_recognition(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("automatic_speech_recognition", args, kwargs)

    def feature_extraction(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("feature_extraction", args, kwargs)

    def fill_mask(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("fill_mask", args, kwargs)

    def image_classification(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("image_classification", args, kwargs)

    def image_segmentation(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("image_segmentation", args, kwargs)

    def image_to_image(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("image_to_image", args, kwargs)

    def object_detection(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("object_detection", args, kwargs)

    def question_answering(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("question_answering", args, kwargs)

    def summarization(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("summarization", args, kwargs)

    def table_question_answering(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("table_question_answering", args, kwargs)

    def text_classification(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("text_classification", args, kwargs)

    def text_generation(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("text_generation", args, kwargs)

    def text_to_image(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("text_to_image", args, kwargs)

    def text_to_video(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("text_to_video", args, kwargs)

    def token_classification(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("token_classification", args, kwargs)

    def translation(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("translation", args, kwargs)

    def zero_shot_classification(self, *args: Any, **kwargs: Any) -> Any:
        return self._call_task("zero_shot_classification", args, kwargs)


# Let `inspect.signature(InferenceClient.<method>)` show the documented signature.
for _method_name, _method_signature in SIGNATURES.items():
    getattr(InferenceClient, _method_name).__signature__ = _method_signature
del _method_name, _method_signature


def _as_object(method: str, data: Any) -> Output:
    if not isinstance(data, dict):
        raise ValueError(f"InferenceClient.{method}: expected a JSON object from the server, got {type(data).__name__}")
    return _wrap(data)


def _as_list(method: str, data: Any) -> list:
    if not isinstance(data, list):
        raise ValueError(f"InferenceClient.{method}: expected a JSON array from the server, got {type(data).__name__}")
    return _wrap(data)


def _task_output(method: str, response: requests.Response, *, stream: bool, details: bool) -> Any:
    if stream:
        events = (_wrap(event) for event in _parse_events(response))
        return events if details else (event["token"]["text"] for event in events)
    if method in IMAGE_OUTPUT_METHODS:
        return Image(response.content, response.headers.get("content-type"))
    data = response.json()
    if method in LIST_OUTPUT_METHODS:
        output = _as_list(method, data)
        if method == "image_segmentation":
            for item in output:
                item["mask"] = Image(base64.b64decode(item["mask"], validate=True), None)
        return output
    if method in FIRST_OF_LIST_OUTPUT_METHODS:
        output = _as_list(method, data)
        if not output:
            raise ValueError(f"InferenceClient.{method}: the server returned an empty array")
        return output[0]
    if method in OBJECT_OUTPUT_METHODS:
        return _as_object(method, data)
    if method == "text_generation":
        first = data[0] if isinstance(data, list) else data
        return _wrap(first) if details else first["generated_text"]
    # question_answering (an object, or a list when top_k > 1) and feature_extraction (nested lists).
    return _wrap(data)
