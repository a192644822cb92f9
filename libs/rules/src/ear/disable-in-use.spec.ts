import { describe, expect, it } from 'vitest';
import rule from './disable-in-use';
import { aCluster, aProject, contextFor, earUpdate, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const disableAws = earUpdate('AWS', { enabled: false }, enabledProvider('AWS'));
const orders = aCluster({ encryptionAtRestProvider: 'AWS', src: { base: ['clusters', 0] } });
const ledger = aCluster({ name: 'ledger', encryptionAtRestProvider: 'AWS', src: { base: ['clusters', 2] } });
const analytics = aCluster({ name: 'analytics', encryptionAtRestProvider: 'AZURE', src: { base: ['clusters', 1] } });

testRule(rule, {
  valid: [
    {
      name: 'D turning AWS KMS off when only an Azure cluster uses customer keys',
      ctx: contextFor(disableAws, { project: aProject({ clusters: [analytics, aCluster({ name: 'plain' })] }) }),
    },
    {
      name: 'D updating a provider that clusters use is fine',
      ctx: contextFor(earUpdate('AWS', { region: 'US_WEST_2' }, enabledProvider('AWS')), { project: aProject({ clusters: [orders] }) }),
    },
  ],
  invalid: [
    {
      name: 'D turning AWS KMS off while cluster orders uses it',
      ctx: contextFor(disableAws, { project: aProject({ clusters: [orders, analytics] }) }),
      errors: [{ ruleId: 'ear/disable-in-use', path: ['awsKms', 'enabled'], message: /cluster orders still uses it/ }],
    },
    {
      name: 'D one finding names every cluster that uses the provider',
      ctx: contextFor(disableAws, { project: aProject({ clusters: [orders, analytics, ledger] }) }),
      errors: [{ ruleId: 'ear/disable-in-use', path: ['awsKms', 'enabled'], message: /clusters orders, ledger still use it/ }],
    },
    {
      name: 'D a config file turning Azure Key Vault off under a cluster that uses it',
      ctx: contextFor(earUpdate('AZURE', { enabled: false }, enabledProvider('AZURE'), ['encryptionAtRest', 'azureKeyVault']), {
        project: aProject({ clusters: [analytics] }),
      }),
      errors: [{ ruleId: 'ear/disable-in-use', path: ['encryptionAtRest', 'azureKeyVault', 'enabled'], message: /Azure Key Vault/ }],
    },
  ],
});

describe('ear/disable-in-use related locations', () => {
  it('D points at each using cluster’s encryptionAtRestProvider', () => {
    const [finding] = rule.run(contextFor(disableAws, { project: aProject({ clusters: [orders, analytics, ledger] }) }));
    expect(finding?.related?.map((r) => r.path)).toEqual([
      ['clusters', 0, 'encryptionAtRestProvider'],
      ['clusters', 2, 'encryptionAtRestProvider'],
    ]);
  });
});
