#!/usr/bin/env python3
"""Writes a results-report table (seed 001 style: 8 columns, 2-level header, long rows
that split across pages) with ROWS rows, for the benchmark. Deterministic.

    scripts/gen_table.py --rows 400 -o big-table.yaml
"""
import argparse

MEASURES = [
    "มาตรการการปฏิบัติหรือให้บริการแก่บุคคลภายนอก เป็นไปตามขั้นตอนและระยะเวลาที่กำหนด",
    "มาตรการสร้างความโปร่งใสเกี่ยวกับการดำเนินงานและการใช้จ่ายงบประมาณ",
    "มาตรการการปรับปรุงคุณภาพการดำเนินงานหรือการบริการให้มีประสิทธิภาพ",
    "มาตรการสร้างการรับรู้ข้อมูลข่าวสารของหน่วยงานให้ประชาชนรับทราบอย่างครบถ้วน",
    "มาตรการการป้องกันการนำทรัพย์สินราชการไปใช้เพื่อประโยชน์ส่วนตัว",
    "มาตรการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
]
STEPS = [
    "จัดทำแผนการดำเนินงานและการใช้งบประมาณประจำปี โดยให้มีรายละเอียดโครงการ/กิจกรรม และงบประมาณที่ได้รับจัดสรร",
    "เผยแพร่ข้อมูลดังกล่าวบนเว็บไซต์ของหน่วยงานให้ประชาชนรับทราบ ภายในระยะเวลาที่กำหนด",
    "จัดทำคู่มือการให้บริการหรือแนวทางการปฏิบัติที่ผู้รับบริการสามารถเข้าใจได้ง่าย",
    "เปิดโอกาสให้บุคคลภายนอกได้มีส่วนร่วมในการดำเนินงานตามภารกิจของหน่วยงาน",
    "จัดทำข้อมูลสถิติการให้บริการ ณ จุดให้บริการ (Walk-in) และผ่านระบบ E-Service",
    "รายงานผลการดำเนินงานต่อผู้บริหารเป็นรายไตรมาส และปรับปรุงตามข้อเสนอแนะ",
]
RESULTS = [
    "เจ้าหน้าที่ลดขั้นตอนการปฏิบัติงาน และลดการใช้ดุลยพินิจ ผู้รับบริการได้รับความสะดวก รวดเร็ว",
    "หน่วยงานเผยแพร่ข้อมูลครบถ้วนตามกำหนด ประชาชนสามารถตรวจสอบได้ที่ https://www.taneun.go.th",
    "ผู้รับบริการมีความพึงพอใจร้อยละ 95.82 และไม่มีเรื่องร้องเรียน",
]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=400)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    out = ["kind: document", "title: ตารางรายงานผลการดำเนินการ (benchmark)", "blocks:",
           "  - heading: รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
           "  - section:", "      orientation: landscape", "      blocks:", "        - table:",
           "            caption: ตารางที่ ๑ ผลการดำเนินการตามมาตรการ",
           "            columns: [1.6cm, 3, 4.5, 2, 2, 2.2cm, 2.2cm, 4]",
           "            header:",
           "              - [{text: ลำดับที่, rowspan: 2}, {text: มาตรการหรือกิจกรรมที่ดำเนินการ, rowspan: 2},"
           " {text: ขั้นตอนหรือวิธีการปฏิบัติ, rowspan: 2}, {text: ช่วงระยะเวลาในการดำเนินการ, rowspan: 2},"
           " {text: ผู้รับผิดชอบ, rowspan: 2}, {text: สรุปผลการดำเนินการ, colspan: 2},"
           " {text: ผลลัพธ์หรือความสำเร็จของการดำเนินการ, rowspan: 2}]",
           "              - [ดำเนินการแล้วเสร็จ, ไม่สามารถดำเนินการได้]",
           "            rows:"]
    for r in range(a.rows):
        if r % 25 == 0:
            out.append(f"              - group: กลุ่มมาตรการที่ {r // 25 + 1}")
        steps = [f"{k + 1}. {STEPS[(r + k) % len(STEPS)]}" for k in range(1 + (r * 7) % 6)]
        done = r % 9 != 0
        out.append(f"              - - \"{r + 1}\"")
        out.append(f"                - {MEASURES[r % len(MEASURES)]}")
        out.append("                - |-")
        out.extend(f"                  {s}" for s in steps)
        out.append("                - ต.ค. 2567 - ก.ย. 2568")
        out.append("                - สำนักปลัด")
        out.append("                - {text: \"" + ("✓" if done else "") + "\", align: center}")
        out.append("                - {text: \"" + ("" if done else "✓") + "\", align: center}")
        out.append(f"                - {RESULTS[r % len(RESULTS)]}")
    with open(a.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")

if __name__ == "__main__":
    main()
