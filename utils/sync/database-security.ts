// A database's `_security` object (docs/src/api/database/security.rst): `members` may read and
// write, `admins` may also change design documents. An empty `members` lets everyone in; since
// CouchDB 3.0 a new database gets `{"members": {"roles": ["_admin"]}, "admins": {"roles":
// ["_admin"]}}` (src/couch/src/couch_db_updater.erl, default_security_object/1): admins only.
import type { SecurityObject } from './couch-client';

/** Only server admins may use it: members name no user and no role but `_admin`. */
export function isAdminOnly(security: SecurityObject): boolean {
  const names = security.members?.names ?? [];
  const roles = security.members?.roles ?? [];
  return names.length === 0 && roles.length > 0 && roles.every((role) => role === '_admin');
}

/**
 * The security object with this user and role among its members, keeping everyone already there
 * but the `_admin` role that made it admin-only (admins are members anyway: couch_db.erl is_member/1).
 */
export function teamSecurity(security: SecurityObject, username: string, role: string): SecurityObject {
  const names = new Set(security.members?.names ?? []);
  const roles = new Set((security.members?.roles ?? []).filter((r) => r !== '_admin'));
  if (username) names.add(username);
  if (role) roles.add(role);
  return {
    admins: { names: security.admins?.names ?? [], roles: security.admins?.roles ?? ['_admin'] },
    members: { names: [...names], roles: [...roles] },
  };
}
