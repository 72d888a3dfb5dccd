import type { EntityKind } from '../data/schema';

/** How each kind is named and coloured in our UI; the colours match the page highlights. */
export const KIND_NAME_AND_COLOUR: Record<EntityKind, { singular: string; plural: string; colour: string }> = {
  firm: { singular: 'Firm', plural: 'Firms', colour: '#d97706' },
  city: { singular: 'City', plural: 'Cities', colour: '#0d9488' },
  country: { singular: 'Country', plural: 'Countries', colour: '#16a34a' },
  official: { singular: 'Official', plural: 'Officials', colour: '#db2777' },
  person: { singular: 'Person', plural: 'People', colour: '#9333ea' },
  institution: { singular: 'Institution', plural: 'Institutions', colour: '#2563eb' },
};
