/** The storage contract against every implementation: in-memory, dynalite, DynamoDB Local. */
import { afterAll, beforeAll } from 'vitest';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { MemoryArticleStore } from '../support/memory.js';
import { startDynalite, startDynamoDbLocal, type DynamoStandin } from '../support/standins.js';
import { articleStoreContract } from './article-store.contract.js';

articleStoreContract('in-memory', async (clock) => ({ store: new MemoryArticleStore(clock) }));

let dynalite: DynamoStandin;
let ddbLocal: DynamoStandin;
beforeAll(async () => {
  [dynalite, ddbLocal] = await Promise.all([startDynalite(), startDynamoDbLocal()]);
});
afterAll(async () => {
  await Promise.all([dynalite?.stop(), ddbLocal?.stop()]);
});

// A fresh table per test: the contract assumes an empty store.
articleStoreContract('DynamoDB on dynalite', async (clock) => {
  const tableName = await dynalite.createTable();
  return { store: new DynamoStore({ client: dynalite.client, tableName, clock }) };
});

articleStoreContract('DynamoDB on Amazon DynamoDB Local', async (clock) => {
  const tableName = await ddbLocal.createTable();
  return { store: new DynamoStore({ client: ddbLocal.client, tableName, clock }) };
});
