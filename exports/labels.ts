import type { Language } from '#forms/types.ts'

/**
 * The words exported documents print around the answers (covers, page numbers, sheet headings),
 * in the six UN languages. Form texts (questions, options, markers) come from `formText`; these are
 * only the document's own words, kept here so the builders stay plain functions without i18next.
 */
export interface DocumentLabels {
	country: string
	form: string
	version: string
	cycle: string
	period: string
	status: string
	submission: string
	submittedAt: string
	fingerprint: string
	/** SHA-256 of the frozen form version (docs/decisions/011). */
	formFingerprint: string
	generatedAt: string
	language: string
	reportId: string
	/** `{{page}}` and `{{pages}}` are replaced. */
	pageOf: string
	draftWatermark: string
	notAnswered: string
	attachments: string
	noAttachments: string
	noRows: string
	wholeAnswer: string
	metadataSheet: string
	field: string
	value: string
	ref: string
	question: string
	answer: string
	notes: string
	rowId: string
	hintChoose: string
	hintSeveral: string
	hintMarkers: string
	hintDate: string
	hintNumber: string
	hintInteger: string
	hintUnit: string
	hintReadOnly: string
	hintAttachments: string
	hintNewRows: string
	templateInstructions: string
	states: Record<
		'draft' | 'submitted' | 'under_review' | 'returned' | 'accepted' | 'recalled' | 'superseded',
		string
	>
}

const en: DocumentLabels = {
	country: 'Country',
	form: 'Form',
	version: 'Version',
	cycle: 'Reporting cycle',
	period: 'Reporting period',
	status: 'Status',
	submission: 'Submission number',
	submittedAt: 'Submitted at',
	fingerprint: 'Submission fingerprint (SHA-256)',
	formFingerprint: 'Form fingerprint (SHA-256)',
	generatedAt: 'Generated at',
	language: 'Language',
	reportId: 'Report identifier',
	pageOf: 'Page {{page}} of {{pages}}',
	draftWatermark: 'DRAFT',
	notAnswered: 'Not answered',
	attachments: 'Attachments',
	noAttachments: 'No files attached',
	noRows: 'No rows',
	wholeAnswer: 'Whole answer (instead of the rows or fields)',
	metadataSheet: 'Metadata',
	field: 'Field',
	value: 'Value',
	ref: 'Ref.',
	question: 'Question',
	answer: 'Answer',
	notes: 'Notes',
	rowId: 'Row id',
	hintChoose: 'Choose from the list.',
	hintSeveral: 'Several choices: separate them with “;”.',
	hintMarkers: 'Instead of a value: {{markers}}.',
	hintDate: 'Date as YYYY-MM-DD.',
	hintNumber: 'A number.',
	hintInteger: 'A whole number.',
	hintUnit: 'Unit: {{unit}}.',
	hintReadOnly: 'Filled in by the system.',
	hintAttachments: 'Attach files in the online report.',
	hintNewRows: 'Add rows at the end of the table; leave the row id empty for new rows.',
	templateInstructions:
		'Fill in the answer cells. Do not rename sheets, move questions or change the Ref. and row id columns. Upload the file on the report’s import page.',
	states: {
		draft: 'Draft',
		submitted: 'Submitted',
		under_review: 'Under review',
		returned: 'Returned for clarification',
		accepted: 'Accepted',
		recalled: 'Recalled',
		superseded: 'Superseded',
	},
}

const fr: DocumentLabels = {
	country: 'Pays',
	form: 'Formulaire',
	version: 'Version',
	cycle: 'Cycle de rapport',
	period: 'Période couverte',
	status: 'Statut',
	submission: 'Numéro de soumission',
	submittedAt: 'Soumis le',
	fingerprint: 'Empreinte de la soumission (SHA-256)',
	formFingerprint: 'Empreinte du formulaire (SHA-256)', // draft translation
	generatedAt: 'Généré le',
	language: 'Langue',
	reportId: 'Identifiant du rapport',
	pageOf: 'Page {{page}} sur {{pages}}',
	draftWatermark: 'PROJET',
	notAnswered: 'Sans réponse',
	attachments: 'Pièces jointes',
	noAttachments: 'Aucun fichier joint',
	noRows: 'Aucune ligne',
	wholeAnswer: 'Réponse globale (au lieu des lignes ou des champs)',
	metadataSheet: 'Métadonnées',
	field: 'Champ',
	value: 'Valeur',
	ref: 'Réf.',
	question: 'Question',
	answer: 'Réponse',
	notes: 'Remarques',
	rowId: 'Identifiant de ligne',
	hintChoose: 'Choisissez dans la liste.',
	hintSeveral: 'Plusieurs choix : séparez-les par « ; ».',
	hintMarkers: 'Au lieu d’une valeur : {{markers}}.',
	hintDate: 'Date au format AAAA-MM-JJ.',
	hintNumber: 'Un nombre.',
	hintInteger: 'Un nombre entier.',
	hintUnit: 'Unité : {{unit}}.',
	hintReadOnly: 'Rempli par le système.',
	hintAttachments: 'Joignez les fichiers dans le rapport en ligne.',
	hintNewRows:
		'Ajoutez des lignes à la fin du tableau ; laissez l’identifiant vide pour les nouvelles lignes.',
	templateInstructions:
		'Remplissez les cellules de réponse. Ne renommez pas les feuilles, ne déplacez pas les questions et ne modifiez pas les colonnes Réf. et identifiant de ligne. Téléversez le fichier sur la page d’importation du rapport.',
	states: {
		draft: 'Projet',
		submitted: 'Soumis',
		under_review: 'En cours d’examen',
		returned: 'Renvoyé pour clarification',
		accepted: 'Accepté',
		recalled: 'Retiré',
		superseded: 'Remplacé',
	},
}

