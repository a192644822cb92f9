import { describe, expect, it } from 'vitest';
import { basePath, fieldPath, formatPath } from './path';

describe('paths', () => {
  it('maps a model field to where its representation writes it', () => {
    const cluster = { src: { base: ['clusters', 1], fields: { instanceSize: ['providerSettings', 'instanceSizeName'] } } };
    expect(fieldPath(cluster, 'instanceSize')).toEqual(['clusters', 1, 'providerSettings', 'instanceSizeName']);
    expect(fieldPath(cluster, 'pitEnabled')).toEqual(['clusters', 1, 'pitEnabled']);
    expect(basePath(cluster)).toEqual(['clusters', 1]);
  });

  it('treats an entity without a source map as a request body', () => {
    expect(fieldPath({}, 'backupEnabled')).toEqual(['backupEnabled']);
    expect(basePath({})).toEqual([]);
  });

  it('formats paths the way people write them', () => {
    expect(formatPath(['clusters', 0, 'providerSettings', 'regionName'])).toBe('clusters[0].providerSettings.regionName');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
  });
});
