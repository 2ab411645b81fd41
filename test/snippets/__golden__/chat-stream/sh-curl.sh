curl https://router.huggingface.co/v1/chat/completions \
    -H "Authorization: Bearer $HF_TOKEN" \
    -H 'Content-Type: application/json' \
    -N \
    --data-raw '{
        "model": "meta-llama/Llama-3.3-70B-Instruct:groq",
        "messages": [
            {
                "role": "user",
                "content": "In two sentences, why does the Moon always show the same face to Earth?"
            }
        ],
        "max_tokens": 512,
        "stream": true
    }'
