import type { Language, NotificationEvent } from '@verity/contract';

/**
 * The words of e-mails and push notifications, in the recipient's language (English when the
 * user chose one we have no text in). Only the case reference, the event and the recipient's
 * own facts appear: never another right holder's.
 */
type TemplateLanguage = 'en' | 'fr' | 'es';
type Facts = { reference: string; [key: string]: unknown };

interface Words {
  events: Record<NotificationEvent, { subject: string; body: string }>;
  verdicts: Record<string, string>;
  statuses: Record<string, string>;
  open: string;
  footer: string;
}

const words: Record<TemplateLanguage, Words> = {
  en: {
    events: {
      'case.submitted': {
        subject: 'Case {reference}: your answer is requested',
        body: 'Customs hold goods of your brands in case {reference}. Please answer by {responseDeadline}.',
      },
      'case.answered': {
        subject: 'Case {reference}: a right holder answered',
        body: 'A right holder answered case {reference}: {verdict}.',
      },
      'case.status': { subject: 'Case {reference}: {to}', body: 'Customs decided on case {reference}: {to}.' },
      'case.message': { subject: 'Case {reference}: new message', body: 'There is a new message in case {reference}.' },
      'case.shared': {
        subject: 'Case {reference} was shared with your administration',
        body: 'Another administration invited yours to case {reference}.',
      },
      'case.deadline_changed': {
        subject: 'Case {reference}: the answer is now due by {responseDeadline}',
        body: 'Customs moved the answer deadline of case {reference} to {responseDeadline}.',
      },
      'case.deadline_soon': {
        subject: 'Case {reference}: answer due by {responseDeadline}',
        body: 'Your answer to case {reference} is due by {responseDeadline}.',
      },
      'case.overdue': {
        subject: 'Case {reference}: the answer deadline has passed',
        body: 'The answer deadline of case {reference} ({responseDeadline}) has passed without an answer.',
      },
    },
    verdicts: { genuine: 'genuine', counterfeit: 'counterfeit', needs_sample: 'needs a sample', not_ours: 'not ours' },
    statuses: {
      detained: 'goods detained',
      released: 'goods released',
      destroyed: 'goods destroyed',
      court: 'handed to court',
      closed: 'closed',
    },
    open: 'Open the case',
    footer: 'You receive this because of your notification settings in Verity.',
  },
  fr: {
    events: {
      'case.submitted': {
        subject: 'Dossier {reference} : votre réponse est demandée',
        body: 'La douane retient des marchandises de vos marques (dossier {reference}). Merci de répondre avant le {responseDeadline}.',
      },
      'case.answered': {
        subject: 'Dossier {reference} : un titulaire de droits a répondu',
        body: 'Un titulaire de droits a répondu au dossier {reference} : {verdict}.',
      },
      'case.status': {
        subject: 'Dossier {reference} : {to}',
        body: 'La douane a statué sur le dossier {reference} : {to}.',
      },
      'case.message': {
        subject: 'Dossier {reference} : nouveau message',
        body: 'Un nouveau message est arrivé dans le dossier {reference}.',
      },
      'case.shared': {
        subject: 'Le dossier {reference} a été partagé avec votre administration',
        body: 'Une autre administration a invité la vôtre au dossier {reference}.',
      },
      'case.deadline_changed': {
        subject: 'Dossier {reference} : réponse désormais attendue avant le {responseDeadline}',
        body: 'La douane a reporté le délai de réponse du dossier {reference} au {responseDeadline}.',
      },
      'case.deadline_soon': {
        subject: 'Dossier {reference} : réponse attendue avant le {responseDeadline}',
        body: 'Votre réponse au dossier {reference} est attendue avant le {responseDeadline}.',
      },
      'case.overdue': {
        subject: 'Dossier {reference} : le délai de réponse est dépassé',
        body: 'Le délai de réponse du dossier {reference} ({responseDeadline}) est passé sans réponse.',
      },
    },
    verdicts: {
      genuine: 'authentique',
      counterfeit: 'contrefaçon',
      needs_sample: 'échantillon demandé',
      not_ours: 'pas de nos marques',
    },
    statuses: {
      detained: 'marchandises retenues',
      released: 'marchandises libérées',
      destroyed: 'marchandises détruites',
      court: 'transmis à la justice',
      closed: 'clos',
    },
    open: 'Ouvrir le dossier',
    footer: 'Vous recevez ce message selon vos préférences de notification dans Verity.',
  },
  es: {
    events: {
      'case.submitted': {
        subject: 'Expediente {reference}: se solicita su respuesta',
        body: 'La aduana retiene mercancías de sus marcas (expediente {reference}). Responda antes del {responseDeadline}.',
      },
      'case.answered': {
        subject: 'Expediente {reference}: un titular de derechos ha respondido',
        body: 'Un titular de derechos ha respondido al expediente {reference}: {verdict}.',
      },
      'case.status': {
        subject: 'Expediente {reference}: {to}',
        body: 'La aduana ha decidido sobre el expediente {reference}: {to}.',
      },
      'case.message': {
        subject: 'Expediente {reference}: nuevo mensaje',
        body: 'Hay un nuevo mensaje en el expediente {reference}.',
      },
      'case.shared': {
        subject: 'El expediente {reference} se ha compartido con su administración',
        body: 'Otra administración ha invitado a la suya al expediente {reference}.',
      },
      'case.deadline_changed': {
        subject: 'Expediente {reference}: la respuesta se espera ahora antes del {responseDeadline}',
        body: 'La aduana ha cambiado el plazo de respuesta del expediente {reference} al {responseDeadline}.',
      },
      'case.deadline_soon': {
        subject: 'Expediente {reference}: respuesta antes del {responseDeadline}',
        body: 'Su respuesta al expediente {reference} debe llegar antes del {responseDeadline}.',
      },
      'case.overdue': {
        subject: 'Expediente {reference}: el plazo de respuesta ha vencido',
        body: 'El plazo de respuesta del expediente {reference} ({responseDeadline}) ha vencido sin respuesta.',
      },
    },
    verdicts: {
      genuine: 'auténtico',
      counterfeit: 'falsificación',
      needs_sample: 'se necesita una muestra',
      not_ours: 'no es nuestro',
    },
    statuses: {
      detained: 'mercancías retenidas',
      released: 'mercancías liberadas',
      destroyed: 'mercancías destruidas',
      court: 'remitido a los tribunales',
      closed: 'cerrado',
    },
    open: 'Abrir el expediente',
    footer: 'Recibe este mensaje según sus preferencias de notificación en Verity.',
  },
};

