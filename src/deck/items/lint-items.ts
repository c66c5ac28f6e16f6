import { normalize } from '../text';
import { ABOUT_THE_NOTES, addedWords, BLANK, CUT_OFF } from '../wording';
import type { ItemContext } from './item-context';
import type { Item } from './schema';

const TRUE_FALSE = /^(verdadeiro|falso)$/i;

function texts(item: Item): { where: string; text: string }[] {
  const out = [{ where: 'stem', text: item.stem }];
  const options = item.type === 'order' ? item.steps : item.options;
  options.forEach((o, i) => {
    out.push({ where: `option ${i + 1}`, text: o.text }, { where: `why ${i + 1}`, text: o.why });
  });
  if (item.type === 'match')
    item.prompts.forEach((p, i) => out.push({ where: `prompt ${i + 1}`, text: p.text }));
  return out;
}

/**
 * The checks that need the item as written (the converted question gets the deck lint as well).
 * Returns the item's services under their official names.
 */
export function lintItem(item: Item, context: ItemContext, report: (message: string) => void): string[] {
  const { guide, services } = context;
  for (const id of item.objectives) {
    const objective = guide.objectiveById.get(id);
    if (!objective) report(`unknown objective ${id}`);
  }
  const main = guide.objectiveById.get(item.objectives[0] ?? '');
  if (main && main.domain !== item.domain)
    report(`domain ${item.domain} but the main objective ${main.id} is in domain ${main.domain}`);
  if (item.doc && !/^https:\/\/([a-z0-9-]+\.)*(aws\.amazon\.com|amazon\.com|awsstatic\.com)\//.test(item.doc))
    report(`doc must be an AWS page: ${item.doc}`);

  for (const { where, text } of texts(item)) {
    if (ABOUT_THE_NOTES.test(text))
      report(`${where} talks about the notes instead of AWS: "${text.slice(0, 60)}"`);
    if (BLANK.test(text)) report(`${where} has a "___" blank`);
    if (CUT_OFF.test(text)) report(`${where} ends cut off with "…"`);
    if (TRUE_FALSE.test(text.trim())) report(`${where}: true/false is not an exam format`);
    for (const { old, new: current } of guide.renamed) {
      // "Amazon SageMaker Clarify" is a current feature name; "Amazon SageMaker para…" is the old name.
      const oldName = new RegExp(`${old}(?=$|\\s+[a-zà-ú(]|[^\\p{L}\\s])`, 'u');
      if (oldName.test(text) && !text.includes(`antes: ${old}`) && !text.includes(current))
        report(`${where} uses the old name "${old}" (v1.1: "${current}")`);
    }
  }
  const options = item.type === 'order' ? item.steps : item.options;
  options.forEach((o, i) => {
    if (addedWords(o.why, o.text) < 4) report(`why ${i + 1} only restates its option`);
  });
  if (new Set(options.map((o) => normalize(o.text))).size !== options.length)
    report('two options are the same');

  const official: string[] = [];
  for (const name of item.services) {
    const entry = services.lookup(name);
    const renamed = guide.renamed.find((r) => r.old === name);
    if (renamed) report(`service "${name}" has a v1.1 name: "${renamed.new}"`);
    else if (entry) official.push(entry.name);
    else if (guide.servicesInScope.includes(name)) official.push(name);
    else report(`unknown service "${name}" (not in data/services.json nor in the guide's in-scope list)`);
  }
  return [...new Set(official)];
}