const es: DocumentLabels = {
	country: 'País',
	form: 'Formulario',
	version: 'Versión',
	cycle: 'Ciclo de presentación de informes',
	period: 'Período del informe',
	status: 'Estado',
	submission: 'Número de presentación',
	submittedAt: 'Presentado el',
	fingerprint: 'Huella de la presentación (SHA-256)',
	formFingerprint: 'Huella del formulario (SHA-256)', // draft translation
	generatedAt: 'Generado el',
	language: 'Idioma',
	reportId: 'Identificador del informe',
	pageOf: 'Página {{page}} de {{pages}}',
	draftWatermark: 'BORRADOR',
	notAnswered: 'Sin respuesta',
	attachments: 'Archivos adjuntos',
	noAttachments: 'Ningún archivo adjunto',
	noRows: 'Ninguna fila',
	wholeAnswer: 'Respuesta global (en lugar de las filas o los campos)',
	metadataSheet: 'Metadatos',
	field: 'Campo',
	value: 'Valor',
	ref: 'Ref.',
	question: 'Pregunta',
	answer: 'Respuesta',
	notes: 'Notas',
	rowId: 'Id. de fila',
	hintChoose: 'Elija en la lista.',
	hintSeveral: 'Varias opciones: sepárelas con «;».',
	hintMarkers: 'En lugar de un valor: {{markers}}.',
	hintDate: 'Fecha en formato AAAA-MM-DD.',
	hintNumber: 'Un número.',
	hintInteger: 'Un número entero.',
	hintUnit: 'Unidad: {{unit}}.',
	hintReadOnly: 'Completado por el sistema.',
	hintAttachments: 'Adjunte los archivos en el informe en línea.',
	hintNewRows: 'Añada filas al final de la tabla; deje vacío el id. de las filas nuevas.',
	templateInstructions:
		'Complete las celdas de respuesta. No cambie el nombre de las hojas, no mueva las preguntas ni modifique las columnas Ref. e id. de fila. Cargue el archivo en la página de importación del informe.',
	states: {
		draft: 'Borrador',
		submitted: 'Presentado',
		under_review: 'En examen',
		returned: 'Devuelto para aclaraciones',
		accepted: 'Aceptado',
		recalled: 'Retirado',
		superseded: 'Sustituido',
	},
}

const ru: DocumentLabels = {
	country: 'Страна',
	form: 'Форма',
	version: 'Версия',
	cycle: 'Отчетный цикл',
	period: 'Отчетный период',
	status: 'Статус',
	submission: 'Номер представления',
	submittedAt: 'Дата представления',
	fingerprint: 'Контрольная сумма представления (SHA-256)',
	formFingerprint: 'Контрольная сумма формы (SHA-256)', // draft translation
	generatedAt: 'Сформировано',
	language: 'Язык',
	reportId: 'Идентификатор доклада',
	pageOf: 'Страница {{page}} из {{pages}}',
	draftWatermark: 'ПРОЕКТ',
	notAnswered: 'Нет ответа',
	attachments: 'Вложения',
	noAttachments: 'Файлы не приложены',
	noRows: 'Нет строк',
	wholeAnswer: 'Ответ целиком (вместо строк или полей)',
	metadataSheet: 'Метаданные',
	field: 'Поле',
	value: 'Значение',
	ref: 'Код',
	question: 'Вопрос',
	answer: 'Ответ',
	notes: 'Примечания',
	rowId: 'Идентификатор строки',
	hintChoose: 'Выберите из списка.',
	hintSeveral: 'Несколько вариантов разделяйте знаком «;».',
	hintMarkers: 'Вместо значения: {{markers}}.',
	hintDate: 'Дата в формате ГГГГ-ММ-ДД.',
	hintNumber: 'Число.',
	hintInteger: 'Целое число.',
	hintUnit: 'Единица: {{unit}}.',
	hintReadOnly: 'Заполняется системой.',
	hintAttachments: 'Прикрепляйте файлы в онлайн-докладе.',
	hintNewRows: 'Добавляйте строки в конце таблицы; для новых строк оставьте идентификатор пустым.',
	templateInstructions:
		'Заполните ячейки ответов. Не переименовывайте листы, не перемещайте вопросы и не изменяйте столбцы «Код» и «Идентификатор строки». Загрузите файл на странице импорта доклада.',
	states: {
		draft: 'Проект',
		submitted: 'Представлен',
		under_review: 'На рассмотрении',
		returned: 'Возвращен для уточнения',
		accepted: 'Принят',
		recalled: 'Отозван',
		superseded: 'Заменен',
	},
}

