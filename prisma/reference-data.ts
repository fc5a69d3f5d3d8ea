/** The participating states of the General Model (EECA) and the practice state of the sandbox. */
export const COUNTRIES = [
	{ code: "AM", nameEn: "Armenia", nameRu: "Армения" },
	{ code: "AZ", nameEn: "Azerbaijan", nameRu: "Азербайджан" },
	{ code: "BY", nameEn: "Belarus", nameRu: "Беларусь" },
	{ code: "GE", nameEn: "Georgia", nameRu: "Грузия" },
	{ code: "KZ", nameEn: "Kazakhstan", nameRu: "Казахстан" },
	{ code: "KG", nameEn: "Kyrgyzstan", nameRu: "Кыргызстан" },
	{ code: "MD", nameEn: "Moldova", nameRu: "Молдова" },
	{ code: "RU", nameEn: "Russian Federation", nameRu: "Российская Федерация" },
	{ code: "TJ", nameEn: "Tajikistan", nameRu: "Таджикистан" },
	{ code: "TM", nameEn: "Turkmenistan", nameRu: "Туркменистан" },
	{ code: "UA", nameEn: "Ukraine", nameRu: "Украина" },
	{ code: "UZ", nameEn: "Uzbekistan", nameRu: "Узбекистан" },
	{ code: "XA", nameEn: "Republic of Arcadia (practice)", nameRu: "Республика Аркадия (учебная)", isMember: false },
] as const;
