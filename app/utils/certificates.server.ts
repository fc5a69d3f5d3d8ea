import { prisma } from "./db.server";
import { INTL_LOCALES, type Language } from "./i18n";
import type { Translate } from "./i18n";
import { createPdf, pdfBytes } from "./pdf.server";

export async function findCertificate(code: string | undefined) {
	if (!code) return null;
	return prisma.certificate.findUnique({
		where: { code: code.toUpperCase() },
		select: {
			code: true,
			userId: true,
			trackSlug: true,
			recipientName: true,
			trackTitleEn: true,
			trackTitleRu: true,
			issuedAt: true,
			revokedAt: true,
		},
	});
}

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

export function certificateTitle(certificate: CertificateRow, language: Language) {
	return language === "ru" ? certificate.trackTitleRu : certificate.trackTitleEn;
}

/** The certificate as an A4 landscape PDF. */
export async function certificatePdf(certificate: CertificateRow, language: Language, t: Translate, verifyUrl: string) {
	const doc = await createPdf({ layout: "landscape", margin: 56, info: { Title: `DSM Academy ${certificate.code}` } });
	const width = doc.page.width - 112;
	const date = new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: "long" }).format(certificate.issuedAt);

	doc
		.rect(28, 28, doc.page.width - 56, doc.page.height - 56)
		.lineWidth(3)
		.stroke("#1d4f6e");
	doc.moveDown(2);
	doc.font("bold").fontSize(30).fillColor("#1d4f6e").text("DSM Academy", { align: "center", width });
	doc.moveDown(0.5);
	doc.font("regular").fontSize(16).fillColor("#1c2430").text(t("certificate.heading"), { align: "center", width });
	doc.moveDown(1.5);
	doc.fontSize(14).text(t("certificate.certifiesThat"), { align: "center", width });
	doc.moveDown(0.5);
	doc.font("bold").fontSize(28).text(certificate.recipientName, { align: "center", width });
	doc.moveDown(0.5);
	doc.font("regular").fontSize(14).text(t("certificate.hasCompleted"), { align: "center", width });
	doc.moveDown(0.5);
	doc.font("bold").fontSize(20).text(certificateTitle(certificate, language), { align: "center", width });
	doc.moveDown(1.5);
	doc.font("regular").fontSize(12).text(t("certificate.issuedOn", { date }), { align: "center", width });
	doc.moveDown(0.3);
	doc.text(t("certificate.code", { code: certificate.code }), { align: "center", width });
	doc.moveDown(0.3);
	doc
		.fillColor("#1d4f6e")
		.text(t("certificate.verifyAt", { url: verifyUrl }), { align: "center", width, link: verifyUrl });
	return pdfBytes(doc);
}
