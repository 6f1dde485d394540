import { useState } from 'react';
import { contactsStrings } from './strings/contacts';
import { contactIdOf, type Contact } from '../domain/contact';
import type { ChangeSet } from '../domain/changes';
import type { Municipality } from '../domain/promiseDocument';
import { seenRecords } from '../domain/sync/staleBase';
import { ContactForm } from './editing/ContactForm';
import type { TreeEditing } from './editing/TreeForms';
import { useI18n } from './i18n';

interface Props {
  municipalities: readonly Municipality[];
  contacts: readonly Contact[];
  editing?: TreeEditing;
}

/** Whom citizens contact, per municipality of the promises shown; planners fill it in for the public site. */
export function ContactsSection({ municipalities, contacts, editing }: Props) {
  const { language } = useI18n();
  const s = contactsStrings(language);
  const [open, setOpen] = useState<string | null>(null);
  const byCode = new Map(contacts.map((c) => [c.municipality.code, c]));
  const save = async (contact: Contact, base: Contact | undefined) => {
    if (!editing) return false;
    const change: ChangeSet = { label: s.formTitle(contact.municipality.name), put: { contacts: [contact] }, delete: {} };
    const saved = await editing.save(change, seenRecords('contacts', { [contact.id]: base ?? null }), s.saved(contact.municipality.name));
    if (saved) setOpen(null);
    return saved;
  };
  return (
    <details className="tree-contacts">
      <summary>{s.heading}</summary>
      <ul>
        {municipalities.map((m) => {
          const contact = byCode.get(m.code);
          return (
            <li key={m.code} aria-label={s.label(m.name)}>
              <strong>{m.name}</strong>:{' '}
              {contact ? (
                <span>
                  {[contact.organisation, contact.email, contact.phone, contact.web, contact.note].filter(Boolean).join(' · ')}
                </span>
              ) : (
                <span className="muted">{s.none}</span>
              )}{' '}
              {editing?.mayEdit(m.code) &&
                (open === contactIdOf(m.code) ? (
                  <ContactForm municipality={m} initial={contact} onSave={(c) => save(c, contact)} onCancel={() => setOpen(null)} />
                ) : (
                  <button type="button" className="link-button" onClick={() => setOpen(contactIdOf(m.code))}>
                    {contact ? s.edit(m.name) : s.add(m.name)}
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
