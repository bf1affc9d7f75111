/**
 * The API roles' privileges, for the suites: every local stack already enforces the
 * migrated ones (scripts/stack/api-grants.ts); the attack matrix grants everything
 * on purpose for its "RLS alone" pass and restores them.
 */
export {
  grantEverything,
  readApiPrivileges,
  restoreApiPrivileges,
} from "../../scripts/stack/api-grants";
