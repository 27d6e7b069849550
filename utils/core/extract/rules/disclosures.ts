import type { ClutterRule } from './types';

/**
 * Affiliate and advertiser disclosures ("Products are chosen independently by our editors.
 * Purchases made through our links may earn us a commission."), which review and guide sites
 * print above or below the article as required by advertising rules: a notice about the page, not
 * part of what it says.
 */
export const disclosures: ClutterRule = {
  name: 'disclosures',
  classWords: ['affiliate-disclosure', 'disclosure', 'advertiser-disclosure', 'affiliate-disclaimer'],
  shortTexts: {
    pattern:
      // Told in the site's own voice ("we", "our links", "earn us"): a sentence about affiliate links in general stays.
      /(?:^(?=.*\b(?:we|us|our|i|my)\b)(?:.*\baffiliate (?:links?|commissions?|partners?)\b.*\b(?:commission|earn|compensat|paid)|.*\b(?:may|might|could) earn (?:us )?(?:a )?(?:small )?(?:commission|fee|compensation)|.*\bearns? (?:us )?(?:a )?(?:small )?commission\b|.*\b(?:chosen|selected|picked) independently by our (?:editors|editorial team)).*|^advertiser disclosure$|^advertising (?:disclosure|policy)$|^editorial (?:disclosure|guidelines|policy)$|^affiliate disclosure\b)/i,
    maxLength: 320,
  },
};
