"""Provider routing of `InferenceClient(provider=...)`: for each provider and task, the URL, headers
and body the real client builds, and how it reads the answer (including the follow-up requests of
queued jobs and result downloads).

Written from huggingface_hub's `inference/_providers/*.py` (main branch, version 1.29.0.dev0):
the same rules, in this module's own words. Providers and tasks the real client has but the
conformance feed does not use raise StandInUsageError instead of guessing.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from . import _hub
from ._transport import INFERENCE_PROXY_TEMPLATE, ROUTER_ORIGIN, StandInUsageError, send


def drop_none(value: Any) -> Any:
    """Removes None values from dicts, recursively (the real `filter_none`); lists keep their length."""
    if isinstance(value, dict):
        return {key: drop_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [drop_none(item) for item in value]
    return value


def merge(base: dict, extra: dict) -> dict:
    """Adds `extra` to `base`, merging nested dicts key by key."""
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = (
            merge(merged[key], value) if isinstance(merged.get(key), dict) and isinstance(value, dict) else value
        )
    return merged


@dataclass
class Body:
    data: bytes
    mime_type: str | None


def read_content(content: Any) -> Body:
    """Bytes and media type of a file input: bytes, a file object, or a local path (the type comes
    from the file name through `mimetypes`, as in the real client)."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        return Body(bytes(content), None)
    if hasattr(content, "read"):
        name = getattr(content, "name", None)
        return Body(content.read(), mimetypes.guess_type(str(name))[0] if name else None)
    if isinstance(content, str) and content.startswith(("http://", "https://")):
        raise StandInUsageError("the stand-in does not download input URLs; pass a local file")
    if isinstance(content, (str, os.PathLike)):
        path = Path(content)
        if not path.exists():
            raise FileNotFoundError(
                f"File not found at {path}. If `data` is a string, it must be a URL or a local path."
            )
        return Body(path.read_bytes(), mimetypes.guess_type(path)[0])
    raise TypeError(f"Unsupported content type: {type(content)}.")


def as_data_url(content: Any, default_mime_type: str) -> str:
    if isinstance(content, str) and content.startswith(("http://", "https://", "data:")):
        return content
    body = read_content(content)
    return f"data:{body.mime_type or default_mime_type};base64,{base64.b64encode(body.data).decode()}"


def as_dict(response: bytes | dict) -> dict:
    return response if isinstance(response, dict) else json.loads(response)


def download(url: str) -> bytes:
    return send("GET", url).content


@dataclass
class Request:
    url: str
    task: str
    headers: dict[str, str]
    json: dict | None = None
    data: bytes | None = None


