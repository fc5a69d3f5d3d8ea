import type { Cap, FieldDef, Instrument, ItemAnswer, ItemDef, Localized, ModuleRef, Option, SectionDef } from "./model";

/**
 * The IT self-assessment grid of the General Model (IT_ASSESSMENT.md; the seed's last page),
 * brought up to date, as data: one place for the wizard, the scorer, the report and the
 * exports. Items keep the seed's numbering, including its two "4.0" in A1. Every text is in
 * English and Russian. A change that alters what an answer means gets a new version; every
 * assessment records the version it was answered on (docs/decisions/0070).
 */

const L = (en: string, ru: string): Localized => ({ en, ru });
const option = (value: string, en: string, ru: string): Option => ({ value, label: L(en, ru) });

// What teaches each item: module 11 section by section, and modules 3, 8, 9, 13 and 14 where they fit.
const M11 = (section: string): ModuleRef => ({ module: "it-prerequisites", section });
const PCS_AND_SOFTWARE = M11("computers-and-software");
const NETWORK_AND_BACKUP = M11("connection-network-and-backup");
const SECURITY = M11("accounts-protection-and-exchange");
const TO_ACTION = M11("from-assessment-to-action");
const AGREEMENTS: ModuleRef = { module: "data-exchange-and-sharing", section: "agreements-and-roles" };
const FORMATS: ModuleRef = { module: "data-exchange-and-sharing", section: "formats-and-sdmx-basics" };
const SAFE_CHANNELS: ModuleRef = {
	module: "data-exchange-and-sharing",
	section: "confidentiality-and-data-protection",
};
const FOCAL_POINTS: ModuleRef = { module: "networks-and-focal-points", section: "focal-points" };
const TRAINING: ModuleRef = { module: "national-capacity-building", section: "training" };
const BUDGET_LINES: ModuleRef = { module: "fundraising-and-project-development", section: "budget-lines" };
const ENCODINGS: ModuleRef = { module: "additional-technical-data-issues", section: "encodings-and-file-formats" };

// Reading answers inside the rules.
const value = (answer: ItemAnswer, field: string) => answer[field];
const is = (answer: ItemAnswer, field: string, ...values: string[]) => {
	const found = value(answer, field);
	return typeof found === "string" && values.includes(found);
};
const includes = (answer: ItemAnswer, field: string, wanted: string) => {
	const found = value(answer, field);
	return Array.isArray(found) && found.includes(wanted);
};
const below = (answer: ItemAnswer, field: string, limit: number) => {
	const found = value(answer, field);
	return typeof found === "number" && found < limit;
};
const above = (answer: ItemAnswer, field: string, limit: number) => {
	const found = value(answer, field);
	return typeof found === "number" && found > limit;
};
const atLeast = (answer: ItemAnswer, field: string, limit: number) => {
	const found = value(answer, field);
	return typeof found === "number" && found >= limit;
};
/** Years from the year in `field` to the assessment's year. */
const ageOf = (answer: ItemAnswer, field: string, year: number) => {
	const found = value(answer, field);
	return typeof found === "number" ? year - found : null;
};

const YES_NO = [option("yes", "Yes", "Да"), option("no", "No", "Нет")];
const YES_PARTLY_NO = [option("yes", "Yes", "Да"), option("partly", "Partly", "Частично"), option("no", "No", "Нет")];
const SUPPORT_STATUS = [
	option("supported", "Supported: receives security updates", "Поддерживается: получает обновления безопасности"),
	option(
		"extended",
		"Extended security updates, bought until a date",
		"Расширенные обновления безопасности, оплачены до определённой даты",
	),
	option("out", "Out of support: no security updates", "Поддержка прекращена: обновлений безопасности нет"),
];

const count = (name: string, label: Localized, max = 100_000, help?: Localized): FieldDef => ({
	kind: "count",
	name,
	label,
	max,
	...(help ? { help } : {}),
});
const text = (name: string, label: Localized, maxLength = 300, help?: Localized): FieldDef => ({
	kind: "text",
	name,
	label,
	maxLength,
	...(help ? { help } : {}),
});
const choice = (name: string, label: Localized, options: readonly Option[], help?: Localized): FieldDef => ({
	kind: "choice",
	name,
	label,
	options,
	...(help ? { help } : {}),
});

// ---------------------------------------------------------------------------------------------
// Part A, A1 1.0 Hardware

