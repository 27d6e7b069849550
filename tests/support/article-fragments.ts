/**
 * A news article's paragraphs and the parser the declutter tests build their fragments with:
 * pages made the way real news pages are, shared so every such test reads the same story.
 */

export function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export const SENTENCES = [
  'The city council voted on Tuesday to rebuild the old market hall, ending a dispute that had lasted almost a decade between traders and the planning office.',
  'Traders who have sold vegetables and spices there since the 1970s said they were relieved, though many worried about where they would work during the two years of building.',
  'The mayor promised temporary stalls on the square beside the station, with the same rents as today and water and electricity laid on before the old hall closes.',
  'Engineers found last year that the roof beams had rotted through in several places, and the hall has been partly closed since a piece of the ceiling fell in March.',
  'Opposition members asked why the council had waited so long, and whether the estimate of forty billion rupiah included the cost of moving the traders twice.',
  'The first stones of the new hall are to be laid in January, and the council hopes to reopen it in time for the festival season two years from now.',
  'A group of residents said they would watch the tender closely, after a contract for the bus terminal went to a firm with ties to a council member.',
  'The market was built in 1938 and is one of the few buildings of its kind left in the province, which is why the heritage office asked that its facade be kept.',
];
