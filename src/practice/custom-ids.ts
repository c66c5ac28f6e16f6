import { definePanelIds } from '../answers/panel';
import { defineCustomId, idField } from '../discord/custom-id';

/** /practice: the session and the item's position travel in the ids; everything else is in SQLite. */
export const practiceAnswerId = defineCustomId('pr', {
  session: idField.int(),
  position: idField.int(),
  option: idField.int(),
});
export const practiceSelectId = defineCustomId('prs', { session: idField.int(), position: idField.int() });
/** Ordering and matching items are answered in the shared panel, shown in place of the question. */
export const practicePanelIds = definePanelIds('prp', { session: idField.int(), position: idField.int() });
/** "Next": shows the session's next unanswered item (chosen by the scheduler when needed). */
export const practiceNextId = defineCustomId('prn', { session: idField.int() });
