import type { ClutterRule } from './types';

/**
 * A vendor's pitch placed in or after a blog article: "Book a demo", "Request a quote", "Start
 * your free trial", boxes classed `cta`. Common to company blogs of every kind; the prose guard
 * keeps any article text that sits inside such a box.
 */
export const callsToAction: ClutterRule = {
  name: 'calls-to-action',
  classWords: ['cta', 'ctas', 'call-to-action', 'blog-cta', 'cta-box', 'cta-banner'],
  labels:
    /^(?:book (?:a|your) (?:free )?(?:demo|call|consultation)|request (?:a |your )?(?:free )?(?:demo|quote|consultation|callback)|get (?:a |your )?(?:free )?(?:quote|demo|estimate|consultation)|get started(?: (?:for )?free| now| today)?|start (?:your |a )?free trial|(?:start|try) (?:it )?(?:for )?free|free \d+[- ]day trial|talk to (?:an? |our )?(?:experts?|sales|specialists?|team)|contact (?:us|sales)(?: today| now)?|schedule (?:a |your )?(?:demo|call|consultation)|shop now|buy now|order now|download (?:now|the app|for free)|learn more|find out more|see (?:plans|pricing)|hubungi kami|daftar sekarang|coba gratis)\W*$/i,
};