const HARDWARE: SectionDef = {
	id: "a1-hardware",
	part: "A",
	code: "A1 1.0",
	title: L("Personal computers: hardware", "Персональные компьютеры: аппаратное обеспечение"),
	intro: L(
		"Record the workstations of the people who handle migration data, by group of users rather than as an average for the whole agency: the PC of the officer who aggregates a year of border records matters more than the PCs in the reception.",
		"Описывайте рабочие места тех, кто работает с миграционными данными, по группам пользователей, а не в среднем по ведомству: ПК сотрудника, который сводит годовой массив пограничных записей, важнее, чем компьютеры в приёмной.",
	),
	learn: PCS_AND_SOFTWARE,
	levels: [
		L(
			"The people who handle migration data have no PC of their own, or PCs that cannot run the programs the work needs.",
			"У сотрудников, работающих с миграционными данными, нет своих ПК или компьютеры не тянут нужные для работы программы.",
		),
		L(
			"PCs exist but fall short of the work: too little memory, too old for a supported system, or without protection against malware.",
			"ПК есть, но не справляются с работой: мало памяти, слишком стары для поддерживаемой системы или не защищены от вредоносных программ.",
		),
		L(
			"PCs do the daily work, but some are old, shared or partly equipped, and nothing is planned to replace them.",
			"ПК справляются с повседневной работой, но часть из них устарела, используется совместно или укомплектована не полностью, а замена не запланирована.",
		),
		L(
			"Every person in the DSM data chain has a PC that is enough for their part of it, with protection kept up to date.",
			"У каждого участника цепочки данных МОД есть ПК, достаточный для его части работы, с регулярно обновляемой защитой.",
		),
		L(
			"PCs are more than enough for the work, under warranty or support, with their replacement planned and budgeted.",
			"ПК с запасом отвечают задачам, находятся на гарантии или обслуживании, их замена запланирована и предусмотрена в бюджете.",
		),
	],
	items: [
		{
			id: "pc-processor",
			code: "A1 1.0",
			label: L("Speed (processor)", "Быстродействие (процессор)"),
			help: L(
				"Give the processor model and its year rather than a clock speed: a newer processor at the same clock speed is much faster. Almost any processor of the last ten years is enough for indicator tables; for processing raw records it matters more.",
				"Укажите модель процессора и год выпуска, а не тактовую частоту: более новый процессор при той же частоте значительно быстрее. Для таблиц показателей годится почти любой процессор последних десяти лет; для обработки первичных записей это важнее.",
			),
			columns: ["available", "usedFor", "licensed", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "hardware",
			details: [
				count("pcCount", L("PCs that handle migration data", "ПК, на которых работают с миграционными данными")),
				text("processor", L("Processor model and year", "Модель и год выпуска процессора"), 200),
			],
			absence: "essential",
			priority: "blocking",
			recommendation: L(
				"Give every person who extracts, processes or checks migration data a PC of their own; replace the PCs of those who process records first and plan the rest over one or two years, with a budget line.",
				"Обеспечьте собственным ПК каждого, кто извлекает, обрабатывает или проверяет миграционные данные; в первую очередь замените компьютеры тех, кто обрабатывает записи, остальные запланируйте на один-два года с отдельной строкой бюджета.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "no-pcs",
					level: 1,
					priority: "blocking",
					when: (a) => value(a, "pcCount") === 0,
					condition: L("No PC handles migration data", "Ни на одном ПК не работают с миграционными данными"),
					recommendation: L(
						"Give the people who prepare the DSM tables PCs of their own: without them nothing is extracted, processed or sent.",
						"Обеспечьте тех, кто готовит таблицы МОД, собственными ПК: без них ничего не извлечь, не обработать и не отправить.",
					),
				},
			],
		},
		{
			id: "pc-ram",
			code: "A1 1.0",
			label: L("RAM", "Оперативная память"),
			help: L(
				"Gigabytes per PC. Statistical packages and spreadsheets load data into memory; when it runs out the PC slows down or the program stops.",
				"Гигабайты на один ПК. Статистические пакеты и электронные таблицы загружают данные в память; когда её не хватает, компьютер замедляется или программа завершает работу.",
			),
			columns: ["plannedUpgrades", "compatible"],
			details: [
				{ kind: "measure", name: "ramGb", label: L("RAM per PC", "Память на один ПК"), max: 4096, unit: L("GB", "ГБ") },
			],
			priority: "fragile",
			recommendation: L(
				"Add memory to the PCs that process records first: a workstation that processes a year of individual records needs noticeably more than one that edits the final tables.",
				"Прежде всего добавьте память компьютерам, на которых обрабатывают записи: для обработки годового массива индивидуальных записей нужно заметно больше памяти, чем для правки итоговых таблиц.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "ram-under-4",
					level: 2,
					priority: "fragile",
					when: (a) => below(a, "ramGb", 4),
					condition: L("Less than 4 GB of RAM per PC", "Меньше 4 ГБ оперативной памяти на ПК"),
					recommendation: L(
						"Add memory: with less than 4 GB a supported operating system and a spreadsheet barely run together.",
						"Добавьте память: при объёме меньше 4 ГБ поддерживаемая операционная система и электронная таблица едва работают одновременно.",
					),
				},
				{
					id: "ram-under-8",
					level: 3,
					priority: "fragile",
					when: (a) => below(a, "ramGb", 8),
					condition: L("Less than 8 GB of RAM per PC", "Меньше 8 ГБ оперативной памяти на ПК"),
					recommendation: L(
						"Plan more memory for the PCs that process a year of records: 8 GB or more keeps a statistical package and a spreadsheet working together.",
						"Запланируйте увеличение памяти на ПК, где обрабатывают годовой массив записей: при 8 ГБ и более статистический пакет и электронная таблица работают одновременно.",
					),
				},
			],
		},
		{
			id: "pc-storage",
			code: "A1 1.0",
			label: L(
				"Hard drive capacity (now: storage, SSD or HDD)",
				"Ёмкость жёсткого диска (сейчас: накопитель, SSD или HDD)",
			),
			help: L(
				"Capacity and type, and where data files are kept: on the PC's own disk, or on a network drive that is backed up. A solid-state drive makes an old PC feel new; a full or failing hard disk is a common cause of lost files.",
				"Ёмкость и тип, а также где хранятся файлы с данными: на диске самого ПК или на сетевом диске, который копируется. Твердотельный накопитель (SSD) делает старый ПК заметно быстрее; переполненный или сбоящий жёсткий диск — частая причина потери файлов.",
			),
			columns: ["plannedUpgrades", "compatible"],
			details: [
				choice("storageType", L("Type", "Тип"), [
					option("ssd", "SSD", "SSD"),
					option("hdd", "HDD", "HDD"),
					option("both", "Both", "Оба"),
				]),
				{
					kind: "measure",
					name: "storageGb",
					label: L("Capacity per PC", "Ёмкость на один ПК"),
					max: 100_000,
					unit: L("GB", "ГБ"),
				},
				choice(
					"dataOnPc",
					L("Data files kept on the PC's own disk", "Файлы с данными хранятся на диске самого ПК"),
					YES_NO,
				),
			],
			priority: "fragile",
			recommendation: L(
				"Replace full or failing hard disks, SSDs first for the PCs used every day, and keep data files on a network drive that is backed up.",
				"Замените переполненные или сбоящие жёсткие диски, в первую очередь на SSD для ежедневно используемых ПК, и храните файлы с данными на сетевом диске, который копируется.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "data-on-pc",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "dataOnPc", "yes"),
					condition: L("Data files are kept on the PC's own disk", "Файлы с данными хранятся на диске самого ПК"),
					recommendation: L(
						"Keep the DSM working files on a network drive that is backed up, not on one officer's PC or laptop.",
						"Храните рабочие файлы МОД на сетевом диске, который копируется, а не на компьютере или ноутбуке одного сотрудника.",
					),
					learn: NETWORK_AND_BACKUP,
				},
			],
		},
		{
			id: "pc-monitor",
			code: "A1 1.0",
			label: L("Monitor (colour, resolution)", "Монитор (цветность, разрешение)"),
			help: L(
				"Colour and resolution were the questions in 2005. Today ask whether the screen is large enough to work with wide tables; a second monitor is a cheap way to make data checking faster.",
				"В 2005 году спрашивали о цветности и разрешении. Сегодня важнее, достаточно ли велик экран для работы с широкими таблицами; второй монитор — недорогой способ ускорить проверку данных.",
			),
			columns: ["available", "plannedUpgrades", "compatible"],
			priority: "fragile",
			recommendation: L(
				"Give the people who check tables a screen large enough for wide tables, or a second monitor.",
				"Дайте тем, кто проверяет таблицы, экран, на котором помещаются широкие таблицы, или второй монитор.",
			),
			learn: PCS_AND_SOFTWARE,
		},
		{
			id: "pc-age",
			code: "A1 1.0",
			label: L("Age", "Срок службы"),
			help: L(
				"The year of purchase of the oldest PC still used for migration data. Age tells you when the item will need replacing and whether it can still run a supported operating system.",
				"Год покупки самого старого ПК, на котором ещё работают с миграционными данными. Срок службы показывает, когда понадобится замена и может ли компьютер работать под поддерживаемой операционной системой.",
			),
			columns: ["plannedUpgrades", "compatible"],
			details: [
				{
					kind: "year",
					name: "oldestYear",
					label: L("Year the oldest PC in use was bought", "Год покупки самого старого ПК в работе"),
					when: "past",
				},
			],
			priority: "fragile",
			recommendation: L(
				"Plan the replacement of the oldest PCs, with a budget line: equipment bought by a project needs a plan for replacement after the project ends.",
				"Запланируйте замену самых старых ПК с отдельной строкой бюджета: для оборудования, купленного в рамках проекта, нужен план замены после окончания проекта.",
			),
			learn: BUDGET_LINES,
			caps: [
				{
					id: "pc-10-years",
					level: 2,
					priority: "fragile",
					when: (a, { year }) => (ageOf(a, "oldestYear", year) ?? 0) >= 10,
					condition: L(
						"The oldest PC in use is ten years old or more",
						"Самому старому ПК в работе десять лет и больше",
					),
					recommendation: L(
						"Replace PCs of ten years or more: they rarely run a supported operating system and fail without warning.",
						"Замените ПК старше десяти лет: они редко работают под поддерживаемой системой и выходят из строя без предупреждения.",
					),
				},
				{
					id: "pc-7-years",
					level: 3,
					priority: "fragile",
					when: (a, { year }) => (ageOf(a, "oldestYear", year) ?? 0) >= 7,
					condition: L(
						"The oldest PC in use is seven years old or more",
						"Самому старому ПК в работе семь лет и больше",
					),
					recommendation: L(
						"Plan to replace PCs of seven years or more within two years, and put the cost in the budget or a project proposal.",
						"Запланируйте замену ПК старше семи лет в течение двух лет и заложите расходы в бюджет или проектное предложение.",
					),
					learn: BUDGET_LINES,
				},
			],
		},
		{
			id: "pc-accessories",
			code: "A1 1.0",
			label: L(
				"Accessories (ports: USB, CD-R/RW, DVD-R/RW) (now: USB, card readers, webcams and headsets for remote training)",
				"Периферия (порты: USB, CD-R/RW, DVD-R/RW) (сейчас: USB, картридеры, веб-камеры и гарнитуры для дистанционного обучения)",
			),
			help: L(
				"The question today is whether staff can join remote training and video meetings, and whether USB ports accept any memory stick, which matters for security.",
				"Сегодня вопрос в том, могут ли сотрудники участвовать в дистанционном обучении и видеовстречах, и принимают ли USB-порты любую флешку, что важно для безопасности.",
			),
			columns: ["available", "usedFor", "plannedUpgrades", "compatible"],
			details: [
				choice(
					"headsets",
					L(
						"A webcam and a headset for each person who attends DSM training",
						"Веб-камера и гарнитура у каждого, кто участвует в обучении по МОД",
					),
					[
						option("all", "Everyone", "У всех"),
						option("some", "Some", "У части"),
						option("none", "Nobody", "Ни у кого"),
					],
				),
				choice(
					"usbLimited",
					L("USB ports limited to approved devices", "USB-порты открыты только для разрешённых устройств"),
					YES_NO,
				),
			],
			priority: "fragile",
			recommendation: L(
				"Equip the PCs of the people in DSM training with a webcam and a headset, and limit USB ports on PCs with personal data.",
				"Оснастите ПК участников обучения по МОД веб-камерой и гарнитурой и ограничьте USB-порты на компьютерах с персональными данными.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "no-headsets",
					level: 2,
					priority: "fragile",
					when: (a) => is(a, "headsets", "none"),
					condition: L(
						"No webcams or headsets for remote training",
						"Нет веб-камер и гарнитур для дистанционного обучения",
					),
					recommendation: L(
						"Give a webcam and a headset to each person who attends DSM training: remote sessions are a real part of the programme.",
						"Выдайте веб-камеру и гарнитуру каждому, кто участвует в обучении по МОД: дистанционные занятия — полноценная часть программы.",
					),
				},
				{
					id: "some-headsets",
					level: 3,
					priority: "fragile",
					when: (a) => is(a, "headsets", "some"),
					condition: L(
						"Only some of the people in DSM training have a webcam and a headset",
						"Веб-камера и гарнитура есть лишь у части участников обучения по МОД",
					),
					recommendation: L(
						"Complete the webcams and headsets for everyone who attends DSM training.",
						"Обеспечьте веб-камерами и гарнитурами всех участников обучения по МОД.",
					),
				},
				{
					id: "usb-open",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "usbLimited", "no"),
					condition: L("USB ports accept any memory stick", "USB-порты принимают любую флешку"),
					recommendation: L(
						"Limit USB ports on PCs with personal data to approved, encrypted devices.",
						"На ПК с персональными данными разрешите USB-порты только для утверждённых зашифрованных устройств.",
					),
					learn: SECURITY,
				},
			],
		},
		{
			id: "pc-protection",
			code: "A1 1.0",
			label: L(
				"Firewall (now: endpoint protection and firewall)",
				"Межсетевой экран (сейчас: защита рабочих станций и межсетевой экран)",
			),
			help: L(
				"Whether each PC has up-to-date protection against malware and its firewall is on. “Installed in 2021” is not the same as “updated this week”.",
				"Есть ли на каждом ПК актуальная защита от вредоносных программ и включён ли межсетевой экран. «Установлено в 2021 году» — не то же самое, что «обновлено на этой неделе».",
			),
			columns: ["available", "licensed", "purchasedBy", "compatible"],
			licence: "software",
			details: [
				choice("updates", L("Protection updated", "Обновление защиты"), [
					option("auto", "Automatically, at least weekly", "Автоматически, не реже раза в неделю"),
					option("monthly", "Monthly or less often", "Раз в месяц или реже"),
					option("never", "Not updated", "Не обновляется"),
					option("unknown", "Not known", "Неизвестно"),
				]),
			],
			absence: "essential",
			priority: "risk",
			recommendation: L(
				"Install endpoint protection on every PC that handles migration data, switch the firewall on and let both update themselves.",
				"Установите защиту на каждый ПК, где работают с миграционными данными, включите межсетевой экран и настройте автоматическое обновление.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "protection-stale",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "updates", "never", "unknown"),
					condition: L(
						"Protection is not kept up to date, or nobody knows",
						"Защита не обновляется, или никто не знает, обновляется ли",
					),
					recommendation: L(
						"Switch on automatic updates of the protection and check that each PC received them this week.",
						"Включите автоматическое обновление защиты и проверьте, что каждый ПК получил обновления на этой неделе.",
					),
				},
				{
					id: "protection-monthly",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "updates", "monthly"),
					condition: L("Protection is updated monthly or less often", "Защита обновляется раз в месяц или реже"),
					recommendation: L(
						"Let the protection update itself at least weekly.",
						"Настройте обновление защиты не реже раза в неделю.",
					),
				},
			],
		},
	],
};

// ---------------------------------------------------------------------------------------------
// Part A, A1 2.0 Software

