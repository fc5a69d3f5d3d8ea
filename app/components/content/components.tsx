import { Children, isValidElement, type ReactNode } from "react";
import type { Glossary } from "~/domain/content/glossary";
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

/** Where an exercise's `link` leads: the DSM sandbox and the IT self-assessment wizard. */
export const EXERCISE_TARGETS: Record<"sandbox" | "assessment", string> = { sandbox: "/sandbox", assessment: "/assessment" };

/** The page an exercise opens; a sandbox exercise's id is passed through to the sandbox's own page for it. */
export function exerciseHref(link: "sandbox" | "assessment", exercise?: string) {
	return link === "sandbox" && exercise ? `/sandbox/exercises/${encodeURIComponent(exercise)}` : EXERCISE_TARGETS[link];
}

function Exercise({
	title,
	link,
	exercise,
	children,
}: {
	title: string;
	link?: "sandbox" | "assessment";
	exercise?: string;
	children: ReactNode;
}) {
	const { t } = useTranslation();
	// The model answer comes last, after the button that opens the tool: it is read after trying.
	const parts = Children.toArray(children);
	const isAnswer = (part: (typeof parts)[number]) => isValidElement(part) && part.type === ModelAnswer;
	return (
		<section className="box box--exercise" aria-label={t("content.exerciseNamed", { title })}>
			<p className="box__label">{t("content.exercise")}</p>
			<p className="box__title">{title}</p>
			{parts.filter((part) => !isAnswer(part))}
			{link ? (
				<p className="box__action">
					<a className="button" href={exerciseHref(link, exercise)}>
						{t(`content.open.${link}`)}
					</a>
				</p>
			) : null}
			{parts.filter(isAnswer)}
		</section>
	);
}

/** A code block scrolls sideways within the text; it takes the keyboard focus so that it can be scrolled without a mouse. */
function CodeBlock(props: { children?: ReactNode }) {
	return <pre tabIndex={0} {...props} />;
}

/**
 * The model answer of an exercise, for a trainee working alone: closed until opened, so that
 * the exercise is tried first. A `<details>` element, so it opens without JavaScript.
 */
function ModelAnswer({ children }: { children: ReactNode }) {
	const { t } = useTranslation();
	return (
		<details className="model-answer">
			<summary>{t("content.modelAnswer")}</summary>
			<div className="model-answer__body">{children}</div>
		</details>
	);
}

/**
 * The components of a lesson, for a module (its figures) and a glossary (the definitions of
 * `<Term>`, in the language of the page).
 */
export function contentComponents(moduleSlug: string, glossary?: Glossary) {
	/** A glossary term: links to its entry, with its definition as the link's description (`title`). */
	function Term({ id, children }: { id: string; children: ReactNode }) {
		const { language } = useTranslation();
		const term = glossary?.byId.get(id);
		return (
			<a className="term" href={`/glossary#${encodeURIComponent(id)}`} title={term?.definition[language]}>
				{children}
			</a>
		);
	}
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
	return { Definition, Example, Note, KeyPoints, Exercise, ModelAnswer, Term, Figure, table: Table, pre: CodeBlock };
}
