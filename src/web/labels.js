// Thai labels for the form. The schema's titles and descriptions are mostly English (a few name the
// Thai field, e.g. "ส่วนราชการ"); the page shows these Thai labels, looked up by
// "kind.key" first, then by key, then falling back to the Thai part of the schema's description.

export const LABELS = {
  // memo, letter, stamped
  agency: 'ส่วนราชการ',
  reference: 'ที่',
  date: 'วันที่',
  subject: 'เรื่อง',
  to: 'เรียน',
  body: 'ข้อความ',
  closing: 'คำลงท้าย',
  'memo.closing': 'ข้อความปิดท้าย (จึงเรียนมาเพื่อ...)',
  signer: 'ผู้ลงนาม',
  comments: 'ความเห็นและคำสั่งผู้บังคับบัญชา',
  'comments.heading': 'หัวข้อความเห็น',
  'comments.lines': 'บรรทัดว่างสำหรับเขียนด้วยมือ',
  'comments.text': 'ข้อความความเห็น',
  heading: 'หัวข้อ',
  lines: 'จำนวนบรรทัด',
  text: 'ข้อความ',
  name: 'ชื่อ',
  position: 'ตำแหน่ง',
  acting: 'ปฏิบัติราชการแทน / รักษาราชการแทน',
  image: 'ไฟล์ภาพลายมือชื่อ',
  speed: 'ชั้นความเร็ว',
  secrecy: 'ชั้นความลับ',
  emblem: 'ไฟล์ภาพตราครุฑ',
  office: 'ส่วนราชการเจ้าของหนังสือและที่อยู่',
  references: 'อ้างถึง',
  enclosures: 'สิ่งที่ส่งมาด้วย',
  contact: 'ส่วนราชการเจ้าของเรื่อง (ท้ายหนังสือ)',
  unit: 'ส่วนราชการเจ้าของเรื่อง',
  phone: 'โทร.',
  fax: 'โทรสาร',
  email: 'ไปรษณีย์อิเล็กทรอนิกส์',
  'stamped.office': 'ส่วนราชการที่ประทับตรา',
  stamp: 'ไฟล์ภาพตราประทับ',
  initials: 'ลงชื่อย่อกำกับตรา',
  // order, announcement
  title: 'ชื่อเอกสาร',
  'order.title': 'คำขึ้นต้น (คำสั่ง)',
  'announcement.title': 'คำขึ้นต้น (ประกาศ)',
  issuer: 'ผู้ออก (ส่วนราชการ)',
  number: 'เลขที่',
  year: 'ปีของเลขที่ (พ.ศ.)',
  clauses: 'ข้อ (ข้อ ๑ ข้อ ๒ ...)',
  after: 'ข้อความหลังข้อ',
  effective: 'ทั้งนี้ ตั้งแต่',
  // certificate
  'certificate.title': 'ชื่อหนังสือ (หนังสือรับรอง)',
  holder: 'ผู้ได้รับการรับรอง',
  photo: 'ไฟล์รูปถ่าย',
  // minutes
  'minutes.title': 'ชื่อการประชุม',
  session: 'ครั้งที่',
  place: 'สถานที่ (ณ)',
  present: 'ผู้มาประชุม',
  absent: 'ผู้ไม่มาประชุม',
  attending: 'ผู้เข้าร่วมประชุม',
  reason: 'เหตุที่ไม่มา',
  opened: 'เริ่มประชุมเวลา (๐๙.๓๐)',
  opening: 'ข้อความเปิดประชุม',
  agenda: 'ระเบียบวาระการประชุม',
  'agenda.title': 'ชื่อวาระ',
  'agenda.body': 'รายละเอียด',
  resolution: 'มติที่ประชุม',
  closed: 'เลิกประชุมเวลา (๑๒.๐๐)',
  recorder: 'ผู้จดรายงานการประชุม',
  checker: 'ผู้ตรวจรายงานการประชุม',
  // report
  cover: 'ปก',
  'cover.title': 'ชื่อรายงาน',
  by: 'จัดทำโดย',
  organisation: 'หน่วยงาน',
  logo: 'ไฟล์ภาพตราหน่วยงาน',
  preface: 'คำนำ',
  'preface.heading': 'หัวข้อคำนำ',
  'preface.closing': 'ลงท้ายคำนำ',
  contents: 'มีสารบัญ',
  blocks: 'เนื้อหา',
  // the whole document
  template: 'แม่แบบ',
  author: 'ผู้จัดทำ (ข้อมูลของไฟล์ PDF)',
  'document.title': 'ชื่อเอกสาร (ข้อมูลของไฟล์ PDF)',
  'document.subject': 'เรื่อง (ข้อมูลของไฟล์ PDF)',
  keywords: 'คำสำคัญ',
  language: 'ภาษา',
  digits: 'ตัวเลข',
  dictionary: 'คำที่ไม่ตัดข้ามบรรทัด',
  dictionary_file: 'ไฟล์คำที่ไม่ตัดข้ามบรรทัด',
  style: 'ปรับรูปแบบ (YAML)',
  ita: 'ข้อมูลผลการประเมิน ITA (YAML)',
};