const SOFTWARE: SectionDef = {
	id: "a1-software",
	part: "A",
	code: "A1 2.0",
	title: L("Personal computers: software", "Персональные компьютеры: программное обеспечение"),
	intro: L(
		"The operating system comes first and, for security, matters most. Record the version for each group of PCs, whether updates are installed, and for every program whether it is licensed and until when.",
		"Операционная система идёт первой и для безопасности важнее всего. Укажите версию для каждой группы ПК, устанавливаются ли обновления, а для каждой программы — есть ли лицензия и до какого срока.",
	),
	learn: PCS_AND_SOFTWARE,
	levels: [
		L(
			"The software the DSM chain needs is missing: no spreadsheet to prepare the tables, or no way to get data out of the source systems.",
			"Нет программ, без которых цепочка данных МОД не работает: нет электронных таблиц для подготовки таблиц или способа извлечь данные из исходных систем.",
		),
		L(
			"The software exists but is a risk: an operating system out of support, unlicensed programs, or a source system that only its developer can export from.",
			"Программы есть, но создают риск: операционная система без поддержки, нелицензионные программы или исходная система, выгрузить данные из которой может только её разработчик.",
		),
		L(
			"The software does the work, but tables are put together by hand, with typed totals and no scripts, and licences or support end soon.",
			"Программы справляются с работой, но таблицы собираются вручную, итоги вводятся руками, скриптов нет, а лицензии или поддержка скоро заканчиваются.",
		),
		L(
			"Supported, licensed software at every step of the chain; the source systems export data for statistics in a known format.",
			"На каждом шаге цепочки — поддерживаемое лицензионное ПО; исходные системы выгружают данные для статистики в известном формате.",
		),
		L(
			"As level 4, with the work saved as scripts that run again next year, licences renewed on a budget and upgrades planned.",
			"Как на уровне 4, а кроме того работа сохранена в виде скриптов, которые можно запустить снова через год, продление лицензий заложено в бюджет, обновления запланированы.",
		),
	],
	items: [
		{
			id: "sw-os",
			code: "A1 2.0",
			label: L(
				"Operational system (Windows, others) (now: with its support status: supported / out of support)",
				"Операционная система (Windows и др.) (сейчас: со статусом поддержки: поддерживается / без поддержки)",
			),
			help: L(
				"A system that no longer receives security updates from its maker is out of support: new weaknesses found in it stay open for ever. Microsoft ended support for Windows 7 on 14 January 2020 and for Windows 10 on 14 October 2025; extended security updates, where bought, keep a PC updated until a date.",
				"Система, для которой производитель больше не выпускает обновлений безопасности, считается снятой с поддержки: найденные в ней уязвимости остаются открытыми навсегда. Microsoft прекратила поддержку Windows 7 14 января 2020 года, а Windows 10 — 14 октября 2025 года; расширенные обновления безопасности, если они куплены, продлевают обновления до определённой даты.",
			),
			columns: ["available", "licensed", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "software",
			details: [
				text("system", L("System and version", "Система и версия"), 200),
				choice("support", L("Support status", "Статус поддержки"), SUPPORT_STATUS),
				choice(
					"updatesInstalled",
					L("Security updates actually installed", "Обновления безопасности действительно устанавливаются"),
					[...YES_NO, option("unknown", "Not known", "Неизвестно")],
				),
			],
			absence: "essential",
			priority: "risk",
			recommendation: L(
				"Move the PCs that handle personal data to a supported system and install its updates; if a source system holds you back, plan its upgrade together with the PCs.",
				"Переведите ПК, на которых обрабатываются персональные данные, на поддерживаемую систему и устанавливайте её обновления; если мешает исходная система, планируйте её обновление вместе с ПК.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "os-out-of-support",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "support", "out"),
					condition: L("The operating system is out of support", "Операционная система снята с поддержки"),
					recommendation: L(
						"Mark it “less than needed” however fast the PCs are, and move them to a supported system: a PC that handles personal data on a system with no updates at all is open to every weakness found since.",
						"Оценивайте такие ПК как «меньше необходимого», какими бы быстрыми они ни были, и переведите их на поддерживаемую систему: компьютер с персональными данными без обновлений открыт для всех уязвимостей, найденных с тех пор.",
					),
				},
				{
					id: "os-extended",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "support", "extended"),
					condition: L(
						"Only extended security updates keep the system updated",
						"Система обновляется только за счёт расширенных обновлений безопасности",
					),
					recommendation: L(
						"Plan the move to a supported system before the extended updates end, and record until when they run.",
						"Запланируйте переход на поддерживаемую систему до окончания расширенных обновлений и запишите, до какого срока они действуют.",
					),
				},
				{
					id: "os-updates-not-installed",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "updatesInstalled", "no", "unknown"),
					condition: L(
						"Security updates are not installed, or nobody knows",
						"Обновления безопасности не устанавливаются, или никто не знает, устанавливаются ли",
					),
					recommendation: L(
						"Install security updates automatically and check once a month that every PC has them.",
						"Устанавливайте обновления безопасности автоматически и раз в месяц проверяйте, что они есть на каждом ПК.",
					),
				},
			],
		},
		{
			id: "sw-word",
			code: "A1 2.0",
			label: L("Word processing (Word, other)", "Текстовый редактор (Word и др.)"),
			help: L(
				"The product and version (Microsoft Office, LibreOffice, others) and whether it is licensed.",
				"Продукт и версия (Microsoft Office, LibreOffice и др.) и есть ли лицензия.",
			),
			columns: ["available", "licensed", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "software",
			details: [text("product", L("Product and version", "Продукт и версия"), 200)],
			priority: "fragile",
			recommendation: L(
				"Give everyone who writes notes and letters a licensed or free word processor (Microsoft Office, LibreOffice).",
				"Обеспечьте всех, кто пишет записки и письма, лицензионным или свободным текстовым редактором (Microsoft Office, LibreOffice).",
			),
			learn: PCS_AND_SOFTWARE,
		},
		{
			id: "sw-spreadsheets",
			code: "A1 2.0",
			label: L("Spreadsheets (Excel, Access)", "Электронные таблицы (Excel, Access)"),
			help: L(
				"Spreadsheets are where most DSM tables are prepared. Know their traps: CSV files in an old code page, semicolons instead of commas, codes turned into dates, totals typed by hand.",
				"Большинство таблиц МОД готовят в электронных таблицах. Помните об их ловушках: CSV-файлы в старой кодировке, точка с запятой вместо запятой, коды, превращённые в даты, итоги, введённые вручную.",
			),
			columns: ["available", "licensed", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "software",
			details: [
				text("product", L("Product and version", "Продукт и версия"), 200),
				choice(
					"formulas",
					L("Totals are formulas, not typed by hand", "Итоги считаются формулами, а не вводятся вручную"),
					YES_PARTLY_NO,
				),
				choice(
					"csvChecked",
					L(
						"CSV files are saved as UTF-8 with commas and checked in a text editor before sending",
						"CSV-файлы сохраняются в UTF-8 с запятыми и проверяются в текстовом редакторе перед отправкой",
					),
					YES_NO,
				),
			],
			absence: "essential",
			priority: "blocking",
			recommendation: L(
				"Give the people who prepare the DSM tables a licensed or free spreadsheet program: without one the tables cannot be prepared or checked.",
				"Обеспечьте тех, кто готовит таблицы МОД, лицензионной или свободной программой электронных таблиц: без неё таблицы не подготовить и не проверить.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "typed-totals",
					level: 3,
					priority: "fragile",
					when: (a) => is(a, "formulas", "no", "partly"),
					condition: L("Totals are typed by hand", "Итоги вводятся вручную"),
					recommendation: L(
						"Compute totals with formulas: totals that do not add up are among the most frequent DSM validation errors (rules ADD-SEX, ADD-AGE, ADD-CITIZEN).",
						"Считайте итоги формулами: несходящиеся итоги — одна из самых частых ошибок проверки МОД (правила ADD-SEX, ADD-AGE, ADD-CITIZEN).",
					),
				},
				{
					id: "csv-unchecked",
					level: 3,
					priority: "fragile",
					when: (a) => is(a, "csvChecked", "no"),
					condition: L("CSV files are not checked before sending", "CSV-файлы не проверяются перед отправкой"),
					recommendation: L(
						"Save CSV files as UTF-8 with commas between fields, format code columns as text, and open each file in a plain text editor before sending it.",
						"Сохраняйте CSV-файлы в UTF-8 с запятыми между полями, задавайте столбцам с кодами текстовый формат и открывайте каждый файл в простом текстовом редакторе перед отправкой.",
					),
					learn: ENCODINGS,
				},
			],
		},
		{
			id: "sw-statistics",
			code: "A1 2.0",
			label: L(
				"Statistical applications (SPSS, SAS, other) (now: also R, Python, Stata)",
				"Статистические программы (SPSS, SAS и др.) (сейчас: также R, Python, Stata)",
			),
			help: L(
				"The choice of tool matters less than two questions: is there someone who can use it, and is the work saved as a script that can be run again next year? Record licences and their expiry dates.",
				"Выбор программы важен меньше, чем два вопроса: есть ли кому с ней работать и сохранена ли работа в виде скрипта, который можно снова запустить через год? Укажите лицензии и сроки их действия.",
			),
			columns: ["available", "usedFor", "licensed", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "software",
			details: [
				text("tools", L("Tools", "Программы"), 200),
				choice("users", L("People who can use them", "Кто умеет с ними работать"), [
					option("several", "Several people", "Несколько человек"),
					option("one", "One person", "Один человек"),
					option("none", "Nobody", "Никто"),
				]),
				choice(
					"scripts",
					L(
						"Work saved as scripts that run again next year",
						"Работа сохранена в виде скриптов, которые можно снова запустить",
					),
					YES_PARTLY_NO,
				),
			],
			priority: "fragile",
			recommendation: L(
				"Choose one statistical tool (R and Python are free), train two people in it and save the steps from extract to table as a script.",
				"Выберите одну статистическую программу (R и Python бесплатны), обучите работе с ней двух человек и сохраните шаги от выгрузки до таблицы в виде скрипта.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "stats-nobody",
					level: 2,
					priority: "fragile",
					when: (a) => is(a, "users", "none"),
					condition: L(
						"Nobody can use the statistical tools",
						"Никто не умеет работать со статистическими программами",
					),
					recommendation: L(
						"Train at least two people in the tool the agency has, or in a free one (R, Python).",
						"Обучите хотя бы двух человек работе с имеющейся программой или со свободной (R, Python).",
					),
					learn: TRAINING,
				},
				{
					id: "stats-one-person",
					level: 3,
					priority: "fragile",
					when: (a) => is(a, "users", "one"),
					condition: L(
						"Only one person can use the statistical tools",
						"Со статистическими программами умеет работать только один человек",
					),
					recommendation: L(
						"Train a second person, so that a DSM deadline does not depend on one colleague.",
						"Обучите второго человека, чтобы срок представления данных в МОД не зависел от одного сотрудника.",
					),
					learn: TRAINING,
				},
				{
					id: "no-scripts",
					level: 3,
					priority: "fragile",
					when: (a) => is(a, "scripts", "no"),
					condition: L("The work is not saved as scripts", "Работа не сохраняется в виде скриптов"),
					recommendation: L(
						"Save the steps from register extract to indicator table as a script (R, Python, SPSS syntax): it documents the work and runs again next year.",
						"Сохраните шаги от выгрузки из регистра до таблицы показателя в виде скрипта (R, Python, синтаксис SPSS): это и документация, и экономия времени в следующем году.",
					),
				},
			],
		},
		{
			id: "sw-professional",
			code: "A1 2.0",
			label: L(
				"Professional software (now: registers, case-management systems)",
				"Специализированное ПО (сейчас: регистры, системы ведения дел)",
			),
			help: L(
				"The systems in which migration records are created: the border-crossing database, the register of foreigners, the asylum case-management system, the work-permit database. For each, who owns it and how data come out of it for statistics.",
				"Системы, в которых создаются миграционные записи: база данных пересечения границы, регистр иностранцев, система ведения дел по ходатайствам о предоставлении убежища, база разрешений на работу. Для каждой — кто её владелец и как из неё получают данные для статистики.",
			),
			columns: ["available", "usedFor", "licensed", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "software",
			details: [
				text("systems", L("Systems and their owners", "Системы и их владельцы"), 300),
				choice("export", L("How data come out for statistics", "Как получают данные для статистики"), [
					option("standard", "A standard statistical report or query", "Стандартный статистический отчёт или запрос"),
					option("file", "A file export on request", "Выгрузка в файл по запросу"),
					option("developer", "Only through the developer who built it", "Только через разработчика системы"),
					option("none", "No way to get data out", "Получить данные невозможно"),
				]),
			],
			priority: "blocking",
			recommendation: L(
				"Agree with the system's owner a standard statistical extract (fields, period, format) and document it, so that each DSM submission does not depend on one person.",
				"Согласуйте с владельцем системы стандартную статистическую выгрузку (поля, период, формат) и задокументируйте её, чтобы представление данных в МОД не зависело от одного человека.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "no-export",
					level: 1,
					priority: "blocking",
					when: (a) => is(a, "export", "none"),
					condition: L("No way to get data out of the source system", "Данные из исходной системы получить невозможно"),
					recommendation: L(
						"Agree and document a standard statistical extract with the system's owner: without it nothing reaches the DSM tables.",
						"Согласуйте и задокументируйте с владельцем системы стандартную статистическую выгрузку: без неё в таблицы МОД ничего не попадёт.",
					),
				},
				{
					id: "export-developer-only",
					level: 2,
					priority: "blocking",
					when: (a) => is(a, "export", "developer"),
					condition: L(
						"Data come out only through the original developer",
						"Данные можно получить только через разработчика системы",
					),
					recommendation: L(
						"Agree a standard statistical extract and document it: if the only way to get data out is to ask the developer who built the system, every future DSM submission is at risk.",
						"Согласуйте стандартную статистическую выгрузку и задокументируйте её: если получить данные можно только через разработчика системы, под угрозой каждое будущее представление данных в МОД.",
					),
				},
			],
		},
		{
			id: "sw-other",
			code: "A1 2.0",
			label: L("Other", "Прочее"),
			help: L(
				"Any other software the data work needs. Answer “No” if there is none.",
				"Любое другое ПО, нужное для работы с данными. Ответьте «Нет», если такого нет.",
			),
			columns: ["available", "usedFor", "licensed", "compatible"],
			licence: "software",
			details: [text("software", L("Which software", "Какое ПО"), 200)],
			absence: "optional",
			priority: "fragile",
			recommendation: L(
				"Bring this software up to what the work needs, licensed and supported.",
				"Приведите это ПО в соответствие с задачами: с лицензией и поддержкой.",
			),
			learn: PCS_AND_SOFTWARE,
		},
	],
};

// ---------------------------------------------------------------------------------------------
// Part A, A1 3.0 Internet connection

const NO_INTERNET = { item: "net-provider", field: "available", values: ["no"] } as const;

