import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import type { Language } from "./i18n";
import { isCommonPassword } from "./password.server";

/** Countries and their agencies, for the selects of the sign-up and profile forms. */
export async function getCountryOptions(language: Language) {
	const countries = await prisma.country.findMany({
		select: {
			code: true,
			nameEn: true,
			nameRu: true,
			agencies: { select: { id: true, name: true, nameRu: true }, orderBy: { name: "asc" } },
		},
		orderBy: { nameEn: "asc" },
	});
	return countries
		.map((country) => ({
			code: country.code,
			name: language === "ru" ? country.nameRu : country.nameEn,
			agencies: country.agencies.map((agency) => ({
				id: agency.id,
				name: language === "ru" && agency.nameRu ? agency.nameRu : agency.name,
			})),
		}))
		.sort((a, b) => a.name.localeCompare(b.name, language));
}

export type CountryOption = Awaited<ReturnType<typeof getCountryOptions>>[number];

/**
 * Errors (i18n keys by field) for a country and agency pair: the country
 * must exist and the agency, if any, must be one of its agencies.
 */
export async function checkAffiliation(countryCode: string | null, agencyId: string | null) {
	const errors: Record<string, string[]> = {};
	if (countryCode && !(await prisma.country.findUnique({ where: { code: countryCode }, select: { code: true } }))) {
		errors.countryCode = ["errors.unknownCountry"];
	}
	if (agencyId) {
		const agency = await prisma.agency.findUnique({ where: { id: agencyId }, select: { countryCode: true } });
		if (!agency || agency.countryCode !== countryCode) errors.agencyId = ["errors.agencyCountry"];
	}
	return errors;
}

export function commonPasswordErrors(password: string) {
	return isCommonPassword(password) ? ["errors.passwordCommon"] : undefined;
}

export function roleConnect(names: readonly string[]): Prisma.RoleUpdateManyWithoutUsersNestedInput {
	return { set: names.map((name) => ({ name })) };
}