export const HINTS = {
  position: 'บรรทัดละหนึ่งตำแหน่ง',
  office: 'บรรทัดละหนึ่งบรรทัด',
  references: 'บรรทัดละหนึ่งเรื่อง',
  enclosures: 'บรรทัดละหนึ่งรายการ',
  keywords: 'บรรทัดละหนึ่งคำ',
  dictionary: 'บรรทัดละหนึ่งคำ',
  image: 'เลือกภาพ (PNG หรือ JPEG) จากเครื่องนี้ หรือพิมพ์ชื่อไฟล์ที่เซิร์ฟเวอร์อ่านได้',
  emblem: 'เลือกภาพ (PNG หรือ JPEG) จากเครื่องนี้ หรือพิมพ์ชื่อไฟล์ที่เซิร์ฟเวอร์อ่านได้',
  stamp: 'เลือกภาพ (PNG หรือ JPEG) จากเครื่องนี้ หรือพิมพ์ชื่อไฟล์ที่เซิร์ฟเวอร์อ่านได้',
  photo: 'เลือกภาพ (PNG หรือ JPEG) จากเครื่องนี้ หรือพิมพ์ชื่อไฟล์ที่เซิร์ฟเวอร์อ่านได้',
  logo: 'เลือกภาพ (PNG หรือ JPEG) จากเครื่องนี้ หรือพิมพ์ชื่อไฟล์ที่เซิร์ฟเวอร์อ่านได้',
  'comments.lines': 'จำนวนบรรทัดจุดไข่ปลาให้เขียนความเห็น',
  clauses: 'แต่ละข้อมีย่อหน้าได้หลายย่อหน้า',
};

export const ENUM_LABELS = {
  thai: 'เลขไทย (๑ ๒ ๓)',
  arabic: 'เลขอารบิก (1 2 3)',
  keep: 'ตามที่พิมพ์',
  'thai-paren': '(๑) (๒)',
  'arabic-paren': '(1) (2)',
  dash: 'ขีด (-)',
  bullet: 'จุด (•)',
  left: 'ชิดซ้าย',
  center: 'กึ่งกลาง',
  right: 'ชิดขวา',
  justify: 'เต็มบรรทัด',
  restart: 'เริ่มเลขหน้าใหม่',
  continue: 'ต่อเลขหน้า',
};

export const BLOCK_TYPES = {
  paragraph: 'ย่อหน้า',
  heading: 'หัวข้อ',
  list: 'รายการ (ข้อย่อย)',
  table: 'ตาราง',
  space: 'เว้นที่ว่าง',
  dotted: 'บรรทัดจุดไข่ปลา',
  pagebreak: 'ขึ้นหน้าใหม่',
  caption: 'คำอธิบายภาพ/ตาราง',
  note: 'หมายเหตุ',
  source: 'ที่มา',
  image: 'ภาพ',
  section: 'ส่วน (แนวตั้ง/แนวนอน)',
  chart: 'แผนภูมิ ITA',
  ita_table: 'ตาราง ITA',
};

export function labelFor(key, context) {
  for (let i = 0; i < context.length; i++) {
    const k = `${context.slice(i).join('.')}.${key}`;
    if (LABELS[k]) return LABELS[k];
  }
  return LABELS[key] || null;
}

export function hintFor(key, context) {
  const parent = context[context.length - 1];
  return HINTS[`${parent}.${key}`] || HINTS[key] || null;
}

// The Thai words of a schema description ("วันที่: 2025-04-24, ..." -> "วันที่"), if any.
export function thaiOf(description) {
  if (!description) return null;
  const m = /[\u0E00-\u0E7F][\u0E00-\u0E7F\s().]*/.exec(description);
  return m ? m[0].trim() : null;
}

// Thai for the server's most common messages (they are English); the original follows in
// brackets so nothing of it is lost.
const MESSAGES = [
  [/^must not be empty$/, 'ต้องกรอกช่องนี้'],
  [/looks like a Buddhist-era year/, 'ปีนี้เป็นปี พ.ศ.: เลือกวันที่จากปฏิทิน หรือเขียน BE ต่อท้าย'],
  [/^missing required key/, 'ยังไม่ได้กรอกช่องที่จำเป็น'],
  [/^unknown key/, 'ไม่รู้จักช่องนี้'],
  [/^expected a/, 'ชนิดของค่าไม่ถูกต้อง'],
  // The server's own answers (src/serve/server.cpp, request_folder.cpp), shown in the status line.
  [/^the server is busy/, 'เซิร์ฟเวอร์มีเอกสารรออยู่มาก โปรดลองใหม่อีกครั้ง'],
  [/^the document was not done within the time limit/, 'สร้างเอกสารไม่เสร็จภายในเวลาที่เซิร์ฟเวอร์กำหนด (เอกสารอาจยาวเกินไป)'],
  [/^the (document|request) is larger than/, 'เอกสารหรือภาพที่แนบมีขนาดใหญ่เกินกว่าที่เซิร์ฟเวอร์รับได้'],
  [/^at most \d+ images/, 'แนบภาพมากเกินจำนวนที่เซิร์ฟเวอร์รับได้'],
  [/^internal error/, 'เกิดข้อผิดพลาดภายในโปรแกรม (โปรดแจ้งผู้ดูแลระบบ)'],
  [/could not be stored$|^cannot make a folder for the request's images/, 'เซิร์ฟเวอร์เก็บภาพที่แนบไม่ได้'],
  [/^part '.*' is given twice$|^the part 'document' is given twice$/, 'ส่งภาพชื่อเดียวกันซ้ำ'],
  [/^part '/, 'ชื่อไฟล์ภาพที่แนบใช้ไม่ได้'],
  [/^not found$/, 'ไม่พบสิ่งที่ขอ'],
  [/Content-Length|Content-Type|^bad request$|^a multipart request|^the URL is too long$|^error \d+$/,
    'คำขอที่ส่งถึงเซิร์ฟเวอร์ไม่ถูกต้อง'],
];

export function thaiMessage(message) {
  const hit = MESSAGES.find(([re]) => re.test(message));
  return hit ? `${hit[1]} (${message})` : message;
}
