/** Demo data for trying the app (README: "Demo accounts"). Never loaded without --demo. */
export const DEMO_PASSWORD = "migration-data-2005";

export const DEMO_AGENCIES = [
	{
		name: "National Statistical Committee of the Kyrgyz Republic",
		nameRu: "Национальный статистический комитет Кыргызской Республики",
		kind: "statistics-office",
		countryCode: "KG",
	},
	{
		name: "Migration service (demo), Kyrgyzstan",
		nameRu: "Миграционная служба (демо), Кыргызстан",
		kind: "migration-service",
		countryCode: "KG",
	},
	{
		name: "State Statistics Service of Ukraine",
		nameRu: "Государственная служба статистики Украины",
		kind: "statistics-office",
		countryCode: "UA",
	},
	{
		name: "State Migration Service of Ukraine",
		nameRu: "Государственная миграционная служба Украины",
		kind: "migration-service",
		countryCode: "UA",
	},
	{
		name: "State Border Guard Service of Ukraine",
		nameRu: "Государственная пограничная служба Украины",
		kind: "border-guard",
		countryCode: "UA",
	},
];

type DemoUser = {
	email: string;
	name: string;
	language: "en" | "ru";
	countryCode: string;
	agency?: string;
	roles: string[];
	/** An account an admin has deactivated: it keeps its data and cannot log in. */
	deactivated?: true;
};

const KG_STATS = "National Statistical Committee of the Kyrgyz Republic";
const KG_MIGRATION = "Migration service (demo), Kyrgyzstan";
const UA_STATS = "State Statistics Service of Ukraine";
const UA_MIGRATION = "State Migration Service of Ukraine";
const UA_BORDER = "State Border Guard Service of Ukraine";

export const DEMO_USERS: DemoUser[] = [
	{ email: "admin@example.org", name: "Alex Admin", language: "en", countryCode: "UA", roles: ["admin"] },
	{
		email: "trainer@example.org",
		name: "Olena Kovalenko",
		language: "en",
		countryCode: "UA",
		agency: UA_STATS,
		roles: ["trainer"],
	},
	{
		email: "trainer2@example.org",
		name: "Aibek Sadykov",
		language: "ru",
		countryCode: "KG",
		agency: KG_STATS,
		roles: ["trainer"],
	},
	{
		email: "assessor@example.org",
		name: "Taras Melnyk",
		language: "en",
		countryCode: "UA",
		agency: UA_MIGRATION,
		roles: ["assessor"],
	},
	{
		email: "coordinator@example.org",
		name: "Gulnara Toktogulova",
		language: "en",
		countryCode: "KG",
		agency: KG_STATS,
		roles: ["coordinator"],
	},
	{
		email: "trainee@example.org",
		name: "Iryna Shevchuk",
		language: "en",
		countryCode: "UA",
		agency: UA_MIGRATION,
		roles: ["trainee"],
	},
	{
		email: "trainee2@example.org",
		name: "Andriy Bondar",
		language: "ru",
		countryCode: "UA",
		agency: UA_STATS,
		roles: ["trainee"],
	},
	{
		email: "trainee3@example.org",
		name: "Natalia Hrytsenko",
		language: "en",
		countryCode: "UA",
		agency: UA_BORDER,
		roles: ["trainee"],
	},
	{
		email: "trainee4@example.org",
		name: "Mykola Tkachenko",
		language: "ru",
		countryCode: "UA",
		agency: UA_MIGRATION,
		roles: ["trainee"],
	},
	{
		email: "trainee5@example.org",
		name: "Aizada Abdyldaeva",
		language: "ru",
		countryCode: "KG",
		agency: KG_MIGRATION,
		roles: ["trainee"],
	},
	{
		email: "trainee6@example.org",
		name: "Nurlan Osmonov",
		language: "ru",
		countryCode: "KG",
		agency: KG_STATS,
		roles: ["trainee"],
	},
	{
		email: "trainee7@example.org",
		name: "Cholpon Asanova",
		language: "en",
		countryCode: "KG",
		agency: KG_MIGRATION,
		roles: ["trainee"],
	},
	{
		email: "trainee8@example.org",
		name: "Bakyt Jumabaev",
		language: "ru",
		countryCode: "KG",
		agency: KG_STATS,
		roles: ["trainee"],
	},
	{
		email: "former@example.org",
		name: "Serhiy Former",
		language: "en",
		countryCode: "UA",
		agency: UA_BORDER,
		roles: ["trainee"],
		deactivated: true,
	},
];

/**
 * Submitted quiz attempts, graded as the server grades them: `right` questions answered right,
 * the rest left blank. A failed first attempt shows the review without the right answers, and
 * "2 of 3 attempts left".
 */
export const DEMO_QUIZ_ATTEMPTS = [
	{ email: "trainee@example.org", module: "basic-concepts-and-categories", right: 4 },
	{ email: "trainee2@example.org", module: "basic-concepts-and-categories", right: 6 },
	{ email: "trainee5@example.org", module: "basic-concepts-and-categories", right: 9 },
];