@dataclass
class Helper:
    """One provider's handling of one task. The defaults are the base class of the real client."""

    provider: str = ""
    task: str = ""
    base_url: str | None = None
    route: str = ""
    extra_headers: dict[str, str] = field(default_factory=dict)

    # -- building the request --------------------------------------------------------------------

    def api_key(self, token: str | None) -> str:
        token = token or os.environ.get("HF_TOKEN")
        if not token:
            raise ValueError(
                f"You must provide an api_key to work with {self.provider} API or log in with `hf auth login`."
            )
        return token

    def mapping(self, model: str | None, token: str | None) -> _hub.InferenceProviderMapping:
        if model is None:
            raise ValueError(f"Please provide an HF model ID supported by {self.provider}.")
        found = next((entry for entry in _hub.provider_mappings(model, token) if entry.provider == self.provider), None)
        if found is None:
            raise ValueError(f"Model {model} is not supported by provider {self.provider}.")
        if found.task != self.task:
            raise ValueError(
                f"Model {model} is not supported for task {self.task} and provider {self.provider}. "
                f"Supported task: {found.task}."
            )
        return found

    def headers(self, headers: dict[str, str], api_key: str | None) -> dict[str, str]:
        built = {"user-agent": "huggingface_hub/0.0.0+conformance-stand-in"}
        if api_key:
            built["authorization"] = f"Bearer {api_key}"
        return {**built, **headers, **self.extra_headers}

    def url(self, api_key: str, mapped_model: str) -> str:
        if api_key.startswith("hf_"):
            base = INFERENCE_PROXY_TEMPLATE.format(provider=self.provider)
        elif self.base_url is None:
            raise StandInUsageError(f"the stand-in does not know {self.provider}'s own API address")
        else:
            base = self.base_url
        return f"{base.rstrip('/')}/{self.route_for(mapped_model, api_key).lstrip('/')}"

    def route_for(self, mapped_model: str, api_key: str) -> str:
        return self.route

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        raise StandInUsageError(f"the stand-in has no {self.task} request for {self.provider}")

    def raw_body(
        self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping, extra: dict
    ) -> Body | None:
        return None

    def prepare(
        self,
        *,
        inputs: Any,
        parameters: dict,
        headers: dict,
        model: str | None,
        token: str | None,
        extra_payload: dict | None = None,
    ) -> Request:
        api_key = self.api_key(token)
        mapping = self.mapping(model, api_key)
        all_headers = self.headers(headers, api_key)
        url = self.url(api_key, mapping.provider_id)
        payload = self.payload(inputs, parameters, mapping)
        if payload is not None:
            payload = merge(payload, drop_none(extra_payload or {}))
        body = self.raw_body(inputs, parameters, mapping, extra_payload or {})
        if (payload is None) == (body is None):
            raise ValueError("Exactly one of payload and data must be set in the request.")
        normalized = {key.lower(): value for key, value in all_headers.items() if value is not None}
        if "content-type" not in normalized:
            if body is not None and body.mime_type is not None:
                normalized["content-type"] = body.mime_type
            elif payload is not None:
                normalized["content-type"] = "application/json"
        return Request(url, self.task, normalized, json=payload, data=None if body is None else body.data)

    # -- reading the answer ----------------------------------------------------------------------

    def result(self, response: bytes, request: Request) -> Any:
        return response


# -- chat (OpenAI-compatible) -----------------------------------------------------------------------


@dataclass
class Conversational(Helper):
    task: str = "conversational"
    route: str = "/v1/chat/completions"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        # The mapped id first (so a proxy can route on the body's first bytes); a `model` the caller
        # gave does not override it.
        rest = {key: value for key, value in parameters.items() if key != "model"}
        return drop_none({"model": mapping.provider_id, "messages": inputs, **rest})


@dataclass
class AutoRouterConversational(Conversational):
    """`provider` left out (or "auto") on chat: the router picks the provider; no Hub lookup."""

    def url(self, api_key: str, mapped_model: str) -> str:
        if not api_key.startswith("hf_"):
            raise ValueError("Cannot select auto-router when using non-Hugging Face API key.")
        return f"{ROUTER_ORIGIN}{self.route}"

    def mapping(self, model: str | None, token: str | None) -> _hub.InferenceProviderMapping:
        if model is None:
            raise ValueError("Please provide an HF model ID.")
        return _hub.InferenceProviderMapping("auto", model, model, "conversational", "live")


# -- text generation on OpenAI-style completions ----------------------------------------------------


@dataclass
class Completions(Helper):
    task: str = "text-generation"
    route: str = "/v1/completions"
    # featherless-ai and deepinfra rename max_new_tokens (and send null when it is not set).
    renames_max_new_tokens: bool = False

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        if self.renames_max_new_tokens:
            given = drop_none(parameters)
            given["max_tokens"] = given.pop("max_new_tokens", None)
            return {"prompt": inputs, **given, "model": mapping.provider_id}
        return drop_none({"prompt": inputs, **parameters, "model": mapping.provider_id})

    def result(self, response: bytes, request: Request) -> Any:
        choice = as_dict(response)["choices"][0]
        return {
            "generated_text": choice["text"],
            "details": {"finish_reason": choice.get("finish_reason"), "seed": choice.get("seed")},
        }


# -- embeddings -----------------------------------------------------------------------------------


@dataclass
class Embeddings(Helper):
    task: str = "feature-extraction"
    route: str = "/v1/embeddings"
    model_last: bool = False

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        if self.model_last:
            return {"input": inputs, **drop_none(parameters), "model": mapping.provider_id}
        return {"input": inputs, "model": mapping.provider_id, **drop_none(parameters)}

    def result(self, response: bytes, request: Request) -> Any:
        return [item["embedding"] for item in as_dict(response)["data"]]


# -- speech to text as a multipart form ------------------------------------------------------------


