export { declutter, DeclutterSession, HIDDEN_ATTR, STYLE_ID, MAX_NODES_PER_SLICE, type DeclutterResult } from './session';
export { planDeclutter, indexedClone, INDEX_ATTR, type ArticleSpan, type DeclutterPlan } from './plan';
export { DeclutterController } from './controller';
