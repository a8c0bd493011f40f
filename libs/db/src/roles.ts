import type { Knex } from 'knex';

export interface RoleSpec {
  name: string;
  password: string | undefined;
}

export function roleFromUrl(url: string): RoleSpec {
  const parsed = new URL(url);
  return {
    name: decodeURIComponent(parsed.username),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
  };
}

/**
 * Creates a login role that owns nothing and cannot bypass row-level security, or checks that an
 * existing one is such a role. Roles are cluster-wide, so two runs may race: a duplicate is fine.
 */
export async function ensureUnprivilegedRole(knex: Knex, role: RoleSpec): Promise<void> {
  const found = await knex.raw<{ rows: Array<{ rolsuper: boolean; rolbypassrls: boolean }> }>(
    'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ?',
    [role.name],
  );
  const existing = found.rows[0];
  if (existing) {
    if (existing.rolsuper || existing.rolbypassrls) {
      throw new Error(
        `Role "${role.name}" is a superuser or has BYPASSRLS; services must not connect as it.`,
      );
    }
    return;
  }
  const password = role.password === undefined ? '' : ` PASSWORD ${quoteLiteral(role.password)}`;
  try {
    await knex.raw(`CREATE ROLE ?? LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE${password}`, [
      role.name,
    ]);
  } catch (err) {
    if ((err as { code?: string }).code !== '23505' && (err as { code?: string }).code !== '42710') throw err;
  }
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