def form_text(value: Any) -> str:
    """A form field's text: strings unchanged, booleans in JSON spelling, numbers by str, the rest as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # checked before int, which bool subclasses
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value)


@dataclass
class OpenAiTranscription(Helper):
    """An OpenAI-style transcription route: multipart/form-data with the audio in the part "file",
    named "audio" plus the extension of its media type (servers tell the format by it)."""

    task: str = "automatic-speech-recognition"
    route: str = "/v1/audio/transcriptions"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        return None

    def raw_body(
        self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping, extra: dict
    ) -> Body | None:
        audio = read_content(inputs)
        # The mapped model last, so no parameter can replace it.
        fields = {**drop_none(parameters), **drop_none(extra), "model": mapping.provider_id}
        boundary = uuid.uuid4().hex
        file_name = "audio" + (mimetypes.guess_extension(audio.mime_type or "") or ".wav")
        parts = [
            b"--" + boundary.encode(),
            f'Content-Disposition: form-data; name="file"; filename="{file_name}"'.encode(),
            f"Content-Type: {audio.mime_type or 'application/octet-stream'}".encode(),
            b"",
            audio.data,
        ]
        for name, value in fields.items():
            parts += [
                b"--" + boundary.encode(),
                f'Content-Disposition: form-data; name="{name}"'.encode(),
                b"",
                form_text(value).encode(),
            ]
        parts += [b"--" + boundary.encode() + b"--", b""]
        return Body(b"\r\n".join(parts), f"multipart/form-data; boundary={boundary}")

    def result(self, response: bytes, request: Request) -> Any:
        answer = as_dict(response)
        if not isinstance(answer.get("text"), str):
            raise ValueError(f"Unexpected output format from {self.provider} API: the text is not a string.")
        result: dict[str, Any] = {"text": answer["text"]}
        if isinstance(answer.get("segments"), list):
            result["chunks"] = [
                {"text": segment.get("text"), "timestamp": [segment.get("start"), segment.get("end")]}
                for segment in answer["segments"]
                if isinstance(segment, dict)
            ]
        return result


# -- images in JSON ---------------------------------------------------------------------------------


@dataclass
class TogetherTextToImage(Helper):
    task: str = "text-to-image"
    route: str = "/v1/images/generations"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        given = drop_none(parameters)
        if "num_inference_steps" in given:
            given["steps"] = given.pop("num_inference_steps")
        return {"prompt": inputs, "response_format": "base64", **given, "model": mapping.provider_id}

    def result(self, response: bytes, request: Request) -> Any:
        return base64.b64decode(as_dict(response)["data"][0]["b64_json"])


@dataclass
class NscaleTextToImage(TogetherTextToImage):
    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        given = drop_none(parameters)
        if "width" in given and "height" in given:
            given["size"] = f"{given.pop('width')}x{given.pop('height')}"
        given.pop("num_inference_steps", None)
        given.pop("cfg_scale", None)
        return {"response_format": "b64_json", "prompt": inputs, "model": mapping.provider_id, **given}


# -- fal.ai -----------------------------------------------------------------------------------------

FAL_POLLING_INTERVAL = 0.5
FAL_MAX_POLLS = 600  # the real client polls without a bound; a stand-in must stop by itself


@dataclass
class Fal(Helper):
    provider: str = "fal-ai"
    base_url: str | None = "https://fal.run"

    def headers(self, headers: dict[str, str], api_key: str | None) -> dict[str, str]:
        built = super().headers(headers, api_key)
        if api_key and not api_key.startswith("hf_"):
            built["authorization"] = f"Key {api_key}"
        return built

    def route_for(self, mapped_model: str, api_key: str) -> str:
        return f"/{mapped_model}"


@dataclass
class FalQueue(Fal):
    base_url: str | None = "https://queue.fal.run"

    def route_for(self, mapped_model: str, api_key: str) -> str:
        return f"/{mapped_model}?_subdomain=queue" if api_key.startswith("hf_") else f"/{mapped_model}"

    def queued_result(self, response: bytes, request: Request) -> dict:
        submitted = as_dict(response)
        request_id = submitted.get("request_id")
        if not request_id:
            raise ValueError("No request ID found in the response")
        parts = urlsplit(request.url)
        prefix = "/fal-ai" if parts.netloc == urlsplit(ROUTER_ORIGIN).netloc else ""
        base = f"{parts.scheme}://{parts.netloc}{prefix}"
        query = f"?{parts.query}" if parts.query else ""
        job_path = urlsplit(submitted.get("response_url") or "").path
        status = submitted.get("status")
        for _ in range(FAL_MAX_POLLS):
            if status == "COMPLETED":
                return send("GET", f"{base}{job_path}{query}", headers=request.headers).json()
            time.sleep(FAL_POLLING_INTERVAL)
            status = send("GET", f"{base}{job_path}/status{query}", headers=request.headers).json().get("status")
        raise TimeoutError(f"fal.ai job {request_id} did not complete after {FAL_MAX_POLLS} status polls")


@dataclass
class FalSpeechRecognition(Fal):
    task: str = "automatic-speech-recognition"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        if isinstance(inputs, str) and inputs.startswith(("http://", "https://")):
            audio_url = inputs
        else:
            # fal.ai is always told audio/mpeg, whatever the file is.
            audio_url = f"data:audio/mpeg;base64,{base64.b64encode(read_content(inputs).data).decode()}"
        return {"audio_url": audio_url, **drop_none(parameters)}

    def result(self, response: bytes, request: Request) -> Any:
        text = as_dict(response)["text"]
        if not isinstance(text, str):
            raise ValueError(f"Unexpected output format from FalAI API. Expected string, got {type(text)}.")
        return {"text": text}


@dataclass
class FalTextToImage(Fal):
    task: str = "text-to-image"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        payload: dict[str, Any] = {"prompt": inputs, **drop_none(parameters)}
        if "width" in payload and "height" in payload:
            payload["image_size"] = {"width": payload.pop("width"), "height": payload.pop("height")}
        return payload

    def result(self, response: bytes, request: Request) -> Any:
        return download(as_dict(response)["images"][0]["url"])


@dataclass
class FalTextToVideo(FalQueue):
    task: str = "text-to-video"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        return {"prompt": inputs, **drop_none(parameters)}

    def result(self, response: bytes, request: Request) -> Any:
        return download(self.queued_result(response, request)["video"]["url"])


@dataclass
class FalImageToImage(FalQueue):
    task: str = "image-to-image"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        image_url = as_data_url(inputs, "image/jpeg")
        given = dict(parameters)
        if "target_size" in given:
            given["image_size"] = given.pop("target_size")
        return {"image_url": image_url, "image_urls": [image_url], **drop_none(given)}

    def result(self, response: bytes, request: Request) -> Any:
        return download(self.queued_result(response, request)["images"][0]["url"])


# -- replicate --------------------------------------------------------------------------------------


@dataclass
class Replicate(Helper):
    provider: str = "replicate"
    base_url: str | None = "https://api.replicate.com"
    extra_headers: dict[str, str] = field(default_factory=lambda: {"Prefer": "wait"})

    def route_for(self, mapped_model: str, api_key: str) -> str:
        return "/v1/predictions" if ":" in mapped_model else f"/v1/models/{mapped_model}/predictions"

    def model_input(self, inputs: Any, parameters: dict) -> dict:
        return {"prompt": inputs, **drop_none(parameters)}

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        payload: dict[str, Any] = {"input": self.model_input(inputs, parameters)}
        if ":" in mapping.provider_id:
            payload["version"] = mapping.provider_id.split(":", 1)[1]
        return payload

    def result(self, response: bytes, request: Request) -> Any:
        output = as_dict(response).get("output")
        if output is None:
            raise TimeoutError("Inference request timed out after 60 seconds. No output generated.")
        return download(output if isinstance(output, str) else output[0])


# -- novita video -----------------------------------------------------------------------------------


@dataclass
class NovitaTextToVideo(Helper):
    provider: str = "novita"
    task: str = "text-to-video"
    base_url: str | None = "https://api.novita.ai"

    def route_for(self, mapped_model: str, api_key: str) -> str:
        return f"/v3/hf/{mapped_model}"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        return {"prompt": inputs, **drop_none(parameters)}

    def result(self, response: bytes, request: Request) -> Any:
        answer = as_dict(response)
        video = answer.get("video") if isinstance(answer, dict) else None
        if not isinstance(video, dict) or "video_url" not in video:
            raise ValueError("Expected response format: { 'video': { 'video_url': string } }")
        return download(video["video_url"])


# -- wavespeed --------------------------------------------------------------------------------------

WAVESPEED_POLLING_INTERVAL = 0.5
WAVESPEED_MAX_POLLS = 600  # the real client polls without a bound; a stand-in must stop by itself


@dataclass
class WavespeedPrompt(Helper):
    """Text to image or video: the prompt and parameters go to /api/v3/<model>, which answers with a
    task to poll at the path of `data.urls.get` (under /wavespeed on the router)."""

    provider: str = "wavespeed"
    base_url: str | None = "https://api.wavespeed.ai"

    def route_for(self, mapped_model: str, api_key: str) -> str:
        return f"/api/v3/{mapped_model}"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        return {"prompt": inputs, **drop_none(parameters)}

    def result(self, response: bytes, request: Request) -> Any:
        result_path = (as_dict(response).get("data") or {}).get("urls", {}).get("get")
        if not result_path:
            raise ValueError("No result URL found in the response")
        parts = urlsplit(request.url)
        prefix = "/wavespeed" if parts.netloc == urlsplit(ROUTER_ORIGIN).netloc else ""
        result_url = f"{parts.scheme}://{parts.netloc}{prefix}{urlsplit(result_path).path}"
        for _ in range(WAVESPEED_MAX_POLLS):
            time.sleep(WAVESPEED_POLLING_INTERVAL)
            task = send("GET", result_url, headers=request.headers).json().get("data") or {}
            status = task.get("status")
            if status == "completed":
                if not task.get("outputs"):
                    raise ValueError("No output URL in completed response")
                return download(task["outputs"][0])
            if status == "failed":
                raise ValueError(f"WaveSpeed AI task failed: {task.get('error') or 'no error message'}")
            if status not in ("processing", "created"):
                raise ValueError(f"Unknown status: {status}")
        raise TimeoutError(f"WaveSpeed AI task did not complete after {WAVESPEED_MAX_POLLS} status polls")


# -- hf-inference -----------------------------------------------------------------------------------


def is_url(value: str | None) -> bool:
    return value is not None and value.startswith(("http://", "https://"))


@dataclass
class HfInference(Helper):
    provider: str = "hf-inference"
    base_url: str | None = INFERENCE_PROXY_TEMPLATE.format(provider="hf-inference")

    def api_key(self, token: str | None) -> str:
        return token or os.environ.get("HF_TOKEN") or ""  # hf-inference also works without a token

    def mapping(self, model: str | None, token: str | None) -> _hub.InferenceProviderMapping:
        if is_url(model):
            return _hub.InferenceProviderMapping("hf-inference", model, model, self.task, "live")
        if model is None:
            raise StandInUsageError(
                f"no model given: the real client would ask the Hub for the recommended {self.task} model;"
                " the stand-in needs model= or base_url="
            )
        check_supported_task(model, self.task, token)
        return _hub.InferenceProviderMapping("hf-inference", model, model, self.task, "live")

    def url(self, api_key: str, mapped_model: str) -> str:
        if is_url(mapped_model):
            return mapped_model
        pipeline = f"/pipeline/{self.task}" if self.task in ("feature-extraction", "sentence-similarity") else ""
        return f"{self.base_url}/models/{mapped_model}{pipeline}"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        if isinstance(inputs, (bytes, Path)):
            raise ValueError(f"Unexpected binary or path input for task {self.task}.")
        # An empty "parameters" object is sent when no parameter is set.
        return drop_none({"inputs": inputs, "parameters": parameters})


@dataclass
class HfInferenceBinary(HfInference):
    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        return None

    def raw_body(
        self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping, extra: dict
    ) -> Body | None:
        given = drop_none(parameters)
        if not given and not extra:
            return read_content(inputs)  # the file itself, typed from its name
        encoded = base64.b64encode(read_content(inputs).data).decode()
        body = {"inputs": encoded, "parameters": given, **extra}
        return Body(json.dumps(body).encode("utf-8"), "application/json")


@dataclass
class HfInferenceFeatureExtraction(HfInference):
    task: str = "feature-extraction"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        return {"inputs": inputs, **drop_none(parameters)}  # options at the top level, no "parameters"


@dataclass
class HfInferenceConversational(HfInference):
    task: str = "conversational"

    def payload(self, inputs: Any, parameters: dict, mapping: _hub.InferenceProviderMapping) -> dict | None:
        given = drop_none(parameters)
        model = parameters.get("model") or mapping.provider_id
        if model is None or is_url(model):
            model = "dummy"
        response_format = parameters.get("response_format")
        if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
            given["response_format"] = {"type": "json_object", "value": response_format["json_schema"]["schema"]}
        return {"model": model, "messages": inputs, **{key: value for key, value in given.items() if key != "model"}}

    def url(self, api_key: str, mapped_model: str) -> str:
        base = mapped_model if is_url(mapped_model) else f"{self.base_url}/models/{mapped_model}"
        return chat_completion_url(base)


def chat_completion_url(model_url: str) -> str:
    parts = urlsplit(model_url)
    path = parts.path.rstrip("/")
    if path.endswith("/chat/completions"):
        return model_url
    path = path + "/chat/completions" if path.endswith("/v1") else path + "/v1/chat/completions"
    return urlunsplit(parts._replace(path=path))


def check_supported_task(model: str, task: str, token: str | None) -> None:
    """What the real client checks against the model's Hub page before an hf-inference call."""
    info = _hub.model_info(model, token)
    pipeline_tag = info.get("pipeline_tag")
    tags = info.get("tags") or []
    conversational = "conversational" in tags
    if task in ("text-generation", "conversational") and pipeline_tag == "text-generation":
        if conversational or task == "text-generation":
            return
        raise ValueError(f"Model '{model}' doesn't support task '{task}'.")
    if pipeline_tag == "image-text-to-text":
        if conversational and task == "conversational":
            return
        raise ValueError("Non-conversational image-text-to-text task is not supported.")
    if task == "feature-extraction" and pipeline_tag in ("feature-extraction", "sentence-similarity") and task in tags:
        return
    if pipeline_tag != task:
        raise ValueError(
            f"Model '{model}' doesn't support task '{task}'. Supported tasks: '{pipeline_tag}', got: '{task}'"
        )


