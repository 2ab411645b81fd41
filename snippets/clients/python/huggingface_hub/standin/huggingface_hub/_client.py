"""`InferenceClient`, as in huggingface_hub's `src/huggingface_hub/inference/_client.py` (main,
1.29.0.dev0): the same method names, parameter names, defaults and positional/keyword-only split,
written out as plain Python signatures so a wrong or unknown argument raises the TypeError the
real client raises. Each method gathers the same `parameters` dict the real one does (None for
every argument not given) and hands it to the provider helper, which drops the Nones.
"""

from __future__ import annotations

import base64
import os
from typing import Any

from . import _providers
from ._transport import send, server_sent_events

X_BILL_TO = "X-HF-Bill-To"
TASKS_EXPECTING_IMAGES = {"text-to-image", "image-to-image"}


class Output(dict):
    """A JSON object with attribute and item access, like the real output dataclasses (dict subclasses)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.get(name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{key}={value!r}' for key, value in self.items())})"


def wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Output({key: wrap(item) for key, item in value.items()})
    if isinstance(value, list):
        return [wrap(item) for item in value]
    return value


class Image:
    """Stands in for the PIL.Image the real client returns: `.save(path)` writes the received bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def save(self, fp: str | os.PathLike, format: str | None = None, **params: Any) -> None:
        with open(fp, "wb") as file:
            file.write(self.data)

    def __repr__(self) -> str:
        return f"<stand-in Image {len(self.data)} bytes>"


def expect_list(method: str, value: Any) -> list:
    if not isinstance(value, list):
        raise ValueError(f"InferenceClient.{method}: expected a JSON array, got {type(value).__name__}")
    return wrap(value)


def expect_object(method: str, value: Any) -> Output:
    if not isinstance(value, dict):
        raise ValueError(f"InferenceClient.{method}: expected a JSON object, got {type(value).__name__}")
    return wrap(value)


def first_of_list(method: str, value: Any) -> Output:
    items = expect_list(method, value)
    if not items:
        raise ValueError(f"InferenceClient.{method}: the server returned an empty array")
    return items[0]


def as_json(response: Any) -> Any:
    return _providers.as_dict(response) if isinstance(response, (bytes, bytearray)) else response


class _ChatCompletions:
    def __init__(self, client: InferenceClient) -> None:
        self.create = client.chat_completion


class _Chat:
    def __init__(self, client: InferenceClient) -> None:
        self.completions = _ChatCompletions(client)


