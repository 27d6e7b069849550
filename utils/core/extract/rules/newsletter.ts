import type { ClutterRule } from './types';

/** Newsletter sign-ups and subscription pitches. */
export const newsletter: ClutterRule = {
  name: 'newsletter',
  classWords: ['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'sign-up', 'optin', 'opt-in', 'paywall', 'berlangganan'],
  classPatterns: [/^newsletter/i, /newsletter-?(?:signup|form|box|promo|widget)/i],
  shortTexts: {
    pattern:
      /^(?=.{0,200}$)(?=.*\b(?:newsletters?|inbox|email alerts?|buletin)\b)(?=.*\b(?:sign up|subscribe|delivered|daftar|berlangganan|dapatkan)\b).*$|^(?:sign up (?:for|to) (?:our|the)\b.*newsletter.*|subscribe to (?:our|the)\b.*|subscribe to \S+ (?:and|for|to get|today|now)\b.*|get (?:our|the)\b.*newsletter.*|(?:daftar|berlangganan) (?:newsletter|buletin)\b.*|dapatkan (?:berita|update|informasi)\b.*(?:newsletter|email|whatsapp|telegram)\b.*|ikuti (?:berita|kami|saluran)\b.*(?:google news|whatsapp|telegram)\b.*|follow (?:us|our)\b.*(?:google news|whatsapp|telegram|twitter|facebook)\b.*)$/i,
    maxLength: 220,
  },
  labels: /^(?:subscribe(?: now| today| here)?|join (?:our|the) (?:mailing list|newsletter|email list)|stay connected(?: with (?:me|us))?|join (?:our|the|my) (?:facebook|telegram|whatsapp|discord|slack) (?:group|channel|community|server)|stay in touch|sign in|sign up|log in|masuk|daftar|langganan|berlangganan|breaking news emails|newsletters?)[!.]?$/i,
};
