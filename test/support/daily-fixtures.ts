import { DiscordAPIError } from 'discord.js';
import { createDeckIndex, type DeckIndex } from '../../src/deck';
import type { Question, ServiceCard } from '../../src/deck/types';
import type { DailySender, OutgoingMessage } from '../../src/daily/sender';
import { question } from './question-fields';

/** A small hand-made deck: 6 services, one question per service plus a multi and an order question. */
export function smallDeck(): DeckIndex {
  const names = [
    'Amazon SageMaker',
    'Amazon Bedrock',
    'Amazon Rekognition',
    'Amazon Comprehend',
    'AWS Glue DataBrew',
    'Amazon Fraud Detector',
  ];
  const questions: Question[] = names.map((name, i) =>
    question({
      id: `q-${i}`,
      type: 'single',
      stem: `Qual serviço corresponde à descrição ${i}?`,
      options: [
        names[i] ?? '',
        names[(i + 1) % names.length] ?? '',
        names[(i + 2) % names.length] ?? '',
        'Nenhum',
      ],
      answers: [0],
      explanation: `Porque ${name} faz a coisa ${i}.`,
      source: { heading: 'Serviços', line: 10 + i },
      topic: 'servicos',
      domain: 3,
      services: [name],
    }),
  );
  questions.push(
    question({
      id: 'q-multi',
      type: 'multi',
      stem: 'Quais DOIS são serviços de IA?',
      options: ['Amazon Rekognition', 'Amazon S3', 'Amazon Comprehend', 'Amazon EC2', 'Amazon VPC'],
      answers: [0, 2],
      explanation: 'Rekognition e Comprehend são serviços de IA.',
      source: { heading: 'Serviços', line: 30 },
      topic: 'servicos',
      domain: 1,
      services: ['Amazon Rekognition', 'Amazon Comprehend'],
    }),
    question({
      id: 'q-order',
      type: 'order',
      stem: 'Ponha as etapas na ordem.',
      options: ['Treinar', 'Coletar dados', 'Implantar'],
      answers: [1, 0, 2],
      explanation: 'Coleta, treino, implantação.',
      source: { heading: 'Pipeline', line: 40 },
      topic: 'pipeline',
      domain: 1,
      services: [],
    }),
  );
  const services: ServiceCard[] = names.map((name, i) => ({
    name,
    aliases:
      name === 'Amazon Rekognition'
        ? ['AWS Rekognition']
        : name === 'AWS Glue DataBrew'
          ? ['Glue Databrew']
          : [],
    category: 'IA',
    summary: `${name} faz a coisa ${i}.`,
    examTip: `Escolha ${name} quando a questão falar da coisa ${i}.`,
    confusedWith: [names[(i + 1) % names.length] ?? ''],
    sections: [{ heading: 'Serviços', line: 10 + i }],
    questionIds: [`q-${i}`],
  }));
  return createDeckIndex({ notesSha256: 'a'.repeat(64), questions, services });
}

export interface SentMessage {
  channelId: string;
  messageId: string;
  message: OutgoingMessage;
  nonce: string;
  edits: OutgoingMessage[];
}

/** Records sends and edits; a channel can be made to refuse like Discord does. */
export class FakeSender implements DailySender {
  sent: SentMessage[] = [];
  private refusals = new Map<string, { status: number; code: number }>();
  private nextId = 1;

  refuse(channelId: string, error: { status: number; code: number } | null): void {
    if (error) this.refusals.set(channelId, error);
    else this.refusals.delete(channelId);
  }

  private failures: Error[] = [];

  /** The next send fails with this error (then sends work again). */
  failNextSend(error: Error): void {
    this.failures.push(error);
  }

  send(channelId: string, message: OutgoingMessage, nonce: string): Promise<{ messageId: string }> {
    this.throwIfRefused(channelId, 'POST');
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    const messageId = `m${this.nextId++}`;
    this.sent.push({ channelId, messageId, message, nonce, edits: [] });
    return Promise.resolve({ messageId });
  }

  edit(channelId: string, messageId: string, message: OutgoingMessage): Promise<void> {
    this.throwIfRefused(channelId, 'PATCH');
    const target = this.sent.find((m) => m.messageId === messageId && m.channelId === channelId);
    if (!target) throw apiError(404, 10008, 'PATCH');
    target.edits.push(message);
    return Promise.resolve();
  }

  private throwIfRefused(channelId: string, method: string): void {
    const refusal = this.refusals.get(channelId);
    if (refusal) throw apiError(refusal.status, refusal.code, method);
  }
}

export function apiError(status: number, code: number, method: string): DiscordAPIError {
  return new DiscordAPIError(
    { code, message: `error ${code}` },
    code,
    status,
    method,
    '/channels/x/messages',
    {
      body: undefined,
    },
  );
}
