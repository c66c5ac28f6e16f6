import type { ServiceCard } from '../deck/types';

/** Lower case, no accents, runs of anything else as one space: "Amazon  Rekognição" ≈ "amazon rekognicao". */
export function searchForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

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