class InferenceClient:
    def __init__(
        self,
        model: str | None = None,
        *,
        provider: str | None = None,
        token: str | None = None,
        timeout: float | None = None,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
        bill_to: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
    ) -> None:
        if model is not None and base_url is not None:
            raise ValueError(
                "Received both `model` and `base_url` arguments. Please provide only one of them."
                " `base_url` is an alias for `model` to make the API compatible with OpenAI's client."
            )
        if token is not None and api_key is not None:
            raise ValueError(
                "Received both `token` and `api_key` arguments. Please provide only one of them."
                " `api_key` is an alias for `token` to make the API compatible with OpenAI's client."
            )
        token = token if token is not None else api_key
        if token is False:
            raise ValueError(
                "Cannot use `token=False` to disable authentication as authentication is required to run Inference."
            )
        if token is True:
            token = os.environ.get("HF_TOKEN")
        self.model: str | None = base_url or model
        self.token: str | None = token
        self.headers: dict[str, str] = dict(headers) if headers is not None else {}
        if bill_to is not None:
            self.headers[X_BILL_TO] = bill_to
        self.provider = provider
        self.cookies = cookies
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"<InferenceClient(model='{self.model or ''}', timeout={self.timeout})> (conformance stand-in)"

    def __enter__(self) -> InferenceClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def close(self) -> None:
        pass

    @property
    def chat(self) -> _Chat:
        return _Chat(self)

    # -- plumbing -------------------------------------------------------------------------------

    def _run(
        self,
        task: str,
        model: str | None,
        inputs: Any,
        parameters: dict,
        *,
        extra_payload: dict | None = None,
        stream: bool = False,
    ) -> tuple[Any, _providers.Helper, _providers.Request]:
        model_id = model or self.model
        helper = _providers.get_provider_helper(self.provider, task, model_id, self.token)
        request = helper.prepare(
            inputs=inputs,
            parameters=parameters,
            headers=self.headers,
            model=model_id,
            token=self.token,
            extra_payload=extra_payload,
        )
        return self._post(request, stream=stream), helper, request

    def _post(self, request: _providers.Request, *, stream: bool = False) -> Any:
        headers = dict(request.headers)
        if request.task in TASKS_EXPECTING_IMAGES and "Accept" not in headers:
            headers["Accept"] = "image/png"
        response = send(
            "POST",
            request.url,
            headers=headers,
            json_body=request.json,
            data=request.data,
            cookies=self.cookies,
            timeout=self.timeout,
            stream=stream,
        )
        return response if stream else response.content

    def _task(self, task: str, model: str | None, inputs: Any, parameters: dict) -> Any:
        raw, helper, request = self._run(task, model, inputs, parameters)
        return helper.result(raw, request)

    # -- chat -----------------------------------------------------------------------------------

    def chat_completion(
        self,
        messages: list[dict],
        *,
        model: str | None = None,
        stream: bool = False,
        frequency_penalty: float | None = None,
        logit_bias: list[float] | None = None,
        logprobs: bool | None = None,
        max_tokens: int | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        response_format: Any = None,
        seed: int | None = None,
        stop: list[str] | None = None,
        stream_options: Any = None,
        temperature: float | None = None,
        tool_choice: Any = None,
        tool_prompt: str | None = None,
        tools: list | None = None,
        top_logprobs: int | None = None,
        top_p: float | None = None,
        extra_body: dict | None = None,
    ) -> Any:
        # The client's own model (or URL) routes the call; the argument wins for the body's "model".
        model_id_or_url = self.model or model
        payload_model = model or self.model
        routing_model = model_id_or_url if _providers.is_url(model_id_or_url) else payload_model
        helper = _providers.get_provider_helper(self.provider, "conversational", routing_model, self.token)
        parameters = {
            "model": payload_model,
            "frequency_penalty": frequency_penalty,
            "logit_bias": logit_bias,
            "logprobs": logprobs,
            "max_tokens": max_tokens,
            "n": n,
            "presence_penalty": presence_penalty,
            "response_format": response_format,
            "seed": seed,
            "stop": stop,
            "temperature": temperature,
            "tool_choice": tool_choice,
            "tool_prompt": tool_prompt,
            "tools": tools,
            "top_logprobs": top_logprobs,
            "top_p": top_p,
            "stream": stream,  # sent as false too: it is not None
            "stream_options": stream_options,
            **(extra_body or {}),
        }
        request = helper.prepare(
            inputs=messages, parameters=parameters, headers=self.headers, model=model_id_or_url, token=self.token
        )
        raw = self._post(request, stream=stream)
        if stream:
            return (wrap(event) for event in server_sent_events(raw))
        return expect_object("chat_completion", as_json(raw))

    # -- task methods ---------------------------------------------------------------------------

    def audio_classification(
        self, audio: Any, *, model: str | None = None, top_k: int | None = None, function_to_apply: str | None = None
    ) -> list:
        parameters = {"function_to_apply": function_to_apply, "top_k": top_k}
        return expect_list(
            "audio_classification", as_json(self._task("audio-classification", model, audio, parameters))
        )

    def automatic_speech_recognition(
        self, audio: Any, *, model: str | None = None, extra_body: dict | None = None
    ) -> Output:
        result = self._task("automatic-speech-recognition", model, audio, {**(extra_body or {})})
        return expect_object("automatic_speech_recognition", as_json(result))

    def feature_extraction(
        self,
        text: str,
        *,
        normalize: bool | None = None,
        prompt_name: str | None = None,
        truncate: bool | None = None,
        truncation_direction: str | None = None,
        dimensions: int | None = None,
        encoding_format: str | None = None,
        model: str | None = None,
    ) -> Any:
        parameters = {
            "normalize": normalize,
            "prompt_name": prompt_name,
            "truncate": truncate,
            "truncation_direction": truncation_direction,
            "dimensions": dimensions,
            "encoding_format": encoding_format,
        }
        return as_json(self._task("feature-extraction", model, text, parameters))  # the real one: a numpy array

    def fill_mask(
        self, text: str, *, model: str | None = None, targets: list[str] | None = None, top_k: int | None = None
    ) -> list:
        return expect_list(
            "fill_mask", as_json(self._task("fill-mask", model, text, {"targets": targets, "top_k": top_k}))
        )

    def image_classification(
        self, image: Any, *, model: str | None = None, function_to_apply: str | None = None, top_k: int | None = None
    ) -> list:
        parameters = {"function_to_apply": function_to_apply, "top_k": top_k}
        return expect_list(
            "image_classification", as_json(self._task("image-classification", model, image, parameters))
        )

    def image_segmentation(
        self,
        image: Any,
        *,
        model: str | None = None,
        mask_threshold: float | None = None,
        overlap_mask_area_threshold: float | None = None,
        subtask: str | None = None,
        threshold: float | None = None,
    ) -> list:
        parameters = {
            "mask_threshold": mask_threshold,
            "overlap_mask_area_threshold": overlap_mask_area_threshold,
            "subtask": subtask,
            "threshold": threshold,
        }
        output = expect_list("image_segmentation", as_json(self._task("image-segmentation", model, image, parameters)))
        for item in output:
            item["mask"] = Image(base64.b64decode(item["mask"], validate=True))
        return output

    def image_to_image(
        self,
        image: Any,
        prompt: str | None = None,
        *,
        negative_prompt: str | None = None,
        num_inference_steps: int | None = None,
        guidance_scale: float | None = None,
        model: str | None = None,
        target_size: Any = None,
        **kwargs: Any,
    ) -> Image:
        parameters = {
            "prompt": prompt,
            "negative_prompt": negative_prompt,
            "target_size": target_size,
            "num_inference_steps": num_inference_steps,
            "guidance_scale": guidance_scale,
            **kwargs,
        }
        return Image(self._task("image-to-image", model, image, parameters))

    def object_detection(self, image: Any, *, model: str | None = None, threshold: float | None = None) -> list:
        return expect_list(
            "object_detection", as_json(self._task("object-detection", model, image, {"threshold": threshold}))
        )

    def question_answering(
        self,
        question: str,
        context: str,
        *,
        model: str | None = None,
        align_to_words: bool | None = None,
        doc_stride: int | None = None,
        handle_impossible_answer: bool | None = None,
        max_answer_len: int | None = None,
        max_question_len: int | None = None,
        max_seq_len: int | None = None,
        top_k: int | None = None,
    ) -> Any:
        parameters = {
            "align_to_words": align_to_words,
            "doc_stride": doc_stride,
            "handle_impossible_answer": handle_impossible_answer,
            "max_answer_len": max_answer_len,
            "max_question_len": max_question_len,
            "max_seq_len": max_seq_len,
            "top_k": top_k,
        }
        inputs = {"question": question, "context": context}
        return wrap(as_json(self._task("question-answering", model, inputs, parameters)))

    def summarization(
        self,
        text: str,
        *,
        model: str | None = None,
        clean_up_tokenization_spaces: bool | None = None,
        generate_parameters: dict | None = None,
        truncation: str | None = None,
    ) -> Output:
        parameters = {
            "clean_up_tokenization_spaces": clean_up_tokenization_spaces,
            "generate_parameters": generate_parameters,
            "truncation": truncation,
        }
        return first_of_list("summarization", as_json(self._task("summarization", model, text, parameters)))

    def table_question_answering(
        self,
        table: dict,
        query: str,
        *,
        model: str | None = None,
        padding: str | None = None,
        sequential: bool | None = None,
        truncation: bool | None = None,
    ) -> Output:
        # The real client also puts the `model` argument among the parameters.
        parameters = {"model": model, "padding": padding, "sequential": sequential, "truncation": truncation}
        inputs = {"query": query, "table": table}
        return expect_object(
            "table_question_answering", as_json(self._task("table-question-answering", model, inputs, parameters))
        )

    def text_classification(
        self, text: str, *, model: str | None = None, top_k: int | None = None, function_to_apply: str | None = None
    ) -> Output:
        parameters = {"function_to_apply": function_to_apply, "top_k": top_k}
        return first_of_list("text_classification", as_json(self._task("text-classification", model, text, parameters)))

    def text_generation(
        self,
        prompt: str,
        *,
        details: bool | None = None,
        stream: bool | None = None,
        model: str | None = None,
        adapter_id: str | None = None,
        best_of: int | None = None,
        decoder_input_details: bool | None = None,
        do_sample: bool | None = None,
        frequency_penalty: float | None = None,
        grammar: Any = None,
        max_new_tokens: int | None = None,
        repetition_penalty: float | None = None,
        return_full_text: bool | None = None,
        seed: int | None = None,
        stop: list[str] | None = None,
        stop_sequences: list[str] | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_n_tokens: int | None = None,
        top_p: float | None = None,
        truncate: int | None = None,
        typical_p: float | None = None,
        watermark: bool | None = None,
    ) -> Any:
        if stop is None:
            stop = stop_sequences  # deprecated alias
        parameters = {
            "adapter_id": adapter_id,
            "best_of": best_of,
            "decoder_input_details": decoder_input_details,
            "details": details,
            "do_sample": do_sample,
            "frequency_penalty": frequency_penalty,
            "grammar": grammar,
            "max_new_tokens": max_new_tokens,
            "repetition_penalty": repetition_penalty,
            "return_full_text": return_full_text,
            "seed": seed,
            "stop": stop,
            "temperature": temperature,
            "top_k": top_k,
            "top_n_tokens": top_n_tokens,
            "top_p": top_p,
            "truncate": truncate,
            "typical_p": typical_p,
            "watermark": watermark,
        }
        raw, helper, request = self._run(
            "text-generation", model, prompt, parameters, extra_payload={"stream": stream}, stream=bool(stream)
        )
        if stream:
            events = (wrap(event) for event in server_sent_events(raw))
            return events if details else (event["token"]["text"] for event in events)
        data = as_json(helper.result(raw, request))
        first = data[0] if isinstance(data, list) else data
        return wrap(first) if details else first["generated_text"]

    def text_to_image(
        self,
        prompt: str,
        *,
        negative_prompt: str | None = None,
        height: int | None = None,
        width: int | None = None,
        num_inference_steps: int | None = None,
        guidance_scale: float | None = None,
        model: str | None = None,
        scheduler: str | None = None,
        seed: int | None = None,
        extra_body: dict[str, Any] | None = None,
    ) -> Image:
        parameters = {
            "negative_prompt": negative_prompt,
            "height": height,
            "width": width,
            "num_inference_steps": num_inference_steps,
            "guidance_scale": guidance_scale,
            "scheduler": scheduler,
            "seed": seed,
            **(extra_body or {}),
        }
        return Image(self._task("text-to-image", model, prompt, parameters))

    def text_to_video(
        self,
        prompt: str,
        *,
        model: str | None = None,
        guidance_scale: float | None = None,
        negative_prompt: list[str] | None = None,
        num_frames: float | None = None,
        num_inference_steps: int | None = None,
        seed: int | None = None,
        extra_body: dict[str, Any] | None = None,
    ) -> bytes:
        parameters = {
            "guidance_scale": guidance_scale,
            "negative_prompt": negative_prompt,
            "num_frames": num_frames,
            "num_inference_steps": num_inference_steps,
            "seed": seed,
            **(extra_body or {}),
        }
        return self._task("text-to-video", model, prompt, parameters)

    def token_classification(
        self,
        text: str,
        *,
        model: str | None = None,
        aggregation_strategy: str | None = None,
        ignore_labels: list[str] | None = None,
        stride: int | None = None,
    ) -> list:
        parameters = {"aggregation_strategy": aggregation_strategy, "ignore_labels": ignore_labels, "stride": stride}
        return expect_list("token_classification", as_json(self._task("token-classification", model, text, parameters)))

    def translation(
        self,
        text: str,
        *,
        model: str | None = None,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
        clean_up_tokenization_spaces: bool | None = None,
        truncation: str | None = None,
        generate_parameters: dict | None = None,
    ) -> Output:
        if src_lang is not None and tgt_lang is None:
            raise ValueError("You cannot specify `src_lang` without specifying `tgt_lang`.")
        if src_lang is None and tgt_lang is not None:
            raise ValueError("You cannot specify `tgt_lang` without specifying `src_lang`.")
        parameters = {
            "src_lang": src_lang,
            "tgt_lang": tgt_lang,
            "clean_up_tokenization_spaces": clean_up_tokenization_spaces,
            "truncation": truncation,
            "generate_parameters": generate_parameters,
        }
        return first_of_list("translation", as_json(self._task("translation", model, text, parameters)))

    def zero_shot_classification(
        self,
        text: str,
        candidate_labels: list[str],
        *,
        multi_label: bool | None = False,
        hypothesis_template: str | None = None,
        model: str | None = None,
    ) -> list:
        parameters = {
            "candidate_labels": candidate_labels,
            "multi_label": multi_label,  # false by default, and then sent
            "hypothesis_template": hypothesis_template,
        }
        return expect_list(
            "zero_shot_classification", as_json(self._task("zero-shot-classification", model, text, parameters))
        )