const zh: DocumentLabels = {
	country: '国家',
	form: '表格',
	version: '版本',
	cycle: '报告周期',
	period: '报告期',
	status: '状态',
	submission: '提交编号',
	submittedAt: '提交时间',
	fingerprint: '提交指纹 (SHA-256)',
	formFingerprint: '表格指纹 (SHA-256)', // draft translation
	generatedAt: '生成时间',
	language: '语言',
	reportId: '报告标识',
	pageOf: '第 {{page}} 页，共 {{pages}} 页',
	draftWatermark: '草稿',
	notAnswered: '未作答',
	attachments: '附件',
	noAttachments: '无附件',
	noRows: '无数据行',
	wholeAnswer: '整体答复（代替各行或各字段）',
	metadataSheet: '元数据',
	field: '字段',
	value: '值',
	ref: '编号',
	question: '问题',
	answer: '答复',
	notes: '说明',
	rowId: '行标识',
	hintChoose: '请从列表中选择。',
	hintSeveral: '多个选项请用“;”分隔。',
	hintMarkers: '代替数值：{{markers}}。',
	hintDate: '日期格式为 YYYY-MM-DD。',
	hintNumber: '数字。',
	hintInteger: '整数。',
	hintUnit: '单位：{{unit}}。',
	hintReadOnly: '由系统填写。',
	hintAttachments: '请在在线报告中附加文件。',
	hintNewRows: '请在表格末尾添加新行；新行的行标识留空。',
	templateInstructions:
		'请填写答复单元格。请勿重命名工作表、移动问题或更改“编号”和“行标识”列。请在报告的导入页面上传文件。',
	states: {
		draft: '草稿',
		submitted: '已提交',
		under_review: '审查中',
		returned: '已退回澄清',
		accepted: '已接受',
		recalled: '已撤回',
		superseded: '已被取代',
	},
}

const ar: DocumentLabels = {
	country: 'البلد',
	form: 'الاستمارة',
	version: 'الإصدار',
	cycle: 'دورة الإبلاغ',
	period: 'فترة الإبلاغ',
	status: 'الحالة',
	submission: 'رقم التقديم',
	submittedAt: 'تاريخ التقديم',
	fingerprint: 'بصمة التقديم (SHA-256)',
	formFingerprint: 'بصمة الاستمارة (SHA-256)', // draft translation
	generatedAt: 'تاريخ الإنشاء',
	language: 'اللغة',
	reportId: 'معرّف التقرير',
	pageOf: 'الصفحة {{page}} من {{pages}}',
	draftWatermark: 'مسودة',
	notAnswered: 'لم تتم الإجابة',
	attachments: 'المرفقات',
	noAttachments: 'لا توجد ملفات مرفقة',
	noRows: 'لا توجد صفوف',
	wholeAnswer: 'إجابة كاملة (بدلا من الصفوف أو الحقول)',
	metadataSheet: 'البيانات الوصفية',
	field: 'الحقل',
	value: 'القيمة',
	ref: 'المرجع',
	question: 'السؤال',
	answer: 'الإجابة',
	notes: 'ملاحظات',
	rowId: 'معرّف الصف',
	hintChoose: 'اختر من القائمة.',
	hintSeveral: 'عدة خيارات: افصل بينها بالرمز «;».',
	hintMarkers: 'بدلا من القيمة: {{markers}}.',
	hintDate: 'التاريخ بصيغة YYYY-MM-DD.',
	hintNumber: 'رقم.',
	hintInteger: 'عدد صحيح.',
	hintUnit: 'الوحدة: {{unit}}.',
	hintReadOnly: 'يملؤه النظام.',
	hintAttachments: 'أرفق الملفات في التقرير الإلكتروني.',
	hintNewRows: 'أضف الصفوف في نهاية الجدول، واترك معرّف الصف فارغا للصفوف الجديدة.',
	templateInstructions:
		'املأ خانات الإجابة. لا تغيّر أسماء الأوراق ولا تنقل الأسئلة ولا تعدّل عمودي المرجع ومعرّف الصف. ثم حمّل الملف في صفحة الاستيراد الخاصة بالتقرير.',
	states: {
		draft: 'مسودة',
		submitted: 'مقدَّم',
		under_review: 'قيد الاستعراض',
		returned: 'أعيد للتوضيح',
		accepted: 'مقبول',
		recalled: 'مسحوب',
		superseded: 'مستبدل',
	},
}

const LABELS: Record<Language, DocumentLabels> = { en, fr, es, ru, zh, ar }

export function documentLabels(lang: Language): DocumentLabels {
	return LABELS[lang]
}

export function fillIn(template: string, params: Record<string, string | number>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
		params[name] === undefined ? whole : String(params[name]),
	)
}
