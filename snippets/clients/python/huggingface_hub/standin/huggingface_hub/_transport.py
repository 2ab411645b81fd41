"""HTTP for the stand-in: what the real client's session does, plus the two redirections the
conformance run needs (everything else about a request is built exactly as the real client does).

- `HF_STANDIN_ROUTER_ORIGIN`: the real client always calls `https://router.huggingface.co`
  (`constants.INFERENCE_PROXY_TEMPLATE` is not configurable). The stand-in builds the same URLs
  and, only when sending, swaps that origin for this one, like a hosts-file entry would.
- Only loopback addresses are contacted, so a wrong URL fails instead of reaching the internet.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import requests

ROUTER_ORIGIN = "https://router.huggingface.co"
INFERENCE_PROXY_TEMPLATE = ROUTER_ORIGIN + "/{provider}"
ROUTER_ORIGIN_VARIABLE = "HF_STANDIN_ROUTER_ORIGIN"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class InferenceTimeoutError(TimeoutError):
    pass


class HfHubHTTPError(requests.HTTPError):
    pass


class StandInUsageError(ValueError):
    """The call is valid for the real library but cannot be carried out by the stand-in."""


def _wire_url(url: str) -> str:
    replacement = os.environ.get(ROUTER_ORIGIN_VARIABLE)
    if replacement and (url == ROUTER_ORIGIN or url.startswith(ROUTER_ORIGIN + "/")):
        url = replacement.rstrip("/") + url[len(ROUTER_ORIGIN) :]
    if urlsplit(url).hostname not in LOOPBACK_HOSTS:
        raise StandInUsageError(
            f"the conformance stand-in for huggingface_hub only sends requests to a local server; got {url!r}"
            f" (set {ROUTER_ORIGIN_VARIABLE} to send router requests to a local server)"
        )
    return url


def send(
    method: str,
    url: str,
    *,
    headers: dict[str, str] | None = None,
    json_body: Any = None,
    data: bytes | None = None,
    cookies: dict[str, str] | None = None,
    timeout: float | None = None,
    stream: bool = False,
) -> requests.Response:
    """Sends one request and raises HfHubHTTPError for an error status, like `hf_raise_for_status`."""
    wire_url = _wire_url(url)
    headers = dict(headers or {})
    if json_body is not None:
        data = json.dumps(json_body).encode("utf-8")
        headers.setdefault("content-type", "application/json")
    try:
        response = requests.request(
            method, wire_url, data=data, headers=headers, cookies=cookies, timeout=timeout, stream=stream
        )
    except requests.Timeout as error:
        raise InferenceTimeoutError(f"Inference call timed out: {url}") from error
    if response.status_code >= 400:
        raise HfHubHTTPError(f"{response.status_code} error for url {url}: {response.text}", response=response)
    return response


def server_sent_events(response: requests.Response) -> Iterator[Any]:
    """The JSON payloads of an event stream until `data: [DONE]`; an `error` payload raises."""
    try:
        for line in response.iter_lines(decode_unicode=True):
            if not line or not line.startswith("data:"):
                continue
            if line.strip() == "data: [DONE]":
                return
            payload = json.loads(line[len("data:") :].strip())
            if isinstance(payload, dict) and payload.get("error") is not None:
                raise HfHubHTTPError(f"Error while streaming: {payload['error']}")
            yield payload
    finally:
        response.close()
