"""Stand-in for the `openai` Python package, used by the conformance run.

The real package cannot be installed where the conformance run happens (no PyPI), so the
python/openai snippets import this module instead (the runner puts its parent directory on
PYTHONPATH). It checks each call against the signatures in openai-python's source (openai/openai-python,
version 3.3.1: `OpenAI.__init__` in src/openai/_client.py and `Completions.create` in
src/openai/resources/chat/completions/completions.py, both keyword-only) and raises the TypeError
real Python would raise on misuse; then it sends the HTTP request the real SDK sends:

    POST {base_url}/chat/completions
    Authorization: Bearer {api_key}
    Content-Type: application/json
    {the given keyword arguments, in declaration order, merged with extra_body}

Where it knowingly differs from the real SDK: no retries (the real client retries 408/409/429/5xx
`max_retries` times), no pydantic models (responses become read-only objects with attribute
access; missing attributes read as None, like the models' optional fields), no type validation of
argument values, and it refuses to contact anything but a loopback address, so a snippet with a
wrong base URL fails instead of reaching the internet; the client options that reconfigure authentication or
the address (`provider`, `workload_identity`, `data_residency`) raise OpenAIError.
"""

from __future__ import annotations

import inspect
import json
import os
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests

__all__ = ["OpenAI", "OpenAIError", "APIError", "APIStatusError", "NOT_GIVEN", "NotGiven"]
__version__ = "0.0.0+conformance-stand-in"

DEFAULT_MAX_RETRIES = 2
DEFAULT_BASE_URL = "https://api.openai.com/v1"


