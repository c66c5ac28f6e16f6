import type { ExamGuide } from '../guide';
import type { ServiceRegistry } from '../services';

/** What an item is checked and resolved against: the notes, the exam guide and the service registry. */
export interface ItemContext {
  notes: string;
  /** The notes with the errata applied: a quote that is no longer there rests on a corrected statement. */
  corrected?: string;
  guide: ExamGuide;
  services: ServiceRegistry;
}
