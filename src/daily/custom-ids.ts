import { definePanelIds } from '../answers/panel';
import { defineCustomId, idField } from '../discord/custom-id';

/**
 * Question of the day: a letter button (or, on ordering posts made before the panel, a candidate
 * sequence's button), or the select of multiple-response questions.
 */
export const dailyAnswerButtonId = defineCustomId('dq', { post: idField.int(), option: idField.int() });
export const dailyAnswerSelectId = defineCustomId('dqs', { post: idField.int() });

/** "Test me" on a service card: the service travels as its slug (names have spaces). */
export const testMeId = defineCustomId('svt', { service: idField.token(80) });

/** A private practice question opened by "test me". */
export const practiceButtonId = defineCustomId('pq', { question: idField.token(64), option: idField.int() });
export const practiceSelectId = defineCustomId('pqs', { question: idField.token(64) });

/** Ordering and matching: the question of the day opens a private panel; "test me" shows the panel itself. */
export const dailyPanelIds = definePanelIds('dqp', { post: idField.int() });
export const practicePanelIds = definePanelIds('pqp', { question: idField.token(64) });
