/**
 * Creates the first administrator of a real installation (or gives an
 * existing account the admin role):
 *   ADMIN_PASSWORD='…' npm run create-admin -- --email you@agency.gov --name "Your Name"
 * The password comes from ADMIN_PASSWORD so that it stays out of the shell history.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../app/utils/database-client.server";
import { databaseUrl } from "../app/utils/database-url";
import { hashPassword, isCommonPassword, PASSWORD_MIN_LENGTH } from "../app/utils/password.server";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const email = values.email?.trim().toLowerCase();
const password = process.env.ADMIN_PASSWORD ?? "";

function fail(message: string): never {
	console.error(`create-admin: ${message}`);
	process.exit(1);
}

if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) fail("give --email you@agency.gov");
if (password.length < PASSWORD_MIN_LENGTH) fail(`set ADMIN_PASSWORD to at least ${PASSWORD_MIN_LENGTH} characters`);
if (isCommonPassword(password)) fail("ADMIN_PASSWORD is among the most common passwords; choose another");

const prisma = openDatabase(databaseUrl());
try {
	const hash = await hashPassword(password);
	const user = await prisma.user.upsert({
		where: { email },
		create: {
			email,
			name: values.name?.trim() || email,
			roles: { connect: [{ name: "admin" }] },
			password: { create: { hash } },
		},
		update: { roles: { connect: [{ name: "admin" }] }, password: { upsert: { create: { hash }, update: { hash } } } },
		select: { id: true },
	});
	console.log(`create-admin: ${email} is an administrator (user ${user.id})`);
} finally {
	await prisma.$disconnect();
}
