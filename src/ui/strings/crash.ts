/**
 * What the error boundaries say, in both languages and in the first JavaScript: a crash is
 * explained in the page's language even when the English strings (a chunk of their own) are not loaded.
 */
export const CRASH = {
  sv: {
    title: (area: string) => `${area} kunde inte visas`,
    areas: { app: 'Trygghetskartan', map: 'Kartan', data: 'Listan och vyerna', panel: 'Platsens uppgifter' } as Record<string, string>,
    whatFailed: (message: string) => `Det som gick fel: ${message}`,
    dataIntact: 'Dina sparade data är orörda: felet gäller bara det som visas här. Resten av sidan fungerar som vanligt.',
    dataIntactApp: 'Dina sparade data är orörda: felet gäller bara det som visas.',
    tryAgain: 'Försök igen',
    reload: 'Ladda om sidan',
    close: 'Stäng',
  },
  en: {
    title: (area: string) => `${area} could not be shown`,
    areas: { app: 'Trygghetskartan', map: 'The map', data: 'The list and views', panel: 'The place’s details' } as Record<string, string>,
    whatFailed: (message: string) => `What failed: ${message}`,
    dataIntact: 'Your stored data is intact: the error only concerns what is shown here. The rest of the page works as usual.',
    dataIntactApp: 'Your stored data is intact: the error only concerns what is shown.',
    tryAgain: 'Try again',
    reload: 'Reload the page',
    close: 'Close',
  },
};
