/**
 * Words too common to help find an article, in English and Indonesian. Left out of the index
 * (smaller, better ranking); a query made only of them finds nothing rather than everything.
 */
export const STOPWORDS = new Set(
  (
    'a an and are as at be but by for from has have he her his i in is it its of on or our she that the their them ' +
    'they this to was we were which who will with you your ' +
    'ada adalah akan atau bahwa dalam dan dari di dengan ia ini itu juga ke kepada oleh pada para saat sebagai ' +
    'sudah telah tersebut untuk yang'
  ).split(' '),
);
