import type { ClutterRule } from './types';

/** Advertisement slots and the labels sites print above them. */
export const ads: ClutterRule = {
  name: 'ads',
  labels:
    /^(?:advertisements?|adverts?|advertisement\s*[-–]\s*scroll to continue|ads?|iklan|sponsored|promoted|scroll to continue with content|scroll to resume content|scroll untuk melanjutkan|gulir untuk melanjutkan|continue reading below|story continues below(?: advertisement)?|article continues below(?: advertisement)?|content continues below|lanjutkan membaca|(?:the )?article continues after (?:this )?(?:ad|advertisement))$/i,
  selectors: ['ins.adsbygoogle', '[id^="div-gpt-ad"]', '[data-ad-slot]', '[data-ad-unit]', '[data-google-query-id]'],
  classWords: ['ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'ad-slot', 'adunit', 'adsense', 'dfp', 'iklan', 'sponsored', 'banner-ad', 'parallax-ads'],
};
