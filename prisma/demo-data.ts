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
		email: "assessor2@example.org",
		name: "Aizhan Mamatova",
		language: "ru",
		countryCode: "KG",
		agency: KG_MIGRATION,
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

// IT self-assessments (app/domain/assessment): submitted ones for last year and this year in both
// countries, one this year still in draft (Kyrgyzstan's migration service, for assessor2 to finish)
// and none yet this year for the demo assessor's agency, which can start from last year's answers.

type DemoAnswer = Record<string, string | number | string[]>;
type DemoAnswers = Record<string, DemoAnswer>;

export type DemoAssessment = {
	agency: string;
	year: number;
	status: "draft" | "submitted";
	/** Whose answers they are; agencies without a demo assessor have none. */
	by?: string;
	/** Items left unanswered: the steps of a draft not yet reached. */
	omit?: string[];
	currentStep?: string;
	targets?: Record<string, number>;
	/** What differs from an agency that is "enough" everywhere, item by item. */
	answers: DemoAnswers;
};

/** An agency that is "enough" everywhere; each demo assessment says how it differs. */
export function baseAnswers(year: number, partners: [string, string]): DemoAnswers {
	return {
		"pc-processor": {
			available: "yes",
			pcCount: 24,
			processor: "Intel Core i5, 2019–2021",
			usedFor: "Entering, extracting and processing migration records",
			licensed: "yes",
			purchasedBy: "agency",
			purchasedYear: year - 4,
			plannedUpgrades: "none",
			compatible: "enough",
		},
		"pc-ram": { ramGb: 8, plannedUpgrades: "none", compatible: "enough" },
		"pc-storage": { storageType: "ssd", storageGb: 512, dataOnPc: "no", compatible: "enough" },
		"pc-monitor": { available: "yes", plannedUpgrades: "none", compatible: "enough" },
		"pc-age": { oldestYear: year - 5, plannedUpgrades: "planned", plannedYear: year + 1, compatible: "enough" },
		"pc-accessories": { available: "yes", headsets: "all", usbLimited: "yes", compatible: "enough" },
		"pc-protection": {
			available: "yes",
			updates: "auto",
			licensed: "yes",
			purchasedBy: "agency",
			compatible: "enough",
		},
		"sw-os": {
			available: "yes",
			system: "Windows 11 Pro",
			support: "supported",
			updatesInstalled: "yes",
			licensed: "yes",
			purchasedBy: "agency",
			compatible: "enough",
		},
		"sw-word": { available: "yes", product: "Microsoft Office 2021", licensed: "yes", compatible: "enough" },
		"sw-spreadsheets": {
			available: "yes",
			product: "Microsoft Excel 2021",
			formulas: "yes",
			csvChecked: "yes",
			licensed: "yes",
			compatible: "enough",
		},
		"sw-statistics": {
			available: "yes",
			tools: "R 4.4, SPSS 27",
			users: "several",
			scripts: "partly",
			usedFor: "Aggregating records into the DSM tables",
			licensed: "yes",
			compatible: "enough",
		},
		"sw-professional": {
			available: "yes",
			systems: "Register of foreigners (owned by the agency)",
			export: "standard",
			licensed: "yes",
			compatible: "enough",
		},
		"sw-other": { available: "no" },
		"net-provider": {
			available: "yes",
			provider: "National telecom operator",
			secondProvider: "no",
			compatible: "enough",
		},
		"net-type": { type: "fibre", compatible: "enough" },
		"net-capacity": { down: 100, up: 50, compatible: "more" },
		"net-speed": { measuredDown: 80, outages: 1, compatible: "enough" },
		"acc-printer": { available: "yes", printers: 6, compatible: "enough" },
		"acc-scanner": { available: "yes", scanners: 2, scanRule: "yes", compatible: "enough" },
		"acc-other": { available: "no" },
		"lan-connection": { available: "yes", standaloneBackedUp: "na", compatible: "enough" },
		training: {
			available: "yes",
			trained: 4,
			topics: ["spreadsheets", "statistics", "data-protection", "dsm"],
			lastYear: year - 1,
			purchasedBy: "donor",
			compatible: "enough",
		},
		"it-support": { support: "in-house", itStaff: 3, repairDays: 2, compatible: "enough" },
		server: {
			available: "yes",
			functions: ["files", "database", "accounts"],
			serverSupport: "supported",
			place: "room",
			compatible: "enough",
		},
		central: { available: "yes", firewall: "yes", ups: "tested", compatible: "enough" },
		backup: {
			available: "yes",
			frequency: "daily",
			place: "elsewhere",
			offline: "yes",
			restoreTest: "year",
			compatible: "enough",
		},
		storage: { available: "yes", capacityTb: 8, usedPercent: 55, compatible: "enough" },
		accounts: { shared: "none", mfa: "some", leaverDays: 3, compatible: "enough" },
		protection: { access: "task", minimised: "yes", encryption: "all", compatible: "enough" },
		exchange: { channels: ["portal", "encrypted"], unencrypted: "never", compatible: "enough" },
		"partner-1": {
			partner: partners[0],
			exchanged: "Records for indicators 1, 3 and 4",
			channel: "email",
			frequency: "quarterly",
			formats: ["excel", "csv"],
			agreement: "memorandum",
			focalPoint: "deputy",
			compatible: "enough",
		},
		"partner-2": {
			partner: partners[1],
			exchanged: "Aggregated tables for the DSM",
			channel: "portal",
			frequency: "yearly",
			formats: ["csv"],
			agreement: "order",
			focalPoint: "person",
			compatible: "enough",
		},
	};
}