const INTERNET: SectionDef = {
	id: "a1-internet",
	part: "A",
	code: "A1 3.0",
	title: L("Internet connection", "Подключение к интернету"),
	intro: L(
		"Almost every office is connected today; the questions are about quality. Sending DSM files needs very little; remote training needs a stable connection for every participant at once; source systems that border posts update online are limited by the weakest post. Rate the connection for what the agency actually does.",
		"Сегодня подключены почти все офисы; вопрос в качестве. Для отправки файлов МОД нужно совсем немного; для дистанционного обучения нужна стабильная связь у всех участников одновременно; для исходных систем, которые пограничные пункты обновляют онлайн, предел задаёт самый слабый пункт. Оценивайте подключение по тому, что ведомство действительно делает.",
	),
	learn: NETWORK_AND_BACKUP,
	levels: [
		L(
			"No internet connection for the people who must send data or attend training.",
			"У тех, кто должен отправлять данные или учиться, нет подключения к интернету.",
		),
		L(
			"A connection exists but fails the work: dial-up, too slow to upload files or join video training, or cut several times a month.",
			"Подключение есть, но не отвечает задачам: коммутируемый доступ, слишком медленная передача файлов и видеосвязь или перебои по нескольку раз в месяц.",
		),
		L(
			"Files can be sent and training attended, but the line is slow at working hours or drops now and then.",
			"Файлы отправляются и в обучении можно участвовать, но в рабочие часы линия медленная или время от времени пропадает.",
		),
		L(
			"A stable connection, fast enough in both directions for sending files and for video training, with few outages.",
			"Стабильное подключение, достаточно быстрое в обе стороны для отправки файлов и видеообучения, с редкими перебоями.",
		),
		L(
			"A fast, measured and reliable connection, with a second provider as a fallback.",
			"Быстрое, измеренное и надёжное подключение с резервным провайдером.",
		),
	],
	items: [
		{
			id: "net-provider",
			code: "A1 3.0",
			label: L("Provider", "Провайдер"),
			help: L(
				"Whether there is a connection, the provider, and whether there is a second one: an office that depends on one line has no connection when that line fails. Answer “No” to Available if there is no connection; the other questions of this step are then skipped.",
				"Есть ли подключение, кто провайдер и есть ли второй: офис, зависящий от одной линии, остаётся без связи, когда она отказывает. Если подключения нет, ответьте «Нет» в поле «Имеется»: остальные вопросы этого шага будут пропущены.",
			),
			columns: ["available", "purchasedBy", "compatible"],
			details: [
				text("provider", L("Provider", "Провайдер"), 200),
				choice("secondProvider", L("A second provider as a fallback", "Резервный второй провайдер"), YES_NO),
			],
			absence: "essential",
			priority: "blocking",
			recommendation: L(
				"Connect the people who send data and attend training: without a connection there is no working channel to send the tables.",
				"Подключите к интернету тех, кто отправляет данные и участвует в обучении: без подключения нет рабочего канала для отправки таблиц.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "single-provider",
					level: 4,
					priority: "fragile",
					when: (a) => is(a, "secondProvider", "no"),
					condition: L("No second provider", "Нет второго провайдера"),
					recommendation: L(
						"Consider a second provider or a 4G/5G fallback for the people who send data.",
						"Рассмотрите второго провайдера или резервный канал 4G/5G для тех, кто отправляет данные.",
					),
				},
			],
		},
		{
			id: "net-type",
			code: "A1 3.0",
			label: L(
				"Type (dial-up vs. high speed, such as cable, DSL) (now: fibre, mobile 4G/5G, satellite)",
				"Тип (коммутируемое или высокоскоростное, например кабельное, DSL) (сейчас: оптоволокно, мобильная связь 4G/5G, спутник)",
			),
			help: L(
				"Regional offices and border posts often have weaker connections than headquarters; record the weakest one that matters.",
				"У региональных подразделений и пограничных пунктов подключение часто слабее, чем в центральном аппарате; укажите самое слабое из значимых.",
			),
			columns: ["plannedUpgrades", "compatible"],
			details: [
				choice("type", L("Type", "Тип"), [
					option("fibre", "Fibre", "Оптоволокно"),
					option("dsl", "DSL", "DSL"),
					option("cable", "Cable", "Кабельное"),
					option("mobile", "Mobile 4G/5G", "Мобильная связь 4G/5G"),
					option("satellite", "Satellite", "Спутник"),
					option("dialup", "Dial-up", "Коммутируемое (dial-up)"),
				]),
			],
			skipWhen: NO_INTERNET,
			priority: "fragile",
			recommendation: L(
				"Move to a connection that carries video training: fibre, DSL, cable or 4G/5G.",
				"Перейдите на подключение, по которому проходит видеообучение: оптоволокно, DSL, кабель или 4G/5G.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "dial-up",
					level: 2,
					priority: "fragile",
					when: (a) => is(a, "type", "dialup"),
					condition: L("Dial-up connection", "Коммутируемое подключение"),
					recommendation: L(
						"Replace the dial-up line with fibre, DSL, cable or 4G/5G: dial-up cannot carry video training.",
						"Замените коммутируемую линию оптоволокном, DSL, кабелем или 4G/5G: по коммутируемой линии видеообучение невозможно.",
					),
				},
			],
		},
		{
			id: "net-capacity",
			code: "A1 3.0",
			label: L("Capacity (now: Mbit/s down and up)", "Пропускная способность (сейчас: Мбит/с на приём и на передачу)"),
			help: L(
				"What the contract promises in both directions. Upload matters for sending files and for taking part in video training.",
				"Что обещает договор в обоих направлениях. Скорость передачи важна для отправки файлов и участия в видеообучении.",
			),
			columns: ["plannedUpgrades", "compatible"],
			details: [
				{ kind: "measure", name: "down", label: L("Download", "Приём"), max: 100_000, unit: L("Mbit/s", "Мбит/с") },
				{ kind: "measure", name: "up", label: L("Upload", "Передача"), max: 100_000, unit: L("Mbit/s", "Мбит/с") },
			],
			skipWhen: NO_INTERNET,
			priority: "fragile",
			recommendation: L(
				"Ask the provider for a contract that carries video training for every participant at once, in both directions.",
				"Запросите у провайдера договор, при котором видеообучение идёт у всех участников одновременно, в обоих направлениях.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "capacity-very-low",
					level: 2,
					priority: "fragile",
					when: (a) => below(a, "down", 2) || below(a, "up", 1),
					condition: L("Less than 2 Mbit/s down or 1 Mbit/s up", "Меньше 2 Мбит/с на приём или 1 Мбит/с на передачу"),
					recommendation: L(
						"Ask for a faster contract: below 2 Mbit/s down or 1 Mbit/s up a video session fails, and files go slowly.",
						"Запросите более быстрый тариф: при скорости ниже 2 Мбит/с на приём или 1 Мбит/с на передачу видеозанятия срываются, а файлы уходят медленно.",
					),
				},
				{
					id: "capacity-low",
					level: 3,
					priority: "fragile",
					when: (a) => below(a, "down", 10) || below(a, "up", 2),
					condition: L("Less than 10 Mbit/s down or 2 Mbit/s up", "Меньше 10 Мбит/с на приём или 2 Мбит/с на передачу"),
					recommendation: L(
						"Plan a faster contract before the next round of remote training: several participants share the line at once.",
						"Запланируйте более быстрый тариф до следующего цикла дистанционного обучения: линией одновременно пользуются несколько участников.",
					),
				},
			],
		},
		{
			id: "net-speed",
			code: "A1 3.0",
			label: L(
				"Speed (now: measured, with reliability: outages per month)",
				"Скорость (сейчас: измеренная, с учётом надёжности: перебои в месяц)",
			),
			help: L(
				"What a speed test actually shows at working hours, and how many outages there were in a typical month.",
				"Что на самом деле показывает проверка скорости в рабочие часы и сколько перебоев было в обычный месяц.",
			),
			columns: ["compatible"],
			details: [
				{
					kind: "measure",
					name: "measuredDown",
					label: L("Measured download at working hours", "Измеренная скорость приёма в рабочие часы"),
					max: 100_000,
					unit: L("Mbit/s", "Мбит/с"),
				},
				count("outages", L("Outages in a typical month", "Перебоев в обычный месяц"), 1000),
			],
			skipWhen: NO_INTERNET,
			priority: "fragile",
			recommendation: L(
				"Record outages with the provider and ask for a service level; consider a second provider or a 4G/5G fallback for the people who send data.",
				"Фиксируйте перебои у провайдера и добивайтесь гарантированного уровня обслуживания; рассмотрите второго провайдера или резервный канал 4G/5G для тех, кто отправляет данные.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "outages-many",
					level: 2,
					priority: "fragile",
					when: (a) => above(a, "outages", 4),
					condition: L("More than four outages a month", "Больше четырёх перебоев в месяц"),
					recommendation: L(
						"Ask the provider for a service level and arrange a fallback line: with weekly outages records arrive late or are entered twice.",
						"Добейтесь от провайдера гарантированного уровня обслуживания и организуйте резервную линию: при еженедельных перебоях записи поступают с опозданием или вводятся дважды.",
					),
				},
				{
					id: "outages-some",
					level: 3,
					priority: "fragile",
					when: (a) => above(a, "outages", 1),
					condition: L("Two to four outages a month", "От двух до четырёх перебоев в месяц"),
					recommendation: L(
						"Record each outage and raise them with the provider.",
						"Фиксируйте каждый перебой и обсуждайте их с провайдером.",
					),
				},
			],
		},
	],
};

// ---------------------------------------------------------------------------------------------
// Part A, A1 4.0 Accessories, and the second 4.0: Connection to a network

