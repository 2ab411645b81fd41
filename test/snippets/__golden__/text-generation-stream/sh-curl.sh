curl https://router.huggingface.co/hf-inference/models/openai-community/gpt2 \
    -H "Authorization: Bearer $HF_TOKEN" \
    -H 'Content-Type: application/json' \
    -N \
    --data-raw '{
        "inputs": "Three tips for writing clear commit messages:\n1.",
        "parameters": {
            "max_new_tokens": 128
        },
        "stream": true
    }'
