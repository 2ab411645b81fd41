"""The Hub lookups the real client makes before routing a request to a provider.

The real client asks `GET {HF_ENDPOINT}/api/models/{model}?expand[]=inferenceProviderMapping` for
the providers serving a model (and `GET .../api/models/{model}` for the pipeline tag, before an
hf-inference call by model id). The conformance run has no Hub, so it hands the stand-in the Hub's
answers: `HF_STANDIN_HUB_MODELS` holds a JSON object of model id -> model info, in the shape the Hub
API returns (`pipeline_tag`, `tags`, `inferenceProviderMapping` as provider -> {providerId, task,
status}). Without it the stand-in asks `HF_ENDPOINT` like the real client does.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from ._transport import send

HUB_MODELS_VARIABLE = "HF_STANDIN_HUB_MODELS"


@dataclass(frozen=True)
class InferenceProviderMapping:
    provider: str
    hf_model_id: str
    provider_id: str
    task: str
    status: str
    adapter_weights_path: str | None = None


def model_info(model: str, token: str | None) -> dict[str, Any]:
    given = os.environ.get(HUB_MODELS_VARIABLE)
    if given is not None:
        models = json.loads(given)
        if model not in models:
            raise ValueError(f"Repository Not Found for url: /api/models/{model} ({model} is not on the Hub)")
        return models[model]
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")
    headers = {"authorization": f"Bearer {token}"} if token else {}
    url = f"{endpoint}/api/models/{model}?expand[]=inferenceProviderMapping&expand[]=pipeline_tag&expand[]=tags"
    return send("GET", url, headers=headers).json()


def provider_mappings(model: str, token: str | None) -> list[InferenceProviderMapping]:
    """The providers serving `model`, in the Hub's order (the user's preference order)."""
    raw = model_info(model, token).get("inferenceProviderMapping")
    if not raw:
        raise ValueError(f"No provider mapping found for model {model}")
    entries = raw.items() if isinstance(raw, dict) else ((entry.get("provider"), entry) for entry in raw)
    return [
        InferenceProviderMapping(
            provider=provider,
            hf_model_id=model,
            provider_id=entry["providerId"],
            task=entry["task"],
            status=entry.get("status", "live"),
            adapter_weights_path=entry.get("adapterWeightsPath"),
        )
        for provider, entry in entries
    ]