const ACCESSORIES: SectionDef = {
	id: "a1-accessories-network",
	part: "A",
	code: "A1 4.0",
	title: L("Accessories and connection to a network", "Периферия и подключение к сети"),
	intro: L(
		"Printers and scanners look minor but have a data role: many records still begin on paper. The seed's grid then has a second item numbered 4.0, which asks whether the PCs are connected to the agency's local network or intranet.",
		"Принтеры и сканеры кажутся мелочью, но важны для данных: многие записи по-прежнему начинаются на бумаге. Затем в анкете Общей модели идёт второй пункт под номером 4.0: подключены ли ПК к локальной сети или интранету ведомства.",
	),
	learn: NETWORK_AND_BACKUP,
	levels: [
		L(
			"Paper records and letters can be neither printed nor scanned, and the PCs that handle migration data are connected to no network.",
			"Бумажные записи и письма нельзя ни распечатать, ни отсканировать, а ПК, на которых работают с миграционными данными, не подключены ни к какой сети.",
		),
		L(
			"Accessories or the network fall short: paper records cannot be scanned, or PCs keep their data on their own disks, outside any backup.",
			"Периферии или сети не хватает: бумажные записи невозможно отсканировать, или ПК хранят данные на своих дисках, вне резервного копирования.",
		),
		L(
			"Printers, scanners and the network work, but not everywhere, or with no rule for what is scanned and where it is kept.",
			"Принтеры, сканеры и сеть работают, но не везде, или нет правила, что сканируется и где хранится.",
		),
		L(
			"Enough printers and scanners, with a rule for scans; every PC that handles migration data saves to a place that is backed up.",
			"Принтеров и сканеров достаточно, есть правило для сканов; каждый ПК, где работают с миграционными данными, сохраняет их туда, где делаются резервные копии.",
		),
		L(
			"As level 4, with replacement and consumables budgeted and the network planned for growth.",
			"Как на уровне 4, а кроме того замена и расходные материалы заложены в бюджет, а развитие сети запланировано.",
		),
	],
	items: [
		{
			id: "acc-printer",
			code: "A1 4.0",
			label: L("Printer", "Принтер"),
			help: L(
				"Number, age, and whether consumables are budgeted. Some procedures still require paper, for example a signed table sent with an official letter.",
				"Количество, срок службы и заложены ли расходные материалы в бюджет. Некоторые процедуры по-прежнему требуют бумаги, например подписанной таблицы, отправляемой с официальным письмом.",
			),
			columns: ["available", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "hardware",
			details: [count("printers", L("Number of printers", "Число принтеров"), 10_000)],
			priority: "fragile",
			recommendation: L(
				"Make sure the signed tables and paper copies that procedures require can be printed, and budget the consumables.",
				"Обеспечьте возможность печатать подписанные таблицы и бумажные копии, которых требуют процедуры, и заложите расходные материалы в бюджет.",
			),
			learn: NETWORK_AND_BACKUP,
		},
		{
			id: "acc-scanner",
			code: "A1 4.0",
			label: L("Scanner", "Сканер"),
			help: L(
				"A scanner and a rule for what is scanned and where the scans are kept decide whether a paper record can be found again.",
				"Сканер и правило, что сканируется и где хранятся сканы, решают, можно ли снова найти бумажную запись.",
			),
			columns: ["available", "usedFor", "purchasedBy", "plannedUpgrades", "compatible"],
			details: [
				count("scanners", L("Number of scanners", "Число сканеров"), 10_000),
				choice(
					"scanRule",
					L(
						"A rule for what is scanned and where scans are kept",
						"Есть правило, что сканируется и где хранятся сканы",
					),
					YES_NO,
				),
			],
			priority: "fragile",
			recommendation: L(
				"Provide a scanner where paper records begin, with a rule for what is scanned and where scans are kept.",
				"Установите сканер там, где появляются бумажные записи, и введите правило, что сканируется и где хранятся сканы.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "no-scan-rule",
					level: 3,
					priority: "fragile",
					when: (a) => is(a, "scanRule", "no"),
					condition: L("No rule for scanning", "Нет правила сканирования"),
					recommendation: L(
						"Write down what is scanned, how files are named and where scans are kept, so that a paper record can be found again.",
						"Запишите, что сканируется, как называются файлы и где хранятся сканы, чтобы бумажную запись можно было снова найти.",
					),
				},
			],
		},
		{
			id: "acc-other",
			code: "A1 4.0",
			label: L("Other", "Прочее"),
			help: L(
				"Any other accessory the data work needs. Answer “No” if there is none.",
				"Любая другая периферия, нужная для работы с данными. Ответьте «Нет», если её нет.",
			),
			columns: ["available", "usedFor", "compatible"],
			details: [text("accessory", L("Which accessory", "Какое устройство"), 200)],
			absence: "optional",
			priority: "fragile",
			recommendation: L(
				"Bring this accessory up to what the work needs.",
				"Приведите это устройство в соответствие с задачами.",
			),
			learn: NETWORK_AND_BACKUP,
		},
		{
			id: "lan-connection",
			code: "A1 4.0",
			label: L("Connection to a network (LAN, intranet)", "Подключение к сети (ЛВС, интранет)"),
			help: L(
				"The second item numbered 4.0 in the seed. Which PCs used for migration data are connected, and which stand alone (sometimes on purpose, for security; then note how their data are backed up). Answer “No” if the agency has no local network: the server questions of A2 are then skipped.",
				"Второй пункт под номером 4.0 в анкете. Какие ПК с миграционными данными подключены к сети, а какие работают автономно (иногда намеренно, ради безопасности; тогда укажите, как копируются их данные). Если локальной сети у ведомства нет, ответьте «Нет»: вопросы о сервере в разделе A2 будут пропущены.",
			),
			columns: ["available", "usedFor", "compatible"],
			details: [
				choice(
					"standaloneBackedUp",
					L("Data of stand-alone PCs are backed up another way", "Данные автономных ПК копируются другим способом"),
					[...YES_NO, option("na", "No stand-alone PCs", "Автономных ПК нет")],
				),
			],
			priority: "risk",
			recommendation: L(
				"Connect the PCs that handle migration data to a network drive that is backed up, or write down how the data of stand-alone PCs are backed up.",
				"Подключите ПК, на которых работают с миграционными данными, к сетевому диску с резервным копированием или запишите, как копируются данные автономных ПК.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "not-connected",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "available", "no") && !is(a, "standaloneBackedUp", "yes"),
					condition: L(
						"PCs that handle migration data are on no network, and their data are not backed up another way",
						"ПК с миграционными данными не подключены к сети, и их данные не копируются другим способом",
					),
					recommendation: L(
						"A PC that is not connected keeps its data outside any backup: connect it, or back its data up another way and write down how.",
						"Неподключённый ПК хранит данные вне резервного копирования: подключите его или копируйте его данные иначе и запишите, как именно.",
					),
				},
				{
					id: "standalone-not-backed-up",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "standaloneBackedUp", "no"),
					condition: L("The data of stand-alone PCs are not backed up", "Данные автономных ПК не копируются"),
					recommendation: L(
						"Back up the data of stand-alone PCs, on encrypted media kept elsewhere, and record who does it.",
						"Копируйте данные автономных ПК на зашифрованные носители, хранящиеся в другом месте, и запишите, кто это делает.",
					),
				},
			],
		},
	],
};

// ---------------------------------------------------------------------------------------------
// Part A, A1 5.0 Users' training and A1 6.0 IT support

const TRAINING_AND_SUPPORT: SectionDef = {
	id: "a1-training-support",
	part: "A",
	code: "A1 5.0–6.0",
	title: L("Users' training and IT support", "Обучение пользователей и ИТ-поддержка"),
	intro: L(
		"Two short items close the workstation block: who has been trained in what and when, and who repairs a broken PC or creates a new account, and how fast.",
		"Блок о рабочих местах завершают два коротких пункта: кто, чему и когда обучался, и кто чинит сломанный ПК или создаёт новую учётную запись и как быстро.",
	),
	learn: PCS_AND_SOFTWARE,
	levels: [
		L(
			"Nobody has been trained to prepare the DSM tables, or there is no IT support at all.",
			"Никто не обучен готовить таблицы МОД, или ИТ-поддержки нет совсем.",
		),
		L(
			"Training or support falls short: few people trained, long ago, or repairs that take weeks.",
			"Обучения или поддержки недостаточно: обучено мало людей и давно, или ремонт занимает недели.",
		),
		L(
			"Trained staff and IT support exist, but they depend on one or two people.",
			"Обученные сотрудники и ИТ-поддержка есть, но всё держится на одном-двух людях.",
		),
		L(
			"The staff who prepare, check and send data are trained; IT support repairs PCs and creates accounts within days.",
			"Те, кто готовит, проверяет и отправляет данные, обучены; ИТ-поддержка чинит ПК и создаёт учётные записи за несколько дней.",
		),
		L(
			"Training is planned every year against the needs, and IT support has deputies and a service level.",
			"Обучение планируется ежегодно исходя из потребностей, у ИТ-поддержки есть заместители и установленный уровень обслуживания.",
		),
	],
	items: [
		{
			id: "training",
			code: "A1 5.0",
			label: L("User's training received", "Полученное пользователями обучение"),
			help: L(
				"Who has been trained in what (spreadsheets, the statistical package, the source system, data protection, the DSM) and when.",
				"Кто, чему (электронные таблицы, статистический пакет, исходная система, защита данных, МОД) и когда обучался.",
			),
			columns: ["available", "purchasedBy", "plannedUpgrades", "compatible"],
			details: [
				count("trained", L("People trained in the last three years", "Обучено человек за последние три года"), 100_000),
				{
					kind: "choices",
					name: "topics",
					label: L("Topics", "Темы"),
					options: [
						option("spreadsheets", "Spreadsheets", "Электронные таблицы"),
						option("statistics", "The statistical package", "Статистический пакет"),
						option("source-system", "The source system", "Исходная система"),
						option("data-protection", "Data protection", "Защита данных"),
						option("dsm", "The DSM tables", "Таблицы МОД"),
					],
				},
				{
					kind: "year",
					name: "lastYear",
					label: L("Year of the latest training", "Год последнего обучения"),
					when: "past",
				},
			],
			absence: "essential",
			priority: "blocking",
			recommendation: L(
				"Train at least two people to prepare, check and send the DSM tables (modules 11 and 12 of this programme), and record who was trained in what and when.",
				"Обучите хотя бы двух человек готовить, проверять и отправлять таблицы МОД (модули 11 и 12 этой программы) и ведите учёт, кто, чему и когда обучался.",
			),
			learn: TRAINING,
			caps: [
				{
					id: "nobody-trained",
					level: 1,
					priority: "blocking",
					when: (a) => value(a, "trained") === 0,
					condition: L("Nobody trained in the last three years", "За последние три года никто не обучался"),
					recommendation: L(
						"Train the people who prepare the DSM tables first: without them nothing is submitted.",
						"В первую очередь обучите тех, кто готовит таблицы МОД: без них данные не будут представлены.",
					),
				},
				{
					id: "no-dsm-training",
					level: 3,
					priority: "fragile",
					when: (a) => Array.isArray(value(a, "topics")) && !includes(a, "topics", "dsm"),
					condition: L("Nobody trained in the DSM tables", "Никто не обучался подготовке таблиц МОД"),
					recommendation: L(
						"Enrol the data officers on the DSM modules of this programme (modules 11 and 12) and its sandbox exercises.",
						"Запишите сотрудников, работающих с данными, на модули этой программы о МОД (модули 11 и 12) и практические задания в учебной среде.",
					),
				},
				{
					id: "one-trained",
					level: 3,
					priority: "fragile",
					when: (a) => value(a, "trained") === 1,
					condition: L("Only one person trained", "Обучен только один человек"),
					recommendation: L(
						"Train a second person so that the tables do not depend on one colleague.",
						"Обучите второго человека, чтобы подготовка таблиц не зависела от одного сотрудника.",
					),
				},
				{
					id: "training-old",
					level: 3,
					priority: "fragile",
					when: (a, { year }) => (ageOf(a, "lastYear", year) ?? 0) > 3,
					condition: L(
						"The latest training was more than three years ago",
						"Последнее обучение было более трёх лет назад",
					),
					recommendation: L(
						"Plan training every year against the needs: staff move on, and systems change.",
						"Планируйте обучение ежегодно исходя из потребностей: сотрудники уходят, системы меняются.",
					),
				},
			],
		},
		{
			id: "it-support",
			code: "A1 6.0",
			label: L("Type of IT support (outsourced, in house?)", "Вид ИТ-поддержки (внешняя, собственная?)"),
			help: L(
				"In-house, outsourced, or provided by another agency; how many people; how long it takes to repair a broken PC or create a new account. If a DSM deadline depends on one IT person who is also responsible for everything else, that is a gap.",
				"Собственная, внешняя или силами другого ведомства; сколько человек; сколько времени занимает ремонт ПК или создание учётной записи. Если срок представления данных в МОД зависит от одного ИТ-специалиста, который отвечает за всё остальное, это пробел.",
			),
			columns: ["compatible"],
			details: [
				choice("support", L("IT support", "ИТ-поддержка"), [
					option("in-house", "In house", "Собственная"),
					option("outsourced", "Outsourced", "Внешняя (аутсорсинг)"),
					option("other-agency", "Another agency", "Другое ведомство"),
					option("none", "None", "Нет"),
				]),
				count("itStaff", L("IT staff who serve the agency", "ИТ-специалистов, обслуживающих ведомство"), 10_000),
				count(
					"repairDays",
					L("Days to repair a PC or create an account", "Дней на ремонт ПК или создание учётной записи"),
					1000,
				),
			],
			required: ["support", "compatible"],
			priority: "fragile",
			recommendation: L(
				"Arrange IT support with a deputy and an agreed time to repair a PC or create an account.",
				"Организуйте ИТ-поддержку с заместителем и согласованным сроком ремонта ПК и создания учётной записи.",
			),
			learn: PCS_AND_SOFTWARE,
			caps: [
				{
					id: "no-it-support",
					level: 2,
					priority: "fragile",
					when: (a) => is(a, "support", "none"),
					condition: L("No IT support", "ИТ-поддержки нет"),
					recommendation: L(
						"Arrange IT support, in house, outsourced or from another agency under an agreement.",
						"Организуйте ИТ-поддержку: собственную, внешнюю или силами другого ведомства по соглашению.",
					),
				},
				{
					id: "single-it-person",
					level: 3,
					priority: "fragile",
					when: (a) => value(a, "itStaff") === 1,
					condition: L("A single IT person", "Один ИТ-специалист"),
					recommendation: L(
						"Name a deputy for the IT person and write down how the DSM files are produced, so that a deadline does not depend on one person.",
						"Назначьте ИТ-специалисту заместителя и запишите, как готовятся файлы МОД, чтобы срок не зависел от одного человека.",
					),
				},
				{
					id: "slow-repairs",
					level: 3,
					priority: "fragile",
					when: (a) => above(a, "repairDays", 10),
					condition: L(
						"More than ten days to repair a PC or create an account",
						"Больше десяти дней на ремонт ПК или создание учётной записи",
					),
					recommendation: L(
						"Agree a service level with IT support: a PC that stays broken for weeks holds up the tables.",
						"Согласуйте с ИТ-поддержкой уровень обслуживания: ПК, который неделями стоит сломанным, задерживает таблицы.",
					),
				},
			],
		},
	],
};

