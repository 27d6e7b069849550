/**
 * Query parameters that say how a reader arrived (a campaign, a click, a referring page or share
 * button), never which page it is. `normalizeUrl` (utils/url.ts) drops them, so the same article
 * reached from a newsletter, a share button or a site's home page is saved once.
 *
 * Only names that no site uses to pick content belong here: `page` (Kompas, Tribun `?page=all`),
 * `s` (WordPress search), `id`, `p`, `src` and `source` stay, whatever they carry.
 */
export interface TrackingParam {
  /** Matched against the whole parameter name, case-insensitively. */
  pattern: RegExp;
  /** Who adds it: the reason it is here. */
  serves: string;
}

export const TRACKING_PARAM_TABLE: readonly TrackingParam[] = [
  { pattern: /^utm_/i, serves: 'Google Analytics campaign tags, used by nearly every newsletter and share button' },
  { pattern: /^(fbclid|fb_action_ids|fb_action_types|fb_ref|fb_source)$/i, serves: 'Facebook click and share ids' },
  { pattern: /^(gclid|gclsrc|dclid|gbraid|wbraid|_ga|_gl)$/i, serves: 'Google Ads and Analytics click ids' },
  { pattern: /^msclkid$/i, serves: 'Microsoft Ads click id' },
  { pattern: /^(yclid|_openstat)$/i, serves: 'Yandex click ids' },
  { pattern: /^(mc_cid|mc_eid)$/i, serves: 'Mailchimp newsletters' },
  { pattern: /^(igshid|igsh)$/i, serves: 'Instagram shares' },
  { pattern: /^(twclid|ref_src|ref_url|__twitter_impression)$/i, serves: 'X/Twitter clicks and embedded tweets' },
  { pattern: /^ttclid$/i, serves: 'TikTok click id' },
  { pattern: /^(_hsenc|_hsmi|__hssc|__hstc|__hsfp|hsctatracking)$/i, serves: 'HubSpot e-mails' },
  { pattern: /^mkt_tok$/i, serves: 'Marketo e-mails' },
  { pattern: /^(pk|mtm)_/i, serves: 'Matomo (Piwik) campaign tags' },
  { pattern: /^s_cid$/i, serves: 'Adobe Analytics campaign id' },
  { pattern: /^at_(medium|campaign|custom\d+|ptr_name|link_id|link_origin|link_type|format|bbc_team|campaign_type)$/i, serves: 'AT Internet (BBC) campaign tags' },
  { pattern: /^(oly_anon_id|oly_enc_id)$/i, serves: 'Omeda Olytics' },
  { pattern: /^(vero_conv|vero_id)$/i, serves: 'Vero e-mails' },
  { pattern: /^(ref|referrer|referer)$/i, serves: 'the referring page or section, as in ?ref=homepage (Medium, Substack, many news sites)' },
  { pattern: /^(cmp|cmpid|icid|ncid)$/i, serves: 'campaign and internal-link ids (The Guardian CMP, cmpid/icid on many news sites, Yahoo and HuffPost ncid)' },
  { pattern: /^(smid|smtyp|emc)$/i, serves: 'The New York Times share and e-mail tags' },
  { pattern: /^tag_from$/i, serves: 'Detik internal links (tag_from=wp_hl_judul…)' },
  { pattern: /^shareid$/i, serves: 'Kumparan share links (shareID=…)' },
];

const TRACKING_PARAMS: readonly RegExp[] = TRACKING_PARAM_TABLE.map((entry) => entry.pattern);

export function isTrackingParam(name: string): boolean {
  return TRACKING_PARAMS.some((re) => re.test(name));
}
