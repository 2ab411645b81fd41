/**
 * The InferenceClient method for each task (by task id), with how the example's `inputs` are
 * passed: positionally as the first argument, or, with `inputsSpread`, each of its fields as a
 * keyword argument. Conversational tasks go through `client.chat.completions.create`. A task
 * missing here gets no huggingface_hub snippet, and the reason is reported.
 */
export interface TaskMethod {
  method: string;
  /** The fields of the `inputs` object are separate keyword arguments. */
  inputsSpread?: true;
}

export const TASK_METHODS: Readonly<Record<string, TaskMethod>> = {
  "audio-classification": { method: "audio_classification" },
  "automatic-speech-recognition": { method: "automatic_speech_recognition" },
  "chat-completion": { method: "chat.completions.create" },
  "feature-extraction": { method: "feature_extraction" },
  "fill-mask": { method: "fill_mask" },
  "image-classification": { method: "image_classification" },
  "image-segmentation": { method: "image_segmentation" },
  "image-text-to-text": { method: "chat.completions.create" },
  "image-to-image": { method: "image_to_image" },
  "object-detection": { method: "object_detection" },
  "question-answering": { method: "question_answering", inputsSpread: true },
  summarization: { method: "summarization" },
  "table-question-answering": { method: "table_question_answering", inputsSpread: true },
  "text-classification": { method: "text_classification" },
  "text-generation": { method: "text_generation" },
  "text-to-image": { method: "text_to_image" },
  "text-to-video": { method: "text_to_video" },
  "token-classification": { method: "token_classification" },
  translation: { method: "translation" },
  "zero-shot-classification": { method: "zero_shot_classification" },
};
