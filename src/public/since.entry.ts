// "Nytt sedan…" on a municipality page (issue 13): the page lists every dated event; this shows
// only those after the chosen day, which defaults to the visitor's previous visit (localStorage).
import { followStrings } from '../io/publicSite/followStrings';
import { filterSince } from './since';

const section = document.querySelector<HTMLElement>('section.since');
const form = section?.querySelector<HTMLFormElement>('form.since-form');
const input = section?.querySelector<HTMLInputElement>('#since-date');
const status = section?.querySelector<HTMLElement>('.since-status');
if (section && form && input && status) {
  const f = followStrings(document.documentElement.lang);
  const key = `trygghetskartan:visit:${section.dataset.municipality ?? ''}`;
  const items = [...section.querySelectorAll<HTMLLIElement>('.since-list li')];
  const today = new Date().toISOString().slice(0, 10);
  let previous: string | null = null;
  try {
    previous = localStorage.getItem(key);
    localStorage.setItem(key, today);
  } catch {
    // Storage refused (private mode): the date field still works, without remembering.
  }
  const apply = () => {
    const since = /^\d{4}-\d{2}-\d{2}$/.test(input.value) ? input.value : null;
    const shown = filterSince(items.map((li) => li.dataset.date ?? ''), since);
    items.forEach((li, i) => (li.hidden = !shown[i]));
    const n = shown.filter(Boolean).length;
    status.textContent = since ? f.sinceCount(n, f.date(since)) : f.sinceAll(items.length);
  };
  if (previous && /^\d{4}-\d{2}-\d{2}$/.test(previous) && previous < today) input.value = previous;
  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('change', apply);
  input.addEventListener('input', apply);
  apply();
}
