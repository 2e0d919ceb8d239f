// The document the page starts with for each kind. The memo is complete and realistic, so a
// secretary only changes what differs (ส่วนราชการ, เรื่อง, the text, the signer); the other kinds
// start from the skeleton of their required fields (form.js skeleton()).

export function memoSample(isoToday) {
  return {
    kind: 'memo',
    template: 'memo',
    memo: {
      agency: 'สำนักปลัด องค์การบริหารส่วนตำบลหนองบัว',
      reference: 'ขก ๗๑๒๐๑/',
      date: isoToday,
      subject: 'ขออนุมัติจัดประชุมประจำเดือนพนักงานส่วนตำบล',
      to: 'นายกองค์การบริหารส่วนตำบลหนองบัว',
      body: [
        'ด้วยสำนักปลัดมีหน้าที่จัดประชุมประจำเดือนพนักงานส่วนตำบลและพนักงานจ้าง เพื่อชี้แจงนโยบายของผู้บริหาร '
          + 'ติดตามผลการปฏิบัติงาน และรับทราบปัญหาอุปสรรคในการปฏิบัติงานของแต่ละส่วนราชการ',
        'สำนักปลัดจึงขออนุมัติจัดประชุมประจำเดือน ณ ห้องประชุมองค์การบริหารส่วนตำบลหนองบัว '
          + 'โดยมีระเบียบวาระการประชุม ดังนี้',
        {
          list: [
            'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ',
            'รับรองรายงานการประชุมครั้งที่แล้ว',
            'ติดตามผลการดำเนินงานของแต่ละส่วนราชการ',
            'เรื่องอื่น ๆ',
          ],
          marker: 'thai',
        },
      ],
      closing: 'จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ',
      signer: {
        name: 'นางสาวสุภาพร ใจดี',
        position: 'หัวหน้าสำนักปลัด',
      },
      comments: [
        {
          heading: 'ความเห็นของปลัดองค์การบริหารส่วนตำบล',
          lines: 2,
          signer: { name: 'นายสมชาย ทองดี', position: 'ปลัดองค์การบริหารส่วนตำบลหนองบัว' },
        },
        {
          heading: 'คำสั่งนายกองค์การบริหารส่วนตำบล',
          text: [{ paragraph: '☐ อนุมัติ      ☐ ไม่อนุมัติ', indent: 0 }],
        },
      ],
    },
  };
}
