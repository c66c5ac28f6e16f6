import { normalize } from '../deck/text';
import type { ServiceCard } from '../deck/types';

/** Lower case, no accents, runs of anything else as one space: "Amazon  Rekognição" ≈ "amazon rekognicao". */
const searchForm = normalize;

/** A custom_id-safe, stable handle for a service: "Amazon SageMaker" → "amazon-sagemaker". */
export function serviceSlug(name: string): string {
  return searchForm(name).replace(/ /g, '-').slice(0, 80);
}

export function findServiceBySlug(services: readonly ServiceCard[], slug: string): ServiceCard | undefined {
  return services.find((service) => serviceSlug(service.name) === slug);
}

/** The service whose official name or alias is `input` (case/accent-insensitive), if any. */
export function resolveService(services: readonly ServiceCard[], input: string): ServiceCard | undefined {
  const wanted = searchForm(input);
  if (wanted === '') return undefined;
  return services.find(
    (service) =>
      searchForm(service.name) === wanted || service.aliases.some((alias) => searchForm(alias) === wanted),
  );
}

/**
 * Services for autocomplete or "did you mean": names or aliases starting with the query first, then
 * those with a word starting with it, then any substring; the official name is what is returned.
 * Without the vendor prefix too, so "sage" finds "Amazon SageMaker".
 */
export function searchServices(services: readonly ServiceCard[], query: string, limit = 25): ServiceCard[] {
  const wanted = searchForm(query);
  const ranked: { service: ServiceCard; tier: number }[] = [];
  for (const service of services) {
    const forms = [service.name, ...service.aliases].map(searchForm);
    let tier: number | null = null;
    if (wanted === '') tier = 0;
    else if (forms.some((form) => form.startsWith(wanted) || stripVendor(form).startsWith(wanted))) tier = 0;
    else if (forms.some((form) => form.split(' ').some((word) => word.startsWith(wanted)))) tier = 1;
    else if (forms.some((form) => form.includes(wanted))) tier = 2;
    if (tier !== null) ranked.push({ service, tier });
  }
  ranked.sort((a, b) => a.tier - b.tier || a.service.name.localeCompare(b.service.name));
  return ranked.slice(0, Math.max(0, limit)).map((entry) => entry.service);
}

function stripVendor(form: string): string {
  return form.replace(/^(amazon|aws) /, '');
}

/**
 * Autocomplete choices: at most 25, name and value ≤ 100 characters; the value is the official name,
 * the label shows the alias that matched when it is not the name.
 */
export function serviceChoices(
  services: readonly ServiceCard[],
  query: string,
): { name: string; value: string }[] {
  const wanted = searchForm(query);
  return searchServices(services, query, 25).map((service) => {
    const alias = wanted === '' ? undefined : service.aliases.find((a) => searchForm(a).includes(wanted));
    const matchedName = searchForm(service.name).includes(wanted);
    const label = alias && !matchedName ? `${service.name} (${alias})` : service.name;
    return { name: label.slice(0, 100), value: service.name.slice(0, 100) };
  });
}

/** "Did you mean": substring matches first, else the names closest by edit distance. */
export function suggestServices(services: readonly ServiceCard[], input: string, limit = 3): ServiceCard[] {
  const direct = searchServices(services, input, limit);
  if (direct.length > 0 || searchForm(input) === '') return direct;
  const wanted = stripVendor(searchForm(input));
  return services
    .map((service) => ({
      service,
      distance: Math.min(
        ...[service.name, ...service.aliases].map((form) =>
          editDistance(stripVendor(searchForm(form)), wanted),
        ),
      ),
    }))
    .filter((entry) => entry.distance <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.service.name.localeCompare(b.service.name))
    .slice(0, limit)
    .map((entry) => entry.service);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
