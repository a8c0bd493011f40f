import type { SearchEngine } from '../src/domain/search-engine';
import { facetAndFilterContract } from './contract/facets-and-filters';
import { relevanceContract } from './contract/relevance';
import { versioningContract } from './contract/versioning';
import { newTenant } from './products';

export interface EngineUnderTest {
  engine: SearchEngine;
  close(): Promise<void>;
}

export interface ContractContext {
  engine(): SearchEngine;
  /** A fresh tenant id, cleared from the engine after the suite. */
  tenant(): string;
}

/**
 * The behaviour every SearchEngine must have, whatever the backend: the Postgres engine runs it
 * always, the Meilisearch engine when a Meilisearch is reachable. `factory` is called once.
 */
export function searchEngineContract(factory: () => Promise<EngineUnderTest>): void {
  let subject: EngineUnderTest | undefined;
  const tenants: string[] = [];
  const ctx: ContractContext = {
    engine() {
      if (!subject) throw new Error('the engine factory has not run');
      return subject.engine;
    },
    tenant() {
      const tenantId = newTenant();
      tenants.push(tenantId);
      return tenantId;
    },
  };

  beforeAll(async () => {
    subject = await factory();
  });
  afterAll(async () => {
    if (!subject) return;
    for (const tenantId of tenants) await subject.engine.clearTenant(tenantId);
    await subject.close();
  });

  test('ping resolves when the backend is reachable', async () => {
    await expect(ctx.engine().ping()).resolves.toBeUndefined();
  });

  relevanceContract(ctx);
  versioningContract(ctx);
  facetAndFilterContract(ctx);
}
