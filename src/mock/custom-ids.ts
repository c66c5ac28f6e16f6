import { definePanelIds } from '../answers/panel';
import { defineCustomId, idField } from '../discord/custom-id';

/** /mock: the mock's id and the item's position travel in the ids; choices, flags and the clock are in SQLite. */
const item = { mock: idField.int(), position: idField.int() };
export const mockAnswerId = defineCustomId('mka', { ...item, option: idField.int() });
export const mockSelectId = defineCustomId('mks', item);
/** Ordering and matching: the shared private panel, opened from the mock's message. */
export const mockPanelIds = definePanelIds('mkp', item);
/** Previous / next: `from` keeps the two buttons' ids distinct at the ends. */
export const mockGoId = defineCustomId('mkg', { ...item, from: idField.int() });
export const mockFlagId = defineCustomId('mkf', item);
/** The jump menu: flagged and unanswered items (the value is the position). */
export const mockJumpId = defineCustomId('mkj', { mock: idField.int() });
export const mockSubmitId = defineCustomId('mkx', { mock: idField.int(), from: idField.int() });
export const mockConfirmId = defineCustomId('mkc', { mock: idField.int() });
export const mockResultId = defineCustomId('mko', { mock: idField.int() });
export const mockReviewId = defineCustomId('mkr', { mock: idField.int(), page: idField.int() });
