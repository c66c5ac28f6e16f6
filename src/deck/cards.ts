import type { Fact, FactBase } from './facts';
import type { OverlapIndex } from './overlaps';
import type { ServiceRegistry } from './services';
import { clip, tokenOverlap } from './text';
import type { Question, ServiceCard, Source } from './types';

const SUMMARY_MAX = 600;

interface CardInput {
  facts: FactBase;
  questions: Question[];
  services: ServiceRegistry;
  overlaps: OverlapIndex;
}

/** One card per service the notes name, merging what every mention says about it. */
export function buildServiceCards({ facts, questions, services, overlaps }: CardInput): ServiceCard[] {
  const cards: ServiceCard[] = [];
  for (const entry of services.entries) {
    const own = facts.facts.filter((f) => f.subjects.includes(entry.name) && f.attribute !== 'Exemplos');
    const mentioning = facts.facts.filter((f) => f.mentions.includes(entry.name));
    const covering = own.length > 0 ? own : mentioning;
    if (covering.length === 0) continue;
    const named = new Set(services.entries.map((e) => e.name));
    cards.push({
      name: entry.name,
      aliases: [...entry.aliases, ...entry.misnomers],
      category: entry.category,
      summary:
        own.length > 0
          ? summarize(own.map((f) => f.text))
          : summarize(mentionSentences(mentioning, entry.name)),
      examTip: entry.examTip,
      confusedWith: overlaps.partnersOf(entry.name).filter((n) => named.has(n) && n !== entry.name),
      sections: sections([...own, ...mentioning]),
      questionIds: questionsAbout(questions, entry.name),
    });
  }
  return cards.filter((c) => c.sections.length > 0);
}

/**
 * The questions "test me" can ask about a service: the ones about it, then the ones that offer it as an
 * option (knowing why it is wrong there is knowing the service too).
 */
function questionsAbout(questions: Question[], name: string): string[] {
  const about = questions.filter((q) => q.services.includes(name));
  const offered = questions.filter((q) => !q.services.includes(name) && q.options.some((o) => o === name));
  return [...about, ...offered].map((q) => q.id);
}

/** Distinct statements, most informative first, cut at a sentence boundary. */
function summarize(texts: string[]): string {
  const kept: string[] = [];
  for (const text of texts) {
    if (kept.some((k) => tokenOverlap(k, text) >= 0.6)) continue;
    kept.push(/[.!?]$/.test(text) ? text : `${text}.`);
  }
  let summary = '';
  for (const text of kept) {
    if ((summary ? `${summary} ${text}` : text).length > SUMMARY_MAX) break;
    summary = summary ? `${summary} ${text}` : text;
  }
  return summary || clip(kept[0] ?? '', SUMMARY_MAX);
}

function mentionSentences(facts: Fact[], name: string): string[] {
  const out: string[] = [];
  for (const fact of facts) {
    const sentence = (fact.text.split(/(?<=[.;])\s+/).find((s) => s.includes(name)) ?? fact.text).replace(
      /;$/,
      '.',
    );
    out.push(`${fact.name}: ${sentence}`);
  }
  return out;
}

function sections(facts: Fact[]): Source[] {
  const seen = new Map<string, Source>();
  for (const fact of [...facts].sort((a, b) => a.line - b.line)) {
    const key = `${fact.heading}|${fact.line}`;
    if (!seen.has(key)) seen.set(key, { heading: fact.heading, line: fact.line });
  }
  return [...seen.values()];
}
