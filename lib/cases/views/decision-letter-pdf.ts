// Draws the decision letter's blocks (decision-letter-layout.ts) as an A4 PDF. The Chinese font is Noto Sans SC from
// an npm package (nothing is fetched at run time); pdfkit embeds only the glyphs used, so a letter stays small.
import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Actor } from '@/lib/auth/actor';
import { findCaseReceipt } from '@/lib/audit/receipts';
import { requestLetterFormat } from '@/lib/i18n/letter-format';
import { getDecisionLetter } from './decision-letter';
import { composeDecisionLetter, type LetterBlock, type LetterFormat } from './decision-letter-layout';

const fontRequire = createRequire(path.join(process.cwd(), 'package.json'));
const FONT_REGULAR = fontRequire.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = fontRequire.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

const MUTED = '#505a5f';
const RULE = '#b1b4b6';

export interface LetterPdfOptions {
  title: string;
  /** Extra lines printed after the letter (the audit receipt). */
  appendix?: { heading: string; rows: { label: string; value: string }[] };
}

function drawFields(doc: PDFKit.PDFDocument, rows: { label: string; value: string }[]) {
  for (const row of rows) {
    doc.font('bold').fontSize(11).fillColor('black').text(`${row.label}：`, { continued: true });
    doc.font('regular').text(row.value);
    doc.moveDown(0.2);
  }
}

function drawBlock(doc: PDFKit.PDFDocument, block: LetterBlock) {
  switch (block.kind) {
    case 'authority':
      doc.font('regular').fontSize(14).fillColor('black').text(block.text, { align: 'center' });
      doc.moveDown(0.3);
      break;
    case 'title':
      doc.font('bold').fontSize(20).fillColor('black').text(block.text, { align: 'center' });
      doc.moveDown(0.2);
      break;
    case 'reference':
      doc.font('regular').fontSize(11).fillColor(MUTED).text(block.text, { align: 'center' });
      doc.moveDown(0.6);
      doc
        .strokeColor(RULE)
        .moveTo(doc.page.margins.left, doc.y)
        .lineTo(doc.page.width - doc.page.margins.right, doc.y)
        .stroke();
      doc.moveDown(0.6);
      break;
    case 'heading':
      doc.moveDown(0.5);
      doc.font('bold').fontSize(14).fillColor('black').text(block.text);
      doc.moveDown(0.3);
      break;
    case 'fields':
      drawFields(doc, block.rows);
      break;
    case 'paragraph':
      doc
        .font(block.strong ? 'bold' : 'regular')
        .fontSize(11)
        .fillColor('black')
        .text(block.text, { lineGap: 2 });
      doc.moveDown(0.4);
      break;
    case 'signature':
      doc.moveDown(1);
      for (const line of block.lines) doc.font('regular').fontSize(11).text(line, { align: 'right' });
      break;
  }
}

/** The letter as PDF bytes. */
export async function renderDecisionLetterPdf(blocks: LetterBlock[], options: LetterPdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    font: FONT_REGULAR,
    info: { Title: options.title, Producer: 'health-code appeals', Creator: 'health-code appeals' },
    lang: 'zh-CN',
    displayTitle: true,
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of blocks) drawBlock(doc, block);
  if (options.appendix) {
    doc.moveDown(1);
    doc.font('bold').fontSize(12).fillColor('black').text(options.appendix.heading);
    doc.moveDown(0.3);
    doc.fontSize(9);
    for (const row of options.appendix.rows) {
      doc.font('bold').fontSize(9).fillColor(MUTED).text(`${row.label}：`, { continued: true });
      doc.font('regular').text(row.value);
    }
  }
  doc.end();
  return done;
}

/** The PDF of a citizen's own decision letter, or null (not theirs, or no decision yet). */
export async function getDecisionLetterPdf(
  user: Actor,
  caseId: string,
  format?: LetterFormat,
): Promise<{ reference: string; bytes: Buffer } | null> {
  const view = await getDecisionLetter(user, caseId);
  if (!view) return null;
  const hasSecond = view.decisions.some((decision) => decision.level === 'SECOND');
  const [letterFormat, receipt] = await Promise.all([
    format ?? requestLetterFormat(),
    findCaseReceipt(view.caseId, hasSecond ? 'SECOND_REVIEW_DECIDED' : 'CASE_DECIDED'),
  ]);
  const { t } = letterFormat;
  const blocks = composeDecisionLetter(view, letterFormat);
  const bytes = await renderDecisionLetterPdf(blocks, {
    title: `${t(`decisionLetter.title.${hasSecond ? 'SECOND' : 'FIRST'}`)} ${view.reference}`,
    appendix: receipt
      ? {
          heading: t('auditPublic.receiptHeading'),
          rows: [
            { label: t('auditPublic.receiptChain'), value: receipt.chain },
            { label: t('auditPublic.receiptSeq'), value: receipt.seq },
            { label: t('auditPublic.receiptHash'), value: receipt.hash },
          ],
        }
      : undefined,
  });
  return { reference: view.reference, bytes };
}
