// The key lives in this tab's sessionStorage only: it survives a reload, never a closed tab, and is
// never written to a URL, a cookie or localStorage.
const STORAGE_KEY = 'portal.console.apiKey';

export const apiKeyStore = {
  get(): string | null {
    return sessionStorage.getItem(STORAGE_KEY);
  },
  set(apiKey: string): void {
    sessionStorage.setItem(STORAGE_KEY, apiKey);
  },
  clear(): void {
    sessionStorage.removeItem(STORAGE_KEY);
  },
};
