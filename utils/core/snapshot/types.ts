import type { ExtractResult } from '../article';
import type { ClutterReason } from '../extract/clutter';
import type { HideReason } from '../declutter/plan';

/**
 * A page's document as the page hands it to the extension: serialized HTML, parsed again in an
 * extension context (the popup, the offscreen document, Firefox's background page) where
 * Readability, the clutter rules and sanitizing run off the page's main thread.
 */
export interface PageSnapshot {
  /** The doctype and `<html>` element, serialized (the head's content inside HEAD_ATTR's template). */
  html: string;
  /** The page's address (`document.URL`): what the extraction resolves and saves against. */
  url: string;
  /** `document.baseURI` and `document.documentURI`, which Readability reads to resolve links. */
  baseURI: string;
  documentURI: string;
  /** Whether each element carries its number (see NUMBER_ATTR): Declutter's snapshots do. */
  numbered: boolean;
}

/**
 * An element's number in a numbered snapshot: its index among the page's elements in document
 * order (`getElementsByTagName('*')`), so the page can map an answer back to its live elements.
 * Only the snapshot's copy carries it, never the live page.
 */
export const NUMBER_ATTR = 'data-kliping-n';

/**
 * The `<template>` the `<head>`'s content travels in: a page's scripts put elements in the head
 * that a parser never leaves there (an ad's `<iframe>`), and parsed in place the first of them
 * would end the head early and carry everything after it, the `<title>` too, into the body. A
 * template's content keeps every element where it stands.
 */
export const HEAD_ATTR = 'data-kliping-head';

/**
 * A `<noscript>`'s text, carried in an attribute: the page parsed its content as text (scripting
 * on), a DOMParser parses it as markup (scripting off), and in `<head>` that markup would close
 * the head early and move what follows into the body.
 */
export const NOSCRIPT_TEXT_ATTR = 'data-kliping-noscript';

/** `readerable: false` on an article found anyway: the popup says it is unsure, and shows it. */
export type PageExtract = ExtractResult & { readerable: boolean };

/**
 * Declutter's plan in element numbers (see ArticleSpan, DeclutterPlan): what to hide, where the
 * article lies, and the article's text pieces the check after hiding looks for.
 */
export type NumberedPlan =
  | {
      ok: true;
      hide: number[];
      /** Why each is hidden (what `--explain` lists), by number. */
      why: [number, HideReason][];
      start: number;
      end: number;
      spine: number[];
      kept: number[];
      pieces: { n: number; text: string }[];
      held: number[];
      heldBack: number;
    }
  | { ok: false; reason: 'no-article' | 'parse-error' | 'not-readerable'; detail: string };

/** A late-clutter match in a subtree snapshot: the element's number and the rule's reason. */
export type NumberedClutter = ClutterReason & { n: number };
