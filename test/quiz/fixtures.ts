import type { Question } from '../../src/deck/types';
import { question } from '../support/question-fields';

/** Small hand-made questions of every type, for tests that must not wait for the real deck. */
export function makeQuestion(over: Partial<Question> & { id: string }): Question {
  return question({
    type: 'single',
    stem: `Qual serviço faz ${over.id}?`,
    options: ['Amazon SageMaker', 'Amazon Bedrock', 'Amazon Comprehend', 'Amazon Rekognition'],
    answers: [1],
    explanation: 'O Bedrock oferece modelos de fundação por API.',
    source: { heading: 'Serviços > Bedrock', line: 42 },
    topic: 'Serviços de IA',
    domain: 2,
    services: ['Amazon Bedrock'],
    ...over,
  });
}

export const singleQ = makeQuestion({ id: 'single-1' });
export const multiQ = makeQuestion({
  id: 'multi-1',
  type: 'multi',
  stem: 'Quais DUAS são métricas de classificação?',
  options: ['Acurácia', 'RMSE', 'F1', 'MAE', 'R²'],
  answers: [0, 2],
  topic: 'Métricas',
  domain: 1,
});
export const trueFalseQ = makeQuestion({
  id: 'tf-1',
  type: 'truefalse',
  stem: 'O SageMaker Clarify detecta viés.',
  options: ['Verdadeiro', 'Falso'],
  answers: [0],
  topic: 'IA responsável',
  domain: 4,
});
export const orderQ = makeQuestion({
  id: 'order-1',
  type: 'order',
  stem: 'Ordene as etapas do pipeline de ML.',
  options: ['Treinar', 'Coletar dados', 'Implantar', 'Avaliar'],
  answers: [1, 0, 3, 2],
  topic: 'Pipeline de ML',
  domain: 1,
});

export const matchQ = makeQuestion({
  id: 'match-1',
  type: 'match',
  stem: 'Associe cada necessidade ao serviço que a atende.',
  prompts: ['Transcrever chamadas gravadas', 'Traduzir o site', 'Ler recibos digitalizados'],
  options: ['Amazon Translate', 'Amazon Textract', 'Amazon Polly', 'Amazon Transcribe'],
  answers: [3, 0, 1],
  topic: 'Serviços de IA',
  domain: 1,
  services: ['Amazon Transcribe', 'Amazon Translate', 'Amazon Textract'],
});
export const multi3Q = makeQuestion({
  id: 'multi3-1',
  type: 'multi',
  stem: 'Quais são métricas de classificação? (Escolha TRÊS.)',
  options: ['Acurácia', 'RMSE', 'F1', 'MAE', 'Recall'],
  answers: [0, 2, 4],
  topic: 'Métricas',
  domain: 1,
});

export const allTypes = [singleQ, multiQ, trueFalseQ, orderQ, matchQ, multi3Q];
