import type { DiscordStandIn, InteractionHandle, StandInMember, StoredMessage } from './types';

/** What answering a panel needs to know of the question (kept structural: the stand-in knows no deck). */
interface PanelQuestion {
  type: string;
  answers: readonly number[];
  options: readonly string[];
}

interface Component {
  type: number;
  custom_id?: string;
  disabled?: boolean;
}

function componentsOf(message: StoredMessage): Component[] {
  return (message.components as { components: Component[] }[]).flatMap((row) => row.components);
}

function hasSubmit(message: StoredMessage): boolean {
  return componentsOf(message).some((c) => /^1:[a-z0-9]+\.x:/.test(c.custom_id ?? ''));
}

/** The custom_id on the live panel whose prefix and leading fields match (its state field varies). */
function find(message: StoredMessage, prefix: string): string {
  const found = componentsOf(message).find((c) => c.custom_id?.startsWith(prefix));
  if (!found?.custom_id) throw new Error(`no component "${prefix}…" on the panel`);
  return found.custom_id;
}

/**
 * A member answers an ordering or matching question in its private panel as a person would (tests, and
 * the sandbox's simulated members): "Answer" on
 * the public message, then each step (order) or each item's menu (match), then Submit. `choice` is the
 * answer to give (order: option indexes in sequence; match: the option index per prompt). Returns the
 * submit's interaction, whose callback carries the bot's acknowledgement.
 */
export async function answerInPanel(
  standIn: DiscordStandIn,
  member: StandInMember,
  question: Pick<PanelQuestion, 'type'>,
  open: { customId: string; messageId: string } | { panel: StoredMessage },
  choice: readonly number[],
): Promise<AnswerHandle> {
  let panel: StoredMessage;
  if ('panel' in open) {
    panel = open.panel;
  } else {
    const opened = standIn.clickButton({ member, customId: open.customId, messageId: open.messageId });
    const shown = await opened.original();
    // A refusal (closed, already answered) is a plain private message: that is the answer to the click.
    if (!hasSubmit(shown)) return opened;
    panel = shown;
  }
  // The panel's ids: `1:<prefix>.p|m|u|x:<target fields…>:[<option|prompt>:]<state>`.
  const submitId = componentsOf(panel).find((c) => /^1:[a-z0-9]+\.x:/.test(c.custom_id ?? ''))?.custom_id;
  if (!submitId) throw new Error('no submit button on the panel');
  const parts = submitId.split(':');
  const base = `1:${parts[1]!.slice(0, -2)}`;
  const target = parts.slice(2, -1).join(':');
  for (const [step, option] of choice.entries()) {
    const edit =
      question.type === 'order'
        ? standIn.clickButton({
            member,
            customId: find(panel, `${base}.p:${target}:${option}:`),
            messageId: panel.id,
          })
        : standIn.selectMenu({
            member,
            customId: find(panel, `${base}.m:${target}:${step}:`),
            values: [String(option)],
            messageId: panel.id,
          });
    await edit.callback();
  }
  return standIn.clickButton({ member, customId: find(panel, `${base}.x:${target}:`), messageId: panel.id });
}

/** What a test waits on after answering: the acknowledgement, and the message it shows. */
export type AnswerHandle = Pick<InteractionHandle, 'callback' | 'original'>;

/** An answer that takes several clicks, usable like one click's handle. */
export function later(handle: Promise<AnswerHandle>): AnswerHandle {
  return {
    callback: (timeoutMs) => handle.then((h) => h.callback(timeoutMs)),
    original: (timeoutMs) => handle.then((h) => h.original(timeoutMs)),
  };
}

/** A wrong answer of the panel's kind: the right order reversed, or every prompt matched one option off. */
export function wrongPanelChoice(question: PanelQuestion): number[] {
  if (question.type === 'order') return [...question.answers].reverse();
  return question.answers.map((a) => (a + 1) % question.options.length);
}