// ---------------------------------------------------------------------------------------------
// Part A, A2 Local Area Network

const NO_LAN = { item: "lan-connection", field: "available", values: ["no"] } as const;

const LAN: SectionDef = {
	id: "a2-lan",
	part: "A",
	code: "A2",
	title: L("Local area network (LAN) in an agency", "Локальная вычислительная сеть (ЛВС) ведомства"),
	intro: L(
		"The agency's servers, central equipment, backup and storage. Backup is the item most often rated too kindly: three questions make it honest — how often, where the copies are kept, and when a restore was last tested.",
		"Серверы ведомства, центральное оборудование, резервное копирование и хранение данных. Резервное копирование чаще всего оценивают слишком мягко; честной оценке помогают три вопроса: как часто, где хранятся копии и когда последний раз проверялось восстановление.",
	),
	learn: NETWORK_AND_BACKUP,
	levels: [
		L(
			"No backup at all: data live on individual PCs or servers only, and a failure loses them.",
			"Резервного копирования нет совсем: данные хранятся только на отдельных ПК или серверах и пропадают при сбое.",
		),
		L(
			"A server or backup exists but is a risk: out of support, copies kept beside the original, or never restored.",
			"Сервер или резервное копирование есть, но создают риск: без поддержки, копии лежат рядом с оригиналом или восстановление ни разу не проверялось.",
		),
		L(
			"Server and backup work, but the restore has not been tested recently, no copy is offline, or storage is filling up.",
			"Сервер и копирование работают, но восстановление давно не проверялось, нет копии вне сети или хранилище заполняется.",
		),
		L(
			"Server, power and backup are sound: copies run daily, one is kept elsewhere, and a restore was tested this year.",
			"Сервер, электропитание и копирование в порядке: копии делаются ежедневно, одна хранится в другом месте, восстановление проверялось в этом году.",
		),
		L(
			"As level 4, with a written “3-2-1” rule, monthly restore tests recorded in a log, and storage planned for growth.",
			"Как на уровне 4, а кроме того правило «3-2-1» записано, ежемесячные проверки восстановления фиксируются в журнале, рост хранилища запланирован.",
		),
	],
	items: [
		{
			id: "server",
			code: "A2 1.0",
			label: L("Server and its functions", "Сервер и его функции"),
			help: L(
				"Each server and what it does, its age, its operating system and support status, and where it physically stands. A server under a desk in an office that floods is a risk worth writing down.",
				"Каждый сервер и его назначение, срок службы, операционная система и статус её поддержки, где он физически стоит. Сервер под столом в кабинете, который может затопить, — риск, который стоит записать.",
			),
			columns: ["available", "usedFor", "licensed", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "hardware",
			details: [
				{
					kind: "choices",
					name: "functions",
					label: L("Functions", "Функции"),
					options: [
						option("files", "File storage", "Хранение файлов"),
						option("database", "Database of a source system", "База данных исходной системы"),
						option("email", "E-mail", "Электронная почта"),
						option("accounts", "User accounts (domain controller)", "Учётные записи (контроллер домена)"),
						option("other", "Other", "Другое"),
					],
				},
				choice("serverSupport", L("Server operating system", "Операционная система сервера"), SUPPORT_STATUS),
				choice("place", L("Where it stands", "Где стоит"), [
					option("room", "A locked server room", "В запираемой серверной"),
					option("office", "An ordinary office", "В обычном кабинете"),
					option(
						"outside",
						"An outside data centre the law allows",
						"Во внешнем центре обработки данных, разрешённом законом",
					),
				]),
			],
			skipWhen: NO_LAN,
			priority: "risk",
			recommendation: L(
				"Keep the agency's data on a server that is supported, protected and kept in a locked room, or at an outside service the law allows.",
				"Храните данные ведомства на поддерживаемом защищённом сервере в запираемом помещении или во внешнем сервисе, разрешённом законом.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "server-out-of-support",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "serverSupport", "out"),
					condition: L(
						"The server's operating system is out of support",
						"Операционная система сервера снята с поддержки",
					),
					recommendation: L(
						"Move the server to a supported system: it holds every record the agency keeps.",
						"Переведите сервер на поддерживаемую систему: на нём хранятся все записи ведомства.",
					),
				},
				{
					id: "server-in-office",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "place", "office"),
					condition: L("The server stands in an ordinary office", "Сервер стоит в обычном кабинете"),
					recommendation: L(
						"Move the server to a locked room with power protection, away from water.",
						"Перенесите сервер в запираемое помещение с защитой электропитания, подальше от воды.",
					),
				},
			],
		},
		{
			id: "central",
			code: "A2 2.0",
			label: L("Central hardware/software", "Центральное оборудование и ПО"),
			help: L(
				"Network switches, the firewall at the internet connection, uninterruptible power supplies, central antivirus, the system that manages user accounts. Power is often the weak point.",
				"Сетевые коммутаторы, межсетевой экран на входе в интернет, источники бесперебойного питания, централизованный антивирус, система управления учётными записями. Слабым местом часто оказывается электропитание.",
			),
			columns: ["available", "licensed", "purchasedBy", "plannedUpgrades", "compatible"],
			licence: "hardware",
			details: [
				choice("firewall", L("A firewall at the internet connection", "Межсетевой экран на входе в интернет"), YES_NO),
				choice("ups", L("Uninterruptible power supply for the server", "Источник бесперебойного питания для сервера"), [
					option("tested", "Yes, tested", "Есть, проверен"),
					option("untested", "Yes, never tested", "Есть, не проверялся"),
					option("no", "No", "Нет"),
				]),
			],
			skipWhen: NO_LAN,
			priority: "risk",
			recommendation: L(
				"Protect the network with a firewall at the internet connection and the server with a tested uninterruptible power supply.",
				"Защитите сеть межсетевым экраном на входе в интернет, а сервер — проверенным источником бесперебойного питания.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "no-firewall",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "firewall", "no"),
					condition: L("No firewall at the internet connection", "Нет межсетевого экрана на входе в интернет"),
					recommendation: L(
						"Put a firewall between the agency's network and the internet.",
						"Установите межсетевой экран между сетью ведомства и интернетом.",
					),
				},
				{
					id: "no-ups",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "ups", "no", "untested"),
					condition: L("No tested uninterruptible power supply", "Нет проверенного источника бесперебойного питания"),
					recommendation: L(
						"Put the server and network on an uninterruptible power supply and test it: a server without one can lose data in a power cut.",
						"Подключите сервер и сеть к источнику бесперебойного питания и проверьте его: без него сервер может потерять данные при отключении электричества.",
					),
				},
			],
		},
		{
			id: "backup",
			code: "A2 3.0",
			label: L(
				"Backup (now: how often, where kept, last restore test)",
				"Резервное копирование (сейчас: как часто, где хранится, последняя проверка восстановления)",
			),
			help: L(
				"Daily for data that change daily; at least after each reporting cycle for DSM working files. At least one copy elsewhere, one offline. A backup that has never been restored is a hope, not a backup.",
				"Ежедневно для данных, которые меняются ежедневно; для рабочих файлов МОД — как минимум после каждого отчётного цикла. Хотя бы одна копия в другом месте и одна вне сети. Резервная копия, из которой ни разу не восстанавливали данные, — надежда, а не копия.",
			),
			columns: ["available", "plannedUpgrades", "compatible"],
			details: [
				choice("frequency", L("How often", "Как часто"), [
					option("daily", "Daily", "Ежедневно"),
					option("weekly", "Weekly", "Еженедельно"),
					option("cycle", "After each reporting cycle", "После каждого отчётного цикла"),
					option("irregular", "Irregularly", "Нерегулярно"),
				]),
				choice("place", L("Where the copies are kept", "Где хранятся копии"), [
					option("same", "On the same server or in the same room", "На том же сервере или в том же помещении"),
					option("elsewhere", "In another building", "В другом здании"),
					option("outside", "At an outside service the law allows", "Во внешнем сервисе, разрешённом законом"),
				]),
				choice(
					"offline",
					L("One copy offline or protected from change", "Одна копия вне сети или защищена от изменения"),
					YES_NO,
				),
				choice("restoreTest", L("Last restore test", "Последняя проверка восстановления"), [
					option("month", "Within the last month", "В течение последнего месяца"),
					option("year", "Within the last year", "В течение последнего года"),
					option("older", "More than a year ago", "Более года назад"),
					option("never", "Never, or not known", "Никогда, или неизвестно"),
				]),
			],
			absence: "essential",
			priority: "risk",
			recommendation: L(
				"Back up daily what changes daily, keep one copy in another building and one offline, and test a restore every month, recording the date in a log.",
				"Ежедневно копируйте то, что меняется ежедневно, храните одну копию в другом здании и одну вне сети и ежемесячно проверяйте восстановление, записывая дату в журнал.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "never-restored",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "restoreTest", "never"),
					condition: L(
						"A restore has never been tested, or nobody knows when",
						"Восстановление ни разу не проверялось, или никто не знает когда",
					),
					recommendation: L(
						"Restore a file or a database from the backup, check that it opens, record the date and repeat monthly.",
						"Восстановите файл или базу данных из резервной копии, убедитесь, что она открывается, запишите дату и повторяйте ежемесячно.",
					),
				},
				{
					id: "copies-beside-original",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "place", "same"),
					condition: L("All copies are kept beside the original", "Все копии хранятся рядом с оригиналом"),
					recommendation: L(
						"Keep at least one copy in another building or at an outside service the law allows: a copy in the same room is lost with the original in a fire, a theft or an attack.",
						"Храните хотя бы одну копию в другом здании или во внешнем сервисе, разрешённом законом: копия в том же помещении погибнет вместе с оригиналом при пожаре, краже или атаке.",
					),
				},
				{
					id: "irregular-backup",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "frequency", "irregular"),
					condition: L("Backups are not made regularly", "Резервные копии делаются нерегулярно"),
					recommendation: L(
						"Make backups on a schedule: daily for registers, after each reporting cycle for DSM working files.",
						"Делайте копии по расписанию: ежедневно для регистров, после каждого отчётного цикла для рабочих файлов МОД.",
					),
				},
				{
					id: "restore-old",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "restoreTest", "older"),
					condition: L(
						"The last restore test was more than a year ago",
						"Последняя проверка восстановления была более года назад",
					),
					recommendation: L(
						"Test a restore now and then monthly, recorded in a log.",
						"Проверьте восстановление сейчас, а затем проверяйте ежемесячно с записью в журнал.",
					),
				},
				{
					id: "no-offline-copy",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "offline", "no"),
					condition: L("No copy is offline or protected from change", "Нет копии вне сети или защищённой от изменения"),
					recommendation: L(
						"Keep one copy offline or protected from change, so that an attack that encrypts files cannot reach it.",
						"Храните одну копию вне сети или защищённой от изменения, чтобы до неё не добралась атака, шифрующая файлы.",
					),
				},
			],
		},
		{
			id: "storage",
			code: "A2 4.0",
			label: L("Storage", "Хранение данных"),
			help: L(
				"The seed lists it twice; once is enough. Total capacity, how full it is, and how fast it fills: border-crossing records and scanned documents grow every year, the DSM tables hardly at all.",
				"В анкете этот пункт указан дважды; достаточно одного раза. Общая ёмкость, насколько заполнена и как быстро заполняется: записи о пересечении границы и сканы документов растут каждый год, таблицы МОД — почти нет.",
			),
			columns: ["available", "plannedUpgrades", "compatible"],
			details: [
				{
					kind: "measure",
					name: "capacityTb",
					label: L("Total capacity", "Общая ёмкость"),
					max: 100_000,
					unit: L("TB", "ТБ"),
				},
				{ kind: "measure", name: "usedPercent", label: L("How full", "Заполнено"), max: 100, unit: L("%", "%") },
			],
			priority: "fragile",
			recommendation: L(
				"Plan more storage before it fills, from how fast it grew last year.",
				"Планируйте увеличение хранилища до его заполнения, исходя из того, как быстро оно росло в прошлом году.",
			),
			learn: NETWORK_AND_BACKUP,
			caps: [
				{
					id: "storage-full",
					level: 2,
					priority: "fragile",
					when: (a) => atLeast(a, "usedPercent", 90),
					condition: L("Storage is 90% full or more", "Хранилище заполнено на 90% и более"),
					recommendation: L(
						"Add storage now: a full disk stops the registers and the backups.",
						"Увеличьте хранилище сейчас: переполненный диск останавливает и регистры, и резервное копирование.",
					),
				},
				{
					id: "storage-filling",
					level: 3,
					priority: "fragile",
					when: (a) => atLeast(a, "usedPercent", 75),
					condition: L("Storage is 75% full or more", "Хранилище заполнено на 75% и более"),
					recommendation: L("Plan more storage within the year.", "Запланируйте увеличение хранилища в течение года."),
				},
			],
		},
	],
};

