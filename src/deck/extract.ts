import type { List, ListItem, Root, Table } from 'mdast';
import type { DomainRule } from './data';
import { NotesError } from './errors';
import type { Fact, FactBase, FactKind, Sequence } from './facts';
import { itemParts, lineOf, parseMarkdown, plainText, splitNamed } from './markdown';
import type { ServiceRegistry } from './services';
import { tidy } from './text';
import type { ExamDomain } from './types';

/** Labels that describe the section they sit in (`### Tokens` + `- **Definição**: ...`). */
const CONCEPT_ATTRIBUTES = new Set([
  'Definição',
  'Conceito-chave',
  'Uso',
  'Caso de uso',
  'Descrição',
  'Armazenamento',
  'Exemplos',
]);
const ACTIVITY_LABEL = 'Atividades-chave';
const TOOLS_LABEL = 'Ferramentas';
const PIPELINE_LABEL = 'Etapas';

interface Context {
  headings: string[];
  containers: string[];
  /** The pipeline step of the enclosing `### N. ...` section. */
  step?: number;
}

export interface ExtractOptions {
  file: string;
  services: ServiceRegistry;
  domainRules: readonly DomainRule[];
}

/** Walk the mdast of the notes and collect facts and sequences. */
export function extractFacts(markdown: string, options: ExtractOptions): FactBase {
  return new Extractor(options).run(parseMarkdown(markdown));
}

class Extractor {
  private readonly facts: Fact[] = [];
  private readonly sequences: Sequence[] = [];
  private pipeline?: Sequence;
  private readonly keyCounts = new Map<string, number>();

  constructor(private readonly options: ExtractOptions) {}

  run(root: Root): FactBase {
    const headings: string[] = [];
    let label: string | undefined;
    for (const node of root.children) {
      if (node.type === 'heading') {
        headings.length = Math.max(0, node.depth - 2);
        if (node.depth >= 2) headings[node.depth - 2] = this.fix(tidy(plainText(node)));
        label = undefined;
        continue;
      }
      const context: Context = { headings: headings.filter(Boolean), containers: [] };
      const step = /^(\d+)\.\s/.exec(context.headings[1] ?? '');
      if (step?.[1] !== undefined) context.step = Number(step[1]);
      if (node.type === 'paragraph') {
        const text = tidy(plainText(node));
        label = /^[^.]{2,40}:$/.test(text) ? text.slice(0, -1) : undefined;
        // The paragraph that opens a service's own section ("### Amazon Bedrock") describes that service.
        const section = context.headings.at(-1) ?? '';
        if (!label && text && this.options.services.resolveName(section).length === 1) {
          this.add('item', context, section, '', this.fix(text), lineOf(node));
        }
      } else if (node.type === 'list') {
        if (node.ordered && label === PIPELINE_LABEL) this.addPipeline(node, context);
        else this.list(node, context);
        label = undefined;
      } else if (node.type === 'table') {
        this.table(node, context);
      }
    }
    return { facts: this.facts, sequences: this.sequences, pipeline: this.pipeline };
  }

  private fix(text: string): string {
    return this.options.services.fixNames(text);
  }

  private fail(line: number, detail: string): never {
    throw new NotesError(this.options.file, line, detail);
  }

  private list(list: List, context: Context): void {
    for (const item of list.children) this.item(item, context);
  }