class NotGiven:
    """Marks an argument the caller did not give (the real SDK's `NOT_GIVEN`)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


class OpenAIError(Exception):
    pass


class APIError(OpenAIError):
    def __init__(self, message: str, *, body: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.body = body


class APIStatusError(APIError):
    def __init__(self, message: str, *, status_code: int, body: object = None) -> None:
        super().__init__(message, body=body)
        self.status_code = status_code


# Keyword-only parameters of `Completions.create`, in declaration order; the two without a default
# are required. The request body lists the given ones in this order, like the real SDK.
_CREATE_BODY_PARAMETERS = (
    "messages",
    "model",
    "audio",
    "frequency_penalty",
    "function_call",
    "functions",
    "logit_bias",
    "logprobs",
    "max_completion_tokens",
    "max_tokens",
    "metadata",
    "modalities",
    "moderation",
    "n",
    "parallel_tool_calls",
    "prediction",
    "presence_penalty",
    "prompt_cache_key",
    "prompt_cache_options",
    "prompt_cache_retention",
    "reasoning_effort",
    "response_format",
    "safety_identifier",
    "seed",
    "service_tier",
    "stop",
    "store",
    "stream",
    "stream_options",
    "temperature",
    "tool_choice",
    "tools",
    "top_logprobs",
    "top_p",
    "user",
    "verbosity",
    "web_search_options",
)
_CREATE_REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")
_CREATE_REQUIRED = ("messages", "model")


def _keyword_only_signature(names: tuple[str, ...], required: tuple[str, ...]) -> inspect.Signature:
    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)]
    for name in names:
        default = inspect.Parameter.empty if name in required else NOT_GIVEN
        parameters.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default))
    return inspect.Signature(parameters)


_CREATE_SIGNATURE = _keyword_only_signature(_CREATE_BODY_PARAMETERS + _CREATE_REQUEST_OPTIONS, _CREATE_REQUIRED)


def _bind(qualified_name: str, signature: inspect.Signature, args: tuple, kwargs: dict) -> dict[str, Any]:
    """Binds a call like Python would, so misuse raises TypeError naming the method."""
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as error:
        raise TypeError(f"{qualified_name}() {error}") from None
    return {name: value for name, value in bound.arguments.items() if name != "self" and value is not NOT_GIVEN}


def _require_loopback(url: str) -> None:
    host = urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise OpenAIError(
            f"the conformance stand-in for openai only sends requests to a local server; got {url!r}."
            " Pass base_url pointing at the local server."
        )


class StandInObject:
    """A response object with attribute access, like the SDK's pydantic models (read-only)."""

    def __init__(self, fields: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_fields", {key: _wrap(value) for key, value in fields.items()})

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        # Optional fields of the real models read as None when the server left them out.
        return self._fields.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("stand-in response objects are read-only")

    def __repr__(self) -> str:
        inner = ", ".join(f"{key}={value!r}" for key, value in self._fields.items())
        return f"{type(self).__name__}({inner})"

    def to_dict(self) -> dict[str, Any]:
        return {key: _unwrap(value) for key, value in self._fields.items()}

    model_dump = to_dict

    def to_json(self, *, indent: int = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)

    model_dump_json = to_json


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return StandInObject(value)
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value


def _unwrap(value: Any) -> Any:
    if isinstance(value, StandInObject):
        return value.to_dict()
    if isinstance(value, list):
        return [_unwrap(item) for item in value]
    return value


def _raise_for_status(response: requests.Response) -> None:
    if response.status_code < 400:
        return
    try:
        body: object = response.json()
    except ValueError:
        body = response.text
    raise APIStatusError(f"Error code: {response.status_code} - {body}", status_code=response.status_code, body=body)


class Stream:
    """Iterates the chunks of a server-sent-events response until `data: [DONE]`."""

    def __init__(self, response: requests.Response) -> None:
        self.response = response

    def __iter__(self) -> Iterator[StandInObject]:
        try:
            for line in self.response.iter_lines(decode_unicode=True):
                if not line or not line.startswith("data:"):
                    continue
                data = line[len("data:") :].strip()
                if data.startswith("[DONE]"):
                    return
                event = json.loads(data)
                if isinstance(event, dict) and event.get("error"):
                    raise APIError(f"An error occurred during streaming: {event['error']}", body=event)
                yield _wrap(event)
        finally:
            self.response.close()

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.response.close()

    def close(self) -> None:
        self.response.close()


class Completions:
    def __init__(self, client: OpenAI) -> None:
        self._client = client

    def create(self, *args: Any, **kwargs: Any) -> StandInObject | Stream:
        given = _bind("Completions.create", _CREATE_SIGNATURE, (self, *args), kwargs)
        body = {name: given[name] for name in _CREATE_BODY_PARAMETERS if name in given}
        body.update(given.get("extra_body") or {})
        return self._client._post(
            "/chat/completions",
            body,
            stream=given.get("stream") is True,
            extra_headers=given.get("extra_headers") or {},
            extra_query=given.get("extra_query") or {},
            timeout=given.get("timeout"),
        )

    create.__signature__ = _CREATE_SIGNATURE  # type: ignore[attr-defined]


class Chat:
    def __init__(self, client: OpenAI) -> None:
        self.completions = Completions(client)


class OpenAI:
    def __init__(
        self,
        *,
        api_key: str | None = None,
        admin_api_key: str | None = None,
        workload_identity: object | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        provider: object | None = None,
        base_url: str | None = None,
        data_residency: str | None = None,
        websocket_base_url: str | None = None,
        timeout: float | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: object | None = None,
        _strict_response_validation: bool = False,
        _enforce_credentials: bool = True,
    ) -> None:
        unsupported = [
            name
            for name, value in (
                ("provider", provider),
                ("workload_identity", workload_identity),
                ("data_residency", data_residency),
            )
            if value is not None
        ]
        if unsupported:
            # Real options that change authentication or the base URL; the stand-in does not model them.
            raise OpenAIError(f"the conformance stand-in does not support {', '.join(unsupported)}")
        if api_key is None:
            api_key = os.environ.get("OPENAI_API_KEY")
        if api_key is None:
            raise OpenAIError(
                "The api_key client option must be set either by passing api_key to the client"
                " or by setting the OPENAI_API_KEY environment variable"
            )
        if not isinstance(api_key, str):
            raise TypeError(f"api_key must be a string, got {type(api_key).__name__}")
        if organization is None:
            organization = os.environ.get("OPENAI_ORG_ID")
        if project is None:
            project = os.environ.get("OPENAI_PROJECT_ID")
        if base_url is None:
            base_url = os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL
        self.api_key = api_key
        self.organization = organization
        self.project = project
        self.webhook_secret = webhook_secret
        self.base_url = str(base_url)
        self.websocket_base_url = websocket_base_url
        self.timeout = None if isinstance(timeout, NotGiven) else timeout
        self.max_retries = max_retries
        self._custom_headers = dict(default_headers or {})
        self._custom_query = dict(default_query or {})
        self.chat = Chat(self)

    def _headers(self, extra_headers: Mapping[str, str]) -> dict[str, str]:
        headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "User-Agent": f"OpenAI/Python {__version__}",
            "Authorization": f"Bearer {self.api_key}",
        }
        if self.organization is not None:
            headers["OpenAI-Organization"] = self.organization
        if self.project is not None:
            headers["OpenAI-Project"] = self.project
        headers.update(self._custom_headers)
        headers.update(extra_headers)
        return headers

    def _post(
        self,
        path: str,
        body: dict[str, Any],
        *,
        stream: bool,
        extra_headers: Mapping[str, str],
        extra_query: Mapping[str, object],
        timeout: float | None,
    ) -> StandInObject | Stream:
        # The real client joins like this too: the base URL keeps its path, the route is appended.
        url = self.base_url.rstrip("/") + path
        query = {**self._custom_query, **extra_query}
        if query:
            url += "?" + urlencode(query, doseq=True)
        _require_loopback(url)
        response = requests.post(
            url,
            data=json.dumps(body).encode("utf-8"),
            headers=self._headers(extra_headers),
            timeout=timeout if timeout is not None else self.timeout,
            stream=stream,
        )
        _raise_for_status(response)
        if stream:
            return Stream(response)
        return _wrap(response.json())

    def close(self) -> None:
        pass

    def __enter__(self) -> OpenAI:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
