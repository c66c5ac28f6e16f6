/**
 * When a server's daily post is due. The cron job ticks once a minute and asks these pure functions;
 * the database records each post under its local date (unique per server and date), which is what
 * makes "exactly once per local day" hold across restarts and daylight-saving changes.
 */
import { addDays, localDateOf, startOfLocalDay, zonedInstant } from './zoned';

const MINUTE_MS = 60_000;
const SLOT_CACHE_LIMIT = 10_000;

/** Slots by zone, date and time: every server's cron tick asks for the same few, every minute. */
const slotCache = new Map<string, number>();

/**
 * The instant of `localDate`'s post: `timeOfDay` on that date (see {@link zonedInstant}: a time in a
 * DST gap moves forward by the gap, a time that occurs twice means the first occurrence).
 * One more rule keeps the slot on its own day: when a gap runs up to midnight (Greenland, Pyongyang)
 * and the time is in it, moving forward would leave the day, so the slot is the day's last minute.
 */
export function dailySlotInstant(localDate: string, timeZone: string, timeOfDay: string): number {
  const key = `${timeZone}|${localDate}|${timeOfDay}`;
  const cached = slotCache.get(key);
  if (cached !== undefined) return cached;
  let slot = zonedInstant(localDate, timeOfDay, timeZone);
  if (localDateOf(slot, timeZone) !== localDate) {
    slot = startOfLocalDay(addDays(localDate, 1), timeZone) - MINUTE_MS;
  }
  if (slotCache.size >= SLOT_CACHE_LIMIT) slotCache.clear();
  slotCache.set(key, slot);
  return slot;
}

/**
 * The local date whose post is due at `nowMs`, or null. A day's post is due from its slot
 * ({@link dailySlotInstant}) until the local day ends; comparing instants, not wall clocks, keeps a
 * repeated hour from making it due twice. A missed post is made up later the same local day, never
 * the next day.
 */
export function dueLocalDate(nowMs: number, timeZone: string, timeOfDay: string): string | null {
  const today = localDateOf(nowMs, timeZone);
  return nowMs >= dailySlotInstant(today, timeZone, timeOfDay) ? today : null;
}

/**
 * The local date to post for now, or null: the due date, unless a post for that date, or a later one,
 * is already recorded. The "or later" guard matters after a server moves its time zone westwards: a
 * date it has already passed in the old zone is not posted again.
 */
export function localDateToPost(
  nowMs: number,
  timeZone: string,
  timeOfDay: string,
  lastPostedLocalDate: string | null,
): string | null {
  const due = dueLocalDate(nowMs, timeZone, timeOfDay);
  if (due === null) return null;
  // 'YYYY-MM-DD' strings sort like the dates they name.
  return lastPostedLocalDate === null || due > lastPostedLocalDate ? due : null;
}

/**
 * When the next daily post will go out, for `/config show`:
 * - today not posted yet and its slot still ahead → today's slot;
 * - today not posted yet and its slot passed → `nowMs` (due now; the next tick posts it);
 * - today already posted → tomorrow's slot (or the day after the last posted date, if that is later).
 */
export function nextPostInstant(
  nowMs: number,
  timeZone: string,
  timeOfDay: string,
  lastPostedLocalDate: string | null,
): number {
  const today = localDateOf(nowMs, timeZone);
  const alreadyPosted = lastPostedLocalDate !== null && lastPostedLocalDate >= today;
  if (alreadyPosted) return dailySlotInstant(addDays(lastPostedLocalDate, 1), timeZone, timeOfDay);
  return Math.max(nowMs, dailySlotInstant(today, timeZone, timeOfDay));
}