const languageOf = (locale: Language | null | undefined): TemplateLanguage =>
  locale === 'fr' || locale === 'es' ? locale : 'en';

function fill(template: string, facts: Facts, w: Words, lang: TemplateLanguage): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = facts[key];
    // A day (`2026-12-07`) as the reader's language writes it.
    if (key === 'responseDeadline' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${value}T00:00:00Z`),
      );
    if (key === 'verdict' && typeof value === 'string') return w.verdicts[value] ?? value;
    if (key === 'to' && typeof value === 'string') return w.statuses[value] ?? value;
    return value === undefined || value === null ? '' : String(value);
  });
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** The short form, for push. */
  body: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Subject and body of one notification in the recipient's language, with a link to the case. */
export function renderMessage(
  event: NotificationEvent,
  facts: Facts,
  locale: Language | null | undefined,
  link: string,
): RenderedMessage {
  const lang = languageOf(locale);
  const w = words[lang];
  const template = w.events[event];
  const subject = fill(template.subject, facts, w, lang);
  const body = fill(template.body, facts, w, lang);
  const text = `${body}\n\n${w.open}: ${link}\n\n-- \n${w.footer}\n`;
  const html =
    `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(w.open)}</a></p>` +
    `<p style="color:#666;font-size:small">${escapeHtml(w.footer)}</p>`;
  return { subject, text, html, body };
}
