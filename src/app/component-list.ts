import { dailyComponentHandlers } from '../daily/component-handlers';
import { mockComponentHandlers } from '../mock/component-handlers';
import { practiceComponentHandlers } from '../practice/component-handlers';
import { quizComponentHandlers } from '../quiz/components';
import type { ComponentHandler } from './context';

/** Every button, select menu and modal handler of every feature, routed by its custom_id prefix. */
export const componentHandlers: ComponentHandler[] = [
  ...quizComponentHandlers,
  ...dailyComponentHandlers,
  ...practiceComponentHandlers,
  ...mockComponentHandlers,
];