// ---------------------------------------------------------------------------------------------
// Part A, A3 (not in the seed, needed today)

const SECURITY_SECTION: SectionDef = {
	id: "a3-security",
	part: "A",
	code: "A3",
	title: L("Accounts, data protection and secure exchange", "Учётные записи, защита данных и безопасный обмен"),
	intro: L(
		"Not in the 2005 form, but what matters most today: the most common ways data are lost or exposed are a shared password, a laptop left in a taxi, a spreadsheet with passport numbers sent to the wrong address. Most of the measures here cost little.",
		"Этого не было в анкете 2005 года, но сегодня это важнее всего: чаще всего данные теряются или раскрываются из-за общего пароля, ноутбука, забытого в такси, таблицы с номерами паспортов, отправленной не по адресу. Большинство мер здесь почти ничего не стоят.",
	),
	learn: SECURITY,
	levels: [
		L(
			"Personal data are not protected: shared passwords, no encryption, and no safe way for files to leave the agency.",
			"Персональные данные не защищены: общие пароли, никакого шифрования и никакого безопасного способа передать файлы за пределы ведомства.",
		),
		L(
			"Some protection, with serious holes: shared accounts, unencrypted laptops or backups, or files with personal data sent unencrypted.",
			"Защита есть, но с серьёзными пробелами: общие учётные записи, незашифрованные ноутбуки или копии, файлы с персональными данными уходят без шифрования.",
		),
		L(
			"Individual accounts and encryption are in place, but multi-factor sign-in is missing, leavers' accounts stay open, or extracts carry more fields than the table needs.",
			"Личные учётные записи и шифрование есть, но нет многофакторного входа, учётные записи уволившихся остаются открытыми или выгрузки содержат больше полей, чем нужно для таблицы.",
		),
		L(
			"One person, one account; multi-factor sign-in where it exists; encrypted laptops and backups; only the fields the table needs leave the agency, by a secure channel.",
			"Один человек — одна учётная запись; многофакторный вход везде, где он возможен; зашифрованные ноутбуки и копии; за пределы ведомства уходят только нужные для таблицы поля и только по защищённому каналу.",
		),
		L(
			"As level 4, with access reviewed regularly, every transfer logged, and the arrangements written into the data-exchange agreements.",
			"Как на уровне 4, а кроме того доступ регулярно пересматривается, каждая передача фиксируется, а договорённости включены в соглашения об обмене данными.",
		),
	],
	items: [
		{
			id: "accounts",
			code: "A3",
			label: L(
				"Accounts and passwords: multi-factor sign-in, shared accounts",
				"Учётные записи и пароли: многофакторный вход, общие учётные записи",
			),
			help: L(
				"Whether shared accounts (“stat”, “border1”, “operator”) exist, whether multi-factor sign-in is required where it is available, and how long it takes to close the account of a colleague who leaves.",
				"Есть ли общие учётные записи («stat», «border1», «operator»), требуется ли многофакторный вход там, где он доступен, и сколько времени занимает закрытие учётной записи уволившегося сотрудника.",
			),
			columns: ["plannedUpgrades", "compatible"],
			details: [
				choice("shared", L("Shared accounts", "Общие учётные записи"), [
					option("none", "None", "Нет"),
					option("some", "Some", "Есть некоторые"),
					option("many", "Many", "Много"),
				]),
				choice("mfa", L("Multi-factor sign-in", "Многофакторный вход"), [
					option("all", "On every system that has it", "На всех системах, где он есть"),
					option("some", "On some systems", "На некоторых системах"),
					option("none", "Nowhere", "Нигде"),
				]),
				count(
					"leaverDays",
					L("Days to close a leaver's account", "Дней на закрытие учётной записи уволившегося"),
					10_000,
				),
			],
			priority: "risk",
			recommendation: L(
				"One person, one account: give everyone an account of their own, switch on multi-factor sign-in wherever it exists, and close leavers' accounts on their last day.",
				"Один человек — одна учётная запись: дайте каждому собственную учётную запись, включите многофакторный вход везде, где он есть, и закрывайте учётные записи уволившихся в их последний рабочий день.",
			),
			learn: SECURITY,
			caps: [
				{
					id: "shared-accounts",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "shared", "some", "many"),
					condition: L("Shared accounts exist", "Есть общие учётные записи"),
					recommendation: L(
						"Give every person an account of their own and close the shared ones: with a shared account nobody knows who changed a record, and it stays open when people leave.",
						"Дайте каждому собственную учётную запись и закройте общие: при общей учётной записи никто не знает, кто изменил запись, и она остаётся открытой после ухода сотрудников.",
					),
				},
				{
					id: "no-mfa",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "mfa", "none"),
					condition: L("No multi-factor sign-in", "Нет многофакторного входа"),
					recommendation: L(
						"Switch on multi-factor sign-in for e-mail, remote access, the source systems and the DSM portal for everyone who handles personal data.",
						"Включите многофакторный вход для электронной почты, удалённого доступа, исходных систем и портала МОД для всех, кто работает с персональными данными.",
					),
				},
				{
					id: "leavers-open",
					level: 3,
					priority: "risk",
					when: (a) => above(a, "leaverDays", 30),
					condition: L(
						"Leavers' accounts stay open more than 30 days",
						"Учётные записи уволившихся остаются открытыми более 30 дней",
					),
					recommendation: L(
						"Close a leaver's accounts on their last day, with a checklist shared by HR and IT.",
						"Закрывайте учётные записи в последний рабочий день сотрудника по общему для кадровой службы и ИТ контрольному списку.",
					),
				},
				{
					id: "mfa-partial",
					level: 4,
					priority: "risk",
					when: (a) => is(a, "mfa", "some"),
					condition: L("Multi-factor sign-in on some systems only", "Многофакторный вход только на некоторых системах"),
					recommendation: L(
						"Extend multi-factor sign-in to every system that offers it.",
						"Распространите многофакторный вход на все системы, где он доступен.",
					),
				},
			],
		},
		{
			id: "protection",
			code: "A3",
			label: L(
				"Data protection: who may see personal data, encryption of laptops and backups",
				"Защита данных: кто может видеть персональные данные, шифрование ноутбуков и резервных копий",
			),
			help: L(
				"Migration records are personal data. Access should follow the task; an extract for statistics should hold only the fields the table needs; a laptop or external disk with personal data should be encrypted, so that a lost device does not mean lost data.",
				"Миграционные записи — это персональные данные. Доступ должен соответствовать задаче; выгрузка для статистики должна содержать только нужные для таблицы поля; ноутбук или внешний диск с персональными данными должен быть зашифрован, чтобы потеря устройства не означала утечку данных.",
			),
			columns: ["plannedUpgrades", "compatible"],
			details: [
				choice("access", L("Who may see personal data", "Кто может видеть персональные данные"), [
					option(
						"task",
						"By task: each group sees what its work needs",
						"По задачам: каждая группа видит то, что нужно для её работы",
					),
					option("partly", "Partly by task", "Частично по задачам"),
					option("all", "Everyone sees everything", "Все видят всё"),
				]),
				choice(
					"minimised",
					L(
						"Extracts for statistics hold only the fields the table needs",
						"Выгрузки для статистики содержат только нужные для таблицы поля",
					),
					YES_PARTLY_NO,
				),
				choice(
					"encryption",
					L("Laptops, external disks and backups encrypted", "Ноутбуки, внешние диски и резервные копии зашифрованы"),
					[option("all", "All", "Все"), option("some", "Some", "Некоторые"), option("none", "None", "Нет")],
				),
			],
			priority: "risk",
			recommendation: L(
				"Give access by task, cut extracts to the fields the table needs, and encrypt every laptop, disk and backup that holds personal data.",
				"Предоставляйте доступ по задачам, сокращайте выгрузки до нужных для таблицы полей и шифруйте каждый ноутбук, диск и резервную копию с персональными данными.",
			),
			learn: SECURITY,
			caps: [
				{
					id: "no-encryption",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "encryption", "none"),
					condition: L("Laptops and backups are not encrypted", "Ноутбуки и резервные копии не зашифрованы"),
					recommendation: L(
						"Switch on the disk encryption that modern systems include on every laptop and external disk with personal data, and encrypt backups that leave the server room.",
						"Включите встроенное в современные системы шифрование дисков на каждом ноутбуке и внешнем диске с персональными данными и шифруйте копии, покидающие серверную.",
					),
				},
				{
					id: "everyone-sees-all",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "access", "all"),
					condition: L("Everyone may see all personal data", "Все могут видеть все персональные данные"),
					recommendation: L(
						"Give access by task: the officer who aggregates needs the extract, and the person who checks the final tables does not need names at all.",
						"Предоставляйте доступ по задачам: тому, кто сводит данные, нужна выгрузка, а тому, кто проверяет итоговые таблицы, имена не нужны вовсе.",
					),
				},
				{
					id: "some-encryption",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "encryption", "some"),
					condition: L("Only some laptops and backups are encrypted", "Зашифрованы лишь некоторые ноутбуки и копии"),
					recommendation: L(
						"Encrypt the rest: one unencrypted laptop is enough to lose a register.",
						"Зашифруйте остальные: одного незашифрованного ноутбука достаточно, чтобы потерять регистр.",
					),
				},
				{
					id: "extracts-too-wide",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "minimised", "no", "partly"),
					condition: L(
						"Extracts carry more fields than the table needs",
						"Выгрузки содержат больше полей, чем нужно для таблицы",
					),
					recommendation: L(
						"Cut the extract to the fields the table needs (for indicator 3: date of entry, citizenship, sex, age) and link records through a pseudonymous key instead of the passport number.",
						"Сократите выгрузку до нужных для таблицы полей (для показателя 3: дата въезда, гражданство, пол, возраст) и связывайте записи через псевдонимный ключ вместо номера паспорта.",
					),
				},
			],
		},
		{
			id: "exchange",
			code: "A3",
			label: L(
				"Secure exchange: how files with personal or statistical data leave the agency (e-mail, portal, SFTP)",
				"Безопасный обмен: как файлы с персональными или статистическими данными покидают ведомство (электронная почта, портал, SFTP)",
			),
			help: L(
				"Each channel files leave by. For DSM submissions only aggregated tables are sent; the risks are in the national flows before them, such as the extract the border service sends to the migration service.",
				"Все каналы, по которым уходят файлы. В МОД отправляются только агрегированные таблицы; риски — в национальных потоках до этого, например в выгрузке, которую пограничная служба отправляет миграционной.",
			),
			columns: ["plannedUpgrades", "compatible"],
			details: [
				{
					kind: "choices",
					name: "channels",
					label: L("Channels in use", "Используемые каналы"),
					options: [
						option("email", "E-mail attachment", "Вложение в электронное письмо"),
						option(
							"encrypted",
							"Encrypted archive, password by another channel",
							"Зашифрованный архив, пароль по другому каналу",
						),
						option("usb", "Memory stick or disk carried by hand", "Флешка или диск, передаваемые из рук в руки"),
						option("shared-drive", "Shared network drive", "Общий сетевой диск"),
						option("portal", "Web portal (HTTPS)", "Веб-портал (HTTPS)"),
						option("sftp", "SFTP or system-to-system", "SFTP или обмен между системами"),
						option("none", "No channel in use", "Ни один канал не используется"),
					],
				},
				choice(
					"unencrypted",
					L("Files with personal data leave unencrypted", "Файлы с персональными данными уходят незашифрованными"),
					[
						option("never", "Never", "Никогда"),
						option("sometimes", "Sometimes", "Иногда"),
						option("unknown", "Not known", "Неизвестно"),
					],
				),
			],
			priority: "risk",
			recommendation: L(
				"Agree for each flow what leaves, to whom and by which channel; send personal data only encrypted, and to the DSM only aggregated tables.",
				"Для каждого потока договоритесь, что, кому и по какому каналу уходит; персональные данные отправляйте только в зашифрованном виде, а в МОД — только агрегированные таблицы.",
			),
			learn: SECURITY,
			caps: [
				{
					id: "no-channel",
					level: 1,
					priority: "blocking",
					when: (a) => includes(a, "channels", "none"),
					condition: L("No working channel to send the tables", "Нет рабочего канала для отправки таблиц"),
					recommendation: L(
						"Agree a channel with the coordinating institution: the DSM portal, or the agreed file format sent by e-mail, is enough for aggregated tables.",
						"Согласуйте канал с координирующим учреждением: для агрегированных таблиц достаточно портала МОД или согласованного формата файла, отправленного по электронной почте.",
					),
					learn: SAFE_CHANNELS,
				},
				{
					id: "personal-data-in-clear",
					level: 2,
					priority: "risk",
					when: (a) => is(a, "unencrypted", "sometimes"),
					condition: L(
						"Files with personal data leave unencrypted",
						"Файлы с персональными данными уходят незашифрованными",
					),
					recommendation: L(
						"Put files with personal data in an encrypted archive and pass the password by another channel (a telephone call), or use SFTP; better still, send only the fields the table needs.",
						"Помещайте файлы с персональными данными в зашифрованный архив и передавайте пароль по другому каналу (по телефону) или используйте SFTP; а лучше отправляйте только нужные для таблицы поля.",
					),
				},
				{
					id: "clear-unknown",
					level: 3,
					priority: "risk",
					when: (a) => is(a, "unencrypted", "unknown"),
					condition: L(
						"Nobody knows whether files with personal data leave unencrypted",
						"Никто не знает, уходят ли файлы с персональными данными незашифрованными",
					),
					recommendation: L(
						"List every flow that leaves the agency — to whom, what, how often, by which channel — and check each.",
						"Составьте перечень всех потоков, покидающих ведомство (кому, что, как часто, по какому каналу), и проверьте каждый.",
					),
				},
				{
					id: "memory-sticks",
					level: 3,
					priority: "risk",
					when: (a) => includes(a, "channels", "usb"),
					condition: L("Data are carried on memory sticks or disks", "Данные переносятся на флешках или дисках"),
					recommendation: L(
						"Use encrypted memory sticks, log each transfer and erase them after use.",
						"Используйте зашифрованные флешки, фиксируйте каждую передачу и стирайте данные после использования.",
					),
				},
			],
		},
	],
};

