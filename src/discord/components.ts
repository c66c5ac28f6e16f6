import { dailyComponentHandlers } from '../daily/component-handlers';
import type { ComponentHandler } from './types';

/** Every button, select menu and modal handler, routed by its custom_id prefix. */
export const componentHandlers: ComponentHandler[] = [...dailyComponentHandlers];
