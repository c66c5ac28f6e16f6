import { dailyComponentHandlers } from '../daily/component-handlers';
import { mockComponentHandlers } from '../mock/component-handlers';
import { practiceComponentHandlers } from '../practice/component-handlers';
import { quizComponentHandlers } from '../quiz/components';
import type { ComponentHandler } from './types';

/** Every button, select menu and modal handler, routed by its custom_id prefix. */
export const componentHandlers: ComponentHandler[] = [
  ...quizComponentHandlers,
  ...dailyComponentHandlers,
  ...practiceComponentHandlers,
  ...mockComponentHandlers,
];
