/**
 * The InferenceClient method of @huggingface/inference for each task (by task id), and the method
 * that streams where the task streams. A task missing here gets no huggingface.js snippet, and
 * the reason is reported.
 */
export interface TaskMethod {
  method: string;
  streamMethod?: string;
}

export const TASK_METHODS: Readonly<Record<string, TaskMethod>> = {
  "audio-classification": { method: "audioClassification" },
  "automatic-speech-recognition": { method: "automaticSpeechRecognition" },
  "chat-completion": { method: "chatCompletion", streamMethod: "chatCompletionStream" },
  "feature-extraction": { method: "featureExtraction" },
  "fill-mask": { method: "fillMask" },
  "image-classification": { method: "imageClassification" },
  "image-segmentation": { method: "imageSegmentation" },
  "image-text-to-text": { method: "chatCompletion", streamMethod: "chatCompletionStream" },
  "image-to-image": { method: "imageToImage" },
  "object-detection": { method: "objectDetection" },
  "question-answering": { method: "questionAnswering" },
  summarization: { method: "summarization" },
  "table-question-answering": { method: "tableQuestionAnswering" },
  "text-classification": { method: "textClassification" },
  "text-generation": { method: "textGeneration", streamMethod: "textGenerationStream" },
  "text-to-image": { method: "textToImage" },
  "text-to-video": { method: "textToVideo" },
  "token-classification": { method: "tokenClassification" },
  translation: { method: "translation" },
  "zero-shot-classification": { method: "zeroShotClassification" },
};
