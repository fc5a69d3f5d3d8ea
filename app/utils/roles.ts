/** The roles a user may hold; several at once. Stored as rows of Role. */
export const ROLES = ["trainee", "trainer", "assessor", "coordinator", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

export function isRole(value: string): value is RoleName {
	return (ROLES as readonly string[]).includes(value);
}

export function hasRole(user: { roles: readonly string[] } | null | undefined, ...roles: RoleName[]) {
	return !!user && roles.some((role) => user.roles.includes(role));
}
