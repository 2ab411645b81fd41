curl https://router.huggingface.co/fal-ai/models/fal-ai/flux/dev \
    -H "Authorization: Bearer $HF_TOKEN" \
    -H 'Content-Type: application/json' \
    -o astronaut.png \
    --data-raw '{
        "inputs": "An astronaut riding a horse across a desert at sunset, cinematic lighting, highly detailed"
    }'
