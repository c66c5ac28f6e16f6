import { describe, expect, it } from 'vitest';
import {
  resolveService,
  serviceChoices,
  serviceSlug,
  findServiceBySlug,
  suggestServices,
} from '../../src/services/service-search';
import { smallDeck } from '../support/daily-fixtures';

const services = smallDeck().deck.services;

describe('service search', () => {
  it('resolves official names and aliases ignoring case, accents and spacing', () => {
    expect(resolveService(services, 'amazon  sagemaker')?.name).toBe('Amazon SageMaker');
    expect(resolveService(services, 'AWS Rekognição')).toBeUndefined();
    expect(resolveService(services, 'aws rekognition')?.name).toBe('Amazon Rekognition');
    expect(resolveService(services, 'Glue Databrew')?.name).toBe('AWS Glue DataBrew');
    expect(resolveService(services, '')).toBeUndefined();
  });

  it('autocompletes by prefix without the vendor, by word and by alias, within Discord limits', () => {
    expect(serviceChoices(services, 'sage').map((c) => c.value)).toEqual(['Amazon SageMaker']);
    expect(serviceChoices(services, 'DETECTOR').map((c) => c.value)).toEqual(['Amazon Fraud Detector']);
    expect(serviceChoices(services, 'databrew')[0]?.value).toBe('AWS Glue DataBrew');
    const all = serviceChoices(services, '');
    expect(all).toHaveLength(services.length);
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...services[0]!,
      name: `Amazon Thing ${i} ${'x'.repeat(120)}`,
    }));
    const choices = serviceChoices(many, 'thing');
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
  });

  it('suggests close names for a typo', () => {
    expect(suggestServices(services, 'Amazon Rekognitoin').map((s) => s.name)).toEqual([
      'Amazon Rekognition',
    ]);
    expect(suggestServices(services, 'zzzzzzzzzzzz')).toEqual([]);
  });

  it('round-trips a service through its custom_id slug', () => {
    for (const service of services) {
      expect(serviceSlug(service.name)).toMatch(/^[a-z0-9-]+$/);
      expect(findServiceBySlug(services, serviceSlug(service.name))?.name).toBe(service.name);
    }
  });
});
