curl https://gateway.example.com/hf/v1/chat/completions \
    -H 'Authorization: Bearer hf_example' \
    -H 'Content-Type: application/json' \
    -H 'X-HF-Bill-To: my-org' \
    --data-raw '{
        "model": "deepseek-ai/DeepSeek-R1:together",
        "messages": [
            {
                "role": "user",
                "content": "In two sentences, why does the Moon always show the same face to Earth?"
            }
        ],
        "max_tokens": 512,
        "temperature": 0,
        "stream_options": null
    }'