// ---------------------------------------------------------------------------------------------
// Part B, the inter-agency network: one row per partner agency

/** Part B's rows for partner agencies; the wizard shows the ones in use and one empty. */
export const PARTNER_SLOTS = 5;

function partner(slot: number): ItemDef {
	return {
		id: `partner-${slot}`,
		code: "B",
		label: L(`Partner agency ${slot}`, `Ведомство-партнёр ${slot}`),
		help: L(
			"An agency with which yours exchanges migration data, inside the country or towards the DSM (through the national coordinating institution). Leave the name empty for a row you do not need.",
			"Ведомство, с которым ваше обменивается миграционными данными внутри страны или для МОД (через национальное координирующее учреждение). Оставьте название пустым, если строка не нужна.",
		),
		columns: ["compatible"],
		details: [
			text("partner", L("Partner agency", "Ведомство-партнёр"), 200),
			text(
				"exchanged",
				L("What is exchanged", "Чем обмениваются"),
				300,
				L("E.g. border entries of foreigners for indicator 3.", "Например: въезды иностранцев для показателя 3."),
			),
			choice("channel", L("Channel", "Канал"), [
				option("paper", "Paper", "Бумага"),
				option("email", "E-mail", "Электронная почта"),
				option("shared-drive", "Shared drive", "Общий диск"),
				option("portal", "Web portal", "Веб-портал"),
				option("system", "System-to-system", "Обмен между системами"),
			]),
			choice("frequency", L("Frequency", "Периодичность"), [
				option("monthly", "Monthly", "Ежемесячно"),
				option("quarterly", "Quarterly", "Ежеквартально"),
				option("yearly", "Yearly", "Ежегодно"),
				option("on-request", "On request", "По запросу"),
			]),
			{
				kind: "choices",
				name: "formats",
				label: L("Formats", "Форматы"),
				options: [
					option("paper", "Paper", "Бумага"),
					option("excel", "Excel", "Excel"),
					option("csv", "CSV", "CSV"),
					option("sdmx", "SDMX", "SDMX"),
				],
			},
			choice("agreement", L("Agreement in place", "Действующее соглашение"), [
				option("decree", "A government decree", "Постановление правительства"),
				option("order", "A joint order", "Совместный приказ"),
				option("memorandum", "A memorandum", "Меморандум"),
				option("none", "Nothing written", "Ничего не оформлено"),
			]),
			choice("focalPoint", L("Focal point named", "Назначено контактное лицо"), [
				option("deputy", "A person and a deputy", "Лицо и его заместитель"),
				option("person", "A person, no deputy", "Лицо без заместителя"),
				option("none", "Nobody named", "Никто не назначен"),
			]),
			text(
				"problems",
				L("Problems met", "Возникающие проблемы"),
				500,
				L(
					"Late files, changed formats, missing breakdowns…",
					"Файлы с опозданием, изменённые форматы, нет нужных разбивок…",
				),
			),
		],
		...(slot > 1 ? { unusedWhenBlank: "partner" } : {}),
		rowName: "partner",
		required: ["partner", "compatible"],
		priority: "blocking",
		recommendation: L(
			"Agree this exchange in writing — what, when, in which format and by which channel — and name a focal point with a deputy on each side.",
			"Оформите этот обмен письменно (что, когда, в каком формате и по какому каналу) и назначьте с каждой стороны контактное лицо с заместителем.",
		),
		learn: AGREEMENTS,
		caps: [
			{
				id: "no-agreement",
				level: 2,
				priority: "blocking",
				when: (a) => is(a, "agreement", "none"),
				condition: L("Nothing written agrees the exchange", "Обмен не оформлен никаким документом"),
				recommendation: L(
					"Write down what is exchanged, when, in which format and through which channel, in a memorandum or a joint order; the working group can adopt it.",
					"Запишите, чем, когда, в каком формате и по какому каналу обмениваются, в меморандуме или совместном приказе; его может принять рабочая группа.",
				),
			},
			{
				id: "no-focal-point",
				level: 2,
				priority: "blocking",
				when: (a) => is(a, "focalPoint", "none"),
				condition: L("Nobody is named to send or receive the data", "Никто не назначен отправлять или получать данные"),
				recommendation: L(
					"Name a focal point and a deputy for this exchange: an agreement is of little use if nobody is named to send the file.",
					"Назначьте для этого обмена контактное лицо и заместителя: от соглашения мало пользы, если никто не назначен отправлять файл.",
				),
				learn: FOCAL_POINTS,
			},
			{
				id: "paper-channel",
				level: 3,
				priority: "fragile",
				when: (a) => is(a, "channel", "paper"),
				condition: L("The data travel on paper", "Данные передаются на бумаге"),
				recommendation: L(
					"Move the exchange to a machine-readable file (CSV or the DSM template) sent through an agreed secure channel.",
					"Переведите обмен на машиночитаемый файл (CSV или шаблон МОД), отправляемый по согласованному защищённому каналу.",
				),
				learn: FORMATS,
			},
			{
				id: "no-deputy",
				level: 4,
				priority: "fragile",
				when: (a) => is(a, "focalPoint", "person"),
				condition: L("The focal point has no deputy", "У контактного лица нет заместителя"),
				recommendation: L(
					"Name a deputy, so that the exchange goes on during leave and after a move.",
					"Назначьте заместителя, чтобы обмен продолжался во время отпуска и после перевода сотрудника.",
				),
				learn: FOCAL_POINTS,
			},
			{
				id: "not-machine-readable",
				level: 4,
				priority: "fragile",
				when: (a) =>
					Array.isArray(value(a, "formats")) && !includes(a, "formats", "csv") && !includes(a, "formats", "sdmx"),
				condition: L("No machine-readable format (CSV or SDMX)", "Нет машиночитаемого формата (CSV или SDMX)"),
				recommendation: L(
					"Agree CSV or SDMX-CSV for this exchange: layouts in Excel change, structures in CSV do not.",
					"Согласуйте для этого обмена CSV или SDMX-CSV: макеты в Excel меняются, структура CSV — нет.",
				),
				learn: FORMATS,
			},
		] satisfies Cap[],
	};
}

const NETWORK: SectionDef = {
	id: "b-network",
	part: "B",
	code: "B",
	title: L("Inter-agency network", "Межведомственная сеть"),
	intro: L(
		"How the agency exchanges migration data with the other agencies of its country and with the DSM: one row per partner. A secure channel is of little use without an agreement that says what goes through it, and an agreement is of little use if nobody is named to send the file. Save the step to get a row for another partner.",
		"Как ведомство обменивается миграционными данными с другими ведомствами страны и с МОД: по одной строке на партнёра. От защищённого канала мало пользы без соглашения о том, что по нему передаётся, а от соглашения — если никто не назначен отправлять файл. Сохраните шаг, чтобы появилась строка для следующего партнёра.",
	),
	learn: TO_ACTION,
	levels: [
		L(
			"No regular exchange of migration data with partner agencies or the coordinating institution.",
			"Регулярного обмена миграционными данными с ведомствами-партнёрами или координирующим учреждением нет.",
		),
		L(
			"Data move between agencies without a written agreement or without a named focal point.",
			"Данные передаются между ведомствами без письменного соглашения или без назначенного контактного лица.",
		),
		L(
			"Exchanges happen regularly, but on paper, in layouts that change, or with recurring problems.",
			"Обмен идёт регулярно, но на бумаге, в меняющихся макетах или с повторяющимися проблемами.",
		),
		L(
			"Each exchange has a written agreement, a named focal point, and an agreed channel, frequency and format.",
			"У каждого обмена есть письменное соглашение, назначенное контактное лицо, согласованные канал, периодичность и формат.",
		),
		L(
			"As level 4, with deputies named, machine-readable formats (CSV or SDMX-CSV), and problems reviewed in the working group.",
			"Как на уровне 4, а кроме того назначены заместители, используются машиночитаемые форматы (CSV или SDMX-CSV), а проблемы разбираются в рабочей группе.",
		),
	],
	items: Array.from({ length: PARTNER_SLOTS }, (_, index) => partner(index + 1)),
};

export const INSTRUMENT: Instrument = {
	version: 1,
	parts: [
		{ id: "A", title: L("IT structures in a single agency", "ИТ-инфраструктура отдельного ведомства") },
		{ id: "B", title: L("Inter-agency network", "Межведомственная сеть") },
	],
	sections: [HARDWARE, SOFTWARE, INTERNET, ACCESSORIES, TRAINING_AND_SUPPORT, LAN, SECURITY_SECTION, NETWORK],
};

/** Every version of the instrument that assessments were answered on, by number. */
const INSTRUMENTS: ReadonlyMap<number, Instrument> = new Map([[INSTRUMENT.version, INSTRUMENT]]);

export function instrumentOf(version: number): Instrument {
	const instrument = INSTRUMENTS.get(version);
	if (!instrument) throw new Error(`No IT self-assessment instrument has version ${version}`);
	return instrument;
}

export function itemsOf(instrument: Instrument): ItemDef[] {
	return instrument.sections.flatMap((section) => section.items);
}

export function findItem(instrument: Instrument, id: string): ItemDef | undefined {
	return itemsOf(instrument).find((item) => item.id === id);
}
