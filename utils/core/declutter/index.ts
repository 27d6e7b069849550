export { showMissingArticle, applyPlan, DeclutteredPage, HIDDEN_ATTR, STYLE_ID, MAX_NODES_PER_SLICE, type DeclutterResult, type DeclutterOptions, type LivePlan, type ApplyOptions } from './decluttered-page';
export { declutter, inPageLateClutter, layoutFreeVisibleText } from './in-page';
export { planDeclutter, indexedClone, INDEX_ATTR, type ArticleSpan, type DeclutterPlan, type HideReason } from './plan';
export { DeclutterController, type DeclutterPlanner, type PlanResult } from './controller';
export { offPageLateClutter, offPagePlanner, livePlanOf } from './from-numbers';
export { articlePieces, comparableVisibleText, guardPlan, heldSet, missingPieces, visibleTextWithout, type ArticlePiece } from './invariant';
