import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workedExample } from './worked-example';

// The courier guide prints the worked example; the example itself is priced in worked-example.spec.ts.
describe('the worked example in docs/rates-and-services.md', () => {
  const page = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'rates-and-services.md'), 'utf8');

  it('shows the figures the pricing code produces', () => {
    const { pickup, dropoff, distanceKm, unroundedAmount, expectedAmount, rateTable } = workedExample;
    for (const figure of [pickup.lat, pickup.lng, dropoff.lat, dropoff.lng, `${distanceKm} km`, unroundedAmount, `**${expectedAmount}**`, rateTable.base.amount, rateTable.base.unitAmount]) {
      expect(page).toContain(String(figure));
    }
  });
});
