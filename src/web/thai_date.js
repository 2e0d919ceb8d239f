// Thai dates for the form: the schema's date values (2025-04-24, 2568-04-24 BE, ๒๔ เมษายน ๒๕๖๘)
// read into an ISO Common-era date for <input type="date">, and the Buddhist-era Thai date shown
// next to it. The form always writes the ISO Common-era date (YYYY-MM-DD), which the schema takes.

export const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export function toThaiDigits(s) {
  return String(s).replace(/[0-9]/g, (d) => THAI_DIGITS[d]);
}

function toArabicDigits(s) {
  return String(s).replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year, month, day) {
  if (year < 1 || year > 2399 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// The ISO Common-era date (YYYY-MM-DD) of a date value, or null when it is not a date the
// reader takes without doubt (2568-04-24 without BE is an error there, so it is not read here).
export function parseDate(value) {
  if (value === null || value === undefined) return null;
  const s = toArabicDigits(String(value)).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return Number(m[1]) >= 2400 ? null : iso(+m[1], +m[2], +m[3]);
  m = /^(\d{4})-(\d{2})-(\d{2})\s*(BE|B\.E\.|พ\.ศ\.|be|b\.e\.)$/.exec(s);
  if (m) return Number(m[1]) < 2400 ? null : iso(+m[1] - 543, +m[2], +m[3]);
  m = /^(\d{1,2})\s+(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})$/.exec(s);
  if (m) {
    const month = THAI_MONTHS.indexOf(m[2]) + 1;
    if (month > 0 && Number(m[3]) >= 2400) return iso(+m[3] - 543, month, +m[1]);
  }
  return null;
}

// ๒๔ เมษายน ๒๕๖๘ for 2025-04-24 (digits: 'thai' or 'arabic').
export function thaiDate(isoDate, digits = 'thai') {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
  if (!m) return '';
  const text = `${Number(m[3])} ${THAI_MONTHS[Number(m[2]) - 1]} ${Number(m[1]) + 543}`;
  return digits === 'arabic' ? text : toThaiDigits(text);
}
