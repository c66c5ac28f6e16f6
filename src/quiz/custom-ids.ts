import { definePanelIds } from '../answers/panel';
import { defineCustomId, idField } from '../discord/custom-id';

/** An answer button: an option (single, true/false), or a candidate sequence on ordering messages of old. */
export const answerButtonId = defineCustomId('qa', {
  roundId: idField.int(),
  position: idField.int(),
  option: idField.int(),
});

/** The "choose TWO" menu; the chosen options travel as the menu's values. */
export const answerMenuId = defineCustomId('qm', { roundId: idField.int(), position: idField.int() });

/** The stop button under each open question. */
export const stopButtonId = defineCustomId('qs', { roundId: idField.int() });

/** Ordering and matching questions are answered in a private panel opened from the round message. */
export const quizPanelIds = definePanelIds('qp', { roundId: idField.int(), position: idField.int() });
