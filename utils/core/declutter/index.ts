export { declutter, showMissingArticle, DeclutteredPage, HIDDEN_ATTR, STYLE_ID, MAX_NODES_PER_SLICE, type DeclutterResult, type DeclutterOptions } from './decluttered-page';
export { planDeclutter, indexedClone, INDEX_ATTR, type ArticleSpan, type DeclutterPlan, type HideReason } from './plan';
export { DeclutterController } from './controller';
export { articlePieces, comparableVisibleText, guardPlan, heldSet, missingPieces, visibleTextWithout, type ArticlePiece } from './invariant';
