import { newId } from '@fleet/db';
import { findPlatformAdminByEmail, upsertPlatformAdmin } from '../data-access/platform-admin.repository';
import type { IdentityDeps } from './identity-deps';

export interface PlatformAdminSeed {
  email: string;
  password: string;
}

/**
 * Boot: the configured admin exists and has the configured password, hashed at the current cost
 * (rehashed only when the password changed or its hash is weaker than today's parameters).
 */
export async function seedPlatformAdmin(deps: IdentityDeps, seed: PlatformAdminSeed): Promise<void> {
  const email = seed.email.trim().toLowerCase();
  const existing = await deps.db.transaction((tx) => findPlatformAdminByEmail(tx, email));
  const check = existing && (await deps.passwords.verify(seed.password, existing.password_hash));
  if (check && check.valid && !check.outdated) return;
  const passwordHash = await deps.passwords.hash(seed.password);
  await deps.db.transaction((tx) =>
    upsertPlatformAdmin(tx, { id: newId('adm'), email, name: 'Platform admin', passwordHash }),
  );
  const what = !check ? 'created' : check.valid ? 'password rehashed' : 'password updated';
  deps.logger.info({ email }, `platform admin ${what}`);
}
