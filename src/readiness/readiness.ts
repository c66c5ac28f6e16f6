import type { Tally } from '../stats/accuracy';
import { EXAM_DOMAINS, type ExamDomain, type Question } from '../deck/types';
import { scaledScore, PASS_MARK } from '../mock/scoring';
import type { MemberCard } from '../practice/card-store';
import { retrievability } from '../practice/scheduler';

export const RECENT_DAYS = 30;
export const OBJECTIVE_DAYS = 90;
/** Fewer recent answers than this in a domain and its readiness is flagged as thin evidence. */
export const THIN_EVIDENCE = 5;
/** Recent accuracy is smoothed toward 50% with the weight of this many answers. */
export const PRIOR_ANSWERS = 5;
/** Recall counts in full once this many items of a domain are practised (fewer: scaled down). */
export const FULL_RECALL_CARDS = 10;

export interface DomainReadiness {
  domain: ExamDomain;
  /**
   * Share right among the last RECENT_DAYS days' answers (all kinds), smoothed toward 50% with
   * PRIOR_ANSWERS answers' weight; null without any.
   */
  accuracy: number | null;
  answered: number;
  /**
   * FSRS retrievability now, summed over the member's cards in the domain and divided by
   * max(cards, FULL_RECALL_CARDS) (a few well-remembered items are not a domain); null without cards.
   */
  retrievability: number | null;
  cards: number;
  /** 0–1: the mean of the two figures above that exist; 0 when neither does. */
  readiness: number;
  thin: boolean;
}

export interface ObjectiveToWork {
  id: string;
  answered: number;
  correct: number;
}

export interface Readiness {
  domains: DomainReadiness[];
  /** Σ exam weight × readiness, 0–1. */
  overall: number;
  /** The overall share on the mock's 100–1000 line (an estimate, like the mock's score). */
  estimate: number;
  passes: boolean;
  objectives: ObjectiveToWork[];
}

/**
 * How ready a member is, per exam domain and overall: readiness_d = mean(smoothed recent accuracy_d,
 * recall_d) with whichever exist (0 with neither), overall = Σ weight_d × readiness_d, estimate = 100 + 900 × overall
 * (against the 700 pass mark). The three objectives to work on next: the lowest accuracy among objectives
 * with at least two answers in the last OBJECTIVE_DAYS days (misses only), then objectives never answered
 * from the heaviest domains.
 */
export function computeReadiness(input: {
  recentByDomain: ReadonlyMap<number, Tally>;
  cards: readonly MemberCard[];
  byQuestion: ReadonlyMap<string, Tally>;
  questionById: ReadonlyMap<string, Question>;
  allObjectives: readonly { id: string; domain: ExamDomain }[];
  now: number;
}): Readiness {
  const domains = ([1, 2, 3, 4, 5] as ExamDomain[]).map((domain): DomainReadiness => {
    const recent = input.recentByDomain.get(domain) ?? { answered: 0, correct: 0 };
    const cards = input.cards.filter((c) => input.questionById.get(c.questionId)?.domain === domain);
    const accuracy =
      recent.answered > 0 ? (recent.correct + PRIOR_ANSWERS / 2) / (recent.answered + PRIOR_ANSWERS) : null;
    const ret = cards.length
      ? cards.reduce((sum, c) => sum + retrievability(c, input.now), 0) /
        Math.max(cards.length, FULL_RECALL_CARDS)
      : null;
    const parts = [accuracy, ret].filter((x): x is number => x !== null);
    return {
      domain,
      accuracy,
      answered: recent.answered,
      retrievability: ret,
      cards: cards.length,
      readiness: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0,
      thin: recent.answered < THIN_EVIDENCE,
    };
  });
  const overall = domains.reduce((sum, d) => sum + EXAM_DOMAINS[d.domain].weight * d.readiness, 0);
  const estimate = scaledScore(overall, 1);

  const byObjective = new Map<string, ObjectiveToWork>();
  for (const [questionId, tally] of input.byQuestion) {
    for (const id of input.questionById.get(questionId)?.objectives ?? []) {
      const o = byObjective.get(id) ?? { id, answered: 0, correct: 0 };
      o.answered += tally.answered;
      o.correct += tally.correct;
      byObjective.set(id, o);
    }
  }
  const weak = [...byObjective.values()]
    .filter((o) => o.answered >= 2 && o.correct < o.answered)
    .sort(
      (a, b) =>
        a.correct / a.answered - b.correct / b.answered ||
        b.answered - a.answered ||
        a.id.localeCompare(b.id),
    );
  const untried = [...input.allObjectives]
    .filter((o) => !byObjective.has(o.id))
    .sort((a, b) => EXAM_DOMAINS[b.domain].weight - EXAM_DOMAINS[a.domain].weight || a.id.localeCompare(b.id))
    .map((o) => ({ id: o.id, answered: 0, correct: 0 }));
  return {
    domains,
    overall,
    estimate,
    passes: estimate >= PASS_MARK,
    objectives: [...weak, ...untried].slice(0, 3),
  };
}
