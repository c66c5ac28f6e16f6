import type { ExamDomain } from './types';

/** What a fact is: decides which question templates apply. */
export type FactKind =
  /** An attribute of a concept section: `### Tokens` + `- **Definição**: ...`. */
  | 'concept'
  /** A named list item: `- **Name**: description` (or the description in a nested item). */
  | 'item'
  /** An attribute of a named item, e.g. a metric's "Caso de Uso" or an item's "Solução". */
  | 'detail'
  /** One activity bullet of a section's "Atividades-chave". */
  | 'activity'
  /** One table cell: row key × column. */
  | 'cell';

export interface Fact {
  /** Identity without line numbers: kind, path, name, attribute (and an occurrence count if repeated). */
  key: string;
  kind: FactKind;
  /** Facts with the same family are siblings: wrong options come from them first. */
  family: string;
  /** Headings and list containers above the fact, e.g. ["O Pipeline...", "6. Treinar...", "Métricas de Erro"]. */
  path: string[];
  /** The subject: a term, a service (official name) or a table row key. */
  name: string;
  /** "Definição", "Caso de Uso", a table column, or "" for a plain item's description. */
  attribute: string;
  text: string;
  /** Official names of the services the subject stands for (empty when it is not a service). */
  subjects: string[];
  /** Official names of services mentioned in the text. */
  mentions: string[];
  heading: string;
  line: number;
  topic: string;
  domain: ExamDomain;
  /** Pipeline step number (1-based) for tools listed under a `### N. ...` section. */
  step?: number;
  /** For table cells: the table title and the header of the key column. */
  table?: { title: string; keyHeader: string; rows: number };
}

/** An ordered list of items the notes give in sequence (the ML pipeline, a data flow). */
export interface Sequence {
  key: string;
  name: string;
  items: string[];
  heading: string;
  line: number;
  topic: string;
  domain: ExamDomain;
  /** Official names of services the items mention. */
  mentions: string[];
}

export interface FactBase {
  facts: Fact[];
  sequences: Sequence[];
  /** The ML pipeline (the ordered list under "Etapas:"), if the notes have one. */
  pipeline?: Sequence;
}