export const DEMO_PARTNERS: Record<string, [string, string]> = {
	[KG_STATS]: ["Migration service (demo), Kyrgyzstan", "State Border Service of the Kyrgyz Republic"],
	[KG_MIGRATION]: [
		"State Border Service of the Kyrgyz Republic",
		"National Statistical Committee of the Kyrgyz Republic",
	],
	[UA_STATS]: ["State Migration Service of Ukraine", "State Border Guard Service of Ukraine"],
	[UA_MIGRATION]: ["State Border Guard Service of Ukraine", "State Statistics Service of Ukraine"],
	[UA_BORDER]: ["State Migration Service of Ukraine", "State Statistics Service of Ukraine"],
};

const LATER_STEPS = [
	"acc-printer",
	"acc-scanner",
	"acc-other",
	"lan-connection",
	"training",
	"it-support",
	"server",
	"central",
	"backup",
	"storage",
	"accounts",
	"protection",
	"exchange",
	"partner-1",
	"partner-2",
];

/** The demo's assessments for the year the demo is seeded in (`thisYear`) and the year before. */
export function demoAssessments(thisYear: number): DemoAssessment[] {
	const lastYear = thisYear - 1;
	return [
		{
			agency: KG_STATS,
			year: lastYear,
			status: "submitted",
			answers: {
				"sw-os": { support: "extended", compatible: "enough" },
				backup: { restoreTest: "never", compatible: "enough" },
				accounts: { mfa: "none" },
				"partner-2": { agreement: "none", focalPoint: "none", compatible: "less" },
			},
		},
		{
			agency: KG_STATS,
			year: thisYear,
			status: "submitted",
			targets: { "a1-hardware": 4, "a1-software": 4, "a2-lan": 4, "a3-security": 5, "b-network": 5 },
			answers: {
				backup: { restoreTest: "month", compatible: "more" },
				accounts: { mfa: "all", compatible: "more" },
				"partner-2": { agreement: "decree", focalPoint: "deputy", formats: ["csv", "sdmx"], compatible: "more" },
			},
		},
		{
			agency: KG_MIGRATION,
			year: lastYear,
			status: "submitted",
			by: "assessor2@example.org",
			answers: {
				"pc-age": { oldestYear: thisYear - 12, plannedUpgrades: "none", compatible: "less" },
				"sw-os": { system: "Windows 7", support: "out", compatible: "less" },
				"sw-professional": {
					systems: "Register of foreigners (built in 2011 by a contractor)",
					export: "developer",
					compatible: "less",
				},
				"sw-statistics": { users: "one", scripts: "no", licensed: "no" },
				"net-capacity": { down: 4, up: 1, compatible: "less" },
				training: { trained: 1, topics: ["spreadsheets"], lastYear: thisYear - 4, compatible: "less" },
				backup: { place: "same", restoreTest: "never", offline: "no", compatible: "enough" },
				accounts: { shared: "many", mfa: "none", leaverDays: 90, compatible: "less" },
				exchange: { channels: ["email", "usb"], unencrypted: "sometimes", compatible: "less" },
				"partner-1": {
					channel: "paper",
					formats: ["paper"],
					agreement: "none",
					focalPoint: "none",
					compatible: "less",
				},
			},
		},
		{
			agency: KG_MIGRATION,
			year: thisYear,
			status: "draft",
			by: "assessor2@example.org",
			currentStep: "a1-accessories-network",
			omit: LATER_STEPS,
			answers: {
				"pc-age": { oldestYear: thisYear - 12, plannedUpgrades: "procurement", compatible: "less" },
				"sw-os": { system: "Windows 10", support: "extended", compatible: "enough" },
				"sw-professional": {
					systems: "Register of foreigners (built in 2011 by a contractor)",
					export: "file",
					compatible: "enough",
				},
				"net-capacity": { down: 20, up: 5, compatible: "enough" },
			},
		},
		{
			agency: UA_STATS,
			year: lastYear,
			status: "submitted",
			answers: {
				"pc-ram": { ramGb: 4, compatible: "less" },
				"it-support": { itStaff: 1, repairDays: 12 },
				storage: { usedPercent: 92, compatible: "less" },
			},
		},
		{
			agency: UA_STATS,
			year: thisYear,
			status: "submitted",
			targets: { "a1-hardware": 5, "a2-lan": 4 },
			answers: {
				"it-support": { itStaff: 2, repairDays: 5 },
				storage: { capacityTb: 20, usedPercent: 40, compatible: "more" },
			},
		},
		{
			agency: UA_BORDER,
			year: lastYear,
			status: "submitted",
			answers: {
				"net-speed": { outages: 6, compatible: "less" },
				protection: { minimised: "no", encryption: "some" },
				exchange: { channels: ["email", "sftp"], unencrypted: "unknown" },
			},
		},
		{
			agency: UA_BORDER,
			year: thisYear,
			status: "submitted",
			answers: {
				"net-speed": { outages: 2 },
				protection: { minimised: "partly", encryption: "all" },
				exchange: { channels: ["sftp", "portal"], unencrypted: "never" },
			},
		},
		{
			agency: UA_MIGRATION,
			year: lastYear,
			status: "submitted",
			by: "assessor@example.org",
			answers: {
				"sw-os": { support: "out", compatible: "enough" },
				"pc-storage": { dataOnPc: "yes" },
				backup: { restoreTest: "older" },
				"partner-1": { agreement: "none", compatible: "less" },
			},
		},
	];
}
