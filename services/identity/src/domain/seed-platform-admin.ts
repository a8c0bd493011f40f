import { newId } from '@fleet/db';
import { findPlatformAdminByEmail, upsertPlatformAdmin } from '../data-access/platform-admin.repository';
import type { IdentityDeps } from './identity-deps';
import { hashPassword, verifyPassword } from './password';

export interface PlatformAdminSeed {
  email: string;
  password: string;
}

/** Boot: the configured admin exists and has the configured password (rehashed only when it changed). */
export async function seedPlatformAdmin(deps: IdentityDeps, seed: PlatformAdminSeed): Promise<void> {
  const email = seed.email.trim().toLowerCase();
  const existing = await deps.db.transaction((tx) => findPlatformAdminByEmail(tx, email));
  if (existing && (await verifyPassword(seed.password, existing.password_hash))) return;
  const passwordHash = await hashPassword(seed.password);
  await deps.db.transaction((tx) =>
    upsertPlatformAdmin(tx, { id: newId('adm'), email, name: 'Platform admin', passwordHash }),
  );
  deps.logger.info({ email }, existing ? 'platform admin password updated' : 'platform admin created');
}
