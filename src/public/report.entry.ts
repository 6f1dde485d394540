// The citizens' report form (issue 13): checked with the server's own schema (src/domain), posted
// as JSON to the team server, the server's message shown in the page's language. No map library.
import { citizenReportSchema, reportLanguageOf, reportMessage, reportMessageOf, type CitizenReportInput } from '../domain/citizenReport';
import { reportStrings } from '../io/publicSite/reportPage';

const form = document.querySelector<HTMLFormElement>('#report-form');
const message = document.querySelector<HTMLElement>('#report-message');
const positionButton = document.querySelector<HTMLButtonElement>('#report-position');
const positionStatus = document.querySelector<HTMLElement>('#report-position-status');

if (form && message && positionButton && positionStatus) {
  const lang = reportLanguageOf(form.dataset.lang);
  const r = reportStrings(lang);
  const endpoint = form.dataset.endpoint ?? '';
  let position: { lon: number; lat: number } | null = null;
  form.hidden = false;

  // Which element a field's problem is marked on.
  const FIELD_ELEMENTS: Record<string, string> = { placeName: 'report-place-name', position: 'report-place-name', municipalityCode: 'report-municipality', timeOfDay: 'report-time', reasons: 'report-reasons', comment: 'report-comment' };
  const clearInvalid = () => form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  const show = (text: string, fields: readonly string[] = []) => {
    clearInvalid();
    for (const field of fields) document.getElementById(FIELD_ELEMENTS[field] ?? '')?.setAttribute('aria-invalid', 'true');
    message.textContent = text;
  };

  // From the map page: the point the citizen clicked (?punkt=lon,lat), checked by the schema on sending.
  const clicked = new URLSearchParams(location.search).get('punkt')?.split(',').map(Number);
  if (clicked?.length === 2 && clicked.every(Number.isFinite)) {
    position = { lon: Math.round(clicked[0]! * 1e5) / 1e5, lat: Math.round(clicked[1]! * 1e5) / 1e5 };
    positionStatus.textContent = r.positionFromMap;
  }
  if (!('geolocation' in navigator)) positionButton.hidden = true;
  positionButton.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(
      (found) => {
        position = { lon: Math.round(found.coords.longitude * 1e5) / 1e5, lat: Math.round(found.coords.latitude * 1e5) / 1e5 };
        positionStatus.textContent = r.positionUsed;
      },
      () => {
        position = null;
        positionStatus.textContent = r.positionFailed;
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' && value.trim() ? value.trim() : null;
    };
    const input: CitizenReportInput = {
      position,
      placeName: text('placeName'),
      municipalityCode: text('municipalityCode'),
      timeOfDay: (text('timeOfDay') ?? undefined) as CitizenReportInput['timeOfDay'],
      reasons: data.getAll('reasons').map(String) as CitizenReportInput['reasons'],
      comment: text('comment'),
    };
    const checked = citizenReportSchema.safeParse(input);
    if (!checked.success) {
      const codes = [...new Set(checked.error.issues.map((i) => reportMessageOf(i.message)))];
      show(codes.map((code) => reportMessage(code, lang)).join(' '), checked.error.issues.map((i) => String(i.path[0] ?? '')));
      return;
    }
    void send(checked.data);
  });

  async function send(report: unknown) {
    show(r.sending);
    try {
      // text/plain keeps the request "simple": no CORS preflight; the server reads it as JSON.
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', 'accept-language': lang }, body: JSON.stringify(report) });
      const body = (await response.json().catch(() => ({}))) as { message?: string; issues?: { field: string }[] };
      if (response.ok) {
        form!.reset();
        position = null;
        positionStatus!.textContent = '';
        show(body.message ?? reportMessage('received', lang));
      } else show(body.message ?? r.networkFailed, (body.issues ?? []).map((i) => i.field));
    } catch {
      show(r.networkFailed);
    }
  }
}
