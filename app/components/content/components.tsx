import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n";

/**
 * The components a lesson may use (docs/content-format.md), rendered to
 * static HTML on the server. They carry no behaviour, only structure and
 * the words around it in the reader's language.
 */

function Definition({ term, source, children }: { term: string; source?: string; children: ReactNode }) {
	const { t } = useTranslation();
	return (
		<aside className="box box--definition" aria-label={t("content.definition", { term })}>
			<p className="box__label">{t("content.definitionLabel")}</p>
			<dl>
				<dt>{term}</dt>
				<dd>{children}</dd>
			</dl>
			{source ? <p className="box__source">{t("content.source", { source })}</p> : null}
		</aside>
	);
}

function Example({ country, title, children }: { country?: string; title: string; children: ReactNode }) {
	const { t } = useTranslation();
	return (
		<aside className="box box--example" aria-label={title}>
			<p className="box__label">{country ? t("content.exampleFrom", { country }) : t("content.example")}</p>
			<p className="box__title">{title}</p>
			{children}
		</aside>
	);
}

function Note({ title, children }: { title?: string; children: ReactNode }) {
	const { t } = useTranslation();
	return (
		<aside className="box box--note" aria-label={title ?? t("content.note")}>
			<p className="box__label">{title ?? t("content.note")}</p>
			{children}
		</aside>
	);
}

function KeyPoints({ children }: { children: ReactNode }) {
	const { t } = useTranslation();
	return (
		<aside className="box box--key-points" aria-label={t("content.keyPoints")}>
			<p className="box__label">{t("content.keyPoints")}</p>
			{children}
		</aside>
	);
}

/** Where an exercise's `link` leads, once the capability exists. */
export const EXERCISE_TARGETS = { sandbox: null, assessment: "/assessment" } as Record<
	"sandbox" | "assessment",
	string | null
>;

function Exercise({ title, link, children }: { title: string; link?: "sandbox" | "assessment"; children: ReactNode }) {
	const { t } = useTranslation();
	const href = link ? EXERCISE_TARGETS[link] : null;
	return (
		<section className="box box--exercise" aria-label={t("content.exerciseNamed", { title })}>
			<p className="box__label">{t("content.exercise")}</p>
			<p className="box__title">{title}</p>
			{children}
			{link ? (
				<p className="box__action">
					{href ? (
						<a className="button" href={href}>
							{t(`content.open.${link}`)}
						</a>
					) : (
						t(`content.practise.${link}`)
					)}
				</p>
			) : null}
		</section>
	);
}

/** A code block scrolls sideways within the text; it takes the keyboard focus so that it can be scrolled without a mouse. */
function CodeBlock(props: { children?: ReactNode }) {
	return <pre tabIndex={0} {...props} />;
}

export function contentComponents(moduleSlug: string) {
	function Figure({ src, alt, caption }: { src: string; alt: string; caption?: string }) {
		return (
			<figure className="figure">
				<img src={`/content/${moduleSlug}/${src.replace(/^\.\//, "")}`} alt={alt} loading="lazy" />
				{caption ? <figcaption>{caption}</figcaption> : null}
			</figure>
		);
	}
	function Table(props: { children?: ReactNode }) {
		return (
			<div className="table-wrap">
				<table {...props} />
			</div>
		);
	}
	return { Definition, Example, Note, KeyPoints, Exercise, Figure, table: Table, pre: CodeBlock };
}
