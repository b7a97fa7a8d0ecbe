// searchLinks.ts: builds links to the product search page. Plain URLs, nothing signed.
export interface SearchFilters {
  query: string;
  category?: string;
  sort?: 'price' | 'relevance';
  page?: number;
}

export function searchLink(base: string, filters: SearchFilters): string {
  const params = new URLSearchParams({ q: filters.query });
  if (filters.category) params.set('category', filters.category);
  if (filters.sort) params.set('sort', filters.sort);
  return `${base}/search?${params.toString()}`;
}

export function legacySearchLink(base: string, filters: SearchFilters): string {
  const parts = [`q=${encodeURIComponent(filters.query)}`, `page=${filters.page ?? 1}`, `category=${filters.category ?? 'all'}`];
  return `${base}/search.php?${parts.join('&')}`;
}

export const sortedLabels = (labels: string[]): string[] => labels.sort((a, b) => a.localeCompare(b));
