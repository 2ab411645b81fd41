{
    printf '%s' '{
    "inputs": "'
    base64 < cats.jpg | tr -d '\n'
    printf '%s' '",
    "parameters": {
        "prompt": "Give the cats tiny knitted winter hats."
    }
}'
} | curl https://router.huggingface.co/hf-inference/models/timbrooks/instruct-pix2pix \
    -H "Authorization: Bearer $HF_TOKEN" \
    -H 'Content-Type: application/json' \
    -o cats-edited.png \
    --data-binary @-
