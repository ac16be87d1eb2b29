/**
 * Every piece of visible text of a document model, in reading order. Used by checks that must see
 * the whole document (digit style, numbers that contradict the data, required elements).
 */
import { inlineText, type Block, type Cell, type DocModel } from './model.js';

export function cellText(c: Cell): string {
  return c.paragraphs.map((p) => inlineText(p)).join('\n');
}

export function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'title':
      return block.lines;
    case 'heading':
      return [block.text];
    case 'paragraph':
      return [inlineText(block.runs)];
    case 'list':
      return block.items.map((i) => inlineText(i));
    case 'table':
      return [
        ...(block.caption ? [block.caption] : []),
        ...block.columns.map((c) => c.header),
        ...block.rows.flatMap((r) => r.map(cellText)),
      ];
    case 'chart':
      return [block.title, block.altText, block.referenceLine.label, ...block.bars.map((b) => b.label)];
    case 'pageBreak':
      return [];
    case 'signature':
      return block.lines;
  }
}

/** The document's visible text: metadata title and author, then each block's text. */
export function modelTexts(model: DocModel): string[] {
  return [model.title, model.author, ...model.blocks.flatMap(blockTexts)];
}
