curl https://api.cerebras.ai/v1/chat/completions \
    -H "Authorization: Bearer $CEREBRAS_API_KEY" \
    -H 'Content-Type: application/json' \
    --data-raw '{
        "model": "llama-3.3-70b",
        "messages": [
            {
                "role": "user",
                "content": "In two sentences, why does the Moon always show the same face to Earth?"
            }
        ],
        "max_tokens": 512
    }'