# -- the table ---------------------------------------------------------------------------------------

HF_BINARY_TASKS = (
    "audio-classification",
    "automatic-speech-recognition",
    "image-classification",
    "image-segmentation",
    "image-to-image",
    "object-detection",
)
HF_JSON_TASKS = (
    "text-to-image",
    "text-generation",
    "text-classification",
    "question-answering",
    "fill-mask",
    "zero-shot-classification",
    "table-question-answering",
    "token-classification",
    "translation",
    "summarization",
)

# provider -> (own API address, chat route) for the OpenAI-compatible chat helpers.
CHAT_PROVIDERS: dict[str, tuple[str, str]] = {
    "baseten": ("https://inference.baseten.co", "/v1/chat/completions"),
    "cerebras": ("https://api.cerebras.ai", "/v1/chat/completions"),
    "cohere": ("https://api.cohere.com", "/compatibility/v1/chat/completions"),
    "deepinfra": ("https://api.deepinfra.com", "/v1/openai/chat/completions"),
    "featherless-ai": ("https://api.featherless.ai", "/v1/chat/completions"),
    "fireworks-ai": ("https://api.fireworks.ai", "/inference/v1/chat/completions"),
    "groq": ("https://api.groq.com", "/openai/v1/chat/completions"),
    "novita": ("https://api.novita.ai", "/v3/openai/chat/completions"),
    "nscale": ("https://inference.api.nscale.com", "/v1/chat/completions"),
    "ovhcloud": ("https://oai.endpoints.kepler.ai.cloud.ovh.net", "/v1/chat/completions"),
    "publicai": ("https://api.publicai.co", "/v1/chat/completions"),
    "scaleway": ("https://api.scaleway.ai", "/v1/chat/completions"),
    "together": ("https://api.together.xyz", "/v1/chat/completions"),
    "zai-org": ("https://api.z.ai", "/api/paas/v4/chat/completions"),
}