  private item(item: ListItem, context: Context): void {
    const { paragraph, nested } = itemParts(item);
    const line = lineOf(item);
    const { name: rawName, rest: rawRest } = splitNamed(paragraph, nested !== undefined);
    const name = rawName === undefined ? undefined : this.fix(rawName);
    const rest = this.fix(rawRest);
    if (name === undefined && rest === '' && !nested) this.fail(line, 'list item with no text');
    const section = context.headings.at(-1) ?? '';

    if (name !== undefined && CONCEPT_ATTRIBUTES.has(name) && context.containers.length === 0) {
      const text = rest || (nested ? this.nestedText(nested) : '');
      if (!text) this.fail(line, `empty ${name.toLowerCase()} for "${section}"`);
      this.add('concept', context, section, name, text, line);
      return;
    }
    if (name === ACTIVITY_LABEL && nested && !this.hasNamedItems(nested)) {
      for (const child of nested.children) {
        const text = this.fix(tidy(plainText(itemParts(child).paragraph ?? child)));
        if (!text) this.fail(lineOf(child), 'list item with no text');
        this.add('activity', context, section, ACTIVITY_LABEL, text, lineOf(child));
      }
      return;
    }
    if (name === undefined) {
      this.chain(rest, context, line);
      if (nested) this.list(nested, context);
      return;
    }
    const isLabel = rest === '' || /^\([^)]*\):?$/.test(rest) || (rest.endsWith(':') && nested !== undefined);
    if (!isLabel) {
      this.add('item', context, name, '', rest, line);
      this.chain(rest, context, line, name);
      if (nested) this.details(nested, context, name);
      return;
    }
    if (!nested) this.fail(line, `list item "${name}" has no description`);
    if (this.hasNamedItems(nested)) {
      const inner: Context = { ...context, containers: [...context.containers, name] };
      const own: string[] = [];
      let ownLine = line;
      for (const child of nested.children) {
        const parts = itemParts(child);
        const named = splitNamed(parts.paragraph, parts.nested !== undefined);
        if (named.name === undefined && !parts.nested) {
          // Plain bullets among named ones describe the container itself (e.g. "Ajuste Fino").
          if (!named.rest) this.fail(lineOf(child), 'list item with no text');
          if (own.length === 0) ownLine = lineOf(child);
          own.push(this.fix(named.rest));
        } else {
          this.item(child, inner);
        }
      }
      if (own.length > 0) this.add('item', context, name, '', own.join(' '), ownLine);
      return;
    }
    const text = this.nestedText(nested);
    if (!text) this.fail(line, `list item "${name}" has no description`);
    this.add('item', context, name, '', text, line);
  }

  /** Nested items under a described item: its attributes ("Caso de Uso", "Solução") or extra detail. */
  private details(nested: List, context: Context, owner: string): void {
    for (const child of nested.children) {
      const parts = itemParts(child);
      const named = splitNamed(parts.paragraph, parts.nested !== undefined);
      const text = this.fix(named.rest);
      if (!text && !parts.nested) this.fail(lineOf(child), `empty detail of "${owner}"`);
      if (text) this.add('detail', context, owner, named.name ?? 'Detalhe', text, lineOf(child));
    }
  }

  private hasNamedItems(list: List): boolean {
    return list.children.some((child) => {
      const parts = itemParts(child);
      const named = splitNamed(parts.paragraph, parts.nested !== undefined);
      return named.name !== undefined && (named.rest !== '' || parts.nested !== undefined);
    });
  }

  /** The text of nested bullets, joined (for `- **Name**` followed by its description). */
  private nestedText(list: List): string {
    const parts: string[] = [];
    for (const child of list.children) {
      const { paragraph, nested } = itemParts(child);
      const text = tidy(plainText(paragraph ?? child));
      if (!text && !nested) this.fail(lineOf(child), 'list item with no text');
      if (text) parts.push(/[.!?:]$/.test(text) ? text : `${text}.`);
      if (nested) parts.push(this.nestedText(nested));
    }
    return this.fix(parts.join(' ').trim());
  }

  /** "A -> B -> C" in a description is a sequence worth ordering. */
  private chain(text: string, context: Context, line: number, owner?: string): void {
    const steps = text.split(/\s*->\s*/).map((s) => s.replace(/\.$/, '').trim());
    if (steps.length < 3 || steps.some((s) => !s)) return;
    const name = owner ?? context.headings.at(-1) ?? 'Fluxo';
    const classified = this.classify(context, name);
    this.sequences.push({
      key: `sequence|${[...context.headings, name].join(' > ')}`,
      name,
      items: steps,
      heading: context.headings.join(' > '),
      line,
      ...classified,
      mentions: this.options.services.mentionedIn(steps.join(' ')),
    });
  }

  private addPipeline(list: List, context: Context): void {
    const items = list.children.map((child) => {
      const text = this.fix(tidy(plainText(child)));
      if (!text) this.fail(lineOf(child), 'list item with no text');
      return text;
    });
    const name = context.headings.at(-1) ?? 'Pipeline';
    this.pipeline = {
      key: `pipeline|${name}`,
      name,
      items,
      heading: context.headings.join(' > '),
      line: lineOf(list),
      ...this.classify(context, name),
      mentions: [],
    };
    this.sequences.push(this.pipeline);
  }

  private table(table: Table, context: Context): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const headers = header.children.map((cell) => this.fix(tidy(plainText(cell))));
    const title = context.headings.at(-1) ?? 'Tabela';
    const keyHeader = headers[0] ?? '';
    for (const row of rows) {
      const cells = row.children.map((cell) => this.fix(tidy(plainText(cell))));
      if (cells.every((cell) => cell === '')) continue; // a row dropped by an erratum
      if (cells.length !== headers.length) {
        this.fail(
          lineOf(row),
          `table row has ${cells.length} cells, expected ${headers.length} ("${title}")`,
        );
      }
      const key = cells[0];
      if (!key) this.fail(lineOf(row), `table row with an empty first cell ("${title}")`);
      cells.slice(1).forEach((text, i) => {
        if (!text) return; // an empty cell is allowed: nothing to drill
        const fact = this.add('cell', context, key, headers[i + 1] ?? '', text, lineOf(row));
        fact.table = { title, keyHeader, rows: rows.length };
      });
    }
  }

  private add(
    kind: FactKind,
    context: Context,
    rawName: string,
    attribute: string,
    text: string,
    line: number,
  ): Fact {
    const services = this.options.services;
    const subjects = services.resolveName(rawName);
    const name = subjects.length === 1 ? (subjects[0] as string) : rawName;
    const path = [...context.headings, ...context.containers];
    const base = `${kind}|${path.join(' > ')}|${name}|${attribute}`;
    const seen = this.keyCounts.get(base) ?? 0;
    this.keyCounts.set(base, seen + 1);
    const family =
      kind === 'concept'
        ? `concept|${attribute}`
        : kind === 'activity'
          ? 'activity'
          : `${kind}|${path.join(' > ')}|${kind === 'item' ? '' : attribute}`;
    // Only table rows are classified by their name (e.g. the study sheet's "Top-P" row).
    const classified = this.classify(context, kind === 'cell' ? name : undefined, subjects);
    // A table that mixes services and concepts (the study sheet) is split: services among services,
    // terms among terms of the same topic, so a wrong option is never trivially of another kind.
    const familyKey =
      kind === 'cell' ? `${family}|${subjects.length > 0 ? 'services' : classified.topic}` : family;
    const fact: Fact = {
      key: seen === 0 ? base : `${base}#${seen + 1}`,
      kind,
      family: familyKey,
      path,
      name,
      attribute,
      text,
      subjects,
      mentions: services.mentionedIn(text),
      heading: context.headings.join(' > ') || 'Notas',
      line,
      ...classified,
    };
    if (context.step !== undefined && context.containers[0] === TOOLS_LABEL) fact.step = context.step;
    this.facts.push(fact);
    return fact;
  }

  /** Topic and exam domain: the deepest section (or the name) with a rule; a service's own domain wins. */
  private classify(
    context: Context,
    name: string | undefined,
    subjects: string[] = [],
  ): { topic: string; domain: ExamDomain } {
    const segments = [...context.headings, ...context.containers, ...(name === undefined ? [] : [name])];
    let found: DomainRule | undefined;
    for (const segment of segments) {
      const rule = this.options.domainRules.find((r) => r.section === segment);
      if (rule) found = rule;
    }
    const topic = found?.topic ?? context.headings[0] ?? 'Geral';
    const serviceDomain = subjects
      .map((s) => this.options.services.get(s)?.domain)
      .find((d) => d !== undefined);
    return { topic, domain: serviceDomain ?? found?.domain ?? 1 };
  }
}
