/** The strings of messages-datasets.ts in Arabic: loaded with messages-ar.ts. */
import type { datasetsEn } from './messages-datasets';
import { plural, type Message } from './plural';

export const datasetsAr: Record<keyof typeof datasetsEn, Message> = {
  'import.open': 'استيراد بيانات…',
  'import.cancel': 'إلغاء',
  'import.dismiss': 'إغلاق',
  'import.dialog.label': 'استيراد البيانات',
  'import.dialog.formats': 'ملف CSV (من ACLED أو غيره)، أو GeoJSON، أو ملف JSON الخاص بهذا التطبيق. يمكنك أيضاً إفلات ملف على الخريطة.',
  'import.count.events': plural({ zero: 'لا أحداث', one: 'حدث واحد', two: 'حدثان', few: '{count} أحداث', many: '{count} حدثاً', other: '{count} حدث' }),
  'import.count.arcs': plural({ zero: 'لا أقواس', one: 'قوس واحد', two: 'قوسان', few: '{count} أقواس', many: '{count} قوساً', other: '{count} قوس' }),
  'import.count.incidents': plural({ zero: 'لا حوادث', one: 'حادثة واحدة', two: 'حادثتان', few: '{count} حوادث', many: '{count} حادثة', other: '{count} حادثة' }),
  'import.count.places': plural({ zero: 'لا أماكن', one: 'مكان واحد', two: 'مكانان', few: '{count} أماكن', many: '{count} مكاناً', other: '{count} مكان' }),
  'import.drop.region': 'الخريطة (أفلِت ملف بيانات هنا لاستيراده)',
  'import.drop.hint': 'أفلِت ملف CSV (من ACLED أو غيره) أو GeoJSON أو JSON لاستيراده',
  'import.drop.busy': 'هناك عملية استيراد جارية بالفعل',
  'import.drop.busyNotice': 'هناك عملية استيراد جارية بالفعل: انتظر انتهاءها أو ألغِها أولاً.',
  'import.drop.oneFile': 'ملف واحد في كل مرة: سيُستورد {file} وحده.',
  'import.datasets.bundledName': 'حوادث منتقاة من خمس مقالات عربية',
  'import.datasets.newName': 'الاسم الجديد',
  'import.datasets.save': 'حفظ',
  'import.datasets.rename': 'إعادة تسمية',
  'import.datasets.confirmDelete': 'تأكيد الحذف',
  'import.datasets.deleteQuestion': 'هل تريد حذف «{name}» وجميع صفوفه؟',
  'import.datasets.delete': 'حذف',
  'import.datasets.keep': 'إبقاء',
  'import.datasets.empty': 'لا توجد مجموعات بيانات.',
  'import.datasets.error.name-empty': 'لا بد من اسم لمجموعة البيانات.',
  'import.datasets.error.name-too-long': 'هذا الاسم طويل جداً (الحد الأقصى {max} حرف).',
  'import.datasets.error.dataset-missing': 'لا توجد مجموعة بيانات بالمعرّف {id} (هل حُذفت في علامة تبويب أخرى؟).',
  'import.datasets.error.bundled-undeletable': 'لا يمكن حذف مجموعة البيانات المضمّنة في التطبيق؛ يمكنك إخفاؤها بدلاً من ذلك.',
  'import.datasets.error.unexpected': 'تعذّر تعديل مجموعة البيانات: {detail}',
};
