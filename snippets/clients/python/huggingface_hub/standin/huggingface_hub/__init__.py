"""Stand-in for the `huggingface_hub` Python package (InferenceClient only), used by the conformance run.

The real package cannot be installed where the conformance run happens (no PyPI), so the
python/huggingface_hub snippets import this package instead (the runner puts its parent directory
on PYTHONPATH). It is written from the library's source (huggingface/huggingface_hub, main branch,
1.29.0.dev0: `inference/_client.py`, `inference/_providers/*.py`, `inference/_common.py`), not from
this project's tables, so it can disagree with the snippet renderer:

- `_client.py`: `InferenceClient` with the real method names, parameter names, defaults and
  keyword-only split, written as Python signatures (an unknown or misplaced argument raises
  TypeError). Each method builds the real `parameters` dict, so the defaults the real client sends
  are sent here too: `"stream": false` on chat, `"multi_label": false` on zero-shot
  classification, and an empty `"parameters": {}` on hf-inference tasks called without any.
- `_providers.py`: the provider routing of `InferenceClient(provider=...)`: URL, headers, body and
  result handling (fal.ai queues, replicate predictions, OpenAI-style image, embedding and
  completion routes, hf-inference raw bytes or base64 JSON), including follow-up requests.
- `_hub.py`: the Hub lookups (provider mapping, pipeline tag), answered from `HF_STANDIN_HUB_MODELS`
  when set.
- `_transport.py`: HTTP; `HF_STANDIN_ROUTER_ORIGIN` sends router requests to a local server.

Where it knowingly differs: no Hub login or cached token (only arguments and HF_TOKEN), no
recommended-model lookup when no model is given, results are dicts with attribute access instead of
dataclasses, numpy arrays and PIL images (images are objects with `.save(path)`), polling loops are
bounded, it only talks to loopback addresses, and some provider tasks outside the conformance feed
raise StandInUsageError instead of being sent (see `_providers.NOT_WRITTEN`). hyperbolic, nebius and
sambanova are not providers of this version of the library, as in the real one.
"""

from ._client import Image, InferenceClient, Output
from ._transport import HfHubHTTPError, InferenceTimeoutError, StandInUsageError

__all__ = ["InferenceClient", "InferenceTimeoutError", "HfHubHTTPError", "StandInUsageError", "Image", "Output"]
__version__ = "0.0.0+conformance-stand-in"
