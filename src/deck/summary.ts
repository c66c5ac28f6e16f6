import type { BuildReport, Deck, ExamDomain, QuestionType } from './types';

export interface DeckSummary {
  questions: number;
  /** Hand-written exam items and generated drill questions. */
  byTier: { exam: number; drill: number };
  /** Counts below (domain, type, topic) are of the exam tier, or of everything when it is empty. */
  services: number;
  topics: number;
  notesSha256: string;
  byDomain: { domain: ExamDomain; count: number; share: number }[];
  byType: { type: QuestionType; count: number }[];
  byTopic: { topic: string; count: number }[];
  servicesWithTwoQuestions: number;
  report?: BuildReport;
}

/** The deck's figures, for /deck and `npm run deck -- stats`. */
export function summarizeDeck(deck: Deck): DeckSummary {
  const exam = deck.questions.filter((q) => q.tier === 'exam');
  const counted = exam.length > 0 ? exam : deck.questions;
  const total = counted.length;
  const domainCounts = new Map<ExamDomain, number>();
  const typeCounts = new Map<QuestionType, number>();
  const topicCounts = new Map<string, number>();
  for (const q of counted) {
    topicCounts.set(q.topic, (topicCounts.get(q.topic) ?? 0) + 1);
    domainCounts.set(q.domain, (domainCounts.get(q.domain) ?? 0) + 1);
    typeCounts.set(q.type, (typeCounts.get(q.type) ?? 0) + 1);
  }
  const domains: ExamDomain[] = [1, 2, 3, 4, 5];
  const types: QuestionType[] = ['single', 'multi', 'order', 'match'];
  return {
    questions: deck.questions.length,
    byTier: { exam: exam.length, drill: deck.questions.length - exam.length },
    services: deck.services.length,
    topics: topicCounts.size,
    notesSha256: deck.notesSha256,
    byDomain: domains.map((domain) => {
      const count = domainCounts.get(domain) ?? 0;
      return { domain, count, share: total === 0 ? 0 : count / total };
    }),
    byType: types.map((type) => ({ type, count: typeCounts.get(type) ?? 0 })),
    byTopic: [...topicCounts]
      .map(([topic, count]) => ({ topic, count }))
      .sort((a, b) => a.topic.localeCompare(b.topic, 'pt-BR')),
    servicesWithTwoQuestions: deck.services.filter((s) => s.questionIds.length >= 2).length,
    ...(deck.report ? { report: deck.report } : {}),
  };
}

/**
 * One sentence for the host: what the notes became and what was left out, so bringing other notes
 * says plainly that the AIF-C01 item bank and errata do not apply to them.
 */
export function describeBuild(deck: Deck): string {
  const exam = deck.questions.filter((q) => q.tier === 'exam').length;
  const drill = deck.questions.length - exam;
  const topics = new Set(deck.questions.map((q) => q.topic)).size;
  const parts = [
    `${exam} exam items and ${drill} drill questions in ${topics} topics, ${deck.services.length} service cards`,
  ];
  const report = deck.report;
  if (report) {
    parts.push(
      report.bankApplies
        ? 'the item bank applies'
        : 'the item bank was written for other notes: skipped (rounds play the drill tier)',
      report.errataApplied > 0
        ? `${report.errataApplied} of ${report.errataTotal} errata applied`
        : 'errata written for other notes: none applied',
    );
    if (report.sectionsWithoutQuestions.length > 0)
      parts.push(
        `sections that gave no question: ${report.sectionsWithoutQuestions.map((t) => `“${t}”`).join(', ')}`,
      );
  }
  return `Deck built: ${parts.join('; ')}`;
}
