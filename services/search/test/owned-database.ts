import { uniqueName } from '@fleet/testing';
import { createOwnedDatabase as create, type OwnedDatabase } from '../src/data-access/owned-database';

export const TEST_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A test database owned by an ordinary role, as in production (see owned-database.ts). */
export const createOwnedDatabase = (label: string): Promise<OwnedDatabase> =>
  create(TEST_ADMIN_URL, uniqueName(label));