def _table() -> dict[str, dict[str, Helper]]:
    table: dict[str, dict[str, Helper]] = {
        provider: {"conversational": Conversational(provider=provider, base_url=base, route=route)}
        for provider, (base, route) in CHAT_PROVIDERS.items()
    }
    hf = table.setdefault("hf-inference", {})
    hf["conversational"] = HfInferenceConversational()
    hf["feature-extraction"] = HfInferenceFeatureExtraction()
    hf.update({task: HfInferenceBinary(task=task) for task in HF_BINARY_TASKS})
    hf.update({task: HfInference(task=task) for task in HF_JSON_TASKS})
    table["fal-ai"] = {
        "automatic-speech-recognition": FalSpeechRecognition(),
        "text-to-image": FalTextToImage(),
        "text-to-video": FalTextToVideo(),
        "image-to-image": FalImageToImage(),
    }
    table["replicate"] = {"text-to-image": Replicate(task="text-to-image")}
    table["together"].update(
        {
            "text-generation": Completions(provider="together", base_url="https://api.together.xyz"),
            "text-to-image": TogetherTextToImage(provider="together", base_url="https://api.together.xyz"),
            "feature-extraction": Embeddings(provider="together", base_url="https://api.together.xyz"),
        }
    )
    table["featherless-ai"]["text-generation"] = Completions(
        provider="featherless-ai", base_url="https://api.featherless.ai", renames_max_new_tokens=True
    )
    table["deepinfra"].update(
        {
            "text-generation": Completions(
                provider="deepinfra",
                base_url="https://api.deepinfra.com",
                route="/v1/openai/completions",
                renames_max_new_tokens=True,
            ),
            "feature-extraction": Embeddings(
                provider="deepinfra",
                base_url="https://api.deepinfra.com",
                route="/v1/openai/embeddings",
                model_last=True,
            ),
            "automatic-speech-recognition": OpenAiTranscription(
                provider="deepinfra",
                base_url="https://api.deepinfra.com",
                route="/v1/openai/audio/transcriptions",
            ),
        }
    )
    table["novita"].update(
        {
            "text-generation": Completions(
                provider="novita", base_url="https://api.novita.ai", route="/v3/openai/completions"
            ),
            "text-to-video": NovitaTextToVideo(),
        }
    )
    table["wavespeed"] = {
        "text-to-image": WavespeedPrompt(task="text-to-image"),
        "text-to-video": WavespeedPrompt(task="text-to-video"),
    }
    table["nscale"]["text-to-image"] = NscaleTextToImage(provider="nscale", base_url="https://inference.api.nscale.com")
    table["scaleway"]["feature-extraction"] = Embeddings(provider="scaleway", base_url="https://api.scaleway.ai")
    return table


