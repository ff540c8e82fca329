import PDFDocument from 'pdfkit'
import type { Language } from '#forms/vocabulary.ts'
import { finishPdf } from './pdf-buffer.ts'
import { createTypesetter } from './typesetter.ts'

/** Sample report text per language, written for the tests and the benchmark. */
export const SAMPLE_TEXT: Record<Language, { heading: string; body: string; label: string }> = {
	en: {
		heading: 'Report under Article 15',
		body: 'The Party reports that 125 kg of DDT (CAS 50-29-3) were produced in 2023 for disease vector control, in line with Part II of Annex B. Use is expected to end by December 2027.',
		label: 'Quantity produced',
	},
	fr: {
		heading: 'Rapport au titre de l’article 15',
		body: 'La Partie déclare que 125 kg de DDT (CAS 50-29-3) ont été produits en 2023 pour la lutte contre les vecteurs de maladies, conformément à la deuxième partie de l’annexe B. L’élimination est prévue d’ici décembre 2027.',
		label: 'Quantité produite',
	},
	es: {
		heading: 'Informe en virtud del artículo 15',
		body: 'La Parte informa de que en 2023 se produjeron 125 kg de DDT (CAS 50-29-3) para el control de vectores de enfermedades, de conformidad con la parte II del anexo B. ¿Se prevé eliminar su uso antes de diciembre de 2027?',
		label: 'Cantidad producida',
	},
	ru: {
		heading: 'Доклад согласно статье 15',
		body: 'Сторона сообщает, что в 2023 году для борьбы с переносчиками болезней было произведено 125 кг ДДТ (CAS 50-29-3) в соответствии с частью II приложения B. Применение планируется прекратить к декабрю 2027 года.',
		label: 'Произведённое количество',
	},
	zh: {
		heading: '第15条规定的报告',
		body: '缔约方报告，2023年为病媒控制生产了125公斤滴滴涕（CAS 50-29-3），符合附件B第二部分的规定。预计于2027年12月前停止使用。',
		label: '生产数量',
	},
	ar: {
		heading: 'تقرير بموجب المادة 15',
		body: 'يفيد الطرف بأنه تم إنتاج 125 كغ من مادة دي دي تي (DDT) في عام 2023 لمكافحة نواقل الأمراض، وفقا للجزء الثاني من المرفق باء. رقم السجل CAS هو 50-29-3.',
		label: 'الكمية المنتجة',
	},
}

export const SAMPLE_LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar']

/**
 * A PDF with one page per UN language: a heading, a wrapped paragraph and a small two-column table
 * measured with `measureHeight`. Used by the tests and as a benchmark of the typesetter.
 */
export async function renderSampleMultilingualPdf(
	languages: readonly Language[] = SAMPLE_LANGUAGES,
): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false })
	for (const lang of languages) {
		doc.addPage()
		const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
		const typesetter = createTypesetter(doc, { lang })
		const { heading, body, label } = SAMPLE_TEXT[lang]
		typesetter.paragraph(heading, { width, fontSize: 16, bold: true, color: '#1a3d6d' })
		doc.y += 8
		typesetter.paragraph(body, { width, fontSize: 11, color: 'black' })
		doc.y += 12
		drawTable(doc, typesetter, width, [
			[label, '125 kg'],
			['CAS', '50-29-3'],
			['中国 · Россия · مصر · France', 'PFOS 1763-23-1'],
		])
	}
	return finishPdf(doc)
}

function drawTable(
	doc: PDFKit.PDFDocument,
	typesetter: ReturnType<typeof createTypesetter>,
	width: number,
	rows: [string, string][],
): void {
	const padding = 4
	const columnWidth = width / 2
	const cell = { width: columnWidth - 2 * padding, fontSize: 10 }
	const left = doc.page.margins.left
	const rtl = typesetter.direction === 'rtl'
	for (const row of rows) {
		const height =
			Math.max(...row.map((text) => typesetter.measureHeight(text, cell))) + 2 * padding
		const top = doc.y
		row.forEach((text, column) => {
			const x = left + (rtl ? 1 - column : column) * columnWidth
			doc.rect(x, top, columnWidth, height).lineWidth(0.5).stroke('#888888')
			typesetter.paragraph(text, { ...cell, x: x + padding, y: top + padding, pageBreaks: false })
		})
		doc.y = top + height
	}
}
