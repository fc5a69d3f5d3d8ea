import type { z } from "zod";
import { prisma } from "./db.server";
import type { AgencySchema, CountrySchema } from "./agency-schema";

type Result = { ok: true } | { ok: false; errors: Record<string, string[]> };

/** Creates an agency, or updates `id`; its name is unique within its country. */
export async function saveAgency(input: z.output<typeof AgencySchema>, id?: string): Promise<Result> {
	const country = await prisma.country.findUnique({ where: { code: input.countryCode }, select: { code: true } });
	if (!country) return { ok: false, errors: { countryCode: ["errors.unknownCountry"] } };
	const clash = await prisma.agency.findFirst({
		where: { countryCode: input.countryCode, name: input.name, ...(id ? { id: { not: id } } : {}) },
		select: { id: true },
	});
	if (clash) return { ok: false, errors: { name: ["errors.agencyExists"] } };
	if (id) {
		const updated = await prisma.agency.updateMany({ where: { id }, data: input });
		if (updated.count === 0) throw new Response("Not found", { status: 404 });
	} else {
		await prisma.agency.create({ data: input });
	}
	return { ok: true };
}

/** Creates a country, or updates the one with `input.code` when `existing`. */
export async function saveCountry(input: z.output<typeof CountrySchema>, existing: boolean): Promise<Result> {
	const found = await prisma.country.findUnique({ where: { code: input.code }, select: { code: true } });
	if (!existing && found) return { ok: false, errors: { code: ["errors.countryExists"] } };
	if (existing && !found) throw new Response("Not found", { status: 404 });
	const { code, ...names } = input;
	await prisma.country.upsert({ where: { code }, create: input, update: names });
	return { ok: true };
}
