curl https://router.huggingface.co/hf-inference/models/deepset/roberta-base-squad2 \
    -H "Authorization: Bearer $HF_TOKEN" \
    -H 'Content-Type: application/json' \
    --data-raw '{
        "inputs": {
            "question": "When does the museum close on Fridays?",
            "context": "The city museum opens every day at 10 am. It closes at 6 pm from Monday to Thursday and stays open until 9 pm on Fridays."
        }
    }'