PROVIDERS = _table()
# Tasks the real client has for these providers, but whose requests the stand-in does not build.
NOT_WRITTEN = {
    "deepinfra": ("text-to-speech",),
    "fal-ai": ("text-to-speech", "image-to-video", "image-segmentation"),
    "replicate": ("automatic-speech-recognition", "image-to-image", "text-to-speech"),
    "together": ("image-to-image", "text-to-speech", "text-to-video", "image-to-video"),
    "wavespeed": ("image-to-image", "image-to-video"),
    "zai-org": ("text-to-image",),
    "openai": ("conversational",),
}
AUTO_ROUTER = AutoRouterConversational(provider="auto", base_url=ROUTER_ORIGIN)


def get_provider_helper(provider: str | None, task: str, model: str | None, token: str | None) -> Helper:
    if (model is None and provider in (None, "auto")) or is_url(model):
        provider = "hf-inference"
    if provider is None:
        provider = "auto"
    if provider == "auto":
        if model is None:
            raise ValueError("Specifying a model is required when provider is 'auto'")
        if task == "conversational":
            return AUTO_ROUTER
        provider = _hub.provider_mappings(model, token)[0].provider
    if task in NOT_WRITTEN.get(provider, ()):
        raise StandInUsageError(f"the stand-in does not build {provider}'s {task} requests (the real client does)")
    tasks = PROVIDERS.get(provider)
    if tasks is None:
        raise ValueError(
            f"Provider '{provider}' not supported. Available values: 'auto' or any provider from"
            f" {sorted({*PROVIDERS, *NOT_WRITTEN})}."
        )
    if task not in tasks:
        raise ValueError(f"Task '{task}' not supported for provider '{provider}'. Available tasks: {list(tasks)}")
    return tasks[task]
